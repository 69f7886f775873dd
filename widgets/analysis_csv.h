// SPDX-License-Identifier: MIT
// "Export data (CSV)" of the analysis views: exactly the numbers a view draws, one row per element,
// at full precision (%.17g), so a figure made elsewhere from the file matches the chart. Long format:
// an `element` column says what a row is; columns a row does not use stay empty.
#pragma once

#include <QString>

#include "context_plot_data.h"
#include "parametric_plot_data.h"
#include "scaling_plot_data.h"

namespace seqscope::widgets {

// Runs (x, loss), each budget's parabola coefficients and minimum, each frontier's points and laws.
QString scalingPlotCsv(const ScalingPlot& plot);
// Fitted and overlaid points with predictions, coefficients, contours, iso-FLOP lines, the optimal
// path and loss, leave-one-budget-out rows and the Huber-delta sweep.
QString parametricPlotCsv(const ParametricPlot& plot);
// Per (architecture, group, budget): the minima at each context and the laws N*(T), D*(T).
QString contextPlotCsv(const ContextPlot& plot);

}  // namespace seqscope::widgets
