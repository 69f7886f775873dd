// SPDX-License-Identifier: MIT
// Runtime-model fits (runtime_model.h; scaling-laws.md 12.2, 12.6). Both models are linear in their
// parameters, so the bounds (every parameter >= 0) are handled exactly by trying each subset of
// parameters held at zero and keeping the best feasible solution: at most 7 small solves. TTFT is
// (optionally Huber-reweighted) least squares on ms; the step time is Levenberg-Marquardt on
// ln(prediction) - ln(measured), started from the relative-error least-squares solution.
// Columns are scaled to unit maximum so FLOP counts near 1e14 and an overhead of 1 ms mix well.
#include "analysis/runtime_model.h"

#include <Eigen/Dense>
#include <algorithm>
#include <cstdio>
#include <limits>
#include <map>

namespace seqscope::analysis {
namespace {

using Eigen::MatrixXd;
using Eigen::VectorXd;

std::string num(double v) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.4g", v);
    return buf;
}

// Columns `cols` of X.
MatrixXd pick(const MatrixXd& x, const std::vector<int>& cols) {
    MatrixXd out(x.rows(), static_cast<Eigen::Index>(cols.size()));
    for (size_t j = 0; j < cols.size(); ++j) out.col(static_cast<Eigen::Index>(j)) = x.col(cols[j]);
    return out;
}

// Condition number of X with unit-norm columns (scale-free measure of how well the data pin the
// parameters down).
double scaledCondition(const MatrixXd& x) {
    if (x.cols() == 0) return NAN;
    MatrixXd s = x;
    for (Eigen::Index j = 0; j < s.cols(); ++j) {
        const double n = s.col(j).norm();
        if (n > 0) s.col(j) /= n;
    }
    Eigen::JacobiSVD<MatrixXd> svd(s);
    const VectorXd sv = svd.singularValues();
    return sv(sv.size() - 1) > 0 ? sv(0) / sv(sv.size() - 1) : std::numeric_limits<double>::infinity();
}

// Relative residual of column `target` regressed on the columns `others` (0 = exactly in their span).
double spanResidual(const MatrixXd& x, int target, const std::vector<int>& others) {
    const VectorXd t = x.col(target);
    if (others.empty()) return 1.0;
    const MatrixXd a = pick(x, others);
    const VectorXd coef = a.colPivHouseholderQr().solve(t);
    const double tn = t.norm();
    return tn > 0 ? (a * coef - t).norm() / tn : 0.0;
}

// Every non-empty subset of `cols` (bit masks over positions in cols).
std::vector<std::vector<int>> subsets(const std::vector<int>& cols) {
    std::vector<std::vector<int>> out;
    const unsigned n = static_cast<unsigned>(cols.size());
    for (unsigned mask = (1u << n) - 1; mask >= 1; --mask) {
        std::vector<int> s;
        for (unsigned j = 0; j < n; ++j)
            if (mask & (1u << j)) s.push_back(cols[j]);
        out.push_back(s);
    }
    return out;
}

// Bounded weighted least squares: min sum w (X p - y)^2 with p >= 0, p zero outside `cols`.
// Returns the full-length parameter vector and the objective.
struct BoundedSolution {
    VectorXd p;
    double objective = std::numeric_limits<double>::infinity();
    std::vector<int> free;   // columns not at the bound
};

BoundedSolution boundedWeightedLs(const MatrixXd& x, const VectorXd& y, const VectorXd& w, const std::vector<int>& cols) {
    BoundedSolution best;
    const VectorXd sw = w.cwiseSqrt();
    for (const auto& s : subsets(cols)) {
        const MatrixXd a = sw.asDiagonal() * pick(x, s);
        const VectorXd coef = a.colPivHouseholderQr().solve(sw.cwiseProduct(y));
        if ((coef.array() < 0).any() || !coef.allFinite()) continue;
        VectorXd p = VectorXd::Zero(x.cols());
        for (size_t j = 0; j < s.size(); ++j) p(s[j]) = coef(static_cast<Eigen::Index>(j));
        const double obj = (w.array() * (x * p - y).array().square()).sum();
        if (obj < best.objective) best = {p, obj, s};
    }
    return best;
}

// ---- log-space Levenberg-Marquardt for the step time --------------------------------------------

double logObjective(const MatrixXd& x, const VectorXd& lny, const VectorXd& p) {
    const VectorXd pred = x * p;
    if ((pred.array() <= 0).any()) return std::numeric_limits<double>::infinity();
    return (pred.array().log() - lny.array()).square().sum();
}

// Unbounded LM over the columns `s` from `p0` (zero elsewhere). Returns the parameters at the end.
VectorXd logLm(const MatrixXd& x, const VectorXd& lny, VectorXd p, const std::vector<int>& s) {
    const MatrixXd xs = pick(x, s);
    double obj = logObjective(x, lny, p), lambda = 1e-3;
    for (int iter = 0; iter < 300 && std::isfinite(obj); ++iter) {
        const VectorXd pred = x * p;
        const VectorXd r = pred.array().log() - lny.array();
        const MatrixXd j = pred.cwiseInverse().asDiagonal() * xs;
        const MatrixXd jtj = j.transpose() * j;
        const VectorXd g = j.transpose() * r;
        bool accepted = false;
        while (lambda < 1e12) {
            MatrixXd a = jtj;
            a.diagonal() += lambda * jtj.diagonal().cwiseMax(1e-300);
            const VectorXd delta = a.ldlt().solve(-g);
            VectorXd trial = p;
            for (size_t k = 0; k < s.size(); ++k) trial(s[k]) += delta(static_cast<Eigen::Index>(k));
            const double trialObj = logObjective(x, lny, trial);
            if (trialObj < obj) {
                const double gain = obj - trialObj;
                p = trial;
                obj = trialObj;
                lambda = std::max(lambda / 10, 1e-12);
                accepted = gain > 1e-15 * (1 + obj);
                break;
            }
            lambda *= 10;
        }
        if (!accepted) break;
    }
    return p;
}

}  // namespace

bool RuntimeFitOptions::isValid(std::string* error) const {
    auto fail = [error](const std::string& m) {
        if (error) *error = m;
        return false;
    };
    if (!(ttftHuberDeltaMs >= 0) || std::isinf(ttftHuberDeltaMs))
        return fail("TTFT Huber delta must be a finite number >= 0 ms, got " + num(ttftHuberDeltaMs));
    if (minPoints < 2) return fail("minimum points must be >= 2, got " + std::to_string(minPoints));
    if (!(collinearTolerance > 0 && collinearTolerance < 1))
        return fail("collinear tolerance must be in (0, 1), got " + num(collinearTolerance));
    if (!(weakConditionNumber > 1)) return fail("weak condition number must be > 1, got " + num(weakConditionNumber));
    return true;
}

double StepFit::predictMs(double bytes, double batch) const {
    double s = std::isfinite(epsSeconds) ? epsSeconds : 0.0;
    if (std::isfinite(betaEff) && betaEff > 0) s += bytes / betaEff;
    if (std::isfinite(epsPerSequenceSeconds)) s += batch * epsPerSequenceSeconds;
    return s * 1e3;
}

// ---- TTFT -----------------------------------------------------------------------------------------

TtftFit fitTtft(const std::vector<RuntimeSample>& samples, const RuntimeFitOptions& options) {
    TtftFit fit;
    std::string error;
    if (!options.isValid(&error)) {
        fit.status = Status::invalid(error);
        return fit;
    }
    std::vector<const RuntimeSample*> use;
    for (const auto& s : samples) {
        if (options.dropZeroPrefill && s.prefill <= 0) continue;
        if (!(s.ttftMs > 0) || !std::isfinite(s.ttftMs) || !(s.prefillFlops > 0) || !std::isfinite(s.prefillFlops)) continue;
        use.push_back(&s);
    }
    fit.points = static_cast<int>(use.size());
    if (fit.points < options.minPoints) {
        fit.status = Status::invalid("TTFT fit needs at least " + std::to_string(options.minPoints) +
                                     " usable points, got " + std::to_string(fit.points));
        return fit;
    }
    const Eigen::Index n = fit.points;
    double fMax = 0, fMin = std::numeric_limits<double>::infinity();
    for (const auto* s : use) fMax = std::max(fMax, s->prefillFlops), fMin = std::min(fMin, s->prefillFlops);
    MatrixXd x(n, 2);
    VectorXd y(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        x(i, 0) = use[i]->prefillFlops / fMax;
        x(i, 1) = 1.0;
        y(i) = use[i]->ttftMs;
        fit.alphaLowerBound = std::max(std::isfinite(fit.alphaLowerBound) ? fit.alphaLowerBound : 0.0,
                                       use[i]->prefillFlops / (use[i]->ttftMs * 1e-3));
    }
    if (fMax / fMin - 1 < options.collinearTolerance) {
        fit.status = Status::invalid("TTFT fit: every point has the same prefill FLOPs (" + num(fMax) +
                                     "); alpha_eff and eps cannot be separated");
        return fit;
    }
    fit.conditionNumber = scaledCondition(x);

    // Huber by iteratively reweighted least squares (weights 1 inside delta, delta/|r| outside).
    VectorXd w = VectorXd::Ones(n);
    BoundedSolution sol = boundedWeightedLs(x, y, w, {0, 1});
    if (options.ttftHuberDeltaMs > 0) {
        for (int iter = 0; iter < 100 && std::isfinite(sol.objective); ++iter) {
            const VectorXd r = x * sol.p - y;
            VectorXd nw(n);
            for (Eigen::Index i = 0; i < n; ++i)
                nw(i) = std::abs(r(i)) <= options.ttftHuberDeltaMs ? 1.0 : options.ttftHuberDeltaMs / std::abs(r(i));
            const BoundedSolution next = boundedWeightedLs(x, y, nw, {0, 1});
            const double change = (next.p - sol.p).norm() / std::max(sol.p.norm(), 1e-300);
            sol = next;
            w = nw;
            if (change < 1e-12) break;
        }
    }
    if (!std::isfinite(sol.objective) || sol.p(0) <= 0) {
        fit.status = Status::invalid("TTFT fit is non-physical: the time to first token does not grow with prefill FLOPs "
                                     "(alpha_eff would be infinite or negative)");
        return fit;
    }
    fit.epsAtBound = sol.p(1) == 0;
    if (fit.epsAtBound) fit.warnings.push_back("the unbounded fit gives eps < 0; eps fixed at 0");
    fit.alphaEff = fMax / (sol.p(0) * 1e-3);
    fit.epsSeconds = sol.p(1) * 1e-3;

    const VectorXd pred = x * sol.p;
    fit.rmsRelativeError = std::sqrt(((pred - y).array() / y.array()).square().mean());
    const Eigen::Index k = static_cast<Eigen::Index>(sol.free.size());
    if (n > k) {
        const MatrixXd a = w.cwiseSqrt().asDiagonal() * pick(x, sol.free);
        const double sigma2 = (w.array() * (pred - y).array().square()).sum() / static_cast<double>(n - k);
        const MatrixXd cov = sigma2 * (a.transpose() * a).inverse();
        for (Eigen::Index j = 0; j < k; ++j) {
            const double se = std::sqrt(cov(j, j));
            if (sol.free[j] == 0) fit.alphaStdError = fit.alphaEff * se / sol.p(0);
            else fit.epsStdError = se * 1e-3;
        }
    }
    if (fit.conditionNumber > options.weakConditionNumber)
        fit.warnings.push_back("weakly determined: condition number " + num(fit.conditionNumber));
    return fit;
}

// ---- step time ------------------------------------------------------------------------------------

StepFit fitStepTime(const std::vector<RuntimeSample>& samples, const RuntimeFitOptions& options) {
    StepFit fit;
    std::string error;
    if (!options.isValid(&error)) {
        fit.status = Status::invalid(error);
        return fit;
    }
    std::vector<const RuntimeSample*> use;
    for (const auto& s : samples) {
        if (options.dropZeroPrefill && s.prefill <= 0) continue;
        if (!(s.stepMs > 0) || !std::isfinite(s.stepMs) || !(s.stepBytes > 0) || !std::isfinite(s.stepBytes) || s.batch < 1)
            continue;
        use.push_back(&s);
    }
    fit.points = static_cast<int>(use.size());
    if (fit.points < options.minPoints) {
        fit.status = Status::invalid("step-time fit needs at least " + std::to_string(options.minPoints) +
                                     " usable points, got " + std::to_string(fit.points));
        return fit;
    }
    const Eigen::Index n = fit.points;
    double bMax = 0, batchMax = 0, batchMin = std::numeric_limits<double>::infinity();
    for (const auto* s : use) {
        bMax = std::max(bMax, s->stepBytes);
        batchMax = std::max(batchMax, static_cast<double>(s->batch));
        batchMin = std::min(batchMin, static_cast<double>(s->batch));
    }
    MatrixXd x(n, 3);   // columns: bytes (scaled), 1, B (scaled); all in ms per unit
    VectorXd y(n), lny(n);
    fit.betaLowerBound = 0;
    for (Eigen::Index i = 0; i < n; ++i) {
        x(i, 0) = use[i]->stepBytes / bMax;
        x(i, 1) = 1.0;
        x(i, 2) = static_cast<double>(use[i]->batch) / batchMax;
        y(i) = use[i]->stepMs;
        lny(i) = std::log(y(i));
        fit.betaLowerBound = std::max(fit.betaLowerBound, use[i]->stepBytes / (use[i]->stepMs * 1e-3));
    }

    // Which parameters the data can tell apart (scaling-laws.md 12.2).
    std::vector<int> cols = {1};
    if (batchMax > batchMin) {
        cols.push_back(2);
    } else {
        fit.epsPerSequenceIdentifiable = false;
        fit.warnings.push_back("a single batch size (B = " + num(batchMax) + "): eps includes B * eps_bp");
    }
    if (spanResidual(x, 0, cols) < options.collinearTolerance) {
        fit.betaIdentifiable = false;
        fit.warnings.push_back(std::string("step bytes are a combination of ") + (cols.size() > 1 ? "1 and B" : "a constant") +
                               " (no context term): beta_eff is not identifiable; eps" +
                               (cols.size() > 1 ? " and eps_bp include" : " includes") +
                               " the byte time, and beta_eff >= " + num(fit.betaLowerBound) + " B/s");
    } else {
        cols.insert(cols.begin(), 0);
    }

    // Start: least squares on relative errors (weights 1/y^2), the first-order version of the log fit.
    const VectorXd relWeights = y.array().square().inverse();
    BoundedSolution best;
    for (const auto& s : subsets(cols)) {
        const BoundedSolution start = boundedWeightedLs(x, y, relWeights, s);
        VectorXd p0;
        if (std::isfinite(start.objective) && start.free == s) {
            p0 = start.p;
        } else {   // a positive start spreading the mean time over the free columns
            p0 = VectorXd::Zero(3);
            for (int c : s) p0(c) = y.mean() / (static_cast<double>(s.size()) * x.col(c).mean());
        }
        const VectorXd p = logLm(x, lny, p0, s);
        bool feasible = true;
        for (int c : s) feasible = feasible && p(c) >= 0;
        const double obj = logObjective(x, lny, p);
        if (feasible && obj < best.objective) best = {p, obj, s};
    }
    if (!std::isfinite(best.objective)) {
        fit.status = Status::invalid("step-time fit found no solution with non-negative parameters");
        return fit;
    }
    if (fit.betaIdentifiable && best.p(0) <= 0) {
        fit.status = Status::invalid("step-time fit is non-physical: the step time does not grow with step bytes "
                                     "(beta_eff would be infinite); beta_eff >= " + num(fit.betaLowerBound) + " B/s");
        return fit;
    }
    if (fit.betaIdentifiable) fit.betaEff = bMax / (best.p(0) * 1e-3);
    fit.epsSeconds = best.p(1) * 1e-3;
    if (fit.epsPerSequenceIdentifiable) fit.epsPerSequenceSeconds = best.p(2) / batchMax * 1e-3;

    const VectorXd pred = x * best.p;
    const VectorXd r = pred.array().log() - lny.array();
    fit.rmsLogError = std::sqrt(r.array().square().mean());
    const MatrixXd jac = pred.cwiseInverse().asDiagonal() * pick(x, cols);
    fit.conditionNumber = scaledCondition(jac);
    const Eigen::Index k = static_cast<Eigen::Index>(best.free.size());
    if (n > k) {
        const MatrixXd jf = pred.cwiseInverse().asDiagonal() * pick(x, best.free);
        const MatrixXd cov = r.squaredNorm() / static_cast<double>(n - k) * (jf.transpose() * jf).inverse();
        for (Eigen::Index j = 0; j < k; ++j) {
            const double se = std::sqrt(cov(j, j));
            switch (best.free[j]) {
                case 0: fit.betaStdError = fit.betaEff * se / best.p(0); break;
                case 1: fit.epsStdError = se * 1e-3; break;
                default: fit.epsPerSequenceStdError = se / batchMax * 1e-3; break;
            }
        }
    }
    for (int c : cols)
        if (best.p(c) == 0 && c != 0)
            fit.warnings.push_back(std::string(c == 1 ? "eps" : "eps_bp") + " is at its bound 0");
    if (fit.conditionNumber > options.weakConditionNumber)
        fit.warnings.push_back("weakly determined: condition number " + num(fit.conditionNumber));
    return fit;
}

// ---- grouped ----------------------------------------------------------------------------------------

RuntimeModelReport fitRuntimeModel(const std::vector<RuntimeSample>& samples, const RuntimeFitOptions& options) {
    RuntimeModelReport report;
    std::string error;
    if (!options.isValid(&error)) {
        report.status = Status::invalid(error);
        return report;
    }
    std::vector<std::pair<std::string, std::string>> order;
    std::map<std::pair<std::string, std::string>, std::vector<RuntimeSample>> groups;
    for (const auto& s : samples) {
        const auto key = std::make_pair(s.arch, s.model);
        auto [it, inserted] = groups.try_emplace(key);
        if (inserted) order.push_back(key);
        it->second.push_back(s);
    }
    for (const auto& key : order) {
        const auto& group = groups[key];
        RuntimeGroupFit g;
        g.arch = key.first;
        g.model = key.second;
        g.params = group.front().params;
        g.rows = static_cast<int>(group.size());
        g.ttft = fitTtft(group, options);
        g.step = fitStepTime(group, options);
        report.groups.push_back(std::move(g));
    }
    return report;
}

}  // namespace seqscope::analysis
