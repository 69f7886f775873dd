// SPDX-License-Identifier: MIT
// Cluster panel (issue 17): the workspace's Slurm sweeps (name, array job, partition, tasks by
// state, last collect) and the selected sweep's tasks (run, array task, Slurm state text). It draws
// the plain values it is given; "Collect Now" and "Cancel Sweep" (confirmed here first) are requests
// that app/gui/cluster_controller carries out with `seqscope-cli sweep collect|cancel`.
#pragma once

#include <QDateTime>
#include <QVector>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace seqscope::widgets {

struct ClusterTaskEntry {
    int arrayTask = 0;
    qint64 runId = 0;        // 0 when the run is not in the workspace
    QString runName;
    QString stateText;       // "running (slurm 1234_2)", "interrupted (slurm 1234_2 TIMEOUT)"
};

struct ClusterSweepEntry {
    qint64 sweepId = 0;
    QString name;
    QString jobId;           // latest array job; "" before the first submission
    QString partition;       // "" = the cluster's default
    QString taskCounts;      // tasks by state, e.g. "3 running, 2 queued, 1 finished"
    bool active = false;     // some task still queued or running (collected automatically)
    bool busy = false;       // a collect or cancel of this sweep is in flight
    QDateTime lastCollect;   // last successful collect from this workbench; invalid = none yet
    QString problem;         // last collect or cancel failure ("exit 1: ..."); "" = none
    QVector<ClusterTaskEntry> tasks;
};

class ClusterPanel : public QWidget {
    Q_OBJECT
public:
    explicit ClusterPanel(QWidget* parent = nullptr);
    // Replaces the list; keeps the selected sweep selected when it is still there.
    void setSweeps(const QVector<ClusterSweepEntry>& sweeps);
    void setError(const QString& message);   // "" hides it
    QTableWidget* sweepTable() const { return m_sweeps; }
    QTableWidget* taskTable() const { return m_tasks; }
    QLabel* emptyHint() const { return m_empty; }
    qint64 selectedSweep() const;
    bool selectSweep(qint64 sweepId);
    // Tests and scripts: skips the confirmation of "Cancel Sweep".
    void setConfirmCancel(bool confirm) { m_confirmCancel = confirm; }

signals:
    void collectRequested(qint64 sweepId);
    void cancelRequested(qint64 sweepId);   // after the user confirmed

private:
    void showTasks();
    const ClusterSweepEntry* selected() const;

    QTableWidget* m_sweeps = nullptr;
    QTableWidget* m_tasks = nullptr;
    QLabel* m_empty = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_collect = nullptr;
    QPushButton* m_cancel = nullptr;
    QVector<ClusterSweepEntry> m_entries;
    bool m_confirmCancel = true;
};

}  // namespace seqscope::widgets
