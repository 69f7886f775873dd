// SPDX-License-Identifier: MIT
// Shared plumbing of `train` and `sweep` (cmd_train.cpp, cmd_sweep.cpp): flags to a RunRequest
// (the run service, engine/runs/, decides the rest), the Ctrl-C flag, the progress bar, and the
// reports. No LibTorch (engine/training/trainer.h).
#pragma once

#include <nlohmann/json.hpp>

#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "cli/command_line.h"
#include "runs/run_estimate.h"
#include "runs/run_request.h"
#include "storage/store.h"
#include "training/trainer.h"

namespace seqscope::cli::traincli {

// --- Flags ------------------------------------------------------------------------------------------
std::vector<OptionSpec> modelOptions();    // --arch --preset --d-model --layers --heads --vocab
std::vector<OptionSpec> recipeOptions();   // --data --lr --batch --batch-tokens --micro-batch --seed --device ...

// The flags as a run request: only what was given is set (runs/run_resolver.h decides the rest).
// Recipe flags only (data, optimisation, compute, checkpoints); throws UsageError for values that
// are malformed as flags (negative seed, --batch with --batch-tokens).
runs::RunRequest recipeRequest(const Args& args);
// Model, context and budget flags on top of recipeRequest, plus --name and --tag.
runs::RunRequest trainRequest(const Args& args);

// --- Ctrl-C -----------------------------------------------------------------------------------------
// Installs SIGINT/SIGTERM handlers that set a flag (a second Ctrl-C kills as usual); restores the
// previous handlers on destruction.
class CancelOnSignal {
public:
    CancelOnSignal();
    ~CancelOnSignal();
    static bool requested();
    static void reset();
};

// --- Progress ---------------------------------------------------------------------------------------
// A progress bar with ETA on a terminal (redrawn at most 4 times a second), one line per validation
// pass otherwise (logs, pipes, tests); Ctrl-C (CancelOnSignal) asks the run to stop.
std::unique_ptr<training::TrainingObserver> makeProgressBar(std::ostream* err, bool enabled);

// The resolved config and derived numbers, as printed at the start of `train` and in JSON.
void printPlan(std::ostream& out, const training::TrainingConfig& config, const training::TrainingPlan& plan);
nlohmann::json planJson(const training::TrainingConfig& config, const training::TrainingPlan& plan);
// The run service's time and memory estimate (runs/run_estimate.h), as a line and as JSON.
void printEstimate(std::ostream& out, const runs::RunEstimate& estimate);
nlohmann::json estimateJson(const runs::RunEstimate& estimate);
nlohmann::json resultJson(const training::TrainingResult& result);

std::string formatDuration(double seconds);   // "1h02m", "3m05s", "12.3s"
std::string formatCount(double value);        // "1.23M", "456k", "12"

}  // namespace seqscope::cli::traincli
