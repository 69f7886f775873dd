// SPDX-License-Identifier: MIT
// Group bands as filled polygons; see curve_band_item.h.
#include "curve_band_item.h"

#include <QPainter>
#include <QPolygonF>

namespace seqscope::widgets {

CurveBandItem::CurveBandItem(QGraphicsItem* parent) : PlotOverlayItem(parent) {}

void CurveBandItem::setBands(QVector<Band> bands) {
    m_bands = std::move(bands);
    update();
}

void CurveBandItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    if (m_bands.isEmpty() || !hasArea()) return;
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
