// SPDX-License-Identifier: MIT
// The Context view (issue 13): on the paper's built-in data the controller's per-budget exponents of
// N*(T) and D*(T) are the context study's own; the chart draws one series per (architecture, budget)
// with one point per context; the Transformer's N* falls with T while the xLSTM's moves far less
// (the paper's finding); the user's runs at two contexts appear as hollow series of their own; every
// fit is recorded once in the fits table with kind "context" and its source.
#include <QComboBox>
#include <QLabel>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QToolTip>
#include <QtTest>
#include <cmath>

#include "analysis/context_study.h"
#include "common/metric_names.h"
#include "context_chart_view.h"
#include "context_controller.h"
#include "analysis_csv.h"
#include "context_view.h"
#include "training/training_config.h"
#include "workspace/scaling_sources.h"
#include "workspace/workspace.h"

using namespace seqscope;

namespace {

// A finished xLSTM run of width d at context T and FLOP budget H whose loss is a parabola in log N
// with its minimum at N0 = 3e4 (T/128)^-0.3: a small IsoFLOP sweep per context.
void addFinishedRun(storage::Store& store, int d, long long ctx, double budget) {
    training::TrainingConfig c;
    c.shape = analysis::makeShape(analysis::Arch::XLstm, d, 2, 1);
    c.shape.vocab = 260;
    c.context = ctx;
    c.budgetKind = training::BudgetKind::Flops;
    c.budget = budget;
    c.batchTokens = 2048;
    const auto plan = training::planTraining(c);
    if (!plan.status) qFatal("plan: %s", plan.status.message().c_str());
    storage::RunRecord r;
    r.name = "xlstm d" + std::to_string(d) + " T" + std::to_string(ctx);
    r.arch = "xlstm";
    r.ctx = ctx;
    r.params = double(plan.params);
    r.configJson = training::trainingConfigToJson(c);
    auto id = store.createRun(r);
    if (!id) qFatal("createRun: %s", id.status().message().c_str());
    const double n0 = 3e4 * std::pow(double(ctx) / 128.0, -0.3);
    const double x = std::log10(double(plan.params) / n0);
    storage::MetricPoint m;
    m.step = plan.steps;
    m.name = metrics::kValLoss;
    m.value = 3.0 - 0.1 * std::log10(budget / 1e11) + 0.4 * x * x;
    if (Status s = store.appendMetrics(*id, {m}); !s) qFatal("metrics: %s", s.message().c_str());
    if (Status s = store.finishRun(*id, storage::RunStatus::Finished); !s) qFatal("finish: %s", s.message().c_str());
}

// Waits until the controller's worker has delivered the newest selection's plot.
bool waitForPlot(gui::ContextController& controller, QSignalSpy& ready) {
    if (!ready.wait(20000)) return false;
    while (controller.fitting())
        if (!ready.wait(20000)) return false;
    return true;
}

// The chart's scatter series of the given kind ("optima": the source's, "ownOptima": the user's).
QList<QScatterSeries*> scatter(const widgets::ContextView& view, const QString& kind) {
    QList<QScatterSeries*> out;
    for (auto* s : view.chart()->chart()->series())
        if (s->objectName() == kind) out.append(static_cast<QScatterSeries*>(s));
    return out;
}

int contextFits(storage::Store& store) {
    int n = 0;
    const auto fits = store.fits();
    for (const auto& f : *fits) n += f.kind == "context";
    return n;
}

}  // namespace

class TestContextView : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void paperExponentsAreTheContextStudysAndStoredOnce() {
        auto ws = workspace::openWorkspace(m_dir.filePath(QStringLiteral("paper.db")).toStdString());
        QVERIFY2(ws, ws.status().message().c_str());
        storage::Store& store = **ws;
        widgets::ContextView view;
        view.resize(1300, 800);
        gui::ContextController controller(&view);
        QSignalSpy ready(&controller, &gui::ContextController::plotReady);
        controller.setStore(&store);
        QVERIFY(waitForPlot(controller, ready));
        QCOMPARE(view.selection().source, QStringLiteral("xlstm-paper"));

        auto points = workspace::loadSourcePoints(store, *workspace::parseScalingSource("xlstm-paper"));
        QVERIFY(points);
        const auto plot = controller.plot(view.selection());
        int expectedSeries = 0;
        for (const std::string arch : {"xlstm", "transformer"}) {
            std::vector<analysis::ScalingPoint> chosen;
            for (const auto& p : *points)
                if (p.arch == arch && p.included &&
                    (p.set == "isoflop_ctx2048" || p.set == "isoflop_ctx8192" || p.set == "isoflop_ctx16384"))
                    chosen.push_back(p);
            analysis::IsoflopOptions o;
            o.fitRangeLo = analysis::kPaperBudgetLo;
            o.fitRangeHi = analysis::kPaperBudgetHi;
            const auto study = analysis::fitContextStudy(chosen, o);
            QVERIFY2(study.status.isOk(), study.status.message().c_str());
            QCOMPARE(study.contexts, (std::vector<long long>{2048, 8192, 16384}));
            for (const auto& law : study.perBudget) {
                if (law.contexts.size() < 2) continue;   // 1e20 and 6e20 exist at T = 8192 only
                ++expectedSeries;
                const widgets::ContextSeries* s = nullptr;
                for (const auto& c : plot.series)
                    if (c.arch == QString::fromStdString(arch) && c.budget == law.budget && !c.own) s = &c;
                QVERIFY2(s, qPrintable(QStringLiteral("%1 %2").arg(QString::fromStdString(arch)).arg(law.budget)));
                QCOMPARE(s->optima.size(), qsizetype(law.contexts.size()));
                QVERIFY(s->nLaw.ok && s->dLaw.ok);
                QCOMPARE(s->nLaw.a, law.nOptLaw.a);
                QCOMPARE(s->nLaw.A, law.nOptLaw.A);
                QCOMPARE(s->nLaw.aStdError, law.nOptLaw.aStdError);
                QCOMPARE(s->dLaw.a, law.dOptLaw.a);
                // The paper's finding: the Transformer's N* falls with T, clearly; the xLSTM's far less.
                if (arch == "transformer") QVERIFY2(law.nOptLaw.a + 2 * law.nOptLaw.aStdError < 0, qPrintable(QString::number(law.nOptLaw.a)));
                else QVERIFY2(std::abs(law.nOptLaw.a) < 0.08, qPrintable(QString::number(law.nOptLaw.a)));
            }
        }
        QCOMPARE(expectedSeries, 6);   // 6e18, 1e19, 3e19 for each architecture
        QCOMPARE(plot.series.size(), expectedSeries);

        // The CSV export holds exactly the drawn laws: one N*(T) row per series, equal to the plot's.
        int lawRows = 0;
        for (const QString& line : widgets::contextPlotCsv(view.plot()).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            const QStringList cells = line.split(QLatin1Char(','));
            if (cells[0] != QLatin1String("law_N_opt")) continue;
            ++lawRows;
            for (const auto& c : plot.series)
                if (c.arch == cells[1] && c.budget == cells[3].toDouble() && !c.own) QCOMPARE(cells[9].toDouble(), c.nLaw.a);
        }
        QCOMPARE(lawRows, expectedSeries);

        // Drawn: one scatter series per (architecture, budget), one point per context; nothing hollow.
        const auto drawn = scatter(view, QStringLiteral("optima"));
        QCOMPARE(drawn.size(), expectedSeries);
        for (auto* s : drawn) QCOMPARE(s->count(), 3);
        QVERIFY(scatter(view, QStringLiteral("ownOptima")).isEmpty());
        // Hover readout: the point's architecture, budget, context and optimum.
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QScatterSeries* first = drawn.front();
        emit first->hovered(first->at(0), true);
        QTRY_VERIFY(QToolTip::isVisible());
        QVERIFY2(QToolTip::text().contains(QStringLiteral("T = 2048")) && QToolTip::text().contains(QStringLiteral("N* = ")) &&
                     QToolTip::text().contains(QStringLiteral("L* = ")),
                 qPrintable(QToolTip::text()));
        emit first->hovered(first->at(0), false);
        const auto* finding = view.findChild<QLabel*>(QStringLiteral("contextFinding"));
        QVERIFY(finding);
        QVERIFY2(finding->text().contains(QStringLiteral("1e19")) && finding->text().contains(QStringLiteral("Transformer")) &&
                     finding->text().contains(QStringLiteral("falls")),
                 qPrintable(finding->text()));

        // Recorded: one context fit per architecture, with its source and the program version.
        QCOMPARE(contextFits(store), 2);
        const auto fits = store.fits();
        QVERIFY(fits);
        for (const auto& f : *fits)
            if (f.kind == "context") {
                QVERIFY2(f.selectionJson.find("\"source\":\"xlstm-paper\"") != std::string::npos, f.selectionJson.c_str());
                QVERIFY(f.selectionJson.find("seqscope_version") != std::string::npos);
                QVERIFY(f.paramsJson.find("per_budget") != std::string::npos);
                QVERIFY(f.optionsJson.find("budget_range") != std::string::npos);
            }
        QVERIFY(controller.lastStoredFit() > 0);
        // Another quantity redraws from the same fits: D* on the chart, no new rows.
        auto* quantity = view.findChild<QComboBox*>(QStringLiteral("contextQuantity"));
        QVERIFY(quantity);
        quantity->setCurrentIndex(1);
        QVERIFY(waitForPlot(controller, ready));
        QVERIFY(view.selection().tokens);
        QVERIFY(view.chart()->chart()->title().contains(QStringLiteral("D*")));
        QCOMPARE(scatter(view, QStringLiteral("optima")).size(), expectedSeries);
        QCOMPARE(contextFits(store), 2);
    }

    void yourRunsAtTwoContextsAreHollowSeriesOfTheirOwn() {
        auto ws = workspace::openWorkspace(m_dir.filePath(QStringLiteral("runs.db")).toStdString());
        QVERIFY(ws);
        storage::Store& store = **ws;
        for (long long ctx : {128LL, 512LL})
            for (double budget : {3e11, 1e12})
                for (int d : {16, 24, 32, 48, 64}) addFinishedRun(store, d, ctx, budget);
        widgets::ContextView view;
        view.resize(1300, 800);
        gui::ContextController controller(&view);
        QSignalSpy ready(&controller, &gui::ContextController::plotReady);
        controller.setStore(&store);
        QVERIFY(waitForPlot(controller, ready));
        QVERIFY(view.selection().withRuns);

        const auto plot = controller.plot(view.selection());
        int own = 0;
        for (const auto& s : plot.series)
            if (s.own) {
                ++own;
                QCOMPARE(s.arch, QStringLiteral("xlstm"));
                QCOMPARE(s.optima.size(), 2);
                QCOMPARE(s.optima.front().ctx, 128.0);
                QCOMPARE(s.optima.back().ctx, 512.0);
                QVERIFY(s.nLaw.ok);
                QVERIFY2(s.nLaw.a < -0.1, qPrintable(QString::number(s.nLaw.a)));   // the minimum moves as T^-0.3
            }
        QCOMPARE(own, 2);   // budgets 3e11 and 1e12
        const auto hollow = scatter(view, QStringLiteral("ownOptima"));
        QCOMPARE(hollow.size(), 2);
        for (auto* s : hollow) {
            QCOMPARE(s->count(), 2);
            QCOMPARE(s->markerShape(), QScatterSeries::MarkerShapeTriangle);
            QCOMPARE(s->color().alpha(), 0);
            QVERIFY(s->name().contains(QStringLiteral("yours")));
        }
        QCOMPARE(scatter(view, QStringLiteral("optima")).size(), 6);   // the paper's series are still there

        // The user's group is recorded as its own fit, with the runs it used.
        bool recorded = false;
        const auto fits = store.fits();
        QVERIFY(fits);
        for (const auto& f : *fits)
            if (f.kind == "context" && f.selectionJson.find("your runs") != std::string::npos) {
                recorded = true;
                QCOMPARE(f.inputRuns.size(), size_t(20));
            }
        QVERIFY(recorded);

        // A run finishing later is refitted without user action; only the changed group is recorded anew.
        const int before = contextFits(store);
        addFinishedRun(store, 40, 128, 1e12);
        controller.runsChanged();
        QVERIFY(waitForPlot(controller, ready));
        int ownRuns = 0;
        for (const auto& s : controller.plot(view.selection()).series) ownRuns += s.own;
        QCOMPARE(ownRuns, 2);
        QCOMPARE(contextFits(store), before + 1);
        QVERIFY(controller.plot(view.selection()).summary.contains(QStringLiteral("21 run")));

        // The runs as the source itself: the same two series, still hollow, nothing from the paper.
        QVERIFY(controller.selectSource(QStringLiteral("runs")));
        QVERIFY(waitForPlot(controller, ready));
        QCOMPARE(scatter(view, QStringLiteral("ownOptima")).size(), 2);
        QVERIFY(scatter(view, QStringLiteral("optima")).isEmpty());
    }

    void aSourceAtOneContextSaysSo() {
        auto ws = workspace::openWorkspace(m_dir.filePath(QStringLiteral("one.db")).toStdString());
        QVERIFY(ws);
        storage::Store& store = **ws;
        for (double budget : {3e11, 1e12})
            for (int d : {16, 24, 32, 48}) addFinishedRun(store, d, 128, budget);
        widgets::ContextView view;
        gui::ContextController controller(&view);
        QSignalSpy ready(&controller, &gui::ContextController::plotReady);
        controller.setStore(&store, QStringLiteral("runs"));
        QVERIFY(waitForPlot(controller, ready));
        QCOMPARE(view.selection().source, QStringLiteral("runs"));
        const auto plot = controller.plot(view.selection());
        QVERIFY(plot.series.isEmpty());
        QVERIFY2(plot.summary.contains(QStringLiteral("two or more context lengths")), qPrintable(plot.summary));
        QCOMPARE(contextFits(store), 0);
        // Only plain IsoFLOP sets count: ablations at one context would move that context's minima.
        QVERIFY(gui::ContextController::isContextSet("isoflop_ctx16384"));
        QVERIFY(!gui::ContextController::isContextSet("isoflop_ctx8192_gbs256_ablation"));
        QVERIFY(!gui::ContextController::isContextSet("tokenparam_ctx8192"));
    }
};

QTEST_MAIN(TestContextView)
#include "tst_context_view.moc"
