// SPDX-License-Identifier: MIT
// Edge markers of the loss chart: a small triangle on the top (bottom) edge of the plot, in the run's
// colour, at each pixel column where a run's drawn line leaves the y range upwards (downwards), so a
// clipped spike or a clipped start is never silently cut off (anchors R14). A plain graphics item:
// Qt 6.4's per-point scatter colours re-create every marker item per call and crashed under load.
#pragma once

#include <QColor>
#include <QGraphicsItem>
#include <QPointF>
#include <QVector>

namespace seqscope::widgets {

class ClipMarkerItem : public QGraphicsItem {
public:
    struct Marker {
        double u = 0;        // display-space x
        bool high = true;    // above the range (top edge) or below it (bottom edge)
        QColor color;
    };

    explicit ClipMarkerItem(QGraphicsItem* parent = nullptr);

    void setGeometry(const QRectF& plotArea, double x0, double x1);
    void setMarkers(QVector<Marker> markers);
    int markerCount() const { return static_cast<int>(m_markers.size()); }

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QRectF m_area;
    double m_x0 = 0, m_x1 = 1;
    QVector<Marker> m_markers;
};

}  // namespace seqscope::widgets
