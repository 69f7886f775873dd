// SPDX-License-Identifier: MIT
// WorkerPool: the one queue of worker processes, for the GUI's run queue and for sweeps. A job is a
// `seqscope-cli` command (`train --resume ID`, or `sweep fit NAME` after a sweep's last run); the
// pool starts up to N at once (default one: a CPU run uses every core it is given) and cancels the
// same way everywhere: a queued job is dropped, a running one gets SIGTERM, on which the trainer
// checkpoints and records `cancelled`. A process, not a thread: LibTorch's thread pools and a
// crash stay out of the caller, and a run is the same as one started from a terminal.
// The pool only decides what starts when; a WorkerLauncher starts and stops processes (posix_spawn
// in the CLI, runs/spawn_launcher.h; QProcess in the GUI) and reports exits back with workerExited.
#pragma once

#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "storage/records.h"

namespace seqscope::storage {
class Store;
}

namespace seqscope::runs {

struct WorkerJob {
    long long runId = 0;                  // the run it trains; 0 = not a training run (a sweep's fit)
    long long sweepId = 0;                // the sweep it belongs to, 0 = none
    std::vector<std::string> arguments;   // seqscope-cli arguments, program name excluded
};

// `train --resume ID --db DB --json [--threads N]`: how every worker trains a stored run.
WorkerJob trainJob(long long runId, const std::string& dbPath, std::optional<int> threads = std::nullopt, long long sweepId = 0);
// `sweep fit NAME --db DB --json`: fits a sweep whose runs have ended.
WorkerJob sweepFitJob(const std::string& sweepName, long long sweepId, const std::string& dbPath);
// CPU threads per worker when W run at once: the cores shared out, at least one; none (LibTorch's
// default, every core) for a single worker.
std::optional<int> threadsPerWorker(int workers);

class WorkerLauncher {
public:
    virtual ~WorkerLauncher() = default;
    // Starts a worker for `job`; returns a handle (> 0) that identifies it in workerExited.
    virtual Result<long long> start(const WorkerJob& job) = 0;
    // Asks the worker to stop (SIGTERM): a training run checkpoints and records `cancelled`.
    virtual void terminate(long long handle) = 0;
};

// One run at a time by default: a CPU run already uses every core it is given.
inline constexpr int kDefaultWorkers = 1;

class WorkerPool {
public:
    explicit WorkerPool(WorkerLauncher* launcher, int maxWorkers = kDefaultWorkers);

    void setMaxWorkers(int workers);     // at least 1; takes effect as workers end
    int maxWorkers() const { return m_maxWorkers; }
    // Called when a job cannot start (the launcher failed); the job is dropped.
    std::function<void(const WorkerJob&, const Status&)> onStartFailed;
    // Called after a job has started.
    std::function<void(const WorkerJob&)> onStarted;

    void enqueue(WorkerJob job);         // starts it at once when a worker is free

    enum class Cancelled { Nothing, Dequeued, Terminating };
    // A queued job of this run is dropped (the caller records the run cancelled); a running one is
    // sent SIGTERM. Nothing when the run is not in the pool.
    Cancelled cancelRun(long long runId);
    // Every job of the sweep: queued ones dropped (their ids returned), running ones terminated.
    std::vector<long long> cancelSweep(long long sweepId);
    // Drops every queued job (ids returned) and terminates the running ones.
    std::vector<long long> cancelAll();

    // The launcher reports that worker `handle` exited; the next job starts. Returns its job.
    std::optional<WorkerJob> workerExited(long long handle);

    bool idle() const { return m_running.empty() && m_queue.empty(); }
    int runningCount() const { return static_cast<int>(m_running.size()); }
    int queuedCount() const { return static_cast<int>(m_queue.size()); }
    std::vector<long long> runningRunIds() const;
    std::vector<long long> queuedRunIds() const;
    bool hasSweep(long long sweepId) const;

private:
    void fill();

    WorkerLauncher* m_launcher;
    int m_maxWorkers = 1;
    std::deque<WorkerJob> m_queue;
    std::map<long long, WorkerJob> m_running;   // by handle
};

// After a worker ended: a run it left `queued` or `running` (it crashed, was killed, or never got
// going) becomes `failed` with `why`, so no run stays pending forever. A run the worker ended
// itself is left as it is. `cancelled`: the worker was asked to stop, so the run becomes `cancelled`
// (a SIGTERM that arrived before the trainer installed its handler). Returns the status afterwards.
Result<storage::RunStatus> settleAfterWorker(storage::Store& store, long long runId, const std::string& why,
                                             bool cancelled = false);

// A queued run taken out of the queue before any worker started it becomes `cancelled`.
Status cancelQueuedRun(storage::Store& store, long long runId);

}  // namespace seqscope::runs
