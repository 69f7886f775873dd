// SPDX-License-Identifier: MIT
// The context-length study of scaling-laws.md 11: for one architecture, an IsoFLOP analysis per
// context T (parabolas, minima, x* = A C^a over the budgets inside the fit range, by default
// [5e18, 5e19]), then per budget the laws N*(T) = A T^a and D*(T) = B T^b across the contexts whose
// minimum at that budget is valid. Budgets are matched across contexts by their nominal value H.
#pragma once

#include <string>
#include <vector>

#include "analysis/isoflop_fit.h"
#include "analysis/power_law_fit.h"

namespace seqscope::analysis {

struct ContextBudgetLaw {
    double budget = 0;                  // nominal H (FLOPs)
    std::vector<long long> contexts;    // contexts with a valid minimum at this budget
    std::vector<double> nOpt, dOpt, lossOpt;
    PowerLawFit nOptLaw;                // N*(T) = A T^a
    PowerLawFit dOptLaw;                // D*(T) = B T^b
};

struct ContextStudy {
    Status status;
    std::vector<long long> contexts;    // ascending
    std::vector<IsoflopFit> perContext; // same order as contexts
    std::vector<ContextBudgetLaw> perBudget;
    std::vector<std::string> warnings;
    std::string brief() const;
};

// Points of one architecture at two or more contexts (ctx > 0 on every point). The per-context fits
// use `options` (its fit range selects the budgets of the C laws: the paper uses [5e18, 5e19]).
ContextStudy fitContextStudy(const std::vector<ScalingPoint>& points, const IsoflopOptions& options);

}  // namespace seqscope::analysis
