// SPDX-License-Identifier: MIT
// Store: the experiment database of one workspace (issue 3). One SQLite file holds runs, their
// metric time series, sweeps, fits, inference benchmark points and read-only reference datasets.
// This header is the contract, written in the manner of sqlite.h.in: each function states what it
// owns, which threads may call it and what it returns on failure. Implementation in store*.cpp.
//
// FILES. Seqscope databases carry PRAGMA application_id 0x53715363 and a schema version in PRAGMA
// user_version. open() never writes to a file that is not a Seqscope database (anything but a
// missing file, a zero-byte file or an SQLite file without schema), nor to one written by a newer
// Seqscope; it reports Incompatible (or Corrupt) and the file stays byte-for-byte unchanged.
// Older schemas are upgraded in one transaction.
//
// DURABILITY. WAL journal, synchronous=NORMAL: a committed write survives the writing process
// being killed at any moment (kill -9); after a power loss the last commits may be rolled back but
// the file stays consistent. Every writing function is one transaction: it happens completely or
// not at all.
//
// CONCURRENCY. Each Store is one SQLite connection. All member functions may be called from any
// thread; calls on one Store are serialised by an internal lock, so a reader that must not wait for
// a writer (the GUI while a trainer logs) opens its own Store. Any number of Stores, in this or
// other processes, may use one file at once: readers never block the writer nor each other; writers
// take turns, waiting up to StoreOptions::busyTimeoutMs before IoError ("database is locked").
//
// ERRORS. Functions return Status or Result<T> and never throw. Codes: InvalidArgument (the
// caller's record or input is wrong; the message names the field), NotFound (no such run, sweep,
// fit or dataset), IoError (disk full, locked past the timeout, permissions), Corrupt,
// Incompatible, Internal. On error nothing was written.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "common/status.h"
#include "storage/records.h"
#include "storage/results_table.h"

namespace seqscope::storage {

struct StoreOptions {
    bool readOnly = false;            // open SQLITE_OPEN_READONLY: no writes, no migration, no repair
    bool createIfMissing = true;      // create the file (and its directory) when it does not exist
    int busyTimeoutMs = 5000;         // ms to wait for another writer before failing with IoError
    bool markInterruptedRuns = true;  // on open, runs left `running` by a dead process -> interrupted
    bool isValid(std::string* error) const;
};

class Store {
public:
    // Opens or creates the database at `path`.
    // Ownership: the caller owns the Store; destroying it closes the connection (pending work is
    // always already committed). Errors: NotFound (missing and !createIfMissing or readOnly),
    // Incompatible (not a Seqscope file, or a newer schema; also an older schema with readOnly),
    // Corrupt, IoError. Unless readOnly, runs that this host left `running` whose process is gone
    // are marked interrupted first (see interruptedOnOpen()).
    static Result<std::unique_ptr<Store>> open(const std::string& path, const StoreOptions& options = {});
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    const std::string& path() const;
    int schemaVersion() const;                 // the file's version after opening (== latest unless readOnly)
    bool isReadOnly() const;
    // Ids of runs marked interrupted while opening, in id order.
    const std::vector<long long>& interruptedOnOpen() const;

    // Runs `body` inside one write transaction: every Store call `body` makes joins it, and if
    // `body` returns an error (or any call fails and `body` passes it on) everything is rolled back.
    // The internal lock is held throughout; `body` must not use other Stores on the same file
    // (they would wait for this transaction: deadlock until the busy timeout).
    Status transact(const std::function<Status()>& body);

    // --- Runs -------------------------------------------------------------------------------------
    // Inserts a run and returns its id. createdAt, seqscopeVersion and uuid (a random version-4
    // UUID) are filled in when 0/empty; InvalidArgument when the uuid is taken by another run.
    // A run created `running` with no pid is stamped with this process's host, pid and start time,
    // so interrupted-run detection can find it. Errors: InvalidArgument (run.isValid), NotFound
    // (sweepId does not exist).
    Result<long long> createRun(const RunRecord& run);
    Result<RunRecord> run(long long id);                          // NotFound names the id
    Result<RunRecord> runByUuid(const std::string& uuid);         // NotFound names the uuid
    Result<std::vector<RunRecord>> runs(const RunFilter& filter = {});   // in id order
    // Rewrites the descriptive fields (name, arch, config, sizes, dataset, device, seed, notes,
    // sweep, tags). Status, times and process fields change only through the calls below.
    Status updateRun(const RunRecord& run);
    // status = running, startedAt = now, host/pid/processStart = this process.
    Status markRunStarted(long long id);
    // Terminal status (finished, failed, diverged, cancelled, interrupted) with its reason;
    // endedAt = now. InvalidArgument for queued/running.
    Status finishRun(long long id, RunStatus status, const std::string& reason = {});
    // Copies the state of the same run trained in another database (a cluster task's file,
    // storage/run_merge.h): config, device, status, reason, start and end times and the writing
    // process (host, pid, start). Any status, including queued and running. NotFound if absent.
    Status mirrorRunState(long long id, const RunRecord& from);
    Status setRunNotes(long long id, const std::string& notes);
    Status addRunTags(long long id, const std::vector<std::string>& tags);      // existing tags ignored
    Status removeRunTags(long long id, const std::vector<std::string>& tags);   // absent tags ignored
    // Deletes the run, its tags and metrics. NotFound if absent.
    Status deleteRun(long long id);
    // Marks this host's `running` runs whose process is gone as interrupted (endedAt = start + the
    // last metric's wall time, when known). Returns their ids. Runs of other hosts are left alone:
    // their processes cannot be checked from here.
    Result<std::vector<long long>> markInterruptedRuns();

    // --- Metrics ----------------------------------------------------------------------------------
    // Appends points to a run in one transaction; a point at an existing (step, name) replaces it
    // (a resumed run rewriting steps after its checkpoint). New names are interned. For logging
    // from a training loop use MetricsWriter, which batches. Errors: NotFound (run), InvalidArgument
    // (empty name).
    Status appendMetrics(long long runId, const std::vector<MetricPoint>& points);
    Result<std::vector<MetricName>> metricNames();                // every interned name, by id
    // "Everything after step S for these runs": rows with step > afterStep, ordered by run (as
    // given), step, name id. `names` empty = every metric. Uses the (run_id, step) index.
    Result<std::vector<MetricRow>> metricsAfterStep(const std::vector<long long>& runIds, long long afterStep,
                                                    const std::vector<std::string>& names = {});
    // Live tail: for each cursor, rows with seq > afterSeq in insertion order (at most
    // maxRowsPerRun, 0 = all), then advances the cursor past the last row returned. The cost depends
    // on the new rows only, not on the run's length. Rows a writer replaced reappear with a new seq.
    Result<std::vector<MetricRow>> metricsAfterSeq(std::vector<MetricCursor>& cursors,
                                                   const std::vector<std::string>& names = {},
                                                   size_t maxRowsPerRun = 0);
    Result<std::vector<MetricSummary>> metricSummary(long long runId);   // by metric name
    Result<long long> metricCount(long long runId = 0);                  // 0 = every run

    // --- Sweeps, fits, benchmark points -----------------------------------------------------------
    Result<long long> createSweep(const SweepRecord& sweep);      // InvalidArgument: empty or taken name
    Result<std::vector<SweepRecord>> sweeps();
    Result<SweepRecord> sweepByName(const std::string& name);     // NotFound
    Result<long long> addFit(const FitRecord& fit);
    Result<std::vector<FitRecord>> fits();
    Status deleteFit(long long id);
    // Model directories (ModelRecord): InvalidArgument for a name already taken or an invalid record.
    Result<long long> addModel(const ModelRecord& model);
    Result<std::vector<ModelRecord>> models();                    // in id order
    Result<ModelRecord> model(const std::string& idOrName);       // NotFound names it
    Status deleteModel(long long id);                             // the row only; files are left alone
    Result<long long> addBenchmarkPoint(const BenchmarkPoint& point);
    Result<std::vector<BenchmarkPoint>> benchmarkPoints();
    Status deleteBenchmarkPoint(long long id);

    // --- Cluster sweeps (issue 17; store_cluster.cpp) ----------------------------------------------
    // A cluster sweep's record; replaced when it exists. NotFound when the sweep does not exist.
    Status putClusterSweep(const ClusterSweepRecord& sweep);
    Result<ClusterSweepRecord> clusterSweep(long long sweepId);   // NotFound: not a cluster sweep
    Result<std::vector<ClusterSweepRecord>> clusterSweeps();      // by sweep id
    // Inserts or replaces the task (sweepId, arrayTask). NotFound when the sweep does not exist.
    Status putClusterTask(const ClusterTaskRecord& task);
    // The tasks of one sweep (0 = of every sweep), by sweep and array task.
    Result<std::vector<ClusterTaskRecord>> clusterTasks(long long sweepId = 0);

    // --- Reference datasets (read-only once imported) ---------------------------------------------
    // Imports `rows` as dataset info.name in one transaction. A no-op when a dataset of that name
    // with the same row count exists; Incompatible when one exists with a different row count
    // (reference data is never modified: import the new version under a new name). Triggers in
    // the schema refuse UPDATE and DELETE on these tables from any client.
    Status importReferenceDataset(const ReferenceDatasetInfo& info, const std::vector<ResultRow>& rows);
    Result<std::vector<ReferenceDatasetInfo>> referenceDatasets();         // by name
    Result<std::vector<ResultRow>> resultRows(const std::string& dataset); // in file order; NotFound

    // --- Maintenance ------------------------------------------------------------------------------
    // PRAGMA integrity_check (quick_check with `quick`), foreign_key_check, interrupted runs
    // (marks more unless read-only) and table counts. A failed integrity check is reported in the
    // CheckReport, not as an error; errors are for a check that could not run.
    Result<CheckReport> check(bool quick = false);

    struct Impl;

private:
    explicit Store(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

}  // namespace seqscope::storage
