// SPDX-License-Identifier: MIT
// MetricsWriter (metrics_writer.h): a queue swapped out under a short lock and committed through a
// private Store. Two locks: `queueMutex` guards the queue and is held for microseconds, `commitMutex`
// orders commits so flush() returns only after everything appended before it is durable.
#include "storage/metrics_writer.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

#include "storage/store.h"

namespace seqscope::storage {

using Clock = std::chrono::steady_clock;

bool MetricsWriterOptions::isValid(std::string* error) const {
    auto fail = [&](const std::string& m) {
        if (error) *error = m;
        return false;
    };
    if (maxLatencyMs < 1) return fail("maxLatencyMs " + std::to_string(maxLatencyMs) + " must be >= 1");
    if (maxBatchRows < 1) return fail("maxBatchRows must be >= 1");
    if (maxPendingRows < maxBatchRows) return fail("maxPendingRows must be >= maxBatchRows");
    if (busyTimeoutMs < 0) return fail("busyTimeoutMs " + std::to_string(busyTimeoutMs) + " is negative");
    return true;
}

struct MetricsWriter::Impl {
    MetricsWriterOptions options;
    long long runId = 0;
    std::unique_ptr<Store> store;

    mutable std::mutex queueMutex;
    std::condition_variable wake;
    std::vector<MetricPoint> queue;
    Clock::time_point oldestQueued;   // when the first row now in `queue` was appended
    Status deferredError;             // a failed background commit, reported by the next append()
    bool stopping = false;
    bool closed = false;

    std::mutex commitMutex;
    std::vector<MetricPoint> batch;   // reused between commits to keep allocations out of the loop
    std::atomic<long long> committed{0};
    std::atomic<long long> commitCount{0};
    std::thread thread;

    Status commitQueued();
    void threadLoop();
};

Status MetricsWriter::Impl::commitQueued() {
    std::lock_guard commitLock(commitMutex);
    {
        std::lock_guard lock(queueMutex);
        if (queue.empty()) return Status::ok();
        batch.clear();
        batch.swap(queue);
    }
    Status s = store->appendMetrics(runId, batch);
    if (!s) {
        // Keep the rows, in order, ahead of anything appended meanwhile; the next round retries.
        std::lock_guard lock(queueMutex);
        batch.insert(batch.end(), std::make_move_iterator(queue.begin()), std::make_move_iterator(queue.end()));
        queue.swap(batch);
        oldestQueued = Clock::now();
        return s;
    }
    const long long total = committed.fetch_add(static_cast<long long>(batch.size())) + static_cast<long long>(batch.size());
    commitCount.fetch_add(1);
    if (options.onCommit) options.onCommit(total);
    return s;
}

void MetricsWriter::Impl::threadLoop() {
    const auto latency = std::chrono::milliseconds(options.maxLatencyMs);
    std::unique_lock lock(queueMutex);
    while (!stopping) {
        if (queue.empty()) {
            wake.wait(lock, [&] { return stopping || !queue.empty(); });
            continue;
        }
        const auto deadline = oldestQueued + latency;
        wake.wait_until(lock, deadline, [&] { return stopping || queue.size() >= options.maxBatchRows; });
        if (stopping) break;
        if (queue.size() < options.maxBatchRows && Clock::now() < deadline) continue;
        lock.unlock();
        Status s = commitQueued();
        lock.lock();
        if (!s && deferredError.isOk()) deferredError = s;
    }
}

MetricsWriter::MetricsWriter(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

MetricsWriter::~MetricsWriter() { (void)close(); }

Result<std::unique_ptr<MetricsWriter>> MetricsWriter::open(const std::string& dbPath, long long runId,
                                                           const MetricsWriterOptions& options) {
    std::string error;
    if (!options.isValid(&error)) return Status::invalid("metrics writer options: " + error);
    StoreOptions storeOptions;
    storeOptions.busyTimeoutMs = options.busyTimeoutMs;
    storeOptions.markInterruptedRuns = false;   // a trainer's start-up need not audit other runs
    auto store = Store::open(dbPath, storeOptions);
    if (!store) return store.status();
    auto run = (*store)->run(runId);
    if (!run) return run.status();

    auto impl = std::make_unique<Impl>();
    impl->options = options;
    impl->runId = runId;
    impl->store = std::move(*store);
    impl->queue.reserve(options.maxBatchRows);
    impl->batch.reserve(options.maxBatchRows);
    std::unique_ptr<MetricsWriter> writer(new MetricsWriter(std::move(impl)));
    if (options.backgroundThread) {
        Impl* raw = writer->m_impl.get();
        raw->thread = std::thread([raw] { raw->threadLoop(); });
    }
    return writer;
}

Status MetricsWriter::append(long long step, long long tokens, double flops, double wallTime, std::string_view name,
                             double value) {
    MetricPoint p;
    p.step = step;
    p.tokens = tokens;
    p.flops = flops;
    p.wallTime = wallTime;
    p.name = std::string(name);
    p.value = value;
    return append(p);
}

Status MetricsWriter::append(const MetricPoint& point) {
    if (point.name.empty()) return Status::invalid("metric point has an empty name");
    if (point.step < 0) return Status::invalid("metric '" + point.name + "' has negative step " + std::to_string(point.step));
    Impl& d = *m_impl;
    bool commitNow = false;
    {
        std::lock_guard lock(d.queueMutex);
        if (d.closed || d.stopping) return {StatusCode::InvalidArgument, "metrics writer is closed"};
        if (d.queue.size() >= d.options.maxPendingRows)
            return Status::io("metrics writer: " + std::to_string(d.queue.size()) +
                              " rows queued and none could be committed; dropping the new point");
        d.queue.push_back(point);
        if (d.queue.size() == 1) d.oldestQueued = Clock::now();
        const bool full = d.queue.size() >= d.options.maxBatchRows;
        if (d.options.backgroundThread) {
            if (d.queue.size() == 1 || full) d.wake.notify_one();
        } else {
            commitNow = full || Clock::now() - d.oldestQueued >= std::chrono::milliseconds(d.options.maxLatencyMs);
        }
        if (!d.deferredError.isOk()) return std::exchange(d.deferredError, Status::ok());
    }
    if (commitNow) return d.commitQueued();
    return Status::ok();
}

Status MetricsWriter::flush() {
    Status s = m_impl->commitQueued();
    std::lock_guard lock(m_impl->queueMutex);
    if (s.isOk() && !m_impl->deferredError.isOk()) {
        // An earlier background failure whose rows this flush has now committed: nothing is lost.
        m_impl->deferredError = Status::ok();
    }
    return s;
}

Status MetricsWriter::close() {
    Impl& d = *m_impl;
    {
        std::lock_guard lock(d.queueMutex);
        if (d.closed) return Status::ok();
        d.stopping = true;
    }
    d.wake.notify_all();
    if (d.thread.joinable()) d.thread.join();
    Status s = d.commitQueued();
    if (!s) return s;   // still open: the rows stay queued and another close() or flush() retries
    std::lock_guard lock(d.queueMutex);
    d.closed = true;
    d.store.reset();
    return s;
}

long long MetricsWriter::runId() const { return m_impl->runId; }
long long MetricsWriter::committedRows() const { return m_impl->committed.load(); }
long long MetricsWriter::pendingRows() const {
    std::lock_guard lock(m_impl->queueMutex);
    return static_cast<long long>(m_impl->queue.size());
}
long long MetricsWriter::commits() const { return m_impl->commitCount.load(); }

}  // namespace seqscope::storage
