// SPDX-License-Identifier: MIT
// The names of the metrics a training run stores, written by the run executor (runs/run_executor)
// and read by every view, fit and export: one spelling, here. Values are per optimizer step unless
// noted; the stored x values are step, tokens, FLOPs and wall time.
#pragma once

namespace seqscope::metrics {

inline constexpr const char* kTrainLoss = "train_loss";        // mean loss of the step, nats per token
inline constexpr const char* kValLoss = "val_loss";            // held-out loss of a validation pass
inline constexpr const char* kValAccuracy = "val_accuracy";    // synthetic tasks: fraction right
inline constexpr const char* kLearningRate = "lr";             // learning rate of the step
inline constexpr const char* kGradNorm = "grad_norm";          // global gradient norm before clipping
inline constexpr const char* kTokensPerSecond = "tokens_per_s";
inline constexpr const char* kFlopsPerSecond = "flops_per_s";  // training FLOP/s (paper accounting)
inline constexpr const char* kMfu = "mfu";                     // model FLOPs utilisation (fraction)

}  // namespace seqscope::metrics
