// SPDX-License-Identifier: MIT
// Training checkpoints (engine-internal, LibTorch): one torch::serialize archive holding a magic
// number and format version, the run's config (JSON), the step and data position, the divergence
// monitor's running average, the elapsed wall time, the CPU generator state, the model's parameters
// and buffers and the AdamW state (moments and step counts per parameter group). Written to a
// temporary file and renamed, so a crash mid-write leaves the previous checkpoint intact.
#pragma once

#include <torch/torch.h>

#include <string>

#include "common/status.h"

namespace seqscope::training {

inline constexpr std::int64_t kCheckpointMagic = 0x5345515343505431LL;   // "SEQSCPT1"
inline constexpr std::int64_t kCheckpointVersion = 1;

struct CheckpointState {
    long long step = 0;             // optimizer steps completed
    long long sequences = 0;        // training sequences consumed (data position)
    double elapsedSeconds = 0;      // wall time so far
    double lossAverage = 0;         // divergence monitor: running average of the step loss
    long long lossCount = 0;        // steps that entered the average
    double lastTrainLoss = 0;
    std::string configJson;
};

Status saveCheckpoint(const std::string& path, torch::nn::Module& model, torch::optim::Optimizer& optimizer,
                      const CheckpointState& state);

// Loads into an already constructed model and optimizer of the same shape (names and shapes are
// checked by LibTorch; a mismatch is reported as Incompatible). Tensors land on `device`.
Status loadCheckpoint(const std::string& path, torch::nn::Module& model, torch::optim::Optimizer& optimizer,
                      const torch::Device& device, CheckpointState* state);

}  // namespace seqscope::training
