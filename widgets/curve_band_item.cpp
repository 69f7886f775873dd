// SPDX-License-Identifier: MIT
// Group bands as filled polygons; see curve_band_item.h.
#include "curve_band_item.h"

#include <QPainter>
#include <QPolygonF>

namespace seqscope::widgets {

CurveBandItem::CurveBandItem(QGraphicsItem* parent) : QGraphicsItem(parent) {
    setAcceptedMouseButtons(Qt::NoButton);
    setAcceptHoverEvents(false);
}

void CurveBandItem::setGeometry(const QRectF& plotArea, double x0, double x1, double y0, double y1) {
    if (plotArea != m_area) prepareGeometryChange();
    m_area = plotArea;
    m_x0 = x0;
    m_x1 = x1;
    m_y0 = y0;
    m_y1 = y1;
    update();
}

void CurveBandItem::setBands(QVector<Band> bands) {
    m_bands = std::move(bands);
    update();
}

void CurveBandItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    if (m_bands.isEmpty() || m_area.isEmpty() || !(m_x1 > m_x0) || !(m_y1 > m_y0)) return;
    const double sx = m_area.width() / (m_x1 - m_x0), sy = m_area.height() / (m_y1 - m_y0);
    auto map = [&](const QPointF& p) {
        return QPointF(m_area.left() + (p.x() - m_x0) * sx, m_area.top() + (m_y1 - p.y()) * sy);
    };
    painter->save();
    painter->setClipRect(m_area);
    painter->setPen(Qt::NoPen);
    for (const Band& band : m_bands) {
        if (band.lo.size() < 2 || band.lo.size() != band.hi.size()) continue;
        QPolygonF polygon;
        polygon.reserve(band.lo.size() * 2);
        for (const QPointF& p : band.hi) polygon << map(p);
        for (qsizetype i = band.lo.size(); i-- > 0;) polygon << map(band.lo[i]);
        QColor fill = band.color;
        fill.setAlpha(kFillAlpha);
        painter->setBrush(fill);
        painter->drawPolygon(polygon);
    }
    painter->restore();
}

}  // namespace seqscope::widgets
