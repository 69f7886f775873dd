// SPDX-License-Identifier: MIT
// Building blocks shared by the Parametric view's charts, so the five charts look alike and like
// the Scaling view: log axes labelled at powers of ten, loss axes on round steps, budget colours by
// rank (viridis, budgetColor), dataset points filled (xLSTM circles, Transformer squares), the
// user's runs hollow triangles, and a hover readout on every point.
#pragma once

#include <QColor>
#include <QString>
#include <QStringList>
#include <QVector>

#include "hover_tips.h"   // attachHoverTips, shared with the other analysis views
#include "parametric_plot_data.h"

class QChart;
class QLogValueAxis;
class QScatterSeries;
class QValueAxis;
class QXYSeries;

namespace seqscope::widgets {

QLogValueAxis* makeLogAxis(const QString& title);
QValueAxis* makeValueAxis(const QString& title, const QString& format = QStringLiteral("%.2f"));
// [lo, hi] rounded outwards to a 1-2-2.5-5 step with at most `maxSteps` intervals.
void setNiceRange(QValueAxis* axis, double lo, double hi, int maxSteps = 8);

// Budget colour by rank among `budgets` (ascending); neutral grey for a point without a budget.
QColor budgetColorOf(const QVector<double>& budgets, double budget);

// A scatter series in the shared marker style: filled circle (xLSTM) or square (others), or, for
// the user's runs, a hollow triangle of the same colour.
QScatterSeries* makePointSeries(const QColor& colour, bool own, bool xlstm);

// Adds `series` to `chart` on the two axes.
void attachSeries(QChart* chart, QXYSeries* series, QLogValueAxis* x, QValueAxis* y);
void attachSeries(QChart* chart, QXYSeries* series, QLogValueAxis* x, QLogValueAxis* y);
void attachSeries(QChart* chart, QXYSeries* series, QValueAxis* x, QValueAxis* y);
// Hides the series' legend entry.
void hideFromLegend(QChart* chart, QXYSeries* series);

// Shows `text` while the mouse is over a line (a contour, an iso-FLOP line, a law).
void attachHoverText(QXYSeries* series, const QString& text);

// (min, max) of positive finite values; false when there is none.
bool positiveRange(const QVector<double>& values, double* lo, double* hi);

}  // namespace seqscope::widgets
