// SPDX-License-Identifier: MIT
// Frame display and input handling of the loss chart; see loss_chart_canvas.h.
#include "loss_chart_canvas.h"

#include "axis_ticks.h"
#include "chart_style.h"
#include "clip_marker_item.h"
#include "crosshair_item.h"
#include "curve_band_item.h"
#include "envelope_item.h"
#include "loss_chart_forecast.h"
#include "plot_axes_item.h"

#include <QApplication>
#include <QChart>
#include <QContextMenuEvent>
#include <QGraphicsTextItem>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QRubberBand>
#include <QTextDocument>
#include <QTextOption>
#include <QTimer>
#include <QValueAxis>
#include <QWheelEvent>
#include <cmath>

namespace seqscope::widgets {

namespace {
constexpr double kWheelZoomPerNotch = 0.8;  // visible span factor per wheel notch (zoom in)
constexpr double kKeyPanFraction = 0.1;     // of the visible span per arrow key press
constexpr int kMinZoomBoxPx = 5;            // smaller drags are clicks (pin the readout)
constexpr int kShadowAlpha = 70;            // raw shadow opacity (of 255)
constexpr int kMemberAlpha = 110;           // shown members of a group, under its mean (of 255)
constexpr double kReadoutToleranceColumns = 4;  // a run answers the readout this close to its x extent

TickFormat tickFormatFor(XAxisKind kind) {
    switch (kind) {
    case XAxisKind::Step: return TickFormat::Count;
    case XAxisKind::Tokens: return TickFormat::Tokens;
    case XAxisKind::Flops: return TickFormat::Flops;
    case XAxisKind::WallTime: return TickFormat::ClockTime;
    case XAxisKind::RelativeTime: return TickFormat::Duration;
    }
    return TickFormat::Value;
}

// runColor() includes near-black (#333333) that vanishes on a dark background: keep the hue, move the
// lightness away from the background's until they differ by at least kMinLightnessGap (of 255).
constexpr int kMinLightnessGap = 80;
QColor visibleOn(const QColor& color, const QColor& background) {
    const int bg = background.lightness(), l = color.lightness();
    if (std::abs(l - bg) >= kMinLightnessGap) return color;
    const int target = bg < 128 ? std::min(255, bg + kMinLightnessGap + 20) : std::max(0, bg - kMinLightnessGap - 20);
    QColor out = QColor::fromHsl(color.hslHue(), color.hslSaturation(), target, color.alpha());
    return out;
}

}  // namespace

QString LossChartCanvas::xAxisName(XAxisKind kind) {
    switch (kind) {
    case XAxisKind::Step: return tr("Step");
    case XAxisKind::Tokens: return tr("Tokens");
    case XAxisKind::Flops: return tr("Training FLOPs");
    case XAxisKind::WallTime: return tr("Wall time");
    case XAxisKind::RelativeTime: return tr("Time since start");
    }
    return QString();
}

LossChartCanvas::LossChartCanvas(QWidget* parent) : QChartView(parent) {
    auto* chart = new QChart;
    styleChart(this, chart);
    chart->legend()->setAlignment(Qt::AlignRight);
    chart->legend()->setShowToolTips(true);
    chart->setMargins(QMargins(4, 4, 4, 4));

    m_axisX = new QValueAxis;
    m_axisY = new QValueAxis;
    chart->addAxis(m_axisX, Qt::AlignBottom);
    chart->addAxis(m_axisY, Qt::AlignLeft);
    m_axisX->setVisible(false);
    m_axisY->setVisible(false);

    m_axes = new PlotAxesItem(chart);
    m_axes->setZValue(2.5);  // Qt Charts' grid level: below the envelope, bands and series

    m_envelope = new EnvelopeItem(chart);
    m_envelope->setZValue(3.5);  // above the grid (2), below the series (4): ChartPresenter's z order
    m_clipMarkers = new ClipMarkerItem(chart);
    m_clipMarkers->setZValue(4.5);  // above the series
    m_bands = new CurveBandItem(chart);
    m_bands->setZValue(3.6);  // above the shadows, below the forecasts and the lines
    m_forecast = new ForecastItem(chart);
    m_forecast->setZValue(3.8);  // above the shadows, below the measured lines
    m_crosshair = new CrosshairItem(chart);
    m_crosshair->hide();
    m_emptyText = new QGraphicsTextItem(chart);
    m_emptyText->setPlainText(tr("No runs to show.\nSelect runs in the run browser or start one from the launcher;\n"
                                 "their curves appear here while they train."));
    QTextOption centred = m_emptyText->document()->defaultTextOption();
    centred.setAlignment(Qt::AlignHCenter);
    m_emptyText->document()->setDefaultTextOption(centred);
    m_emptyText->setTextWidth(520);
    m_emptyText->hide();

    m_legendTimer = new QTimer(this);
    m_legendTimer->setSingleShot(true);
    connect(m_legendTimer, &QTimer::timeout, this, &LossChartCanvas::applyLegendNames);

    m_rubberBand = new QRubberBand(QRubberBand::Rectangle, viewport());
    setRubberBand(QChartView::NoRubberBand);
    setDragMode(QGraphicsView::NoDrag);
    setMouseTracking(true);
    viewport()->setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);

    connect(chart, &QChart::plotAreaChanged, this, [this](const QRectF& area) {
        if (area == m_lastPlotArea) return;
        // The envelope depends on the plot's pixel size (columns; rows for sub-pixel merging).
        const bool resized = std::abs(area.width() - m_lastPlotArea.width()) >= 1 ||
                             std::abs(area.height() - m_lastPlotArea.height()) >= 1;
        m_lastPlotArea = area;
        updateOverlay();
        if (resized) emit plotAreaResized();
    });
    applyPalette();
}

LossChartCanvas::~LossChartCanvas() = default;

void LossChartCanvas::applyPalette() {
    const QPalette pal = palette();
    chart()->setBackgroundBrush(pal.color(QPalette::Base));
    chart()->legend()->setLabelColor(pal.color(QPalette::Text));
    QColor grid = pal.color(QPalette::Text);
    grid.setAlpha(40);
    m_axes->setColors(pal.color(QPalette::Text), grid);
    QFont titleFont = font();
    titleFont.setBold(true);
    m_axes->setFonts(font(), titleFont);
    QColor line = pal.color(QPalette::Text);
    line.setAlpha(140);
    m_crosshair->setPalette(pal.color(QPalette::Text), pal.color(QPalette::Base), line);
    m_emptyText->setDefaultTextColor(pal.color(QPalette::PlaceholderText));
}

void LossChartCanvas::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        styleChart(this, chart());
        chart()->legend()->setAlignment(Qt::AlignRight);
        applyPalette();
        syncSeries(m_frame);
    }
    QChartView::changeEvent(event);
}

QRectF LossChartCanvas::plotAreaRect() const { return chart()->plotArea(); }

int LossChartCanvas::plotColumns() const {
    return std::max(1, static_cast<int>(std::lround(chart()->plotArea().width() * devicePixelRatioF())));
}

int LossChartCanvas::plotRows() const {
    return std::max(1, static_cast<int>(std::lround(chart()->plotArea().height() * devicePixelRatioF())));
}

QLineSeries* LossChartCanvas::lineSeries(const QString& key) const { return m_series.value(key).line; }

QString LossChartCanvas::xAxisTitle() const {
    return xAxisName(m_frame.options.xAxis) + (m_frame.options.logX ? tr(" (log scale)") : QString());
}

void LossChartCanvas::syncSeries(const PlotFrame& frame) {
    QChart* chart = this->chart();
    QStringList order;
    for (const PlottedRun& run : frame.runs)
        if (run.inLegend) order << run.key;
    // Remove series of runs that left; add new ones (legend order follows the model).
    for (auto it = m_series.begin(); it != m_series.end();) {
        if (!order.contains(it.key())) {
            chart->removeSeries(it->line);
            delete it->line;
            it = m_series.erase(it);
        } else {
            ++it;
        }
    }
    if (order != m_order) {
        // Re-adding in order is the only way to reorder QChart's legend.
        for (const QString& key : m_order)
            if (m_series.contains(key)) chart->removeSeries(m_series[key].line);
        for (const QString& key : order) {
            RunSeriesSet& set = m_series[key];
            if (!set.line) {
                set.line = new QLineSeries;
                set.line->setProperty("runKey", key);
            }
            chart->addSeries(set.line);
            set.line->attachAxis(m_axisX);
            set.line->attachAxis(m_axisY);
            for (QLegendMarker* marker : chart->legend()->markers(set.line))
                connect(marker, &QLegendMarker::clicked, this, [this, key] { emit legendToggled(key); });
        }
        m_order = order;
    }

    const bool smoothing = frame.options.smoothing.kind != SmoothingKind::Off;
    const QColor text = palette().color(QPalette::Text);
    const QColor base = palette().color(QPalette::Base);
    const bool renameNow = !m_legendTimer->isActive();
    bool renamed = false;
    for (const PlottedRun& run : frame.runs) {
        if (!run.inLegend) continue;
        QLineSeries* line = m_series[run.key].line;
        const QColor color = visibleOn(run.color, base);
        QPen pen(color);
        // Width 1 for raw lines: Qt's wide-pen stroker is ~30x slower on dense zigzags. Group means
        // are smooth (one point per column) and carry the eye: 2.
        pen.setWidthF(smoothing || run.isGroup ? 2.0 : 1.0);
        if (line->pen() != pen) line->setPen(pen);
        // One call per frame, never clear + append (Qt Charts' fast path); rasterised lines leave the
        // series empty (it still carries the legend entry) and are not emptied again every frame.
        if (!run.rasterised || line->count() > 0) line->replace(run.rasterised ? QList<QPointF>() : run.line);
        QString name = run.label;
        if (run.isGroup && run.groupMaxN > 0) {
            name += run.groupMinN == run.groupMaxN ? tr(" (N=%1)").arg(run.groupMaxN)
                                                   : tr(" (N=%1–%2)").arg(run.groupMinN).arg(run.groupMaxN);
        }
        if (run.live) name += QStringLiteral(" ●");
        if (run.clippedPoints > 0) name += tr(" (%n clipped)", nullptr, static_cast<int>(std::min<qint64>(run.clippedPoints, INT_MAX)));
        renamed |= renameSeries(run.key, name, renameNow);
        for (QLegendMarker* marker : chart->legend()->markers(line)) {
            QColor label = text;
            QColor swatch = color;
            if (run.hidden) {
                label.setAlpha(90);
                swatch.setAlpha(60);
            }
            // Only real changes: each setter relays out the legend.
            if (marker->labelBrush() != QBrush(label)) marker->setLabelBrush(label);
            if (marker->brush() != QBrush(swatch)) marker->setBrush(swatch);
            if (marker->pen() != QPen(swatch)) marker->setPen(QPen(swatch));
        }
    }
    if (renamed) m_legendTimer->start(kLegendIntervalMs);  // the next renames wait for its end

    // Edge markers for clipped points, coloured per run.
    QVector<ClipMarkerItem::Marker> markers;
    for (const PlottedRun& run : frame.runs) {
        for (const QPointF& p : run.clippedHigh) markers.push_back({p.x(), true, visibleOn(run.color, base)});
        for (const QPointF& p : run.clippedLow) markers.push_back({p.x(), false, visibleOn(run.color, base)});
    }
    m_clipMarkers->setMarkers(std::move(markers));

    // Faded shadows first, then dense raw lines in full colour on top of them.
    QVector<EnvelopeItem::Run> rasters;
    for (const PlottedRun& run : frame.runs)
        if (!run.shadow.isEmpty()) rasters.push_back({visibleOn(run.color, base), run.shadow, kShadowAlpha, 0.5});
    for (const PlottedRun& run : frame.runs)
        if (run.faded && !run.hidden && !run.line.isEmpty())
            rasters.push_back({visibleOn(run.color, base), run.line, kMemberAlpha, 0.5});
    for (const PlottedRun& run : frame.runs)
        if (run.rasterised && !run.faded)
            rasters.push_back({visibleOn(run.color, base), run.line, 255, smoothing ? 1.0 : 0.5});
    m_envelope->setRuns(std::move(rasters));

    QVector<CurveBandItem::Band> bands;
    for (const PlottedRun& run : frame.runs)
        if (run.isGroup && !run.hidden && !run.bandLo.isEmpty())
            bands.push_back({visibleOn(run.color, base), run.bandLo, run.bandHi});
    m_bands->setBands(std::move(bands));
}

bool LossChartCanvas::renameSeries(const QString& key, const QString& name, bool now) {
    QLineSeries* line = m_series.value(key).line;
    if (!line) return false;
    m_pendingNames.remove(key);
    if (line->name() == name) return false;
    // A new entry is named at once; other renames wait for the interval (applyLegendNames).
    if (!now && !line->name().isEmpty()) {
        m_pendingNames.insert(key, name);
        return false;
    }
    line->setName(name);
    return true;
}

void LossChartCanvas::applyLegendNames() {
    if (m_pendingNames.isEmpty()) return;
    for (auto it = m_pendingNames.cbegin(); it != m_pendingNames.cend(); ++it)
        if (QLineSeries* line = m_series.value(it.key()).line) line->setName(it.value());
    m_pendingNames.clear();
    m_legendTimer->start(kLegendIntervalMs);  // the next renames wait again
}

void LossChartCanvas::flushLegend() {
    m_legendTimer->stop();
    applyLegendNames();
    m_legendTimer->stop();
}

void LossChartCanvas::updateAxes(const QString& metric) {
    const QRectF area = chart()->plotArea();
    const CurveViewOptions& o = m_frame.options;
    const int xTarget = std::max(2, static_cast<int>(area.width() / 110));
    const int yTarget = std::max(2, static_cast<int>(area.height() / 42));
    m_axes->setTicks(makeTicks(m_frame.x0, m_frame.x1, o.logX, xTarget, tickFormatFor(o.xAxis)),
                     makeTicks(m_frame.y0, m_frame.y1, o.logY, yTarget, TickFormat::Value));
    QString yTitle = metric.isEmpty() ? tr("Value") : metric;
    if (o.logY) yTitle += tr(" (log scale)");
    m_axes->setTitles(xAxisTitle(), yTitle);
    // The hidden axes map the QLineSeries: same display-space ranges as everything else.
    if (m_axisX->min() != m_frame.x0 || m_axisX->max() != m_frame.x1) m_axisX->setRange(m_frame.x0, m_frame.x1);
    if (m_axisY->min() != m_frame.y0 || m_axisY->max() != m_frame.y1) m_axisY->setRange(m_frame.y0, m_frame.y1);
    fitMargins();
}

void LossChartCanvas::fitMargins() {
    // Room for the labels: grown at once, shrunk only by more than a few pixels, so the plot (and
    // with it every pixel column) does not move while labels like 9.5 / 10 come and go.
    constexpr int kEdge = 4, kShrinkSlack = 12;
    QMargins m = chart()->margins();
    const int left = m_axes->requiredLeft() + kEdge, bottom = m_axes->requiredBottom() + kEdge;
    auto settle = [](int current, int needed) {
        return needed > current || needed + kShrinkSlack < current ? needed : current;
    };
    const QMargins next(settle(m.left(), left), kEdge + 4, kEdge, settle(m.bottom(), bottom));
    if (next != m) chart()->setMargins(next);
}

void LossChartCanvas::showFrame(const PlotFrame& frame, const QString& metric) {
    m_frame = frame;
    m_metric = metric;
    syncSeries(frame);
    updateAxes(metric);
    updateOverlay();
}

void LossChartCanvas::updateOverlay() {
    const QRectF area = chart()->plotArea();
    m_envelope->setGeometry(area, m_frame.x0, m_frame.x1, m_frame.y0, m_frame.y1);
    m_clipMarkers->setGeometry(area, m_frame.x0, m_frame.x1);
    m_forecast->setGeometry(area, m_frame.x0, m_frame.x1, m_frame.y0, m_frame.y1);
    m_bands->setGeometry(area, m_frame.x0, m_frame.x1, m_frame.y0, m_frame.y1);
    const bool empty = !m_frame.hasData;
    m_emptyText->setVisible(empty);
    // Without data the axes carry no ticks: a grid of made-up numbers would look like a plot.
    m_axes->setGeometry(area, m_frame.x0, m_frame.x1, m_frame.y0, m_frame.y1);
    m_axes->setVisible(!empty);
    if (empty) {
        const QRectF r = m_emptyText->boundingRect();
        m_emptyText->setPos(area.center() - QPointF(r.width() / 2, r.height() / 2));
    }
    if (m_hasReadout) showReadoutAt(m_readoutU, m_pinned);
}

// --- coordinates ----------------------------------------------------------------------------------

QPointF LossChartCanvas::toChart(const QPoint& viewPos) const { return chart()->mapFromScene(mapToScene(viewPos)); }

double LossChartCanvas::uAt(qreal chartX) const {
    const QRectF a = chart()->plotArea();
    return m_frame.x0 + (chartX - a.left()) / a.width() * (m_frame.x1 - m_frame.x0);
}

double LossChartCanvas::vAt(qreal chartY) const {
    const QRectF a = chart()->plotArea();
    return m_frame.y1 - (chartY - a.top()) / a.height() * (m_frame.y1 - m_frame.y0);
}

qreal LossChartCanvas::chartXOf(double u) const {
    const QRectF a = chart()->plotArea();
    return a.left() + (u - m_frame.x0) / (m_frame.x1 - m_frame.x0) * a.width();
}

qreal LossChartCanvas::chartYOf(double v) const {
    const QRectF a = chart()->plotArea();
    return a.top() + (m_frame.y1 - v) / (m_frame.y1 - m_frame.y0) * a.height();
}

bool LossChartCanvas::inPlot(const QPoint& viewPos) const { return chart()->plotArea().contains(toChart(viewPos)); }

// --- readout --------------------------------------------------------------------------------------

void LossChartCanvas::showReadoutAt(double u, bool pin) {
    m_readoutU = u;
    m_hasReadout = true;
    m_pinned = pin;
    const QRectF area = chart()->plotArea();
    const double tolerance = kReadoutToleranceColumns * (m_frame.x1 - m_frame.x0) / std::max(1.0, area.width());
    m_entries = m_readout ? m_readout(u, tolerance) : QVector<ReadoutEntry>();
    const CurveViewOptions& o = m_frame.options;
    const bool smoothing = o.smoothing.kind != SmoothingKind::Off;
    QVector<CrosshairItem::Row> rows;
    for (const ReadoutEntry& e : m_entries) {
        CrosshairItem::Row row;
        row.color = visibleOn(e.color, palette().color(QPalette::Base));
        row.label = e.label;
        row.value = formatTickValue(e.value, TickFormat::Value, 5);
        if (smoothing) row.detail = tr("raw %1").arg(formatTickValue(e.raw, TickFormat::Value, 5));
        const double v = CurvePipeline::toDisplay(e.value, o.logY);
        row.sceneY = std::isfinite(v) ? chartYOf(v) : qQNaN();
        rows.push_back(row);
    }
    const double x = CurvePipeline::toData(u, o.logX);
    // Steps read best as plain integers (12,480); other quantities in the axis' units (1.52B, 2h 5m).
    const QString xText = o.xAxis == XAxisKind::Step ? QLocale().toString(static_cast<qint64>(std::llround(x)))
                                                     : formatTickValue(x, tickFormatFor(o.xAxis), 4);
    QString header = xAxisName(o.xAxis) + QLatin1Char(' ') + xText;
    if (pin) header += tr("  (pinned; Esc releases)");
    if (m_entries.isEmpty()) header += tr(" · no run has data here");
    m_crosshair->setContent(area, chartXOf(u), header, rows, pin);
    m_crosshair->setVisible(area.contains(QPointF(chartXOf(u), area.center().y())));
    emit readoutChanged();
}

void LossChartCanvas::clearReadout() {
    m_hasReadout = false;
    m_pinned = false;
    m_entries.clear();
    m_crosshair->hide();
    emit readoutChanged();
}

void LossChartCanvas::renderChart(QPainter* painter, const QRectF& target) {
    const bool crosshair = m_crosshair->isVisible();
    m_crosshair->hide();
    scene()->render(painter, target, chart()->sceneBoundingRect());
    m_crosshair->setVisible(crosshair);
}

// --- input ----------------------------------------------------------------------------------------

void LossChartCanvas::mousePressEvent(QMouseEvent* event) {
    if (!inPlot(event->pos()) || !m_frame.hasData) {
        QChartView::mousePressEvent(event);  // legend clicks
        return;
    }
    setFocus(Qt::MouseFocusReason);
    m_pressPos = m_lastPos = event->pos();
    if (event->button() == Qt::MiddleButton ||
        (event->button() == Qt::LeftButton && (event->modifiers() & Qt::ShiftModifier))) {
        m_drag = Drag::Pan;
        viewport()->setCursor(Qt::ClosedHandCursor);
    } else if (event->button() == Qt::LeftButton) {
        m_drag = Drag::Zoom;
        m_rubberBand->setGeometry(QRect(m_pressPos, QSize()));
        m_rubberBand->show();
    }
    event->accept();
}

void LossChartCanvas::mouseMoveEvent(QMouseEvent* event) {
    const QRectF area = chart()->plotArea();
    if (m_drag == Drag::Zoom) {
        m_rubberBand->setGeometry(QRect(m_pressPos, event->pos()).normalized());
    } else if (m_drag == Drag::Pan) {
        const QPoint d = event->pos() - m_lastPos;
        m_lastPos = event->pos();
        emit panRequested(-d.x() / area.width() * (m_frame.x1 - m_frame.x0),
                          d.y() / area.height() * (m_frame.y1 - m_frame.y0));
    }
    if (!m_pinned && m_frame.hasData) {
        if (inPlot(event->pos()))
            showReadoutAt(uAt(toChart(event->pos()).x()), false);
        else if (m_hasReadout)
            clearReadout();
    }
    QChartView::mouseMoveEvent(event);
}

void LossChartCanvas::mouseReleaseEvent(QMouseEvent* event) {
    if (m_drag == Drag::None) {
        QChartView::mouseReleaseEvent(event);
        return;
    }
    const Drag drag = m_drag;
    m_drag = Drag::None;
    m_rubberBand->hide();
    viewport()->unsetCursor();
    const QRect box = QRect(m_pressPos, event->pos()).normalized();
    if (drag == Drag::Zoom) {
        if (box.width() >= kMinZoomBoxPx && box.height() >= kMinZoomBoxPx) {
            const QPointF a = toChart(box.topLeft()), b = toChart(box.bottomRight());
            emit rectZoomRequested(uAt(a.x()), uAt(b.x()), vAt(b.y()), vAt(a.y()));
        } else if (box.width() >= kMinZoomBoxPx) {
            // A flat horizontal drag zooms x only.
            const QPointF a = toChart(box.topLeft()), b = toChart(box.bottomRight());
            emit rectZoomRequested(uAt(a.x()), uAt(b.x()), m_frame.y0, m_frame.y1);
        } else {
            // A click pins the readout at that x, or releases a pinned one.
            if (m_pinned)
                showReadoutAt(uAt(toChart(event->pos()).x()), false);
            else
                showReadoutAt(uAt(toChart(event->pos()).x()), true);
        }
    }
    event->accept();
}

void LossChartCanvas::mouseDoubleClickEvent(QMouseEvent* event) {
    if (inPlot(event->pos())) {
        m_pinned = false;
        emit resetRequested();
        event->accept();
        return;
    }
    QChartView::mouseDoubleClickEvent(event);
}

void LossChartCanvas::wheelEvent(QWheelEvent* event) {
    const QPoint pos = event->position().toPoint();
    if (!inPlot(pos) || !m_frame.hasData) {
        QChartView::wheelEvent(event);
        return;
    }
    const double notches = event->angleDelta().y() / 120.0;
    if (notches == 0) return;
    const double factor = std::pow(kWheelZoomPerNotch, notches);
    const QPointF c = toChart(pos);
    if (event->modifiers() & Qt::ControlModifier)
        emit yZoomRequested(vAt(c.y()), factor);
    else
        emit xZoomRequested(uAt(c.x()), factor);
    event->accept();
}

void LossChartCanvas::keyPressEvent(QKeyEvent* event) {
    const double spanX = m_frame.x1 - m_frame.x0, spanY = m_frame.y1 - m_frame.y0;
    switch (event->key()) {
    case Qt::Key_Left: emit panRequested(-kKeyPanFraction * spanX, 0); break;
    case Qt::Key_Right: emit panRequested(kKeyPanFraction * spanX, 0); break;
    case Qt::Key_Up: emit panRequested(0, kKeyPanFraction * spanY); break;
    case Qt::Key_Down: emit panRequested(0, -kKeyPanFraction * spanY); break;
    case Qt::Key_Plus:
    case Qt::Key_Equal: emit xZoomRequested((m_frame.x0 + m_frame.x1) / 2, kWheelZoomPerNotch); break;
    case Qt::Key_Minus: emit xZoomRequested((m_frame.x0 + m_frame.x1) / 2, 1 / kWheelZoomPerNotch); break;
    case Qt::Key_Home: emit resetRequested(); break;
    case Qt::Key_Escape:
        if (m_pinned) clearReadout();
        break;
    default:
        if (event->matches(QKeySequence::Copy)) {
            emit copyRequested();
            break;
        }
        QChartView::keyPressEvent(event);
        return;
    }
    event->accept();
}

void LossChartCanvas::leaveEvent(QEvent* event) {
    if (!m_pinned && m_hasReadout) clearReadout();
    QChartView::leaveEvent(event);
}

void LossChartCanvas::resizeEvent(QResizeEvent* event) {
    QChartView::resizeEvent(event);
    updateOverlay();
}

void LossChartCanvas::contextMenuEvent(QContextMenuEvent* event) {
    if (inPlot(event->pos()) && !m_pinned && m_frame.hasData) showReadoutAt(uAt(toChart(event->pos()).x()), false);
    emit contextMenuWanted(event->globalPos());
    event->accept();
}

}  // namespace seqscope::widgets
