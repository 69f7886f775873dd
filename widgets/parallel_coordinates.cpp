// SPDX-License-Identifier: MIT
#include "parallel_coordinates.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>
#include <algorithm>
#include <cmath>
#include <set>

namespace seqscope::widgets {
namespace {

constexpr double kAxisGrab = 14;      // px either side of an axis where a drag brushes it
constexpr double kLineGrab = 6;       // px from a line that counts as hovering it
constexpr double kBrushHalfWidth = 7;

// Short labels: 3 significant digits, thousands and up with a k/M/B/T suffix ("120k", "2.5M").
QString tickText(double v) {
    const char* suffix[] = {"", "k", "M", "B", "T"};
    int i = 0;
    while (std::abs(v) >= 1000 && i < 4 && std::abs(v) < 1e15) {
        v /= 1000;
        ++i;
    }
    return QString::number(v, 'g', 3) + QLatin1String(suffix[i]);
}

// Ticks at 1, 2 or 5 times a power of ten, at most about six on the axis.
QVector<double> linearTicks(double lo, double hi) {
    QVector<double> ticks;
    const double span = hi - lo;
    if (!(span > 0)) return {lo};
    const double raw = span / 5, mag = std::pow(10.0, std::floor(std::log10(raw)));
    const double step = raw / mag < 1.5 ? mag : raw / mag < 3.5 ? 2 * mag : raw / mag < 7.5 ? 5 * mag : 10 * mag;
    for (double v = std::ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9; v += step) ticks << (std::abs(v) < step * 1e-9 ? 0 : v);
    return ticks;
}

// Powers of ten; with fewer than two inside, 2x and 5x steps too.
QVector<double> logTicks(double lo, double hi) {
    QVector<double> ticks;
    for (int e = int(std::floor(std::log10(lo))); e <= int(std::ceil(std::log10(hi))); ++e) {
        const double p = std::pow(10.0, e);
        if (p >= lo * (1 - 1e-9) && p <= hi * (1 + 1e-9)) ticks << p;
    }
    if (ticks.size() >= 2) return ticks;
    ticks.clear();
    for (int e = int(std::floor(std::log10(lo))); e <= int(std::ceil(std::log10(hi))); ++e)
        for (double m : {1.0, 2.0, 5.0}) {
            const double v = m * std::pow(10.0, e);
            if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) ticks << v;
        }
    return ticks;
}

double segmentDistance(const QPointF& p, const QPointF& a, const QPointF& b) {
    const QPointF d = b - a;
    const double len2 = QPointF::dotProduct(d, d);
    const double t = len2 > 0 ? std::clamp(QPointF::dotProduct(p - a, d) / len2, 0.0, 1.0) : 0.0;
    const QPointF q = a + t * d - p;
    return std::sqrt(QPointF::dotProduct(q, q));
}

}  // namespace

ParallelCoordinates::ParallelCoordinates(QWidget* parent) : QWidget(parent) {
    setMouseTracking(true);
    setMinimumSize(320, 220);
}

void ParallelCoordinates::setData(const QVector<ParallelLine>& lines, const QVector<ParallelAxis>& axes) {
    m_lines = lines;
    m_source = axes;
    m_axes.clear();
    m_hoverLine = -1;
    for (const ParallelAxis& a : axes) {
        Axis axis;
        axis.title = a.title;
        if (!a.texts.isEmpty()) {
            std::set<QString> values;
            for (const QString& t : a.texts)
                if (!t.isEmpty()) values.insert(t);
            axis.categories = QStringList(values.begin(), values.end());
            axis.lo = 0;
            axis.hi = std::max<double>(0, axis.categories.size() - 1);
        } else {
            double lo = INFINITY, hi = -INFINITY;
            for (double v : a.numbers)
                if (std::isfinite(v)) {
                    lo = std::min(lo, v);
                    hi = std::max(hi, v);
                }
            if (!std::isfinite(lo)) lo = 0, hi = 1;
            axis.log = lo > 0 && hi / lo > 10;
            if (hi == lo) {   // one value: centre it
                const double pad = lo == 0 ? 1 : std::abs(lo) * 0.1;
                lo -= pad;
                hi += pad;
            }
            axis.lo = lo;
            axis.hi = hi;
        }
        m_axes << axis;
    }
    m_t = QVector<QVector<double>>(lines.size(), QVector<double>(axes.size(), NAN));
    for (int a = 0; a < int(axes.size()); ++a)
        for (int l = 0; l < int(lines.size()); ++l) {
            double v = NAN;
            if (m_axes[a].categories.isEmpty()) v = l < axes[a].numbers.size() ? axes[a].numbers[l] : NAN;
            else if (l < axes[a].texts.size() && !axes[a].texts[l].isEmpty()) v = m_axes[a].categories.indexOf(axes[a].texts[l]);
            m_t[l][a] = std::isfinite(v) ? normalised(a, v) : NAN;
        }
    update();
}

void ParallelCoordinates::setHighlighted(const QList<qint64>& ids) {
    m_highlighted = ids;
    update();
}

double ParallelCoordinates::normalised(int axis, double v) const {
    const Axis& a = m_axes[axis];
    if (!a.categories.isEmpty()) return a.categories.size() < 2 ? 0.5 : v / (a.categories.size() - 1);
    if (a.log) return v > 0 ? std::log(v / a.lo) / std::log(a.hi / a.lo) : NAN;
    return (v - a.lo) / (a.hi - a.lo);
}

QRectF ParallelCoordinates::plotRect() const {
    // Room for titles above, tick labels on the first axis' left and the last axis' right.
    return QRectF(QPointF(64, 60), QPointF(width() - 64.0, height() - 30.0));
}

double ParallelCoordinates::axisX(int axis) const {
    const QRectF r = plotRect();
    if (m_axes.size() < 2) return r.center().x();
    return r.left() + r.width() * axis / (m_axes.size() - 1);
}

double ParallelCoordinates::yOf(double t) const { return plotRect().bottom() - t * plotRect().height(); }
double ParallelCoordinates::tOf(double y) const { return std::clamp((plotRect().bottom() - y) / plotRect().height(), 0.0, 1.0); }
double ParallelCoordinates::valueY(int axis, double value) const { return yOf(normalised(axis, value)); }

void ParallelCoordinates::setBrush(int axis, double from, double to) {
    if (axis < 0 || axis >= int(m_axes.size())) return;
    double a = normalised(axis, from), b = normalised(axis, to);
    if (!std::isfinite(a) || !std::isfinite(b)) return;
    if (a > b) std::swap(a, b);
    // A brush on a category covers it, however thin the drag.
    if (axisIsCategorical(axis) && m_axes[axis].categories.size() > 1) {
        const double half = 0.5 / (m_axes[axis].categories.size() - 1);
        a -= half * 0.5;
        b += half * 0.5;
    }
    m_axes[axis].brush = std::make_pair(a - 1e-9, b + 1e-9);
    update();
    emit brushedRunsChanged(brushedRuns());
}

void ParallelCoordinates::clearBrushes() {
    for (Axis& a : m_axes) a.brush.reset();
    update();
}

bool ParallelCoordinates::hasBrushes() const {
    return std::any_of(m_axes.begin(), m_axes.end(), [](const Axis& a) { return a.brush.has_value(); });
}

QList<qint64> ParallelCoordinates::brushedRuns() const {
    QList<qint64> ids;
    if (!hasBrushes()) return ids;
    for (int l = 0; l < int(m_lines.size()); ++l) {
        bool inside = true;
        for (int a = 0; a < int(m_axes.size()) && inside; ++a)
            if (m_axes[a].brush) inside = m_t[l][a] >= m_axes[a].brush->first && m_t[l][a] <= m_axes[a].brush->second;
        if (inside) ids << m_lines[l].id;
    }
    return ids;
}

QString ParallelCoordinates::readout(int line) const {
    QString text = m_lines[line].label;
    for (int a = 0; a < int(m_source.size()); ++a) {
        const ParallelAxis& s = m_source[a];
        const QString value = s.texts.isEmpty() ? (std::isfinite(s.numbers.value(line, NAN)) ? tickText(s.numbers[line]) : QString())
                                                : s.texts.value(line);
        text += QStringLiteral("\n%1: %2").arg(s.title, value.isEmpty() ? QStringLiteral("-") : value);
    }
    return text;
}

int ParallelCoordinates::axisAt(const QPointF& pos) const {
    const QRectF r = plotRect().adjusted(0, -10, 0, 10);
    if (pos.y() < r.top() || pos.y() > r.bottom()) return -1;
    for (int a = 0; a < int(m_axes.size()); ++a)
        if (std::abs(pos.x() - axisX(a)) <= kAxisGrab) return a;
    return -1;
}

int ParallelCoordinates::lineAt(const QPointF& pos) const {
    int best = -1;
    double bestDistance = kLineGrab;
    for (int l = 0; l < int(m_lines.size()); ++l)
        for (int a = 0; a + 1 < int(m_axes.size()); ++a) {
            if (!std::isfinite(m_t[l][a]) || !std::isfinite(m_t[l][a + 1])) continue;
            const double d = segmentDistance(pos, {axisX(a), yOf(m_t[l][a])}, {axisX(a + 1), yOf(m_t[l][a + 1])});
            if (d < bestDistance) bestDistance = d, best = l;
        }
    return best;
}

void ParallelCoordinates::drawAxis(QPainter& p, int axis) const {
    const Axis& a = m_axes[axis];
    const QPalette& pal = palette();
    const double x = axisX(axis);
    const QRectF r = plotRect();
    p.setPen(QPen(pal.color(QPalette::Text), 1.2));
    p.drawLine(QPointF(x, r.top() - 8), QPointF(x, r.bottom() + 8));   // past the ends: lines at the extremes stay apart from the frame
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    const QFontMetrics boldMetrics(bold);
    // Titles get two lines; a nested field shows its last component ("d_model"), the full path on hover.
    const double titleWidth = std::max(40.0, r.width() / std::max<int>(1, m_axes.size() - 1) - 8);
    const QString title = a.title.section(QLatin1Char('.'), -1) + (a.log ? tr(" (log)") : QString());
    const QRectF box(x - titleWidth / 2, r.top() - 48, titleWidth, 34);
    const QString text = boldMetrics.boundingRect(box.toRect(), Qt::TextWordWrap, title).height() > box.height()
                             ? boldMetrics.elidedText(title, Qt::ElideMiddle, int(titleWidth))
                             : title;
    p.drawText(box, Qt::AlignHCenter | Qt::AlignBottom | Qt::TextWordWrap, text);
    p.setFont(font());
    // Tick labels sit left of the axis, except on the last one (right of it), so they never cover lines' ends.
    const bool right = axis == m_axes.size() - 1 && m_axes.size() > 1;
    auto label = [&](double t, const QString& text) {
        const double y = yOf(t);
        p.drawLine(QPointF(x - 3, y), QPointF(x + 3, y));
        const QRectF box = right ? QRectF(x + 5, y - 8, 58, 16) : QRectF(x - 63, y - 8, 58, 16);
        p.drawText(box, (right ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter, text);
    };
    if (!a.categories.isEmpty()) {
        for (int i = 0; i < int(a.categories.size()); ++i)
            label(normalised(axis, i), p.fontMetrics().elidedText(a.categories[i], Qt::ElideMiddle, 56));
    } else {
        for (double v : a.log ? logTicks(a.lo, a.hi) : linearTicks(a.lo, a.hi)) label(normalised(axis, v), tickText(v));
    }
    if (a.brush) {
        QColor fill = pal.color(QPalette::Highlight);
        fill.setAlpha(70);
        p.setPen(QPen(pal.color(QPalette::Highlight), 1));
        p.setBrush(fill);
        p.drawRect(QRectF(QPointF(x - kBrushHalfWidth, yOf(a.brush->second)), QPointF(x + kBrushHalfWidth, yOf(a.brush->first))));
        p.setBrush(Qt::NoBrush);
    }
}

void ParallelCoordinates::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Base));
    p.setRenderHint(QPainter::Antialiasing);
    if (m_axes.isEmpty() || m_lines.isEmpty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter, tr("No runs with a final loss to show."));
        return;
    }
    // Emphasised runs: the brushed ones while brushes exist, else the Runs panel's selection.
    const QList<qint64> emphasised = hasBrushes() ? brushedRuns() : m_highlighted;
    auto path = [&](int l) {
        QPainterPath line;
        bool open = false;
        for (int a = 0; a < int(m_axes.size()); ++a) {
            if (!std::isfinite(m_t[l][a])) {
                open = false;   // a missing value breaks the line
                continue;
            }
            const QPointF pt(axisX(a), yOf(m_t[l][a]));
            if (open) line.lineTo(pt);
            else line.moveTo(pt);
            open = true;
        }
        return line;
    };
    // Lines keep their colour when others are emphasised (faded, thin), so the picture stays readable;
    // emphasised ones are drawn last, thick, over a halo in the text colour.
    const QColor halo = palette().color(QPalette::Text);
    for (int pass = 0; pass < 2; ++pass)
        for (int l = 0; l < int(m_lines.size()); ++l) {
            const bool strong = !emphasised.isEmpty() && emphasised.contains(m_lines[l].id);
            if ((pass == 1) != strong) continue;
            QColor c = m_lines[l].color;
            if (strong) {
                p.setPen(QPen(halo, 4.6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
                p.drawPath(path(l));
            } else {
                c.setAlpha(emphasised.isEmpty() ? 210 : 80);
            }
            p.setPen(QPen(c, strong ? 2.6 : 1.6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            p.drawPath(path(l));
        }
    if (m_hoverLine >= 0 && m_hoverLine < int(m_lines.size())) {
        p.setPen(QPen(palette().color(QPalette::Text), 3));
        p.drawPath(path(m_hoverLine));
    }
    for (int a = 0; a < int(m_axes.size()); ++a) drawAxis(p, a);
    if (m_dragAxis >= 0) {
        p.setPen(QPen(palette().color(QPalette::Highlight), 1, Qt::DashLine));
        const QPointF cursor = mapFromGlobal(QCursor::pos());
        const double x = axisX(m_dragAxis);
        p.drawRect(QRectF(QPointF(x - kBrushHalfWidth, m_dragFrom), QPointF(x + kBrushHalfWidth, cursor.y())));
    }
}

void ParallelCoordinates::mousePressEvent(QMouseEvent* event) {
    m_dragAxis = event->button() == Qt::LeftButton ? axisAt(event->position()) : -1;
    m_dragFrom = event->position().y();
}

void ParallelCoordinates::mouseMoveEvent(QMouseEvent* event) {
    if (m_dragAxis >= 0) {
        update();
        return;
    }
    if (event->position().y() < plotRect().top() - 10) {   // over the titles: the full field path
        for (int a = 0; a < int(m_axes.size()); ++a)
            if (std::abs(event->position().x() - axisX(a)) < 40) {
                QToolTip::showText(event->globalPosition().toPoint(), m_axes[a].title, this);
                return;
            }
    }
    const int line = lineAt(event->position());
    if (line != m_hoverLine) {
        m_hoverLine = line;
        update();
    }
    if (line >= 0) QToolTip::showText(event->globalPosition().toPoint(), readout(line), this);
    else QToolTip::hideText();
}

void ParallelCoordinates::mouseReleaseEvent(QMouseEvent* event) {
    const int axis = m_dragAxis;
    m_dragAxis = -1;
    if (axis < 0) return;
    const double y = event->position().y();
    if (std::abs(y - m_dragFrom) < 3) {   // a click: drop this axis' brush
        m_axes[axis].brush.reset();
        update();
        if (hasBrushes()) emit brushedRunsChanged(brushedRuns());
        return;
    }
    double a = tOf(m_dragFrom), b = tOf(y);
    if (a > b) std::swap(a, b);
    m_axes[axis].brush = std::make_pair(a, b);
    update();
    emit brushedRunsChanged(brushedRuns());
}

void ParallelCoordinates::leaveEvent(QEvent*) {
    m_hoverLine = -1;
    update();
}

}  // namespace seqscope::widgets
