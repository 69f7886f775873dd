// SPDX-License-Identifier: MIT
// Crosshair line, dots and sorted value box; see crosshair_item.h.
#include "crosshair_item.h"

#include <QApplication>
#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <cmath>

namespace seqscope::widgets {

namespace {
constexpr qreal kPad = 6;       // px inside the box
constexpr qreal kSwatch = 10;   // px colour swatch
constexpr qreal kGap = 12;      // px between cursor line and box
constexpr int kMaxRows = 40;    // beyond this the box says "+N more" (the copy has all rows)
}  // namespace

CrosshairItem::CrosshairItem(QGraphicsItem* parent) : QGraphicsItem(parent) {
    setAcceptedMouseButtons(Qt::NoButton);
    setZValue(1000);
}

void CrosshairItem::setContent(const QRectF& plotArea, qreal x, const QString& header, QVector<Row> rows,
                               bool pinned) {
    prepareGeometryChange();
    m_area = plotArea;
    m_x = x;
    m_header = header;
    m_rows = std::move(rows);
    m_pinned = pinned;
    update();
}

void CrosshairItem::setPalette(const QColor& text, const QColor& base, const QColor& line) {
    m_text = text;
    m_base = base;
    m_line = line;
    update();
}

QRectF CrosshairItem::boxRect() const {
    const QFontMetricsF fm(QApplication::font());
    qreal labelW = fm.horizontalAdvance(m_header), valueW = 0;
    const int shown = std::min<int>(m_rows.size(), kMaxRows);
    for (int i = 0; i < shown; ++i) {
        labelW = std::max(labelW, kSwatch + kPad + fm.horizontalAdvance(m_rows[i].label));
        valueW = std::max(valueW, fm.horizontalAdvance(m_rows[i].value + QLatin1String("  ") + m_rows[i].detail));
    }
    const int lines = 1 + shown + (m_rows.size() > kMaxRows ? 1 : 0);
    const qreal w = labelW + 2 * kPad + 3 * kPad + valueW;
    const qreal h = lines * fm.height() + 2 * kPad;
    // Right of the cursor unless that leaves the plot; clamp vertically into the plot.
    qreal left = m_x + kGap;
    if (left + w > m_area.right()) left = m_x - kGap - w;
    left = std::max(left, m_area.left());
    const qreal top = std::clamp(m_area.top() + kPad, m_area.top(), std::max(m_area.top(), m_area.bottom() - h));
    return QRectF(left, top, w, h);
}

QRectF CrosshairItem::boundingRect() const {
    if (m_area.isEmpty()) return {};
    return m_area.united(boxRect()).adjusted(-2, -2, 2, 2);
}

void CrosshairItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    if (m_area.isEmpty()) return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    QPen linePen(m_line, 1, m_pinned ? Qt::SolidLine : Qt::DashLine);
    linePen.setCosmetic(true);
    painter->setPen(linePen);
    painter->drawLine(QPointF(m_x, m_area.top()), QPointF(m_x, m_area.bottom()));

    for (const Row& row : m_rows) {
        if (std::isnan(row.sceneY) || row.sceneY < m_area.top() || row.sceneY > m_area.bottom()) continue;
        painter->setPen(QPen(m_base, 1.5));
        painter->setBrush(row.color);
        painter->drawEllipse(QPointF(m_x, row.sceneY), 4, 4);
    }

    const QRectF box = boxRect();
    QColor fill = m_base;
    fill.setAlpha(235);
    painter->setPen(QPen(m_line, 1));
    painter->setBrush(fill);
    painter->drawRoundedRect(box, 4, 4);

    const QFontMetricsF fm(QApplication::font());
    painter->setFont(QApplication::font());
    qreal y = box.top() + kPad;
    QFont bold = QApplication::font();
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(m_text);
    painter->drawText(QRectF(box.left() + kPad, y, box.width() - 2 * kPad, fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                      m_header);
    painter->setFont(QApplication::font());
    y += fm.height();
    const int shown = std::min<int>(m_rows.size(), kMaxRows);
    for (int i = 0; i < shown; ++i) {
        const Row& row = m_rows[i];
        painter->setPen(Qt::NoPen);
        painter->setBrush(row.color);
        painter->drawRoundedRect(QRectF(box.left() + kPad, y + (fm.height() - kSwatch) / 2, kSwatch, kSwatch), 2, 2);
        painter->setPen(m_text);
        const QRectF textRect(box.left() + kPad + kSwatch + kPad, y, box.width() - 3 * kPad - kSwatch, fm.height());
        painter->drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter, row.label);
        QString value = row.value;
        if (!row.detail.isEmpty()) value += QLatin1String("  ") + row.detail;
        painter->drawText(textRect, Qt::AlignRight | Qt::AlignVCenter, value);
        y += fm.height();
    }
    if (m_rows.size() > kMaxRows) {
        painter->drawText(QRectF(box.left() + kPad, y, box.width() - 2 * kPad, fm.height()), Qt::AlignLeft,
                          QCoreApplication::translate("CrosshairItem", "+%n more (Ctrl+C copies all)", nullptr,
                                                      static_cast<int>(m_rows.size() - kMaxRows)));
    }
    painter->restore();
}

}  // namespace seqscope::widgets
