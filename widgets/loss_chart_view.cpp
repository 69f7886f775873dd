// SPDX-License-Identifier: MIT
// Loss-curve view: owns the curve model and pipeline, coalesces updates, maps canvas and toolbar
// requests to view state, exports; see loss_chart_view.h.
#include "loss_chart_view.h"

#include "curve_csv.h"
#include "loss_chart_canvas.h"
#include "loss_chart_toolbar.h"

#include <QApplication>
#include <QChart>
#include <QClipboard>
#include <QFileDialog>
#include <QGraphicsLayout>
#include <QLabel>
#include <QLocale>
#include <QFileInfo>
#include <QMenu>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QStandardPaths>
#include <QSvgGenerator>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <limits>

namespace seqscope::widgets {

LossChartView::LossChartView(QWidget* parent) : QWidget(parent) {
    m_toolbar = new LossChartToolbar(this);
    m_canvas = new LossChartCanvas(this);
    m_status = new QLabel(this);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setWordWrap(true);   // a long status line wraps instead of widening the window
    m_status->setContentsMargins(6, 0, 6, 2);
    m_status->setToolTip(tr("Drag: zoom to box · Shift+drag or middle drag: pan · Wheel: zoom x (Ctrl+wheel: y)\n"
                            "Arrow keys: pan · +/−: zoom x · Home or double-click: reset view\n"
                            "Click: pin the readout (Esc releases) · Ctrl+C or right-click: copy the readout\n"
                            "Click a legend entry to hide or show that run"));
    QPalette statusPalette = m_status->palette();
    statusPalette.setColor(QPalette::WindowText, palette().color(QPalette::PlaceholderText));
    m_status->setPalette(statusPalette);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toolbar);
    layout->addWidget(m_canvas, 1);
    layout->addWidget(m_status);

    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &LossChartView::redraw);
    m_statusTimer = new QTimer(this);
    m_statusTimer->setSingleShot(true);
    connect(m_statusTimer, &QTimer::timeout, this, &LossChartView::applyStatus);
    m_sinceRedraw.start();

    m_canvas->setReadoutProvider(
        [this](double u, double tolerance) { return m_pipeline.readoutAt(u, tolerance); });
    connect(m_canvas, &LossChartCanvas::rectZoomRequested, this, &LossChartView::rectZoom);
    connect(m_canvas, &LossChartCanvas::xZoomRequested, this, &LossChartView::zoomX);
    connect(m_canvas, &LossChartCanvas::yZoomRequested, this, &LossChartView::zoomY);
    connect(m_canvas, &LossChartCanvas::panRequested, this, &LossChartView::pan);
    connect(m_canvas, &LossChartCanvas::resetRequested, this, &LossChartView::resetView);
    connect(m_canvas, &LossChartCanvas::copyRequested, this, &LossChartView::copyReadout);
    connect(m_canvas, &LossChartCanvas::legendToggled, this,
            [this](const QString& key) { setRunHidden(key, !m_pipeline.isHidden(key)); });
    // A new plot width needs a new envelope; label-width jitter while streaming is folded into the
    // next data redraw instead of doubling the redraw rate.
    connect(m_canvas, &LossChartCanvas::plotAreaResized, this, [this] { scheduleRedraw(kDataRefreshMs); });
    connect(m_canvas, &LossChartCanvas::contextMenuWanted, this, &LossChartView::showContextMenu);

    connect(m_toolbar, &LossChartToolbar::optionsEdited, this,
            [this](const CurveViewOptions& o) { applyOptions(o, true); });
    connect(m_toolbar, &LossChartToolbar::resetClicked, this, &LossChartView::resetView);
    connect(m_toolbar, &LossChartToolbar::forecastToggled, this, &LossChartView::setForecastsShown);
    connect(m_toolbar, &LossChartToolbar::copyReadoutClicked, this, &LossChartView::copyReadout);
    connect(m_toolbar, &LossChartToolbar::exportPngClicked, this, [this] {
        const QString path = askPath(tr("Export chart as PNG"), tr("PNG image (*.png)"), QStringLiteral(".png"));
        if (!path.isEmpty()) exportPng(path);
    });
    connect(m_toolbar, &LossChartToolbar::exportPngDpiClicked, this, [this](int dpi) {
        const QString path =
            askPath(tr("Export chart as PNG at %1 dpi").arg(dpi), tr("PNG image (*.png)"), QStringLiteral(".png"));
        if (!path.isEmpty()) exportPngDpi(path, dpi);
    });
    connect(m_toolbar, &LossChartToolbar::exportPdfClicked, this, [this] {
        const QString path = askPath(tr("Export chart as PDF"), tr("PDF document (*.pdf)"), QStringLiteral(".pdf"));
        if (!path.isEmpty()) exportPdf(path);
    });
    connect(m_toolbar, &LossChartToolbar::exportSvgClicked, this, [this] {
        const QString path = askPath(tr("Export chart as SVG"), tr("SVG image (*.svg)"), QStringLiteral(".svg"));
        if (!path.isEmpty()) exportSvg(path);
    });
    connect(m_toolbar, &LossChartToolbar::exportCsvClicked, this, [this] {
        const QString path = askPath(tr("Export plotted data"), tr("CSV file (*.csv)"), QStringLiteral(".csv"));
        if (!path.isEmpty()) exportPlottedCsv(path);
    });
    connect(m_toolbar, &LossChartToolbar::exportFullCsvClicked, this, [this] {
        const QString path =
            askPath(tr("Export full-resolution data"), tr("CSV file (*.csv)"), QStringLiteral(".csv"));
        if (!path.isEmpty()) exportFullResolutionCsv(path);
    });

    m_toolbar->setOptions(m_pipeline.options());
    scheduleRedraw(0);
}

LossChartView::~LossChartView() = default;

// --- data -----------------------------------------------------------------------------------------

void LossChartView::setRuns(const QVector<RunCurveInfo>& runs) {
    m_model.setRuns(runs);
    scheduleRedraw(0);
}

qsizetype LossChartView::appendPoints(const QString& runKey, const QVector<CurvePoint>& points) {
    const qsizetype appended = m_model.appendPoints(runKey, points);
    // Coalesce: at most one redraw per kDataRefreshMs, however many batches arrive.
    if (appended > 0) scheduleRedraw(std::max<int>(0, kDataRefreshMs - static_cast<int>(m_sinceRedraw.elapsed())));
    return appended;
}

void LossChartView::setMetric(const QString& metric) {
    if (metric == m_metric) return;
    m_metric = metric;
    m_model.clearPoints();
    m_forecasts.clear();
    m_pipeline.setAutoX();
    scheduleRedraw(0);
}

void LossChartView::clearPoints() {
    m_model.clearPoints();
    scheduleRedraw(0);
}

// --- view state -----------------------------------------------------------------------------------

bool LossChartView::setOptions(const CurveViewOptions& options) {
    if (!options.isValid(nullptr)) return false;
    applyOptions(options, false);
    return true;
}

void LossChartView::applyOptions(const CurveViewOptions& options, bool fromToolbar) {
    if (!options.isValid(nullptr)) return;
    m_pipeline.setOptions(options);
    if (!fromToolbar) m_toolbar->setOptions(options);
    emit optionsChanged(options);
    scheduleRedraw(0);
}

void LossChartView::setXRange(double lo, double hi) {
    const bool log = options().logX;
    m_pipeline.setXRange(CurvePipeline::toDisplay(lo, log), CurvePipeline::toDisplay(hi, log));
    scheduleRedraw(0);
}

void LossChartView::resetView() {
    m_pipeline.setAutoX();
    if (options().yMode == YRangeMode::Manual) {
        CurveViewOptions o = options();
        o.yMode = YRangeMode::Robust;  // the manual limits stay stored for the next switch to Manual
        applyOptions(o, false);
    }
    if (m_canvas->isReadoutPinned()) m_canvas->clearReadout();
    scheduleRedraw(0);
}

void LossChartView::setRunHidden(const QString& key, bool hidden) {
    m_pipeline.setHidden(key, hidden);
    scheduleRedraw(0);
}

void LossChartView::zoomX(double centre, double factor) {
    const double lo = m_pipeline.xLo(), hi = m_pipeline.xHi();
    const double a = centre - (centre - lo) * factor, b = centre + (hi - centre) * factor;
    if (!(b - a > 1e-12 * std::max(1.0, std::abs(centre)))) return;  // stop at the resolution of doubles
    m_pipeline.setXRange(a, b);
    scheduleRedraw(0);
}

void LossChartView::zoomY(double centre, double factor) {
    const PlotFrame& f = frame();
    double lo = f.y0, hi = f.y1;
    if (options().yMode == YRangeMode::Manual) {
        lo = CurvePipeline::toDisplay(options().manualYMin, options().logY);
        hi = CurvePipeline::toDisplay(options().manualYMax, options().logY);
    }
    setManualY(centre - (centre - lo) * factor, centre + (hi - centre) * factor);
}

void LossChartView::pan(double du, double dv) {
    if (du != 0) {
        m_pipeline.setXRange(m_pipeline.xLo() + du, m_pipeline.xHi() + du);
        scheduleRedraw(0);
    }
    if (dv != 0) {
        double lo = frame().y0, hi = frame().y1;
        if (options().yMode == YRangeMode::Manual) {
            lo = CurvePipeline::toDisplay(options().manualYMin, options().logY);
            hi = CurvePipeline::toDisplay(options().manualYMax, options().logY);
        }
        setManualY(lo + dv, hi + dv);
    }
}

void LossChartView::rectZoom(double u0, double u1, double v0, double v1) {
    m_pipeline.setXRange(u0, u1);
    if (v0 != frame().y0 || v1 != frame().y1) setManualY(v0, v1);
    scheduleRedraw(0);
}

void LossChartView::setManualY(double v0, double v1) {
    CurveViewOptions o = options();
    o.yMode = YRangeMode::Manual;
    o.manualYMin = CurvePipeline::toData(v0, o.logY);
    o.manualYMax = CurvePipeline::toData(v1, o.logY);
    if (!o.isValid(nullptr)) return;
    applyOptions(o, false);
}

// --- redraw ---------------------------------------------------------------------------------------

void LossChartView::scheduleRedraw(int delayMs) {
    if (m_timer->isActive() && m_timer->remainingTime() <= delayMs) return;
    m_timer->start(delayMs);
}

void LossChartView::flushUpdates(bool settleLayout) {
    // A redraw can change tick label widths, hence the plot area, hence the column count: deliver
    // the chart's posted layout events and redraw until the layout is stable (2 rounds in practice).
    for (int round = 0; round < (settleLayout ? 4 : 1); ++round) {
        if (m_timer->isActive()) {
            m_timer->stop();
            redraw();
        }
        if (settleLayout) {  // the newest status line and legend labels, which may move the plot
            m_statusTimer->stop();
            applyStatus();
            m_canvas->flushLegend();
        }
        QCoreApplication::sendPostedEvents();
        if (!m_timer->isActive()) break;
    }
}

const PlotFrame& LossChartView::frame() const { return m_canvas->frame(); }

void LossChartView::redraw() {
    QElapsedTimer timer;
    timer.start();
    const bool extended = extendXForForecasts();
    PlotFrame next = m_pipeline.compute(m_canvas->plotColumns(), m_canvas->plotRows());
    if (extended) m_pipeline.setAutoX();
    m_lastComputeMs = timer.nsecsElapsed() / 1e6;
    m_canvas->showFrame(next, m_metric);
    showForecastBands();
    const bool logY = next.options.logY;
    m_toolbar->setYRangeHint(CurvePipeline::toData(next.y0, logY), CurvePipeline::toData(next.y1, logY));
    m_toolbar->setGroupsPresent(next.hasGroups);
    updateStatus();
    m_sinceRedraw.restart();
    emit frameUpdated();
}

void LossChartView::updateStatus() {
    const PlotFrame& f = frame();
    const QLocale locale;
    int shown = 0, total = 0;
    qint64 clipped = 0, undrawable = 0;
    QSet<QString> hiddenGroups;
    for (const PlottedRun& run : f.runs)
        if (run.isGroup && run.hidden) hiddenGroups.insert(run.key);
    for (const PlottedRun& run : f.runs) {
        if (run.isGroup) continue;
        ++total;
        // A group's members count as shown while their group is (drawn as its mean).
        if (run.group.isEmpty() ? run.hidden : hiddenGroups.contains(run.group)) continue;
        ++shown;
        clipped += run.clippedPoints;
        undrawable += run.undrawablePoints;
    }
    if (f.runs.isEmpty()) {
        m_pendingStatus = tr("No runs selected");
        m_statusTimer->stop();
        applyStatus();
        return;
    }
    QStringList parts;
    if (total != shown)
        parts << tr("%1 of %2 runs shown").arg(shown).arg(total);
    else
        parts << tr("%n run(s)", nullptr, shown);
    parts << tr("%1 points in view").arg(locale.toString(f.visiblePoints));
    if (f.options.rawPoints)
        parts << tr("every point drawn");
    else if (f.maxPerColumn > 1)
        parts << tr("min/max envelope: up to %1 points per pixel column, %2 drawn")
                     .arg(locale.toString(f.maxPerColumn), locale.toString(f.drawnPoints));
    else
        parts << tr("no decimation needed");
    if (clipped > 0) parts << tr("%1 outside the y range (marked at the edge)").arg(locale.toString(clipped));
    if (undrawable > 0) {
        parts << ((f.options.logX || f.options.logY)
                      ? tr("%1 not drawable (non-finite, or ≤ 0 on a log axis)").arg(locale.toString(undrawable))
                      : tr("%1 non-finite values not drawn").arg(locale.toString(undrawable)));
    }
    if (!m_pipeline.isAutoX() || f.options.yMode == YRangeMode::Manual)
        parts << tr("zoomed: Home or double-click resets");
    else
        parts << tr("drag to zoom, Shift+drag to pan, click to pin");
    m_pendingStatus = parts.join(QStringLiteral("  ·  "));
    if (m_statusTimer->isActive()) return;  // shown when the interval ends
    applyStatus();
    m_statusTimer->start(kStatusIntervalMs);
}

void LossChartView::applyStatus() {
    if (m_status->text() != m_pendingStatus) m_status->setText(m_pendingStatus);
}

// --- output ---------------------------------------------------------------------------------------

QString LossChartView::plottedCsv() const { return widgets::plottedCsv(frame(), m_metric); }

QString LossChartView::fullResolutionCsv() const {
    return widgets::fullResolutionCsv(m_model, {}, m_metric, options());
}

QString LossChartView::readoutText() const {
    if (m_canvas->readout().isEmpty()) return QString();
    return readoutTsv(m_canvas->readout(), frame().options, m_metric);
}

void LossChartView::copyReadout() const {
    const QString text = readoutText();
    if (!text.isEmpty()) QGuiApplication::clipboard()->setText(text);
}

namespace {
bool writeText(const QString& path, const QString& text, QString* error) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        *error = file.errorString();
        return false;
    }
    file.write(text.toUtf8());
    if (!file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}
}  // namespace

bool LossChartView::exportPlottedCsv(const QString& path) {
    flushUpdates();
    QString error;
    if (writeText(path, plottedCsv(), &error)) return true;
    emit exportFailed(tr("Could not write %1: %2").arg(path, error));
    return false;
}

bool LossChartView::exportFullResolutionCsv(const QString& path) {
    QString error;
    if (writeText(path, fullResolutionCsv(), &error)) return true;
    emit exportFailed(tr("Could not write %1: %2").arg(path, error));
    return false;
}

QSize LossChartView::layOutForExport(QSize logicalSize) {
    flushUpdates();
    const QSize onScreen = m_canvas->chart()->size().toSize();
    if (!logicalSize.isValid() || logicalSize == onScreen) return onScreen;
    // Another size than on screen: lay the chart out at that size and recompute the envelope for its
    // pixel width, so the export is as exact as the screen. restoreAfterExport() undoes it.
    QChart* chart = m_canvas->chart();
    m_exportRestoreSize = onScreen;
    chart->resize(logicalSize);
    if (chart->layout()) chart->layout()->activate();
    redraw();
    flushUpdates();  // new ticks change the layout again; settle it before painting
    return logicalSize;
}

void LossChartView::restoreAfterExport() {
    if (!m_exportRestoreSize.isValid()) return;
    QChart* chart = m_canvas->chart();
    chart->resize(m_exportRestoreSize);
    if (chart->layout()) chart->layout()->activate();
    m_exportRestoreSize = QSize();
    redraw();
    flushUpdates();
}

QString LossChartView::exportDescription() const {
    QString text = tr("%1 against %2; line: %3")
                       .arg(m_metric.isEmpty() ? tr("value") : m_metric, m_canvas->xAxisTitle(), lineMethod(options()));
    if (frame().hasGroups) text += tr("; groups: %1").arg(groupMethod(options()));
    return text;
}

bool LossChartView::exportPngDpi(const QString& path, int dpi, QSize logicalSize) {
    if (dpi < 10 || dpi > 2400) {
        emit exportFailed(tr("Could not write %1: %2 dpi is outside 10–2400").arg(path).arg(dpi));
        return false;
    }
    return exportPng(path, logicalSize, dpi / 96.0);
}

bool LossChartView::exportPdf(const QString& path, QSize logicalSize) {
    const QSize size = layOutForExport(logicalSize);
    // One page the size of the chart, a logical pixel = 1/96 inch; drawn at 300 dpi so the raster
    // layers (dense lines, shadows) are embedded at print resolution.
    constexpr int kPdfDpi = 300;
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QSizeF(size) * 72.0 / 96.0, QPageSize::Point, QString(), QPageSize::ExactMatch));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    writer.setResolution(kPdfDpi);
    writer.setTitle(tr("Seqscope loss curves: %1").arg(exportDescription()));
    writer.setCreator(QStringLiteral("Seqscope"));
    QPainter painter;
    const bool ok = painter.begin(&writer);
    if (ok) {
        painter.scale(kPdfDpi / 96.0, kPdfDpi / 96.0);
        m_canvas->renderChart(&painter, QRectF(QPointF(0, 0), QSizeF(size)));
        painter.end();
    }
    restoreAfterExport();
    if (ok && QFileInfo(path).size() > 0) return true;
    emit exportFailed(tr("Could not write %1").arg(path));
    return false;
}

bool LossChartView::exportPng(const QString& path, QSize logicalSize, qreal scale) {
    const QSize size = layOutForExport(logicalSize);
    QImage image(size * scale, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    const int dotsPerMeter = qRound(96.0 * scale / 0.0254);
    image.setDotsPerMeterX(dotsPerMeter);
    image.setDotsPerMeterY(dotsPerMeter);
    image.setText(QStringLiteral("Title"), tr("Seqscope loss curves"));
    image.setText(QStringLiteral("Description"), exportDescription());
    image.fill(palette().color(QPalette::Base));
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        m_canvas->renderChart(&painter, QRectF(QPointF(0, 0), QSizeF(size)));
    }
    restoreAfterExport();
    if (image.save(path, "PNG")) return true;
    emit exportFailed(tr("Could not write %1").arg(path));
    return false;
}

bool LossChartView::exportSvg(const QString& path, QSize logicalSize) {
    const QSize size = layOutForExport(logicalSize);
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(0, 0), size));
    generator.setTitle(tr("Seqscope loss curves"));
    generator.setDescription(exportDescription());
    QPainter painter;
    const bool ok = painter.begin(&generator);
    if (ok) {
        m_canvas->renderChart(&painter, QRectF(QPointF(0, 0), QSizeF(size)));
        painter.end();
    }
    restoreAfterExport();
    if (ok) return true;
    emit exportFailed(tr("Could not write %1").arg(path));
    return false;
}

QString LossChartView::askPath(const QString& title, const QString& filter, const QString& suffix) {
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QString path = QFileDialog::getSaveFileName(this, title, dir + QStringLiteral("/loss_curves") + suffix, filter);
    if (!path.isEmpty() && !path.endsWith(suffix, Qt::CaseInsensitive)) path += suffix;
    return path;
}

void LossChartView::showContextMenu(const QPoint& globalPos) {
    // Snapshot the readout now: opening the menu moves the pointer off the plot.
    const QString readout = readoutText();
    QMenu menu(this);
    QAction* copy = menu.addAction(tr("Copy readout"), this, [readout] { QGuiApplication::clipboard()->setText(readout); });
    copy->setShortcut(QKeySequence::Copy);
    copy->setEnabled(!readout.isEmpty());
    if (m_canvas->isReadoutPinned())
        menu.addAction(tr("Release pinned readout"), m_canvas, &LossChartCanvas::clearReadout);
    menu.addSeparator();
    QAction* reset = menu.addAction(tr("Reset view"), this, &LossChartView::resetView);
    reset->setShortcut(Qt::Key_Home);
    if (!m_pipeline.hiddenRuns().isEmpty()) {
        menu.addAction(tr("Show all runs"), this, [this] {
            const QSet<QString> hidden = m_pipeline.hiddenRuns();
            for (const QString& key : hidden) m_pipeline.setHidden(key, false);
            scheduleRedraw(0);
        });
    }
    menu.addSeparator();
    QMenu* exportMenu = menu.addMenu(tr("Export"));
    exportMenu->addAction(tr("Image (PNG)…"), m_toolbar, &LossChartToolbar::exportPngClicked);
    for (int dpi : {150, 300, 600})
        exportMenu->addAction(tr("Image for print, %1 dpi (PNG)…").arg(dpi), m_toolbar,
                              [this, dpi] { emit m_toolbar->exportPngDpiClicked(dpi); });
    exportMenu->addAction(tr("Vector image (SVG)…"), m_toolbar, &LossChartToolbar::exportSvgClicked);
    exportMenu->addAction(tr("Document (PDF)…"), m_toolbar, &LossChartToolbar::exportPdfClicked);
    exportMenu->addAction(tr("Plotted data as shown (CSV)…"), m_toolbar, &LossChartToolbar::exportCsvClicked);
    exportMenu->addAction(tr("All runs, full resolution (CSV, long format)…"), m_toolbar,
                          &LossChartToolbar::exportFullCsvClicked);
    menu.exec(globalPos);
}

}  // namespace seqscope::widgets
