// SPDX-License-Identifier: MIT
// Uncertainty of the compute-optimal frontier N*(C) = A C^a and D*(C) = B C^b of an IsoFLOP fit
// (scaling-laws.md 7.4): the runs are resampled with replacement within each budget, every resample
// is refitted (both parabolas of every budget in the fit range, their vertices, the two power laws),
// and the laws' samples give percentile intervals of the exponents, a confidence band of each law
// over compute, and intervals of what a typed budget buys. The power law's own standard errors treat
// the vertices as exact; the bootstrap carries the parabolas' uncertainty into the law, which is
// what a reader of the frontier wants to see.
#pragma once

#include <cstdint>
#include <vector>

#include "analysis/fit_common.h"
#include "analysis/isoflop_fit.h"

namespace seqscope::analysis {

struct LawSample {
    double lnA = 0, a = 0;    // ln prefactor and exponent of one resample's law
    double at(double compute) const { return std::exp(lnA + a * std::log(compute)); }
};

struct FrontierBootstrap {
    Status status;
    int resamples = 0;
    std::vector<LawSample> nLaw, dLaw;   // the resamples whose law could be fitted
    Interval nExponent, dExponent;       // percentile intervals of a and b
    double confidence = 0.95;

    // Percentile interval of N*(C) (or D*(C)) over the resampled laws.
    Interval nOptAt(double compute) const;
    Interval dOptAt(double compute) const;
};

// Resamples `points` (the fit's input) `resamples` times with `seed`; `options` are the fit's own
// (budgets, tolerance, fit range). Fails when the full-data fit has no power law.
FrontierBootstrap bootstrapFrontier(const std::vector<ScalingPoint>& points, const IsoflopFit& fit, int resamples,
                                    std::uint64_t seed = 42, double confidence = 0.95);

}  // namespace seqscope::analysis
