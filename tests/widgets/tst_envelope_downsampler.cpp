// SPDX-License-Identifier: MIT
// The per-pixel min/max envelope against a full-resolution reference: every pixel column keeps its
// min, max, first and last point, spikes are never lost, and drawing the envelope gives exactly the
// pixels of drawing every point (EnvelopeItem's rasteriser, no antialiasing).
#include "curve_pyramid.h"
#include "envelope_downsampler.h"
#include "envelope_item.h"

#include <QImage>
#include <QTest>
#include <algorithm>
#include <cmath>
#include <random>
#include <set>

using namespace seqscope::widgets;

namespace {

struct Series {
    std::vector<double> u, v;
};

Series randomWalk(size_t n, unsigned seed, double x0 = 0, double dx = 1) {
    std::mt19937 rng(seed);
    std::normal_distribution<double> step(0.0, 1.0);
    Series s;
    double y = 0;
    for (size_t i = 0; i < n; ++i) {
        y += step(rng);
        s.u.push_back(x0 + dx * static_cast<double>(i));
        s.v.push_back(y);
    }
    return s;
}

int referenceColumn(double u, double u0, double u1, int columns) {
    return std::clamp(static_cast<int>((u - u0) * (columns / (u1 - u0))), 0, columns - 1);
}

}  // namespace

class TestEnvelopeDownsampler : public QObject {
    Q_OBJECT
private slots:
    void everyColumnKeepsItsMinMaxFirstAndLast_data();
    void everyColumnKeepsItsMinMaxFirstAndLast();
    void spikesAreNeverLost();
    void drawingTheEnvelopeGivesTheSamePixelsAsEveryPoint_data();
    void drawingTheEnvelopeGivesTheSamePixelsAsEveryPoint();
    void zoomRecomputesFromFullResolution();
    void neighboursOutsideTheRangeAreLinked();
    void keepAllDrawsEveryVisiblePoint();
    void nonFinitePointsAreSkipped();
    void unsortedInputStillKeepsEveryColumnsExtremes();
};

void TestEnvelopeDownsampler::everyColumnKeepsItsMinMaxFirstAndLast_data() {
    QTest::addColumn<int>("points");
    QTest::addColumn<int>("columns");
    QTest::addColumn<double>("from");  // visible range as a fraction of the data
    QTest::addColumn<double>("to");
    QTest::newRow("200k points on 1000 columns") << 200000 << 1000 << 0.0 << 1.0;
    QTest::newRow("fewer points than columns") << 300 << 1000 << 0.0 << 1.0;
    QTest::newRow("zoomed into the middle tenth") << 200000 << 800 << 0.45 << 0.55;
    QTest::newRow("one column") << 5000 << 1 << 0.0 << 1.0;
    QTest::newRow("odd column count") << 77777 << 333 << 0.1 << 0.9;
}

void TestEnvelopeDownsampler::everyColumnKeepsItsMinMaxFirstAndLast() {
    QFETCH(int, points);
    QFETCH(int, columns);
    QFETCH(double, from);
    QFETCH(double, to);
    const Series s = randomWalk(static_cast<size_t>(points), 7);
    EnvelopeRequest request;
    request.u0 = from * (points - 1);
    request.u1 = to * (points - 1);
    request.columns = columns;
    const Envelope env = downsampleEnvelope(s.u.data(), s.v.data(), s.u.size(), request, true);

    // Reference: scan every point and bucket it.
    std::vector<double> refMin(columns, INFINITY), refMax(columns, -INFINITY);
    std::vector<long> refFirst(columns, -1), refLast(columns, -1);
    size_t visible = 0;
    for (size_t i = 0; i < s.u.size(); ++i) {
        if (s.u[i] < request.u0 || s.u[i] > request.u1) continue;
        const int c = referenceColumn(s.u[i], request.u0, request.u1, columns);
        refMin[c] = std::min(refMin[c], s.v[i]);
        refMax[c] = std::max(refMax[c], s.v[i]);
        if (refFirst[c] < 0) refFirst[c] = static_cast<long>(i);
        refLast[c] = static_cast<long>(i);
        ++visible;
    }
    QCOMPARE(env.visiblePoints, visible);

    // Drawn points, bucketed the same way.
    std::vector<double> gotMin(columns, INFINITY), gotMax(columns, -INFINITY);
    std::set<size_t> drawn(env.indices.begin(), env.indices.end());
    QCOMPARE(drawn.size(), env.indices.size());  // no point drawn twice
    for (size_t i : env.indices) {
        QVERIFY(i < s.u.size());
        if (s.u[i] < request.u0 || s.u[i] > request.u1) continue;
        const int c = referenceColumn(s.u[i], request.u0, request.u1, columns);
        gotMin[c] = std::min(gotMin[c], s.v[i]);
        gotMax[c] = std::max(gotMax[c], s.v[i]);
    }
    for (int c = 0; c < columns; ++c) {
        if (refFirst[c] < 0) continue;
        QCOMPARE(gotMin[c], refMin[c]);
        QCOMPARE(gotMax[c], refMax[c]);
        QVERIFY2(drawn.count(static_cast<size_t>(refFirst[c])), qPrintable(QStringLiteral("column %1 first").arg(c)));
        QVERIFY2(drawn.count(static_cast<size_t>(refLast[c])), qPrintable(QStringLiteral("column %1 last").arg(c)));
    }
    // Drawing order follows x, and the envelope is at most 4 points per column plus 2 links.
    for (size_t k = 1; k < env.indices.size(); ++k) QVERIFY(env.indices[k] > env.indices[k - 1]);
    QVERIFY(env.indices.size() <= static_cast<size_t>(4 * columns + 2));
}

void TestEnvelopeDownsampler::spikesAreNeverLost() {
    Series s = randomWalk(1000000, 11);
    const int columns = 640;
    const double u1 = static_cast<double>(s.u.size() - 1);
    std::mt19937 rng(5);
    std::uniform_int_distribution<size_t> where(0, s.u.size() - 1);
    // Random single-point spikes up and down; several may share a pixel column.
    std::vector<size_t> spikes;
    for (int k = 0; k < 200; ++k) {
        const size_t i = where(rng);
        s.v[i] += (k % 2 ? 1e6 : -1e6) * (1 + 0.001 * k);
        spikes.push_back(i);
    }
    EnvelopeRequest request;
    request.u0 = 0;
    request.u1 = u1;
    request.columns = columns;
    const Envelope env = downsampleEnvelope(s.u.data(), s.v.data(), s.u.size(), request, true);
    std::vector<double> drawnMax(columns, -INFINITY), drawnMin(columns, INFINITY);
    for (size_t i : env.indices) {
        const int c = referenceColumn(s.u[i], 0, u1, columns);
        drawnMax[c] = std::max(drawnMax[c], s.v[i]);
        drawnMin[c] = std::min(drawnMin[c], s.v[i]);
    }
    // Every spike is reached by its column's drawn extent, so it shows on screen.
    for (size_t i : spikes) {
        const int c = referenceColumn(s.u[i], 0, u1, columns);
        QVERIFY2(drawnMax[c] >= s.v[i] && drawnMin[c] <= s.v[i], qPrintable(QStringLiteral("spike at %1 lost").arg(i)));
    }
    // The spike that is its column's extreme is drawn itself; first and last points are kept.
    const std::set<size_t> drawn(env.indices.begin(), env.indices.end());
    for (size_t i : spikes) {
        const int c = referenceColumn(s.u[i], 0, u1, columns);
        if (s.v[i] == drawnMax[c] || s.v[i] == drawnMin[c]) QVERIFY(drawn.count(i));
    }
    QVERIFY(drawn.count(0));
    QVERIFY(drawn.count(s.u.size() - 1));
    QVERIFY(env.maxPerColumn >= 1562 && env.maxPerColumn <= 1564);  // 1e6 points / 640 columns
}

void TestEnvelopeDownsampler::drawingTheEnvelopeGivesTheSamePixelsAsEveryPoint_data() {
    QTest::addColumn<int>("points");
    QTest::addColumn<double>("from");
    QTest::addColumn<double>("to");
    QTest::addColumn<bool>("pyramid");  // column extremes from the min/max pyramid instead of a scan
    QTest::newRow("dense, whole run") << 100000 << 0.0 << 1.0 << false;
    QTest::newRow("dense, zoomed") << 100000 << 0.3 << 0.35 << false;
    QTest::newRow("sparse, lines span columns") << 150 << 0.0 << 1.0 << false;
    QTest::newRow("pyramid, dense, whole run") << 100000 << 0.0 << 1.0 << true;
    QTest::newRow("pyramid, dense, zoomed") << 100000 << 0.3 << 0.35 << true;
    QTest::newRow("pyramid, 1M points") << 1000000 << 0.0 << 1.0 << true;
    QTest::newRow("pyramid, sparse") << 150 << 0.0 << 1.0 << true;
}

void TestEnvelopeDownsampler::drawingTheEnvelopeGivesTheSamePixelsAsEveryPoint() {
    QFETCH(int, points);
    QFETCH(double, from);
    QFETCH(double, to);
    QFETCH(bool, pyramid);
    const Series s = randomWalk(static_cast<size_t>(points), 3);
    const int width = 500, height = 300;
    MinMaxPyramid levels;
    levels.update(s.v.data(), s.v.size());
    const double u0 = from * (points - 1), u1 = to * (points - 1);
    double lo = INFINITY, hi = -INFINITY;
    for (double v : s.v) {
        lo = std::min(lo, v);
        hi = std::max(hi, v);
    }
    EnvelopeRequest request;
    request.u0 = u0;
    request.u1 = u1;
    request.columns = width;
    if (pyramid) request.pyramid = &levels;
    const Envelope env = downsampleEnvelope(s.u.data(), s.v.data(), s.u.size(), request, true);

    EnvelopeItem::Run full{Qt::black, {}}, reduced{Qt::black, {}};
    for (size_t i = 0; i < s.u.size(); ++i) full.points.push_back(QPointF(s.u[i], s.v[i]));
    for (size_t i : env.indices) reduced.points.push_back(QPointF(s.u[i], s.v[i]));
    QImage a(width, height, QImage::Format_ARGB32_Premultiplied), b(width, height, QImage::Format_ARGB32_Premultiplied);
    EnvelopeItem::rasterise(a, {full}, u0, u1, lo, hi);
    EnvelopeItem::rasterise(b, {reduced}, u0, u1, lo, hi);
    QVERIFY(reduced.points.size() < full.points.size() || points < width);
    int inked = 0;
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            QCOMPARE(b.pixel(x, y), a.pixel(x, y));
            inked += qAlpha(a.pixel(x, y)) > 0;
        }
    QVERIFY(inked > width);  // the comparison saw a real curve
}

void TestEnvelopeDownsampler::zoomRecomputesFromFullResolution() {
    // A detail invisible at full view (two adjacent extremes in one column) separates when zoomed.
    Series s = randomWalk(100000, 21);
    s.v[50000] = 500;
    s.v[50001] = -500;
    EnvelopeRequest whole;
    whole.u0 = 0;
    whole.u1 = 99999;
    whole.columns = 400;
    const Envelope a = downsampleEnvelope(s.u.data(), s.v.data(), s.u.size(), whole, true);
    EnvelopeRequest zoomed = whole;
    zoomed.u0 = 49990;
    zoomed.u1 = 50010;
    const Envelope b = downsampleEnvelope(s.u.data(), s.v.data(), s.u.size(), zoomed, true);
    QVERIFY(a.maxPerColumn > 200);
    QCOMPARE(b.maxPerColumn, size_t(1));  // zoomed in: every point has its own column
    QCOMPARE(b.visiblePoints, size_t(21));
    const std::set<size_t> drawn(b.indices.begin(), b.indices.end());
    for (size_t i = 49990; i <= 50010; ++i) QVERIFY(drawn.count(i));
}

void TestEnvelopeDownsampler::neighboursOutsideTheRangeAreLinked() {
    const Series s = randomWalk(1000, 2);
    EnvelopeRequest r;
    r.u0 = 100.5;
    r.u1 = 200.5;
    r.columns = 50;
    const Envelope env = downsampleEnvelope(s.u.data(), s.v.data(), s.u.size(), r, true);
    QCOMPARE(env.indices.front(), size_t(100));
    QCOMPARE(env.indices.back(), size_t(201));
    r.linkNeighbours = false;
    const Envelope bare = downsampleEnvelope(s.u.data(), s.v.data(), s.u.size(), r, true);
    QCOMPARE(bare.indices.front(), size_t(101));
    QCOMPARE(bare.indices.back(), size_t(200));
}

void TestEnvelopeDownsampler::keepAllDrawsEveryVisiblePoint() {
    const Series s = randomWalk(20000, 4);
    EnvelopeRequest r;
    r.u0 = 1000;
    r.u1 = 3000;
    r.columns = 100;
    r.keepAll = true;
    const Envelope env = downsampleEnvelope(s.u.data(), s.v.data(), s.u.size(), r, true);
    QCOMPARE(env.indices.size(), size_t(2001 + 2));
    QCOMPARE(env.maxPerColumn, size_t(21));
}

void TestEnvelopeDownsampler::nonFinitePointsAreSkipped() {
    Series s = randomWalk(1000, 9);
    s.v[10] = NAN;
    s.v[20] = INFINITY;
    s.u[0] = -INFINITY;  // log10(step 0) on a log-x axis: still sorted
    EnvelopeRequest r;
    r.u0 = -1;
    r.u1 = 1000;
    r.columns = 2000;
    const Envelope env = downsampleEnvelope(s.u.data(), s.v.data(), s.u.size(), r, true);
    QCOMPARE(env.visiblePoints, size_t(997));
    for (size_t i : env.indices) QVERIFY(i != 10 && i != 20 && i != 0);
}

void TestEnvelopeDownsampler::unsortedInputStillKeepsEveryColumnsExtremes() {
    Series s = randomWalk(10000, 8);
    std::mt19937 rng(1);
    std::shuffle(s.u.begin(), s.u.end(), rng);  // x out of order, e.g. a wall clock that jumped back
    QVERIFY(!isNonDecreasing(s.u.data(), s.u.size()));
    EnvelopeRequest r;
    r.u0 = 0;
    r.u1 = 9999;
    r.columns = 100;
    const Envelope env = downsampleEnvelope(s.u.data(), s.v.data(), s.u.size(), r, false);
    std::vector<double> refMax(100, -INFINITY), gotMax(100, -INFINITY);
    for (size_t i = 0; i < s.u.size(); ++i) {
        const int c = referenceColumn(s.u[i], 0, 9999, 100);
        refMax[c] = std::max(refMax[c], s.v[i]);
    }
    for (size_t i : env.indices) {
        const int c = referenceColumn(s.u[i], 0, 9999, 100);
        gotMax[c] = std::max(gotMax[c], s.v[i]);
    }
    for (int c = 0; c < 100; ++c) QCOMPARE(gotMax[c], refMax[c]);
}

QTEST_GUILESS_MAIN(TestEnvelopeDownsampler)
#include "tst_envelope_downsampler.moc"
