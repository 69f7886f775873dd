// SPDX-License-Identifier: MIT
// From the curve model to the drawn frame: smoothing independent of zoom and run length, causal
// history never rewritten, log axes drop non-positive values and smooth in log space, the robust
// range keeps every run in view, readouts are sorted, and the plotted CSV is exactly the frame.
#include "curve_csv.h"
#include "curve_model.h"
#include "curve_pipeline.h"
#include "curve_smoother.h"
#include "envelope_item.h"

#include <QImage>

#include <QTest>
#include <cmath>
#include <random>

using namespace seqscope::widgets;

namespace {

QVector<CurvePoint> curve(int n, double floorValue, unsigned seed, int firstStep = 0, double noiseStd = 0.05) {
    std::mt19937 rng(seed);
    std::normal_distribution<double> noise(0, noiseStd);
    QVector<CurvePoint> pts;
    for (int i = 0; i < n; ++i) {
        CurvePoint p;
        p.step = firstStep + i;
        p.tokens = 4096.0 * p.step;
        p.flops = 6e6 * p.tokens;
        p.wallTime = 1.7e9 + 0.25 * p.step;
        p.value = floorValue + 6.0 / std::sqrt(1.0 + p.step) + noise(rng);
        pts.push_back(p);
    }
    return pts;
}

struct Fixture {
    CurveModel model;
    CurvePipeline pipeline{&model};
    Fixture() { model.setRuns({{QStringLiteral("a"), QStringLiteral("run A"), false, {}, {}}, {QStringLiteral("b"), QStringLiteral("run B"), true, {}, {}}}); }
};

QVector<QPointF> drawn(const PlottedRun& run) { return run.line; }

QVector<QStringList> csvRows(const QString& csv) {
    QVector<QStringList> rows;
    for (const QString& line : csv.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        if (!line.startsWith(QLatin1Char('#'))) rows.push_back(line.split(QLatin1Char(',')));
    return rows;
}

}  // namespace

class TestCurvePipeline : public QObject {
    Q_OBJECT
private slots:
    void modelSkipsRepeatedStepsAndUnknownRuns();
    void smoothedValuesDoNotDependOnZoomOrColumns();
    void appendingNeverRewritesDrawnEmaHistory();
    void logXDropsNonPositiveXAndCountsIt();
    void logYSmoothsInLogSpace();
    void robustRangeKeepsEveryRunInView();
    void clippedPointsAreCountedAndMarked();
    void readoutListsEveryRunSortedByValue();
    void readoutSkipsRunsThatDoNotReachTheCursor();
    void plottedCsvIsExactlyTheFrame();
    void fullResolutionCsvHasEveryPoint();
    void hiddenRunsAreListedButNotDrawn();
    void denseRawLinesGoToTheRasteriser();
    void smoothLinesKeepAboutOnePointPerColumnWithinAPixel();
    void relativeTimeStartsAtZero();
    void changingTheXAxisResetsTheZoom();
};

void TestCurvePipeline::modelSkipsRepeatedStepsAndUnknownRuns() {
    CurveModel model;
    model.setRuns({{QStringLiteral("a"), QString(), false, {}, {}}});
    QCOMPARE(model.run(0).info.label, QStringLiteral("a"));  // empty label falls back to the key
    QCOMPARE(model.appendPoints(QStringLiteral("a"), curve(10, 2, 1)), qsizetype(10));
    QCOMPARE(model.appendPoints(QStringLiteral("a"), curve(15, 2, 1)), qsizetype(5));  // overlap re-sent
    QCOMPARE(model.appendPoints(QStringLiteral("zzz"), curve(3, 2, 1)), qsizetype(-1));
    QCOMPARE(model.run(0).size(), size_t(15));
    model.setRuns({{QStringLiteral("b"), QString(), false, {}, {}}, {QStringLiteral("a"), QString(), false, {}, {}}});
    QCOMPARE(model.indexOf(QStringLiteral("a")), 1);
    QCOMPARE(model.run(1).size(), size_t(15));  // kept across setRuns
}

void TestCurvePipeline::smoothedValuesDoNotDependOnZoomOrColumns() {
    Fixture f;
    f.model.appendPoints(QStringLiteral("a"), curve(50000, 2.5, 1));
    CurveViewOptions o;
    o.smoothing.kind = SmoothingKind::Ema;
    o.smoothing.emaWeight = 0.97;
    f.pipeline.setOptions(o);

    std::vector<double> raw;
    for (double v : f.model.run(0).value) raw.push_back(v);
    SeriesSmoother reference;
    reference.update(raw.data(), raw.size(), o.smoothing);

    for (int columns : {200, 1500}) {
        for (auto range : {std::pair<double, double>{0, 49999}, {20000, 20100}}) {
            f.pipeline.setXRange(range.first, range.second);
            const PlotFrame frame = f.pipeline.compute(columns);
            const PlottedRun& run = frame.runs[0];
            QVERIFY(!run.line.isEmpty());
            for (const QPointF& p : run.line) QCOMPARE(p.y(), reference.values()[static_cast<size_t>(p.x())]);
        }
    }
}

void TestCurvePipeline::appendingNeverRewritesDrawnEmaHistory() {
    Fixture f;
    CurveViewOptions o;
    o.smoothing.kind = SmoothingKind::Ema;
    o.smoothing.emaWeight = 0.9;
    f.pipeline.setOptions(o);
    const QVector<CurvePoint> all = curve(3000, 2.5, 2);
    f.model.appendPoints(QStringLiteral("a"), all.mid(0, 1000));
    f.pipeline.setXRange(0, 999);
    const PlotFrame before = f.pipeline.compute(4000);  // more columns than points: all drawn
    f.model.appendPoints(QStringLiteral("a"), all.mid(1000));
    const PlotFrame after = f.pipeline.compute(4000);
    QCOMPARE(after.runs[0].line.mid(0, before.runs[0].line.size() - 1),
             before.runs[0].line.mid(0, before.runs[0].line.size() - 1));
}

void TestCurvePipeline::logXDropsNonPositiveXAndCountsIt() {
    Fixture f;
    f.model.appendPoints(QStringLiteral("a"), curve(100, 2.5, 3));  // starts at step 0
    CurveViewOptions o;
    o.logX = true;
    f.pipeline.setOptions(o);
    const PlotFrame frame = f.pipeline.compute(1000);
    QCOMPARE(frame.runs[0].undrawablePoints, qint64(1));
    QCOMPARE(frame.x0, 0.0);              // log10(step 1)
    QCOMPARE(frame.x1, std::log10(99.0));
    for (const QPointF& p : frame.runs[0].line) QVERIFY(std::isfinite(p.x()));
}

void TestCurvePipeline::logYSmoothsInLogSpace() {
    Fixture f;
    QVector<CurvePoint> pts = curve(200, 2.5, 4);
    pts[50].value = -1;  // not drawable on log-y
    f.model.appendPoints(QStringLiteral("a"), pts);
    CurveViewOptions o;
    o.logY = true;
    o.smoothing.kind = SmoothingKind::Ema;
    o.smoothing.emaWeight = 0.8;
    f.pipeline.setOptions(o);
    const PlotFrame frame = f.pipeline.compute(5000);
    std::vector<double> logs;
    for (const CurvePoint& p : pts) logs.push_back(p.value > 0 ? std::log10(p.value) : NAN);
    SeriesSmoother reference;
    reference.update(logs.data(), logs.size(), o.smoothing);
    QCOMPARE(frame.runs[0].undrawablePoints, qint64(1));
    for (const QPointF& p : frame.runs[0].line) QCOMPARE(p.y(), reference.values()[static_cast<size_t>(p.x())]);
}

void TestCurvePipeline::robustRangeKeepsEveryRunInView() {
    Fixture f;
    f.model.appendPoints(QStringLiteral("a"), curve(20000, 2.0, 5));
    QVector<CurvePoint> high = curve(20000, 40.0, 6);  // a diverged run, 20x higher
    high[7000].value = 1e7;                             // and a spike
    f.model.appendPoints(QStringLiteral("b"), high);
    const PlotFrame frame = f.pipeline.compute(800);
    QVERIFY(frame.y1 < 1e6);  // the spike did not stretch the axis
    for (const PlottedRun& run : frame.runs) {
        int inside = 0;
        for (const QPointF& p : drawn(run)) inside += p.y() >= frame.y0 && p.y() <= frame.y1;
        QVERIFY(!drawn(run).isEmpty());
        QVERIFY2(inside >= 0.98 * drawn(run).size(), qPrintable(run.key));
    }
}

void TestCurvePipeline::clippedPointsAreCountedAndMarked() {
    Fixture f;
    QVector<CurvePoint> pts = curve(10000, 2.0, 7);
    pts[5000].value = 1e5;
    f.model.appendPoints(QStringLiteral("a"), pts);
    CurveViewOptions o;
    o.yMode = YRangeMode::Manual;
    o.manualYMin = 1.0;
    o.manualYMax = 3.0;
    f.pipeline.setOptions(o);
    const PlotFrame frame = f.pipeline.compute(500);
    qint64 expected = 0;
    for (const CurvePoint& p : pts) expected += p.value > 3.0 || p.value < 1.0;
    QCOMPARE(frame.runs[0].clippedPoints, expected);
    bool marked = false;
    for (const QPointF& m : frame.runs[0].clippedHigh) {
        QCOMPARE(m.y(), 3.0);
        marked = marked || std::abs(m.x() - 5000) < 1e-9;
    }
    QVERIFY(marked);
}

void TestCurvePipeline::readoutListsEveryRunSortedByValue() {
    Fixture f;
    f.model.appendPoints(QStringLiteral("a"), curve(1000, 3.0, 8));
    f.model.appendPoints(QStringLiteral("b"), curve(1000, 2.0, 9));
    f.pipeline.compute(500);
    const QVector<ReadoutEntry> r = f.pipeline.readoutAt(500.2, 2.0);
    QCOMPARE(r.size(), 2);
    QCOMPARE(r[0].key, QStringLiteral("b"));  // lower loss first
    QVERIFY(r[0].value <= r[1].value);
    QCOMPARE(r[0].step, qint64(500));
    QCOMPARE(r[0].value, f.model.run(1).value[500]);
    const QString tsv = readoutTsv(r, f.pipeline.options(), QStringLiteral("loss"));
    QVERIFY(tsv.startsWith(QStringLiteral("run\tlabel\tstep\tstep\tloss\n")));
    QVERIFY(tsv.section(QLatin1Char('\n'), 1, 1).startsWith(QStringLiteral("b\trun B\t500\t")));
}

void TestCurvePipeline::readoutSkipsRunsThatDoNotReachTheCursor() {
    Fixture f;
    f.model.appendPoints(QStringLiteral("a"), curve(1000, 3.0, 10));
    f.model.appendPoints(QStringLiteral("b"), curve(100, 2.0, 11));
    f.pipeline.compute(500);
    const QVector<ReadoutEntry> r = f.pipeline.readoutAt(800, 2.0);
    QCOMPARE(r.size(), 1);
    QCOMPARE(r[0].key, QStringLiteral("a"));
}

void TestCurvePipeline::plottedCsvIsExactlyTheFrame() {
    Fixture f;
    f.model.appendPoints(QStringLiteral("a"), curve(30000, 3.0, 12));
    f.model.appendPoints(QStringLiteral("b"), curve(20000, 2.0, 13, 1));
    CurveViewOptions o;
    o.xAxis = XAxisKind::Tokens;
    o.logX = true;
    o.logY = true;
    o.smoothing.kind = SmoothingKind::RunningAverage;
    o.smoothing.window = 50;
    f.pipeline.setOptions(o);
    const PlotFrame frame = f.pipeline.compute(700);
    const QString csv = plottedCsv(frame, QStringLiteral("train_loss"));
    QVERIFY(csv.contains(QStringLiteral("# x: tokens (log10 scale); y: log10 scale")));
    const QVector<QStringList> rows = csvRows(csv);
    QCOMPARE(rows[0], QStringList({"run", "label", "series", "method", "x_tokens", "value"}));
    int k = 1;
    for (const PlottedRun& run : frame.runs) {
        for (const auto& [series, points] : {std::pair{QStringLiteral("line"), run.line}, std::pair{QStringLiteral("raw_shadow"), run.shadow}}) {
            for (const QPointF& p : points) {
                const QStringList& row = rows[k++];
                QCOMPARE(row[0], run.key);
                QCOMPARE(row[2], series);
                QCOMPARE(row[4].toDouble(), std::pow(10.0, p.x()));
                QCOMPARE(row[5].toDouble(), std::pow(10.0, p.y()));
            }
        }
    }
    QCOMPARE(k, rows.size());
    QCOMPARE(rows[1][3], QStringLiteral("running_mean(window=50)[log10 space]+m4"));
    QVERIFY(frame.runs[0].shadow.size() > 0);
}

void TestCurvePipeline::fullResolutionCsvHasEveryPoint() {
    Fixture f;
    f.model.appendPoints(QStringLiteral("a"), curve(123, 3.0, 14));
    f.model.appendPoints(QStringLiteral("b"), curve(77, 2.0, 15));
    const QVector<QStringList> rows = csvRows(fullResolutionCsv(f.model, {}, QStringLiteral("loss")));
    QCOMPARE(rows.size(), 1 + 123 + 77);
    QCOMPARE(rows[1][2], QStringLiteral("0"));
    QCOMPARE(rows[1][6].toDouble(), f.model.run(0).value[0]);
}

void TestCurvePipeline::hiddenRunsAreListedButNotDrawn() {
    Fixture f;
    f.model.appendPoints(QStringLiteral("a"), curve(1000, 3.0, 16));
    f.model.appendPoints(QStringLiteral("b"), curve(1000, 200.0, 17));
    f.pipeline.setHidden(QStringLiteral("b"), true);
    const PlotFrame frame = f.pipeline.compute(300);
    QCOMPARE(frame.runs.size(), 2);
    QVERIFY(frame.runs[1].hidden);
    QVERIFY(frame.runs[1].line.isEmpty());
    QVERIFY(frame.y1 < 50);  // the hidden run does not widen the range
    QVERIFY(!plottedCsv(frame, QString()).contains(QStringLiteral("run B")));
}

void TestCurvePipeline::relativeTimeStartsAtZero() {
    Fixture f;
    f.model.appendPoints(QStringLiteral("a"), curve(401, 3.0, 18));
    CurveViewOptions o;
    o.xAxis = XAxisKind::RelativeTime;
    f.pipeline.setOptions(o);
    const PlotFrame frame = f.pipeline.compute(300);
    QCOMPARE(frame.x0, 0.0);
    QCOMPARE(frame.x1, 100.0);  // 400 steps x 0.25 s
}

void TestCurvePipeline::changingTheXAxisResetsTheZoom() {
    Fixture f;
    f.model.appendPoints(QStringLiteral("a"), curve(1000, 3.0, 19));
    f.pipeline.setXRange(10, 20);
    QVERIFY(!f.pipeline.isAutoX());
    CurveViewOptions o;
    o.xAxis = XAxisKind::Flops;
    f.pipeline.setOptions(o);
    QVERIFY(f.pipeline.isAutoX());
    const PlotFrame frame = f.pipeline.compute(300);
    QCOMPARE(frame.x1, 6e6 * 4096.0 * 999);
}

void TestCurvePipeline::denseRawLinesGoToTheRasteriser() {
    Fixture f;
    f.model.appendPoints(QStringLiteral("a"), curve(20000, 3.0, 20));
    const PlotFrame dense = f.pipeline.compute(500, 400);
    QVERIFY(dense.runs[0].rasterised);  // 40 points per column: rasterised from the exact envelope
    QVERIFY(dense.runs[0].line.size() > 500 && dense.runs[0].line.size() <= 4 * 500 + 2);
    f.pipeline.setXRange(1000, 1300);  // zoomed in: under one point per column
    const PlotFrame sparse = f.pipeline.compute(500, 400);
    QVERIFY(!sparse.runs[0].rasterised);  // an antialiased series
    QCOMPARE(sparse.runs[0].line.size(), qsizetype(301 + 2));
}

void TestCurvePipeline::smoothLinesKeepAboutOnePointPerColumnWithinAPixel() {
    Fixture f;
    f.model.appendPoints(QStringLiteral("a"), curve(100000, 3.0, 22, 0, 1e-4));  // a smooth curve
    CurveViewOptions o;
    o.smoothing.kind = SmoothingKind::Ema;
    o.smoothing.emaWeight = 0.99;
    f.pipeline.setOptions(o);
    const int columns = 600, rows = 400;
    const PlotFrame exact = f.pipeline.compute(columns, 0);
    const PlotFrame merged = f.pipeline.compute(columns, rows);
    QVERIFY(!merged.runs[0].rasterised);
    QVERIFY2(merged.runs[0].line.size() <= CurvePipeline::kSeriesPointsPerColumn * columns + 4,
             qPrintable(QStringLiteral("%1 points for %2 columns").arg(merged.runs[0].line.size()).arg(columns)));
    QVERIFY(exact.runs[0].line.size() > merged.runs[0].line.size());
    // Rasterised, every pixel of one lies within one pixel of a pixel of the other.
    QImage a(columns, rows, QImage::Format_ARGB32_Premultiplied), b(columns, rows, QImage::Format_ARGB32_Premultiplied);
    EnvelopeItem::rasterise(a, {{Qt::black, exact.runs[0].line, 255}}, exact.x0, exact.x1, exact.y0, exact.y1);
    EnvelopeItem::rasterise(b, {{Qt::black, merged.runs[0].line, 255}}, merged.x0, merged.x1, merged.y0, merged.y1);
    auto near = [](const QImage& img, int x, int y) {
        for (int dy = -1; dy <= 1; ++dy)
            for (int dx = -1; dx <= 1; ++dx) {
                const int px = x + dx, py = y + dy;
                if (px >= 0 && py >= 0 && px < img.width() && py < img.height() && qAlpha(img.pixel(px, py)) > 0) return true;
            }
        return false;
    };
    int inked = 0;
    for (int y = 0; y < rows; ++y)
        for (int x = 0; x < columns; ++x) {
            if (qAlpha(a.pixel(x, y)) > 0) {
                ++inked;
                QVERIFY2(near(b, x, y), qPrintable(QStringLiteral("pixel %1,%2 lost").arg(x).arg(y)));
            }
            if (qAlpha(b.pixel(x, y)) > 0) QVERIFY2(near(a, x, y), qPrintable(QStringLiteral("pixel %1,%2 added").arg(x).arg(y)));
        }
    QVERIFY(inked > columns);
}

QTEST_GUILESS_MAIN(TestCurvePipeline)
#include "tst_curve_pipeline.moc"
