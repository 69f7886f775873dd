// SPDX-License-Identifier: MIT
// Column-interval rasteriser for the raw shadow; see envelope_item.h.
#include "envelope_item.h"

#include <QPainter>
#include <algorithm>
#include <cmath>
#include <vector>

namespace seqscope::widgets {

EnvelopeItem::EnvelopeItem(QGraphicsItem* parent) : QGraphicsItem(parent) {
    setAcceptedMouseButtons(Qt::NoButton);
    setAcceptHoverEvents(false);
}

void EnvelopeItem::setGeometry(const QRectF& plotArea, double x0, double x1, double y0, double y1) {
    if (plotArea != m_area) prepareGeometryChange();
    m_area = plotArea;
    m_x0 = x0;
    m_x1 = x1;
    m_y0 = y0;
    m_y1 = y1;
    m_dirty = true;
    update();
}

void EnvelopeItem::setRuns(QVector<Run> runs) {
    m_runs = std::move(runs);
    m_dirty = true;
    update();
}

QRectF EnvelopeItem::boundingRect() const { return m_area; }

void EnvelopeItem::rasterise(QImage& image, const QVector<Run>& runs, double x0, double x1, double y0, double y1) {
    image.fill(Qt::transparent);
    const int w = image.width(), h = image.height();
    if (w <= 0 || h <= 0 || !(x1 > x0) || !(y1 > y0)) return;
    const double sx = w / (x1 - x0), sy = h / (y1 - y0);
    std::vector<float> top(static_cast<size_t>(w)), bottom(static_cast<size_t>(w));
    uchar* const bits = image.bits();  // detach once, not per pixel
    const qsizetype stride = image.bytesPerLine();

    for (const Run& run : runs) {
        if (run.points.size() < 1) continue;
        std::fill(top.begin(), top.end(), INFINITY);
        std::fill(bottom.begin(), bottom.end(), -INFINITY);
        auto cover = [&](int c, double ya, double yb) {
            if (c < 0 || c >= w) return;
            top[static_cast<size_t>(c)] = std::min<float>(top[static_cast<size_t>(c)], static_cast<float>(std::min(ya, yb)));
            bottom[static_cast<size_t>(c)] = std::max<float>(bottom[static_cast<size_t>(c)], static_cast<float>(std::max(ya, yb)));
        };
        // Pixel coordinates: x to the right, y downwards.
        auto px = [&](const QPointF& p) { return QPointF((p.x() - x0) * sx, (y1 - p.y()) * sy); };
        // Column of pixel x, clamped before the cast: deep zooms put link points ~1e15 px away.
        auto columnOf = [&](double x) { return static_cast<int>(std::clamp(std::floor(x), -1.0, static_cast<double>(w))); };
        QPointF a = px(run.points.front());
        cover(columnOf(a.x()), a.y(), a.y());
        for (qsizetype i = 1; i < run.points.size(); ++i) {
            const QPointF b = px(run.points[i]);
            QPointF l = a, r = b;
            if (l.x() > r.x()) std::swap(l, r);
            const double dx = r.x() - l.x();
            const int c0 = columnOf(l.x()), c1 = columnOf(r.x());
            if (c0 == c1 || dx <= 0) {
                cover(c0, l.y(), r.y());
            } else {
                // Clip the segment to the visible columns, then sweep column by column.
                const int from = std::max(c0, 0), to = std::min(c1, w - 1);
                for (int c = from; c <= to; ++c) {
                    const double xa = std::max(l.x(), static_cast<double>(c));
                    const double xb = std::min(r.x(), static_cast<double>(c + 1));
                    const double ya = l.y() + (r.y() - l.y()) * (xa - l.x()) / dx;
                    const double yb = l.y() + (r.y() - l.y()) * (xb - l.x()) / dx;
                    cover(c, ya, yb);
                }
            }
            a = b;
        }
        // Blend each column's widened interval once, premultiplied source-over; end rows get the
        // fraction of the row the interval covers.
        const QColor c = run.color;
        const double a8 = std::clamp(run.alpha, 0, 255) * c.alpha() / 255.0;
        const double hw = std::max(0.0, run.halfWidth);
        const int red = c.red(), green = c.green(), blue = c.blue();
        // Premultiplied source at coverage `sa` (0..255), blended source-over into *p.
        auto blend = [&](quint32* p, quint32 sa) {
            const quint32 sr = (static_cast<quint32>(red) * sa + 127) / 255;
            const quint32 sg = (static_cast<quint32>(green) * sa + 127) / 255;
            const quint32 sb = (static_cast<quint32>(blue) * sa + 127) / 255;
            const quint32 inv = 255 - sa;
            const quint32 d = *p;
            const quint32 da = d >> 24, dr = (d >> 16) & 0xff, dg = (d >> 8) & 0xff, db = d & 0xff;
            *p = ((sa + (da * inv + 127) / 255) << 24) | ((sr + (dr * inv + 127) / 255) << 16) |
                 ((sg + (dg * inv + 127) / 255) << 8) | (sb + (db * inv + 127) / 255);
        };
        const quint32 full = static_cast<quint32>(a8 + 0.5);
        // Lines wider than a pixel also spill into the neighbouring columns at partial coverage, so a
        // steep stretch is as thick as a flat one (horizontal antialiasing for thick lines).
        const double side = std::clamp(hw - 0.5, 0.0, 1.0);
        auto coverage = [&](int c, int row) {
            if (c < 0 || c >= w) return 0.0;
            const double t = top[static_cast<size_t>(c)] - hw, b = bottom[static_cast<size_t>(c)] + hw;
            if (!(t <= b)) return 0.0;
            return std::clamp(std::min<double>(row + 1, b) - std::max<double>(row, t), 0.0, 1.0);
        };
        for (int col = 0; col < w; ++col) {
            double t = top[static_cast<size_t>(col)] - hw, b = bottom[static_cast<size_t>(col)] + hw;
            if (side > 0) {
                for (int n : {col - 1, col + 1})
                    if (n >= 0 && n < w && top[static_cast<size_t>(n)] <= bottom[static_cast<size_t>(n)]) {
                        t = std::min<double>(t, top[static_cast<size_t>(n)] - hw);
                        b = std::max<double>(b, bottom[static_cast<size_t>(n)] + hw);
                    }
            }
            if (!(t <= b)) continue;
            // Clamp in double before the cast: clipped spikes reach ~1e12 px.
            const int r0 = static_cast<int>(std::clamp(std::floor(t), 0.0, static_cast<double>(h)));
            const int r1 = static_cast<int>(std::clamp(std::ceil(b), 0.0, static_cast<double>(h))) - 1;
            const double ownT = top[static_cast<size_t>(col)] - hw, ownB = bottom[static_cast<size_t>(col)] + hw;
            for (int row = r0; row <= r1; ++row) {
                quint32* p = reinterpret_cast<quint32*>(bits + row * stride) + col;
                if (row > ownT && row + 1 < ownB) {  // fully covered row: the common case of tall spans
                    if (full) blend(p, full);
                    continue;
                }
                double cov = coverage(col, row);
                if (side > 0) cov = std::max({cov, side * coverage(col - 1, row), side * coverage(col + 1, row)});
                const quint32 sa = static_cast<quint32>(a8 * cov + 0.5);
                if (sa) blend(p, sa);
            }
        }
    }
}

void EnvelopeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    if (m_runs.isEmpty() || m_area.isEmpty()) return;
    // Raster at device resolution (high-DPI screens, 2x exports), cached until data or geometry change.
    const QTransform t = painter->deviceTransform();
    const qreal scale = std::max<qreal>(1.0, std::hypot(t.m11(), t.m12()));
    const QSize size(std::max(1, qRound(m_area.width() * scale)), std::max(1, qRound(m_area.height() * scale)));
    if (m_dirty || m_cache.size() != size) {
        m_cache = QImage(size, QImage::Format_ARGB32_Premultiplied);
        rasterise(m_cache, m_runs, m_x0, m_x1, m_y0, m_y1);
        m_dirty = false;
    }
    painter->drawImage(m_area, m_cache);
}

}  // namespace seqscope::widgets
