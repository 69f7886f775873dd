// SPDX-License-Identifier: MIT
#include "cluster_controller.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <algorithm>
#include <map>

#include "cluster_panel.h"
#include "run_table_model.h"
#include "runs/cluster_sweep.h"
#include "runs/slurm_script.h"
#include "status_text.h"
#include "storage/store.h"
#include "training_controller.h"

namespace seqscope::gui {
namespace {

using storage::RunStatus;

// "3 running, 2 queued, 1 finished": counts in the order of RunStatus, zeros left out.
QString countsText(const std::map<RunStatus, int>& counts, int missing) {
    QStringList parts;
    for (const auto& [status, n] : counts) parts << QStringLiteral("%1 %2").arg(n).arg(RunTableModel::statusText(status));
    if (missing) parts << ClusterController::tr("%n missing", nullptr, missing);
    return parts.isEmpty() ? ClusterController::tr("no tasks") : parts.join(QStringLiteral(", "));
}

QString lastLine(const QByteArray& text) {
    const QStringList lines = QString::fromUtf8(text).trimmed().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return lines.isEmpty() ? QString() : lines.last().trimmed();
}

}  // namespace

ClusterController::ClusterController(widgets::ClusterPanel* panel, QObject* parent) : QObject(parent), m_panel(panel) {
    connect(m_panel, &widgets::ClusterPanel::collectRequested, this, &ClusterController::collect);
    connect(m_panel, &widgets::ClusterPanel::cancelRequested, this, &ClusterController::cancelSweep);
    m_timer.setInterval(kCollectIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &ClusterController::collectDue);
}

// A collect in flight gets a few seconds to finish, then is killed; each file's merge is one
// transaction, so the workspace keeps what was merged completely either way.
ClusterController::~ClusterController() {
    if (!m_process) return;
    m_process->disconnect(this);
    if (!m_process->waitForFinished(3000)) {
        m_process->kill();
        m_process->waitForFinished(1000);
    }
}

QStringList ClusterController::collectArguments(const QString& sweepName, const QString& dbPath) {
    return {QStringLiteral("sweep"), QStringLiteral("collect"), sweepName, QStringLiteral("--db"), dbPath, QStringLiteral("--json")};
}

QStringList ClusterController::cancelArguments(const QString& sweepName, const QString& dbPath) {
    return {QStringLiteral("sweep"), QStringLiteral("cancel"), sweepName, QStringLiteral("--db"), dbPath};
}

void ClusterController::setStore(storage::Store* store) {
    m_store = store;
    m_dbPath = store ? QString::fromStdString(store->path()) : QString();
    m_queue.clear();
    if (m_process) {   // of the previous database: let it finish unreported
        m_process->disconnect(this);
        connect(m_process, &QProcess::finished, m_process, &QObject::deleteLater);
        m_process = nullptr;
    }
    m_lastCollect.clear();
    m_problem.clear();
    m_runStatus.clear();
    m_seenRuns = false;
    m_panel->setError({});
    refresh();
    if (m_store && m_timer.interval() > 0) {
        m_timer.start();
        collectDue();   // a sweep that ran while the workbench was closed catches up now
    } else {
        m_timer.stop();
    }
}

void ClusterController::setCollectInterval(int ms) {
    m_timer.setInterval(std::max(ms, 0));
    if (m_store && ms > 0) m_timer.start();
    else m_timer.stop();
}

void ClusterController::refresh() {
    if (!m_store) return m_panel->setSweeps({});
    auto clusters = m_store->clusterSweeps();
    if (!clusters) return m_panel->setError(statusText(clusters.status()));
    auto sweeps = m_store->sweeps();
    if (!sweeps) return m_panel->setError(statusText(sweeps.status()));
    std::map<long long, std::string> names;
    for (const auto& s : *sweeps) names[s.id] = s.name;

    QVector<widgets::ClusterSweepEntry> entries;
    QHash<qint64, int> statuses;
    bool reachedEnd = false;   // a run that became finished or diverged since the last look
    for (const auto& c : *clusters) {
        auto tasks = m_store->clusterTasks(c.sweepId);
        if (!tasks) return m_panel->setError(statusText(tasks.status()));
        storage::RunFilter filter;
        filter.sweepId = c.sweepId;
        auto runs = m_store->runs(filter);
        if (!runs) return m_panel->setError(statusText(runs.status()));
        std::map<std::string, const storage::RunRecord*> byUuid;
        for (const auto& r : *runs) byUuid[r.uuid] = &r;

        widgets::ClusterSweepEntry e;
        e.sweepId = c.sweepId;
        e.name = QString::fromStdString(names.count(c.sweepId) ? names[c.sweepId] : std::to_string(c.sweepId));
        e.partition = QString::fromStdString(runs::ClusterOptions::fromJson(c.optionsJson).partition);
        std::map<RunStatus, int> counts;
        int missing = 0;
        for (const auto& t : *tasks) {
            runs::ClusterTaskReport report;   // its statusText() is the CLI's `sweep status` column
            report.task = t;
            widgets::ClusterTaskEntry te;
            te.arrayTask = t.arrayTask;
            if (auto it = byUuid.find(t.runUuid); it != byUuid.end()) {
                const storage::RunRecord& r = *it->second;
                report.runId = r.id;
                report.status = r.status;
                te.runId = r.id;
                te.runName = QString::fromStdString(r.name);
                te.stateText = QString::fromStdString(report.statusText());
                ++counts[r.status];
                e.active = e.active || !storage::isTerminal(r.status);
                const bool ended = r.status == RunStatus::Finished || r.status == RunStatus::Diverged;
                const auto before = m_runStatus.constFind(r.id);
                if (ended && m_seenRuns && (before == m_runStatus.constEnd() || before.value() != int(r.status))) reachedEnd = true;
                statuses.insert(r.id, int(r.status));
            } else {
                te.stateText = tr("run not in this database");
                ++missing;
            }
            if (!t.jobId.empty()) e.jobId = QString::fromStdString(t.jobId);   // tasks of the latest submission last
            e.tasks.append(te);
        }
        e.taskCounts = countsText(counts, missing);
        e.busy = m_process && m_current.sweepId == c.sweepId;
        e.lastCollect = m_lastCollect.value(c.sweepId);
        e.problem = m_problem.value(c.sweepId);
        entries.append(e);
    }
    m_runStatus = statuses;
    m_seenRuns = true;
    m_panel->setSweeps(entries);
    if (reachedEnd) emit runsChanged();
}

QList<qint64> ClusterController::sweepsToCollect() const {
    QList<qint64> due;
    if (!m_store) return due;
    auto clusters = m_store->clusterSweeps();
    if (!clusters) return due;
    for (const auto& c : *clusters) {
        storage::RunFilter filter;
        filter.sweepId = c.sweepId;
        auto runs = m_store->runs(filter);
        if (!runs || runs->empty()) continue;
        const bool unfinished = std::any_of(runs->begin(), runs->end(), [](const auto& r) { return !storage::isTerminal(r.status); });
        const bool complete = std::all_of(runs->begin(), runs->end(), [](const auto& r) {
            return r.status == RunStatus::Finished || r.status == RunStatus::Diverged;
        });
        // A complete sweep is collected once more so that collect fits it (it records fittedAt).
        if (unfinished || (complete && c.fittedAt <= 0)) due.append(c.sweepId);
    }
    return due;
}

void ClusterController::collectDue() {
    refresh();   // Slurm states written by a collect from elsewhere show too
    if (m_process) return;   // still busy with the last round: the next tick catches up
    for (qint64 id : sweepsToCollect()) enqueue({Kind::Collect, id}, false);
    startNext();
}

void ClusterController::collect(qint64 sweepId) {
    enqueue({Kind::Collect, sweepId}, true);
    startNext();
}

void ClusterController::cancelSweep(qint64 sweepId) {
    enqueue({Kind::Cancel, sweepId}, true);
    startNext();
}

void ClusterController::enqueue(const Job& job, bool first) {
    if (m_process && m_current.kind == job.kind && m_current.sweepId == job.sweepId) return;
    m_queue.removeIf([&](const Job& j) { return j.kind == job.kind && j.sweepId == job.sweepId; });
    if (first) m_queue.prepend(job);
    else m_queue.append(job);
}

QString ClusterController::sweepName(qint64 sweepId) const {
    if (m_store)
        if (auto sweeps = m_store->sweeps())
            for (const auto& s : *sweeps)
                if (s.id == sweepId) return QString::fromStdString(s.name);
    return {};
}

void ClusterController::startNext() {
    if (m_process || m_queue.isEmpty() || !m_store) return;
    m_current = m_queue.takeFirst();
    const QString name = sweepName(m_current.sweepId);
    if (name.isEmpty()) return startNext();   // deleted meanwhile
    const QString program = TrainingController::workerProgram();
    if (program.isEmpty()) {
        m_queue.clear();
        m_panel->setError(tr("seqscope-cli was not found next to the workbench or on PATH; it collects cluster sweeps."));
        emit commandFinished(m_current.sweepId, false);
        return;
    }
    m_process = new QProcess(this);
    connect(m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
        finishJob(code, status != QProcess::NormalExit, {});
    });
    connect(m_process, &QProcess::errorOccurred, this, [this, program](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) finishJob(-1, false, tr("cannot start %1: %2").arg(program, m_process->errorString()));
    });
    const QStringList args = m_current.kind == Kind::Collect ? collectArguments(name, m_dbPath) : cancelArguments(name, m_dbPath);
    m_process->start(program, args);
    refresh();   // "collecting..."
}

void ClusterController::finishJob(int exitCode, bool crashed, const QString& failure) {
    QProcess* p = m_process;
    m_process = nullptr;
    const Job job = m_current;
    QString problem = failure;
    if (problem.isEmpty()) {
        const QString err = lastLine(p->readAllStandardError());
        if (crashed) problem = tr("seqscope-cli crashed: %1").arg(err);
        else if (exitCode != 0) problem = tr("exit %1: %2").arg(exitCode).arg(err.isEmpty() ? tr("(no message)") : err);
        else if (job.kind == Kind::Collect) {
            // The one thing the store cannot tell: whether Slurm answered (else states are stale).
            const QJsonObject out = QJsonDocument::fromJson(p->readAllStandardOutput()).object();
            if (out.contains(QLatin1String("slurm_reachable")) && !out.value(QLatin1String("slurm_reachable")).toBool())
                problem = tr("Slurm could not be asked (%1); run files were merged, states are the last ones seen")
                              .arg(out.value(QLatin1String("slurm_error")).toString());
        }
    }
    p->deleteLater();
    if (problem.isEmpty()) m_problem.remove(job.sweepId);
    else m_problem.insert(job.sweepId, problem);
    if (job.kind == Kind::Collect && exitCode == 0 && !crashed && failure.isEmpty())
        m_lastCollect.insert(job.sweepId, QDateTime::currentDateTime());
    refresh();
    emit commandFinished(job.sweepId, problem.isEmpty());
    startNext();
}

}  // namespace seqscope::gui
