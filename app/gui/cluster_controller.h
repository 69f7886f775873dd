// SPDX-License-Identifier: MIT
// Feeds the Cluster panel and keeps the workspace's Slurm sweeps collected while the workbench is
// open (issue 17). Collecting is `seqscope-cli sweep collect NAME --db DB` in a QProcess: the merge
// (copying run files, quick_check, one transaction per file) and the final fit stay out of the GUI
// process, and merged metrics reach the loss chart through the store, which the Runs panel re-reads.
// One process at a time; every kCollectIntervalMs each sweep with a queued or running task (or
// complete but not yet fitted) is queued for a collect. "Cancel Sweep" runs `sweep cancel`. Failures
// (exit code, stderr's last line) are shown in the panel; stdout is read only for what the store
// cannot say (whether Slurm could be asked).
#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QTimer>

class QProcess;

namespace seqscope::storage {
class Store;
}
namespace seqscope::widgets {
class ClusterPanel;
}

namespace seqscope::gui {

class ClusterController : public QObject {
    Q_OBJECT
public:
    static constexpr int kCollectIntervalMs = 15000;

    explicit ClusterController(widgets::ClusterPanel* panel, QObject* parent = nullptr);
    ~ClusterController() override;

    // Not owned; nullptr detaches. Queued commands of the previous database are dropped; one in
    // flight finishes (its merge is transactional) but is no longer reported.
    void setStore(storage::Store* store);
    // How often sweeps with unfinished tasks are collected; 0 = only on request ("Collect Now").
    void setCollectInterval(int ms);
    // Re-reads the cluster sweeps and tasks into the panel.
    void refresh();
    // Queues a `sweep collect` of the sweep (first in line); a sweep already queued is not queued twice.
    void collect(qint64 sweepId);
    // Queues a `sweep cancel` of the sweep (the panel has confirmed it), ahead of queued collects.
    void cancelSweep(qint64 sweepId);
    // Sweeps that the next interval would collect: some task queued or running, or complete and not fitted.
    QList<qint64> sweepsToCollect() const;
    bool busy() const { return m_process != nullptr; }

    // The command lines, without the program (TrainingController::workerProgram()). The sweep is
    // named, not numbered: a name is unique, while a number could also be another sweep's name.
    static QStringList collectArguments(const QString& sweepName, const QString& dbPath);
    static QStringList cancelArguments(const QString& sweepName, const QString& dbPath);

signals:
    // A collect (or another process) moved some cluster run to finished or diverged: its point
    // belongs on the scaling charts.
    void runsChanged();
    // A command ended (ok: exit 0 and, for a collect, Slurm could be asked); tests wait on it.
    void commandFinished(qint64 sweepId, bool ok);

private:
    enum class Kind { Collect, Cancel };
    struct Job {
        Kind kind;
        qint64 sweepId;
    };
    void enqueue(const Job& job, bool first);
    void startNext();
    void finishJob(int exitCode, bool crashed, const QString& failure);
    void collectDue();
    QString sweepName(qint64 sweepId) const;

    widgets::ClusterPanel* m_panel;
    storage::Store* m_store = nullptr;
    QString m_dbPath;
    QTimer m_timer;
    QList<Job> m_queue;
    QProcess* m_process = nullptr;             // the command in flight, if any
    Job m_current{Kind::Collect, 0};
    QHash<qint64, QDateTime> m_lastCollect;    // last successful collect, per sweep
    QHash<qint64, QString> m_problem;          // last failure, per sweep
    QHash<qint64, int> m_runStatus;            // cluster run id -> status at the last look
    bool m_seenRuns = false;                   // m_runStatus holds a first look (no signal for it)
};

}  // namespace seqscope::gui
