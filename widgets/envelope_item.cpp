// SPDX-License-Identifier: MIT
// Column-interval rasteriser for the raw shadow; see envelope_item.h.
#include "envelope_item.h"

#include "curve_parallel.h"

#include <QPainter>
#include <algorithm>
#include <cmath>
#include <vector>

namespace seqscope::widgets {

EnvelopeItem::EnvelopeItem(QGraphicsItem* parent) : PlotOverlayItem(parent) {}

void EnvelopeItem::setRuns(QVector<Run> runs) {
    m_runs = std::move(runs);
    m_dirty = true;
    update();
}

namespace {
// One run's covered rows per pixel column (pixel y, downwards; top > bottom: nothing) and its paint.
struct RunSpans {
    std::vector<float> top, bottom;
    int red = 0, green = 0, blue = 0;
    double a8 = 0;       // opacity 0..255
    double hw = 0.5;     // half line width, px
    double side = 0;     // coverage spilled into neighbour columns by lines wider than a pixel
    quint32 full = 0;    // a8 rounded: a fully covered pixel
    quint32 fullPixel = 0, fullInv = 0;  // that pixel premultiplied, and 255 - its alpha
    quint32 opaque = 0;  // the colour at alpha 255 (ARGB)
};

// x * a / 255 per byte, rounded exactly as (x * a + 127) / 255, two channels per multiply.
inline quint32 byteMul(quint32 x, quint32 a) {
    quint32 lo = (x & 0xff00ffu) * a + 0x800080u;
    lo = ((lo + ((lo >> 8) & 0xff00ffu)) >> 8) & 0xff00ffu;
    quint32 hi = ((x >> 8) & 0xff00ffu) * a + 0x800080u;
    hi = (hi + ((hi >> 8) & 0xff00ffu)) & 0xff00ff00u;
    return hi | lo;
}

// Premultiplied source of colour `s` at coverage `sa` (0..255), blended source-over into *p:
// the opaque colour and the destination each scaled by one byteMul.
inline void blend(quint32* p, const RunSpans& s, quint32 sa) { *p = byteMul(s.opaque, sa) + byteMul(*p, 255 - sa); }

RunSpans spansOf(const EnvelopeItem::Run& run, int w, double x0, double y1, double sx, double sy) {
    RunSpans s;
    s.top.assign(static_cast<size_t>(w), INFINITY);
    s.bottom.assign(static_cast<size_t>(w), -INFINITY);
    auto cover = [&](int c, double ya, double yb) {
        if (c < 0 || c >= w) return;
        s.top[static_cast<size_t>(c)] = std::min<float>(s.top[static_cast<size_t>(c)], static_cast<float>(std::min(ya, yb)));
        s.bottom[static_cast<size_t>(c)] = std::max<float>(s.bottom[static_cast<size_t>(c)], static_cast<float>(std::max(ya, yb)));
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
    const QColor c = run.color;
    s.red = c.red();
    s.green = c.green();
    s.blue = c.blue();
    s.a8 = std::clamp(run.alpha, 0, 255) * c.alpha() / 255.0;
    s.hw = std::max(0.0, run.halfWidth);
    // Lines wider than a pixel also spill into the neighbouring columns at partial coverage, so a
    // steep stretch is as thick as a flat one (horizontal antialiasing for thick lines).
    s.side = std::clamp(s.hw - 0.5, 0.0, 1.0);
    s.full = static_cast<quint32>(s.a8 + 0.5);
    s.opaque = 0xff000000u | (static_cast<quint32>(s.red) << 16) | (static_cast<quint32>(s.green) << 8) |
               static_cast<quint32>(s.blue);
    blend(&s.fullPixel, s, s.full);
    s.fullInv = 255 - s.full;
    return s;
}

// Source-over of the premultiplied pixel `src` (alpha 255 - inv) on n pixels: the inner loop of the
// shadows, which cover most of the plot. Branch-free, so it vectorises; built for AVX2 too where the
// compiler can pick at run time (8 pixels per step).
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__SANITIZE_ADDRESS__)
__attribute__((target_clones("avx2", "default")))
#endif
void blendSpan(quint32* p, int n, quint32 src, quint32 inv) {
    for (int i = 0; i < n; ++i) p[i] = src + byteMul(p[i], inv);
}

// Blends column `col` of one run: its widened interval once; end rows get the fraction of the row
// the interval covers (for lines wider than a pixel, also a share of the neighbours' coverage).
// An empty interval is (+inf, -inf), which covers nothing without a test.
inline double rowCoverage(int row, double top, double bottom) {
    return std::clamp(std::min<double>(row + 1, bottom) - std::max<double>(row, top), 0.0, 1.0);
}

void blendColumn(const RunSpans& s, int col, int w, int h, quint32* column) {
    const size_t c = static_cast<size_t>(col);
    const double t = s.top[c] - s.hw, b = s.bottom[c] + s.hw;
    double lt = INFINITY, lb = -INFINITY, rt = INFINITY, rb = -INFINITY;
    if (s.side > 0) {
        if (col > 0) lt = s.top[c - 1] - s.hw, lb = s.bottom[c - 1] + s.hw;
        if (col + 1 < w) rt = s.top[c + 1] - s.hw, rb = s.bottom[c + 1] + s.hw;
    }
    const double top = std::min({t, lt, rt}), bottom = std::max({b, lb, rb});
    if (!(top <= bottom)) return;
    // Clamp in double before the cast: clipped spikes reach ~1e12 px.
    const int r0 = static_cast<int>(std::clamp(std::floor(top), 0.0, static_cast<double>(h)));
    const int r1 = static_cast<int>(std::clamp(std::ceil(bottom), 0.0, static_cast<double>(h))) - 1;
    // Fully covered rows (row > t and row + 1 < b), the common case of tall spans: one precomputed
    // source pixel; opaque lines and untouched pixels need no blend.
    int f0 = r1 + 1, f1 = r1;
    if (t <= b) {
        f0 = static_cast<int>(std::clamp(std::floor(t) + 1, static_cast<double>(r0), static_cast<double>(r1 + 1)));
        f1 = static_cast<int>(std::clamp(std::ceil(b) - 2, static_cast<double>(r0 - 1), static_cast<double>(r1)));
    }
    if (s.full && f0 <= f1) {
        if (s.fullInv == 0)
            std::fill(column + f0, column + f1 + 1, s.fullPixel);
        else
            blendSpan(column + f0, f1 - f0 + 1, s.fullPixel, s.fullInv);
    }
    auto partial = [&](int row) {
        double cov = rowCoverage(row, t, b);
        if (s.side > 0) cov = std::max({cov, s.side * rowCoverage(row, lt, lb), s.side * rowCoverage(row, rt, rb)});
        const quint32 sa = static_cast<quint32>(s.a8 * cov + 0.5);
        if (sa) blend(column + row, s, sa);
    };
    if (f0 <= f1) {
        for (int row = r0; row < f0; ++row) partial(row);
        for (int row = f1 + 1; row <= r1; ++row) partial(row);
    } else {
        for (int row = r0; row <= r1; ++row) partial(row);
    }
}
}  // namespace

void EnvelopeItem::rasterise(QImage& image, const QVector<Run>& runs, double x0, double x1, double y0, double y1) {
    const int w = image.width(), h = image.height();
    if (w <= 0 || h <= 0 || !(x1 > x0) || !(y1 > y0)) {
        image.fill(Qt::transparent);
        return;
    }
    const double sx = w / (x1 - x0), sy = h / (y1 - y0);
    QVector<Run> drawn;
    for (const Run& run : runs)
        if (!run.points.isEmpty()) drawn.push_back(run);
    std::vector<RunSpans> spans(static_cast<size_t>(drawn.size()));
    parallelFor(static_cast<int>(drawn.size()),
                [&](int k) { spans[static_cast<size_t>(k)] = spansOf(drawn[k], w, x0, y1, sx, sy); });
    // Blend into a column-major scratch image, then transpose: a column's rows are contiguous there,
    // while in the row-major QImage each row of a column is another cache line and page (20 runs x
    // 1,300 columns x ~80 rows missed the cache once per pixel). Per pixel the runs blend in order,
    // so the result is the same as drawing run by run. Reused per thread: 4 MB at 1,300 x 800.
    // Columns (then row bands) are independent: both passes are split over the cores.
    thread_local std::vector<quint32> scratch;
    scratch.assign(static_cast<size_t>(w) * static_cast<size_t>(h), 0u);
    quint32* const cells = scratch.data();
    constexpr int kTile = 16;  // columns per task, and the transpose's tile edge (fits the L1 cache)
    parallelFor((w + kTile - 1) / kTile, [&](int task) {
        for (int col = task * kTile; col < std::min(w, (task + 1) * kTile); ++col) {
            quint32* column = cells + static_cast<size_t>(col) * static_cast<size_t>(h);
            for (const RunSpans& s : spans) blendColumn(s, col, w, h, column);
        }
    });
    uchar* const bits = image.bits();  // detach once, not per pixel
    const qsizetype stride = image.bytesPerLine();
    parallelFor((h + kTile - 1) / kTile, [&](int task) {
        const int r0 = task * kTile;
        for (int c0 = 0; c0 < w; c0 += kTile)
            for (int row = r0; row < std::min(h, r0 + kTile); ++row) {
                quint32* line = reinterpret_cast<quint32*>(bits + row * stride);
                for (int col = c0; col < std::min(w, c0 + kTile); ++col)
                    line[col] = cells[static_cast<size_t>(col) * static_cast<size_t>(h) + static_cast<size_t>(row)];
            }
    });
}

void EnvelopeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    if (m_runs.isEmpty() || m_area.isEmpty()) return;
    // Raster at device resolution (high-DPI screens, 2x exports), cached until data or geometry change.
    const QTransform t = painter->deviceTransform();
    const qreal scale = std::max<qreal>(1.0, std::hypot(t.m11(), t.m12()));
    const QSize size(std::max(1, qRound(m_area.width() * scale)), std::max(1, qRound(m_area.height() * scale)));
    if (m_dirty || m_cache.size() != size) {
        // Same size: rasterise overwrites every pixel, so the image is reused (a new 4 MB image per
        // frame costs its page faults).
        if (m_cache.size() != size) m_cache = QImage(size, QImage::Format_ARGB32_Premultiplied);
        rasterise(m_cache, m_runs, m_x0, m_x1, m_y0, m_y1);
        m_dirty = false;
    }
    if (scale == 1.0 && t.type() <= QTransform::TxTranslate)
        painter->drawImage(QPointF(std::round(m_area.left()), std::round(m_area.top())), m_cache);  // plain blit
    else
        painter->drawImage(m_area, m_cache);
}

}  // namespace seqscope::widgets
