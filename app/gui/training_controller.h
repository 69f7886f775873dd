// SPDX-License-Identifier: MIT
// TrainingController: the workbench's run queue. A started run is recorded `queued` at once, then
// trained by a worker process, `seqscope-cli train --resume ID`, one at a time (CPU runs would only
// fight over the cores). A process, not a thread: LibTorch's thread pools and a crash stay out of
// the GUI, and the run is the same as one started from a terminal. Progress reaches the views
// through the database, which the RunsController tails. Cancel sends SIGTERM, on which the trainer
// checkpoints and ends `cancelled`. The destructor cancels the queue and waits for the worker.
#pragma once

#include <QObject>
#include <QProcess>
#include <QQueue>
#include <QString>

#include "training/training_config.h"

namespace seqscope::storage {
class Store;
}

namespace seqscope::gui {

class TrainingController : public QObject {
    Q_OBJECT
public:
    explicit TrainingController(QObject* parent = nullptr);
    ~TrainingController() override;

    // Runs are recorded in `store` (not owned; used on the GUI thread) and trained by workers that
    // open the same file. Switching databases cancels the queue of the previous one.
    void setStore(storage::Store* store);
    // Records the run as queued and schedules it; returns the run id, or 0 with *error set.
    long long enqueue(const training::TrainingConfig& config, const QString& name, QString* error);
    // Queues a whole sweep (`seqscope-cli sweep ...` arguments, without --db); its runs appear in the
    // database as the sweep creates them.
    bool enqueueSweep(const QStringList& arguments, QString* error);
    // Cancels a queued or running run; false when the id is neither.
    bool cancel(long long runId);
    // Cancels the running sweep (its current run checkpoints and ends cancelled); false if none runs.
    bool cancelSweep();
    long long runningRunId() const { return m_runningId; }
    int queuedCount() const { return int(m_queue.size()); }
    bool sweepRunning() const { return m_worker && m_runningId == 0; }
    // The seqscope-cli binary the workers run (next to the workbench, or on PATH); empty if none.
    static QString workerProgram();

signals:
    void runStarted(long long runId);
    void runEnded(long long runId, int exitCode, const QString& message);
    void queueChanged();

private:
    void startNext();
    void workerFinished(int exitCode, QProcess::ExitStatus status);

    storage::Store* m_store = nullptr;
    QString m_dbPath;
    struct Job {
        long long runId = 0;      // 0: a sweep
        QStringList arguments;    // seqscope-cli arguments without --db
    };
    QQueue<Job> m_queue;
    QProcess* m_worker = nullptr;
    long long m_runningId = 0;
    QString m_workerOutput;
};

}  // namespace seqscope::gui
