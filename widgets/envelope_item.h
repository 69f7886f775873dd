// SPDX-License-Identifier: MIT
// Custom envelope drawing for large series (style guide, widgets): the faded raw "shadow" behind
// smoothed loss curves (anchors R8; MLflow #2720) and dense raw lines. Qt Charts strokes every
// segment of a series with antialiasing and builds a hit-test stroke for it (~1 us per point, so
// ~7 ms per 5,000-point noisy run), while a dense line only needs each pixel column's covered rows. For x-sorted
// input the polyline's pixels in one column form one interval (it enters and leaves the column once),
// so per-column [top, bottom] intervals rasterise it exactly; the interval is widened by half the
// line width and its end rows get fractional coverage (vertical antialiasing, which is what flat
// curves need); each run's intervals are blended once, so a run never darkens itself. Unsorted input fills the interval
// between the polyline's visits to a column (documented approximation).
#pragma once

#include <QColor>
#include <QImage>
#include <QPointF>
#include <QVector>

#include "plot_overlay_item.h"

namespace seqscope::widgets {

class EnvelopeItem : public PlotOverlayItem {
public:
    struct Run {
        QColor color;
        QVector<QPointF> points;  // display space, in drawing order
        int alpha = 255;          // 0..255 on top of the colour's own alpha (faded shadows: ~70)
        double halfWidth = 0.5;   // px added above and below each column's interval (line width / 2)
    };

    explicit EnvelopeItem(QGraphicsItem* parent = nullptr);
    void setRuns(QVector<Run> runs);  // drawn in order: shadows first, then full-colour lines

    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    // Rasterises into `image` (premultiplied ARGB, cleared first); public for tests and exports.
    static void rasterise(QImage& image, const QVector<Run>& runs, double x0, double x1, double y0, double y1);

private:
    void geometryChanged() override { m_dirty = true; }

    QVector<Run> m_runs;
    QImage m_cache;
    bool m_dirty = true;
};

}  // namespace seqscope::widgets
