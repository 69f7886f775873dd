// SPDX-License-Identifier: MIT
// EMA (debiased), trailing and centred running averages over full-resolution values; see
// curve_smoother.h for the definitions.
#include "curve_smoother.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace seqscope::widgets {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// Sliding sums drift by rounding; re-summing every so many points keeps them within ~1e-13 relative.
constexpr size_t kResumEvery = 4096;
}  // namespace

void SeriesSmoother::reset() {
    m_primed = false;
    m_out.clear();
    m_emaLast = 0;
    m_emaWeightPow = 1;
    m_lastStep = 0;
    m_haveLast = false;
    m_lastFrom = 0;
}

void SeriesSmoother::update(const double* y, size_t n, const SmoothingOptions& options, const double* steps) {
    if (!m_primed || options != m_options || n < m_out.size()) {
        reset();
        m_options = options;
        m_primed = true;
    }
    const size_t have = m_out.size();
    if (n == have) {
        m_lastFrom = n;
        return;
    }
    m_out.resize(n);
    switch (m_options.kind) {
    case SmoothingKind::Off:
        std::copy(y + have, y + n, m_out.begin() + static_cast<std::ptrdiff_t>(have));
        m_lastFrom = have;
        break;
    case SmoothingKind::Ema:
        extendEma(y, have, n);
        m_lastFrom = have;
        break;
    case SmoothingKind::TimeEma:
        if (steps) {
            extendTimeEma(y, steps, have, n);
        } else {  // no clock given: unit steps, i.e. an EMA with weight exp(-1 / tau)
            std::vector<double> index(n);
            for (size_t i = 0; i < n; ++i) index[i] = static_cast<double>(i);
            extendTimeEma(y, index.data(), have, n);
        }
        m_lastFrom = have;
        break;
    case SmoothingKind::RunningAverage:
        extendAverage(y, have, n, false);
        m_lastFrom = have;
        break;
    case SmoothingKind::CenteredAverage: {
        // Outputs within half a window of the old end saw fewer right neighbours: recompute them.
        const size_t half = static_cast<size_t>(m_options.window) / 2;
        const size_t from = have > half ? have - half : 0;
        extendAverage(y, from, n, true);
        m_lastFrom = from;
        break;
    }
    }
}

void SeriesSmoother::extendEma(const double* y, size_t from, size_t n) {
    const double w = m_options.emaWeight;
    for (size_t i = from; i < n; ++i) {
        if (!std::isfinite(y[i])) {
            m_out[i] = kNaN;
            continue;
        }
        m_emaLast = m_emaLast * w + (1.0 - w) * y[i];
        m_emaWeightPow *= w;
        const double debias = 1.0 - m_emaWeightPow;
        m_out[i] = debias > 0 ? m_emaLast / debias : y[i];
    }
}

void SeriesSmoother::extendTimeEma(const double* y, const double* steps, size_t from, size_t n) {
    const double tau = m_options.tau;
    for (size_t i = from; i < n; ++i) {
        if (!std::isfinite(y[i]) || !std::isfinite(steps[i])) {
            m_out[i] = kNaN;
            continue;
        }
        if (!m_haveLast) {
            m_emaLast = y[i];
            m_haveLast = true;
        } else {
            const double alpha = -std::expm1(-std::max(0.0, steps[i] - m_lastStep) / tau);  // 1 - e^(-dx/tau)
            m_emaLast += alpha * (y[i] - m_emaLast);
        }
        m_lastStep = steps[i];
        m_out[i] = m_emaLast;
    }
}

void SeriesSmoother::extendAverage(const double* y, size_t from, size_t n, bool centred) {
    // Window [i - before, i + after] clipped to [0, n); only finite values count.
    size_t window = static_cast<size_t>(std::max(1, m_options.window));
    if (centred && window % 2 == 0) ++window;
    const size_t before = centred ? window / 2 : window - 1;
    const size_t after = centred ? window / 2 : 0;

    double sum = 0;
    size_t count = 0;
    auto resum = [&](size_t i) {
        sum = 0;
        count = 0;
        const size_t lo = i > before ? i - before : 0;
        const size_t hi = std::min(n - 1, i + after);
        for (size_t k = lo; k <= hi; ++k)
            if (std::isfinite(y[k])) {
                sum += y[k];
                ++count;
            }
    };
    for (size_t i = from; i < n; ++i) {
        if (i == from || (i - from) % kResumEvery == 0) {
            resum(i);
        } else {
            // Slide by one: add the entering right element, drop the leaving left element.
            const size_t enter = i + after;
            if (enter < n && std::isfinite(y[enter])) {
                sum += y[enter];
                ++count;
            }
            if (i > before) {
                const size_t leave = i - before - 1;
                if (std::isfinite(y[leave])) {
                    sum -= y[leave];
                    --count;
                }
            }
        }
        m_out[i] = (std::isfinite(y[i]) && count > 0) ? sum / static_cast<double>(count) : kNaN;
    }
}

}  // namespace seqscope::widgets
