// SPDX-License-Identifier: MIT
#include "workspace/scaling_points.h"

#include <cmath>

#include "common/metric_names.h"
#include "training/training_config.h"

namespace seqscope::workspace {

std::vector<analysis::ScalingPoint> toScalingPoints(const std::vector<storage::ResultRow>& rows,
                                                    const PointFilter& filter) {
    std::vector<analysis::ScalingPoint> points;
    points.reserve(rows.size());
    for (const auto& r : rows) {
        if (!filter.arch.empty() && r.arch != filter.arch) continue;
        if (!filter.set.empty() && r.set != filter.set) continue;
        if (filter.ctx != 0 && r.ctx != filter.ctx) continue;
        if (!r.included && !filter.includeExcluded) continue;
        analysis::ScalingPoint p;
        p.arch = r.arch;
        p.set = r.set;
        p.run = r.run;
        p.ctx = r.ctx;
        // Missing values stay NaN so the fits can name the row instead of fitting a zero.
        p.params = r.params;
        p.tokens = r.tokens;
        p.flops = r.flops;
        p.loss = r.loss;
        p.budget = std::isfinite(r.budget) ? r.budget : 0.0;
        p.included = r.included;
        p.sourceRow = r.sourceLine;
        points.push_back(std::move(p));
    }
    return points;
}

double lastMetricValue(storage::Store& store, long long runId, const char* name) {
    auto summary = store.metricSummary(runId);
    if (summary)
        for (const auto& m : *summary)
            if (m.name == name) return m.lastValue;
    return NAN;
}

Result<std::vector<analysis::ScalingPoint>> finishedRunPoints(storage::Store& store, storage::RunFilter filter) {
    filter.status = storage::RunStatus::Finished;
    auto runs = store.runs(filter);
    if (!runs) return runs.status();
    std::vector<analysis::ScalingPoint> points;
    for (const auto& r : *runs) {
        auto config = training::trainingConfigFromJson(r.configJson);
        if (!config) continue;
        const auto plan = training::planTraining(*config);
        const double loss = lastMetricValue(store, r.id, metrics::kValLoss);
        if (!std::isfinite(loss) || !plan.status) continue;
        analysis::ScalingPoint p;
        p.arch = r.arch;
        p.ctx = r.ctx;
        p.run = std::to_string(r.id);
        p.params = static_cast<double>(plan.params);
        p.tokens = plan.tokens;
        p.flops = plan.flops;
        p.loss = loss;
        p.budget = config->budgetKind == training::BudgetKind::Flops ? config->budget : 0;
        p.sourceRow = static_cast<int>(r.id);
        points.push_back(std::move(p));
    }
    return points;
}

}  // namespace seqscope::workspace
