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
#include "calculator_controller.h"
#include "dashboard_controller.h"
#include "tour_controller.h"
#include "calculator_view.h"
#include "inference_view.h"
#include "loss_chart_view.h"
#include "main_window.h"
#include "fits_controller.h"
#include "cluster_controller.h"
#include "cluster_panel.h"
#include "hover_tips.h"
#include "fits_panel.h"
#include "forecast_controller.h"
#include "run_browser.h"
#include "run_launcher.h"
#include "sweep_dialog.h"
#include "run_table_model.h"
#include "runs_controller.h"
#include "training_controller.h"
#include "overview_view.h"
#include "params_controller.h"
#include "params_view.h"
#include "parametric_controller.h"
#include "parametric_view.h"
#include "context_controller.h"
#include "context_view.h"
#include "scaling_controller.h"
#include "scaling_view.h"
#include "settings.h"
#include "view_state.h"
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
    m_parametric = new widgets::ParametricView(window);
    m_parametricController = new ParametricController(m_parametric, this);
    m_window->addView(QStringLiteral("parametric"), tr("Parametric"), m_parametric);
    m_context = new widgets::ContextView(window);
    m_contextController = new ContextController(m_context, this);
    m_window->addView(QStringLiteral("context"), tr("Context"), m_context);
    // The Scaling view holds both the IsoFLOP profiles and the frontier: `--view isoflop|frontier` open it.
    m_window->addViewAlias(QStringLiteral("isoflop"), QStringLiteral("scaling"));
    m_window->addViewAlias(QStringLiteral("frontier"), QStringLiteral("scaling"));
    m_inference = new widgets::InferenceView(window);
    auto* chart = new widgets::LossChartView(window);
    auto* browser = new widgets::RunBrowser(window);
    m_browser = browser;
    m_lossChart = chart;
    m_runs = new RunsController(browser, chart, this);
    QWidget* lossView = buildLossView(chart);
    m_window->addView(QStringLiteral("loss"), tr("Loss Curves"), lossView);
    // Final-loss forecasts on the loss chart; `--view forecast` opens it with them on.
    m_forecast = new ForecastController(chart, this);
    m_window->addViewAlias(QStringLiteral("forecast"), QStringLiteral("loss"), [chart] { chart->setForecastsShown(true); });
    connect(m_forecast, &ForecastController::started, this, [this] { m_window->beginLoading(QStringLiteral("forecast")); });
    connect(m_forecast, &ForecastController::finished, this, [this] { m_window->endLoading(QStringLiteral("forecast")); });
    m_window->addView(QStringLiteral("inference"), tr("Inference"), m_inference);
    // The Calculator: both architectures' costs for any shape, live; "what C buys" uses the Scaling view's laws.
    m_calculator = new widgets::CalculatorView(window);
    m_calculatorController = new CalculatorController(m_calculator, this);
    m_window->addView(QStringLiteral("calculator"), tr("Calculator"), m_calculator);
    // Hyperparameters (issue 20): loss against a config field, parallel coordinates; brushing
    // selects runs in the Runs panel, whose selection (and so the loss chart) it follows.
    m_params = new widgets::ParamsView(window);
    m_paramsController = new ParamsController(m_params, this);
    m_window->addView(QStringLiteral("params"), tr("Hyperparameters"), m_params);
    connect(m_params, &widgets::ParamsView::runsSelected, browser, &widgets::RunBrowser::selectRuns);
    connect(browser, &widgets::RunBrowser::selectionChanged, m_params, &widgets::ParamsView::setSelectedRuns);
    m_window->addDock(QStringLiteral("runs"), tr("Runs"), browser, Qt::LeftDockWidgetArea);
    m_training = new TrainingController(this);
    // The Overview as a dashboard: thumbnails of three views, the runs, the demo.
    m_dashboard = new DashboardController(m_window, m_overview, m_training, this);
    m_dashboard->setThumbnailSource(QStringLiteral("scaling"), m_scaling);
    m_dashboard->setThumbnailSource(QStringLiteral("loss"), lossView);
    m_dashboard->setThumbnailSource(QStringLiteral("inference"), m_inference);
    connect(m_overview, &widgets::OverviewView::runActivated, this, [this](qint64 id) {
        m_browser->selectRuns({id});
        m_window->showView(QStringLiteral("loss"));
    });
    m_launcher = new RunLauncher(window);
    m_launcher->setCudaAvailable(!engine::deviceInfo().cudaDevices.empty());
    m_window->addDock(QStringLiteral("launcher"), tr("New Run"), m_launcher, Qt::LeftDockWidgetArea, QStringLiteral("runs"));
    connect(m_launcher, &RunLauncher::startRequested, this, &Workbench::startRun);
    auto* fitsPanel = new widgets::FitsPanel(window);
    m_fits = new FitsController(fitsPanel, this);
    m_window->addDock(QStringLiteral("fits"), tr("Fits"), fitsPanel, Qt::LeftDockWidgetArea, QStringLiteral("runs"));
    // Slurm sweeps: listed with their states and collected by `seqscope-cli sweep collect` while open.
    auto* clusterPanel = new widgets::ClusterPanel(window);
    m_cluster = new ClusterController(clusterPanel, this);
    m_window->addDock(QStringLiteral("cluster"), tr("Cluster"), clusterPanel, Qt::LeftDockWidgetArea, QStringLiteral("runs"));
    connect(m_cluster, &ClusterController::runsChanged, this, [this] {   // cluster runs that ended join the scaling charts
        m_runs->refreshNow();
        m_scalingController->runsChanged();
        m_paramsController->runsChanged();
        m_parametricController->runsChanged();
        m_contextController->runsChanged();
    });
    connect(m_inference, &widgets::InferenceView::benchmarkRequested, this, &Workbench::benchmarkModel);
    // Clicking one of your runs on any analysis chart selects it in the Runs panel (details, loss curve).
    connect(widgets::RunPicker::instance(), &widgets::RunPicker::runPicked, browser, [browser](qint64 id) { browser->selectRuns({id}); });
    // Screenshots and scripted walks wait for the scaling fits, which run on a worker thread.
    connect(m_scalingController, &ScalingController::fitStarted, this, [this] { m_window->beginLoading(QStringLiteral("scaling")); });
    connect(m_scalingController, &ScalingController::fitStored, m_fits, &FitsController::refresh);
    connect(m_scalingController, &ScalingController::plotReady, this, [this] {
        m_window->endLoading(QStringLiteral("scaling"));
        m_dashboard->refreshThumbnails();   // the Overview shows the new fit
        const widgets::ScalingSelection sel = m_scaling->selection();
        m_calculatorController->setFrontier(m_scaling->plot().frontier, tr("%1, %2").arg(sel.source, sel.set));
    });
    connect(m_parametricController, &ParametricController::fitStarted, this, [this] { m_window->beginLoading(QStringLiteral("parametric")); });
    connect(m_parametricController, &ParametricController::fitFinished, this, [this] { m_window->endLoading(QStringLiteral("parametric")); });
    connect(m_parametricController, &ParametricController::fitFinished, m_fits, &FitsController::refresh);   // it stores each fit
    connect(m_contextController, &ContextController::fitStarted, this, [this] { m_window->beginLoading(QStringLiteral("context")); });
    connect(m_contextController, &ContextController::plotReady, this, [this] { m_window->endLoading(QStringLiteral("context")); });
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
        m_paramsController->runsChanged();
        m_parametricController->runsChanged();
        m_contextController->runsChanged();
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
        if (running < m_lastRunning) {
            m_scalingController->runsChanged();
            m_paramsController->runsChanged();
            m_parametricController->runsChanged();
            m_contextController->runsChanged();
        }
        m_lastRunning = running;
    });
    connect(m_runs, &RunsController::errorOccurred, this, [this](const QString& message) {
        m_window->setActivityText(message);
    });
    // The tour: Help > Tour, the Overview's button, `--view tour --step N`.
    m_tour = new TourController(m_window, this, this);
    QAction* tour = new QAction(tr("&Tour of the Paper's Findings"), this);
    connect(tour, &QAction::triggered, this, [this] { m_tour->show(0); });
    m_window->helpMenu()->insertAction(m_window->helpMenu()->actions().value(0), tour);
    m_window->helpMenu()->insertSeparator(m_window->helpMenu()->actions().value(1));
    connect(m_overview, &widgets::OverviewView::tourRequested, this, [this] { m_tour->show(0); });
    m_window->addViewAlias(QStringLiteral("tour"), QStringLiteral("overview"), [this] { m_tour->show(m_tourStart); });
    connect(m_window, &MainWindow::saveViewRequested, this, [this](const QString& path) {
        QString error;
        if (saveViewState(path, captureViewState(), &error)) m_window->setActivityText(tr("View saved to %1").arg(path));
        else QMessageBox::warning(m_window, tr("Cannot Save View"), error);
    });
    connect(m_window, &MainWindow::openViewRequested, this, [this](const QString& path) {
        QString error;
        if (!openViewFile(path, &error)) QMessageBox::warning(m_window, tr("Cannot Open View"), error);
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
    m_paramsController->setStore(nullptr);
    m_dashboard->setStore(nullptr);
    m_forecast->setStore(nullptr);
    m_training->setStore(nullptr);
    m_scalingController->setStore(nullptr);
    m_parametricController->setStore(nullptr);
    m_fits->setStore(nullptr);
    m_cluster->setStore(nullptr);
    m_contextController->setStore(nullptr);
    m_store = std::move(opened.value());
    m_runs->setStore(m_store.get());
    m_paramsController->setStore(m_store.get());
    m_forecast->setStore(m_store.get());
    m_training->setStore(m_store.get());
    m_fits->setStore(m_store.get());
    m_cluster->setStore(m_store.get());
    m_calculatorController->setStore(m_store.get());
    m_dashboard->setStore(m_store.get());
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
            m_calculatorController->setStore(m_store.get());
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

int Workbench::queueSweep(const training::SweepOptions& options, const training::SweepPlan& plan, QString* error) {
    const int queued = m_training->enqueueSweep(options, plan, error);
    if (queued > 0) {
        m_runs->refreshNow();
        refreshOverview();
    }
    return queued;
}

void Workbench::reloadMeasurements() {
    if (!m_store) return;
    loadInferenceData();
    m_calculatorController->setStore(m_store.get());
}

void Workbench::refreshOverview() {
    m_dashboard->refresh();
}

void Workbench::loadScalingData() {
    m_scalingController->setStore(m_store.get(), QString::fromLatin1(kPaperDataset));
    m_parametricController->setStore(m_store.get(), QString::fromLatin1(kPaperDataset));
    m_contextController->setStore(m_store.get(), QString::fromLatin1(kPaperDataset));
}

// Both views list the same sources; each selects it.
bool Workbench::selectScalingSource(const QString& key) {
    const bool scaling = m_scalingController->selectSource(key);
    const bool context = m_contextController->selectSource(key);
    const bool parametric = m_parametricController->selectSource(key);
    return scaling || context || parametric;
}

}  // namespace seqscope::gui
