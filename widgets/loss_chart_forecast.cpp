// SPDX-License-Identifier: MIT
// Forecast bands on the loss chart (see loss_chart_forecast.h).
#include "loss_chart_forecast.h"

#include <QPainter>
#include <QPainterPath>
#include <cmath>

namespace seqscope::widgets {

bool ForecastBand::isValid() const {
    if (steps.isEmpty() || lo.size() != steps.size() || mid.size() != steps.size() || hi.size() != steps.size())
        return false;
    for (qsizetype i = 0; i < steps.size(); ++i)
        if (!(lo[i] <= mid[i] && mid[i] <= hi[i]) || (i > 0 && steps[i] < steps[i - 1])) return false;
    return !hasLaw || (lawLo <= lawMid && lawMid <= lawHi);
}

QVector<double> forecastX(const RunSeries& run, const QVector<qint64>& steps, XAxisKind kind) {
    QVector<double> out;
    const auto& stepCol = run.xs[static_cast<int>(XAxisKind::Step)];
    if (stepCol.empty()) return out;
    const double lastStep = stepCol.back(), firstStep = stepCol.front();
    out.reserve(steps.size());
    if (kind == XAxisKind::Step) {
        for (qint64 s : steps) out.push_back(static_cast<double>(s));
        return out;
    }
    if (kind == XAxisKind::Tokens || kind == XAxisKind::Flops) {
        // Both grow by a fixed amount per optimizer step (the batch), so the mean rate extrapolates.
        const double last = run.xs[static_cast<int>(kind)].back();
        if (!(lastStep > 0)) return out;
        for (qint64 s : steps) out.push_back(last * static_cast<double>(s) / lastStep);
        return out;
    }
    const auto& time = run.xs[static_cast<int>(XAxisKind::WallTime)];
    if (time.size() < 2 || !(lastStep > firstStep)) return out;
    const double perStep = (time.back() - time.front()) / (lastStep - firstStep);
    const double origin = kind == XAxisKind::RelativeTime ? time.front() : 0.0;
    for (qint64 s : steps) out.push_back(time.back() - origin + perStep * (static_cast<double>(s) - lastStep));
    return out;
}

ForecastItem::ForecastItem(QGraphicsItem* parent) : PlotOverlayItem(parent) {}

void ForecastItem::setBands(QVector<Band> bands) {
    m_bands = std::move(bands);
    update();
}

void ForecastItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    if (m_bands.isEmpty() || m_area.isEmpty()) return;
    painter->save();
    painter->setClipRect(m_area);
    painter->setRenderHint(QPainter::Antialiasing);
    for (const Band& b : m_bands) {
        if (b.mid.isEmpty()) continue;
        // The band: lo forward, hi backward; faded so the measured curves stay in front.
        QPolygonF area;
        for (const QPointF& p : b.lo) area << map(p);
        for (qsizetype i = b.hi.size(); i-- > 0;) area << map(b.hi[i]);
        QColor fill = b.color;
        fill.setAlpha(45);
        painter->setPen(Qt::NoPen);
        painter->setBrush(fill);
        painter->drawPolygon(area);
        QColor edge = b.color;
        edge.setAlpha(90);
        painter->setPen(QPen(edge, 1.0));
        painter->setBrush(Qt::NoBrush);
        QPolygonF loLine, hiLine, midLine;
        for (const QPointF& p : b.lo) loLine << map(p);
        for (const QPointF& p : b.hi) hiLine << map(p);
        for (const QPointF& p : b.mid) midLine << map(p);
        painter->drawPolyline(loLine);
        painter->drawPolyline(hiLine);
        QColor line = b.color;
        line.setAlpha(190);
        QPen dashed(line, 1.6, Qt::DashLine);
        painter->setPen(dashed);
        painter->drawPolyline(midLine);
        // The forecast final loss: a ring at the planned last step, with its band as an error bar.
        painter->setPen(QPen(line, 1.6));
        const QPointF end = midLine.back();
        painter->drawLine(map(b.lo.back()), map(b.hi.back()));
        painter->setBrush(Qt::white);
        painter->drawEllipse(end, 4.0, 4.0);
        if (b.hasLaw) {   // the law's forecast: a diamond just right of the ring, with its interval
            const double x = b.mid.back().x();
            const QPointF at = map({x, b.lawMid}) + QPointF(9, 0);
            painter->drawLine(map({x, b.lawLo}) + QPointF(9, 0), map({x, b.lawHi}) + QPointF(9, 0));
            painter->setBrush(line);
            painter->drawPolygon(QPolygonF{at + QPointF(0, -4.5), at + QPointF(4.5, 0), at + QPointF(0, 4.5), at + QPointF(-4.5, 0)});
        }
    }
    painter->restore();
}

}  // namespace seqscope::widgets
