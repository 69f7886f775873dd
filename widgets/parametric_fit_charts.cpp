// SPDX-License-Identifier: MIT
#include "parametric_fit_charts.h"

#include <QChart>
#include <QLegend>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <limits>

#include "chart_style.h"
#include "parametric_chart_support.h"
#include "run_colors.h"
#include "scaling_plot_data.h"

namespace seqscope::widgets {
namespace {

// Adds one scatter series per (own, budget) group of `points`, with (x, y) from `xy`; returns the
// number of series added. Budgets keep the same colour in every chart.
template <typename XAxis, typename YAxis, typename XY>
int addGroupedPoints(QChart* chart, const ParametricPlot& plot, const QVector<ParametricPoint>& points, XAxis* x,
                     YAxis* y, XY xy, bool legend) {
    int added = 0;
    const bool xl = archIsXlstm(plot.arch);
    for (const bool own : {false, true})
        for (int b = -1; b < plot.budgets.size(); ++b) {
            const double budget = b < 0 ? 0 : plot.budgets[b];
            QScatterSeries* s = nullptr;
            QStringList tips;
            QVector<qint64> ids;
            for (const auto& p : points) {
                if (p.own != own || p.budget != budget) continue;
                const QPointF v = xy(p);
                if (!std::isfinite(v.x()) || !std::isfinite(v.y())) continue;
                if (!s) s = makePointSeries(budgetColorOf(plot.budgets, budget), own, xl);
                s->append(v);
                tips << p.tip;
                ids << p.runId;
            }
            if (!s) continue;
            s->setName(own ? ResidualChartView::tr("%1 (yours)").arg(budgetLabel(budget)) : budgetLabel(budget));
            attachSeries(chart, s, x, y);
            if (!legend) hideFromLegend(chart, s);
            attachHoverTips(s, tips);
            attachRunPicks(s, ids);
            ++added;
        }
    return added;
}

QString errorTip(const ParametricPoint& p) {
    return ResidualChartView::tr("%1\npredicted %2 (%3%4 %)")
        .arg(p.tip)
        .arg(p.predicted, 0, 'f', 4)
        .arg(p.loss >= p.predicted ? QStringLiteral("+") : QString())
        .arg(100.0 * (p.loss / p.predicted - 1.0), 0, 'f', 2);
}

QVector<ParametricPoint> withErrorTips(QVector<ParametricPoint> points) {
    for (auto& p : points) p.tip = errorTip(p);
    return points;
}

}  // namespace

// --- predicted against observed ------------------------------------------------------------------

PredictedChartView::PredictedChartView(QWidget* parent) : QChartView(parent) {
    setMinimumSize(240, 200);
    setPlot({});
}

void PredictedChartView::setPlot(const ParametricPlot& plot) {
    auto* chart = new QChart;
    styleChart(this, chart);
    chart->setTitle(tr("Predicted against observed loss"));
    chart->legend()->setVisible(false);   // colours are the budget key above the charts
    auto* xAxis = makeValueAxis(tr("Observed loss"));
    auto* yAxis = makeValueAxis(tr("Predicted loss L(N, D)"));
    chart->addAxis(xAxis, Qt::AlignBottom);
    chart->addAxis(yAxis, Qt::AlignLeft);
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (const auto& p : plot.points + plot.overlay)
        if (std::isfinite(p.predicted)) lo = std::min({lo, p.loss, p.predicted}), hi = std::max({hi, p.loss, p.predicted});
    if (!(hi > lo)) lo = 2.0, hi = 4.0;
    auto* identity = new QLineSeries;
    QColor line = palette().color(QPalette::Text);
    line.setAlpha(140);
    identity->setPen(QPen(line, 1.2, Qt::DashLine));
    identity->append(lo - 1, lo - 1);
    identity->append(hi + 1, hi + 1);
    attachSeries(chart, identity, xAxis, yAxis);
    attachHoverText(identity, tr("predicted = observed"));
    auto xy = [](const ParametricPoint& p) { return QPointF(p.loss, p.predicted); };
    m_points = 0;
    for (const auto& p : plot.points + plot.overlay) m_points += std::isfinite(p.predicted) ? 1 : 0;
    addGroupedPoints(chart, plot, withErrorTips(plot.points) + withErrorTips(plot.overlay), xAxis, yAxis, xy, false);
    const double pad = (hi - lo) * 0.04;
    setNiceRange(xAxis, lo - pad, hi + pad, 4);   // fewer x labels: they sit side by side
    setNiceRange(yAxis, lo - pad, hi + pad, 6);
}

// --- residuals by budget ---------------------------------------------------------------------------

ResidualChartView::ResidualChartView(QWidget* parent) : QChartView(parent) {
    setMinimumSize(240, 200);
    setPlot({});
}

void ResidualChartView::setPlot(const ParametricPlot& plot) {
    auto* chart = new QChart;
    styleChart(this, chart);
    chart->setTitle(tr("Residuals by budget"));
    chart->legend()->setVisible(false);
    auto* xAxis = makeLogAxis(tr("Parameters N"));
    auto* yAxis = makeValueAxis(tr("obs. / pred. - 1 (%)"), QStringLiteral("%.1f"));
    chart->addAxis(xAxis, Qt::AlignBottom);
    chart->addAxis(yAxis, Qt::AlignLeft);
    QVector<double> ns;
    double rLo = -1, rHi = 1;
    for (const auto& p : plot.points) {
        ns.append(p.n);
        const double r = 100.0 * (p.loss / p.predicted - 1.0);
        if (std::isfinite(r)) rLo = std::min(rLo, r), rHi = std::max(rHi, r);
    }
    double nLo = 1e7, nHi = 1e10;
    if (positiveRange(ns, &nLo, &nHi)) nLo /= 1.5, nHi *= 1.5;
    auto* zero = new QLineSeries;
    QColor line = palette().color(QPalette::Text);
    line.setAlpha(140);
    zero->setPen(QPen(line, 1.2, Qt::DashLine));
    zero->append(nLo / 10, 0);
    zero->append(nHi * 10, 0);
    attachSeries(chart, zero, xAxis, yAxis);
    m_series = addGroupedPoints(chart, plot, withErrorTips(plot.points), xAxis, yAxis,
                                [](const ParametricPoint& p) { return QPointF(p.n, 100.0 * (p.loss / p.predicted - 1.0)); },
                                false);
    setLogRange(xAxis, nLo, nHi);
    const double pad = (rHi - rLo) * 0.05;
    setNiceRange(yAxis, rLo - pad, rHi + pad, 6);
}

// --- loss against compute --------------------------------------------------------------------------

LossComputeChartView::LossComputeChartView(QWidget* parent) : QChartView(parent) {
    setMinimumSize(240, 200);
    setPlot({});
}

void LossComputeChartView::setPlot(const ParametricPlot& plot) {
    auto* chart = new QChart;
    styleChart(this, chart);
    chart->setTitle(tr("Loss against compute"));
    auto* xAxis = makeLogAxis(tr("Training compute C (FLOPs)"));
    auto* yAxis = makeValueAxis(tr("Final loss"));
    chart->addAxis(xAxis, Qt::AlignBottom);
    chart->addAxis(yAxis, Qt::AlignLeft);
    QVector<double> cs;
    double lLo = std::numeric_limits<double>::infinity(), lHi = -lLo;
    for (const auto& p : plot.points + plot.overlay)
        if (p.c > 0) cs.append(p.c), lLo = std::min(lLo, p.loss), lHi = std::max(lHi, p.loss);
    double cLo = 1e18, cHi = 1e22;
    if (positiveRange(cs, &cLo, &cHi)) cLo /= 2, cHi *= 2;
    if (!(lHi > lLo)) lLo = 2, lHi = 4;
    if (!plot.optimalLoss.isEmpty()) {
        auto* law = new QLineSeries;
        law->setPen(QPen(archColor(plot.arch), 2.5));
        for (const QPointF& p : plot.optimalLoss)
            if (p.x() >= cLo / 10 && p.x() <= cHi * 10) law->append(p);
        law->setName(tr("compute-optimal loss L(N*, D*)"));
        attachSeries(chart, law, xAxis, yAxis);
        attachHoverText(law, tr("the least loss the fitted law reaches at each compute"));
    }
    addGroupedPoints(chart, plot, withErrorTips(plot.points) + withErrorTips(plot.overlay), xAxis, yAxis,
                     [](const ParametricPoint& p) { return QPointF(p.c > 0 ? p.c : NAN, p.loss); }, false);
    setLogRange(xAxis, cLo, cHi);
    const double pad = (lHi - lLo) * 0.05;
    setNiceRange(yAxis, lLo - pad, lHi + pad, 6);
}

// --- Huber-delta sensitivity -----------------------------------------------------------------------

QColor DeltaStripView::exponentColor(int index) { return runColor(QString::number(index + 1)); }

DeltaStripView::DeltaStripView(QWidget* parent) : QChartView(parent) {
    setMinimumSize(200, 160);
    setPlot({});
}

void DeltaStripView::setPlot(const ParametricPlot& plot) {
    auto* chart = new QChart;
    styleChart(this, chart);
    // Title and key live in the side panel's header: the strip is small and its plot needs the room.
    chart->setMargins(QMargins(0, 0, 4, 0));
    chart->legend()->setVisible(false);
    auto* xAxis = makeLogAxis(QString());
    xAxis->setMinorTickCount(0);
    auto* yAxis = makeValueAxis(QString(), QStringLiteral("%.2f"));
    chart->addAxis(xAxis, Qt::AlignBottom);
    chart->addAxis(yAxis, Qt::AlignLeft);
    struct Curve { QString name; QColor colour; double DeltaRow::*field; };
    QVector<Curve> curves = {{QStringLiteral("\u03b1"), exponentColor(0), &DeltaRow::alpha},
                             {QStringLiteral("\u03b2"), exponentColor(1), &DeltaRow::beta}};
    if (plot.gammaFitted) curves.append({QStringLiteral("\u03b3"), exponentColor(2), &DeltaRow::gamma});
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    m_deltas = 0;
    for (const auto& d : plot.deltas) m_deltas += d.ok ? 1 : 0;
    for (const auto& c : curves) {
        auto* line = new QLineSeries;
        line->setPen(QPen(c.colour, 2.0));
        line->setPointsVisible(true);
        line->setName(c.name);
        QString tip;
        for (const auto& d : plot.deltas) {
            if (!d.ok) continue;
            const double v = d.*(c.field);
            line->append(d.delta, v);
            lo = std::min(lo, v), hi = std::max(hi, v);
            tip += tr("%1 = %2 at delta %3\n").arg(c.name).arg(v, 0, 'f', 3).arg(d.delta, 0, 'g', 2);
        }
        attachSeries(chart, line, xAxis, yAxis);
        attachHoverText(line, tip.trimmed());
    }
    if (!(hi > lo)) lo = 0, hi = 1;
    // The delta of the main fit, as a vertical guide.
    auto* chosen = new QLineSeries;
    QColor guide = palette().color(QPalette::Text);
    guide.setAlpha(110);
    chosen->setPen(QPen(guide, 1.0, Qt::DotLine));
    chosen->append(plot.huberDelta, lo - 10);
    chosen->append(plot.huberDelta, hi + 10);
    attachSeries(chart, chosen, xAxis, yAxis);
    hideFromLegend(chart, chosen);
    attachHoverText(chosen, tr("the fit's delta, %1").arg(plot.huberDelta, 0, 'g', 2));
    xAxis->setRange(5e-6, 2e-1);
    setNiceRange(yAxis, lo - (hi - lo) * 0.08, hi + (hi - lo) * 0.08, 4);
}

}  // namespace seqscope::widgets
