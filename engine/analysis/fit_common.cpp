// SPDX-License-Identifier: MIT
// Input screening, intervals, seeded resampling and thread-count rules shared by the fits.
#include "analysis/fit_common.h"

#include <algorithm>
#include <cstdio>
#include <set>
#include <thread>

namespace seqscope::analysis {

namespace {

bool badValue(double v) { return !std::isfinite(v) || v <= 0.0; }

std::string rowName(const ScalingPoint& p, size_t index) {
    if (p.sourceRow > 0) return "row " + std::to_string(p.sourceRow);
    return "point #" + std::to_string(index);
}

std::string describeValue(double v) {
    if (std::isnan(v)) return "missing (NaN)";
    if (std::isinf(v)) return "infinite";
    if (v == 0.0) return "missing (0)";
    return fmt(v, 6) + " (must be > 0)";
}

}  // namespace

Status screenPoints(const std::vector<ScalingPoint>& in, unsigned needed, InvalidPointPolicy policy,
                    std::vector<ScalingPoint>* kept, std::vector<std::string>* warnings) {
    std::vector<std::string> problems;
    kept->clear();
    kept->reserve(in.size());
    for (size_t i = 0; i < in.size(); ++i) {
        const ScalingPoint& p = in[i];
        std::string why;
        auto check = [&](unsigned bit, const char* name, double v) {
            if ((needed & bit) && badValue(v)) {
                if (!why.empty()) why += ", ";
                why += std::string(name) + " " + describeValue(v);
            }
        };
        check(kNeedParams, "params N", p.params);
        check(kNeedTokens, "tokens D", p.tokens);
        check(kNeedFlops, "flops C", p.flops);
        check(kNeedLoss, "loss", p.loss);
        if (why.empty()) {
            kept->push_back(p);
            continue;
        }
        std::string label = rowName(p, i);
        if (!p.run.empty()) label += " (" + p.run + ")";
        problems.push_back(label + ": " + why);
    }
    if (problems.empty()) return Status::ok();
    if (policy == InvalidPointPolicy::Skip) {
        for (const auto& pr : problems) warnings->push_back("skipped " + pr);
        return Status::ok();
    }
    std::string msg = std::to_string(problems.size()) + " invalid point" + (problems.size() == 1 ? "" : "s") + ": ";
    const size_t shown = std::min<size_t>(problems.size(), 12);
    for (size_t i = 0; i < shown; ++i) msg += (i ? "; " : "") + problems[i];
    if (shown < problems.size()) msg += "; ... and " + std::to_string(problems.size() - shown) + " more";
    return Status::invalid(msg);
}

Status requireSingleFamily(const std::vector<ScalingPoint>& points, bool checkArch, bool checkCtx) {
    std::set<std::string> archs;
    std::set<long long> ctxs;
    for (const auto& p : points) {
        archs.insert(p.arch);
        ctxs.insert(p.ctx);
    }
    if (checkArch && archs.size() > 1) {
        std::string list;
        for (const auto& a : archs) list += (list.empty() ? "" : ", ") + (a.empty() ? std::string("<none>") : a);
        return Status::invalid("the points mix architectures (" + list + "); select one (--arch)");
    }
    if (checkCtx && ctxs.size() > 1) {
        std::string list;
        for (long long c : ctxs) list += (list.empty() ? "" : ", ") + std::to_string(c);
        return Status::invalid("the points mix context lengths (" + list + "); select one (--ctx)");
    }
    return Status::ok();
}

std::string describeRows(const std::vector<int>& sourceRows, size_t maxShown) {
    if (sourceRows.empty()) return "no rows";
    std::string s = sourceRows.size() == 1 ? "row " : "rows ";
    const size_t shown = std::min(maxShown, sourceRows.size());
    for (size_t i = 0; i < shown; ++i) {
        if (i) s += ", ";
        s += sourceRows[i] > 0 ? std::to_string(sourceRows[i]) : "#" + std::to_string(i);
    }
    if (shown < sourceRows.size()) s += ", ... (" + std::to_string(sourceRows.size()) + " rows)";
    return s;
}

double quantile(std::vector<double> values, double q) {
    values.erase(std::remove_if(values.begin(), values.end(), [](double v) { return !std::isfinite(v); }),
                 values.end());
    if (values.empty()) return NAN;
    std::sort(values.begin(), values.end());
    const double pos = std::clamp(q, 0.0, 1.0) * static_cast<double>(values.size() - 1);
    const size_t lo = static_cast<size_t>(std::floor(pos));
    const size_t hi = std::min(lo + 1, values.size() - 1);
    const double frac = pos - static_cast<double>(lo);
    return values[lo] + frac * (values[hi] - values[lo]);
}

Interval percentileInterval(const std::vector<double>& samples, double confidence) {
    Interval iv;
    double sum = 0.0;
    int n = 0;
    for (double v : samples)
        if (std::isfinite(v)) {
            sum += v;
            ++n;
        }
    iv.samples = n;
    if (n < 2) return iv;
    const double mean = sum / n;
    double ss = 0.0;
    for (double v : samples)
        if (std::isfinite(v)) ss += (v - mean) * (v - mean);
    iv.stdError = std::sqrt(ss / (n - 1));
    const double tail = 0.5 * (1.0 - confidence);
    iv.lo = quantile(samples, tail);
    iv.hi = quantile(samples, 1.0 - tail);
    return iv;
}

std::uint64_t SplitMix64::next() {
    std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

std::uint64_t SplitMix64::below(std::uint64_t n) {
    if (n <= 1) return 0;
    // Reject the top partial block so every residue is equally likely.
    const std::uint64_t limit = ~0ull - (~0ull % n);
    std::uint64_t x;
    do {
        x = next();
    } while (x >= limit);
    return x % n;
}

std::uint64_t deriveSeed(std::uint64_t base, std::uint64_t stream) {
    SplitMix64 g(base ^ (0xD1B54A32D192ED03ull * (stream + 1)));
    g.next();
    return g.next();
}

int resolveThreads(int requested) {
    if (requested > 0) return requested;
    const unsigned hw = std::thread::hardware_concurrency();
    return hw == 0 ? 1 : static_cast<int>(hw);
}

std::string fmt(double value, int digits) {
    if (std::isnan(value)) return "nan";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*g", digits, value);
    return buf;
}

}  // namespace seqscope::analysis
