// SPDX-License-Identifier: MIT
// LossChartView offscreen: it renders a non-blank chart in the runs' colours, the series hold exactly
// the frame's points, the plotted CSV equals what the series show, the readout is sorted and copied
// by Ctrl+C, streaming updates are coalesced, zoom/pan/reset by mouse and keyboard, toolbar
// validation, exports (axes and legend labels: tst_loss_chart_axes.cpp). Set SEQSCOPE_SCREENSHOT_DIR
// to keep the rendered PNGs.
#include "crosshair_item.h"
#include "curve_band_item.h"
#include "curve_csv.h"
#include "envelope_item.h"
#include "loss_chart_canvas.h"
#include "loss_chart_fixture.h"
#include "loss_chart_toolbar.h"
#include "loss_chart_view.h"
#include "plot_axes_item.h"
#include "run_colors.h"

#include <QApplication>
#include <QChart>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QLineSeries>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <random>

using namespace seqscope::widgets;
using namespace seqscope::widgets::testing;

class TestLossChartView : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void rendersANonBlankChartInTheRunColours();
    void seriesHoldExactlyTheFramePoints();
    void plottedCsvMatchesWhatTheSeriesShow();
    void smoothingDrawsTheRawShadowBehindTheLine();
    void readoutIsSortedByValueAndCopiedWithCtrlC();
    void clickPinsTheReadoutAndEscapeReleasesIt();
    void streamingUpdatesAreCoalesced();
    void streamingRedrawsWithoutBeingAsked();
    void keyboardZoomPanAndHomeReset();
    void wheelZoomsAroundTheCursor();
    void dragBoxZoomsBothAxes();
    void toolbarTogglesLogScalesAndAxis();
    void invalidManualRangeIsRefusedWithAReason();
    void hiddenRunsStayInTheLegend();
    void exportsWritePngSvgAndCsv();
    void publicationExportsPngAtDpiPdfAndLongCsv();
    void groupsDrawOneMeanWithBandAndMembersOnDemand();
    void emptyViewSaysWhatToDo();

private:
    LossChartView* m_view = nullptr;
};

void TestLossChartView::init() {
    m_view = new LossChartView;
    m_view->resize(1200, 700);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view));
}

void TestLossChartView::cleanup() {
    delete m_view;
    m_view = nullptr;
}

void TestLossChartView::rendersANonBlankChartInTheRunColours() {
    fill(*m_view);
    m_view->flushUpdates();
    const QImage image = m_view->canvas()->grab().toImage();
    saveShot(*m_view, QStringLiteral("loss_chart_raw.png"));
    QHash<QRgb, int> colours;
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2) ++colours[image.pixel(x, y) | 0xff000000];
    QVERIFY2(colours.size() > 20, "the chart is blank");
    for (const RunCurveInfo& run : threeRuns()) {
        const QColor c = runColor(run.key);
        int near = 0;
        for (auto it = colours.cbegin(); it != colours.cend(); ++it) {
            const QColor p(it.key());
            if (std::abs(p.red() - c.red()) + std::abs(p.green() - c.green()) + std::abs(p.blue() - c.blue()) < 30)
                near += it.value();
        }
        QVERIFY2(near > 50, qPrintable(QStringLiteral("run %1's colour is not on screen").arg(run.key)));
    }
    // Axes carry labels on both sides.
    QVERIFY(m_view->canvas()->axesItem()->xTicks().size() >= 3);
    QVERIFY(m_view->canvas()->axesItem()->yTicks().size() >= 3);
}

void TestLossChartView::seriesHoldExactlyTheFramePoints() {
    fill(*m_view, 60000);
    m_view->flushUpdates();
    const PlotFrame& frame = m_view->frame();
    QCOMPARE(frame.runs.size(), 3);
    QCOMPARE(frame.columns, m_view->canvas()->plotColumns());
    for (const PlottedRun& run : frame.runs) {
        QLineSeries* series = m_view->canvas()->lineSeries(run.key);
        QVERIFY(series);
        QCOMPARE(series->color(), runColor(run.key));
        // Dense raw lines (60k points, ~1k columns) are rasterised from their envelope instead.
        QVERIFY(run.rasterised);
        QVERIFY(series->points().isEmpty());
        QVERIFY(run.line.size() > frame.columns / 2 && run.line.size() <= 4 * frame.columns + 2);
        QVERIFY(run.maxPerColumn > 1);
    }
    CurveViewOptions o = m_view->options();
    o.smoothing.kind = SmoothingKind::Ema;
    o.smoothing.emaWeight = 0.999;  // a smooth line: about one point per column, drawn by the series
    QVERIFY(m_view->setOptions(o));
    m_view->flushUpdates();
    for (const PlottedRun& run : m_view->frame().runs) {
        QVERIFY(!run.rasterised);
        QCOMPARE(m_view->canvas()->lineSeries(run.key)->points(), run.line);
        QVERIFY(!run.line.isEmpty() && run.line.size() < 2 * frame.columns);
    }
}

void TestLossChartView::plottedCsvMatchesWhatTheSeriesShow() {
    fill(*m_view);
    CurveViewOptions o = m_view->options();
    o.logX = true;
    o.smoothing.kind = SmoothingKind::Ema;
    o.smoothing.emaWeight = 0.9;
    QVERIFY(m_view->setOptions(o));
    m_view->flushUpdates();
    const QStringList lines = m_view->plottedCsv().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QHash<QString, QVector<QPointF>> fromCsv;
    for (const QString& line : lines) {
        if (line.startsWith(QLatin1Char('#')) || line.startsWith(QLatin1String("run,"))) continue;
        const QStringList f = line.split(QLatin1Char(','));
        if (f[2] == QLatin1String("line")) fromCsv[f[0]].push_back(QPointF(f[4].toDouble(), f[5].toDouble()));
    }
    for (const PlottedRun& run : m_view->frame().runs) {
        // What is on screen: the series' points, or the points the rasteriser drew.
        const QList<QPointF> series = m_view->canvas()->lineSeries(run.key)->points();
        const QList<QPointF> shown = run.rasterised ? run.line : series;
        if (!run.rasterised) QCOMPARE(series, run.line);
        QVERIFY(!shown.isEmpty());
        const QVector<QPointF>& csv = fromCsv[run.key];
        QCOMPARE(csv.size(), shown.size());
        for (int i = 0; i < shown.size(); ++i) {
            // The series is in display space (log10 x); the CSV in data units.
            QCOMPARE(csv[i].x(), std::pow(10.0, shown[i].x()));
            QCOMPARE(csv[i].y(), shown[i].y());
        }
    }
    QVERIFY(lines.join(QLatin1Char('\n')).contains(QStringLiteral("ema_debiased(w=0.9)+m4")));
}

void TestLossChartView::smoothingDrawsTheRawShadowBehindTheLine() {
    fill(*m_view, 30000);
    CurveViewOptions o = m_view->options();
    o.smoothing.kind = SmoothingKind::Ema;
    o.smoothing.emaWeight = 0.95;
    QVERIFY(m_view->setOptions(o));
    m_view->flushUpdates();
    saveShot(*m_view, QStringLiteral("loss_chart_ema.png"));
    for (const PlottedRun& run : m_view->frame().runs) {
        QVERIFY(!run.shadow.isEmpty());
        QCOMPARE(m_view->canvas()->lineSeries(run.key)->pen().widthF(), 2.0);
        if (!run.rasterised) QCOMPARE(m_view->canvas()->lineSeries(run.key)->points(), run.line);
    }
    QVERIFY(m_view->canvas()->envelopeItem()->zValue() < 4);  // below Qt Charts' series layer
    o.showRawShadow = false;
    QVERIFY(m_view->setOptions(o));
    m_view->flushUpdates();
    for (const PlottedRun& run : m_view->frame().runs) QVERIFY(run.shadow.isEmpty());
}

void TestLossChartView::readoutIsSortedByValueAndCopiedWithCtrlC() {
    fill(*m_view);
    m_view->flushUpdates();
    LossChartCanvas* canvas = m_view->canvas();
    QTest::mouseMove(canvas->viewport(), plotPoint(canvas, 0.3, 0.5));
    QTRY_VERIFY(!canvas->readout().isEmpty());
    const QVector<ReadoutEntry> r = canvas->readout();
    QCOMPARE(r.size(), 3);
    for (int i = 1; i < r.size(); ++i) QVERIFY(r[i - 1].value <= r[i].value);
    saveShot(*m_view, QStringLiteral("loss_chart_readout.png"));

    QApplication::clipboard()->clear();
    QTest::keyClick(canvas, Qt::Key_C, Qt::ControlModifier);
    const QString copied = QApplication::clipboard()->text();
    QCOMPARE(copied, m_view->readoutText());
    const QStringList rows = copied.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(rows.size(), 4);
    QCOMPARE(rows[0], QStringLiteral("run\tlabel\tstep\tstep\ttrain_loss"));
    double previous = -INFINITY;
    for (int i = 1; i < rows.size(); ++i) {
        const double value = rows[i].section(QLatin1Char('\t'), 4, 4).toDouble();
        QVERIFY(value >= previous);
        previous = value;
    }
}

void TestLossChartView::clickPinsTheReadoutAndEscapeReleasesIt() {
    fill(*m_view);
    m_view->flushUpdates();
    LossChartCanvas* canvas = m_view->canvas();
    const QPoint at = plotPoint(canvas, 0.25, 0.5);
    QTest::mouseMove(canvas->viewport(), at);
    QTest::mouseClick(canvas->viewport(), Qt::LeftButton, Qt::NoModifier, at);
    QVERIFY(canvas->isReadoutPinned());
    const qint64 pinnedStep = canvas->readout().front().step;
    QTest::mouseMove(canvas->viewport(), plotPoint(canvas, 0.7, 0.5));
    QCOMPARE(canvas->readout().front().step, pinnedStep);  // hover does not move a pinned readout
    QTest::keyClick(canvas, Qt::Key_Escape);
    QVERIFY(!canvas->isReadoutPinned());
}

void TestLossChartView::streamingUpdatesAreCoalesced() {
    m_view->setMetric(QStringLiteral("train_loss"));
    m_view->setRuns(threeRuns());
    m_view->flushUpdates();
    QSignalSpy frames(m_view, &LossChartView::frameUpdated);
    for (int batch = 0; batch < 100; ++batch)  // 100 batches arrive before the event loop runs
        for (const RunCurveInfo& run : threeRuns())
            m_view->appendPoints(run.key, curve(batch * 50, batch * 50 + 50, 2.5, batch));
    QCOMPARE(frames.count(), 0);
    QTRY_VERIFY(frames.count() >= 1);
    QCOMPARE(m_view->frame().visiblePoints, qint64(3 * 5000));  // the first redraw already had all 100 batches
    QVERIFY(frames.count() <= 3);  // the data redraw plus at most layout-settling redraws, not 100
}

void TestLossChartView::streamingRedrawsWithoutBeingAsked() {
    fill(*m_view, 1000);
    m_view->flushUpdates();
    QSignalSpy frames(m_view, &LossChartView::frameUpdated);
    m_view->appendPoints(QStringLiteral("17"), curve(1000, 1100, 2.4, 9));
    QTRY_VERIFY(frames.count() >= 1);  // the coalescing timer fires on its own
    QCOMPARE(m_view->model().run(0).size(), size_t(1100));
    QCOMPARE(m_view->frame().x1, 1099.0);  // automatic x follows the live run
}

void TestLossChartView::keyboardZoomPanAndHomeReset() {
    fill(*m_view);
    m_view->flushUpdates();
    LossChartCanvas* canvas = m_view->canvas();
    const double fullLo = m_view->frame().x0, fullHi = m_view->frame().x1;
    canvas->setFocus();
    QTest::keyClick(canvas, Qt::Key_Plus);
    m_view->flushUpdates();
    const double span = m_view->frame().x1 - m_view->frame().x0;
    QVERIFY(span < 0.85 * (fullHi - fullLo));
    const double before = m_view->frame().x0;
    QTest::keyClick(canvas, Qt::Key_Right);
    m_view->flushUpdates();
    QVERIFY(std::abs(m_view->frame().x0 - (before + 0.1 * span)) < 1e-6 * span);
    QTest::keyClick(canvas, Qt::Key_Home);
    m_view->flushUpdates();
    QCOMPARE(m_view->frame().x0, fullLo);
    QCOMPARE(m_view->frame().x1, fullHi);
}

void TestLossChartView::wheelZoomsAroundTheCursor() {
    fill(*m_view);
    m_view->flushUpdates();
    LossChartCanvas* canvas = m_view->canvas();
    const QPoint at = plotPoint(canvas, 0.25, 0.5);
    const double u = m_view->frame().x0 + 0.25 * (m_view->frame().x1 - m_view->frame().x0);
    QWheelEvent wheel(at, canvas->viewport()->mapToGlobal(at), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(canvas->viewport(), &wheel);
    m_view->flushUpdates();
    const PlotFrame& f = m_view->frame();
    QVERIFY(f.x1 - f.x0 < 0.9 * 7999);
    // The point under the cursor stays under the cursor.
    QVERIFY(std::abs((u - f.x0) / (f.x1 - f.x0) - 0.25) < 0.01);
}

void TestLossChartView::dragBoxZoomsBothAxes() {
    fill(*m_view);
    m_view->flushUpdates();
    LossChartCanvas* canvas = m_view->canvas();
    const PlotFrame before = m_view->frame();
    QTest::mousePress(canvas->viewport(), Qt::LeftButton, Qt::NoModifier, plotPoint(canvas, 0.5, 0.5));
    QTest::mouseMove(canvas->viewport(), plotPoint(canvas, 0.75, 0.8));
    QTest::mouseRelease(canvas->viewport(), Qt::LeftButton, Qt::NoModifier, plotPoint(canvas, 0.75, 0.8));
    m_view->flushUpdates();
    const PlotFrame& after = m_view->frame();
    const double spanX = before.x1 - before.x0, spanY = before.y1 - before.y0;
    QVERIFY(std::abs(after.x0 - (before.x0 + 0.5 * spanX)) < 0.01 * spanX);
    QVERIFY(std::abs(after.x1 - (before.x0 + 0.75 * spanX)) < 0.01 * spanX);
    QVERIFY(std::abs(after.y1 - (before.y1 - 0.5 * spanY)) < 0.01 * spanY);
    QCOMPARE(m_view->options().yMode, YRangeMode::Manual);
    QCOMPARE(m_view->toolbar()->yModeBox()->currentData().toInt(), int(YRangeMode::Manual));
    QTest::mouseDClick(canvas->viewport(), Qt::LeftButton, Qt::NoModifier, plotPoint(canvas, 0.5, 0.5));
    m_view->flushUpdates();
    QCOMPARE(m_view->frame().x0, before.x0);
    QCOMPARE(m_view->options().yMode, YRangeMode::Robust);
}

void TestLossChartView::toolbarTogglesLogScalesAndAxis() {
    fill(*m_view);
    m_view->flushUpdates();
    LossChartToolbar* bar = m_view->toolbar();
    QSignalSpy changed(m_view, &LossChartView::optionsChanged);
    bar->logYBox()->setChecked(true);
    bar->logXBox()->setChecked(true);
    bar->xAxisBox()->setCurrentIndex(bar->xAxisBox()->findData(int(XAxisKind::Tokens)));
    QCOMPARE(changed.count(), 3);
    QVERIFY(m_view->options().logX && m_view->options().logY);
    QCOMPARE(m_view->options().xAxis, XAxisKind::Tokens);
    m_view->flushUpdates();
    saveShot(*m_view, QStringLiteral("loss_chart_loglog.png"));
    QCOMPARE(m_view->canvas()->axesItem()->xTitle(), QStringLiteral("Tokens (log scale)"));
    QCOMPARE(m_view->frame().x0, std::log10(8192.0));  // step 0 (0 tokens) is not drawable on log-x
    QVERIFY(m_view->canvas()->axesItem()->yTicks().size() >= 2);  // sub-decade ticks on the log loss axis
}

void TestLossChartView::invalidManualRangeIsRefusedWithAReason() {
    fill(*m_view);
    m_view->flushUpdates();
    LossChartToolbar* bar = m_view->toolbar();
    bar->yMinEdit()->setText(QStringLiteral("abc"));
    bar->yMaxEdit()->setText(QStringLiteral("4"));
    emit bar->yMinEdit()->editingFinished();
    QCOMPARE(m_view->options().yMode, YRangeMode::Robust);
    QCOMPARE(bar->yMinEdit()->toolTip(), QStringLiteral("Lower y limit “abc” is not a number"));
    bar->yMinEdit()->setText(QStringLiteral("5"));
    emit bar->yMinEdit()->editingFinished();
    QCOMPARE(m_view->options().yMode, YRangeMode::Robust);
    QVERIFY(bar->yMinEdit()->toolTip().startsWith(QStringLiteral("Invalid y range: manual y range needs finite min < max")));
    bar->yMinEdit()->setText(QStringLiteral("2.5"));
    emit bar->yMinEdit()->editingFinished();
    QCOMPARE(m_view->options().yMode, YRangeMode::Manual);
    m_view->flushUpdates();
    QCOMPARE(m_view->frame().y0, 2.5);
    QCOMPARE(m_view->frame().y1, 4.0);
}

void TestLossChartView::hiddenRunsStayInTheLegend() {
    fill(*m_view);
    m_view->setRunHidden(QStringLiteral("18"), true);
    m_view->flushUpdates();
    QLineSeries* hidden = m_view->canvas()->lineSeries(QStringLiteral("18"));
    QVERIFY(hidden);
    QVERIFY(hidden->points().isEmpty());
    QVERIFY(m_view->canvas()->chart()->series().contains(hidden));
    QVERIFY(!m_view->plottedCsv().contains(QStringLiteral("transformer-40M")));
}

void TestLossChartView::exportsWritePngSvgAndCsv() {
    fill(*m_view);
    m_view->flushUpdates();
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString png = dir.filePath(QStringLiteral("c.png")), svg = dir.filePath(QStringLiteral("c.svg")),
                  csv = dir.filePath(QStringLiteral("c.csv")), full = dir.filePath(QStringLiteral("f.csv"));
    QVERIFY(m_view->exportPng(png));
    QImage image(png);
    QCOMPARE(image.size(), m_view->canvas()->chart()->size().toSize() * 2);
    QVERIFY(m_view->exportPng(png, QSize(800, 500), 1.0));
    QCOMPARE(QImage(png).size(), QSize(800, 500));
    QCOMPARE(m_view->canvas()->chart()->size().toSize(), image.size() / 2);  // the view was restored
    QVERIFY(m_view->exportSvg(svg, QSize(640, 400)));
    QFile s(svg);
    QVERIFY(s.open(QIODevice::ReadOnly));
    const QByteArray svgText = s.readAll();
    QVERIFY(svgText.contains("<svg"));
    QVERIFY(svgText.contains("train_loss"));
    QVERIFY2(svgText.contains("viewBox=\"0 0 640 400\""), svgText.left(400).constData());
    QCOMPARE(m_view->canvas()->chart()->size().toSize(), image.size() / 2);
    QVERIFY(m_view->exportPlottedCsv(csv));
    QFile c(csv);
    QVERIFY(c.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(c.readAll()), m_view->plottedCsv());
    QVERIFY(m_view->exportFullResolutionCsv(full));
    QFile fc(full);
    QVERIFY(fc.open(QIODevice::ReadOnly));
    QCOMPARE(fc.readAll().count('\n'), qsizetype(2 + 1 + 8000 + 6000 + 4000));
    QSignalSpy failed(m_view, &LossChartView::exportFailed);
    QVERIFY(!m_view->exportPlottedCsv(dir.filePath(QStringLiteral("missing/dir/x.csv"))));
    QCOMPARE(failed.count(), 1);
}

void TestLossChartView::publicationExportsPngAtDpiPdfAndLongCsv() {
    fill(*m_view);
    CurveViewOptions o = m_view->options();
    o.smoothing.kind = SmoothingKind::TimeEma;
    o.smoothing.tau = 50;
    QVERIFY(m_view->setOptions(o));
    m_view->setRunHidden(QStringLiteral("18"), true);  // hidden in the legend, still exported in full
    m_view->flushUpdates();
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString png = dir.filePath(QStringLiteral("p.png")), pdf = dir.filePath(QStringLiteral("p.pdf")),
                  csv = dir.filePath(QStringLiteral("all.csv"));
    QVERIFY(m_view->exportPngDpi(png, 300, QSize(480, 300)));
    const QImage image(png);
    QCOMPARE(image.size(), QSize(1500, 938));  // 480 x 300 logical px at 300 / 96
    QCOMPARE(qRound(image.dotsPerMeterX() * 0.0254), 300);
    QVERIFY2(image.text(QStringLiteral("Description")).contains(QStringLiteral("ema_time_weighted(tau=50 steps)")),
             qPrintable(image.text(QStringLiteral("Description"))));
    QSignalSpy failed(m_view, &LossChartView::exportFailed);
    QVERIFY(!m_view->exportPngDpi(png, 5));
    QCOMPARE(failed.count(), 1);
    QVERIFY(failed.first().first().toString().contains(QStringLiteral("5 dpi")));

    const QSize onScreen = m_view->canvas()->chart()->size().toSize();
    QVERIFY(m_view->exportPdf(pdf, QSize(640, 400)));
    QCOMPARE(m_view->canvas()->chart()->size().toSize(), onScreen);  // the view was restored
    QFile p(pdf);
    QVERIFY(p.open(QIODevice::ReadOnly));
    const QByteArray pdfBytes = p.readAll();
    QVERIFY(pdfBytes.startsWith("%PDF-"));
    if (!qEnvironmentVariableIsEmpty("SEQSCOPE_SCREENSHOT_DIR")) QFile::copy(pdf, qEnvironmentVariable("SEQSCOPE_SCREENSHOT_DIR") + QStringLiteral("/chart.pdf"));
    QVERIFY(pdfBytes.contains("/MediaBox [0 0 480.000000 300.000000]"));  // 640 x 400 px at 96 per inch, in points
    // The title names the smoothing (UTF-16 in the PDF info dictionary).
    QByteArray utf16be;  // the title is UTF-16 BE; parentheses would be escaped, so the name only
    for (char ch : QByteArray("ema_time_weighted")) utf16be.append('\0').append(ch);
    QVERIFY(pdfBytes.contains(utf16be));

    QVERIFY(m_view->exportFullResolutionCsv(csv));
    QFile c(csv);
    QVERIFY(c.open(QIODevice::ReadOnly | QIODevice::Text));
    const QStringList lines = QString::fromUtf8(c.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY(lines[1].contains(QStringLiteral("ema_time_weighted(tau=50 steps)")));
    QCOMPARE(lines[2], QStringLiteral("run,metric,step,tokens,flops,wall_time,value"));
    QCOMPARE(lines.size(), 3 + 8000 + 6000 + 4000);  // every run, the hidden one too
    QVERIFY(lines[3].startsWith(QStringLiteral("17,train_loss,0,0,")));
    QVERIFY(lines.last().startsWith(QStringLiteral("21,train_loss,3999,")));
}

void TestLossChartView::groupsDrawOneMeanWithBandAndMembersOnDemand() {
    m_view->setMetric(QStringLiteral("train_loss"));
    QVector<RunCurveInfo> runs;
    for (int s = 0; s < 3; ++s)
        runs.push_back({QStringLiteral("s%1").arg(s), QStringLiteral("seed %1").arg(s), false, QStringLiteral("xlstm|lr=3e-3"),
                        QStringLiteral("xlstm lr=3e-3 (3 seeds)")});
    runs.push_back({QStringLiteral("t"), QStringLiteral("transformer"), false, {}, {}});
    m_view->setRuns(runs);
    for (int s = 0; s < 3; ++s) m_view->appendPoints(runs[s].key, curve(0, 3000, 2.3 + 0.05 * s, 10 + s));
    m_view->appendPoints(QStringLiteral("t"), curve(0, 3000, 2.6, 20));
    m_view->flushUpdates();
    QVERIFY(m_view->toolbar()->bandBox()->isVisible());
    // The legend lists the group once (with N) and the ungrouped run; the seeds are not listed.
    QStringList names;
    for (QAbstractSeries* series : m_view->canvas()->chart()->series()) names << series->name();
    QCOMPARE(names.size(), 2);
    QVERIFY2(names.contains(QStringLiteral("xlstm lr=3e-3 (3 seeds) (N=3)")), qPrintable(names.join(QLatin1Char('|'))));
    QLineSeries* mean = m_view->canvas()->lineSeries(QStringLiteral("xlstm|lr=3e-3"));
    QVERIFY(mean && mean->count() > m_view->canvas()->plotColumns() * 9 / 10);
    QCOMPARE(mean->color().rgb(), runColor(QStringLiteral("xlstm|lr=3e-3")).rgb());
    const CurveBandItem* bands = m_view->canvas()->bandItem();
    QCOMPARE(bands->bands().size(), 1);
    const qsizetype withoutMembers = m_view->canvas()->envelopeItem() ? m_view->frame().drawnPoints : 0;

    // Min-max band: every member lies inside it at each column centre (checked on the frame).
    m_view->toolbar()->bandBox()->setCurrentIndex(m_view->toolbar()->bandBox()->findData(static_cast<int>(BandKind::MinMax)));
    m_view->flushUpdates();
    QCOMPARE(m_view->options().band, BandKind::MinMax);
    const PlottedRun* group = nullptr;
    for (const PlottedRun& run : m_view->frame().runs)
        if (run.isGroup) group = &run;
    QVERIFY(group);
    for (qsizetype i = 0; i < group->line.size(); ++i)
        QVERIFY(group->bandLo[i].y() <= group->line[i].y() && group->line[i].y() <= group->bandHi[i].y());
    const QString csv = m_view->plottedCsv();
    QVERIFY(csv.contains(QStringLiteral("band_hi")));
    // The mean line is labelled as a group statistic, not as an envelope of one run.
    QVERIFY(csv.contains(QStringLiteral("xlstm|lr=3e-3,xlstm lr=3e-3 (3 seeds),line,\"group min..max of raw")));

    // Members on demand: drawn faded in the group colour, still out of the legend.
    m_view->toolbar()->membersBox()->setChecked(true);
    m_view->flushUpdates();
    QVERIFY(m_view->options().showGroupMembers);
    QVERIFY(m_view->frame().drawnPoints > withoutMembers);
    QCOMPARE(m_view->canvas()->chart()->series().size(), 2);
    saveShot(*m_view, QStringLiteral("loss_chart_groups.png"));

    // Hiding the group from the legend hides its mean, band and members.
    m_view->setRunHidden(QStringLiteral("xlstm|lr=3e-3"), true);
    m_view->flushUpdates();
    QVERIFY(m_view->canvas()->lineSeries(QStringLiteral("xlstm|lr=3e-3"))->points().isEmpty());
    QVERIFY(bands->bands().isEmpty());
}

void TestLossChartView::emptyViewSaysWhatToDo() {
    m_view->flushUpdates();
    QVERIFY(!m_view->frame().hasData);
    saveShot(*m_view, QStringLiteral("loss_chart_empty.png"));
    const QImage image = m_view->canvas()->grab().toImage();
    QVERIFY(!image.isNull());
    QCOMPARE(m_view->readoutText(), QString());
}

QTEST_MAIN(TestLossChartView)
#include "tst_loss_chart_view.moc"
