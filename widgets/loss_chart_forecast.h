// SPDX-License-Identifier: MIT
// Final-loss forecasts on the loss chart (issue 13): per run, a faded band in the run's colour from
// its last logged point to its planned last step, the dashed point-estimate line through it and a
// ring at the forecast final loss (the run's own curve); beside the ring, a diamond with its interval
// for the forecast of the L(N, D) law fitted to the user's finished runs, when there are enough. The app hands over ForecastBand values in the plotted metric's
// units (widgets never compute forecasts); forecastX places their steps on the current x axis.
#pragma once

#include "curve_model.h"
#include "plot_overlay_item.h"

#include <QColor>
#include <QPointF>
#include <QVector>

namespace seqscope::widgets {

struct ForecastBand {
    QVector<qint64> steps;         // increasing; the first is the run's last fitted step
    QVector<double> lo, mid, hi;   // metric units, one per step
    bool hasLaw = false;           // the law's forecast of the final value (at steps.back())
    double lawLo = 0, lawMid = 0, lawHi = 0;
    bool isValid() const;          // equal lengths, at least one step, lo <= mid <= hi
};

// x of `steps` on axis `kind` (data units, before any log) for `run`: steps as they are; tokens and
// FLOPs at the run's mean rate per step so far; wall time and relative time at its mean seconds
// per step so far (RelativeTime counted from the run's first point). Empty when the run has no
// points to take the rate from.
QVector<double> forecastX(const RunSeries& run, const QVector<qint64>& steps, XAxisKind kind);

class ForecastItem : public PlotOverlayItem {
public:
    struct Band {
        QColor color;
        QVector<QPointF> lo, mid, hi;   // display space (log10 under log axes), same x
        bool hasLaw = false;            // the law's final value and interval at the last x
        double lawLo = 0, lawMid = 0, lawHi = 0;
    };
    explicit ForecastItem(QGraphicsItem* parent = nullptr);
    void setBands(QVector<Band> bands);
    const QVector<Band>& bands() const { return m_bands; }

    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QVector<Band> m_bands;
};

}  // namespace seqscope::widgets
