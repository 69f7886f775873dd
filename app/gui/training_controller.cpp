// SPDX-License-Identifier: MIT
#include "training_controller.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <algorithm>

#include "status_text.h"
#include "storage/store.h"
#include "workspace/run_records.h"

namespace seqscope::gui {

TrainingController::TrainingController(QObject* parent) : QObject(parent) {}

TrainingController::~TrainingController() {
    m_queue.clear();
    if (m_worker && m_worker->state() != QProcess::NotRunning) {
        disconnect(m_worker, nullptr, this, nullptr);
        m_worker->terminate();   // SIGTERM: the trainer checkpoints and marks the run cancelled
        if (!m_worker->waitForFinished(30000)) m_worker->kill();
    }
}

QString TrainingController::workerProgram() {
    const QString dir = QCoreApplication::applicationDirPath();
    for (const QString& candidate : {dir + QStringLiteral("/seqscope-cli"), dir + QStringLiteral("/../seqscope-cli"),
                                     dir + QStringLiteral("/../app/seqscope-cli")})
        if (QFileInfo(candidate).isExecutable()) return QFileInfo(candidate).canonicalFilePath();
    return QStandardPaths::findExecutable(QStringLiteral("seqscope-cli"));
}

void TrainingController::setStore(storage::Store* store) {
    // Queued runs of the previous database stay queued there; the CLI can start them later.
    m_queue.clear();
    m_store = store;
    m_dbPath = store ? QString::fromStdString(store->path()) : QString();
    emit queueChanged();
}

long long TrainingController::enqueue(const training::TrainingConfig& config, const QString& name, QString* error) {
    if (!m_store) {
        *error = tr("No database is open.");
        return 0;
    }
    if (workerProgram().isEmpty()) {
        *error = tr("seqscope-cli was not found next to the workbench or on PATH; it trains the runs.");
        return 0;
    }
    std::string why;
    if (!config.isValid(&why)) {
        *error = QString::fromStdString(why);
        return 0;
    }
    const training::TrainingPlan plan = training::planTraining(config);
    if (!plan.status.isOk()) {
        *error = statusText(plan.status);
        return 0;
    }
    auto id = m_store->createRun(workspace::queuedRunRecord(config, plan, name.toStdString(), {"gui"}));
    if (!id) {
        *error = statusText(id.status());
        return 0;
    }
    m_queue.enqueue({*id, {QStringLiteral("train"), QStringLiteral("--resume"), QString::number(*id)}});
    emit queueChanged();
    startNext();
    return *id;
}

bool TrainingController::enqueueSweep(const QStringList& arguments, QString* error) {
    if (!m_store) {
        *error = tr("No database is open.");
        return false;
    }
    if (workerProgram().isEmpty()) {
        *error = tr("seqscope-cli was not found next to the workbench or on PATH; it trains the runs.");
        return false;
    }
    m_queue.enqueue({0, arguments});
    emit queueChanged();
    startNext();
    return true;
}

bool TrainingController::cancelSweep() {
    if (!sweepRunning()) return false;
    m_worker->terminate();
    return true;
}

bool TrainingController::cancel(long long runId) {
    const auto queued = std::find_if(m_queue.begin(), m_queue.end(), [runId](const Job& j) { return j.runId == runId && runId != 0; });
    if (queued != m_queue.end()) {
        m_queue.erase(queued);
        if (m_store) m_store->finishRun(runId, storage::RunStatus::Cancelled, "cancelled in the workbench before it started");
        emit queueChanged();
        return true;
    }
    if (runId != 0 && runId == m_runningId && m_worker) {
        m_worker->terminate();
        return true;
    }
    return false;
}

void TrainingController::startNext() {
    if (m_worker || m_queue.isEmpty() || !m_store) return;
    const Job job = m_queue.dequeue();
    m_runningId = job.runId;
    m_workerOutput.clear();
    m_worker = new QProcess(this);
    m_worker->setProcessChannelMode(QProcess::MergedChannels);
    connect(m_worker, &QProcess::readyRead, this, [this] {
        // Keep the tail only: the reason of a failure is in the last lines.
        m_workerOutput += QString::fromUtf8(m_worker->readAll());
        if (m_workerOutput.size() > 16000) m_workerOutput = m_workerOutput.right(8000);
    });
    connect(m_worker, &QProcess::finished, this, &TrainingController::workerFinished);
    connect(m_worker, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart) workerFinished(-1, QProcess::CrashExit);
    });
    const QStringList args = job.arguments + QStringList{QStringLiteral("--db"), m_dbPath, QStringLiteral("--json")};
    emit runStarted(m_runningId);
    emit queueChanged();
    m_worker->start(workerProgram(), args);
}

void TrainingController::workerFinished(int exitCode, QProcess::ExitStatus status) {
    if (!m_worker) return;
    const long long id = m_runningId;
    QString message = m_workerOutput.trimmed();
    if (status == QProcess::CrashExit && m_store && id != 0) {
        // The trainer could not record its own end; do it so the run does not stay `running`.
        m_store->finishRun(id, storage::RunStatus::Failed, "the training process crashed");
        message = tr("The training process crashed.");
    }
    m_worker->deleteLater();
    m_worker = nullptr;
    m_runningId = 0;
    emit runEnded(id, exitCode, message.right(2000));
    emit queueChanged();
    startNext();
}

}  // namespace seqscope::gui
