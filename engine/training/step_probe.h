// SPDX-License-Identifier: MIT
// probeTrainingStep: one optimizer step of a run's model and batch, measured on this machine before
// the run exists, for estimates when nothing has run here yet. The model, its gradients and the AdamW
// moments are built for real, so their bytes are those of the actual tensors; the activation memory
// is the peak resident-memory growth of a timed step after a warm-up step (CPU; on CUDA the
// allocator's peak). Random tokens: the cost of a step does not depend on the data.
// Public and LibTorch-free.
#pragma once

#include "common/status.h"
#include "training/training_config.h"

namespace seqscope::training {

struct StepProbe {
    Status status;
    double stepSeconds = 0;         // one optimizer step (all micro-batches), after a warm-up step
    double flopsPerSecond = 0;      // the plan's FLOPs per step / stepSeconds
    double tokensPerSecond = 0;
    long long parameterBytes = 0;   // weights (float32 master copy)
    long long gradientBytes = 0;
    long long optimizerBytes = 0;   // AdamW moments
    long long activationBytes = -1; // peak growth during the step; -1 = not measurable here
    const char* activationMethod = "";   // "rss-growth", "cuda-peak"
};

// Trains one warm-up and one timed step of `config` (its model, micro-batch and accumulation) on
// random tokens; never touches the run's data or checkpoints. Uses config.threads like a run.
StepProbe probeTrainingStep(const TrainingConfig& config);

}  // namespace seqscope::training
