// SPDX-License-Identifier: MIT
#include "workbench.h"

#include <QApplication>
#include <algorithm>
#include <QComboBox>
#include <QActionGroup>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QVBoxLayout>

#include "analysis/builtin_datasets.h"
#include "analysis/inference_measurements.h"
#include "common/metric_names.h"
#include "runs/run_estimate.h"
#include "runs/worker_pool.h"
#include "engine/device_info.h"
#include "inference_view.h"
#include "loss_chart_view.h"
#include "main_window.h"
#include "run_browser.h"
#include "run_launcher.h"
#include "sweep_dialog.h"
#include "run_table_model.h"
#include "runs_controller.h"
#include "training_controller.h"
#include "overview_view.h"
#include "scaling_controller.h"
#include "scaling_view.h"
#include "settings.h"
#include "status_text.h"
#include "storage/store.h"
#include "workspace/scaling_points.h"
#include "workspace/workspace.h"

namespace seqscope::gui {

namespace {
const char* kPaperDataset = "xlstm-paper";
}

Workbench::Workbench(MainWindow* window)
    : QObject(window), m_window(window), m_overview(new widgets::OverviewView(window)), m_scaling(new widgets::ScalingView(window)),
      m_scalingController(new ScalingController(m_scaling, this)) {
    m_window->addView(QStringLiteral("overview"), tr("Overview"), m_overview);
    m_window->addView(QStringLiteral("scaling"), tr("Scaling"), m_scaling);
    m_inference = new widgets::InferenceView(window);
    auto* chart = new widgets::LossChartView(window);
    auto* browser = new widgets::RunBrowser(window);
    m_runs = new RunsController(browser, chart, this);
    m_window->addView(QStringLiteral("loss"), tr("Loss Curves"), buildLossView(chart));
    m_window->addView(QStringLiteral("inference"), tr("Inference"), m_inference);
    m_window->addDock(QStringLiteral("runs"), tr("Runs"), browser, Qt::LeftDockWidgetArea);
    m_training = new TrainingController(this);
    m_launcher = new RunLauncher(window);
    m_launcher->setCudaAvailable(!engine::deviceInfo().cudaDevices.empty());
    m_window->addDock(QStringLiteral("launcher"), tr("New Run"), m_launcher, Qt::LeftDockWidgetArea, QStringLiteral("runs"));
    connect(m_launcher, &RunLauncher::startRequested, this, &Workbench::startRun);
    connect(m_inference, &widgets::InferenceView::benchmarkRequested, this, &Workbench::benchmarkModel);
    // Screenshots and scripted walks wait for the scaling fits, which run on a worker thread.
    connect(m_scalingController, &ScalingController::fitStarted, this, [this] { m_window->beginLoading(QStringLiteral("scaling")); });
    connect(m_scalingController, &ScalingController::plotReady, this, [this] { m_window->endLoading(QStringLiteral("scaling")); });
    QAction* sweep = m_window->runsMenu()->addAction(tr("IsoFLOP &Sweep..."), this, [this] {
        SweepDialog dialog(m_window);
        if (m_store) dialog.setThroughput(runs::measuredThroughput(*m_store));
        if (dialog.exec() != QDialog::Accepted) return;
        QString error;
        training::SweepOptions options;
        const int queued = dialog.options(&options, &error) ? m_training->enqueueSweep(options, dialog.plan(), &error) : 0;
        if (queued == 0)
            QMessageBox::warning(m_window, tr("Cannot Start Sweep"), error);
        else
            m_window->setActivityText(tr("Sweep of %n run(s) queued", nullptr, queued));
    });
    sweep->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    m_window->runsMenu()->addAction(tr("&Cancel Running Sweep"), this, [this] {
        if (!m_training->cancelSweep()) m_window->setActivityText(tr("No sweep is running."));
    });
    // How many worker processes train at once (the run service's pool; one by default).
    QMenu* parallel = m_window->runsMenu()->addMenu(tr("Runs at &Once"));
    auto* group = new QActionGroup(parallel);
    const int saved = Settings::parallelRuns() > 0 ? Settings::parallelRuns() : runs::kDefaultWorkers;
    for (int workers : {1, 2, 4}) {
        QAction* a = parallel->addAction(tr("%n run(s) at once", nullptr, workers));
        a->setCheckable(true);
        a->setChecked(workers == saved);
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, workers] {
            m_training->setMaxWorkers(workers);
            Settings::setParallelRuns(workers);
        });
    }
    m_training->setMaxWorkers(saved);
    connect(browser, &widgets::RunBrowser::cancelRequested, this, [this](const QList<long long>& ids) {
        for (long long id : ids)
            if (!m_training->cancel(id))
                m_window->setActivityText(tr("Run #%1 was not started here; stop it where it runs (Ctrl-C).").arg(id));
    });
    connect(m_training, &TrainingController::runEnded, this, [this](long long id, int, const QString& output) {
        m_runs->refreshNow();
        updateMeasuredThroughput();
        m_scalingController->runsChanged();   // a finished run lands on the scaling charts, refitted
        if (!m_store) return;
        // The worker records the outcome itself; report what it recorded.
        auto run = m_store->run(id);
        if (!run) return;
        const QString reason = run->failureReason.empty() ? output.section(QLatin1Char('\n'), -1)
                                                          : QString::fromStdString(run->failureReason);
        m_window->setActivityText(run->status == storage::RunStatus::Finished
                                      ? tr("Run #%1 finished").arg(id)
                                      : tr("Run #%1 %2: %3").arg(id).arg(RunTableModel::statusText(run->status), reason));
    });
    connect(m_training, &TrainingController::workerStalled, this, [this](long long id, int seconds) {
        m_window->setActivityText(tr("Run #%1 has made no progress for %2 s").arg(id).arg(seconds));
        auto* ask = new QMessageBox(QMessageBox::Warning, tr("Run Not Progressing"),
                                    tr("Run #%1 has stored no new metrics for %2 seconds. Its worker may hang. "
                                       "Cancel the run? (It checkpoints first when it can.)").arg(id).arg(seconds),
                                    QMessageBox::NoButton, m_window);
        ask->setObjectName(QStringLiteral("stalledRunQuestion"));
        QPushButton* cancel = ask->addButton(tr("Cancel Run"), QMessageBox::DestructiveRole);
        ask->addButton(tr("Keep Waiting"), QMessageBox::RejectRole);
        ask->setAttribute(Qt::WA_DeleteOnClose);
        connect(ask, &QMessageBox::buttonClicked, this, [this, cancel, id](QAbstractButton* button) {
            if (button == cancel) m_training->cancel(id);
        });
        ask->open();   // not modal for the whole application: the views stay live
    });
    connect(m_runs, &RunsController::runningCountChanged, this, [this](int running) {
        m_window->setActivityText(running == 0 ? tr("Idle") : tr("%n run(s) training", nullptr, running));
        refreshOverview();   // its run counts
        // Runs started elsewhere (the CLI, a sweep) that ended: their points join the scaling charts.
        if (running < m_lastRunning) m_scalingController->runsChanged();
        m_lastRunning = running;
    });
    connect(m_runs, &RunsController::errorOccurred, this, [this](const QString& message) {
        m_window->setActivityText(message);
    });
    connect(m_window, &MainWindow::openDatabaseRequested, this, [this](const QString& path) {
        QString error;
        if (!openDatabase(path, &error)) QMessageBox::warning(m_window, tr("Cannot Open Database"), error);
    });
}

Workbench::~Workbench() = default;

bool Workbench::openDatabase(const QString& path, QString* error) {
    auto opened = workspace::openWorkspace(path.toStdString());
    if (!opened) {
        *error = tr("Cannot open '%1': %2").arg(path, statusText(opened.status()));
        return false;
    }
    m_runs->setStore(nullptr);   // the controllers must not use the store being replaced
    m_training->setStore(nullptr);
    m_scalingController->setStore(nullptr);
    m_store = std::move(opened.value());
    m_runs->setStore(m_store.get());
    m_training->setStore(m_store.get());
    updateMeasuredThroughput();
    m_window->setDatabasePath(path);
    Settings::setLastDatabase(path);
    refreshOverview();
    loadScalingData();
    loadInferenceData();
    loadImportedModels();
    return true;
}

void Workbench::loadImportedModels() {
    QVector<ImportedModel> models;
    QStringList names;
    if (auto records = m_store->models())
        for (const auto& r : *records) {
            const QJsonObject shape = QJsonDocument::fromJson(QByteArray::fromStdString(r.configJson)).object();
            models.append({QString::fromStdString(r.name), QString::fromStdString(r.path), QString::fromStdString(r.arch),
                           shape.value(QStringLiteral("d_model")).toInt(), shape.value(QStringLiteral("layers")).toInt(),
                           shape.value(QStringLiteral("heads")).toInt()});
            names << QString::fromStdString(r.name);
        }
    m_launcher->setImportedModels(models);
    m_inference->setModels(names);
}

// A real model's latency on this machine, measured by the CLI in a process of its own (LibTorch's
// threads stay out of the GUI process) and stored with the other benchmark points.
void Workbench::benchmarkModel(const QString& name) {
    if (m_benchmark || !m_store) return;
    m_benchmark = new QProcess(this);
    const QStringList args = {QStringLiteral("bench"), QStringLiteral("inference"), QStringLiteral("--db"),
                              QString::fromStdString(m_store->path()), QStringLiteral("--checkpoint"), name,
                              QStringLiteral("--prefill"), QStringLiteral("64,256,1024"), QStringLiteral("--repeats"),
                              QStringLiteral("2"), QStringLiteral("--time-limit"), QStringLiteral("120")};
    m_inference->setBenchmarkStatus(tr("Measuring %1 at 64, 256 and 1024 tokens...").arg(name), true);
    connect(m_benchmark, &QProcess::finished, this, [this, name](int code, QProcess::ExitStatus status) {
        const QString err = QString::fromUtf8(m_benchmark->readAllStandardError()).trimmed();
        m_benchmark->deleteLater();
        m_benchmark = nullptr;
        if (status == QProcess::NormalExit && code == 0) {
            m_inference->setBenchmarkStatus(tr("%1 measured; its points are in this database.").arg(name), false);
            loadInferenceData();
            m_inference->showMeasured();
        } else {
            m_inference->setBenchmarkStatus(tr("Benchmark of %1 failed: %2").arg(name, err.section(QLatin1Char('\n'), -1)), false);
        }
    });
    m_benchmark->start(TrainingController::workerProgram(), args);
}

void Workbench::loadInferenceData() {
    // The paper's H100 measurements: built in, parsed from the embedded CSV.
    QVector<widgets::LatencyPoint> reference;
    auto rows = analysis::parseInferenceMeasurements(analysis::builtinInferenceMeasurementsCsv(), "xlstm_inference_h100.csv");
    if (rows)
        for (const auto& r : *rows)
            reference.append({QString::fromStdString(r.arch), QString::fromStdString(r.model), r.numParams, r.batch, r.prefill,
                              r.ttftMs, r.stepMs});
    QVector<widgets::LatencyPoint> measured;
    if (auto points = m_store->benchmarkPoints())
        for (const auto& p : *points)
            if (p.status == "ok")
                measured.append({QString::fromStdString(p.arch), QString::fromStdString(p.label.empty() ? p.arch : p.label),
                                 p.params, p.batch, p.prefillLength, p.ttftMs, p.stepMs});
    m_inference->setReference(reference, tr("Source: xLSTM Scaling Laws release (Beck et al., arXiv 2510.02228), NVIDIA H100, "
                                            "bfloat16; failed or out-of-memory points are not drawn."));
    m_inference->setMeasured(measured);
}

void Workbench::startRun(const runs::RunRequest& request) {
    QString error;
    const long long id = m_training->enqueue(request, &error);
    if (id == 0) {
        QMessageBox::warning(m_window, tr("Cannot Start Run"), error);
        return;
    }
    m_runs->refreshNow();
    m_window->showView(QStringLiteral("loss"));
    m_window->setActivityText(tr("Run #%1 queued").arg(id));
}

void Workbench::updateMeasuredThroughput() {
    if (m_store) m_launcher->setThroughput(runs::measuredThroughput(*m_store));
}

QWidget* Workbench::buildLossView(QWidget* chart) {
    auto* view = new QWidget(m_window);
    auto* metric = new QComboBox(view);
    const QList<QPair<QString, QString>> choices = {{QLatin1String(metrics::kTrainLoss), tr("Training loss")},
                                                    {QLatin1String(metrics::kValLoss), tr("Validation loss")},
                                                    {QLatin1String(metrics::kLearningRate), tr("Learning rate")},
                                                    {QLatin1String(metrics::kGradNorm), tr("Gradient norm")},
                                                    {QLatin1String(metrics::kTokensPerSecond), tr("Throughput (tokens/s)")},
                                                    {QLatin1String(metrics::kMfu), tr("Model FLOPs utilisation")}};
    for (const auto& [key, label] : choices) metric->addItem(label, key);
    connect(metric, &QComboBox::currentIndexChanged, this,
            [this, metric] { m_runs->setMetric(metric->currentData().toString()); });
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Metric:"), view));
    top->addWidget(metric);
    auto* hint = new QLabel(tr("Select runs in the Runs panel to overlay their curves."), view);
    hint->setWordWrap(true);
    top->addWidget(hint, 1);
    auto* layout = new QVBoxLayout(view);
    layout->addLayout(top);
    layout->addWidget(chart, 1);
    return view;
}

void Workbench::refreshOverview() {
    widgets::OverviewFacts facts;
    facts.databasePath = QString::fromStdString(m_store->path());
    if (auto runs = m_store->runs()) {
        facts.runCount = int(runs->size());
        for (const auto& r : *runs)
            if (r.status == storage::RunStatus::Running) ++facts.runningCount;
    }
    if (auto datasets = m_store->referenceDatasets())
        for (const auto& d : *datasets) {
            auto rows = m_store->resultRows(d.name);
            facts.datasets << tr("<b>%1</b>: %2 (%3 rows)")
                                  .arg(QString::fromStdString(d.name), QString::fromStdString(d.title).toHtmlEscaped())
                                  .arg(rows ? int(rows->size()) : 0);
        }
    const auto info = engine::deviceInfo();
    facts.torchVersion = QString::fromStdString(info.torchVersion);
    facts.cpuThreads = info.cpuThreads;
    facts.cudaKernels = info.cudaKernels;
    for (const auto& d : info.cudaDevices)
        facts.cudaDevices << tr("%1 (%2 GiB)").arg(QString::fromStdString(d.name)).arg(d.memoryGiB, 0, 'f', 0);
    m_overview->setFacts(facts);
}

void Workbench::loadScalingData() { m_scalingController->setStore(m_store.get(), QString::fromLatin1(kPaperDataset)); }

bool Workbench::selectScalingSource(const QString& key) { return m_scalingController->selectSource(key); }

}  // namespace seqscope::gui
