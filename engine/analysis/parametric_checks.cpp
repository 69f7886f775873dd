// SPDX-License-Identifier: MIT
// Budget grouping, leave-one-budget-out refits and the Huber-delta sweep of a parametric fit.
#include "analysis/parametric_checks.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace seqscope::analysis {
namespace {

bool cancelled(const ParametricOptions& o) { return o.cancel && o.cancel->load(); }

// Best of a grid fit and single local fits from `extra` on `points`; progress is reported as
// `offset + done` of `grandTotal` through the caller's hook.
ParametricFit bestFit(const std::vector<ScalingPoint>& points, const ParametricOptions& options, bool useGrid,
                      const std::vector<ParametricParams>& extra, int offset, int grandTotal) {
    ParametricFit best;
    best.status = Status::invalid("no start to fit from");
    bool have = false;
    int done = 0;
    auto run = [&](const ParametricGrid& grid) {
        if (cancelled(options)) {
            best.status = Status(StatusCode::Cancelled, "cancelled");
            have = false;
            return false;
        }
        ParametricOptions o = options;
        o.grid = grid;
        const int size = int(grid.size(o.fitGamma));
        if (options.progress) {
            const int base = offset + done;
            o.progress = [&options, base, grandTotal](int d, int) { options.progress(base + d, grandTotal); };
        }
        ParametricFit f = fitParametric(points, o);
        done += size;
        if (f.status.code() == StatusCode::Cancelled) {
            best = std::move(f);
            have = false;
            return false;
        }
        if (f.status.isOk() && (!have || f.objective < best.objective)) {
            best = std::move(f);
            have = true;
        } else if (!have) {
            best.status = f.status;
        }
        return true;
    };
    if (useGrid && !run(options.grid)) return best;
    for (const auto& start : extra)
        if (!run(ParametricGrid::single(start))) return best;
    return best;
}

}  // namespace

ParametricGrid coarseGrid() {
    ParametricGrid g;
    g.a = {0.0, 10.0, 20.0};
    g.b = {0.0, 10.0, 20.0};
    g.e = {-1.0, 0.0, 1.0};
    g.alpha = {0.2, 0.5};
    g.beta = {0.2, 0.5};
    g.gamma = {0.5, 1.0};
    return g;
}

std::vector<double> logSpaced(double lo, double hi, int count) {
    std::vector<double> out;
    if (!(lo > 0 && hi >= lo) || count < 1) return out;
    for (int i = 0; i < count; ++i)
        out.push_back(count == 1 ? lo : lo * std::pow(hi / lo, static_cast<double>(i) / (count - 1)));
    return out;
}

std::vector<double> budgetLabels(const std::vector<ScalingPoint>& points, double tolerance) {
    std::set<double> labelled;
    for (const auto& p : points)
        if (p.budget > 0) labelled.insert(p.budget);
    std::vector<double> out;
    out.reserve(points.size());
    for (const auto& p : points) {
        if (p.budget > 0) {
            out.push_back(p.budget);
            continue;
        }
        if (!(p.flops > 0) || !std::isfinite(p.flops)) {
            out.push_back(0);
            continue;
        }
        double nearest = 0, distance = tolerance;
        for (double h : labelled) {
            const double rel = std::fabs(p.flops - h) / h;
            if (rel < distance) distance = rel, nearest = h;
        }
        if (nearest > 0) {
            out.push_back(nearest);
            continue;
        }
        // Half-decade bins: 10^(k/2); the label is rounded to two significant digits (3.2e19).
        const double half = std::round(2.0 * std::log10(p.flops)) / 2.0;
        const double centre = std::pow(10.0, half);
        const double scale = std::pow(10.0, std::floor(std::log10(centre)) - 1);
        out.push_back(std::round(centre / scale) * scale);
    }
    return out;
}

std::vector<BudgetHoldout> leaveLargestBudgetsOut(const std::vector<ScalingPoint>& points, const std::vector<double>& labels,
                                                  int count, const ParametricOptions& options,
                                                  const std::vector<ParametricParams>& extraStarts) {
    std::vector<BudgetHoldout> out;
    if (labels.size() != points.size() || count < 1) return out;
    std::set<double, std::greater<>> budgets;
    for (double b : labels)
        if (b > 0) budgets.insert(b);
    const int rows = std::min<int>(count, static_cast<int>(budgets.size()));
    const int perRow = static_cast<int>(options.grid.size(options.fitGamma) + extraStarts.size());
    int row = 0;
    for (double budget : budgets) {
        if (row >= rows) break;
        BudgetHoldout h;
        h.budget = budget;
        std::vector<ScalingPoint> train, test;
        for (size_t i = 0; i < points.size(); ++i) (labels[i] == budget ? test : train).push_back(points[i]);
        h.heldOut = static_cast<int>(test.size());
        h.trainedOn = static_cast<int>(train.size());
        const unsigned needed = options.fitGamma ? 6 : 5;
        if (train.size() < needed) {
            h.status = Status::invalid("only " + std::to_string(train.size()) + " points remain without this budget; " +
                                       std::to_string(needed) + " needed");
        } else {
            const ParametricFit fit = bestFit(train, options, true, extraStarts, row * perRow, rows * perRow);
            h.status = fit.status;
            h.params = fit.params;
            if (h.status.isOk()) {
                for (const auto& p : test) {
                    const double predicted = fit.params.loss(p.params, p.tokens);
                    const double rel = predicted / p.loss - 1.0;
                    h.meanObserved += p.loss;
                    h.meanPredicted += predicted;
                    h.meanRelError += rel;
                    h.maxAbsRelError = std::max(h.maxAbsRelError, std::fabs(rel));
                }
                const double n = std::max<size_t>(1, test.size());
                h.meanObserved /= n;
                h.meanPredicted /= n;
                h.meanRelError /= n;
            }
        }
        out.push_back(h);
        if (h.status.code() == StatusCode::Cancelled) break;
        ++row;
    }
    return out;
}

std::vector<DeltaFit> huberDeltaSweep(const std::vector<ScalingPoint>& points, const std::vector<double>& deltas,
                                      const std::vector<ParametricParams>& starts, const ParametricOptions& options) {
    std::vector<DeltaFit> out;
    const int perDelta = static_cast<int>(starts.size());
    int index = 0;
    for (double delta : deltas) {
        DeltaFit d;
        d.delta = delta;
        ParametricOptions o = options;
        o.huberDelta = delta;
        const ParametricFit fit = bestFit(points, o, false, starts, index * perDelta, int(deltas.size()) * perDelta);
        d.status = fit.status;
        d.params = fit.params;
        d.objective = fit.objective;
        out.push_back(d);
        if (d.status.code() == StatusCode::Cancelled) break;
        ++index;
    }
    return out;
}

}  // namespace seqscope::analysis
