// SPDX-License-Identifier: MIT
#include "isoloss_chart_view.h"

#include <QChart>
#include <QLegend>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <algorithm>
#include <cmath>

#include "chart_style.h"
#include "parametric_chart_support.h"
#include "run_colors.h"
#include "scaling_plot_data.h"

namespace seqscope::widgets {

IsolossChartView::IsolossChartView(QWidget* parent) : QChartView(parent) {
    setMinimumSize(260, 200);
    setPlot({});
}

void IsolossChartView::setPlot(const ParametricPlot& plot) {
    m_contours = m_isoFlop = m_path = 0;
    auto* chart = new QChart;   // setChart() in styleChart deletes the previous one
    styleChart(this, chart);
    chart->setTitle(tr("Iso-loss contours over (N, D)"));
    auto* xAxis = makeLogAxis(tr("Parameters N"));
    auto* yAxis = makeLogAxis(tr("Training tokens D"));
    chart->addAxis(xAxis, Qt::AlignBottom);
    chart->addAxis(yAxis, Qt::AlignLeft);

    QVector<double> ns, ds;
    for (const auto& p : plot.points + plot.overlay) ns.append(p.n), ds.append(p.d);
    double nLo = 1e7, nHi = 1e10, dLo = 1e9, dHi = 1e12;
    if (positiveRange(ns, &nLo, &nHi) && positiveRange(ds, &dLo, &dHi)) {
        // The compute-optimal path over the data's N range belongs in view too: over-trained
        // data (the token/param set) lies well above it.
        for (const QPointF& p : plot.optimalPath)
            if (p.x() >= nLo && p.x() <= nHi && p.y() > 0) dLo = std::min(dLo, p.y()), dHi = std::max(dHi, p.y());
        nLo /= 2, nHi *= 2, dLo /= 2, dHi *= 2;
    }
    // Lines are kept a little beyond the axes (Qt clips them) and dropped far outside, where
    // contours near E run off to astronomically many tokens.
    auto inside = [&](const QPointF& p) {
        return p.x() >= nLo / 10 && p.x() <= nHi * 10 && p.y() >= dLo / 10 && p.y() <= dHi * 10;
    };
    const QColor text = palette().color(QPalette::Text);

    // Iso-FLOP lines first (underneath), in their budget's colour, dashed and thin.
    bool legendDone = false;
    for (const auto& line : plot.isoFlop) {
        auto* s = new QLineSeries;
        QColor colour = budgetColorOf(plot.budgets, line.value);
        colour.setAlpha(170);
        s->setPen(QPen(colour, 1.2, Qt::DashLine));
        for (const QPointF& p : line.points) s->append(p);   // a straight line: Qt clips it to the plot
        s->setName(tr("iso-FLOP"));
        attachHoverText(s, tr("iso-FLOP line C = %1 FLOPs (D = C / (%2 N))").arg(line.label).arg(plot.flopsPerParamToken, 0, 'g', 3));
        attachSeries(chart, s, xAxis, yAxis);
        if (legendDone) hideFromLegend(chart, s);
        legendDone = true;
        ++m_isoFlop;
    }
    // Contours: neutral lines, labelled with their loss near the right end.
    legendDone = false;
    for (const auto& contour : plot.contours) {
        auto* s = new QLineSeries;
        QColor colour = text;
        colour.setAlpha(150);
        s->setPen(QPen(colour, 1.3));
        // The label goes on the contour's knee, its point nearest the top-right corner (in decades):
        // nested contours then carry their labels along a diagonal instead of in one crowded edge.
        QPointF labelAt;
        bool haveLabel = false;
        double bestDistance = 0;
        for (const QPointF& p : contour.points) {
            if (!inside(p)) continue;
            s->append(p);
            if (p.x() > nHi / 1.6 || p.x() < nLo * 1.3 || p.y() < dLo * 1.5 || p.y() > dHi / 1.5) continue;
            const double dx = std::log10(nHi / p.x()), dy = std::log10(dHi / p.y());
            if (!haveLabel || dx * dx + dy * dy < bestDistance) labelAt = p, haveLabel = true, bestDistance = dx * dx + dy * dy;
        }
        s->setName(tr("iso-loss"));
        attachHoverText(s, tr("iso-loss contour L = %1").arg(contour.label));
        attachSeries(chart, s, xAxis, yAxis);
        if (legendDone) hideFromLegend(chart, s);
        legendDone = true;
        ++m_contours;
        if (haveLabel) {   // a marker-less point that carries the contour's loss as its label
            auto* label = new QScatterSeries;
            label->setMarkerSize(1);
            label->setColor(Qt::transparent);
            label->setBorderColor(Qt::transparent);
            label->append(labelAt);
            label->setPointLabelsFormat(contour.label);
            label->setPointLabelsVisible(true);
            label->setPointLabelsColor(text);
            label->setPointLabelsClipping(true);
            attachSeries(chart, label, xAxis, yAxis);
            hideFromLegend(chart, label);
        }
    }
    if (!plot.optimalPath.isEmpty()) {
        auto* s = new QLineSeries;
        s->setPen(QPen(archColor(plot.arch), 3.0));
        for (const QPointF& p : plot.optimalPath)
            if (inside(p)) s->append(p);
        s->setName(tr("compute-optimal"));
        attachHoverText(s, tr("compute-optimal path: the (N, D) of least loss at each compute"));
        attachSeries(chart, s, xAxis, yAxis);
        m_path = int(s->count());
    }
    // Observed points on top, one series per budget so colours match the other charts.
    const bool xl = archIsXlstm(plot.arch);
    for (const bool own : {false, true}) {
        for (int b = -1; b < plot.budgets.size(); ++b) {
            const double budget = b < 0 ? 0 : plot.budgets[b];
            QScatterSeries* s = nullptr;
            QStringList tips;
            QVector<qint64> ids;
            for (const auto* list : {&plot.points, &plot.overlay})
                for (const auto& p : *list) {
                    if (p.own != own || p.budget != budget || !(p.n > 0 && p.d > 0)) continue;
                    if (!s) s = makePointSeries(budgetColorOf(plot.budgets, budget), own, xl);
                    s->append(p.n, p.d);
                    tips << p.tip;
                    ids << p.runId;
                }
            if (!s) continue;
            attachSeries(chart, s, xAxis, yAxis);
            hideFromLegend(chart, s);
            attachHoverTips(s, tips);
            attachRunPicks(s, ids);
        }
    }
    setLogRange(xAxis, nLo, nHi);
    setLogRange(yAxis, dLo, dHi);
}

}  // namespace seqscope::widgets
