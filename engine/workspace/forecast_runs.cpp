// SPDX-License-Identifier: MIT
// Stored runs for the final-loss forecasts (see forecast_runs.h).
#include "workspace/forecast_runs.h"

#include <map>

#include "common/metric_names.h"
#include "training/lr_schedule.h"
#include "training/training_config.h"
#include "workspace/scaling_points.h"

namespace seqscope::workspace {

namespace {

// The run without its curves: schedule, N, planned D.
Result<analysis::ForecastRun> describeRun(const storage::RunRecord& r) {
    auto config = training::trainingConfigFromJson(r.configJson);
    if (!config) return Status::invalid("run " + std::to_string(r.id) + ": its config: " + config.status().message());
    const auto plan = training::planTraining(*config);
    if (!plan.status) return Status::invalid("run " + std::to_string(r.id) + ": its plan: " + plan.status.message());
    analysis::ForecastRun run;
    run.id = r.id;
    run.name = r.name;
    run.arch = r.arch;
    run.ctx = r.ctx;
    run.params = static_cast<double>(plan.params);
    run.tokens = plan.tokens;
    run.plannedSteps = plan.steps;
    run.warmupSteps = plan.warmupSteps;
    run.finished = r.status == storage::RunStatus::Finished;
    // The trainer's schedule (trainer.cpp); LrSchedule::at takes the 0-based step.
    const training::LrSchedule schedule{config->lr, plan.warmupSteps, plan.steps, config->finalLrFactor};
    run.lr.resize(static_cast<size_t>(plan.steps));
    for (long long s = 0; s < plan.steps; ++s) run.lr[static_cast<size_t>(s)] = schedule.at(s);
    return run;
}

// Fills the train_loss and val_loss curves of `runs` with one query.
Status readCurves(storage::Store& store, std::vector<analysis::ForecastRun>& runs) {
    if (runs.empty()) return Status::ok();
    std::vector<long long> ids;
    std::map<long long, analysis::ForecastRun*> byId;
    for (auto& r : runs) ids.push_back(r.id), byId[r.id] = &r;
    auto names = store.metricNames();
    if (!names) return names.status();
    std::map<int, std::string> nameOf;
    for (const auto& n : *names) nameOf[n.id] = n.name;
    auto rows = store.metricsAfterStep(ids, 0, {metrics::kTrainLoss, metrics::kValLoss});
    if (!rows) return rows.status();
    for (const auto& row : *rows) {
        auto* run = byId[row.runId];
        const std::string& name = nameOf[row.nameId];
        // Rows come in step order per run; a step stored twice cannot occur (the store replaces it).
        if (name == metrics::kTrainLoss) run->trainSteps.push_back(row.step), run->trainLoss.push_back(row.value);
        else if (name == metrics::kValLoss) run->valSteps.push_back(row.step), run->valLoss.push_back(row.value);
    }
    return Status::ok();
}

}  // namespace

Result<analysis::ForecastRun> loadForecastRun(storage::Store& store, long long runId) {
    auto record = store.run(runId);
    if (!record) return record.status();
    auto run = describeRun(*record);
    if (!run) return run.status();
    std::vector<analysis::ForecastRun> one{std::move(*run)};
    if (Status s = readCurves(store, one); !s) return s;
    return std::move(one.front());
}

Result<std::vector<analysis::ForecastRun>> loadForecastRuns(storage::Store& store, const ScalingSource& source,
                                                            std::vector<std::string>* skipped) {
    if (source.kind == ScalingSource::Kind::Dataset) {
        auto datasets = store.referenceDatasets();
        if (!datasets) return datasets.status();
        for (const auto& d : *datasets)
            if (d.name == source.name)
                return Status::invalid("reference dataset '" + source.name +
                                       "' has final losses only, no loss curves; forecast a run-based source "
                                       "(runs, sweep:ID or tag:TAG)");
        return Status::notFound("no source '" + source.name + "': give runs, sweep:ID, sweep:NAME or tag:TAG");
    }
    storage::RunFilter filter;
    filter.status = storage::RunStatus::Finished;
    if (source.kind == ScalingSource::Kind::Tag) filter.tag = source.name;
    if (source.kind == ScalingSource::Kind::Sweep) {
        auto sweeps = store.sweeps();
        if (!sweeps) return sweeps.status();
        for (const auto& s : *sweeps)
            if (s.name == source.name || std::to_string(s.id) == source.name) filter.sweepId = s.id;
        if (filter.sweepId == 0) return Status::notFound("no sweep named or numbered '" + source.name + "'");
    }
    auto records = store.runs(filter);
    if (!records) return records.status();
    std::vector<analysis::ForecastRun> runs;
    for (const auto& r : *records) {
        auto run = describeRun(r);
        if (run) runs.push_back(std::move(*run));
        else if (skipped) skipped->push_back(run.status().message());
    }
    if (Status s = readCurves(store, runs); !s) return s;
    return runs;
}

Result<std::vector<analysis::ScalingPoint>> storedLawFamily(storage::Store& store, const analysis::ForecastRun& run) {
    storage::RunFilter filter;
    filter.arch = run.arch;
    auto points = finishedRunPoints(store, filter);
    if (!points) return points.status();
    std::vector<analysis::ScalingPoint> family;
    for (auto& p : *points)
        if (p.ctx == run.ctx && p.run != std::to_string(run.id)) family.push_back(std::move(p));
    return family;
}

}  // namespace seqscope::workspace
