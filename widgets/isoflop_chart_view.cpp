// SPDX-License-Identifier: MIT
#include "isoflop_chart_view.h"

#include <QChart>
#include <QGuiApplication>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include "chart_style.h"
#include "hover_tips.h"

namespace seqscope::widgets {

IsoflopChartView::IsoflopChartView(QWidget* parent) : QChartView(parent) {
    setMinimumSize(360, 280);
    setCurves({}, tr("Parameters N"));
}

void IsoflopChartView::setCurves(const QVector<IsoflopCurve>& curves, const QString& xTitle, const ScalingPlot::LeftOut& leftOut) {
    m_curves = curves;
    m_xTitle = xTitle;
    m_leftOut = leftOut;
    m_errorBars = 0;
    m_highlighted = 0;
    const bool dimming = m_highlight.kind == ScalingHighlight::Kind::Minima;
    // While minima are highlighted everything else fades, so the rings are what the eye finds first.
    auto tone = [dimming](QColor c) {
        if (dimming) c.setAlphaF(c.alphaF() * ScalingHighlight::kDimAlpha);
        return c;
    };
    auto* chart = new QChart;   // setChart() below deletes the previous chart
    styleChart(this, chart);
    chart->setTitle(tr("IsoFLOP profiles"));

    auto* xAxis = new QLogValueAxis;
    xAxis->setBase(10);
    xAxis->setLabelFormat(QStringLiteral("%.0e"));
    xAxis->setTitleText(xTitle);
    xAxis->setMinorTickCount(8);
    auto* yAxis = new QValueAxis;
    yAxis->setTitleText(tr("Final validation loss (nats/token)"));
    yAxis->setLabelFormat(QStringLiteral("%.2f"));
    styleAxis(xAxis);
    styleAxis(yAxis);
    chart->addAxis(xAxis, Qt::AlignBottom);
    chart->addAxis(yAxis, Qt::AlignLeft);

    // Budget colours by rank among all budgets shown, so the same budget matches across architectures.
    std::map<double, int> budgetRank;
    for (const auto& c : curves) budgetRank.emplace(c.budget, 0);
    int rank = 0;
    for (auto& [budget, r] : budgetRank) r = rank++;

    double xMin = std::numeric_limits<double>::infinity(), xMax = 0;
    double yMin = std::numeric_limits<double>::infinity(), yMax = -yMin;
    auto attach = [&](QXYSeries* s) {
        chart->addSeries(s);
        s->attachAxis(xAxis);
        s->attachAxis(yAxis);
    };
    QSet<QString> legendDone;
    for (const auto& c : curves) {
        const QColor colour = tone(budgetColor(budgetRank[c.budget], int(budgetRank.size())));
        const bool xl = archIsXlstm(c.arch);
        auto* points = new QScatterSeries;
        if (c.own) {   // the user's runs: hollow triangles, so they read apart from the source's at a glance
            points->setMarkerShape(QScatterSeries::MarkerShapeTriangle);
            points->setMarkerSize(10);
            points->setColor(Qt::transparent);
            points->setBorderColor(colour);
            points->setPen(QPen(colour, 2.0));
        } else {
            points->setMarkerShape(xl ? QScatterSeries::MarkerShapeCircle : QScatterSeries::MarkerShapeRectangle);
            points->setMarkerSize(xl ? 8.5 : 7.5);
            points->setColor(colour);
            points->setBorderColor(colour.darker(140));   // keeps the alpha
        }
        QStringList tips;          // hover: the run's name (and N, D, C, loss for the user's)
        QVector<qint64> runIds;    // click: select the user's run in the Runs panel
        for (int i = 0; i < c.runs.size(); ++i) {
            const QPointF& p = c.runs[i];
            if (p.x() <= 0 || !std::isfinite(p.y())) continue;   // a log axis cannot show x <= 0
            points->append(p);
            tips << tr("%1\nbudget %2 FLOPs: x = %3, loss %4")
                        .arg(c.runNames.value(i), budgetLabel(c.budget), QString::number(p.x(), 'g', 3))
                        .arg(p.y(), 0, 'f', 4)
                        .trimmed();
            runIds << c.runIds.value(i);
            xMin = std::min(xMin, p.x());
            xMax = std::max(xMax, p.x());
            yMin = std::min(yMin, p.y());
            yMax = std::max(yMax, p.y());
        }
        attachHoverTips(points, tips);
        if (c.own) attachRunPicks(points, runIds);
        attachToggles(points, c.runKeys);
        // Replicates: one standard deviation either side of the mean, as a vertical bar.
        for (int i = 0; i < c.runs.size() && i < c.runSpread.size(); ++i) {
            const QPointF& p = c.runs[i];
            if (c.runSpread[i] <= 0 || p.x() <= 0) continue;
            auto* bar = new QLineSeries;
            bar->setPen(QPen(colour, 1.5));
            bar->append(p.x(), p.y() - c.runSpread[i]);
            bar->append(p.x(), p.y() + c.runSpread[i]);
            yMin = std::min(yMin, p.y() - c.runSpread[i]);
            yMax = std::max(yMax, p.y() + c.runSpread[i]);
            attach(bar);
            chart->legend()->markers(bar).value(0)->setVisible(false);
            ++m_errorBars;
        }
        // One legend entry per budget: "1e19", and "1.5e12 (yours)" for the user's runs.
        const QString label = c.own ? tr("%1 (yours)").arg(budgetLabel(c.budget)) : budgetLabel(c.budget);
        points->setName(label);
        attach(points);
        if (legendDone.contains(label)) chart->legend()->markers(points).value(0)->setVisible(false);
        legendDone.insert(label);

        if (c.hasParabola && c.log10Max > c.log10Min) {
            auto* line = new QLineSeries;
            QPen pen(colour, 2.0, c.own ? Qt::DotLine : xl ? Qt::SolidLine : Qt::DashLine);
            line->setPen(pen);
            const int steps = 60;
            for (int i = 0; i <= steps; ++i) {
                const double lx = c.log10Min + (c.log10Max - c.log10Min) * i / steps;
                line->append(std::pow(10.0, lx), c.a * lx * lx + c.b * lx + c.c);
            }
            attach(line);
            chart->legend()->markers(line).value(0)->setVisible(false);
        }
        if (c.hasOptimum && c.optimum.x() > 0) {
            const bool lit = m_highlight.covers(ScalingHighlight::Kind::Minima, c.arch);
            if (lit) {   // a thick hollow ring under the star
                auto* ring = new QScatterSeries;
                ring->setMarkerShape(QScatterSeries::MarkerShapeCircle);
                ring->setMarkerSize(26);
                ring->setColor(Qt::transparent);
                ring->setPen(QPen(palette().color(QPalette::Highlight), 3.0));
                ring->append(c.optimum);
                attach(ring);
                chart->legend()->markers(ring).value(0)->setVisible(false);
                ++m_highlighted;
            }
            auto* opt = new QScatterSeries;
            opt->setMarkerShape(QScatterSeries::MarkerShapeStar);
            opt->setMarkerSize(16);
            const QColor star = budgetColor(budgetRank[c.budget], int(budgetRank.size())), edge = palette().color(QPalette::Text);
            opt->setColor(lit ? star : tone(star));
            opt->setBorderColor(lit ? edge : tone(edge));
            opt->append(c.optimum);
            attach(opt);
            chart->legend()->markers(opt).value(0)->setVisible(false);
        }
    }
    if (!leftOut.points.isEmpty()) {
        auto* out = new QScatterSeries;
        out->setMarkerShape(QScatterSeries::MarkerShapeRotatedRectangle);
        out->setMarkerSize(9);
        out->setColor(Qt::transparent);
        out->setBorderColor(tone(palette().color(QPalette::PlaceholderText)));
        out->setName(tr("left out"));
        for (const QPointF& p : leftOut.points) {
            out->append(p);
            xMin = std::min(xMin, p.x());
            xMax = std::max(xMax, p.x());
            yMin = std::min(yMin, p.y());
            yMax = std::max(yMax, p.y());
        }
        attach(out);
        attachHoverTips(out, leftOut.names);
        attachToggles(out, leftOut.keys);
    }
    if (xMax > 0) {
        setLogRange(xAxis, xMin / 1.25, xMax * 1.25);
        // Round the loss range outwards to a tick step that gives at most ten intervals.
        const double pad = std::max(0.02, (yMax - yMin) * 0.04);
        double step = 0.05;
        for (double candidate : {0.05, 0.1, 0.2, 0.25, 0.5, 1.0}) {
            step = candidate;
            if ((yMax - yMin + 2 * pad) / candidate <= 10) break;
        }
        const double lo = std::floor((yMin - pad) / step) * step, hi = std::ceil((yMax + pad) / step) * step;
        yAxis->setRange(lo, hi);
        yAxis->setTickCount(int(std::lround((hi - lo) / step)) + 1);
    } else {
        xAxis->setRange(1e7, 1e10);
        yAxis->setRange(2.5, 4.0);
    }
}

void IsoflopChartView::setHighlight(const ScalingHighlight& highlight) {
    if (highlight == m_highlight) return;
    m_highlight = highlight;
    setCurves(m_curves, m_xTitle, m_leftOut);
}

void IsoflopChartView::attachToggles(QXYSeries* series, const QVector<QString>& keys) {
    connect(series, &QXYSeries::clicked, this, [this, series, keys](const QPointF& at) {
        if (!(QGuiApplication::keyboardModifiers() & Qt::ShiftModifier)) return;
        const int i = nearestPoint(series, at, int(keys.size()));
        if (i >= 0) emit pointToggled(keys.at(i));
    });
}

}  // namespace seqscope::widgets
