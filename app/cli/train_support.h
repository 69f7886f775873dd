// SPDX-License-Identifier: MIT
// Shared plumbing of `train` and `sweep` (cmd_train.cpp, cmd_sweep.cpp): building a TrainingConfig
// from flags, the Ctrl-C flag, the observer that streams metrics into the store through a
// MetricsWriter and draws a progress bar with ETA on stderr, and executing one stored run from
// queued/cancelled/interrupted to its terminal status. No LibTorch (engine/training/trainer.h).
#pragma once

#include <nlohmann/json.hpp>

#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "cli/command_line.h"
#include "storage/store.h"
#include "training/trainer.h"

namespace seqscope::cli::traincli {

// --- Flags ------------------------------------------------------------------------------------------
std::vector<OptionSpec> modelOptions();    // --arch --preset --d-model --layers --heads --vocab
std::vector<OptionSpec> recipeOptions();   // --data --lr --batch --batch-tokens --micro-batch --seed --device ...

// Recipe flags (everything but model and budget) applied over `config`. Throws UsageError.
void applyRecipe(const Args& args, training::TrainingConfig* config);
// The model from --preset or --arch/--d-model/--layers[/--heads], for context `ctx` and the data's
// vocabulary `dataVocab` (when --vocab is absent). Throws UsageError for missing or clashing flags.
analysis::ModelShape shapeFromArgs(const Args& args, long long ctx, int dataVocab, std::string* presetName);
// The data's vocabulary, loading it once to fail early on a missing/empty corpus or bad task.
Result<int> probeData(const training::TrainingConfig& config);

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

// --- Executing a stored run ---------------------------------------------------------------------------
struct ExecuteOptions {
    bool progress = true;             // progress bar on `err` (off with --json)
    std::string resumeFrom;           // checkpoint path; "" = from step 0
    std::ostream* err = nullptr;
};

struct ExecuteResult {
    training::TrainingResult training;
    storage::RunStatus status = storage::RunStatus::Failed;
    Status storeStatus;               // metrics writer or finishRun failure ("" when fine)
};

// Marks the run started, trains with metrics streamed through a MetricsWriter on `dbPath`, then
// records the terminal status and reason. The run must exist. It opens its own short-lived Stores
// and the caller must hold no Store of this process on `dbPath` meanwhile: Store::open reads the
// file header with plain file I/O, and closing that descriptor drops every POSIX lock this process
// holds on the file (SQLite's documented pitfall), so another process could checkpoint away the
// WAL under a still-open writer. Only one connection is open while the writer works.
ExecuteResult executeStoredRun(const std::string& dbPath, long long runId, const training::TrainingConfig& config,
                               const ExecuteOptions& options);

storage::RunStatus toRunStatus(training::TrainingOutcome outcome);

// Where a run's checkpoints go: <root>/run-<id>, root = --checkpoint-dir or "<db file>.checkpoints".
std::string checkpointDirFor(const std::string& root, const std::string& dbPath, long long runId);

// The resolved config and derived numbers, as printed at the start of `train` and in JSON.
void printPlan(std::ostream& out, const training::TrainingConfig& config, const training::TrainingPlan& plan);
nlohmann::json planJson(const training::TrainingConfig& config, const training::TrainingPlan& plan);
nlohmann::json resultJson(const training::TrainingResult& result);

std::string formatDuration(double seconds);   // "1h02m", "3m05s", "12.3s"
std::string formatCount(double value);        // "1.23M", "456k", "12"

}  // namespace seqscope::cli::traincli
