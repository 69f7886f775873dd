// SPDX-License-Identifier: MIT
// The only place where a run's defaults and derived values are decided. resolveRun turns a
// RunRequest (GUI form, CLI flags) into the TrainingConfig that is stored and trained, its plan (N,
// FLOPs, steps) and its `queued` database record, or a Status naming the field at fault. Sweeps,
// which pick shapes and budgets themselves, go through finishConfig, the same last step. Everything
// is checked here once (config, shape, device, data, checkpoint folder), so a resolved run only
// fails later for reasons that appear while it trains.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "runs/run_request.h"
#include "storage/records.h"
#include "storage/store.h"
#include "training/training_config.h"

namespace seqscope::runs {

// --- Defaults ----------------------------------------------------------------------------------------
inline constexpr long long kDefaultContext = 256;
inline constexpr const char* kDefaultData = "fortunes";
inline constexpr long long kMaxDefaultBatchTokens = 16384;
inline constexpr long long kDefaultTargetSteps = 100;
// A first run's budget: a CPU-sized model trains on it in well under a minute (the New Run form's
// starting value; the CLI asks for a budget).
inline constexpr double kExampleTokenBudget = 2e5;

// Tokens per optimizer step when none is asked for: enough steps for the schedule to mean something
// (about kDefaultTargetSteps), a power of two of sequences, at least one sequence and at most
// kMaxDefaultBatchTokens (or one sequence, for contexts beyond it).
long long defaultBatchTokens(double budgetTokens, long long context);
// Steps between periodic checkpoints when none is asked for: steps/10, at least 100; none (0, only on
// cancel) for runs of up to 100 steps, whose restart costs little.
long long defaultCheckpointEvery(long long steps);
// Validation tokens per pass when none are asked for: at most a quarter of the training tokens (about
// ten passes run), at least one sequence, at most the config's default.
long long defaultEvalTokens(double trainTokens, long long context);

// --- Resolution --------------------------------------------------------------------------------------
struct ResolvedRun {
    training::TrainingConfig config;   // complete; checkpointDir set once the run has an id
    training::TrainingPlan plan;
    storage::RunRecord record;         // `queued`, config JSON included
    std::string checkpointRoot;        // "" = "<database file>.checkpoints"
};

struct ResolveOptions {
    // Load the data once to learn its vocabulary and check it holds a sequence of the context. Off
    // for live previews (the GUI form as the user types): then the vocabulary is `dataVocab`, or
    // the byte tokenizer's for text and synthetic data.
    bool checkData = true;
    std::optional<int> dataVocab;
    // Check that the checkpoint root can be written (off for previews and --plan-only).
    bool checkCheckpointRoot = true;
    // Refuse a CPU run whose weights, gradients and AdamW moments alone exceed the memory this
    // machine has available now (it would be killed mid-run, or take the machine down with it).
    bool checkMemory = true;
    std::string dbPath;                // for the default checkpoint root
};

Result<ResolvedRun> resolveRun(const RunRequest& request, const ResolveOptions& options = {});

// A model directory given as a path, or as the name or id of a model imported into the database at
// `dbPath` (`model import`): its absolute path. NotFound when it is neither.
Result<std::string> modelDirectoryFor(const std::string& dirOrName, const std::string& dbPath);

// The last step for a config whose model, budget and recipe are set (sweep plans): the chunk for the
// context, validation (config, plan, model, device), and the record. No defaults are applied.
Result<ResolvedRun> finishConfig(training::TrainingConfig config, const std::string& name,
                                 const std::vector<std::string>& tags);

// The request's recipe (data, optimisation, compute: every field that is set) over `config`; the
// model, budget and run-record fields are not touched. Sweeps apply it over their own base.
void applyRecipe(const RunRequest& request, training::TrainingConfig* config);

// The data's vocabulary, loading it once (fails on a missing or too short corpus, a bad task).
Result<int> probeDataVocab(const training::TrainingConfig& config);

// --- Creating runs -----------------------------------------------------------------------------------
// Where a run's checkpoints go: <root>/run-<id>, root = `root` or "<database file>.checkpoints".
std::string checkpointDirFor(const std::string& root, const std::string& dbPath, long long runId);

// Records the run (queued) and points its checkpoints at <root>/run-<id>; sets record.id and
// config.checkpointDir. `sweepId` ties it to a sweep (0 = none). Call inside Store::transact to
// create several atomically.
Result<long long> createRun(storage::Store& store, const std::string& dbPath, ResolvedRun* run, long long sweepId = 0);

}  // namespace seqscope::runs
