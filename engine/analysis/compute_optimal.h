// SPDX-License-Identifier: MIT
// Quantities derived from a parametric fit L(N, D) = E + (A N^-alpha + B D^-beta)^gamma:
// the compute-optimal split of a budget C, the efficient frontier over a range of budgets, and
// iso-loss contours. Compute is modelled as C = k N D. The paper's accounting (scaling-laws.md 4) is
// not a function of N alone (it needs the model shape and, for Transformers, grows with T), so k is
// either given (6 = the 6ND rule) or taken from the fitted runs themselves: the median of C / (N D)
// over runs at the chosen architecture and context, which carries the paper's accounting, including
// the attention term at that T, into the allocation. Because gamma > 0 only rescales the reducible
// part, the optimum is gamma-independent:
//   N* = G (C/k)^(beta/(alpha+beta)),  G = (alpha A / (beta B))^(1/(alpha+beta)),  D* = C / (k N*).
#pragma once

#include <string>
#include <vector>

#include "analysis/fit_common.h"
#include "analysis/parametric_model.h"
#include "analysis/scaling_point.h"
#include "common/status.h"

namespace seqscope::analysis {

struct ComputeModel {
    double flopsPerParamToken = 6.0;   // k in C = k N D (FLOPs per parameter per token)
    std::string source = "6ND rule";   // where k came from, for reports
    bool isValid(std::string* error) const;
};

// k as the median of C / (N D) over points with all three known and positive. Fails when none has.
Result<ComputeModel> computeModelFromPoints(const std::vector<ScalingPoint>& points);

struct OptimalAllocation {
    Status status;
    double compute = 0;          // C (FLOPs)
    double params = 0;           // N*
    double tokens = 0;           // D*
    double loss = 0;             // L(N*, D*)
    double tokensPerParam = 0;   // D* / N*
    double flopsPerParamToken = 0;
    Interval paramsInterval, tokensInterval, lossInterval;   // from bootstrap samples, if given
};

// The compute-optimal split of `compute`. Needs alpha, beta, gamma > 0.
OptimalAllocation computeOptimal(const ParametricParams& params, double compute, const ComputeModel& model);
// Same, plus percentile intervals over resampled parameter sets (e.g. ParametricBootstrap::samples).
OptimalAllocation computeOptimal(const ParametricParams& params, double compute, const ComputeModel& model,
                                 const std::vector<ParametricParams>& samples, double confidence);

// `count` budgets log-spaced over [cLo, cHi].
std::vector<OptimalAllocation> computeOptimalFrontier(const ParametricParams& params, double cLo, double cHi, int count,
                                                      const ComputeModel& model);

// Points (N, D) with L(N, D) = loss for N log-spaced over [nLo, nHi]; N where no finite D reaches
// the loss (the N term alone is already at or above it) is left out.
struct IsoLossContour {
    Status status;
    double loss = 0;
    std::vector<double> params, tokens;
};
IsoLossContour isoLossContour(const ParametricParams& params, double loss, double nLo, double nHi, int count);

}  // namespace seqscope::analysis
