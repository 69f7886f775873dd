// SPDX-License-Identifier: MIT
// IsoFLOP analysis (Chinchilla "Approach 2") as scaling-laws.md 7.1, 7.3 and 7.4 describe it:
// runs are assigned to nominal budgets H when |C - H| < 0.1 H (strict); each budget's compute is the
// mean C of its runs; per budget a second-degree polynomial of loss in log10 N and, independently,
// in log10 D is fitted by unweighted least squares; the vertices give N*, D*, L*; the power laws
// N* = A C^a and D* = B C^b are log-log regressions over the budgets inside the fit range.
// Additions: percentile bootstrap of the vertices (runs resampled within a budget), and explicit
// flags for a <= 0, vertices outside the sampled range and budgets with fewer than 3 runs.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "analysis/fit_common.h"
#include "analysis/power_law_fit.h"
#include "analysis/scaling_point.h"
#include "common/status.h"

namespace seqscope::analysis {

// The budgets the paper's power laws use (scaling-laws.md 7.4): [5e18, 2e20] for the IsoFLOP set at
// context 8192 (its 6e20 budget is shown but not fitted), [5e18, 5e19] for the three-budget sets at
// other contexts, which is also the context study's range.
inline constexpr double kPaperBudgetLo = 5e18;
inline constexpr double kPaperBudgetHi = 5e19;
inline constexpr double kPaperBudgetHiCtx8192 = 2e20;
void paperBudgetRange(const std::string& set, double* lo, double* hi);

struct IsoflopOptions {
    // Nominal budgets H (FLOPs). Empty: the distinct `budget` labels of the points; when no point
    // carries one, runs are grouped by compute (a chain of runs within +-tolerance) and H is the
    // geometric centre of each group.
    std::vector<double> budgets;
    double tolerance = 0.1;          // a run belongs to H when |C - H| < tolerance * H (strict, fraction)
    double fitRangeLo = 0.0;         // power laws use budgets with mean compute in [lo, hi] (FLOPs)
    double fitRangeHi = std::numeric_limits<double>::infinity();
    int minRunsPerBudget = 3;        // a parabola has three coefficients; fewer runs -> budget skipped
    int bootstrap = 0;               // resamples per budget for the N*, D*, L* intervals; 0 = none
    double confidence = 0.95;        // central percentile interval of the bootstrap (fraction)
    std::uint64_t seed = 42;         // bootstrap seed; the same seed gives the same intervals
    InvalidPointPolicy invalidPoints = InvalidPointPolicy::Reject;

    bool isValid(std::string* error) const;
};

// loss ~ a (log10 x)^2 + b log10 x + c over one budget's runs.
struct Parabola {
    Status status;                   // not ok: singular design (fewer than 3 distinct x)
    double a = 0, b = 0, c = 0;
    double aStdError = 0, bStdError = 0, cStdError = 0;   // sqrt(diag(pcov)); NaN with 3 runs
    double vertexLog10 = 0;          // -b / (2a), whatever its validity
    double log10Min = 0, log10Max = 0;   // sampled range of log10 x
    bool minimumValid = false;       // a > 0 and the vertex lies inside the sampled range
    std::string problem;             // why the minimum is not valid
    double xOpt = 0;                 // 10^vertex; NaN when !minimumValid
    double lossOpt = 0;              // polynomial at the vertex; NaN when !minimumValid
    double evaluate(double x) const; // the polynomial at x (not log10 x)
};

struct BudgetFit {
    double budget = 0;               // nominal H (FLOPs)
    double compute = 0;              // mean C of the assigned runs (FLOPs): the frontier's x value
    int runs = 0;
    std::vector<int> sourceRows;     // the runs assigned to this budget
    Parabola inN, inD;               // loss against log10 N and against log10 D
    double nOpt = 0, dOpt = 0;       // N*, D* (NaN when the parabola's minimum is not valid)
    double lossOpt = 0;              // L* from the N parabola (the D parabola's is inD.lossOpt)
    Interval nOptInterval, dOptInterval, lossOptInterval;   // bootstrap percentile intervals
    double nOptLog10StdError = 0, dOptLog10StdError = 0;    // bootstrap spread of log10 N*, log10 D*
    int bootstrapFailures = 0;       // resamples whose parabola had a <= 0 or was singular
    bool usable = false;             // enough runs and valid minima in N and D
    bool inFitRange = false;         // entered the power laws
    std::vector<std::string> warnings;
};

struct IsoflopFit {
    Status status;                   // not ok: no budget could be fitted (message says why)
    std::vector<BudgetFit> budgets;  // ascending budget
    PowerLawFit nOptLaw;             // N* = A C^a
    PowerLawFit dOptLaw;             // D* = B C^b
    std::vector<int> unassignedRows; // runs within no budget's tolerance ("extra"), not fitted
    int pointsUsed = 0;
    std::vector<std::string> warnings;
    IsoflopOptions options;

    std::string brief() const;       // one line per budget plus the two laws
    std::string full() const;        // coefficients, standard errors, intervals, rows and warnings
};

// One architecture at one context; points mixing either are rejected.
IsoflopFit fitIsoflop(const std::vector<ScalingPoint>& points, const IsoflopOptions& options = {});

// Least-squares parabola of y in log10 x (exposed for tests and the GUI's curve drawing).
Parabola fitLogParabola(const std::vector<double>& x, const std::vector<double>& y);

// Nominal budget of `flops` among `budgets` under the strict tolerance rule; 0 when none.
double assignBudget(double flops, const std::vector<double>& budgets, double tolerance);

}  // namespace seqscope::analysis
