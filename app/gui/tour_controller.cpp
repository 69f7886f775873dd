// SPDX-License-Identifier: MIT
#include "tour_controller.h"

#include <QApplication>
#include <QDockWidget>
#include <QMessageBox>
#include <QProcess>
#include <QShortcut>
#include <QTimer>
#include <cmath>

#include "demo_sweep.h"
#include "main_window.h"
#include "scaling_view.h"
#include "storage/store.h"
#include "tour_panel.h"
#include "training_controller.h"
#include "workbench.h"

namespace seqscope::gui {
namespace {

DemoShape shapeFor(TryItKind kind) {
    DemoShape shape;
    if (kind == TryItKind::ContextSweep) {
        shape.contexts = {128, 512};
        shape.budgets = 1;
    }
    return shape;
}

// Black on white with a strong blue highlight: legible on a washed-out projector.
QPalette highContrast() {
    QPalette p;
    const QColor black(Qt::black), white(Qt::white), blue(0x00, 0x4C, 0x99);
    for (auto role : {QPalette::Window, QPalette::Base, QPalette::AlternateBase, QPalette::Button, QPalette::ToolTipBase})
        p.setColor(role, white);
    p.setColor(QPalette::AlternateBase, QColor(0xEE, 0xEE, 0xEE));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::ToolTipText}) p.setColor(role, black);
    p.setColor(QPalette::PlaceholderText, QColor(0x33, 0x33, 0x33));
    p.setColor(QPalette::Highlight, blue);
    p.setColor(QPalette::HighlightedText, white);
    p.setColor(QPalette::Link, blue);
    return p;
}

}  // namespace

TourController::TourController(MainWindow* window, Workbench* workbench, QObject* parent)
    : QObject(parent), m_window(window), m_workbench(workbench), m_steps(tourSteps()) {
    m_panel = new widgets::TourPanel(window);
    m_dock = new QDockWidget(tr("Tour"), window);
    m_dock->setObjectName(QStringLiteral("tour"));
    m_dock->setWidget(m_panel);
    m_dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    // Under the views only: the side panels keep their full height, so small screens still fit.
    window->setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    window->setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    window->addDockWidget(Qt::BottomDockWidgetArea, m_dock);
    m_dock->hide();
    // A saved layout may show the dock again; the tour decides (this runs after restoreLayout's timer).
    QTimer::singleShot(0, this, [this] {
        if (m_current < 0) m_dock->hide();
    });
    connect(m_panel, &widgets::TourPanel::nextRequested, this, &TourController::next);
    connect(m_panel, &widgets::TourPanel::previousRequested, this, &TourController::previous);
    connect(m_panel, &widgets::TourPanel::closeRequested, this, &TourController::end);
    connect(m_panel, &widgets::TourPanel::presenterToggled, this, &TourController::setPresenter);
    connect(m_panel, &widgets::TourPanel::tryItRequested, this, &TourController::tryIt);
}

TourController::~TourController() {
    if (m_presenter) setPresenter(false);
    if (m_benchmark) {
        m_benchmark->kill();
        m_benchmark->waitForFinished(3000);
    }
}

bool TourController::show(int index, QString* error) {
    index = std::clamp(index, 0, stepCount() - 1);
    if (m_current < 0) {
        // Keys only while the tour runs: they would otherwise take arrows from the views' fields.
        auto key = [this](QKeySequence seq, auto slot) {
            auto* s = new QShortcut(seq, m_window);
            s->setContext(Qt::WindowShortcut);
            connect(s, &QShortcut::activated, this, slot);
            m_keys << s;
        };
        for (auto seq : {QKeySequence(Qt::Key_Right), QKeySequence(Qt::Key_PageDown), QKeySequence(Qt::Key_Space)})
            key(seq, &TourController::next);
        for (auto seq : {QKeySequence(Qt::Key_Left), QKeySequence(Qt::Key_PageUp)}) key(seq, &TourController::previous);
        key(QKeySequence(Qt::Key_Escape), &TourController::end);
        key(QKeySequence(Qt::Key_F11), [this] { setPresenter(!m_presenter); });
    }
    m_current = index;
    const TourStep& s = m_steps[index];
    const TryItPlan plan = tryItPlan(index);
    m_panel->setStep(index, stepCount(), s.title, s.text, plan.description);
    m_dock->show();
    QString problem;
    const bool ok = m_workbench->applyViewState(s.state, &problem);
    setHighlight(s.highlight);   // after the state: the view keeps it through the refit that follows
    if (!ok && error) *error = problem;
    if (!ok) m_window->setActivityText(problem);
    emit stepShown(index);
    return ok;
}

void TourController::next() {
    if (m_current + 1 >= stepCount()) end();
    else show(m_current + 1);
}

void TourController::previous() {
    if (m_current > 0) show(m_current - 1);
}

void TourController::end() {
    if (m_presenter) setPresenter(false);
    qDeleteAll(m_keys);
    m_keys.clear();
    m_current = -1;
    m_dock->hide();
    setHighlight({});
}

void TourController::setHighlight(const widgets::ScalingHighlight& highlight) {
    if (auto* scaling = m_window->findChild<widgets::ScalingView*>()) scaling->setHighlight(highlight);
}

void TourController::setPresenter(bool on) {
    if (on == m_presenter) return;
    m_presenter = on;
    m_panel->setPresenter(on);
    if (on) {
        m_savedFont = QApplication::font();
        m_savedPalette = QApplication::palette();
        QFont big = m_savedFont;
        big.setPointSizeF(big.pointSizeF() * 1.6);
        QApplication::setFont(big);
        QApplication::setPalette(highContrast());
        m_hiddenDocks.clear();
        for (QDockWidget* d : m_window->findChildren<QDockWidget*>())
            if (d != m_dock && d->isVisible()) {
                d->hide();
                m_hiddenDocks << d;
            }
        m_window->showFullScreen();
    } else {
        QApplication::setFont(m_savedFont);
        QApplication::setPalette(m_savedPalette);
        for (const auto& d : m_hiddenDocks)
            if (d) d->show();
        m_hiddenDocks.clear();
        m_window->showNormal();
    }
}

TryItPlan TourController::tryItPlan(int index) const {
    TryItPlan p;
    p.kind = m_steps.at(index).tryIt;
    storage::Store* store = m_workbench->store();
    if (p.kind == TryItKind::Benchmark) {
        p.cliArguments = {QStringLiteral("bench"), QStringLiteral("inference"), QStringLiteral("--arch"),
                          QStringLiteral("xlstm,transformer"), QStringLiteral("--preset"), QStringLiteral("3m"),
                          QStringLiteral("--prefill"), QStringLiteral("256,1024,4096"), QStringLiteral("--repeats"),
                          QStringLiteral("2"), QStringLiteral("--time-limit"), QStringLiteral("60")};
        if (store) p.cliArguments << QStringLiteral("--db") << QString::fromStdString(store->path());
        else p.problem = tr("no database is open");
        p.description = tr("Try it yourself: time the CPU 3M xLSTM and Transformer on this machine at 256, 1,024 and "
                           "4,096 tokens of context (a few minutes). The Inference view then shows them under "
                           "\"this database\", and the Calculator's step time on this machine.");
        return p;
    }
    runs::Throughput rates = m_rates;
    if (!rates.known() && store) rates = runs::measuredThroughput(*store);
    const DemoShape shape = shapeFor(p.kind);
    const QString what = p.kind == TryItKind::ContextSweep
                             ? tr("both architectures at contexts 128 and 512, one budget, three sizes each")
                             : tr("both architectures, two budgets, three sizes each, context 256");
    if (!rates.known()) {
        p.description = tr("Try it yourself: a mini IsoFLOP sweep of %1, sized to about %2 minutes here (a probe step "
                           "measures this machine first). Then choose Source: runs.")
                            .arg(what)
                            .arg(std::lround(kTryItSeconds / 60));
        return p;
    }
    const DemoSweep demo = planDemoSweep(rates, kTryItSeconds, shape);
    if (!demo.status.isOk()) {
        p.problem = QString::fromStdString(demo.status.message());
        p.description = p.problem;
        return p;
    }
    p.runs = int(demo.plan.runs.size());
    p.estimatedSeconds = demo.estimatedSeconds;
    p.description = tr("Try it yourself: a mini IsoFLOP sweep of %1: %2 runs, about %3 minutes on this machine. "
                       "Then choose Source: runs to see the same effect in your own runs.")
                        .arg(what)
                        .arg(p.runs)
                        .arg(std::max(1L, std::lround(p.estimatedSeconds / 60)));
    return p;
}

void TourController::tryIt() {
    if (m_current < 0) return;
    TryItPlan plan = tryItPlan(m_current);
    if (!plan.problem.isEmpty()) {
        QMessageBox::warning(m_window, tr("Cannot Try It"), plan.problem);
        return;
    }
    if (QMessageBox::question(m_window, tr("Try It Yourself"), plan.description + QStringLiteral("\n\n") + tr("Start it now?")) !=
        QMessageBox::Yes)
        return;
    if (plan.kind == TryItKind::Benchmark) {
        if (m_benchmark) {
            m_window->setActivityText(tr("A benchmark is already running."));
            return;
        }
        m_benchmark = new QProcess(this);
        connect(m_benchmark, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
            const QString err = QString::fromUtf8(m_benchmark->readAllStandardError()).trimmed();
            m_benchmark->deleteLater();
            m_benchmark = nullptr;
            if (status == QProcess::NormalExit && code == 0) {
                m_workbench->reloadMeasurements();
                m_window->setActivityText(tr("Benchmark finished: see the Inference view (this database) and the Calculator."));
            } else {
                m_window->setActivityText(tr("Benchmark failed: %1").arg(err.section(QLatin1Char('\n'), -1)));
            }
        });
        m_benchmark->start(TrainingController::workerProgram(), plan.cliArguments);
        m_window->setActivityText(tr("Benchmarking the CPU 3M models..."));
        return;
    }
    // Sweeps: rates from finished runs, else probe steps of the smallest and largest model.
    runs::Throughput rates = m_rates;
    storage::Store* store = m_workbench->store();
    if (!rates.general() && store) rates = runs::measuredThroughput(*store);
    if (!rates.general()) {
        QApplication::setOverrideCursor(Qt::WaitCursor);
        training::SweepOptions probe;
        probe.contexts = shapeFor(plan.kind).contexts;
        probe.sizes = 3;
        probe.budgets = training::exampleIsoflopBudgets();
        rates = runs::sweepThroughput(training::planIsoflopSweep(probe), store);
        QApplication::restoreOverrideCursor();
    }
    const DemoSweep demo = planDemoSweep(rates, kTryItSeconds, shapeFor(plan.kind));
    QString error = QString::fromStdString(demo.status.message());
    const int queued = demo.status.isOk() ? m_workbench->queueSweep(demo.options, demo.plan, &error) : 0;
    if (queued == 0) QMessageBox::warning(m_window, tr("Cannot Try It"), error);
    else m_window->setActivityText(tr("%n run(s) queued; they appear in the Loss Curves view as they train.", nullptr, queued));
}

}  // namespace seqscope::gui
