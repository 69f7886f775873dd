// SPDX-License-Identifier: MIT
// Per-run quantile fence for the automatic y range; see robust_range.h.
#include "robust_range.h"

#include "curve_parallel.h"

#include <algorithm>
#include <cmath>

namespace seqscope::widgets {

double quantile(std::vector<double>& values, double q) {
    const double pos = std::clamp(q, 0.0, 1.0) * static_cast<double>(values.size() - 1);
    const size_t k = static_cast<size_t>(std::floor(pos));
    const double frac = pos - static_cast<double>(k);
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(k), values.end());
    const double a = values[k];
    if (frac == 0.0 || k + 1 >= values.size()) return a;
    // The (k+1)-th order statistic is the minimum of the part nth_element left above k.
    const double b = *std::min_element(values.begin() + static_cast<std::ptrdiff_t>(k) + 1, values.end());
    return a + frac * (b - a);
}

namespace {
YRange padded(double lo, double hi, double margin) {
    YRange r;
    double span = hi - lo;
    if (!(span > 0)) {
        // A flat curve: give it a visible band around its value instead of a zero-height axis.
        span = std::max(std::abs(lo) * 0.1, 1e-9);
        lo -= span / 2;
        hi += span / 2;
    }
    r.lo = lo - margin * span;
    r.hi = hi + margin * span;
    r.valid = std::isfinite(r.lo) && std::isfinite(r.hi) && r.hi > r.lo;
    return r;
}
}  // namespace

YRange robustYRange(const std::vector<RangeInput>& runs, const RobustRangeOptions& options) {
    // Each run's fence on its own core (two selections over ~4 values per pixel column each).
    std::vector<double> los(runs.size(), INFINITY), his(runs.size(), -INFINITY);
    parallelFor(static_cast<int>(runs.size()), [&](int k) {
        const RangeInput& run = runs[static_cast<size_t>(k)];
        if (run.values.empty()) return;
        std::vector<double> scratch = run.values;
        los[static_cast<size_t>(k)] = quantile(scratch, options.lowerQuantile);
        his[static_cast<size_t>(k)] = quantile(scratch, options.upperQuantile);
    });
    double lo = INFINITY, hi = -INFINITY;
    for (size_t k = 0; k < runs.size(); ++k) {
        lo = std::min(lo, los[k]);
        hi = std::max(hi, his[k]);
        const RangeInput& run = runs[k];
        if (run.hasLast && std::isfinite(run.lastValue)) {
            lo = std::min(lo, run.lastValue);
            hi = std::max(hi, run.lastValue);
        }
    }
    if (!(lo <= hi)) return {};
    return padded(lo, hi, options.margin);
}

YRange fullYRange(const std::vector<RangeInput>& runs, double margin) {
    double lo = INFINITY, hi = -INFINITY;
    for (const RangeInput& run : runs) {
        for (double v : run.values) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
        if (run.hasLast && std::isfinite(run.lastValue)) {
            lo = std::min(lo, run.lastValue);
            hi = std::max(hi, run.lastValue);
        }
    }
    if (!(lo <= hi)) return {};
    return padded(lo, hi, margin);
}

}  // namespace seqscope::widgets
