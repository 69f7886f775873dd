// SPDX-License-Identifier: MIT
// The Scaling view on the paper's built-in data: the controller finds the experiment sets, fits every
// budget of both architectures, keeps the 6e20 budget out of the T = 8192 power law as the paper
// does, and the view draws a non-blank chart.
#include <QImage>
#include <QSignalSpy>
#include <QtTest>

#include "analysis/builtin_datasets.h"
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
        QVERIFY(plot.summary.contains(QStringLiteral("D*")));
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
};

QTEST_MAIN(TestScalingView)
#include "tst_scaling_view.moc"
