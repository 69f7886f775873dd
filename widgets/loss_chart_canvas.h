// SPDX-License-Identifier: MIT
// The drawing surface of the loss chart: a QChartView that shows one PlotFrame (curve_pipeline.h)
// and turns mouse and keyboard input into view requests. It owns no data and no view state: zoom,
// pan and reset are emitted as signals in display space and come back as the next frame.
// Main lines are QLineSeries fed with replace(); dense lines and the raw shadow are an EnvelopeItem;
// grid, ticks and titles are a PlotAxesItem with our own ticks (axis_ticks.h, so log scales get
// readable sub-decade labels) over hidden Qt Charts axes that only map the series.
// Input: drag = zoom box, Shift+drag or middle drag = pan, wheel = zoom x (Ctrl+wheel: y),
// arrows = pan, +/- = zoom x, Home or double-click = reset, click = pin/unpin the readout,
// Ctrl+C = copy the readout, Esc = unpin.
#pragma once

#include "curve_pipeline.h"

#include <QChartView>
#include <QHash>
#include <functional>

class QGraphicsTextItem;
class QLineSeries;
class QRubberBand;
class QTimer;
class QValueAxis;

namespace seqscope::widgets {

class ClipMarkerItem;
class CrosshairItem;
class CurveBandItem;
class EnvelopeItem;
class ForecastItem;
class PlotAxesItem;

class LossChartCanvas : public QChartView {
    Q_OBJECT
public:
    using ReadoutProvider = std::function<QVector<ReadoutEntry>(double u, double tolerance)>;

    explicit LossChartCanvas(QWidget* parent = nullptr);
    ~LossChartCanvas() override;

    void setReadoutProvider(ReadoutProvider provider) { m_readout = std::move(provider); }
    // Shows `frame`: series points via replace(), shadow, axes, legend labels, clip markers.
    void showFrame(const PlotFrame& frame, const QString& metric);
    const PlotFrame& frame() const { return m_frame; }

    int plotColumns() const;      // plot width in device pixels: the envelope's column count
    int plotRows() const;         // plot height in device pixels
    QRectF plotAreaRect() const;  // in chart coordinates

    // Readout (crosshair) at display x `u`; pinned readouts ignore hover until unpinned.
    void showReadoutAt(double u, bool pin);
    void clearReadout();
    bool isReadoutPinned() const { return m_pinned; }
    const QVector<ReadoutEntry>& readout() const { return m_entries; }

    // Renders the chart without crosshair or rubber band into `painter` over `target`.
    void renderChart(QPainter* painter, const QRectF& target);

    // Test and export access.
    QLineSeries* lineSeries(const QString& key) const;
    PlotAxesItem* axesItem() const { return m_axes; }    // grid, ticks, titles
    EnvelopeItem* envelopeItem() const { return m_envelope; }
    ClipMarkerItem* clipMarkerItem() const { return m_clipMarkers; }
    ForecastItem* forecastItem() const { return m_forecast; }   // final-loss forecast bands
    CurveBandItem* bandItem() const { return m_bands; }         // seed-group bands

    QString xAxisTitle() const;
    // Applies legend labels still waiting for their interval (tests, screenshots, exports).
    void flushLegend();
    static QString xAxisName(XAxisKind kind);

signals:
    void rectZoomRequested(double u0, double u1, double v0, double v1);
    void xZoomRequested(double centre, double factor);  // factor < 1 zooms in
    void yZoomRequested(double centre, double factor);
    void panRequested(double du, double dv);            // display units
    void resetRequested();
    void copyRequested();
    void legendToggled(const QString& key);
    void plotAreaResized();
    void contextMenuWanted(const QPoint& globalPos);
    void readoutChanged();

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    struct RunSeriesSet {
        QLineSeries* line = nullptr;
    };
    void applyPalette();
    void syncSeries(const PlotFrame& frame);
    void updateAxes(const QString& metric);
    // Legend labels carry each run's clipped count (anchors R14), which changes on almost every live
    // frame; each rename relays out the legend and the plot, so a label changes at most every
    // kLegendIntervalMs (the newest one is shown when the interval ends).
    static constexpr int kLegendIntervalMs = 250;
    bool renameSeries(const QString& key, const QString& name, bool now);  // true: renamed now
    void applyLegendNames();
    void fitMargins();
    void updateOverlay();
    QPointF toChart(const QPoint& viewPos) const;
    double uAt(qreal chartX) const;
    double vAt(qreal chartY) const;
    qreal chartXOf(double u) const;
    qreal chartYOf(double v) const;
    bool inPlot(const QPoint& viewPos) const;

    PlotFrame m_frame;
    QString m_metric;
    QValueAxis* m_axisX = nullptr;  // hidden: map the QLineSeries
    QValueAxis* m_axisY = nullptr;
    PlotAxesItem* m_axes = nullptr;
    QHash<QString, RunSeriesSet> m_series;
    QStringList m_order;
    QTimer* m_legendTimer = nullptr;
    QHash<QString, QString> m_pendingNames;  // run key -> legend label waiting for the interval
    ClipMarkerItem* m_clipMarkers = nullptr;
    EnvelopeItem* m_envelope = nullptr;
    ForecastItem* m_forecast = nullptr;
    CurveBandItem* m_bands = nullptr;
    CrosshairItem* m_crosshair = nullptr;
    QGraphicsTextItem* m_emptyText = nullptr;
    QRubberBand* m_rubberBand = nullptr;
    ReadoutProvider m_readout;
    QVector<ReadoutEntry> m_entries;
    double m_readoutU = 0;
    bool m_hasReadout = false;
    bool m_pinned = false;
    enum class Drag { None, Zoom, Pan } m_drag = Drag::None;
    QPoint m_pressPos, m_lastPos;
    QRectF m_lastPlotArea;
};

}  // namespace seqscope::widgets
