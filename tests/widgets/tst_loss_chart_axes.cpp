// SPDX-License-Identifier: MIT
// The loss chart's own axes and legend labels (issue 20): the plot leaves room for the labels and
// titles, the ticks follow the frame, the grid is drawn, and the legend counts each run's clipped
// points (anchors R14) while renaming at most every 250 ms during live frames.
#include "loss_chart_canvas.h"
#include "loss_chart_fixture.h"
#include "loss_chart_view.h"
#include "plot_axes_item.h"

#include <QLineSeries>
#include <QTest>
#include <cmath>

using namespace seqscope::widgets;
using namespace seqscope::widgets::testing;

class TestLossChartAxes : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void axisLabelsAndGridFollowTheFrame();
    void legendCountsClippedPointsAtMostFourTimesASecond();

private:
    LossChartView* m_view = nullptr;
};

void TestLossChartAxes::init() {
    m_view = new LossChartView;
    m_view->resize(1200, 700);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view));
}

void TestLossChartAxes::cleanup() {
    delete m_view;
    m_view = nullptr;
}

void TestLossChartAxes::axisLabelsAndGridFollowTheFrame() {
    fill(*m_view);
    m_view->flushUpdates();
    LossChartCanvas* canvas = m_view->canvas();
    const PlotAxesItem* axes = canvas->axesItem();
    // The plot leaves room for the labels and titles the axes item draws.
    const QRectF area = canvas->plotAreaRect();
    QVERIFY(area.left() >= axes->requiredLeft());
    QVERIFY(canvas->chart()->size().height() - area.bottom() >= axes->requiredBottom());
    QCOMPARE(axes->yTitle(), QStringLiteral("train_loss"));
    QCOMPARE(axes->xTitle(), QStringLiteral("Step"));
    // Ticks cover the frame's range, in display space.
    for (const AxisTick& t : axes->xTicks()) QVERIFY(t.position >= m_view->frame().x0 && t.position <= m_view->frame().x1);
    for (const AxisTick& t : axes->yTicks()) QVERIFY(t.position >= m_view->frame().y0 && t.position <= m_view->frame().y1);

    // Text-coloured pixels left of the plot (y labels) and below it (x labels); a grid row of
    // pixels across the plot at an inner y tick.
    const QImage image = canvas->grab().toImage();
    const QPointF origin = canvas->mapFromScene(canvas->chart()->mapToScene(area.topLeft()));
    const QColor text = canvas->palette().color(QPalette::Text), base = canvas->palette().color(QPalette::Base);
    auto inkIn = [&](const QRect& r) {
        int ink = 0;
        for (int y = std::max(0, r.top()); y <= std::min(image.height() - 1, r.bottom()); ++y)
            for (int x = std::max(0, r.left()); x <= std::min(image.width() - 1, r.right()); ++x) {
                const QColor p = image.pixelColor(x, y);
                if (std::abs(p.lightness() - base.lightness()) > std::abs(text.lightness() - base.lightness()) / 2) ++ink;
            }
        return ink;
    };
    const int left = qRound(origin.x()), top = qRound(origin.y());
    QVERIFY(inkIn(QRect(0, top, left - 2, qRound(area.height()))) > 100);
    QVERIFY(inkIn(QRect(left, top + qRound(area.height()) + 2, qRound(area.width()), 30)) > 100);
    const AxisTick tick = axes->yTicks().at(axes->yTicks().size() / 2);
    const int gridY = top + static_cast<int>((m_view->frame().y1 - tick.position) /
                                             (m_view->frame().y1 - m_view->frame().y0) * area.height());
    int gridPixels = 0;  // the best of the rows around it (rounding of the plot's edge)
    for (int y = gridY - 2; y <= gridY + 2; ++y) {
        int row = 0;
        for (int x = left + 2; x < left + qRound(area.width()) - 2; ++x)
            if (image.pixelColor(x, y) != base) ++row;
        gridPixels = std::max(gridPixels, row);
    }
    QVERIFY2(gridPixels > area.width() * 0.9, qPrintable(QString::number(gridPixels)));

    // Zooming moves the ticks with the range.
    const double x0 = m_view->frame().x0, x1 = m_view->frame().x1;
    m_view->setXRange(x0 + 0.25 * (x1 - x0), x0 + 0.5 * (x1 - x0));
    m_view->flushUpdates();
    for (const AxisTick& t : axes->xTicks()) QVERIFY(t.position >= m_view->frame().x0 && t.position <= m_view->frame().x1);
    QVERIFY(axes->xTicks().size() >= 3);
}


void TestLossChartAxes::legendCountsClippedPointsAtMostFourTimesASecond() {
    fill(*m_view);
    m_view->flushUpdates();
    auto labelOf = [&](const QString& key) { return m_view->canvas()->lineSeries(key)->name(); };
    auto clippedOf = [&](const QString& key) {
        for (const PlottedRun& run : m_view->frame().runs)
            if (run.key == key) return run.clippedPoints;
        return qint64(-1);
    };
    // Anchors R14: the legend counts each run's clipped points.
    int counted = 0;
    for (const RunCurveInfo& run : threeRuns()) {
        const qint64 clipped = clippedOf(run.key);
        if (clipped > 0) {
            QVERIFY2(labelOf(run.key).endsWith(QStringLiteral(" (%1 clipped)").arg(clipped)), qPrintable(labelOf(run.key)));
            ++counted;
        } else {
            QVERIFY(!labelOf(run.key).contains(QStringLiteral("clipped")));
        }
    }
    QVERIFY(counted > 0);
    QStringList before;
    for (const RunCurveInfo& run : threeRuns()) before << labelOf(run.key);
    // A rename starts an interval; renames during it wait for its end, and the newest count wins.
    auto labels = [&] {
        QStringList out;
        for (const RunCurveInfo& run : threeRuns()) out << labelOf(run.key);
        return out;
    };
    auto countsMatch = [&] {
        for (const RunCurveInfo& run : threeRuns()) {
            const qint64 clipped = clippedOf(run.key);
            if (labelOf(run.key).contains(QStringLiteral("clipped")) != (clipped > 0)) return false;
            if (clipped > 0 && !labelOf(run.key).endsWith(QStringLiteral(" (%1 clipped)").arg(clipped))) return false;
        }
        return true;
    };
    const double x0 = m_view->frame().x0, x1 = m_view->frame().x1;
    m_view->setXRange(x0, x0 + 0.02 * (x1 - x0));  // the spiky start: other counts
    m_view->flushUpdates(false);
    QVERIFY(countsMatch());  // renamed at once: no interval was running
    const QStringList zoomed = labels();
    QVERIFY(zoomed != before);
    m_view->resetView();
    m_view->flushUpdates(false);
    QCOMPARE(labels(), zoomed);  // within the interval: unchanged
    QVERIFY(!countsMatch());
    QTRY_VERIFY_WITH_TIMEOUT(countsMatch(), 2000);
}

QTEST_MAIN(TestLossChartAxes)
#include "tst_loss_chart_axes.moc"
