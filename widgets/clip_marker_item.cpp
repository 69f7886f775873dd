// SPDX-License-Identifier: MIT
// Edge triangles for clipped points; see clip_marker_item.h.
#include "clip_marker_item.h"

#include <QPainter>
#include <QPolygonF>

namespace seqscope::widgets {

namespace {
constexpr qreal kHalfWidth = 4;  // px
constexpr qreal kHeight = 6;     // px
}  // namespace

ClipMarkerItem::ClipMarkerItem(QGraphicsItem* parent) : QGraphicsItem(parent) {
    setAcceptedMouseButtons(Qt::NoButton);
}

void ClipMarkerItem::setGeometry(const QRectF& plotArea, double x0, double x1) {
    prepareGeometryChange();
    m_area = plotArea;
    m_x0 = x0;
    m_x1 = x1;
    update();
}

void ClipMarkerItem::setMarkers(QVector<Marker> markers) {
    m_markers = std::move(markers);
    update();
}

QRectF ClipMarkerItem::boundingRect() const { return m_area.adjusted(-kHalfWidth, -1, kHalfWidth, 1); }

void ClipMarkerItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    if (m_markers.isEmpty() || m_area.isEmpty() || !(m_x1 > m_x0)) return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setPen(Qt::NoPen);
    const double scale = m_area.width() / (m_x1 - m_x0);
    // One marker per pixel column and edge and colour is enough; skip repeats cheaply.
    int lastColumn = -1;
    QRgb lastColor = 0;
    bool lastHigh = false;
    for (const Marker& m : m_markers) {
        const qreal x = m_area.left() + (m.u - m_x0) * scale;
        if (x < m_area.left() - 0.5 || x > m_area.right() + 0.5) continue;
        const int column = static_cast<int>(x);
        if (column == lastColumn && m.color.rgb() == lastColor && m.high == lastHigh) continue;
        lastColumn = column;
        lastColor = m.color.rgb();
        lastHigh = m.high;
        QPolygonF triangle;
        if (m.high) {
            const qreal y = m_area.top();
            triangle << QPointF(x, y) << QPointF(x - kHalfWidth, y + kHeight) << QPointF(x + kHalfWidth, y + kHeight);
        } else {
            const qreal y = m_area.bottom();
            triangle << QPointF(x, y) << QPointF(x - kHalfWidth, y - kHeight) << QPointF(x + kHalfWidth, y - kHeight);
        }
        painter->setBrush(m.color);
        painter->drawPolygon(triangle);
    }
    painter->restore();
}

}  // namespace seqscope::widgets
