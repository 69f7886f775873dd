// SPDX-License-Identifier: MIT
// MetricsWriter: batched metric logging for one run from a training loop (issue 3: "a metrics
// writer batches rows and commits at least every 250 ms, so logging costs well under 1% of a
// training step, while the GUI reads new points without blocking it"). append() only queues in
// memory; commits happen on a background thread (or inline when due, without one) through the
// writer's own database connection, so the GUI's Store never waits for it.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "common/status.h"
#include "storage/records.h"

namespace seqscope::storage {

struct MetricsWriterOptions {
    // ms: a commit starts at most this long after the oldest queued row was appended. It is durable
    // once that commit ends, which under overload (rows arriving faster than SQLite takes them, see
    // docs/benchmarks.md "Storage") is later: queued rows then go into fewer, larger commits.
    int maxLatencyMs = 250;
    size_t maxBatchRows = 8192;        // rows: commit early once this many are queued
    size_t maxPendingRows = 1000000;   // rows: while commits fail, queue at most this many, then append() fails
    bool backgroundThread = true;      // false: append() and flush() commit on the caller's thread when due
    int busyTimeoutMs = 5000;          // ms to wait for another writer per commit before retrying later
    // Called after every successful commit with the run's total committed row count, on the
    // committing thread. Must not call back into this writer.
    std::function<void(long long committedRows)> onCommit;
    bool isValid(std::string* error) const;
};

class MetricsWriter {
public:
    // Opens its own connection to `dbPath` (a Seqscope database; created if missing) for run
    // `runId`. Errors: those of Store::open, NotFound when the run does not exist, InvalidArgument
    // for bad options. The caller owns the writer.
    static Result<std::unique_ptr<MetricsWriter>> open(const std::string& dbPath, long long runId,
                                                       const MetricsWriterOptions& options = {});
    // close(); its error, if any, is dropped: call close() first to see it.
    ~MetricsWriter();
    MetricsWriter(const MetricsWriter&) = delete;
    MetricsWriter& operator=(const MetricsWriter&) = delete;

    // Queues one point; cheap (a lock and a vector push). Thread-safe. Returns a failed commit's
    // error once (those rows stay queued and are retried), IoError when maxPendingRows are queued,
    // InvalidArgument for an empty name or negative step, and an error after close().
    Status append(const MetricPoint& point);
    Status append(long long step, long long tokens, double flops, double wallTime, std::string_view name, double value);
    // Commits every row appended before the call, then returns. Thread-safe.
    Status flush();
    // Flushes, stops the background thread and closes the connection; append() fails from now on.
    // Idempotent. If the final commit fails the rows stay queued and close() may be called again.
    Status close();

    long long runId() const;
    long long committedRows() const;   // rows durable in the database
    long long pendingRows() const;     // rows queued, not yet committed
    long long commits() const;         // transactions committed so far

    struct Impl;

private:
    explicit MetricsWriter(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

}  // namespace seqscope::storage
