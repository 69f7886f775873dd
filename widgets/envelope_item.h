// SPDX-License-Identifier: MIT
// The faded raw "shadow" behind smoothed loss curves (anchors R8; MLflow #2720), drawn as a custom
// envelope instead of one more QLineSeries per run: Qt Charts strokes every segment of a series with
// antialiasing and builds a hit-test stroke for it, which costs ~7 ms per 5,000-point noisy run on
// the reference machine, while a shadow only needs each pixel column's covered rows. For x-sorted
// input the polyline's pixels in one column form one interval (it enters and leaves the column once),
// so per-column [top, bottom] intervals rasterise it exactly (1 px, no antialiasing); each run's
// intervals are blended once, so a run never darkens itself. Unsorted input fills the interval
// between the polyline's visits to a column (documented approximation).
#pragma once

#include <QColor>
#include <QGraphicsItem>
#include <QImage>
#include <QPointF>
#include <QVector>

namespace seqscope::widgets {

class EnvelopeItem : public QGraphicsItem {
public:
    struct Run {
        QColor color;             // drawn at the item's opacity fraction
        QVector<QPointF> points;  // display space, in drawing order
    };

    explicit EnvelopeItem(QGraphicsItem* parent = nullptr);

    // Plot area in the parent's coordinates, and the display-space ranges it shows.
    void setGeometry(const QRectF& plotArea, double x0, double x1, double y0, double y1);
    void setRuns(QVector<Run> runs);
    void setAlpha(int alpha);  // 0..255 applied to every run colour

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    // Rasterises into `image` (premultiplied ARGB, cleared first); public for tests and exports.
    static void rasterise(QImage& image, const QVector<Run>& runs, double x0, double x1, double y0, double y1,
                          int alpha);

private:
    QRectF m_area;
    double m_x0 = 0, m_x1 = 1, m_y0 = 0, m_y1 = 1;
    QVector<Run> m_runs;
    int m_alpha = 64;
    QImage m_cache;
    bool m_dirty = true;
};

}  // namespace seqscope::widgets
