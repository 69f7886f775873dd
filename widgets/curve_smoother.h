// SPDX-License-Identifier: MIT
// Smoothing of one series on its full-resolution values, before any downsampling, so the smoothed
// curve does not depend on zoom, pixel width or how long the run is (anchors R6; TensorBoard #1518).
// EMA uses TensorBoard's debias (PR#639): s_n = (sum_i w^(n-i) (1-w) y_i) / (1 - w^n) over finite
// y_i, which removes the pull towards 0 at the start. Causal kernels only append on update, so
// already-drawn history never changes (R7); the centred average recomputes its last window/2 points.
// Non-finite inputs (NaN loss, or y <= 0 under log-y) give NaN outputs and are skipped by the kernels.
// Time-weighted EMA (issue 20, for uneven logging): s_1 = y_1, s_i = s_j + a_i (y_i - s_j) with j the
// previous finite point and a_i = 1 - exp(-(step_i - step_j) / tau): a point logged after a long gap
// moves the average more than one logged right after the last, so the curve does not depend on how
// often a run logged. Starting from the first value it needs no debias. Weights use the optimizer
// step (the training clock, whatever the x axis shows); equal steps would give a = 0.
#pragma once

#include "curve_options.h"

#include <cstddef>
#include <vector>

namespace seqscope::widgets {

class SeriesSmoother {
public:
    // Brings values() up to date with y[0..n). Same options and n >= previous n: incremental.
    // Otherwise (options changed, or the series shrank) everything is recomputed. `steps`: the
    // optimizer step of each point, needed by TimeEma (ignored by the other kernels).
    void update(const double* y, size_t n, const SmoothingOptions& options, const double* steps = nullptr);
    void reset();
    const std::vector<double>& values() const { return m_out; }
    // First index the last update() (re)computed; causal kernels never go below the previous size.
    size_t lastRecomputeFrom() const { return m_lastFrom; }

private:
    void extendEma(const double* y, size_t from, size_t n);
    void extendAverage(const double* y, size_t from, size_t n, bool centred);
    void extendTimeEma(const double* y, const double* steps, size_t from, size_t n);

    SmoothingOptions m_options;
    bool m_primed = false;
    std::vector<double> m_out;
    double m_emaLast = 0;      // running w-weighted sum (biased towards 0)
    double m_emaWeightPow = 1; // w^count, for the debias denominator
    double m_lastStep = 0;     // time-weighted EMA: step of the last finite point
    bool m_haveLast = false;
    size_t m_lastFrom = 0;
};

}  // namespace seqscope::widgets
