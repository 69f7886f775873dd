// SPDX-License-Identifier: MIT
// executeRun: one stored run from `queued` (or cancelled, interrupted, failed) to its end, and every
// status change on the way: running, then finished, failed with the reason, diverged or cancelled.
// A run refused before training (unreadable config, data gone, no such device, a bad checkpoint)
// ends `failed` with the reason, never stays queued. The metrics go to the database through a
// MetricsWriter under the names of common/metric_names.h. `seqscope-cli train` (and so every
// worker process of the GUI's queue and of sweeps) runs through here.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "storage/records.h"
#include "training/trainer.h"

namespace seqscope::runs {

struct ExecuteOptions {
    // Told everything the trainer reports, after the metrics are queued (the CLI's progress bar).
    training::TrainingObserver* progress = nullptr;
    // Polled between micro-batches: true cancels (checkpoint, then `cancelled`).
    std::function<bool()> stopRequested;
    // Settings that do not change the losses, so a resumed run may differ in them.
    std::optional<std::string> device;
    std::optional<int> threads;
    bool fp32 = false;
    std::optional<double> peakFlopsPerSecond;
    std::optional<long long> evalEvery, evalTokens, checkpointEvery;
    std::string checkpointRoot;        // for runs stored without a checkpoint folder
};

struct ExecuteResult {
    Status status;                     // not ok: refused (nothing changed) or the run did not finish
    bool refused = false;              // finished, diverged or running elsewhere: left as it was
    storage::RunStatus runStatus = storage::RunStatus::Failed;   // the run's status afterwards
    training::TrainingConfig config;   // as trained (overrides applied)
    training::TrainingPlan plan;
    training::TrainingResult training;
    long long resumedAtStep = -1;      // -1: started at step 0
    std::string checkpoint;            // the checkpoint resumed from
    std::vector<std::string> notes;    // things worth telling the user (thread count changed, ...)
};

// Opens one Store for the run's record and status and one MetricsWriter for its metrics; the run
// must exist (a missing database or run is refused).
ExecuteResult executeRun(const std::string& dbPath, long long runId, const ExecuteOptions& options = {});

storage::RunStatus toRunStatus(training::TrainingOutcome outcome);

}  // namespace seqscope::runs
