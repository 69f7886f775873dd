// SPDX-License-Identifier: MIT
// The Scaling view on the paper's built-in data: the controller finds the experiment sets, fits every
// budget of both architectures, keeps the 6e20 budget out of the T = 8192 power law as the paper
// does, and the view draws a non-blank chart.
#include <QFile>
#include <QImage>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>

#include "analysis/builtin_datasets.h"
#include "analysis/isoflop_fit.h"
#include "frontier_chart_view.h"
#include "hover_tips.h"
#include "isoflop_chart_view.h"
#include "scaling_controller.h"
#include "scaling_view.h"
#include "storage/results_table.h"
#include "workspace/scaling_points.h"

using namespace seqscope;

namespace {

std::vector<analysis::ScalingPoint> paperPoints() {
    const auto* dataset = analysis::findBuiltinDataset("xlstm-paper");
    if (!dataset) return {};
    auto rows = storage::parseResultsTable(dataset->csv, "xlstm_paper.csv");
    if (!rows) return {};
    workspace::PointFilter filter;
    filter.includeExcluded = true;
    return workspace::toScalingPoints(*rows, filter);
}

// The paper's T = 8192 xLSTM runs as the view fits them, fitted directly.
analysis::IsoflopFit directFit(const std::string& arch) {
    std::vector<analysis::ScalingPoint> chosen;
    for (const auto& p : paperPoints())
        if (p.set == "isoflop_ctx8192" && p.arch == arch && p.included) chosen.push_back(p);
    analysis::IsoflopOptions o;
    analysis::paperBudgetRange("isoflop_ctx8192", &o.fitRangeLo, &o.fitRangeHi);
    return analysis::fitIsoflop(chosen, o);
}

// Waits until the controller's worker has delivered the newest selection's plot.
bool waitForPlot(gui::ScalingController& controller, QSignalSpy& ready) {
    if (!ready.wait(20000)) return false;
    while (controller.fitting())
        if (!ready.wait(20000)) return false;
    return true;
}

}  // namespace

class TestScalingView : public QObject {
    Q_OBJECT

private slots:
    void listsIsoflopSetsFirst() {
        gui::ScalingController controller;
        controller.setPoints(paperPoints());
        const QStringList sets = controller.sets();
        QVERIFY2(sets.size() >= 3, qPrintable(sets.join(QLatin1Char(','))));
        QVERIFY(sets.mid(0, 3).contains(QStringLiteral("isoflop_ctx8192")));
        QCOMPARE(controller.archsIn(QStringLiteral("isoflop_ctx8192")),
                 QStringList({QStringLiteral("xlstm"), QStringLiteral("transformer")}));
    }

    void fitsEveryBudgetAndKeeps6e20OutOfThePaperLaw() {
        gui::ScalingController controller;
        controller.setPoints(paperPoints());
        gui::ScalingSelection sel;
        sel.set = QStringLiteral("isoflop_ctx8192");
        sel.archs = {QStringLiteral("xlstm"), QStringLiteral("transformer")};
        const gui::ScalingPlot plot = controller.plot(sel);
        int xlstmBudgets = 0;
        for (const auto& c : plot.curves) {
            QVERIFY(c.runs.size() >= 3);
            if (c.arch == QLatin1String("xlstm")) ++xlstmBudgets;
            // Every drawn minimum lies inside its own sampled range.
            if (c.hasOptimum) {
                const double lx = std::log10(c.optimum.x());
                QVERIFY(lx >= c.log10Min && lx <= c.log10Max);
            }
        }
        QCOMPARE(xlstmBudgets, 5);
        QCOMPARE(plot.frontier.size(), 2);
        const auto& xlstm = plot.frontier[0];
        QVERIFY(xlstm.hasLaw);
        QCOMPARE(xlstm.optima.size(), 4);     // 6e18 .. 1e20 in the law
        QCOMPARE(xlstm.unfitted.size(), 1);   // 6e20 drawn, not fitted
        // Chinchilla-like allocation: the exponent is near one half for both architectures.
        for (const auto& f : plot.frontier) QVERIFY2(f.a > 0.4 && f.a < 0.7, qPrintable(QString::number(f.a)));

        sel.paperBudgetRange = false;
        QCOMPARE(controller.plot(sel).frontier[0].optima.size(), 5);
    }

    void axisInTokensUsesD() {
        gui::ScalingController controller;
        controller.setPoints(paperPoints());
        gui::ScalingSelection sel;
        sel.set = QStringLiteral("isoflop_ctx8192");
        sel.archs = {QStringLiteral("transformer")};
        sel.xIsTokens = true;
        const auto plot = controller.plot(sel);
        QVERIFY(!plot.curves.isEmpty());
        // D = 6e18 / (6 N) is of order 1e9..1e11 tokens for these budgets, N would be 1e8..1e9.
        QVERIFY(plot.curves.first().runs.first().x() > 1e9);
        QVERIFY(plot.xIsTokens);
        QVERIFY(plot.frontier.first().hasLaw);
        QCOMPARE(plot.frontier.first().a, plot.frontier.first().dLaw.a);   // the drawn law is D*(C)
    }

    void viewRendersBothCharts() {
        widgets::ScalingView view;
        gui::ScalingController controller(&view);
        view.resize(1200, 700);
        QSignalSpy ready(&controller, &gui::ScalingController::plotReady);
        controller.setPoints(paperPoints(), QStringLiteral("xLSTM paper"));
        QVERIFY(view.selectSet(QStringLiteral("isoflop_ctx2048")));
        QVERIFY(!view.selectSet(QStringLiteral("no such set")));
        QVERIFY(ready.wait(20000));   // fits run on a worker thread
        while (controller.fitting()) QVERIFY(ready.wait(20000));
        const QImage image = view.grab().toImage();
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 5)
            for (int x = 0; x < image.width(); x += 5) colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 20, "scaling view looks blank");
    }

    void frontierHasBootstrapBandsAndCoefficientTable() {
        widgets::ScalingView view;
        gui::ScalingController controller(&view);
        view.resize(1200, 800);
        QSignalSpy ready(&controller, &gui::ScalingController::plotReady);
        controller.setPoints(paperPoints(), QStringLiteral("xLSTM paper"));
        QVERIFY(waitForPlot(controller, ready));
        const widgets::ScalingPlot& plot = view.plot();
        QCOMPARE(plot.frontier.size(), 2);
        const auto direct = directFit("xlstm");
        const widgets::FrontierSeries& xl = plot.frontier[0];
        QCOMPARE(xl.nLaw.a, direct.nOptLaw.a);
        QCOMPARE(xl.dLaw.a, direct.dOptLaw.a);
        // The bootstrap interval brackets the estimate and is narrower than a tenth either side.
        QVERIFY(xl.nLaw.samples.size() > 150);
        QVERIFY2(xl.nLaw.aLo < xl.nLaw.a && xl.nLaw.a < xl.nLaw.aHi, qPrintable(QStringLiteral("%1 %2 %3").arg(xl.nLaw.aLo).arg(xl.nLaw.a).arg(xl.nLaw.aHi)));
        QVERIFY(xl.nLaw.aHi - xl.nLaw.aLo < 0.2);
        double lo = 0, hi = 0;
        QVERIFY(xl.nLaw.intervalAt(1e21, &lo, &hi));
        QVERIFY(lo < xl.nLaw.at(1e21) && xl.nLaw.at(1e21) < hi);
        QCOMPARE(view.frontierChart()->bandCount(), 2);
        QCOMPARE(view.coefficientTable()->rowCount(), 2);
        QVERIFY(view.coefficientTable()->item(0, 1)->text().startsWith(QString::number(direct.nOptLaw.a, 'f', 3)));
        // "What does 1e22 FLOPs buy": N* and D* under each law, with the bootstrap interval.
        view.setBudgetQuery(1e22);
        QCOMPARE(view.budgetTable()->rowCount(), 2);
        const QString nText = view.budgetTable()->item(0, 1)->text();
        QString expected = QString::number(direct.nOptLaw.evaluate(1e22), 'g', 3);   // "1.31e+10"
        expected.replace(QLatin1String("e+"), QLatin1String("e"));                     // shown as "1.31e10"
        QVERIFY2(nText.startsWith(expected), qPrintable(nText));
        QVERIFY(nText.contains(QLatin1Char('[')));
        view.setBudgetQuery(-1);
        QCOMPARE(view.budgetTable()->rowCount(), 0);   // refused, nothing stale shown
    }

    void csvExportEqualsTheFit() {
        widgets::ScalingView view;
        gui::ScalingController controller(&view);
        view.resize(1000, 700);
        view.show();   // laid out, so the exported charts have their on-screen size
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy ready(&controller, &gui::ScalingController::plotReady);
        controller.setPoints(paperPoints(), QStringLiteral("xLSTM paper"));
        QVERIFY(waitForPlot(controller, ready));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("scaling.csv"));
        QString error;
        QVERIFY2(view.exportCsv(path, &error), qPrintable(error));
        QVERIFY(view.exportPng(dir.filePath(QStringLiteral("s.png")), 1.0, &error));
        QVERIFY(view.exportSvg(dir.filePath(QStringLiteral("s.svg")), &error));
        QVERIFY(QImage(dir.filePath(QStringLiteral("s.png"))).width() > 100);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        const QStringList header = lines.first().split(QLatin1Char(','));
        const int exponent = int(header.indexOf(QStringLiteral("exponent"))), A = int(header.indexOf(QStringLiteral("A")));
        const int budget = int(header.indexOf(QStringLiteral("budget"))), x = int(header.indexOf(QStringLiteral("N")));
        const auto direct = directFit("xlstm");
        int runs = 0, minima = 0;
        bool law = false;
        for (const QString& line : lines.mid(1)) {
            const QStringList cells = line.split(QLatin1Char(','));
            if (cells[1] != QLatin1String("xlstm")) continue;
            if (cells[0] == QLatin1String("run")) ++runs;
            if (cells[0] == QLatin1String("minimum")) {
                ++minima;
                const double h = cells[budget].toDouble();
                for (const auto& b : direct.budgets)
                    if (b.budget == h) QCOMPARE(cells[x].toDouble(), b.inN.xOpt);
            }
            if (cells[0] == QLatin1String("law_N_opt")) {
                law = true;
                QCOMPARE(cells[exponent].toDouble(), direct.nOptLaw.a);
                QCOMPARE(cells[A].toDouble(), direct.nOptLaw.A);
            }
        }
        QCOMPARE(runs, direct.pointsUsed);
        QCOMPARE(minima, int(direct.budgets.size()));
        QVERIFY(law);
    }

    void clickingYourRunSelectsIt() {
        widgets::ScalingView view;
        gui::ScalingController controller(&view);
        QSignalSpy ready(&controller, &gui::ScalingController::plotReady);
        // Three of "your" runs in one budget: ids 41, 42, 43.
        std::vector<analysis::ScalingPoint> mine;
        for (int i = 0; i < 3; ++i) {
            analysis::ScalingPoint p;
            p.arch = "xlstm";
            p.set = "isoflop_ctx8192";
            p.ctx = 8192;
            p.params = 1e8 * (i + 1);
            p.tokens = 1e19 / (6 * p.params);
            p.flops = 1e19;
            p.budget = 1e19;
            p.loss = 3.0 + 0.1 * (i - 1) * (i - 1);
            p.run = std::to_string(41 + i);
            p.sourceRow = 41 + i;
            mine.push_back(p);
        }
        view.resize(1200, 800);
        view.show();   // clicks are resolved in screen space
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        controller.setPoints(paperPoints(), QStringLiteral("xLSTM paper"), mine);
        QVERIFY(waitForPlot(controller, ready));
        QSignalSpy selected(widgets::RunPicker::instance(), &widgets::RunPicker::runPicked);
        QScatterSeries* own = nullptr;
        for (auto* s : view.isoflopChart()->chart()->series())
            if (auto* sc = qobject_cast<QScatterSeries*>(s); sc && sc->markerShape() == QScatterSeries::MarkerShapeTriangle) own = sc;
        QVERIFY(own);
        QCOMPARE(own->count(), 3);
        emit own->clicked(own->at(1));
        QCOMPARE(selected.count(), 1);
        QCOMPARE(selected.first().first().toLongLong(), 42LL);
    }

    void replicateRunsBecomeOnePointWithAnErrorBar() {
        widgets::ScalingView view;
        gui::ScalingController controller(&view);
        QSignalSpy ready(&controller, &gui::ScalingController::plotReady);
        // Three sizes in one budget, each trained with three seeds (same N and D, other losses).
        const double seedOffsets[3] = {-0.02, 0.0, 0.05};
        std::vector<analysis::ScalingPoint> mine;
        for (int size = 0; size < 3; ++size)
            for (int seed = 0; seed < 3; ++seed) {
                analysis::ScalingPoint p;
                p.arch = "xlstm";
                p.set = "isoflop_ctx8192";
                p.ctx = 8192;
                p.params = 1e8 * (size + 1);
                p.tokens = 1e19 / (6 * p.params);
                p.flops = 1e19;
                p.budget = 1e19;
                p.loss = 3.0 + 0.1 * (size - 1) * (size - 1) + seedOffsets[seed];
                p.run = std::to_string(100 + 3 * size + seed);
                p.sourceRow = 100 + 3 * size + seed;
                mine.push_back(p);
            }
        controller.setPoints(paperPoints(), QStringLiteral("xLSTM paper"), mine);
        QVERIFY(waitForPlot(controller, ready));
        const widgets::IsoflopCurve* own = nullptr;
        for (const auto& c : view.plot().curves)
            if (c.own) own = &c;
        QVERIFY(own);
        QCOMPARE(own->runs.size(), 3);   // one point per size
        // numpy: np.mean(l), np.std(l, ddof=1) of the three seeds' losses
        const double mean = 3.0 + (-0.02 + 0.0 + 0.05) / 3, sd = std::sqrt(((-0.02 - 0.01) * (-0.02 - 0.01) + 0.01 * 0.01 + 0.04 * 0.04) / 2);
        QVERIFY(std::fabs(own->runs[1].y() - mean) < 1e-12);
        QVERIFY(std::fabs(own->runSpread[1] - sd) < 1e-12);
        QCOMPARE(own->runCounts[1], 3);
        QCOMPARE(view.isoflopChart()->errorBarCount(), 3);
        // The parabola is the one through the three means.
        const double m = 3.0 + 0.01;
        const analysis::Parabola direct = analysis::fitLogParabola({1e8, 2e8, 3e8}, {m + 0.1, m, m + 0.1});
        QVERIFY(own->hasOptimum && direct.minimumValid);
        QVERIFY(std::fabs(own->optimum.x() / direct.xOpt - 1) < 1e-9);
    }

    void highlightRingsMinimaOrFrontierPointsUntilCleared() {
        widgets::ScalingView view;
        gui::ScalingController controller(&view);
        QSignalSpy ready(&controller, &gui::ScalingController::plotReady);
        controller.setPoints(paperPoints(), QStringLiteral("xLSTM paper"));
        QVERIFY(waitForPlot(controller, ready));
        auto minima = [&view](const QString& arch) {
            int n = 0;
            for (const auto& c : view.plot().curves) n += c.hasOptimum && c.optimum.x() > 0 && (arch.isEmpty() || c.arch == arch);
            return n;
        };
        auto seriesCount = [](QChartView* chart) { return int(chart->chart()->series().size()); };
        // The alpha of the first run series (the first xLSTM budget's points): dimmed while a highlight is set.
        auto runAlpha = [&view] { return qobject_cast<QScatterSeries*>(view.isoflopChart()->chart()->series().value(0))->color().alphaF(); };
        const int plainIsoflop = seriesCount(view.isoflopChart()), plainFrontier = seriesCount(view.frontierChart());
        QCOMPARE(view.isoflopChart()->highlightCount(), 0);
        QCOMPARE(runAlpha(), 1.0);

        widgets::ScalingHighlight stars;
        stars.kind = widgets::ScalingHighlight::Kind::Minima;
        stars.arch = QStringLiteral("xlstm");
        view.setHighlight(stars);
        QVERIFY(minima(QStringLiteral("xlstm")) >= 3 && minima(QStringLiteral("xlstm")) < minima({}));
        QCOMPARE(view.isoflopChart()->highlightCount(), minima(QStringLiteral("xlstm")));   // one ring per xLSTM star
        QCOMPARE(seriesCount(view.isoflopChart()), plainIsoflop + minima(QStringLiteral("xlstm")));
        QCOMPARE(view.frontierChart()->highlightCount(), 0);   // a Minima highlight leaves the frontier plain
        QCOMPARE(seriesCount(view.frontierChart()), plainFrontier);
        QVERIFY(runAlpha() < 0.5);

        // A refit (tokens on the x axis) keeps the highlight.
        widgets::ScalingSelection sel = view.selection();
        sel.xIsTokens = true;
        view.setFilters(sel);
        QVERIFY(waitForPlot(controller, ready));
        QVERIFY(view.plot().xIsTokens);
        QCOMPARE(view.highlight(), stars);
        QCOMPARE(view.isoflopChart()->highlightCount(), minima(QStringLiteral("xlstm")));

        widgets::ScalingHighlight frontier;
        frontier.kind = widgets::ScalingHighlight::Kind::Frontier;   // both architectures
        view.setHighlight(frontier);
        int optima = 0;
        for (const auto& f : view.plot().frontier) optima += int(f.optima.size());
        QVERIFY(optima >= 6);
        QCOMPARE(view.frontierChart()->highlightCount(), optima);
        QCOMPARE(seriesCount(view.frontierChart()), plainFrontier + int(view.plot().frontier.size()));   // one ring series each
        QCOMPARE(view.isoflopChart()->highlightCount(), 0);
        QCOMPARE(runAlpha(), 1.0);

        view.setHighlight({});   // cleared: nothing ringed or dimmed
        QVERIFY(view.highlight().isEmpty());
        QCOMPARE(view.isoflopChart()->highlightCount(), 0);
        QCOMPARE(view.frontierChart()->highlightCount(), 0);
        QCOMPARE(seriesCount(view.frontierChart()), plainFrontier);
        QCOMPARE(runAlpha(), 1.0);
    }

    void leavingAPointOutRefitsWithoutIt() {
        widgets::ScalingView view;
        gui::ScalingController controller(&view);
        QSignalSpy ready(&controller, &gui::ScalingController::plotReady);
        controller.setPoints(paperPoints(), QStringLiteral("xLSTM paper"));
        QVERIFY(waitForPlot(controller, ready));
        const widgets::IsoflopCurve first = view.plot().curves.first();
        const QString key = first.runKeys.first();
        view.togglePoint(key);
        QVERIFY(waitForPlot(controller, ready));
        QCOMPARE(view.plot().leftOut.keys, QVector<QString>{key});
        QCOMPARE(view.plot().curves.first().runs.size(), first.runs.size() - 1);
        // The fit is the one without that run.
        std::vector<analysis::ScalingPoint> chosen;
        for (const auto& p : paperPoints())
            if (p.set == "isoflop_ctx8192" && p.arch == "xlstm" && p.included &&
                widgets::pointKey(false, QString::fromStdString(p.run), p.sourceRow) != key)
                chosen.push_back(p);
        analysis::IsoflopOptions o;
        analysis::paperBudgetRange("isoflop_ctx8192", &o.fitRangeLo, &o.fitRangeHi);
        QCOMPARE(view.plot().frontier.first().nLaw.a, analysis::fitIsoflop(chosen, o).nOptLaw.a);
        view.togglePoint(key);   // and back
        QVERIFY(waitForPlot(controller, ready));
        QVERIFY(view.plot().leftOut.keys.isEmpty());
        QCOMPARE(view.plot().curves.first().runs.size(), first.runs.size());
    }
};

QTEST_MAIN(TestScalingView)
#include "tst_scaling_view.moc"
