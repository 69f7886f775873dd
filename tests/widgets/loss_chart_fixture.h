// SPDX-License-Identifier: MIT
// Fixture of the loss chart's tests: three runs with noisy power-law curves (one live; the robust
// y range clips their steep starts), and helpers to screenshot and to address the plot.
#pragma once

#include "loss_chart_canvas.h"
#include "loss_chart_view.h"

#include <QChart>
#include <QPoint>
#include <QString>
#include <QVector>
#include <QWidget>
#include <cmath>
#include <random>

namespace seqscope::widgets::testing {

inline QVector<CurvePoint> curve(int from, int to, double floorValue, unsigned seed) {
    std::mt19937 rng(seed);
    std::normal_distribution<double> noise(0, 0.06);
    QVector<CurvePoint> pts;
    for (int i = from; i < to; ++i) {
        CurvePoint p;
        p.step = i;
        p.tokens = 8192.0 * i;
        p.flops = 1e9 * p.tokens;
        p.wallTime = 1.7e9 + 0.1 * i;
        p.value = floorValue + 7.0 * std::pow(1.0 + i / 40.0, -0.5) + noise(rng);
        pts.push_back(p);
    }
    return pts;
}

inline QVector<RunCurveInfo> threeRuns() {
    return {{QStringLiteral("17"), QStringLiteral("xlstm-40M"), true, {}, {}},
            {QStringLiteral("18"), QStringLiteral("transformer-40M"), false, {}, {}},
            {QStringLiteral("21"), QStringLiteral("xlstm-80M"), false, {}, {}}};
}

inline void fill(LossChartView& view, int n = 8000) {
    view.setMetric(QStringLiteral("train_loss"));
    view.setRuns(threeRuns());
    view.appendPoints(QStringLiteral("17"), curve(0, n, 2.4, 1));
    view.appendPoints(QStringLiteral("18"), curve(0, n * 3 / 4, 2.6, 2));
    view.appendPoints(QStringLiteral("21"), curve(0, n / 2, 2.2, 3));
}

inline void saveShot(QWidget& w, const QString& name) {
    const QString dir = qEnvironmentVariable("SEQSCOPE_SCREENSHOT_DIR");
    if (!dir.isEmpty()) w.grab().save(dir + QLatin1Char('/') + name);
}

inline QPoint plotPoint(LossChartCanvas* c, double fx, double fy) {
    const QRectF a = c->plotAreaRect();
    return c->mapFromScene(c->chart()->mapToScene(QPointF(a.left() + fx * a.width(), a.top() + fy * a.height())));
}

}  // namespace seqscope::widgets::testing
