// SPDX-License-Identifier: MIT
#include "context_chart_view.h"

#include <QChart>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include "chart_style.h"
#include "hover_tips.h"
#include "scaling_plot_data.h"

namespace seqscope::widgets {
namespace {

QString archName(const QString& arch) {
    return archIsXlstm(arch) ? ContextChartView::tr("xLSTM")
           : arch == QLatin1String("transformer") ? ContextChartView::tr("Transformer") : arch;
}

// A log range around [lo, hi] with two labelled powers of ten, widened on the nearer side only:
// setLogRange widens both sides to whole decades, which squeezes the half-decade spread of N* across
// contexts into a third of the chart.
void setTightLogRange(QLogValueAxis* axis, double lo, double hi) {
    if (!(lo > 0) || !(hi > lo)) return;
    const double l = std::log10(lo), h = std::log10(hi);
    if (std::floor(h) - std::ceil(l) >= 1) return axis->setRange(lo, hi);
    if (std::floor(h) >= std::ceil(l)) {   // one power of ten inside: add the nearer neighbour
        if (l - std::floor(l) < std::ceil(h) - h) lo = std::pow(10.0, std::floor(l));
        else hi = std::pow(10.0, std::ceil(h));
        if (std::floor(std::log10(hi)) - std::ceil(std::log10(lo)) >= 1) return axis->setRange(lo, hi);
    }
    setLogRange(axis, lo, hi);
}

}  // namespace

ContextChartView::ContextChartView(QWidget* parent) : QChartView(parent) {
    setMinimumSize(360, 280);
    setSeries({}, false);
}

void ContextChartView::setSeries(const QVector<ContextSeries>& series, bool tokens) {
    m_series = series;
    auto* chart = new QChart;   // setChart() in styleChart deletes the previous chart
    styleChart(this, chart);
    chart->setTitle(tokens ? tr("Compute-optimal D* against context") : tr("Compute-optimal N* against context"));
    chart->legend()->setAlignment(Qt::AlignRight);   // many entries: a column beside the plot, never on it
    chart->legend()->setMarkerShape(QLegend::MarkerShapeFromSeries);
    chart->legend()->setShowToolTips(true);
    auto* xAxis = new QLogValueAxis;
    xAxis->setLabelFormat(QStringLiteral("%.0e"));
    xAxis->setTitleText(tr("Context length T (tokens)"));
    xAxis->setMinorTickCount(8);
    auto* yAxis = new QLogValueAxis;
    yAxis->setLabelFormat(QStringLiteral("%.0e"));
    yAxis->setTitleText(tokens ? tr("Compute-optimal D* (tokens)") : tr("Compute-optimal N* (parameters)"));
    yAxis->setMinorTickCount(8);
    styleAxis(xAxis);
    styleAxis(yAxis);
    chart->addAxis(xAxis, Qt::AlignBottom);
    chart->addAxis(yAxis, Qt::AlignLeft);
    // Marker edges that stand out on either theme (the palette's darkest budget nearly vanishes on dark).
    const bool dark = palette().color(QPalette::Base).lightness() < 128;
    auto edge = [dark](const QColor& c) { return dark ? c.lighter(220) : c.darker(140); };
    auto ownEdge = [dark](const QColor& c) { return dark ? c.lighter(170) : c; };   // hollow: the edge is all there is
    auto attach = [&](QXYSeries* s) {
        chart->addSeries(s);
        s->attachAxis(xAxis);
        s->attachAxis(yAxis);
    };

    // Budget colours by rank among all budgets shown, as the Scaling view's IsoFLOP chart does.
    std::map<double, int> budgetRank;
    for (const auto& s : series) budgetRank.emplace(s.budget, 0);
    int rank = 0;
    for (auto& [budget, r] : budgetRank) r = rank++;

    double tMin = std::numeric_limits<double>::infinity(), tMax = 0, yMin = tMin, yMax = 0;
    for (const auto& s : series)
        for (const auto& o : s.optima) {
            const double y = tokens ? o.dOpt : o.nOpt;
            if (!(o.ctx > 0) || !(y > 0)) continue;
            tMin = std::min(tMin, o.ctx), tMax = std::max(tMax, o.ctx);
            yMin = std::min(yMin, y), yMax = std::max(yMax, y);
        }
    if (tMax <= 0) tMin = 1024, tMax = 32768, yMin = 1e8, yMax = 1e10;
    // Each law spans one octave beyond its own contexts on each side (the paper plots T in [1024,
    // 32768] for contexts 2048 to 16384), never the user's far shorter contexts.
    const double lawLo = tMin / 2, lawHi = tMax * 2;
    const QString symbol = tokens ? QStringLiteral("D*") : QStringLiteral("N*");

    // Draw order: the source's series by architecture then budget, so the legend reads in blocks.
    for (const auto& s : series) {
        const QColor colour = budgetColor(budgetRank[s.budget], int(budgetRank.size()));
        const bool xl = archIsXlstm(s.arch);
        const QString arch = archName(s.arch);
        const ContextLaw& law = tokens ? s.dLaw : s.nLaw;
        auto* points = new QScatterSeries;
        points->setObjectName(s.own ? QStringLiteral("ownOptima") : QStringLiteral("optima"));
        if (s.own) {
            points->setMarkerShape(QScatterSeries::MarkerShapeTriangle);
            points->setMarkerSize(11);
            points->setColor(Qt::transparent);
            points->setBorderColor(ownEdge(colour));
            points->setPen(QPen(ownEdge(colour), 2.0));
        } else {
            points->setMarkerShape(xl ? QScatterSeries::MarkerShapeCircle : QScatterSeries::MarkerShapeRectangle);
            points->setMarkerSize(xl ? 10 : 9);
            points->setColor(colour);
            points->setBorderColor(edge(colour));
        }
        QStringList tips;
        for (const auto& o : s.optima) {
            const double y = tokens ? o.dOpt : o.nOpt;
            if (!(o.ctx > 0) || !(y > 0)) continue;
            points->append(o.ctx, y);
            tips << tr("%1%2, budget %3 FLOPs\nT = %4\nN* = %5, D* = %6, L* = %7")
                        .arg(arch, s.own ? tr(" (yours)") : QString(), budgetLabel(s.budget))
                        .arg(o.ctx, 0, 'f', 0)
                        .arg(o.nOpt, 0, 'g', 3)
                        .arg(o.dOpt, 0, 'g', 3)
                        .arg(o.lossOpt, 0, 'f', 3);
        }
        points->setName(s.own ? tr("%1 %2 (yours)").arg(arch, budgetLabel(s.budget)) : tr("%1 %2").arg(arch, budgetLabel(s.budget)));
        attach(points);
        attachHoverTips(points, tips);

        if (!law.ok) continue;
        auto* line = new QLineSeries;
        line->setPen(QPen(s.own ? ownEdge(colour) : colour, 2.0, s.own ? Qt::DotLine : xl ? Qt::SolidLine : Qt::DashLine));
        QStringList lawTips;
        const QString exponent = std::isfinite(law.aStdError)
                                     ? tr("%1 \u00b1 %2").arg(law.a, 0, 'f', 3).arg(law.aStdError, 0, 'f', 3)
                                     : QString::number(law.a, 'f', 3);
        const QString lawText = tr("%1%2, budget %3 FLOPs: %4 = %5 \u00b7 T^(%6)")
                                    .arg(arch, s.own ? tr(" (yours)") : QString(), budgetLabel(s.budget), symbol)
                                    .arg(law.A, 0, 'g', 3)
                                    .arg(exponent);
        const double from = s.optima.front().ctx / 2, to = s.optima.back().ctx * 2;
        for (int i = 0; i <= 24; ++i) {
            const double t = from * std::pow(to / from, i / 24.0);
            const double y = law.A * std::pow(t, law.a);
            line->append(t, y);
            lawTips << lawText;
            yMin = std::min(yMin, y), yMax = std::max(yMax, y);
        }
        attach(line);
        attachHoverTips(line, lawTips);
        chart->legend()->markers(line).value(0)->setVisible(false);
    }
    setTightLogRange(xAxis, lawLo / 1.15, lawHi * 1.15);
    setTightLogRange(yAxis, yMin / 1.2, yMax * 1.2);
}

}  // namespace seqscope::widgets
