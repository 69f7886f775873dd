// SPDX-License-Identifier: MIT
// The Overview's demo sweep: two architectures, two budgets a factor 3 apart, three sizes each,
// sized to about ten minutes at the rates given; a faster machine gets a larger budget, and without
// rates there is no demo but a message saying why.
#include <QtTest>

#include "demo_sweep.h"

using namespace seqscope;

class TestDemoSweep : public QObject {
    Q_OBJECT

    static runs::Throughput rates(double flopsPerSecond, double tokensPerSecond) {
        runs::Throughput t;
        t.flopsPerSecond = flopsPerSecond;
        t.tokensPerSecond = tokensPerSecond;
        t.source = "test";
        return t;
    }

private slots:
    void sizedToTheTargetOnThisMachine() {
        const gui::DemoSweep demo = gui::planDemoSweep(rates(2e9, 4e4), 600);
        QVERIFY2(demo.status.isOk(), demo.status.message().c_str());
        QVERIFY2(std::abs(demo.estimatedSeconds - 600) <= 60, qPrintable(QString::number(demo.estimatedSeconds)));
        QCOMPARE(demo.plan.runs.size(), size_t(12));   // 2 architectures x 2 budgets x 3 sizes
        QCOMPARE(demo.plan.runnable(), 12);
        QCOMPARE(demo.options.budgets.size(), size_t(2));
        QCOMPARE(demo.options.budgets[1], 3 * demo.options.budgets[0]);
        int xlstm = 0;
        for (const auto& r : demo.plan.runs) xlstm += r.config.shape.arch == analysis::Arch::XLstm;
        QCOMPARE(xlstm, 6);
        QCOMPARE(demo.options.flopsPerSecond, 2e9);
    }

    void aFasterMachineTrainsMoreCompute() {
        const gui::DemoSweep slow = gui::planDemoSweep(rates(1e9, 2e4), 600);
        const gui::DemoSweep fast = gui::planDemoSweep(rates(8e9, 1.6e5), 600);
        QVERIFY(slow.status.isOk() && fast.status.isOk());
        const double ratio = fast.options.budgets[0] / slow.options.budgets[0];
        QVERIFY2(ratio > 4 && ratio < 16, qPrintable(QString::number(ratio)));   // 8x the rates
        const gui::DemoSweep quick = gui::planDemoSweep(rates(2e9, 4e4), 120);
        QVERIFY(quick.options.budgets[0] < slow.options.budgets[0] * 2);
        QVERIFY2(std::abs(quick.estimatedSeconds - 120) <= 12, qPrintable(QString::number(quick.estimatedSeconds)));
    }

    void unknownRatesGiveNoDemo() {
        const gui::DemoSweep demo = gui::planDemoSweep(runs::Throughput{}, 600);
        QVERIFY(!demo.status.isOk());
        QVERIFY(QString::fromStdString(demo.status.message()).contains(QLatin1String("speed")));
    }
};

QTEST_MAIN(TestDemoSweep)
#include "tst_demo_sweep.moc"
