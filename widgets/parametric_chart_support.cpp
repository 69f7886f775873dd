// SPDX-License-Identifier: MIT
#include "parametric_chart_support.h"

#include <QChart>
#include <QCursor>
#include <QLegend>
#include <QLegendMarker>
#include <QLogValueAxis>
#include <QPen>
#include <QScatterSeries>
#include <QToolTip>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

#include "chart_style.h"
#include "scaling_plot_data.h"

namespace seqscope::widgets {

QLogValueAxis* makeLogAxis(const QString& title) {
    auto* axis = new QLogValueAxis;
    axis->setBase(10);
    axis->setLabelFormat(QStringLiteral("%.0e"));
    axis->setTitleText(title);
    axis->setMinorTickCount(8);
    styleAxis(axis);
    return axis;
}

QValueAxis* makeValueAxis(const QString& title, const QString& format) {
    auto* axis = new QValueAxis;
    axis->setTitleText(title);
    axis->setLabelFormat(format);
    styleAxis(axis);
    return axis;
}

void setNiceRange(QValueAxis* axis, double lo, double hi, int maxSteps) {
    if (!std::isfinite(lo) || !std::isfinite(hi)) return;
    if (hi <= lo) {
        const double pad = std::max(1e-3, std::fabs(lo) * 0.05);
        lo -= pad;
        hi += pad;
    }
    const double raw = (hi - lo) / std::max(1, maxSteps);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double step = 10 * magnitude;
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (m * magnitude >= raw) {
            step = m * magnitude;
            break;
        }
    const double nlo = std::floor(lo / step + 1e-9) * step, nhi = std::ceil(hi / step - 1e-9) * step;
    axis->setRange(nlo, nhi);
    axis->setTickCount(int(std::lround((nhi - nlo) / step)) + 1);
}

QColor budgetColorOf(const QVector<double>& budgets, double budget) {
    const int rank = int(std::find(budgets.begin(), budgets.end(), budget) - budgets.begin());
    if (budget <= 0 || rank >= budgets.size()) return QColor(0x80, 0x80, 0x80);
    return budgetColor(rank, int(budgets.size()));
}

QScatterSeries* makePointSeries(const QColor& colour, bool own, bool xlstm) {
    auto* s = new QScatterSeries;
    if (own) {   // the user's runs: hollow triangles, as in the Scaling view
        s->setMarkerShape(QScatterSeries::MarkerShapeTriangle);
        s->setMarkerSize(10);
        s->setColor(Qt::transparent);
        s->setBorderColor(colour);
        s->setPen(QPen(colour, 2.0));
    } else {
        s->setMarkerShape(xlstm ? QScatterSeries::MarkerShapeCircle : QScatterSeries::MarkerShapeRectangle);
        s->setMarkerSize(xlstm ? 8.0 : 7.0);
        s->setColor(colour);
        s->setBorderColor(colour.darker(140));
    }
    return s;
}

namespace {
template <typename X, typename Y>
void attachTo(QChart* chart, QXYSeries* series, X* x, Y* y) {
    chart->addSeries(series);
    series->attachAxis(x);
    series->attachAxis(y);
}
}  // namespace

void attachSeries(QChart* chart, QXYSeries* series, QLogValueAxis* x, QValueAxis* y) { attachTo(chart, series, x, y); }
void attachSeries(QChart* chart, QXYSeries* series, QLogValueAxis* x, QLogValueAxis* y) { attachTo(chart, series, x, y); }
void attachSeries(QChart* chart, QXYSeries* series, QValueAxis* x, QValueAxis* y) { attachTo(chart, series, x, y); }

void hideFromLegend(QChart* chart, QXYSeries* series) {
    for (QLegendMarker* m : chart->legend()->markers(series)) m->setVisible(false);
}

void attachHoverText(QXYSeries* series, const QString& text) {
    QObject::connect(series, &QXYSeries::hovered, series, [text](const QPointF&, bool state) {
        if (state) QToolTip::showText(QCursor::pos(), text);
        else QToolTip::hideText();
    });
}

bool positiveRange(const QVector<double>& values, double* lo, double* hi) {
    bool any = false;
    for (double v : values)
        if (v > 0 && std::isfinite(v)) {
            *lo = any ? std::min(*lo, v) : v;
            *hi = any ? std::max(*hi, v) : v;
            any = true;
        }
    return any;
}

}  // namespace seqscope::widgets
