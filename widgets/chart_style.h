// SPDX-License-Identifier: MIT
// One look for every Seqscope chart: theme follows the application palette, no animations (live
// data), antialiasing, compact margins, readable axis fonts.
#pragma once

#include <QString>

class QChart;
class QChartView;
class QAbstractAxis;

namespace seqscope::widgets {

void styleChart(QChartView* view, QChart* chart);
void styleAxis(QAbstractAxis* axis);
// Marker shape and pen style per architecture, so every view tells xLSTM and Transformer apart the same way.
bool archIsXlstm(const QString& arch);

}  // namespace seqscope::widgets
