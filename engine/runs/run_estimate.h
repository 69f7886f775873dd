// SPDX-License-Identifier: MIT
// How long a run will take and how much memory it needs, for the New Run panel, `train --plan-only`
// and sweep plans alike. Time: seconds = FLOPs / a + tokens / b, the two rates measured on this
// machine: fitted to the runs that finished here (their stored FLOP/s and tokens/s), or, when none
// has, from a one-step probe of the run itself (training/step_probe.h). The token term is the
// per-token work FLOP counts miss (embedding, logits, loss); it dominates for tiny models. Memory:
// weights, gradients and AdamW moments of the actual tensors plus the activations the probe saw.
#pragma once

#include <string>

#include "storage/store.h"
#include "training/step_probe.h"
#include "training/sweep_plan.h"
#include "training/training_config.h"

namespace seqscope::runs {

struct Throughput {
    double flopsPerSecond = 0;     // a: training FLOP/s (paper accounting); 0 = unknown
    double tokensPerSecond = 0;    // b: per-token rate; 0 = no token term
    std::string source;            // "fitted to 4 finished runs on this machine", "one-step probe", ""
    bool known() const { return flopsPerSecond > 0; }
    // Both terms fitted (runs of at least two sizes): good for models of other sizes too. A lone
    // FLOP/s from one size misjudges much smaller models, whose per-token work dominates.
    bool general() const { return flopsPerSecond > 0 && tokensPerSecond > 0; }
    double seconds(double flops, double tokens) const;   // NaN when unknown
};

// The work a run does: its training tokens and FLOPs plus its validation passes, a validation token
// costing a forward pass (a third of a training token).
struct RunWork {
    double flops = 0, tokens = 0;
};
RunWork runWork(const training::TrainingConfig& config, const training::TrainingPlan& plan);

// A probe step of `config`'s model on up to 4096 tokens of its micro-batch (cheap even for large
// models), scaled to the run's micro-batch and step: time and activations in proportion.
training::StepProbe probeRun(const training::TrainingConfig& config);

// Fitted to the finished runs in `store` on this host and device kind ("cpu" or "cuda"): each run's
// wall time per token of work (training plus validation) = flops_per_token / a + 1 / b, least
// squares over the runs (at least two of different sizes for both terms; otherwise a alone, the
// median of the runs' FLOP/s).
Throughput measuredThroughput(storage::Store& store, const std::string& device = "cpu");
// From a probe step: a = its FLOP/s, no token term (the probe is the run itself).
Throughput probeThroughput(const training::StepProbe& probe);

struct RunEstimate {
    double seconds = 0;            // NaN when the throughput is unknown
    std::string timeSource;        // Throughput::source
    double parameterBytes = 0, gradientBytes = 0, optimizerBytes = 0, activationBytes = 0;
    bool activationsMeasured = false;   // false: activations unknown until a probe ran
    std::string memorySource;      // "model tensors and a probe step", "model tensors (float32)"
    double totalBytes() const { return parameterBytes + gradientBytes + optimizerBytes + activationBytes; }
};

// Time from `throughput` (training plus validation tokens); memory from `probe` when given (ok),
// else weights, gradients and both moments as float32 copies of the plan's N.
RunEstimate estimateRun(const training::TrainingConfig& config, const training::TrainingPlan& plan,
                        const Throughput& throughput, const training::StepProbe* probe = nullptr);

// The rates for a run or a sweep on this machine: fitted to `store`'s finished runs when they cover
// several sizes (Throughput::general; store may be null), else a one-step probe of `representative`.
Throughput machineThroughput(storage::Store* store, const training::TrainingConfig& representative);

// The sweep's runnable run of median FLOPs (what a probe times for the whole sweep); null if none.
const training::SweepRunPlan* medianRun(const training::SweepPlan& plan);
// The rates for a sweep: fitted to `store`'s finished runs when general, else to probe steps of the
// sweep's smallest and largest model (two sizes fit both terms).
Throughput sweepThroughput(const training::SweepPlan& plan, storage::Store* store);
// Re-estimates a sweep plan's times with sweepThroughput.
void estimateSweep(training::SweepPlan* plan, storage::Store* store);

}  // namespace seqscope::runs
