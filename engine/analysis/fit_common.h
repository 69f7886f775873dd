// SPDX-License-Identifier: MIT
// Shared pieces of the scaling-law fits: screening of input points (bad rows are named by their
// source row, never silently fitted), percentile intervals, a seeded generator whose stream does not
// depend on the standard library, and the worker-count rule. Used by isoflop_fit, parametric_fit,
// parametric_bootstrap and context_study.
#pragma once

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "analysis/scaling_point.h"
#include "common/status.h"

namespace seqscope::analysis {

// Fields a fit reads from each point (bit mask).
enum PointField : unsigned { kNeedParams = 1u, kNeedTokens = 2u, kNeedFlops = 4u, kNeedLoss = 8u };

// What to do with points whose needed fields are missing, non-finite or not positive.
enum class InvalidPointPolicy {
    Reject,   // fail with a message that names every offending row (default)
    Skip,     // drop them and report them as warnings
};

// Screens `in`: a needed field that is NaN, infinite, zero or negative makes the point invalid.
// Reject: returns InvalidArgument naming the rows and values. Skip: appends one warning per dropped
// row to *warnings and returns Ok. *kept receives the valid points in input order.
Status screenPoints(const std::vector<ScalingPoint>& in, unsigned needed, InvalidPointPolicy policy,
                    std::vector<ScalingPoint>* kept, std::vector<std::string>* warnings);

// Fails when the points mix architectures or contexts: one fit describes one model family.
Status requireSingleFamily(const std::vector<ScalingPoint>& points, bool checkArch, bool checkCtx);

// "row 3", "rows 3, 7, 9" or "rows 3, 7, ... (12 rows)"; row 0 prints as "#<index>".
std::string describeRows(const std::vector<int>& sourceRows, size_t maxShown = 10);

// A central interval from resampled values plus their standard deviation.
struct Interval {
    double lo = NAN;          // lower percentile
    double hi = NAN;          // upper percentile
    double stdError = NAN;    // sample standard deviation of the resampled values
    int samples = 0;          // resamples that produced a finite value
    bool valid() const { return samples > 1 && std::isfinite(lo) && std::isfinite(hi); }
};

// q-quantile of the finite values (linear interpolation between order statistics, numpy's default).
double quantile(std::vector<double> values, double q);
// Central `confidence` interval (e.g. 0.95 -> 2.5% and 97.5% quantiles) and standard deviation.
Interval percentileInterval(const std::vector<double>& samples, double confidence);

// SplitMix64: a tiny, fully specified generator, so resamples are the same on every platform and
// standard library (std::uniform_int_distribution is not).
class SplitMix64 {
public:
    explicit SplitMix64(std::uint64_t seed) : m_state(seed) {}
    std::uint64_t next();
    std::uint64_t below(std::uint64_t n);   // uniform in [0, n), unbiased (rejection)
private:
    std::uint64_t m_state;
};
// Seed of stream `stream` derived from `base`: resample k always gets the same draws, whatever
// thread runs it.
std::uint64_t deriveSeed(std::uint64_t base, std::uint64_t stream);

// Worker threads for a request: <= 0 means all hardware threads (at least 1).
int resolveThreads(int requested);

// Compact number for reports: "%.*g" with `digits` significant digits.
std::string fmt(double value, int digits = 4);

}  // namespace seqscope::analysis
