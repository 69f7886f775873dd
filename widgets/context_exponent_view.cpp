// SPDX-License-Identifier: MIT
#include "context_exponent_view.h"

#include <QApplication>
#include <QBarCategoryAxis>
#include <QChart>
#include <QLegend>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "chart_style.h"
#include "hover_tips.h"
#include "scaling_plot_data.h"

namespace seqscope::widgets {

ContextExponentView::ContextExponentView(QWidget* parent) : QChartView(parent) {
    setMinimumSize(260, 240);
    setSeries({}, false);
}

void ContextExponentView::setSeries(const QVector<ContextSeries>& series, bool tokens) {
    auto* chart = new QChart;
    styleChart(this, chart);
    chart->setTitle(tokens ? tr("Exponent b of D* \u221d T^b") : tr("Exponent a of N* \u221d T^a"));
    // No legend: colours are the budgets on the x axis, markers the architectures as on the N*(T) chart.
    chart->legend()->setVisible(false);

    std::set<double> budgets;
    // Groups in the order they come (the source's architectures, then the user's runs).
    QVector<QPair<QString, bool>> groups;
    for (const auto& s : series) {
        budgets.insert(s.budget);   // every budget drawn on the N*(T) chart, so colours match it
        if (!(tokens ? s.dLaw : s.nLaw).ok) continue;
        if (!groups.contains(qMakePair(s.arch, s.own))) groups.append(qMakePair(s.arch, s.own));
    }
    const std::vector<double> order(budgets.begin(), budgets.end());
    auto* xAxis = new QBarCategoryAxis;
    for (double b : order) xAxis->append(budgetLabel(b));
    if (order.empty()) xAxis->append(QStringLiteral(" "));
    xAxis->setTitleText(tr("Budget (FLOPs)"));
    auto* yAxis = new QValueAxis;
    yAxis->setTitleText(tokens ? tr("b \u00b1 standard error") : tr("a \u00b1 standard error"));
    yAxis->setLabelFormat(QStringLiteral("%.2f"));
    styleAxis(xAxis);
    styleAxis(yAxis);
    xAxis->setGridLineVisible(false);
    // Budget labels ("3e19") in a narrow chart: a size smaller so five or six fit unelided.
    QFont small = xAxis->labelsFont();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    xAxis->setLabelsFont(small);
    chart->addAxis(xAxis, Qt::AlignBottom);
    chart->addAxis(yAxis, Qt::AlignLeft);
    xAxis->setTitleFont(yAxis->titleFont());   // the smaller labels font must not shrink the title
    const bool dark = palette().color(QPalette::Base).lightness() < 128;
    auto edge = [dark](const QColor& c) { return dark ? c.lighter(220) : c.darker(140); };
    auto ownEdge = [dark](const QColor& c) { return dark ? c.lighter(170) : c; };   // hollow: the edge is all there is
    auto attach = [&](QXYSeries* s) {
        chart->addSeries(s);
        s->attachAxis(xAxis);
        s->attachAxis(yAxis);
    };

    // Zero: no dependence on the context.
    auto* zero = new QLineSeries;
    QColor zeroColour = QApplication::palette().color(QPalette::Text);
    zeroColour.setAlpha(140);
    zero->setPen(QPen(zeroColour, 1.2, Qt::DashLine));
    zero->append(-0.5, 0);
    zero->append(std::max<double>(0.5, order.size() - 0.5), 0);
    attach(zero);

    double lo = 0, hi = 0;
    const int n = int(groups.size());
    for (int g = 0; g < n; ++g) {
        const auto& [arch, own] = groups[g];
        const bool xl = archIsXlstm(arch);
        const QString name = xl ? tr("xLSTM") : arch == QLatin1String("transformer") ? tr("Transformer") : arch;
        // Side by side within a budget's slot, so error bars never overlap.
        const double offset = n > 1 ? -0.24 + 0.48 * g / (n - 1) : 0.0;
        for (const auto& s : series) {
            const ContextLaw& law = tokens ? s.dLaw : s.nLaw;
            if (!law.ok || s.arch != arch || s.own != own) continue;
            const int slot = int(std::lower_bound(order.begin(), order.end(), s.budget) - order.begin());
            const double x = slot + offset;
            // The budget's colour and the architecture's marker, exactly as on the N*(T) chart.
            const QColor colour = budgetColor(slot, int(order.size()));
            const bool haveError = std::isfinite(law.aStdError);
            if (haveError) {
                auto* bar = new QLineSeries;
                bar->setPen(QPen(colour, 2.0, own ? Qt::DotLine : Qt::SolidLine));
                bar->append(x, law.a - law.aStdError);
                bar->append(x, law.a + law.aStdError);
                attach(bar);
                lo = std::min(lo, law.a - law.aStdError);
                hi = std::max(hi, law.a + law.aStdError);
            }
            auto* point = new QScatterSeries;
            point->setMarkerShape(own ? QScatterSeries::MarkerShapeTriangle
                                      : xl ? QScatterSeries::MarkerShapeCircle : QScatterSeries::MarkerShapeRectangle);
            point->setMarkerSize(own ? 11 : 10);
            point->setColor(own ? QColor(Qt::transparent) : colour);
            point->setBorderColor(own ? ownEdge(colour) : edge(colour));
            if (own) point->setPen(QPen(ownEdge(colour), 2.0));
            point->append(x, law.a);
            attach(point);
            const QString who = own ? tr("%1 (yours)").arg(name) : name;
            const QString value = haveError ? tr("%1 \u00b1 %2").arg(law.a, 0, 'f', 3).arg(law.aStdError, 0, 'f', 3)
                                            : tr("%1 (two contexts: no error estimate)").arg(law.a, 0, 'f', 3);
            attachHoverTips(point, {tr("%1, budget %2 FLOPs: %3 = %4 over %n context(s)", nullptr, int(s.optima.size()))
                                        .arg(who, budgetLabel(s.budget), tokens ? QStringLiteral("b") : QStringLiteral("a"), value)});
            lo = std::min(lo, law.a);
            hi = std::max(hi, law.a);
        }
    }
    xAxis->setRange(xAxis->at(0), xAxis->at(xAxis->count() - 1));
    // Round outwards to a tick step giving at most eight intervals, zero always inside.
    const double span = std::max(hi - lo, 0.1) * 1.15;
    double step = 0.5;
    for (double candidate : {0.02, 0.05, 0.1, 0.2, 0.25, 0.5})
        if (span / candidate <= 8) {
            step = candidate;
            break;
        }
    const double pad = 0.04 * span;
    const double yLo = std::floor((lo - pad) / step) * step, yHi = std::ceil((hi + pad) / step) * step;
    yAxis->setRange(yLo, yHi);
    yAxis->setTickCount(int(std::lround((yHi - yLo) / step)) + 1);
}

}  // namespace seqscope::widgets
