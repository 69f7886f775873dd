// SPDX-License-Identifier: MIT
// Merging a run trained in a database file of its own (a Slurm array task's, issue 17) into the
// workspace database. SQLite must not have writers on several nodes over a network file system, so
// every cluster task writes its own file and only the workspace's owner merges: the run by its UUID,
// its state mirrored, its metrics by (run, step, name), only what is new or changed.
// Reading and writing are two steps: readRunSnapshot checks and reads the whole file first, so a
// corrupt file fails before anything is written, and mergeRunSnapshot writes in one transaction.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "storage/records.h"
#include "storage/store.h"

namespace seqscope::storage {

// A run as read from its file.
struct RunSnapshot {
    RunRecord run;                    // the file's only run (id and sweepId are the file's)
    std::vector<MetricPoint> points;  // rows with seq > the afterSeq asked for, in seq order
    long long lastSeq = 0;            // seq of the last row read (the afterSeq asked for when none)
    long long metricCount = 0;        // rows of the run in the file, all of them
};

// Reads `file`, a Seqscope database holding exactly one run, from a private copy: the file and its
// -wal are copied into a temporary folder first. The reader so takes no lock and makes no -shm file
// on the shared file system where the writer (on another node) works, and SQLite's WAL checksums
// keep only the frames that were completely written. The copy must pass PRAGMA quick_check.
// Errors: NotFound (no file), Corrupt (the check fails, rows cannot be read, not exactly one run),
// Incompatible (not a Seqscope file, or a newer one), IoError (the copy failed).
Result<RunSnapshot> readRunSnapshot(const std::string& file, long long afterSeq = 0);

struct RunMergeResult {
    long long runId = 0;              // the run in the workspace
    bool created = false;             // the workspace did not know the UUID: the run was added
    long long added = 0;              // metric rows new to the workspace
    long long replaced = 0;           // rows at a known (step, name) whose value differed (rewritten after a resume)
};

// Merges `snapshot` into `workspace` in one transaction: finds the run by UUID (adds it, tied to
// `sweepId`, when absent), mirrors its state (Store::mirrorRunState) and appends the points whose
// (step, name) the workspace lacks or holds with another value. Merging the same snapshot twice
// adds nothing. InvalidArgument for a snapshot whose run has no UUID.
Result<RunMergeResult> mergeRunSnapshot(Store& workspace, const RunSnapshot& snapshot, long long sweepId = 0);

}  // namespace seqscope::storage
