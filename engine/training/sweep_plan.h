// SPDX-License-Identifier: MIT
// Sweep planning (LibTorch-free): the size ladder and the run lists of the paper's two studies at
// any scale. IsoFLOP (scaling-laws.md 7.1): per budget H, K model sizes around the expected optimum,
// each trained for steps = H / (B C_fwbw(T)) (rounded to whole steps, so the realised C lies within
// half a step of H). Token/param (section 10): each size trained to D = r N for each ratio r.
// The ladder keeps each architecture's proportions: depth grows with width (d/L ~ 24, at least 2 blocks),
// Transformer heads of 32-64 dims, xLSTM with few wide heads (d_v ~ 64-512, qk factor 0.5),
// FFN 2.667 d (rounded to 16 below d = 256, to 64 above); the paper's own six sizes sit at the top.
#pragma once

#include <string>
#include <vector>

#include "analysis/model_shape.h"
#include "common/status.h"
#include "training/training_config.h"

namespace seqscope::training {

// Heads the ladder gives a model of width d: Transformer d/64 (d/32 when 64 does not divide d);
// xLSTM about d/64 (1..8), reduced until it divides d/2 (the qk width).
int defaultHeads(analysis::Arch arch, int dModel);
// mLSTM chunk size for a context: min(64, the largest power of two <= T).
int chunkForContext(long long context);

// Shapes for `arch` in increasing parameter count, with `vocab` and a chunk suited to `context`
// (min(64, the largest power of two <= context)); maxContext = context.
std::vector<analysis::ModelShape> sizeLadder(analysis::Arch arch, int vocab, long long context);

struct SweepRunPlan {
    TrainingConfig config;         // ready for runTraining (budget in FLOPs or as a D/N ratio)
    TrainingPlan plan;             // derived numbers; plan.status not ok = skipped (e.g. below one step)
    double budget = 0;             // nominal FLOP budget H (isoflop) or D/N ratio (tokenparam)
    std::string label;             // "xlstm T=256 C=1e+13 N=1.2M"
    double estimatedSeconds = 0;   // from SweepOptions' throughput model
};

struct SweepPlan {
    Status status;
    std::string kind;              // "isoflop" | "tokenparam"
    std::vector<SweepRunPlan> runs;   // in execution order (context, arch, budget, size)
    std::vector<std::string> warnings;
    double totalFlops = 0;
    double estimatedSeconds = 0;   // NaN when no rate is known
    std::string timeSource;        // where the rates came from ("fitted to 3 finished runs ...")
    int runnable() const;          // runs whose plan is ok
};

// Every run's and the total estimated time from the two rates (runs/run_estimate.h measures them):
// seconds = FLOPs / flopsPerSecond + tokens / tokensPerSecond, validation included. A rate of 0
// leaves its term out; flopsPerSecond 0 makes the estimate unknown (NaN).
void estimateSweepTime(SweepPlan* plan, double flopsPerSecond, double tokensPerSecond, const std::string& source);

// The recipe sweeps start from (SweepOptions::base): a CPU-sized batch of 4096 tokens and a cheaper
// validation pass of 32768 tokens (the final loss is what counts), checkpoints only on cancel.
TrainingConfig sweepBaseConfig();

struct SweepOptions {
    TrainingConfig base = sweepBaseConfig();   // data, batch, optimizer, seed, device... (shape/budget/lr set per run)
    std::vector<analysis::Arch> archs = {analysis::Arch::XLstm, analysis::Arch::Transformer};
    std::vector<long long> contexts = {256}; // T values
    bool paperLr = true;                     // lr from paperPeakLearningRate(arch, N); false = base.lr for all
    int vocab = 260;                         // model vocabulary (>= the data's)
    // Time estimate (estimateSweepTime) when the caller has no measurement; 0 = unknown. The run
    // service replaces it with rates measured on this machine (runs/run_estimate.h).
    double flopsPerSecond = 0;
    double tokensPerSecond = 0;
    int minSteps = 20;                       // warn about runs with fewer optimizer steps
    int evalPasses = 5;                      // validation passes per run when base.evalEvery == 0
    // isoflop
    std::vector<double> budgets;             // FLOP budgets H
    int sizes = 5;                           // K model sizes per budget
    double targetRatio = 20;                 // expected optimum D/N at which the sizes are centred
    double span = 8;                         // largest / smallest N of a budget's sizes (> 1)
    // tokenparam
    std::vector<double> ratios;              // D/N values
    std::vector<double> sizeTargets;         // parameter counts; each maps to the nearest ladder rung
    bool isValid(const std::string& kind, std::string* error) const;
};

// Budgets for a first IsoFLOP sweep of small models that finishes in minutes on a laptop's CPU (the
// workbench's sweep dialog starts from them; the CLI asks for --budgets).
std::vector<double> exampleIsoflopBudgets();

SweepPlan planIsoflopSweep(const SweepOptions& options);
SweepPlan planTokenParamSweep(const SweepOptions& options);

}  // namespace seqscope::training
