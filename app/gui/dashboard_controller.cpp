// SPDX-License-Identifier: MIT
#include "dashboard_controller.h"

#include <QApplication>
#include <QDateTime>
#include <QTimer>
#include <algorithm>
#include <cmath>

#include "demo_sweep.h"
#include "engine/device_info.h"
#include "main_window.h"
#include "overview_view.h"
#include "run_table_model.h"
#include "runs/run_estimate.h"
#include "common/metric_names.h"
#include "storage/store.h"
#include "training/training_config.h"
#include "training_controller.h"

namespace seqscope::gui {
namespace {

constexpr int kFinishedShown = 5;   // the last finished runs on the dashboard

}  // namespace

DashboardController::DashboardController(MainWindow* window, widgets::OverviewView* view, TrainingController* training,
                                         QObject* parent)
    : QObject(parent), m_window(window), m_view(view), m_training(training), m_timer(new QTimer(this)) {
    // Every 2 s while the Overview is shown: runs (cheap reads); every 6 s: thumbnails (a grab each).
    m_timer->setInterval(2000);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (!m_view->isVisible()) return;
        refresh();
        if (++m_ticks % 3 == 0) refreshThumbnails();
    });
    m_timer->start();
    connect(m_view, &widgets::OverviewView::viewRequested, m_window, [this](const QString& id) { m_window->showView(id); });
    connect(m_view, &widgets::OverviewView::demoRequested, this, [this] {
        QString error;
        if (startDemo(&error) == 0) m_window->setActivityText(tr("Cannot start the demo: %1").arg(error));
    });
}

void DashboardController::setStore(storage::Store* store) {
    m_store = store;
    if (m_store) refresh();
}

void DashboardController::setThumbnailSource(const QString& id, QWidget* view) { m_sources[id] = view; }

void DashboardController::refreshThumbnails() {
    for (auto it = m_sources.constBegin(); it != m_sources.constEnd(); ++it) {
        QWidget* w = it.value();
        if (!w) continue;
        // A tab that was never shown has no size of its own: lay it out at the Overview's.
        if (!w->isVisible() && w->size() != m_view->size()) w->resize(m_view->size());
        m_view->setThumbnail(it.key(), w->grab());
    }
}

widgets::OverviewFacts DashboardController::facts() const {
    widgets::OverviewFacts f;
    if (!m_store) return f;
    f.databasePath = QString::fromStdString(m_store->path());
    const runs::Throughput rates = runs::measuredThroughput(*m_store);
    const double now = double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
    if (auto runs = m_store->runs()) {
        f.runCount = int(runs->size());
        QVector<widgets::OverviewRun> finished;
        for (const auto& r : *runs) {
            const bool running = r.status == storage::RunStatus::Running, queued = r.status == storage::RunStatus::Queued;
            if (running) ++f.runningCount;
            if (!running && !queued && r.status != storage::RunStatus::Finished) continue;
            widgets::OverviewRun o;
            o.id = r.id;
            o.name = QString::fromStdString(r.name);
            o.arch = QString::fromStdString(r.arch);
            o.status = RunTableModel::statusText(r.status);
            o.active = running || queued;
            long long lastStep = 0;
            double valLoss = NAN;
            if (auto summary = m_store->metricSummary(r.id))
                for (const auto& m : *summary) {
                    if (m.name == metrics::kTrainLoss) lastStep = m.lastStep;
                    if (m.name == metrics::kValLoss) valLoss = m.lastValue;
                }
            if (o.active) {
                auto config = training::trainingConfigFromJson(r.configJson);
                const training::TrainingPlan plan = config ? training::planTraining(*config) : training::TrainingPlan{};
                if (plan.status.isOk() && plan.steps > 0) {
                    if (running) {
                        o.progress = std::clamp(double(lastStep) / double(plan.steps), 0.0, 1.0);
                        const double elapsed = r.startedAt > 0 ? now - r.startedAt : NAN;
                        if (o.progress > 0.01 && elapsed > 0) o.etaSeconds = elapsed * (1 - o.progress) / o.progress;
                    }
                    if (!(o.etaSeconds >= 0) && rates.known()) o.etaSeconds = rates.seconds(plan.flops, plan.tokens);
                }
                f.runs << o;
            } else {
                o.finalLoss = valLoss;
                finished << o;
            }
        }
        std::reverse(finished.begin(), finished.end());   // newest first
        f.runs << finished.mid(0, kFinishedShown);
    }
    if (auto datasets = m_store->referenceDatasets())
        for (const auto& d : *datasets) {
            auto rows = m_store->resultRows(d.name);
            f.datasets << tr("<b>%1</b>: %2 (%3 rows)")
                              .arg(QString::fromStdString(d.name), QString::fromStdString(d.title).toHtmlEscaped())
                              .arg(rows ? int(rows->size()) : 0);
        }
    const auto info = engine::deviceInfo();
    f.torchVersion = QString::fromStdString(info.torchVersion);
    f.cpuThreads = info.cpuThreads;
    f.cudaKernels = info.cudaKernels;
    for (const auto& d : info.cudaDevices)
        f.cudaDevices << tr("%1 (%2 GiB)").arg(QString::fromStdString(d.name)).arg(d.memoryGiB, 0, 'f', 0);
    f.demoAvailable = !m_training->sweepRunning();
    if (!f.demoAvailable) {
        f.demoText = tr("A sweep is running; its runs are listed below.");
    } else if (rates.known()) {
        const DemoSweep demo = planDemoSweep(rates);
        f.demoText = demo.status.isOk()
                         ? tr("%n runs of both architectures at context 256, about %1 min on this machine; then see "
                              "their parabolas and frontier in the Scaling view (source: runs).",
                              nullptr, int(demo.plan.runs.size()))
                               .arg(std::lround(demo.estimatedSeconds / 60))
                         : QString::fromStdString(demo.status.message());
    } else {
        f.demoText = tr("12 runs of both architectures at context 256, sized to about 10 minutes here (a probe step "
                        "measures this machine first); then see their parabolas in the Scaling view.");
    }
    return f;
}

void DashboardController::refresh() { m_view->setFacts(facts()); }

int DashboardController::startDemo(QString* error) {
    if (!m_store) {
        *error = tr("no database is open");
        return 0;
    }
    QApplication::setOverrideCursor(Qt::WaitCursor);
    runs::Throughput rates = runs::measuredThroughput(*m_store);
    if (!rates.general()) {
        // Not enough finished runs to know this machine: probe the smallest and largest demo models.
        training::SweepOptions probe;
        probe.archs = {analysis::Arch::XLstm, analysis::Arch::Transformer};
        probe.contexts = {256};
        probe.sizes = 3;
        probe.budgets = training::exampleIsoflopBudgets();
        rates = runs::sweepThroughput(training::planIsoflopSweep(probe), m_store);
    }
    const DemoSweep demo = planDemoSweep(rates);
    QApplication::restoreOverrideCursor();
    if (!demo.status.isOk()) {
        *error = QString::fromStdString(demo.status.message());
        return 0;
    }
    const int queued = m_training->enqueueSweep(demo.options, demo.plan, error);
    if (queued > 0) {
        m_window->setActivityText(tr("Demo: %n run(s) queued, about %1 min", nullptr, queued).arg(std::lround(demo.estimatedSeconds / 60)));
        m_window->showView(QStringLiteral("loss"));
        emit demoStarted(queued);
        refresh();
    }
    return queued;
}

}  // namespace seqscope::gui
