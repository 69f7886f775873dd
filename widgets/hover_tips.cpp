// SPDX-License-Identifier: MIT
#include "hover_tips.h"

#include <QChart>
#include <QCursor>
#include <QGuiApplication>
#include <QToolTip>
#include <QXYSeries>
#include <limits>

namespace seqscope::widgets {

int nearestPoint(QXYSeries* series, const QPointF& at, int limit) {
    if (!series->chart()) return -1;
    const QPointF where = series->chart()->mapToPosition(at, series);
    int best = -1;
    double bestDistance = std::numeric_limits<double>::infinity();
    for (int i = 0; i < series->count() && i < limit; ++i) {
        const QPointF d = series->chart()->mapToPosition(series->at(i), series) - where;
        const double distance = d.x() * d.x() + d.y() * d.y();
        if (distance < bestDistance) best = i, bestDistance = distance;
    }
    return best;
}

void attachHoverTips(QXYSeries* series, const QStringList& tips) {
    QObject::connect(series, &QXYSeries::hovered, series, [series, tips](const QPointF& at, bool entered) {
        const int best = entered ? nearestPoint(series, at, int(tips.size())) : -1;
        if (best >= 0) QToolTip::showText(QCursor::pos(), tips.at(best));
        else QToolTip::hideText();
    });
}

RunPicker* RunPicker::instance() {
    static RunPicker picker;
    return &picker;
}

void attachRunPicks(QXYSeries* series, const QVector<qint64>& runIds) {
    QObject::connect(series, &QXYSeries::clicked, series, [series, runIds](const QPointF& at) {
        if (QGuiApplication::keyboardModifiers() & Qt::ShiftModifier) return;   // Shift+click toggles, not picks
        const int best = nearestPoint(series, at, int(runIds.size()));
        if (best >= 0 && runIds.at(best) > 0) emit RunPicker::instance()->runPicked(runIds.at(best));
    });
}

}  // namespace seqscope::widgets
