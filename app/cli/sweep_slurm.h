// SPDX-License-Identifier: MIT
// The Slurm side of `seqscope-cli sweep` (cmd_sweep_slurm.cpp, issue 17), called from cmd_sweep.cpp
// for `sweep isoflop|tokenparam --slurm` and `sweep resume NAME --slurm`.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "cli/command_line.h"
#include "storage/store.h"

namespace seqscope::cli {

// --slurm, --partition, --gpus-per-run, --cpus-per-run, --time, --account, --sbatch-template,
// --run-folder, --node-cli (group "Slurm").
std::vector<OptionSpec> slurmSubmitOptions();

// Submits the sweep's runs that need training as one job array and prints the job. `device` is the
// trainer's device on the nodes (the sweep itself is planned and checked on this machine's CPU).
// With `resubmit`, the sweep's recorded options and (possibly edited) script are used and the flags
// given go on sbatch's command line. Adds "slurm" to `out` and prints it with --json.
int submitSlurmSweep(Context& ctx, storage::Store& store, const std::string& dbPath, const storage::SweepRecord& sweep,
                     const std::string& device, bool resubmit, nlohmann::json out);

}  // namespace seqscope::cli
