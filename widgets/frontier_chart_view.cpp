// SPDX-License-Identifier: MIT
#include "frontier_chart_view.h"

#include <QAreaSeries>
#include <QChart>
#include <QCursor>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QToolTip>
#include <algorithm>
#include <cmath>
#include <limits>

#include "chart_style.h"
#include "run_colors.h"

namespace seqscope::widgets {

FrontierChartView::FrontierChartView(QWidget* parent) : QChartView(parent) {
    setMinimumSize(320, 280);
    setSeries({}, tr("Compute-optimal N*"));
}

void FrontierChartView::setSeries(const QVector<FrontierSeries>& series, const QString& yTitle, bool tokens) {
    m_series = series;
    m_axisTitle = yTitle;
    m_tokens = tokens;
    m_bands = 0;
    m_highlighted = 0;
    const bool dimming = m_highlight.kind == ScalingHighlight::Kind::Frontier;
    auto* chart = new QChart;
    styleChart(this, chart);
    chart->setTitle(tr("Compute-optimal frontier"));
    auto* xAxis = new QLogValueAxis;
    xAxis->setLabelFormat(QStringLiteral("%.0e"));
    xAxis->setTitleText(tr("Training compute C (FLOPs)"));
    xAxis->setMinorTickCount(8);
    auto* yAxis = new QLogValueAxis;
    yAxis->setLabelFormat(QStringLiteral("%.0e"));
    yAxis->setTitleText(yTitle);
    m_yTitle = yTitle.section(QLatin1Char(' '), -1);   // "N*" of "Compute-optimal N*"
    yAxis->setMinorTickCount(8);
    styleAxis(xAxis);
    styleAxis(yAxis);
    chart->addAxis(xAxis, Qt::AlignBottom);
    chart->addAxis(yAxis, Qt::AlignLeft);

    double xMin = std::numeric_limits<double>::infinity(), xMax = 0, yMin = xMin, yMax = 0;
    for (const auto& s : series)
        for (const QPointF& p : s.optima + s.unfitted)
            if (p.x() > 0 && p.y() > 0) {
                xMin = std::min(xMin, p.x());
                xMax = std::max(xMax, p.x());
                yMin = std::min(yMin, p.y());
                yMax = std::max(yMax, p.y());
            }
    if (xMax <= 0) {
        xMin = 1e18, xMax = 1e21, yMin = 1e8, yMax = 1e10;
    }
    // Extend the laws half a decade beyond the data on each side: where the fit is headed matters.
    const double lawLo = xMin / 3.0, lawHi = xMax * 3.0;
    for (const auto& s : series) {
        const bool lit = m_highlight.covers(ScalingHighlight::Kind::Frontier, s.arch);
        QColor colour = archColor(s.arch);
        if (dimming && !lit) colour.setAlphaF(ScalingHighlight::kDimAlpha);
        const bool xl = archIsXlstm(s.arch);
        QString name = xl ? tr("xLSTM") : (s.arch == QLatin1String("transformer") ? tr("Transformer") : s.arch);
        if (!s.group.isEmpty()) name = tr("%1, %2").arg(name, s.group);
        if (lit) {   // a thick hollow ring under each fitted point (the unfitted ones stay plain)
            auto* ring = new QScatterSeries;
            ring->setMarkerShape(QScatterSeries::MarkerShapeCircle);
            ring->setMarkerSize(20);
            ring->setColor(Qt::transparent);
            ring->setPen(QPen(palette().color(QPalette::Highlight), 3.0));
            for (const QPointF& p : s.optima)
                if (p.x() > 0 && p.y() > 0) ring->append(p);
            chart->addSeries(ring);
            ring->attachAxis(xAxis);
            ring->attachAxis(yAxis);
            chart->legend()->markers(ring).value(0)->setVisible(false);
            m_highlighted += int(ring->count());
        }
        auto* points = new QScatterSeries;
        points->setMarkerShape(s.own ? QScatterSeries::MarkerShapeTriangle
                                     : xl ? QScatterSeries::MarkerShapeCircle : QScatterSeries::MarkerShapeRectangle);
        points->setMarkerSize(10);
        points->setColor(s.own ? QColor(Qt::transparent) : colour);
        points->setBorderColor(s.own ? colour : colour.darker(150));
        if (s.own) points->setPen(QPen(colour, 2.0));
        for (const QPointF& p : s.optima)
            if (p.x() > 0 && p.y() > 0) points->append(p);
        // One short legend entry per series (the exponent with its error is in the summary below the
        // charts): long entries were elided at ordinary window widths ("a = 0.54...").
        points->setName(s.hasLaw ? tr("%1: a = %2").arg(name).arg(s.a, 0, 'f', 2) : name);
        chart->addSeries(points);
        points->attachAxis(xAxis);
        points->attachAxis(yAxis);
        // Your runs are the hollow triangles (the IsoFLOP legend and the note say so): leaving them out
        // of this narrow chart's legend keeps the exponents readable.
        if (s.own) chart->legend()->markers(points).value(0)->setVisible(false);
        if (!s.unfitted.isEmpty()) {
            auto* hollow = new QScatterSeries;
            hollow->setMarkerShape(points->markerShape());
            hollow->setMarkerSize(10);
            hollow->setColor(Qt::transparent);
            hollow->setBorderColor(colour);
            for (const QPointF& p : s.unfitted)
                if (p.x() > 0 && p.y() > 0) hollow->append(p);
            chart->addSeries(hollow);
            hollow->attachAxis(xAxis);
            hollow->attachAxis(yAxis);
            chart->legend()->markers(hollow).value(0)->setVisible(false);
        }
        // Hover readout of a minimum: the budget's compute and x*, and the law's value there.
        connect(points, &QScatterSeries::hovered, this, [this, name, s](const QPointF& p, bool state) {
            if (!state) return QToolTip::hideText();
            QString text = tr("%1\nC = %2 FLOPs\n%3 = %4").arg(name, QString::number(p.x(), 'g', 3), m_yTitle,
                                                              QString::number(p.y(), 'g', 3));
            if (s.hasLaw) text += tr("\nlaw: %1").arg(QString::number(s.A * std::pow(p.x(), s.a), 'g', 3));
            QToolTip::showText(QCursor::pos(), text, this);
        });
        const PowerLaw& drawnLaw = s.drawn(tokens);
        double lo = 0, hi = 0;
        if (s.hasLaw && drawnLaw.valid && drawnLaw.intervalAt(lawLo, &lo, &hi)) {
            // The bootstrap band: where the law lies in 95 % of refits with resampled runs.
            auto* upper = new QLineSeries;
            auto* lower = new QLineSeries;
            for (int i = 0; i <= 40; ++i) {
                const double c = lawLo * std::pow(lawHi / lawLo, i / 40.0);
                if (!drawnLaw.intervalAt(c, &lo, &hi)) continue;
                upper->append(c, hi);
                lower->append(c, lo);
                yMin = std::min(yMin, lo);
                yMax = std::max(yMax, hi);
            }
            auto* band = new QAreaSeries(upper, lower);
            QColor fill = colour;
            fill.setAlphaF(fill.alphaF() * (s.own ? 0.10 : 0.16));   // fainter still when dimmed
            band->setBrush(fill);
            band->setPen(Qt::NoPen);
            band->setName(tr("%1: 95 % band").arg(name));
            chart->addSeries(band);
            band->attachAxis(xAxis);
            band->attachAxis(yAxis);
            chart->legend()->markers(band).value(0)->setVisible(false);
            ++m_bands;
        }
        if (s.hasLaw) {
            auto* law = new QLineSeries;
            law->setPen(QPen(colour, 2.0, s.own ? Qt::DotLine : xl ? Qt::SolidLine : Qt::DashLine));
            for (int i = 0; i <= 40; ++i) {
                const double c = lawLo * std::pow(lawHi / lawLo, i / 40.0);
                const double y = s.A * std::pow(c, s.a);
                law->append(c, y);
                yMin = std::min(yMin, y);
                yMax = std::max(yMax, y);
            }
            chart->addSeries(law);
            law->attachAxis(xAxis);
            law->attachAxis(yAxis);
            chart->legend()->markers(law).value(0)->setVisible(false);
        }
    }
    chart->legend()->setShowToolTips(true);   // the full name of an entry that does not fit
    setLogRange(xAxis, lawLo, lawHi);
    setLogRange(yAxis, yMin / 1.5, yMax * 1.5);
}

void FrontierChartView::setHighlight(const ScalingHighlight& highlight) {
    if (highlight == m_highlight) return;
    m_highlight = highlight;
    setSeries(m_series, m_axisTitle, m_tokens);
}

}  // namespace seqscope::widgets
