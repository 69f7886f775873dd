// SPDX-License-Identifier: MIT
// Parametric L(N, D) fit (Chinchilla "Approach 3" with the outer exponent gamma), scaling-laws.md 8:
// one local minimisation of the summed Huber objective on log-loss from every point of the
// initialisation grid (2,000 starts; 8,000 with gamma), the lowest objective wins.
// The reference uses SciPy L-BFGS-B with finite-difference gradients, ftol = gtol = 1e-32,
// maxls = 200, no bounds; we use Ceres' L-BFGS line-search minimiser (GradientProblem) with the exact
// gradient and tolerances at the limit of double precision, i.e. both run until no further decrease
// is possible. Starts run on a pool of std::threads; each start is a pure function of its index, and
// the winner is the lowest objective with ties broken by the lower start index, so the result does
// not depend on the thread count.
// By default the grid is searched in two phases (StartSearch::Pruned, parametric_search.h): every
// start runs a short screening, and only the most promising ones run to the end; the exhaustive
// search runs every start to the end.
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "analysis/fit_common.h"
#include "analysis/parametric_model.h"
#include "analysis/scaling_point.h"
#include "common/status.h"

namespace seqscope::analysis {

// Initial values per parameter; starts are their Cartesian product.
struct ParametricGrid {
    std::vector<double> a, b, e, alpha, beta;   // a = ln A, b = ln B, e = ln E
    std::vector<double> gamma;                  // used only when gamma is fitted

    // scaling-laws.md 8.3 (run_fit_grid.py): 2,000 starts, 8,000 with gamma.
    static ParametricGrid paper();
    // scaling-laws.md 9 (Epoch AI's Chinchilla replication): 4,500 starts, gamma fixed.
    static ParametricGrid epochChinchilla();
    // A single start.
    static ParametricGrid single(const ParametricParams& p);

    size_t size(bool fitGamma) const;
    // Start k in the reference's enumeration order (numpy meshgrid(...).T.reshape): the last
    // parameter varies slowest, then ..., then a, and b fastest; k matches its init_idx.
    ParametricParams start(size_t k, bool fitGamma) const;
};

// How the initialisation grid is searched.
//   Exhaustive: every start runs to convergence (the reference's procedure).
//   Pruned: every start runs `screenIterations` L-BFGS iterations; starts that end within them are
//     finished. Of the others, the `survivors` with the lowest objective (ties: lower index; at most
//     one per end point, see parametric_search.h) rerun from their start to convergence. A rerun
//     repeats the screening iterations exactly, so every finished start's result is bit for bit
//     the one the exhaustive search computes for it.
//     On grids of more than `preScreenKeep` starts a cheaper pre-screening comes first: every start
//     runs `preScreenIterations` iterations, and only the `preScreenKeep` best (same rule) go on to
//     the screening, which reruns them from their start. Most of a start's screening cost is in its
//     first iterations' long line searches from the far corners of the grid, so this is what makes
//     large grids cheap (Chinchilla's 4,500 starts on 240 points: see docs/benchmarks.md).
// Why this does not lose the optimum in practice: the objective is a sum over a few dozen to a few
// hundred points and the grid oversamples its basins. On the paper's data most starts end at the
// optimum (5,470 of 8,000 with gamma, 1,527 of 2,000 without; 1,860 of 4,500 on Chinchilla with
// Epoch's grid), and after a few iterations the starts that will reach it fill the top of the
// ranking (the best screened start reaches it in all three, with or without the pre-screening).
// ParametricFit reports the best rank of a start that reached the optimum, in the screening and
// in the pre-screening, and warns when either is near its cut-off, i.e. when the pruning decided
// the result; rerun Exhaustive then. A grid with no more starts than `survivors` is searched
// exhaustively.
enum class StartSearch { Exhaustive, Pruned };
const char* searchName(StartSearch s);

struct ParametricOptions {
    bool fitGamma = false;               // fit gamma; false = gamma fixed at 1 (Chinchilla form)
    double huberDelta = 1e-3;            // Huber threshold on log-loss residuals
    ParametricGrid grid = ParametricGrid::paper();
    int threads = 0;                     // worker threads; 0 = all hardware threads
    int maxIterations = 1000;            // per start; on the paper data only starts drifting to the
                                         // degenerate gamma -> 0 region need more (SciPy: 15,000)
    double functionTolerance = 1e-15;    // Ceres: stop when |df| < tol * f (relative)
    double gradientTolerance = 1e-14;    // Ceres: stop when max |gradient| <= tol
    double parameterTolerance = 1e-14;   // Ceres: stop when |dx| <= tol * (|x| + tol)
    int lbfgsRank = 10;                  // history length (SciPy L-BFGS-B's m = 10)
    int maxLineSearchIterations = 200;   // SciPy maxls = 200
    double optimumTolerance = 1e-6;      // a start "reached the optimum" when its objective is within
                                         // this relative distance of the best
    bool keepStarts = false;             // store every start's outcome in ParametricFit::starts
    StartSearch search = StartSearch::Pruned;
    int screenIterations = 20;           // Pruned: L-BFGS iterations of every start's screening
    int survivors = 32;                  // Pruned: screened starts that run on to convergence
    int preScreenIterations = 3;         // Pruned: iterations of the pre-screening (grids larger than
    int preScreenKeep = 256;             //   preScreenKeep starts), which keeps the preScreenKeep
                                         //   best for the screening; 0 = no pre-screening
    InvalidPointPolicy invalidPoints = InvalidPointPolicy::Reject;
    // GUI hooks, both optional. `cancel` is polled between starts: when it turns true the fit ends
    // with StatusCode::Cancelled. `progress(done, total)` is called after each start from the
    // worker threads (it must be thread-safe and cheap, e.g. store into an atomic).
    const std::atomic<bool>* cancel = nullptr;
    std::function<void(int done, int total)> progress;

    bool isValid(std::string* error) const;
};

enum class StartTermination {
    Converged,       // a tolerance was met
    Stalled,         // the line search found no further decrease (precision limit; SciPy's usual end)
    MaxIterations,   // iteration cap reached
    Failed,          // no finite objective at the start, or solver error
};
const char* terminationName(StartTermination t);

struct StartOutcome {
    int index = -1;                  // position in the grid enumeration
    ParametricParams init, fitted;   // fitted: where the start ended (Pruned: where its screening
                                     // stopped, for a start that did not run on)
    double objective = 0;            // NaN when Failed
    int iterations = 0;
    StartTermination termination = StartTermination::Failed;
};

struct ParametricFit {
    Status status;
    ParametricParams params;         // the winning start's optimum
    double objective = 0;            // its summed Huber objective
    int winningStart = -1;           // grid index of the winner
    ParametricParams winningInit;
    int starts = 0;                  // grid size
    StartSearch search = StartSearch::Exhaustive;
    int finished = 0;                // starts run to the end (= starts when Exhaustive)
    int rerun = 0;                   // Pruned: survivors of the screening rerun to convergence
    int optimumScreenRank = -1;      // Pruned: the best screening rank (0 = lowest screened
                                     // objective among the starts still running) of a rerun start
                                     // that reached the optimum; -1 when none did (the optimum was
                                     // found by a start that ended within its screening)
    int survivorsAtOptimum = 0;      // Pruned: rerun starts that reached the optimum
    int screened = 0;                // Pruned: starts the screening ran (< starts after a pre-screening)
    int optimumPreScreenRank = -1;   // Pre-screened: the best pre-screening rank of a rerun start
                                     // that reached the optimum (-1: none, or no pre-screening)
    // Counts below are over finished starts.
    int converged = 0, stalled = 0, maxIterations = 0, failed = 0;
    int reachedOptimum = 0;          // finished starts within optimumTolerance of the best objective
    ParametricParams spreadMin, spreadMax;   // parameter range among those starts
    int points = 0;
    double rmseLogLoss = 0;          // point-wise RMS of ln L - ln L_hat
    double maeLoss = 0;              // point-wise mean |L - L_hat|
    bool fitGamma = false;
    double huberDelta = 0;
    int threads = 0;
    double seconds = 0;              // wall time of the grid
    std::vector<StartOutcome> starts_;   // every start (only with keepStarts; Pruned: the last
                                         // screened outcome for a start that did not run on)
    std::vector<std::string> warnings;

    std::string brief() const;
    std::string full() const;
};

// Fits one architecture (points mixing architectures are rejected). Needs N, D, loss > 0 and at
// least as many points as parameters (5, or 6 with gamma).
ParametricFit fitParametric(const std::vector<ScalingPoint>& points, const ParametricOptions& options = {});

enum class LineSearchDirection { Lbfgs, Bfgs };

// Minimises `objective` in place from x (objective.numParameters() values, reference order). Returns
// how it ended; *cost receives the objective at the returned x (NaN when Failed).
StartTermination minimizeVector(const HuberLogObjective& objective, double* x, const ParametricOptions& options,
                                LineSearchDirection direction, int* iterations, double* cost);

// One local minimisation with L-BFGS (used by the grid, the bootstrap and the benchmark).
StartOutcome minimizeFrom(const HuberLogObjective& objective, const ParametricParams& init,
                          const ParametricOptions& options);

// True when this build has Ceres (the parametric fits need it).
bool parametricFitAvailable();

}  // namespace seqscope::analysis
