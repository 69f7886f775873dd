// SPDX-License-Identifier: MIT
#include "plot_overlay_item.h"

namespace seqscope::widgets {

PlotOverlayItem::PlotOverlayItem(QGraphicsItem* parent) : QGraphicsItem(parent) {
    setAcceptedMouseButtons(Qt::NoButton);   // the chart below handles the mouse
    setAcceptHoverEvents(false);
}

void PlotOverlayItem::setGeometry(const QRectF& plotArea, double x0, double x1, double y0, double y1) {
    if (plotArea != m_area) prepareGeometryChange();
    m_area = plotArea;
    m_x0 = x0, m_x1 = x1, m_y0 = y0, m_y1 = y1;
    geometryChanged();
    update();
}

QPointF PlotOverlayItem::map(const QPointF& d) const {
    const double w = m_x1 - m_x0, h = m_y1 - m_y0;
    return {m_area.left() + (d.x() - m_x0) / (w > 0 ? w : 1) * m_area.width(),
            m_area.bottom() - (d.y() - m_y0) / (h > 0 ? h : 1) * m_area.height()};
}

}  // namespace seqscope::widgets
