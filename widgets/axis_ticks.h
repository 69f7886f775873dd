// SPDX-License-Identifier: MIT
// Tick positions and labels for the loss chart's axes, in display space (log10 under log scales).
// Log axes get 1-2-5 or 1..9 sub-decade ticks and, below one decade, plain nice values such as
// 2.5, 3, 3.5 (Qt's QLogValueAxis only ticks powers of ten, which leaves a loss axis from 2.5 to 4
// without any label; anchors R10, TensorBoard #57). Labels follow the quantity: SI counts for steps
// and tokens (150k, 20B), scientific FLOPs (1.5e18), durations (1h 30m) and local clock times.
#pragma once

#include <QString>
#include <QVector>

namespace seqscope::widgets {

enum class TickFormat { Count, Tokens, Flops, Duration, ClockTime, Value };

struct AxisTick {
    double position = 0;  // display space
    QString label;
};

// Ticks inside [lo, hi] (display space). `log`: lo/hi are log10 of the data bounds.
// At most about `target` ticks; labels are unique (precision grows until they are).
QVector<AxisTick> makeTicks(double lo, double hi, bool log, int target, TickFormat format);

// One value in the axis' format with `precision` significant digits (trailing zeros dropped);
// ClockTime: precision <= 4 gives HH:mm:ss, more gives MM-dd HH:mm. Readouts use it too.
QString formatTickValue(double value, TickFormat format, int precision);

}  // namespace seqscope::widgets
