// SPDX-License-Identifier: MIT
#include "cluster_panel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace seqscope::widgets {
namespace {

enum SweepColumn { kName, kJob, kPartition, kTasks, kSweepCollected, kSweepColumns };
enum TaskColumn { kTask, kRun, kRunName, kState, kTaskCollected, kTaskColumns };

QTableWidget* makeTable(int columns, const QStringList& headers, const QString& name, QWidget* parent) {
    auto* t = new QTableWidget(0, columns, parent);
    t->setObjectName(name);
    t->setHorizontalHeaderLabels(headers);
    t->verticalHeader()->hide();
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    t->horizontalHeader()->setStretchLastSection(true);
    return t;
}

void setRow(QTableWidget* table, int row, const QStringList& cells) {
    for (int c = 0; c < cells.size(); ++c) table->setItem(row, c, new QTableWidgetItem(cells[c]));
}

}  // namespace

ClusterPanel::ClusterPanel(QWidget* parent) : QWidget(parent) {
    m_sweeps = makeTable(kSweepColumns, {tr("Sweep"), tr("Job"), tr("Partition"), tr("Tasks"), tr("Collected")},
                         QStringLiteral("clusterSweepTable"), this);
    m_tasks = makeTable(kTaskColumns, {tr("Task"), tr("Run"), tr("Name"), tr("State"), tr("Collected")},
                        QStringLiteral("clusterTaskTable"), this);
    m_empty = new QLabel(tr("No cluster sweeps in this workspace. Submit one from a machine that can reach Slurm, e.g.<br>"
                            "<code>seqscope-cli sweep isoflop --budgets 1e18,3e18 --ctx 2048 --sizes 5 --data FILE "
                            "--slurm --partition gpu --db DATABASE</code><br>"
                            "(see docs/cluster.md). While this database is open, the workbench collects its runs every "
                            "15 seconds, so their loss curves grow here."),
                         this);
    m_empty->setObjectName(QStringLiteral("clusterEmptyHint"));
    m_empty->setWordWrap(true);
    m_empty->setTextFormat(Qt::RichText);
    m_empty->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("clusterError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_error->hide();
    m_collect = new QPushButton(tr("Collect Now"), this);
    m_collect->setToolTip(tr("Merge the selected sweep's run files into this database now (seqscope-cli sweep collect)."));
    m_cancel = new QPushButton(tr("Cancel Sweep"), this);
    m_cancel->setToolTip(tr("Ask Slurm to stop the selected sweep's queued and running tasks (seqscope-cli sweep cancel)."));

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_sweeps);
    splitter->addWidget(m_tasks);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_collect);
    buttons->addWidget(m_cancel);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_empty);
    layout->addWidget(m_error);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_status);
    layout->addLayout(buttons);

    connect(m_sweeps, &QTableWidget::itemSelectionChanged, this, &ClusterPanel::showTasks);
    connect(m_collect, &QPushButton::clicked, this, [this] {
        if (const qint64 id = selectedSweep()) emit collectRequested(id);
    });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        const ClusterSweepEntry* e = selected();
        if (!e) return;
        if (m_confirmCancel &&
            QMessageBox::question(this, tr("Cancel Sweep"),
                                  tr("Ask Slurm to stop every queued and running task of sweep %1? Running runs checkpoint "
                                     "first; resume them later with seqscope-cli sweep resume %1 --slurm.")
                                      .arg(e->name)) != QMessageBox::Yes)
            return;
        emit cancelRequested(e->sweepId);
    });
    setSweeps({});
}

void ClusterPanel::setSweeps(const QVector<ClusterSweepEntry>& sweeps) {
    const qint64 keep = selectedSweep();
    m_entries = sweeps;
    {
        const QSignalBlocker block(m_sweeps);
        m_sweeps->setRowCount(int(sweeps.size()));
        const QLocale locale;
        for (int r = 0; r < sweeps.size(); ++r) {
            const ClusterSweepEntry& s = sweeps[r];
            setRow(m_sweeps, r,
                   {s.name, s.jobId.isEmpty() ? tr("not submitted") : s.jobId, s.partition.isEmpty() ? tr("default") : s.partition,
                    s.taskCounts,
                    s.busy ? tr("collecting...")
                    : s.lastCollect.isValid() ? locale.toString(s.lastCollect.time(), QLocale::ShortFormat)
                                              : tr("not yet")});
            if (!s.problem.isEmpty())
                for (int c = 0; c < kSweepColumns; ++c) m_sweeps->item(r, c)->setToolTip(s.problem);
        }
    }
    m_empty->setVisible(sweeps.isEmpty());
    m_sweeps->setVisible(!sweeps.isEmpty());
    m_tasks->setVisible(!sweeps.isEmpty());
    if (!selectSweep(keep) && !sweeps.isEmpty()) selectSweep(sweeps.front().sweepId);
    showTasks();
}

void ClusterPanel::setError(const QString& message) {
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

const ClusterSweepEntry* ClusterPanel::selected() const {
    const int row = m_sweeps->currentRow();
    const auto rows = m_sweeps->selectionModel()->selectedRows();
    if (rows.isEmpty() || row < 0 || row >= m_entries.size()) return nullptr;
    return &m_entries[row];
}

qint64 ClusterPanel::selectedSweep() const {
    const ClusterSweepEntry* e = selected();
    return e ? e->sweepId : 0;
}

bool ClusterPanel::selectSweep(qint64 sweepId) {
    for (int r = 0; r < m_entries.size(); ++r)
        if (m_entries[r].sweepId == sweepId) {
            m_sweeps->selectRow(r);
            return true;
        }
    return false;
}

void ClusterPanel::showTasks() {
    const ClusterSweepEntry* e = selected();
    const QVector<ClusterTaskEntry> tasks = e ? e->tasks : QVector<ClusterTaskEntry>{};
    m_tasks->setRowCount(int(tasks.size()));
    const QString collected = !e ? QString()
                              : e->lastCollect.isValid() ? QLocale().toString(e->lastCollect.time(), QLocale::ShortFormat)
                                                         : tr("not yet");
    for (int r = 0; r < tasks.size(); ++r) {
        const ClusterTaskEntry& t = tasks[r];
        setRow(m_tasks, r,
               {QString::number(t.arrayTask), t.runId ? QString::number(t.runId) : tr("missing"), t.runName, t.stateText, collected});
    }
    m_collect->setEnabled(e && !e->busy);
    m_cancel->setEnabled(e && !e->busy && !e->jobId.isEmpty());
    if (!e) m_status->clear();
    else if (!e->problem.isEmpty()) m_status->setText(tr("Last attempt failed: %1").arg(e->problem));
    else if (e->busy) m_status->setText(tr("Collecting %1...").arg(e->name));
    else if (e->active) m_status->setText(tr("Collected automatically every 15 s while this database is open."));
    else m_status->setText(tr("No task is queued or running; nothing to collect."));
}

}  // namespace seqscope::widgets
