// SPDX-License-Identifier: MIT
// The database record of a new training run, built the same way by `seqscope-cli train` and by the
// workbench's launcher, so a run looks alike whoever started it.
#pragma once

#include <string>
#include <vector>

#include "storage/records.h"
#include "training/training_config.h"

namespace seqscope::runs {

// "xlstm-1m T=256 tokens=2e+05" for presets, "xlstm-d256-L4 T=256 ..." for custom shapes.
std::string defaultRunName(const training::TrainingConfig& config);

// A `queued` run: architecture, sizes and FLOPs from the plan, the full config as JSON.
storage::RunRecord queuedRunRecord(const training::TrainingConfig& config, const training::TrainingPlan& plan,
                                   const std::string& name, const std::vector<std::string>& tags = {});

}  // namespace seqscope::runs
