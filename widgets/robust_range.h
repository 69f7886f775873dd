// SPDX-License-Identifier: MIT
// Automatic y range for the loss chart, outlier-robust without ever hiding a run (anchors R13;
// TensorBoard #214/#896 and Aim #1041 clip ~10% globally and lose whole runs).
// Definition (robust mode), in display space (log10 y under log-y), per run r:
//   D_r = the run's drawn values in the visible x range (the per-pixel-column envelope, so every
//         screen column weighs about the same whatever the point density; under log-x the early
//         steps fill most of the width and must count as such),
//   lo_r = Q(D_r, qLo), hi_r = Q(D_r, qHi)  (type-7 quantiles, linear between order statistics),
//   L_r  = the run's last visible value (the newest point of a live run is always in view).
// Range = [min_r min(lo_r, L_r), max_r max(hi_r, L_r)], padded by `margin` x span on each side.
// So every run keeps at least (qHi - qLo) of its drawn points inside: a run can never disappear,
// and a spike only widens the range if it is more than (1 - qHi) of that run's columns.
#pragma once

#include "curve_options.h"

#include <vector>

namespace seqscope::widgets {

struct YRange {
    double lo = 0, hi = 1;
    bool valid = false;  // false when no run has a drawable value
};

struct RangeInput {
    std::vector<double> values;  // drawn finite values of one run, display space, any order
    double lastValue = 0;        // last visible value (display space)
    bool hasLast = false;
};

// Robust range as defined above.
YRange robustYRange(const std::vector<RangeInput>& runs, const RobustRangeOptions& options);
// min..max of every drawn value, padded by `margin` x span.
YRange fullYRange(const std::vector<RangeInput>& runs, double margin);
// Type-7 quantile of `values` (reorders them); q in [0, 1]; values must be non-empty.
double quantile(std::vector<double>& values, double q);

}  // namespace seqscope::widgets
