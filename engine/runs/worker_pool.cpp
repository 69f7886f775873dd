// SPDX-License-Identifier: MIT
#include "runs/worker_pool.h"

#include <algorithm>
#include <thread>

#include "storage/store.h"

namespace seqscope::runs {

WorkerJob trainJob(long long runId, const std::string& dbPath, std::optional<int> threads, long long sweepId) {
    WorkerJob job;
    job.runId = runId;
    job.sweepId = sweepId;
    job.arguments = {"train", "--resume", std::to_string(runId), "--db", dbPath, "--json"};
    if (threads) {
        job.arguments.push_back("--threads");
        job.arguments.push_back(std::to_string(*threads));
    }
    return job;
}

WorkerJob sweepFitJob(const std::string& sweepName, long long sweepId, const std::string& dbPath) {
    WorkerJob job;
    job.sweepId = sweepId;
    job.arguments = {"sweep", "fit", sweepName, "--db", dbPath, "--json"};
    return job;
}

std::optional<int> threadsPerWorker(int workers) {
    if (workers <= 1) return std::nullopt;
    return std::max(1, static_cast<int>(std::thread::hardware_concurrency()) / workers);
}

WorkerPool::WorkerPool(WorkerLauncher* launcher, int maxWorkers) : m_launcher(launcher), m_maxWorkers(std::max(1, maxWorkers)) {}

void WorkerPool::setMaxWorkers(int workers) {
    m_maxWorkers = std::max(1, workers);
    fill();
}

void WorkerPool::enqueue(WorkerJob job) {
    m_queue.push_back(std::move(job));
    fill();
}

void WorkerPool::fill() {
    while (!m_queue.empty() && static_cast<int>(m_running.size()) < m_maxWorkers) {
        WorkerJob job = std::move(m_queue.front());
        m_queue.pop_front();
        auto handle = m_launcher->start(job);
        if (!handle) {
            if (onStartFailed) onStartFailed(job, handle.status());
            continue;
        }
        m_running.emplace(*handle, job);
        if (onStarted) onStarted(job);
    }
}

WorkerPool::Cancelled WorkerPool::cancelRun(long long runId) {
    if (runId == 0) return Cancelled::Nothing;
    const auto queued = std::find_if(m_queue.begin(), m_queue.end(), [runId](const WorkerJob& j) { return j.runId == runId; });
    if (queued != m_queue.end()) {
        m_queue.erase(queued);
        return Cancelled::Dequeued;
    }
    for (const auto& [handle, job] : m_running)
        if (job.runId == runId) {
            m_launcher->terminate(handle);
            return Cancelled::Terminating;
        }
    return Cancelled::Nothing;
}

std::vector<long long> WorkerPool::cancelSweep(long long sweepId) {
    std::vector<long long> dropped;
    for (auto it = m_queue.begin(); it != m_queue.end();) {
        if (it->sweepId == sweepId) {
            if (it->runId) dropped.push_back(it->runId);
            it = m_queue.erase(it);
        } else {
            ++it;
        }
    }
    for (const auto& [handle, job] : m_running)
        if (job.sweepId == sweepId) m_launcher->terminate(handle);
    return dropped;
}

std::vector<long long> WorkerPool::cancelAll() {
    std::vector<long long> dropped = queuedRunIds();
    m_queue.clear();
    for (const auto& entry : m_running) m_launcher->terminate(entry.first);
    return dropped;
}

std::optional<WorkerJob> WorkerPool::workerExited(long long handle) {
    const auto it = m_running.find(handle);
    if (it == m_running.end()) return std::nullopt;
    WorkerJob job = std::move(it->second);
    m_running.erase(it);
    fill();
    return job;
}

std::vector<long long> WorkerPool::runningRunIds() const {
    std::vector<long long> ids;
    for (const auto& entry : m_running)
        if (entry.second.runId) ids.push_back(entry.second.runId);
    return ids;
}

std::vector<long long> WorkerPool::queuedRunIds() const {
    std::vector<long long> ids;
    for (const auto& job : m_queue)
        if (job.runId) ids.push_back(job.runId);
    return ids;
}

bool WorkerPool::hasSweep(long long sweepId) const {
    for (const auto& job : m_queue)
        if (job.sweepId == sweepId) return true;
    for (const auto& entry : m_running)
        if (entry.second.sweepId == sweepId) return true;
    return false;
}

Result<storage::RunStatus> settleAfterWorker(storage::Store& store, long long runId, const std::string& why, bool cancelled) {
    auto rec = store.run(runId);
    if (!rec) return rec.status();
    if (rec->status != storage::RunStatus::Queued && rec->status != storage::RunStatus::Running) return rec->status;
    const auto status = cancelled ? storage::RunStatus::Cancelled : storage::RunStatus::Failed;
    if (Status s = store.finishRun(runId, status, why); !s) return s;
    return status;
}

Status cancelQueuedRun(storage::Store& store, long long runId) {
    auto rec = store.run(runId);
    if (!rec) return rec.status();
    if (rec->status != storage::RunStatus::Queued) return {};
    return store.finishRun(runId, storage::RunStatus::Cancelled, "cancelled before it started");
}

}  // namespace seqscope::runs
