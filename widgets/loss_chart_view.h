// SPDX-License-Identifier: MIT
// Live loss curves (issue 7): any number of runs overlaid in their runColor(), x as step, tokens,
// FLOPs, wall time or time since start, log-x/log-y, smoothing on full-resolution data with the raw
// series faded behind, per-pixel min/max envelope recomputed on every zoom, robust automatic or
// manual y range, zoom/pan/reset by mouse and keyboard, a sorted and copyable hover readout, and
// PNG (any dpi)/SVG/PDF/CSV export of exactly what is shown. Runs sharing RunCurveInfo::group are
// drawn as one mean curve with a band (curve_groups.h). Composite of LossChartToolbar, LossChartCanvas and
// a status line; the data work is CurvePipeline's (curve_pipeline.h).
//
// Feeding it (the app controller does this from the store; widgets never touch SQLite):
//   view->setMetric("train_loss");                  // y-axis title; drops points of the old metric
//   view->setRuns({{"run-12", "xlstm-160M", true}, {"run-7", "transformer-160M", false}});
//   view->appendPoints("run-12", points);          // any time, any batch size, append-only
// Updates are coalesced by a single-shot timer: new data is drawn within kDataRefreshMs (100 ms) and
// at most once per 100 ms however many batches arrive, i.e. up to 10 redraws/s while streaming (a
// frame's cost grows with pixel columns x runs, not points: per-run min/max pyramids, see
// docs/benchmarks.md); zoom and pan redraw on
// the next event-loop turn. All methods must be called on the GUI thread.
#pragma once

#include "curve_model.h"
#include "curve_pipeline.h"
#include "loss_chart_forecast.h"

#include <QHash>

#include <QElapsedTimer>
#include <QWidget>

class QLabel;
class QTimer;

namespace seqscope::widgets {

class LossChartCanvas;
class LossChartToolbar;

class LossChartView : public QWidget {
    Q_OBJECT
public:
    static constexpr int kDataRefreshMs = 100;

    explicit LossChartView(QWidget* parent = nullptr);
    ~LossChartView() override;

    // --- data (value snapshots from the app) -----------------------------------------------------
    // The runs to plot, in legend order (R21: exactly these, no cap). Runs that stay keep their points.
    void setRuns(const QVector<RunCurveInfo>& runs);
    // Appends points (step order) to a plotted run; points with step <= the run's last step are
    // skipped, so overlapping re-sends are safe. Returns the number appended, -1 for an unknown key.
    qsizetype appendPoints(const QString& runKey, const QVector<CurvePoint>& points);
    // Names the plotted metric (y-axis title, CSV headers). A different metric drops all points.
    void setMetric(const QString& metric);
    QString metric() const { return m_metric; }
    void clearPoints();
    const CurveModel& model() const { return m_model; }

    // --- view state ------------------------------------------------------------------------------
    bool setOptions(const CurveViewOptions& options);  // invalid options are refused (returns false)
    const CurveViewOptions& options() const { return m_pipeline.options(); }
    // Visible x range in data units of the current axis (zooms; y follows the y mode).
    void setXRange(double lo, double hi);
    void resetView();                 // automatic x; a manual y range goes back to robust; unpins
    void setRunHidden(const QString& key, bool hidden);

    // --- final-loss forecasts (issue 13) ----------------------------------------------------------
    // A run's forecast band in the plotted metric's units; an invalid band removes it. Drawn faded in
    // the run's colour while forecasts are shown; the automatic x range then reaches the bands' ends.
    // setMetric drops every band (they belong to one metric).
    void setForecast(const QString& runKey, const ForecastBand& band);
    void clearForecasts();
    const QHash<QString, ForecastBand>& forecasts() const { return m_forecasts; }
    void setForecastsShown(bool shown);   // also the toolbar's Forecast toggle
    bool forecastsShown() const { return m_forecastsShown; }

    // --- output ----------------------------------------------------------------------------------
    // Images of the chart (no crosshair). logicalSize: chart size in logical pixels, default as on
    // screen; another size lays the chart out at that size and recomputes the envelope for it.
    // PNG: `scale` device pixels per logical pixel; the file records 96 x scale dots per inch (so it
    // prints at the on-screen size) and the line method in its Description text. exportPngDpi:
    // a logical pixel is 1/96 inch, rendered at `dpi` (150, 300, 600 for print). SVG and PDF: axes,
    // text, series lines and group bands are vectors; rasterised lines and shadows are embedded as
    // an image (PDF: at 300 dpi). Titles name the metric, axis and smoothing. Failures emit
    // exportFailed(message).
    bool exportPng(const QString& path, QSize logicalSize = QSize(), qreal scale = 2.0);
    bool exportPngDpi(const QString& path, int dpi, QSize logicalSize = QSize());
    bool exportSvg(const QString& path, QSize logicalSize = QSize());
    bool exportPdf(const QString& path, QSize logicalSize = QSize());
    bool exportPlottedCsv(const QString& path);       // plottedCsv() to a file
    bool exportFullResolutionCsv(const QString& path);  // every run's every point, long format
    QString plottedCsv() const;                       // exactly the drawn points (curve_csv.h)
    QString fullResolutionCsv() const;
    QString readoutText() const;                      // TSV of the current or pinned readout
    void copyReadout() const;                         // readoutText() to the clipboard

    // Runs any pending (coalesced) redraw now and delivers the chart's posted layout events, so the
    // widget can be grabbed right after; for tests, benchmarks, screenshots (it dispatches posted
    // events, so do not call it from inside a slot that is not prepared for re-entrancy).
    // settleLayout: also redraw again if the layout changed the plot width (exact envelope columns),
    // and show the newest status line at once (live frames update it at most kStatusIntervalMs).
    void flushUpdates(bool settleLayout = true);
    const PlotFrame& frame() const;
    double lastComputeMs() const { return m_lastComputeMs; }  // pipeline time of the last redraw
    CurvePipeline& pipeline() { return m_pipeline; }  // benchmarks: setUsePyramids
    LossChartCanvas* canvas() const { return m_canvas; }
    LossChartToolbar* toolbar() const { return m_toolbar; }

signals:
    void optionsChanged(const seqscope::widgets::CurveViewOptions& options);
    void frameUpdated();  // after every redraw
    void exportFailed(const QString& message);
    void forecastsShownChanged(bool shown);

private:
    void scheduleRedraw(int delayMs);
    void redraw();
    void updateStatus();
    void applyOptions(const CurveViewOptions& options, bool fromToolbar);
    void zoomX(double centre, double factor);
    void zoomY(double centre, double factor);
    void pan(double du, double dv);
    void rectZoom(double u0, double u1, double v0, double v1);
    void setManualY(double v0, double v1);  // display space
    void showContextMenu(const QPoint& globalPos);
    QString askPath(const QString& title, const QString& filter, const QString& suffix);
    QString exportDescription() const;  // metric, axis, smoothing (and group band) of an export
    QSize layOutForExport(QSize logicalSize);  // returns the size to render at
    void restoreAfterExport();
    // Auto x reaching the forecast ends (true when it set a range), and an automatic y range that
    // shows their final intervals.
    bool extendXForForecasts();
    void showForecastBands();

    CurveModel m_model;
    CurvePipeline m_pipeline{&m_model};
    QString m_metric;
    LossChartToolbar* m_toolbar = nullptr;
    LossChartCanvas* m_canvas = nullptr;
    QLabel* m_status = nullptr;
    QTimer* m_timer = nullptr;
    // The status line follows live frames at most every kStatusIntervalMs: each new text relays out
    // the view (a word-wrapped label), which cost more than a tenth of a 60-frames/s frame, and
    // numbers changing 60 times a second cannot be read anyway.
    static constexpr int kStatusIntervalMs = 250;
    QTimer* m_statusTimer = nullptr;
    QString m_pendingStatus;
    void applyStatus();
    QElapsedTimer m_sinceRedraw;
    double m_lastComputeMs = 0;
    QHash<QString, ForecastBand> m_forecasts;
    bool m_forecastsShown = false;
    QSize m_exportRestoreSize;  // valid while an export has the chart at another size
};

}  // namespace seqscope::widgets
