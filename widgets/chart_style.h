// SPDX-License-Identifier: MIT
// One look for every Seqscope chart: theme follows the application palette, no animations (live
// data), antialiasing, compact margins, readable axis fonts.
#pragma once

#include <QString>

class QChart;
class QChartView;
class QAbstractAxis;
class QLogValueAxis;

namespace seqscope::widgets {

void styleChart(QChartView* view, QChart* chart);
void styleAxis(QAbstractAxis* axis);
// Marker shape and pen style per architecture, so every view tells xLSTM and Transformer apart the same way.
bool archIsXlstm(const QString& arch);
// Sets a log axis' range to [lo, hi], widened to whole powers of its base until at least two
// labelled ticks fall inside (QLogValueAxis labels powers of the base only, so a range inside one
// decade would show one label or none). Many decades get base 100 so labels do not collide.
void setLogRange(QLogValueAxis* axis, double lo, double hi);

}  // namespace seqscope::widgets
