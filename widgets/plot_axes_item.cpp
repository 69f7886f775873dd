// SPDX-License-Identifier: MIT
// Grid, tick labels and titles of the loss chart; see plot_axes_item.h.
#include "plot_axes_item.h"

#include <QFontMetricsF>
#include <QPaintEngine>
#include <QPainter>
#include <QSet>
#include <cmath>

namespace seqscope::widgets {

namespace {
constexpr int kTickLength = 4;     // tick marks outside the plot, px
constexpr qreal kLabelGap = 3;     // between a tick mark and its label
constexpr qreal kTitleGap = 4;     // between the labels and the title
constexpr int kMaxCachedLabels = 256;

bool inside(const AxisTick& t, double lo, double hi) { return t.position > lo && t.position <= hi; }

// The whole pixel a coordinate falls in.
int pixel(qreal v) { return static_cast<int>(std::floor(v)); }

// A 1-px column [top, bottom) in pieces of 64 rows: Qt's raster engine hands a fill of more than ~96
// spans (rows) to its thread pool, which for a 1-px-wide column costs far more than the fill.
void fillColumn(QPainter* painter, int x, int top, int bottom, const QColor& color) {
    constexpr int kRows = 64;
    for (int y = top; y < bottom; y += kRows) painter->fillRect(QRect(x, y, 1, std::min(kRows, bottom - y)), color);
}
}  // namespace

PlotAxesItem::PlotAxesItem(QGraphicsItem* parent) : PlotOverlayItem(parent) {}

void PlotAxesItem::setTicks(const QVector<AxisTick>& x, const QVector<AxisTick>& y) {
    m_xTicks = x;
    m_yTicks = y;
    if (m_labels.size() > kMaxCachedLabels) pruneLabels();
    prepareGeometryChange();  // the labels' extent is part of the bounding rect
    update();
}

void PlotAxesItem::setTitles(const QString& x, const QString& y) {
    if (x == m_xTitle && y == m_yTitle) return;
    m_xTitle = x;
    m_yTitle = y;
    update();
}

void PlotAxesItem::setColors(const QColor& text, const QColor& grid) {
    m_text = text;
    m_grid = grid;
    update();
}

void PlotAxesItem::setFonts(const QFont& labels, const QFont& titles) {
    if (labels == m_labelFont && titles == m_titleFont) return;
    prepareGeometryChange();
    m_labelFont = labels;
    m_titleFont = titles;
    m_labels.clear();  // shaped with the old font
    update();
}

const QStaticText& PlotAxesItem::label(const QString& text) {
    auto it = m_labels.find(text);
    if (it == m_labels.end()) {
        QStaticText s(text);
        s.setTextFormat(Qt::PlainText);
        s.setPerformanceHint(QStaticText::AggressiveCaching);
        s.prepare(QTransform(), m_labelFont);
        it = m_labels.insert(text, s);
    }
    return *it;
}

void PlotAxesItem::pruneLabels() {
    QSet<QString> keep;
    for (const AxisTick& t : m_xTicks) keep.insert(t.label);
    for (const AxisTick& t : m_yTicks) keep.insert(t.label);
    for (auto it = m_labels.begin(); it != m_labels.end();)
        it = keep.contains(it.key()) ? std::next(it) : m_labels.erase(it);
}

int PlotAxesItem::requiredLeft() const {
    const QFontMetricsF labels(m_labelFont), titles(m_titleFont);
    qreal widest = 0;
    for (const AxisTick& t : m_yTicks) widest = std::max(widest, labels.horizontalAdvance(t.label));
    const qreal title = m_yTitle.isEmpty() ? 0 : titles.height() + kTitleGap;
    return static_cast<int>(std::ceil(kTickLength + kLabelGap + widest + kTitleGap + title));
}

int PlotAxesItem::requiredBottom() const {
    const QFontMetricsF labels(m_labelFont), titles(m_titleFont);
    const qreal title = m_xTitle.isEmpty() ? 0 : titles.height() + kTitleGap;
    return static_cast<int>(std::ceil(kTickLength + kLabelGap + labels.height() + title + kTitleGap));
}

QRectF PlotAxesItem::boundingRect() const {
    if (m_area.isEmpty()) return QRectF();
    const QFontMetricsF labels(m_labelFont);
    qreal halfLabel = 0;
    for (const AxisTick& t : m_xTicks) halfLabel = std::max(halfLabel, labels.horizontalAdvance(t.label) / 2 + 1);
    return m_area.adjusted(-requiredLeft(), -labels.height() / 2 - 1, halfLabel, requiredBottom());
}

void PlotAxesItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    if (!hasArea()) return;
    painter->save();
    const QRectF a = m_area;
    // Axis-parallel 1-px lines on whole pixels without antialiasing, filled as rectangles: crisp and
    // cheap. (Stroked, antialiased or not, Qt draws them pixel by pixel: 2-4 ms a frame.) Vector
    // exports (SVG, PDF) get plain lines.
    painter->setRenderHint(QPainter::Antialiasing, false);
    const bool raster = painter->paintEngine() && painter->paintEngine()->type() == QPaintEngine::Raster;
    auto vertical = [&](int x, int y0, int y1, const QColor& color) {  // rows [y0, y1)
        if (raster) return fillColumn(painter, x, y0, y1, color);
        painter->setPen(QPen(color, 0));
        painter->drawLine(QLineF(x + 0.5, y0, x + 0.5, y1));
    };
    auto horizontal = [&](int x0, int x1, int y, const QColor& color) {  // columns [x0, x1)
        if (raster) return painter->fillRect(QRect(x0, y, x1 - x0, 1), color);
        painter->setPen(QPen(color, 0));
        painter->drawLine(QLineF(x0, y + 0.5, x1, y + 0.5));
    };
    const int left = pixel(a.left()), right = pixel(a.right()), top = pixel(a.top()), bottom = pixel(a.bottom()) - 1;
    QColor edge = m_text;
    edge.setAlpha(120);
    for (const AxisTick& t : m_xTicks) {
        if (!inside(t, m_x0, m_x1)) continue;
        const int x = pixel(map({t.position, m_y0}).x());
        vertical(x, top, bottom, m_grid);
        vertical(x, bottom + 1, bottom + 1 + kTickLength, edge);
    }
    for (const AxisTick& t : m_yTicks) {
        if (!inside(t, m_y0, m_y1)) continue;
        const int y = pixel(map({m_x0, t.position}).y());
        horizontal(left + 1, right, y, m_grid);
        horizontal(left - kTickLength, left, y, edge);
    }
    vertical(left, top, bottom + 1, edge);
    horizontal(left, right, bottom, edge);

    painter->setFont(m_labelFont);
    painter->setPen(m_text);
    const qreal labelTop = a.bottom() + kTickLength + kLabelGap;
    for (const AxisTick& t : m_xTicks) {
        if (!inside(t, m_x0, m_x1)) continue;
        const QStaticText& s = label(t.label);
        painter->drawStaticText(QPointF(std::round(map({t.position, m_y0}).x() - s.size().width() / 2), labelTop), s);
    }
    for (const AxisTick& t : m_yTicks) {
        if (!inside(t, m_y0, m_y1)) continue;
        const QStaticText& s = label(t.label);
        const qreal x = a.left() - kTickLength - kLabelGap - s.size().width();
        const qreal y = map({m_x0, t.position}).y() - s.size().height() / 2;
        painter->drawStaticText(QPointF(std::round(x), std::round(y)), s);
    }

    painter->setFont(m_titleFont);
    const QFontMetricsF labels(m_labelFont), titles(m_titleFont);
    if (!m_xTitle.isEmpty())
        painter->drawText(QRectF(a.left(), labelTop + labels.height() + kTitleGap, a.width(), titles.height()),
                          Qt::AlignHCenter | Qt::AlignTop, m_xTitle);
    if (!m_yTitle.isEmpty()) {
        painter->translate(a.left() - requiredLeft() + kTitleGap / 2, a.center().y());
        painter->rotate(-90);
        painter->drawText(QRectF(-a.height() / 2, 0, a.height(), titles.height()), Qt::AlignHCenter | Qt::AlignTop,
                          m_yTitle);
    }
    painter->restore();
}

}  // namespace seqscope::widgets
