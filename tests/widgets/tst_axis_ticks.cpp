// SPDX-License-Identifier: MIT
// Axis ticks and labels: log axes below one decade still get labelled ticks, labels are unique and
// unit-aware (150k steps, 20B tokens, 1.5e18 FLOPs, durations).
#include "axis_ticks.h"

#include <QSet>
#include <QTest>
#include <cmath>

using namespace seqscope::widgets;

class TestAxisTicks : public QObject {
    Q_OBJECT
private slots:
    void logAxisBelowOneDecadeGetsPlainTicks();
    void logAxisOverManyDecadesTicksPowersOfTen();
    void logAxisBelowOneLabelsFractions();
    void linearTicksAreNiceAndUnique();
    void labelsFollowTheQuantity_data();
    void labelsFollowTheQuantity();
};

void TestAxisTicks::logAxisBelowOneDecadeGetsPlainTicks() {
    const QVector<AxisTick> t = makeTicks(std::log10(2.5), std::log10(4.0), true, 4, TickFormat::Value);
    QVERIFY(t.size() >= 3);
    QCOMPARE(t.front().label, QStringLiteral("2.5"));
    QCOMPARE(t.back().label, QStringLiteral("4"));
    for (const AxisTick& tick : t) QCOMPARE(std::pow(10.0, tick.position), tick.label.toDouble());
}

void TestAxisTicks::logAxisOverManyDecadesTicksPowersOfTen() {
    const QVector<AxisTick> t = makeTicks(0, 12, true, 7, TickFormat::Count);
    QVERIFY(t.size() >= 2 && t.size() <= 7);
    for (const AxisTick& tick : t) QCOMPARE(tick.position, std::round(tick.position));
}

void TestAxisTicks::logAxisBelowOneLabelsFractions() {
    const QVector<AxisTick> t = makeTicks(std::log10(0.01), std::log10(0.5), true, 10, TickFormat::Value);
    QStringList labels;
    for (const AxisTick& tick : t) labels << tick.label;
    QVERIFY2(labels.contains(QStringLiteral("0.01")) && labels.contains(QStringLiteral("0.1")) &&
                 labels.contains(QStringLiteral("0.2")),
             qPrintable(labels.join(QLatin1Char(' '))));
}

void TestAxisTicks::linearTicksAreNiceAndUnique() {
    const QVector<AxisTick> t = makeTicks(2.04, 6.84, false, 10, TickFormat::Value);
    QStringList labels;
    QSet<QString> unique;
    for (const AxisTick& tick : t) {
        labels << tick.label;
        unique.insert(tick.label);
    }
    QCOMPARE(labels, QStringList({"2.5", "3", "3.5", "4", "4.5", "5", "5.5", "6", "6.5"}));
    QCOMPARE(unique.size(), labels.size());
    const QVector<AxisTick> tight = makeTicks(3.0001, 3.0009, false, 5, TickFormat::Value);
    QSet<QString> tightLabels;
    for (const AxisTick& tick : tight) tightLabels.insert(tick.label);
    QCOMPARE(tightLabels.size(), tight.size());
}

void TestAxisTicks::labelsFollowTheQuantity_data() {
    QTest::addColumn<double>("value");
    QTest::addColumn<int>("format");
    QTest::addColumn<int>("precision");
    QTest::addColumn<QString>("label");
    QTest::newRow("small step count") << 2500.0 << int(TickFormat::Count) << 4 << "2500";
    QTest::newRow("step count in thousands") << 150000.0 << int(TickFormat::Count) << 6 << "150k";
    QTest::newRow("tokens in billions") << 2e10 << int(TickFormat::Tokens) << 2 << "20B";
    QTest::newRow("FLOPs in exponent form") << 1.5e18 << int(TickFormat::Flops) << 2 << "1.5e18";
    QTest::newRow("duration") << 5400.0 << int(TickFormat::Duration) << 3 << "1h 30m";
    QTest::newRow("seconds") << 42.0 << int(TickFormat::Duration) << 3 << "42s";
    QTest::newRow("small value") << 0.00025 << int(TickFormat::Value) << 2 << "0.00025";
    QTest::newRow("tiny value in exponent form") << 0.000025 << int(TickFormat::Value) << 2 << "2.5e-5";
    QTest::newRow("huge value in exponent form") << 3.0e7 << int(TickFormat::Value) << 2 << "3e7";
}

void TestAxisTicks::labelsFollowTheQuantity() {
    QFETCH(double, value);
    QFETCH(int, format);
    QFETCH(int, precision);
    QFETCH(QString, label);
    QCOMPARE(formatTickValue(value, static_cast<TickFormat>(format), precision), label);
}

QTEST_GUILESS_MAIN(TestAxisTicks)
#include "tst_axis_ticks.moc"
