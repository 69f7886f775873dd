// SPDX-License-Identifier: MIT
// Stored runs as the final-loss forecasts take them (analysis/loss_forecast.h): the schedule of
// every planned step from the run's config (training/lr_schedule, as the trainer builds it), N and
// the planned D from its plan, and its train_loss and val_loss curves. Shared by
// `seqscope-cli forecast` and the workbench's Loss Curves view. Reference datasets hold final
// losses only, no curves, so they are refused as forecast sources.
#pragma once

#include <vector>

#include "analysis/loss_forecast.h"
#include "storage/store.h"
#include "workspace/scaling_sources.h"

namespace seqscope::workspace {

// One run with its curves (any status; `finished` when its status is finished). NotFound names the
// id; InvalidArgument when its stored config cannot be read or planned.
Result<analysis::ForecastRun> loadForecastRun(storage::Store& store, long long runId);

// The finished runs of a run-based source (runs, sweep:ID or NAME, tag:TAG) with their curves, in
// id order. A dataset source is refused: "reference dataset 'X' has final losses only, no curves".
// Runs whose config cannot be planned are skipped and named in *skipped (may be null).
Result<std::vector<analysis::ForecastRun>> loadForecastRuns(storage::Store& store, const ScalingSource& source,
                                                            std::vector<std::string>* skipped = nullptr);

// The law family of `run` in this database: every finished run of its architecture and context
// except itself, as scaling points (N, planned D, final val_loss; finishedRunPoints).
Result<std::vector<analysis::ScalingPoint>> storedLawFamily(storage::Store& store, const analysis::ForecastRun& run);

}  // namespace seqscope::workspace
