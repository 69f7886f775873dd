// SPDX-License-Identifier: MIT
// TrainingController: the workbench's run queue, the run service's WorkerPool (engine/runs) driven
// through QProcess. A started run is resolved and recorded `queued` at once by the run service, then
// trained by a worker process (`seqscope-cli train --resume ID`, the same path as a run started
// from a terminal), one at a time unless the user asks for more. Sweeps are created by the run
// service from the same plan the dialog shows and queued run by run, then fitted by a last worker
// (`sweep fit NAME`). Progress reaches the views through the database, which the RunsController
// tails. Cancel drops a queued run or sends SIGTERM, on which the trainer checkpoints and ends
// `cancelled`. The destructor cancels the queue and waits for the workers.
#pragma once

#include <QHash>
#include <QObject>
#include <QProcess>
#include <QSet>
#include <QTimer>
#include <QString>
#include <memory>

#include "runs/run_request.h"
#include "runs/worker_pool.h"
#include "training/sweep_plan.h"

namespace seqscope::storage {
class Store;
}

namespace seqscope::gui {

class TrainingController : public QObject, private runs::WorkerLauncher {
    Q_OBJECT
public:
    explicit TrainingController(QObject* parent = nullptr);
    ~TrainingController() override;

    // Runs are recorded in `store` (not owned; used on the GUI thread) and trained by workers that
    // open the same file. Switching databases cancels the queue of the previous one.
    void setStore(storage::Store* store);
    // Resolves the request (data loaded once), records the run as queued and schedules it; returns
    // the run id, or 0 with *error naming the problem.
    long long enqueue(const runs::RunRequest& request, QString* error);
    // Creates the sweep of `plan` (the dialog's) with its runs queued, schedules them and, after the
    // last, the fit; returns the number of runs, or 0 with *error set.
    int enqueueSweep(const training::SweepOptions& options, const training::SweepPlan& plan, QString* error);
    // Cancels a queued or running run; false when the id is neither.
    bool cancel(long long runId);
    // Cancels every queued and running run of the sweeps started here; false if none is in the queue.
    bool cancelSweep();
    // Workers that train at once (default 1).
    void setMaxWorkers(int workers);
    QList<long long> runningRunIds() const;
    int queuedCount() const;
    bool sweepRunning() const;
    // The seqscope-cli binary the workers run: $SEQSCOPE_WORKER_PROGRAM, else next to the workbench,
    // else on PATH; empty if none.
    static QString workerProgram();
    // A running worker whose run has stored no new metric for this long is reported once through
    // workerStalled (default 10 minutes: a validation pass of a large model can take minutes).
    void setStallSeconds(int seconds);

signals:
    void runStarted(long long runId);
    // A run's worker stopped making progress (a hang, a deadlock, a stuck file system); the workbench
    // offers to cancel it.
    void workerStalled(long long runId, int seconds);
    void runEnded(long long runId, int exitCode, const QString& message);
    void sweepFitted(const QString& sweepName, int exitCode, const QString& message);
    void queueChanged();

private:
    // runs::WorkerLauncher through QProcess
    Result<long long> start(const runs::WorkerJob& job) override;
    void terminate(long long handle) override;
    void workerFinished(long long handle, int exitCode, QProcess::ExitStatus status);
    void cancelQueued(const std::vector<long long>& runIds);
    void checkProgress();

    storage::Store* m_store = nullptr;
    QString m_dbPath;
    std::unique_ptr<runs::WorkerPool> m_pool;
    long long m_nextHandle = 1;
    QHash<long long, QProcess*> m_processes;     // by handle
    QHash<long long, QString> m_output;          // the tail of each worker's output, by handle
    QSet<long long> m_terminated;                // handles asked to stop
    QHash<long long, QString> m_sweepNames;      // sweeps started here, by id
    struct Progress {
        long long metricRows = -1;
        qint64 sinceMs = 0;                      // when metricRows last changed
        bool reported = false;
    };
    QHash<long long, Progress> m_progress;       // running runs, by run id
    QTimer* m_watchdog = nullptr;
    int m_stallSeconds = 600;
};

}  // namespace seqscope::gui
