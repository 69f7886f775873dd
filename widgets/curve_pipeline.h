// SPDX-License-Identifier: MIT
// From full-resolution curves to what the loss chart draws (no QWidget), in this fixed order:
//   1. x of the chosen axis, y; log10 of either under log scales (x or y <= 0 become undrawable),
//   2. smoothing on the full-resolution display-space y (so log-y smooths in log space, anchors R9),
//   3. the visible x range (automatic = every shown run's extent, or the zoomed range),
//   4. per-pixel-column min/max envelope of the smoothed line and of the raw shadow, read from a
//      min/max pyramid per series (curve_pyramid.h) so a frame costs O(columns x runs), not O(points),
//   5. the y range (robust_range.h) from the drawn line, clipped-point counts and edge markers,
//   6. how each line is drawn: QLineSeries or column rasteriser (see compute()).
// Every stage caches per run and only extends when points are appended (anchors R3). A PlotFrame is
// the complete drawn state: the widget draws exactly its points and CSV export writes them.
#pragma once

#include "curve_model.h"
#include "curve_options.h"
#include "curve_pyramid.h"
#include "curve_smoother.h"
#include "envelope_downsampler.h"

#include <QColor>
#include <QHash>
#include <QPointF>
#include <QSet>
#include <QVector>
#include <cmath>
#include <limits>

namespace seqscope::widgets {

struct PlottedRun {
    QString key, label;
    QColor color;                    // runColor(key)
    bool live = false;
    bool hidden = false;             // switched off in the legend: listed, nothing drawn
    QVector<QPointF> line;           // main line (smoothed if smoothing is on, else raw), display space
    bool rasterised = false;         // line drawn by the column rasteriser instead of its QLineSeries
    QVector<QPointF> shadow;         // raw envelope drawn faded behind the smoothed line (else empty)
    QVector<QPointF> clippedHigh;    // edge markers for columns whose line goes above the y range
    QVector<QPointF> clippedLow;     // ... below it (display space, y on the range edge)
    qint64 visiblePoints = 0;        // finite full-resolution points inside the visible x range
    qint64 clippedPoints = 0;        // of those, main values outside the y range
    qint64 undrawablePoints = 0;     // whole run: non-finite values, or x/y <= 0 under log scales
    qint64 maxPerColumn = 0;         // > 1: decimated, that many points share a pixel column
    // Groups (curve_groups.h): a group is one entry (isGroup, key = the group key, colour of that
    // key) placed before its members; members carry `group`, stay out of the legend and are drawn
    // (faded, in the group colour) only when CurveViewOptions::showGroupMembers is on.
    QString group;                   // members: their group key
    bool isGroup = false;            // line = mean at each pixel column centre covered by >= 2 runs
    bool inLegend = true;
    bool faded = false;              // drawn faded by the rasteriser (shown group members)
    QVector<QPointF> bandLo, bandHi; // groups: band edges at the line's x, display space
    int groupMinN = 0, groupMaxN = 0;// groups: fewest / most members covering a drawn x
};

struct PlotFrame {
    bool hasData = false;            // some shown run has a drawable point
    double x0 = 0, x1 = 1;           // visible range, display space (log10 under log scales)
    double y0 = 0, y1 = 1;
    int columns = 0;                 // pixel columns the envelope was computed for
    int rows = 0;                    // plot height in device pixels (0: no sub-pixel merging)
    CurveViewOptions options;
    QVector<PlottedRun> runs;        // every run of the model, in legend order (hidden ones empty)
    qint64 visiblePoints = 0;        // sums over runs
    qint64 drawnPoints = 0;          // line + shadow points handed to the chart
    qint64 maxPerColumn = 0;
    bool hasGroups = false;          // some entry is a group (the toolbar shows the band controls)
};

struct ReadoutEntry {
    QString key, label;
    QColor color;
    qint64 step = 0;
    double x = 0;          // data units of the x axis
    double value = 0;      // data units, as drawn (smoothed if smoothing is on)
    double raw = 0;        // data units, the raw value at that point
};

class CurvePipeline {
public:
    explicit CurvePipeline(const CurveModel* model) : m_model(model) {}

    // Options must be valid (CurveViewOptions::isValid). Changing the x axis or log-x resets a
    // zoomed x range to automatic, since the old range means nothing on the new axis.
    void setOptions(const CurveViewOptions& options);
    const CurveViewOptions& options() const { return m_options; }

    void setXRange(double u0, double u1);  // display space; u0 < u1
    void setAutoX() { m_autoX = true; }
    bool isAutoX() const { return m_autoX; }
    // Values an automatic y range must also show (display space), e.g. where a run's forecast ends;
    // NaN for none. The manual range ignores them.
    void setYInclude(double lo, double hi) { m_yIncludeLo = lo, m_yIncludeHi = hi; }
    double xLo() const { return m_u0; }  // current x range, display space (last computed or set)
    double xHi() const { return m_u1; }

    // Column extremes from the per-run min/max pyramids (default), or by scanning every visible
    // point as before issue 20: same frame either way; the scan is kept for bench/gui_curves.
    void setUsePyramids(bool on) { m_usePyramids = on; }
    bool usePyramids() const { return m_usePyramids; }
    size_t pyramidBytes() const;  // memory of every run's pyramids

    void setHidden(const QString& key, bool hidden);
    bool isHidden(const QString& key) const { return m_hidden.contains(key); }
    const QSet<QString>& hiddenRuns() const { return m_hidden; }

    // Brings caches up to date (incrementally) and computes what to draw on a plot `columns` x `rows`
    // device pixels. How the main line is drawn (why: Qt Charts strokes and hit-tests every series
    // point at ~1 us each, so 20 runs x 4 points x 1,400 columns cost ~0.5 s per frame):
    //  - line = the M4 points; with rows > 0, a column whose points span less than one pixel
    //    vertically keeps only its last point (smooth curves: ~1 point per column; the drawn curve
    //    moves by under a pixel). rows == 0 keeps every M4 point.
    //  - if that leaves at most kSeriesPointsPerColumn x columns points, the QLineSeries draws it
    //    (antialiased); otherwise (dense raw or still-noisy smoothed lines) `rasterised` is set and
    //    the exact M4 points are drawn by the column-interval rasteriser (envelope_item.h).
    // In raw-points mode every visible point goes to the series.
    static constexpr double kSeriesPointsPerColumn = 1.5;
    PlotFrame compute(int columns, int rows = 0);
    // Union of the shown runs' drawable x (display space); false when nothing is drawable.
    bool dataXExtent(double* lo, double* hi);
    // Every shown run's value at display x `u` (nearest drawable point, if the run's x extent reaches
    // within `tolerance` of u), sorted by drawn value ascending. Uses the caches of the last compute.
    QVector<ReadoutEntry> readoutAt(double u, double tolerance) const;

    static double toDisplay(double v, bool log);  // log10(v) (-inf for v <= 0) or v
    static double toData(double d, bool log);     // 10^d or d

private:
    struct RunCache {
        quint64 generation = 0;
        int xKind = -1;
        bool xLog = false;
        std::vector<double> xOwn;      // display x when it differs from the model column
        size_t xLen = 0;
        bool xSorted = true;
        double xMin = INFINITY, xMax = -INFINITY;
        ArithmeticX xArith{true, 0, 0};  // x[0..xArithLen) is an exact progression (while exact)
        size_t xArithLen = 0;
        bool yLog = false;
        std::vector<double> yOwn;      // log10 values under log-y
        size_t yLen = 0;
        qint64 undrawable = 0;
        size_t undrawableLen = 0;
        int undrawableKey = -1;        // axis transform the count belongs to
        bool smoothLog = false;
        SeriesSmoother smoother;
        MinMaxPyramid rawPyramid;      // of the display-space raw values, extended as points arrive
        MinMaxPyramid mainPyramid;     // of the smoothed values (rebuilt from where the smoother rewrote)
    };
    struct View {
        const double* u = nullptr;
        const double* raw = nullptr;
        const double* main = nullptr;
        const MinMaxPyramid* rawPyramid = nullptr;   // inside the RunCache: valid while m_cache
        const MinMaxPyramid* mainPyramid = nullptr;  // gets no new keys (see compute())
        size_t n = 0;
        bool sorted = true;
        ArithmeticX x;                               // u as an exact progression, if it is one
    };
    View refresh(const RunSeries& run, RunCache& cache);
    View viewOf(const RunSeries& run, const RunCache& cache) const;

    const CurveModel* m_model;
    CurveViewOptions m_options;
    bool m_autoX = true;
    double m_yIncludeLo = std::numeric_limits<double>::quiet_NaN(), m_yIncludeHi = std::numeric_limits<double>::quiet_NaN();
    bool m_usePyramids = true;
    double m_u0 = 0, m_u1 = 1;
    QSet<QString> m_hidden;
    QHash<QString, RunCache> m_cache;
};

}  // namespace seqscope::widgets
