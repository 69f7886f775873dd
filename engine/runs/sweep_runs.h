// SPDX-License-Identifier: MIT
// A sweep's runs in the database: created together from a plan (queued, tagged with the sweep, each
// through runs::finishConfig like any other run), and listed when it is resumed. The CLI's `sweep`
// and the workbench's IsoFLOP Sweep dialog both create sweeps here and train them with WorkerPool.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "storage/store.h"
#include "training/sweep_plan.h"

namespace seqscope::runs {

// "<kind>-YYYYmmdd-HHMMSS" in local time.
std::string defaultSweepName(const std::string& kind);
// What the sweep was asked for (kind, archs, contexts, budgets or ratios, ...), stored as its plan.
std::string sweepRequestJson(const training::SweepOptions& options, const std::string& kind, int workers);

// Records the sweep and every runnable run of `plan` (queued, tags "sweep:NAME" and the kind,
// checkpoints under <root>/run-<id>) in one transaction. Nothing is created when any run fails its
// checks. Returns the sweep with its id.
Result<storage::SweepRecord> createSweep(storage::Store& store, const std::string& dbPath, const training::SweepPlan& plan,
                                         const std::string& requestJson, const std::string& name,
                                         const std::string& checkpointRoot = {});

// Whether a run of a sweep still needs training: queued, cancelled, interrupted or failed.
bool needsTraining(storage::RunStatus status);
Result<std::vector<storage::RunRecord>> pendingSweepRuns(storage::Store& store, long long sweepId);

}  // namespace seqscope::runs
