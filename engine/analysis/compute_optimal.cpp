// SPDX-License-Identifier: MIT
// Compute-optimal allocation, efficient frontier and iso-loss contours from L(N, D).
#include "analysis/compute_optimal.h"

#include <algorithm>
#include <cmath>

namespace seqscope::analysis {

bool ComputeModel::isValid(std::string* error) const {
    if (!(std::isfinite(flopsPerParamToken) && flopsPerParamToken > 0)) {
        if (error) *error = "FLOPs per parameter per token must be positive, got " + fmt(flopsPerParamToken);
        return false;
    }
    return true;
}

Result<ComputeModel> computeModelFromPoints(const std::vector<ScalingPoint>& points) {
    std::vector<double> ratios;
    for (const auto& p : points)
        if (std::isfinite(p.flops) && p.flops > 0 && p.params > 0 && p.tokens > 0 && std::isfinite(p.params * p.tokens))
            ratios.push_back(p.flops / (p.params * p.tokens));
    if (ratios.empty()) return Status::invalid("no point has FLOPs, parameters and tokens: cannot derive C = k N D");
    ComputeModel m;
    m.flopsPerParamToken = quantile(ratios, 0.5);
    m.source = "median C/(N D) of " + std::to_string(ratios.size()) + " runs";
    return m;
}

OptimalAllocation computeOptimal(const ParametricParams& p, double compute, const ComputeModel& model) {
    OptimalAllocation r;
    r.compute = compute;
    r.flopsPerParamToken = model.flopsPerParamToken;
    r.params = r.tokens = r.loss = r.tokensPerParam = NAN;
    std::string error;
    if (!model.isValid(&error)) {
        r.status = Status::invalid(error);
        return r;
    }
    if (!(std::isfinite(compute) && compute > 0)) {
        r.status = Status::invalid("compute budget must be positive, got " + fmt(compute));
        return r;
    }
    if (!(p.alpha > 0 && p.beta > 0 && p.gamma > 0)) {
        r.status = Status::invalid("the fit has no compute-optimal split (needs alpha, beta, gamma > 0; alpha = " +
                                   fmt(p.alpha) + ", beta = " + fmt(p.beta) + ", gamma = " + fmt(p.gamma) + ")");
        return r;
    }
    // In logs to survive A, B ~ e^20: ln N* = [ln(alpha A / (beta B)) + beta ln(C/k)] / (alpha + beta).
    const double s = p.alpha + p.beta;
    const double lnCk = std::log(compute / model.flopsPerParamToken);
    const double lnN = (std::log(p.alpha) + p.a - std::log(p.beta) - p.b + p.beta * lnCk) / s;
    r.params = std::exp(lnN);
    r.tokens = std::exp(lnCk - lnN);
    r.loss = p.loss(r.params, r.tokens);
    r.tokensPerParam = r.tokens / r.params;
    if (!(std::isfinite(r.params) && std::isfinite(r.tokens))) r.status = Status::invalid("the optimum overflows");
    return r;
}

OptimalAllocation computeOptimal(const ParametricParams& params, double compute, const ComputeModel& model,
                                 const std::vector<ParametricParams>& samples, double confidence) {
    OptimalAllocation r = computeOptimal(params, compute, model);
    if (!r.status.isOk() || samples.empty()) return r;
    std::vector<double> n, d, l;
    for (const auto& s : samples) {
        const OptimalAllocation o = computeOptimal(s, compute, model);
        if (!o.status.isOk()) continue;
        n.push_back(o.params);
        d.push_back(o.tokens);
        l.push_back(o.loss);
    }
    r.paramsInterval = percentileInterval(n, confidence);
    r.tokensInterval = percentileInterval(d, confidence);
    r.lossInterval = percentileInterval(l, confidence);
    return r;
}

std::vector<OptimalAllocation> computeOptimalFrontier(const ParametricParams& params, double cLo, double cHi, int count,
                                                      const ComputeModel& model) {
    std::vector<OptimalAllocation> out;
    if (!(cLo > 0 && cHi >= cLo) || count < 1) return out;
    for (int i = 0; i < count; ++i) {
        const double f = count == 1 ? 0.0 : static_cast<double>(i) / (count - 1);
        out.push_back(computeOptimal(params, cLo * std::pow(cHi / cLo, f), model));
    }
    return out;
}

IsoLossContour isoLossContour(const ParametricParams& p, double loss, double nLo, double nHi, int count) {
    IsoLossContour c;
    c.loss = loss;
    if (!(loss > p.E())) {
        c.status = Status::invalid("loss " + fmt(loss) + " is not above the irreducible loss E = " + fmt(p.E()));
        return c;
    }
    if (!(nLo > 0 && nHi >= nLo) || count < 2 || !(p.beta > 0 && p.gamma > 0)) {
        c.status = Status::invalid("contour needs 0 < nLo <= nHi, count >= 2, beta > 0 and gamma > 0");
        return c;
    }
    // (A N^-alpha + B D^-beta)^gamma = loss - E  =>  B D^-beta = (loss - E)^(1/gamma) - A N^-alpha.
    const double target = std::pow(loss - p.E(), 1.0 / p.gamma);
    for (int i = 0; i < count; ++i) {
        const double n = nLo * std::pow(nHi / nLo, static_cast<double>(i) / (count - 1));
        const double rest = target - p.A() * std::pow(n, -p.alpha);
        if (!(rest > 0)) continue;
        const double d = std::pow(p.B() / rest, 1.0 / p.beta);
        if (!std::isfinite(d)) continue;
        c.params.push_back(n);
        c.tokens.push_back(d);
    }
    if (c.params.empty()) c.status = Status::invalid("no N in [" + fmt(nLo) + ", " + fmt(nHi) + "] reaches loss " + fmt(loss));
    return c;
}

}  // namespace seqscope::analysis
