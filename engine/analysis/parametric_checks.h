// SPDX-License-Identifier: MIT
// Checks of a parametric L(N, D) fit (scaling-laws.md 8) that a reader wants next to the fitted
// numbers: which budget each point belongs to (for residuals by budget), a leave-one-budget-out
// refit that predicts the held-out budget (the error a user who had stopped one budget earlier would
// have made), and how the exponents move with the Huber delta (the reference sweeps 1e-5 .. 5).
// Every refit goes through fitParametric, so ParametricOptions::cancel and ::progress apply.
#pragma once

#include <vector>

#include "analysis/parametric_fit.h"
#include "analysis/scaling_point.h"
#include "common/status.h"

namespace seqscope::analysis {

// A quick-look grid: the paper's grid (scaling-laws.md 8.3) subsampled to a in {0, 10, 20},
// b in {0, 10, 20}, e in {-1, 0, 1}, alpha and beta in {0.2, 0.5}, gamma in {0.5, 1}: 108 starts,
// 216 with gamma. Refits of the checks use it so they cost a fraction of the main fit.
ParametricGrid coarseGrid();

// `count` values log-spaced over [lo, hi] (both > 0).
std::vector<double> logSpaced(double lo, double hi, int count);

// One budget label per point, for grouping: a point's own budget when it has one (IsoFLOP sets,
// runs grouped by workspace::groupRunBudgets); else the nearest such label within `tolerance`
// (|C - H| < tolerance H); else its compute rounded to half a decade (1e19, 3.2e19, 1e20, ...).
// Token/parameter sets and digitised data (Chinchilla) have a continuum of compute values, where
// chaining by 10 % would give one point per group or one group per decade chain; half-decade bins
// give a handful of comparable groups. 0 for points without a known compute.
std::vector<double> budgetLabels(const std::vector<ScalingPoint>& points, double tolerance = 0.1);

// The fit without the points of one budget, and its prediction of them.
struct BudgetHoldout {
    Status status;
    double budget = 0;              // the label left out
    int heldOut = 0, trainedOn = 0; // points predicted, points fitted
    ParametricParams params;        // the fit without the budget
    double meanObserved = 0;        // mean observed loss of the held-out points
    double meanPredicted = 0;       // mean predicted loss of the held-out points
    double meanRelError = 0;        // mean (predicted / observed - 1), signed
    double maxAbsRelError = 0;      // max |predicted / observed - 1|
};

// Leaves out each of the `count` largest budgets in turn (largest first), refits on the rest from
// every start of `options.grid` and from each of `extraStarts` (single local fits), keeps the lowest
// objective and predicts the held-out points. `labels` comes from budgetLabels. A budget whose
// removal leaves too few points gets an InvalidArgument status; cancellation ends the list early
// with a Cancelled row.
std::vector<BudgetHoldout> leaveLargestBudgetsOut(const std::vector<ScalingPoint>& points, const std::vector<double>& labels,
                                                  int count, const ParametricOptions& options,
                                                  const std::vector<ParametricParams>& extraStarts = {});

// The optimum at one Huber delta.
struct DeltaFit {
    Status status;
    double delta = 0;
    ParametricParams params;
    double objective = 0;
};

// Refits at each delta from each of `starts` (single local fits; the fit at the chosen delta is a
// good start for its neighbours) and keeps the lowest objective per delta. options.huberDelta and
// options.grid are ignored.
std::vector<DeltaFit> huberDeltaSweep(const std::vector<ScalingPoint>& points, const std::vector<double>& deltas,
                                      const std::vector<ParametricParams>& starts, const ParametricOptions& options);

}  // namespace seqscope::analysis
