// SPDX-License-Identifier: MIT
// Fitting a finished sweep (cmd_sweep.cpp): see sweep_fit.cpp.
#pragma once

#include <nlohmann/json.hpp>

#include "cli/command_line.h"
#include "common/status.h"
#include "storage/store.h"

namespace seqscope::cli {

// Fits every (arch, ctx) group of the sweep's finished runs, stores each successful fit, prints a
// brief report unless ctx.json, and adds the fits to (*out)["fits"].
Status fitSweep(Context& ctx, storage::Store& store, const storage::SweepRecord& sweep, nlohmann::json* out);

}  // namespace seqscope::cli
