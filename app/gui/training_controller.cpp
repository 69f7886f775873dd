// SPDX-License-Identifier: MIT
#include "training_controller.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QStandardPaths>

#include "runs/run_resolver.h"
#include "runs/sweep_runs.h"
#include "status_text.h"
#include "storage/store.h"

namespace seqscope::gui {

TrainingController::TrainingController(QObject* parent)
    : QObject(parent), m_pool(std::make_unique<runs::WorkerPool>(static_cast<runs::WorkerLauncher*>(this))) {
    m_pool->onStartFailed = [this](const runs::WorkerJob& job, const Status& why) {
        if (m_store && job.runId) runs::settleAfterWorker(*m_store, job.runId, why.message());
        emit runEnded(job.runId, -1, statusText(why));
    };
    m_pool->onStarted = [this](const runs::WorkerJob& job) {
        if (job.runId) emit runStarted(job.runId);
        emit queueChanged();
    };
    m_watchdog = new QTimer(this);
    m_watchdog->setInterval(1000);
    connect(m_watchdog, &QTimer::timeout, this, &TrainingController::checkProgress);
    m_watchdog->start();
}

void TrainingController::setStallSeconds(int seconds) { m_stallSeconds = std::max(1, seconds); }

void TrainingController::checkProgress() {
    if (!m_store) return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QSet<long long> running;
    for (long long id : m_pool->runningRunIds()) {
        running.insert(id);
        auto rows = m_store->metricCount(id);
        if (!rows) continue;
        Progress& p = m_progress[id];
        if (*rows != p.metricRows) {
            p = {*rows, now, false};
            continue;
        }
        const int idle = int((now - p.sinceMs) / 1000);
        if (!p.reported && idle >= m_stallSeconds) {
            p.reported = true;
            emit workerStalled(id, idle);
        }
    }
    for (auto it = m_progress.begin(); it != m_progress.end();)
        it = running.contains(it.key()) ? std::next(it) : m_progress.erase(it);
}

TrainingController::~TrainingController() {
    m_pool->onStartFailed = nullptr;
    m_pool->onStarted = nullptr;
    m_pool->cancelAll();   // SIGTERM: the trainers checkpoint and mark their runs cancelled
    for (QProcess* p : std::as_const(m_processes)) {
        disconnect(p, nullptr, this, nullptr);
        if (!p->waitForFinished(30000)) p->kill();
    }
}

QString TrainingController::workerProgram() {
    const QString forced = qEnvironmentVariable("SEQSCOPE_WORKER_PROGRAM");
    if (!forced.isEmpty()) return forced;
    const QString dir = QCoreApplication::applicationDirPath();
    for (const QString& candidate : {dir + QStringLiteral("/seqscope-cli"), dir + QStringLiteral("/../seqscope-cli"),
                                     dir + QStringLiteral("/../app/seqscope-cli")})
        if (QFileInfo(candidate).isExecutable()) return QFileInfo(candidate).canonicalFilePath();
    return QStandardPaths::findExecutable(QStringLiteral("seqscope-cli"));
}

void TrainingController::setStore(storage::Store* store) {
    // Queued runs of the previous database are cancelled there; running ones checkpoint.
    if (m_store) cancelQueued(m_pool->cancelAll());
    m_store = store;
    m_dbPath = store ? QString::fromStdString(store->path()) : QString();
    emit queueChanged();
}

void TrainingController::setMaxWorkers(int workers) { m_pool->setMaxWorkers(workers); }

long long TrainingController::enqueue(const runs::RunRequest& request, QString* error) {
    if (!m_store) {
        *error = tr("No database is open.");
        return 0;
    }
    if (workerProgram().isEmpty()) {
        *error = tr("seqscope-cli was not found next to the workbench or on PATH; it trains the runs.");
        return 0;
    }
    runs::ResolveOptions options;
    options.dbPath = m_dbPath.toStdString();
    auto resolved = runs::resolveRun(request, options);
    if (!resolved) {
        *error = statusText(resolved.status());
        return 0;
    }
    auto id = runs::createRun(*m_store, options.dbPath, &*resolved);
    if (!id) {
        *error = statusText(id.status());
        return 0;
    }
    m_pool->enqueue(runs::trainJob(*id, options.dbPath, runs::threadsPerWorker(m_pool->maxWorkers())));
    emit queueChanged();
    return *id;
}

int TrainingController::enqueueSweep(const training::SweepOptions& options, const training::SweepPlan& plan, QString* error) {
    if (!m_store) {
        *error = tr("No database is open.");
        return 0;
    }
    if (workerProgram().isEmpty()) {
        *error = tr("seqscope-cli was not found next to the workbench or on PATH; it trains the runs.");
        return 0;
    }
    if (!plan.status) {
        *error = statusText(plan.status);
        return 0;
    }
    const std::string db = m_dbPath.toStdString();
    auto sweep = runs::createSweep(*m_store, db, plan, runs::sweepRequestJson(options, plan.kind, m_pool->maxWorkers()),
                                   runs::defaultSweepName(plan.kind));
    if (!sweep) {
        *error = statusText(sweep.status());
        return 0;
    }
    auto pending = runs::pendingSweepRuns(*m_store, sweep->id);
    if (!pending) {
        *error = statusText(pending.status());
        return 0;
    }
    m_sweepNames.insert(sweep->id, QString::fromStdString(sweep->name));
    for (const auto& r : *pending) m_pool->enqueue(runs::trainJob(r.id, db, runs::threadsPerWorker(m_pool->maxWorkers()), sweep->id));
    emit queueChanged();
    return int(pending->size());
}

bool TrainingController::cancel(long long runId) {
    switch (m_pool->cancelRun(runId)) {
    case runs::WorkerPool::Cancelled::Dequeued:
        cancelQueued({runId});
        emit queueChanged();
        return true;
    case runs::WorkerPool::Cancelled::Terminating: return true;
    case runs::WorkerPool::Cancelled::Nothing: break;
    }
    return false;
}

bool TrainingController::cancelSweep() {
    bool any = false;
    for (auto it = m_sweepNames.cbegin(); it != m_sweepNames.cend(); ++it) {
        if (!m_pool->hasSweep(it.key())) continue;
        cancelQueued(m_pool->cancelSweep(it.key()));
        any = true;
    }
    if (any) emit queueChanged();
    return any;
}

void TrainingController::cancelQueued(const std::vector<long long>& runIds) {
    if (!m_store) return;
    for (long long id : runIds) runs::cancelQueuedRun(*m_store, id);
}

QList<long long> TrainingController::runningRunIds() const {
    QList<long long> ids;
    for (long long id : m_pool->runningRunIds()) ids.append(id);
    return ids;
}

int TrainingController::queuedCount() const { return m_pool->queuedCount(); }

bool TrainingController::sweepRunning() const {
    for (auto it = m_sweepNames.cbegin(); it != m_sweepNames.cend(); ++it)
        if (m_pool->hasSweep(it.key())) return true;
    return false;
}

Result<long long> TrainingController::start(const runs::WorkerJob& job) {
    const QString program = workerProgram();
    if (program.isEmpty()) return Status::notFound("seqscope-cli was not found next to the workbench or on PATH");
    const long long handle = m_nextHandle++;
    auto* process = new QProcess(this);
    process->setProcessChannelMode(QProcess::MergedChannels);
    connect(process, &QProcess::readyRead, this, [this, process, handle] {
        // Keep the tail only: the reason of a failure is in the last lines.
        QString& out = m_output[handle];
        out += QString::fromUtf8(process->readAll());
        if (out.size() > 16000) out = out.right(8000);
    });
    connect(process, &QProcess::finished, this,
            [this, handle](int code, QProcess::ExitStatus status) { workerFinished(handle, code, status); });
    connect(process, &QProcess::errorOccurred, this, [this, handle](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart) workerFinished(handle, -1, QProcess::CrashExit);
    });
    QStringList args;
    for (const auto& a : job.arguments) args.append(QString::fromStdString(a));
    m_processes.insert(handle, process);
    process->start(program, args);
    return handle;
}

void TrainingController::terminate(long long handle) {
    if (QProcess* p = m_processes.value(handle)) {
        m_terminated.insert(handle);
        p->terminate();   // SIGTERM: the trainer checkpoints and marks the run cancelled
    }
}

void TrainingController::workerFinished(long long handle, int exitCode, QProcess::ExitStatus status) {
    QProcess* process = m_processes.take(handle);
    if (!process) return;
    process->deleteLater();
    const QString output = m_output.take(handle).trimmed();
    const bool terminated = m_terminated.remove(handle);
    const auto job = m_pool->workerExited(handle);   // starts the next job
    if (!job) return;
    if (job->runId && m_store) {
        // The worker records the run's end itself; one that crashed or never got going cannot.
        const QString how = status == QProcess::CrashExit ? tr("the training process crashed")
                                                          : tr("the training process exited with status %1").arg(exitCode);
        const QString last = output.section(QLatin1Char('\n'), -1);
        runs::settleAfterWorker(*m_store, job->runId, (last.isEmpty() ? how : how + QStringLiteral(": ") + last).toStdString(),
                                terminated);
    }
    if (job->runId) emit runEnded(job->runId, exitCode, output.right(2000));
    else emit sweepFitted(m_sweepNames.value(job->sweepId), exitCode, output.right(2000));
    // After a sweep's last run: fit it (in a worker too, off the GUI thread), unless it was cancelled.
    if (job->runId && job->sweepId && !terminated && m_sweepNames.contains(job->sweepId) && !m_pool->hasSweep(job->sweepId))
        m_pool->enqueue(runs::sweepFitJob(m_sweepNames.value(job->sweepId).toStdString(), job->sweepId, m_dbPath.toStdString()));
    emit queueChanged();
}

}  // namespace seqscope::gui
