// SPDX-License-Identifier: MIT
#include "workspace/scaling_points.h"

#include <cmath>

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

}  // namespace seqscope::workspace
