// SPDX-License-Identifier: MIT
// The tour walked end to end in a live workbench on a fresh database (the built-in data): every
// step shows its view with the source, filters, budget and Calculator knobs it names, says what to
// look at in at most two sentences, and has a "try it yourself" sized to minutes on this machine.
// The claims the text makes about the data are checked against what the views draw; the keys and
// the presenter mode do what the panel says.
#include <QApplication>
#include <QDockWidget>
#include <QLineEdit>
#include <QRegularExpression>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include "calculator_view.h"
#include "frontier_chart_view.h"
#include "isoflop_chart_view.h"
#include "main_window.h"
#include "scaling_view.h"
#include "tour_controller.h"
#include "tour_panel.h"
#include "view_state.h"
#include "workbench.h"

using namespace seqscope;

namespace {

int sentences(const QString& text) {
    return int(text.count(QRegularExpression(QStringLiteral("[.!?](\\s|$)"))));
}

// Waits for the Scaling view's fit of the current selection (it runs on a worker thread).
bool waitForScalingPlot(widgets::ScalingView* view) {
    return QTest::qWaitFor([view] { return !view->plot().frontier.isEmpty(); }, 20000);
}

}  // namespace

class TestTour : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void walksEveryStepAndChecksItsState() {
        const QString db = m_dir.filePath(QStringLiteral("tour.db"));
        gui::MainWindow window(db);
        gui::Workbench workbench(&window);
        QString error;
        QVERIFY2(workbench.openDatabase(db, &error), qPrintable(error));
        window.resize(1280, 720);
        window.show();
        gui::TourController* tour = workbench.tour();
        QVERIFY(tour->stepCount() >= 8 && tour->stepCount() <= 12);
        runs::Throughput rates;   // a modest CPU, so the "try it" plans are sized without a probe
        rates.flopsPerSecond = 2e9;
        rates.tokensPerSecond = 4e4;
        tour->setThroughput(rates);

        auto* scaling = window.findChild<widgets::ScalingView*>();
        QVERIFY(scaling);
        QSet<QString> views;
        int highlighted = 0;
        for (int i = 0; i < tour->stepCount(); ++i) {
            if (i == 0) QVERIFY2(tour->show(0, &error), qPrintable(error));
            else tour->next();
            const gui::TourStep& step = tour->step(i);
            QCOMPARE(tour->current(), i);
            // The panel says what the step says, briefly.
            QCOMPARE(tour->panel()->title(), step.title);
            QCOMPARE(tour->panel()->text(), step.text);
            QVERIFY2(sentences(step.text) >= 1 && sentences(step.text) <= 2, qPrintable(step.text));
            // The workbench shows the step's state.
            const gui::ViewState shown = workbench.captureViewState();
            QCOMPARE(window.currentViewId(), step.state.view);
            views << step.state.view;
            if (step.state.source) QCOMPARE(*shown.source, *step.state.source);
            if (step.state.filters) QVERIFY2(*shown.filters == *step.state.filters, qPrintable(step.id));
            if (step.state.budgetFlops) QCOMPARE(*shown.budgetFlops, *step.state.budgetFlops);
            if (step.state.calculator) QVERIFY2(*shown.calculator == *step.state.calculator, qPrintable(step.id));
            // The step's highlight is on the Scaling view, and a step without one leaves nothing ringed.
            QVERIFY2(scaling->highlight() == step.highlight, qPrintable(step.id));
            if (step.state.view == QLatin1String("scaling")) {
                QVERIFY(waitForScalingPlot(scaling));
                const bool minima = step.highlight.kind == widgets::ScalingHighlight::Kind::Minima;
                const bool frontier = step.highlight.kind == widgets::ScalingHighlight::Kind::Frontier;
                QVERIFY2(minima == (scaling->isoflopChart()->highlightCount() > 0), qPrintable(step.id));
                QVERIFY2(frontier == (scaling->frontierChart()->highlightCount() > 0), qPrintable(step.id));
            }
            // "Try it yourself" sets up a few minutes of work on this machine.
            const gui::TryItPlan plan = tour->tryItPlan(i);
            QVERIFY2(plan.problem.isEmpty(), qPrintable(plan.problem));
            QVERIFY(!plan.description.isEmpty());
            if (plan.kind == gui::TryItKind::Benchmark) {
                QVERIFY(plan.cliArguments.contains(QStringLiteral("inference")));
                QVERIFY(plan.cliArguments.contains(QStringLiteral("--db")));
            } else {
                QVERIFY(plan.runs >= 6);
                QVERIFY2(plan.estimatedSeconds > 60 && plan.estimatedSeconds < 600, qPrintable(QString::number(plan.estimatedSeconds)));
            }
            QVERIFY(step.text.size() < 260);
            highlighted += !step.highlight.isEmpty();
        }
        QVERIFY(highlighted >= 3);   // the parabolas, lower-loss and frontier steps point at their points
        // The tour visits the scaling, context, parametric, inference and calculator views.
        for (const char* id : {"scaling", "context", "parametric", "inference", "calculator"})
            QVERIFY2(views.contains(QLatin1String(id)), id);
        tour->next();   // past the last step: the tour ends
        QCOMPARE(tour->current(), -1);
        // Ending on a highlighted step clears the highlight.
        QVERIFY(tour->show(0));
        QVERIFY(!scaling->highlight().isEmpty());
        tour->end();
        QVERIFY(scaling->highlight().isEmpty());
        QVERIFY(waitForScalingPlot(scaling));
        QCOMPARE(scaling->isoflopChart()->highlightCount(), 0);
    }

    void theTextsClaimsHoldOnTheData() {
        const QString db = m_dir.filePath(QStringLiteral("claims.db"));
        gui::MainWindow window(db);
        gui::Workbench workbench(&window);
        QString error;
        QVERIFY(workbench.openDatabase(db, &error));
        gui::TourController* tour = workbench.tour();
        auto* scaling = window.findChild<widgets::ScalingView*>();
        QVERIFY(scaling);
        auto stepIndex = [tour](const QString& id) {
            for (int i = 0; i < tour->stepCount(); ++i)
                if (tour->step(i).id == id) return i;
            return -1;
        };
        // "at every budget the xLSTM's minimum lies below the Transformer's"
        QVERIFY(tour->show(stepIndex(QStringLiteral("lower-loss"))));
        QVERIFY(waitForScalingPlot(scaling));
        QMap<double, double> xlstm, transformer;
        for (const auto& c : scaling->plot().curves)
            if (c.hasOptimum) (c.arch == QLatin1String("xlstm") ? xlstm : transformer)[c.budget] = c.optimum.y();
        int compared = 0;
        for (auto it = xlstm.constBegin(); it != xlstm.constEnd(); ++it)
            if (transformer.contains(it.key())) {
                QVERIFY2(it.value() < transformer[it.key()], qPrintable(QString::number(it.key())));
                ++compared;
            }
        QVERIFY(compared >= 3);
        // "the compute-optimal xLSTM is larger than the compute-optimal Transformer" at 1e23
        QVERIFY(tour->show(stepIndex(QStringLiteral("larger-optimum"))));
        QVERIFY(waitForScalingPlot(scaling));
        double nx = 0, nt = 0;
        for (const auto& f : scaling->plot().frontier)
            if (!f.own) (f.arch == QLatin1String("xlstm") ? nx : nt) = f.nLaw.at(1e23);
        QVERIFY2(nx > nt && nt > 0, qPrintable(QStringLiteral("%1 vs %2").arg(nx).arg(nt)));
        // "At 128K tokens attention is most of a 7B Transformer's FLOPs, the mLSTM cell a small share"
        QVERIFY(tour->show(stepIndex(QStringLiteral("linear-time"))));
        auto* calculator = window.findChild<widgets::CalculatorView*>();
        const auto& r = calculator->result();
        QVERIFY(r.transformer.sequenceMixing / r.transformer.forwardPerToken > 0.5);
        QVERIFY(r.xlstm.sequenceMixing / r.xlstm.forwardPerToken < 0.1);
        // "State against KV cache": the cache is many times the state at 32K.
        QVERIFY(tour->show(stepIndex(QStringLiteral("state-vs-cache"))));
        QVERIFY(calculator->result().transformer.cacheBytes > 50 * calculator->result().xlstm.cacheBytes);
    }

    void keysAndPresenterMode() {
        const QString db = m_dir.filePath(QStringLiteral("keys.db"));
        gui::MainWindow window(db);
        gui::Workbench workbench(&window);
        QString error;
        QVERIFY(workbench.openDatabase(db, &error));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();
        gui::TourController* tour = workbench.tour();
        QVERIFY(tour->show(2));
        QTest::keyClick(&window, Qt::Key_PageDown);
        QCOMPARE(tour->current(), 3);
        QTest::keyClick(&window, Qt::Key_PageUp);
        QCOMPARE(tour->current(), 2);

        const qreal normal = QApplication::font().pointSizeF();
        auto visibleDocks = [&window] {
            int n = 0;
            for (auto* d : window.findChildren<QDockWidget*>()) n += d->isVisible() && d->objectName() != QLatin1String("tour");
            return n;
        };
        const int docks = visibleDocks();
        QVERIFY(docks > 0);
        tour->setPresenter(true);
        QVERIFY(QApplication::font().pointSizeF() >= 1.5 * normal);
        QCOMPARE(QApplication::palette().color(QPalette::Window), QColor(Qt::white));
        QCOMPARE(QApplication::palette().color(QPalette::WindowText), QColor(Qt::black));
        QCOMPARE(visibleDocks(), 0);
        QVERIFY(window.windowState() & Qt::WindowFullScreen);
        QTest::keyClick(&window, Qt::Key_Escape);   // ends the tour and the presenter mode
        QCOMPARE(tour->current(), -1);
        QCOMPARE(QApplication::font().pointSizeF(), normal);
        QCOMPARE(visibleDocks(), docks);
    }
};

QTEST_MAIN(TestTour)
#include "tst_tour.moc"
