// SPDX-License-Identifier: MIT
// A sweep trained on a Slurm cluster (issue 17). The workspace database stays on the submitting
// machine and is written by it alone; each run trains in an array task into a SQLite file of its
// own under a shared run folder (<folder>/runs/task-<i>.db, checkpoints in <folder>/checkpoints,
// logs in <folder>/logs, the script in <folder>/sweep.sbatch), because SQLite over a network file
// system is not safe with writers on several nodes. Following the sweep asks Slurm for each task's
// state first and then reads the files (storage/run_merge.h), so a file read after Slurm said
// "ended" is final; collecting merges them into the workspace by run UUID, idempotently.
//
// A task that Slurm stopped (time limit, preemption, node failure, a scancel that was not
// `sweep cancel`) becomes `interrupted`, and submitClusterSweep on the sweep again resubmits it (and
// every other run that needs training) from its checkpoint. A corrupt run file is reported and
// skipped, never merged in part.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "runs/slurm_client.h"
#include "runs/slurm_script.h"
#include "storage/records.h"
#include "storage/store.h"

namespace seqscope::runs {

// <database file>.sweeps/<sweep name>, absolute.
std::string defaultClusterFolder(const std::string& dbPath, const std::string& sweepName);

struct SubmitResult {
    std::string jobId;                 // the array job
    std::vector<int> tasks;            // the array tasks submitted
    std::string script;                // the sbatch script submitted
    std::vector<std::string> notes;    // runs skipped and why (already finished, still active)
};

// Submits every run of `sweep` that needs training (queued, cancelled, interrupted, failed) as one
// job array. The first time, records the cluster sweep (folder, options, script rendered from the
// template); later, reuses the recorded folder and the script file as it is now (edits kept).
// Each task's file is created from the workspace run (same UUID, checkpoints under the folder), or,
// on a resubmission, made resumable (a `running` left by a dead task becomes `interrupted`; a corrupt
// file is moved aside to <file>.corrupt and recreated, to continue from the checkpoint). Tasks that
// Slurm still reports active are not resubmitted. `sbatchArgs` go on sbatch's command line (they
// override the script's #SBATCH lines: a longer --time for a resubmission).
Result<SubmitResult> submitClusterSweep(storage::Store& workspace, const std::string& dbPath, const storage::SweepRecord& sweep,
                                        const ClusterOptions& options, SlurmClient& slurm,
                                        const std::vector<std::string>& sbatchArgs = {});

struct ClusterTaskReport {
    storage::ClusterTaskRecord task;   // after this look (state, merged seq)
    long long runId = 0;               // in the workspace
    std::string runName;
    storage::RunStatus status = storage::RunStatus::Queued;   // the run's status as merged
    std::string reason;
    long long newRows = 0;             // metric rows read from the file that were not merged before
    long long added = 0, replaced = 0; // merged into the workspace (collect only)
    long long metricRows = 0;          // rows in the file
    std::string problem;               // a file that could not be read (corrupt, missing): skipped
    std::string statusText() const;    // "running (slurm 1234_2)", "interrupted (slurm 1234_2 TIMEOUT)"
};

struct ClusterReport {
    std::vector<ClusterTaskReport> tasks;
    bool slurmReachable = true;        // false: states unknown, no run is declared interrupted
    std::string slurmError;
    // Every run finished or diverged: the sweep can be fitted.
    bool complete() const;
    int count(storage::RunStatus status) const;
    int problems() const;
};

// Reads Slurm and every task's file. With `merge`, merges each file into the workspace (one
// transaction per file) and records the states; without, writes nothing (`sweep status`).
// NotFound when the sweep was not submitted to Slurm.
Result<ClusterReport> followClusterSweep(storage::Store& workspace, const storage::SweepRecord& sweep, SlurmClient& slurm,
                                         bool merge);

// scancel for every task of the sweep that Slurm still runs or queues; the runs end `cancelled`
// (SIGTERM: checkpoint first) and stay so until resubmitted. Returns the tasks asked to stop.
Result<std::vector<int>> cancelClusterSweep(storage::Store& workspace, const storage::SweepRecord& sweep, SlurmClient& slurm);

}  // namespace seqscope::runs
