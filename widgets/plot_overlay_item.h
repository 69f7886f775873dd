// SPDX-License-Identifier: MIT
// Base of the loss chart's own drawing layers over the Qt Charts plot (the envelope rasteriser, the
// group bands, the forecasts): the plot area in the parent's coordinates, the display-space ranges
// it shows, and the mapping from display space to item coordinates. The canvas sets the geometry
// after every layout; subclasses only paint.
#pragma once

#include <QGraphicsItem>
#include <QPointF>
#include <QRectF>

namespace seqscope::widgets {

class PlotOverlayItem : public QGraphicsItem {
public:
    explicit PlotOverlayItem(QGraphicsItem* parent = nullptr);

    // Plot area in the parent's coordinates, and the display-space ranges it shows.
    void setGeometry(const QRectF& plotArea, double x0, double x1, double y0, double y1);
    QRectF boundingRect() const override { return m_area; }

protected:
    virtual void geometryChanged() {}           // e.g. a cached raster is stale
    QPointF map(const QPointF& display) const;  // display space -> item coordinates
    bool hasArea() const { return !m_area.isEmpty() && m_x1 > m_x0 && m_y1 > m_y0; }

    QRectF m_area;
    double m_x0 = 0, m_x1 = 1, m_y0 = 0, m_y1 = 1;
};

}  // namespace seqscope::widgets
