// SPDX-License-Identifier: MIT
// Robust automatic y range (robust_range.h): every run stays visible whatever the others do, spikes
// do not stretch the axis, a live run's newest value is always in view, quantiles are type 7.
#include "robust_range.h"

#include <QTest>
#include <algorithm>
#include <cmath>
#include <random>

using namespace seqscope::widgets;

namespace {

RangeInput run(std::vector<double> values) {
    RangeInput in;
    in.values = std::move(values);
    in.hasLast = !in.values.empty();
    if (in.hasLast) in.lastValue = in.values.back();
    return in;
}

std::vector<double> lossLike(size_t n, double floorValue, double start, unsigned seed) {
    std::mt19937 rng(seed);
    std::normal_distribution<double> noise(0, 0.02 * floorValue);
    std::vector<double> v(n);
    for (size_t i = 0; i < n; ++i)
        v[i] = floorValue + (start - floorValue) * std::exp(-static_cast<double>(i) / (n / 20.0)) + noise(rng);
    return v;
}

double insideFraction(const std::vector<double>& v, const YRange& r) {
    const auto inside = std::count_if(v.begin(), v.end(), [&](double x) { return x >= r.lo && x <= r.hi; });
    return static_cast<double>(inside) / static_cast<double>(v.size());
}

}  // namespace

class TestRobustRange : public QObject {
    Q_OBJECT
private slots:
    void everyRunKeepsItsBulkInView_data();
    void everyRunKeepsItsBulkInView();
    void isolatedSpikesDoNotStretchTheAxis();
    void newestValueOfALiveRunIsAlwaysInView();
    void flatAndSinglePointRunsGetAVisibleBand();
    void fullRangeCoversEveryDrawnValue();
    void quantileInterpolatesBetweenOrderStatistics();
    void noDataGivesNoRange();
};

void TestRobustRange::everyRunKeepsItsBulkInView_data() {
    QTest::addColumn<double>("secondFloor");
    QTest::newRow("similar runs") << 2.6;
    QTest::newRow("second run 20x higher") << 50.0;
    QTest::newRow("second run 1000x lower") << 0.002;
}

void TestRobustRange::everyRunKeepsItsBulkInView() {
    QFETCH(double, secondFloor);
    RobustRangeOptions o;
    std::vector<RangeInput> runs = {run(lossLike(4000, 2.5, 10.0, 1)), run(lossLike(3000, secondFloor, secondFloor * 4, 2))};
    std::vector<double> spiky = lossLike(2000, 3.0, 9.0, 3);
    spiky[500] = 1e9;
    runs.push_back(run(spiky));
    const YRange r = robustYRange(runs, o);
    QVERIFY(r.valid);
    for (const RangeInput& in : runs) {
        const double f = insideFraction(in.values, r);
        QVERIFY2(f >= o.upperQuantile - o.lowerQuantile, qPrintable(QStringLiteral("only %1 of a run inside").arg(f)));
    }
}

void TestRobustRange::isolatedSpikesDoNotStretchTheAxis() {
    std::vector<double> v = lossLike(10000, 2.5, 3.0, 4);
    for (int k = 0; k < 50; ++k) v[static_cast<size_t>(100 + 200 * k)] = 1e6;  // 0.5% of the points
    const YRange r = robustYRange({run(v)}, RobustRangeOptions());
    QVERIFY(r.hi < 4.0);
    QVERIFY(r.lo > 2.0);
}

void TestRobustRange::newestValueOfALiveRunIsAlwaysInView() {
    // A run whose newest point dropped below everything else (the moment users are watching).
    std::vector<double> v(1000, 3.0);
    RangeInput in = run(v);
    in.lastValue = 1.0;
    const YRange r = robustYRange({in}, RobustRangeOptions());
    QVERIFY(r.lo <= 1.0 && r.hi >= 3.0);
}

void TestRobustRange::flatAndSinglePointRunsGetAVisibleBand() {
    const YRange flat = robustYRange({run(std::vector<double>(50, 4.0))}, RobustRangeOptions());
    QVERIFY(flat.valid && flat.lo < 4.0 && flat.hi > 4.0);
    const YRange single = robustYRange({run({0.0})}, RobustRangeOptions());
    QVERIFY(single.valid && single.lo < 0.0 && single.hi > 0.0);
}

void TestRobustRange::fullRangeCoversEveryDrawnValue() {
    std::vector<double> v = lossLike(1000, 2.5, 10, 5);
    v[10] = 1e4;
    const YRange r = fullYRange({run(v)}, 0.05);
    QCOMPARE(insideFraction(v, r), 1.0);
    QVERIFY(r.hi > 1e4);
}

void TestRobustRange::quantileInterpolatesBetweenOrderStatistics() {
    std::vector<double> v = {5, 1, 4, 2, 3};  // sorted: 1 2 3 4 5
    QCOMPARE(quantile(v, 0.0), 1.0);
    QCOMPARE(quantile(v, 1.0), 5.0);
    QCOMPARE(quantile(v, 0.5), 3.0);
    QCOMPARE(quantile(v, 0.125), 1.5);  // position 0.5 between 1 and 2
    std::vector<double> w = {10, 20};
    QCOMPARE(quantile(w, 0.99), 19.9);
}

void TestRobustRange::noDataGivesNoRange() {
    QVERIFY(!robustYRange({}, RobustRangeOptions()).valid);
    QVERIFY(!robustYRange({RangeInput()}, RobustRangeOptions()).valid);
}

QTEST_GUILESS_MAIN(TestRobustRange)
#include "tst_robust_range.moc"
