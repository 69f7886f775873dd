// SPDX-License-Identifier: MIT
#include "analysis/frontier_bootstrap.h"

#include <algorithm>
#include <cmath>

namespace seqscope::analysis {
namespace {

Interval lawInterval(const std::vector<LawSample>& laws, double compute, double confidence) {
    std::vector<double> values;
    values.reserve(laws.size());
    for (const auto& l : laws) values.push_back(l.at(compute));
    return percentileInterval(values, confidence);
}

}  // namespace

Interval FrontierBootstrap::nOptAt(double compute) const { return lawInterval(nLaw, compute, confidence); }
Interval FrontierBootstrap::dOptAt(double compute) const { return lawInterval(dLaw, compute, confidence); }

FrontierBootstrap bootstrapFrontier(const std::vector<ScalingPoint>& points, const IsoflopFit& fit, int resamples,
                                    std::uint64_t seed, double confidence) {
    FrontierBootstrap out;
    out.confidence = confidence;
    if (!fit.status.isOk() || (!fit.nOptLaw.status.isOk() && !fit.dOptLaw.status.isOk())) {
        out.status = Status(StatusCode::InvalidArgument, "the IsoFLOP fit has no power law to resample");
        return out;
    }
    if (resamples < 2) {
        out.status = Status(StatusCode::InvalidArgument, "a frontier bootstrap needs at least 2 resamples");
        return out;
    }
    // Resample within the budgets whose minima entered the laws, by position in `points` (sourceRow
    // may repeat across sources, positions do not). Only the pieces of the fit that move are redone
    // (two parabolas per budget, two power laws), not the whole IsoFLOP fit with its screening and
    // reports: the view refits on every click.
    struct Budget {
        std::vector<size_t> members;
    };
    std::vector<Budget> budgets;
    for (const auto& b : fit.budgets) {
        if (!b.inFitRange) continue;
        Budget budget;
        for (size_t i = 0; i < points.size(); ++i)
            if (std::find(b.sourceRows.begin(), b.sourceRows.end(), points[i].sourceRow) != b.sourceRows.end())
                budget.members.push_back(i);
        if (budget.members.size() >= 3) budgets.push_back(std::move(budget));
    }
    std::vector<double> nExp, dExp, ns, ds, loss, computes, nOpt, dOpt, cN, cD;
    for (int k = 0; k < resamples; ++k) {
        SplitMix64 rng(deriveSeed(seed, std::uint64_t(k)));
        nOpt.clear(), dOpt.clear(), cN.clear(), cD.clear();
        for (const Budget& b : budgets) {
            ns.clear(), ds.clear(), loss.clear();
            double compute = 0;
            for (size_t j = 0; j < b.members.size(); ++j) {
                const ScalingPoint& p = points[b.members[rng.below(b.members.size())]];
                ns.push_back(p.params);
                ds.push_back(p.tokens);
                loss.push_back(p.loss);
                compute += p.flops;
            }
            compute /= double(b.members.size());
            const Parabola inN = fitLogParabola(ns, loss), inD = fitLogParabola(ds, loss);
            if (inN.status.isOk() && inN.minimumValid) nOpt.push_back(inN.xOpt), cN.push_back(compute);
            if (inD.status.isOk() && inD.minimumValid) dOpt.push_back(inD.xOpt), cD.push_back(compute);
        }
        if (nOpt.size() >= 2) {
            const PowerLawFit law = fitPowerLaw(cN, nOpt);
            if (law.status.isOk()) out.nLaw.push_back({std::log(law.A), law.a}), nExp.push_back(law.a);
        }
        if (dOpt.size() >= 2) {
            const PowerLawFit law = fitPowerLaw(cD, dOpt);
            if (law.status.isOk()) out.dLaw.push_back({std::log(law.A), law.a}), dExp.push_back(law.a);
        }
    }
    out.resamples = resamples;
    out.nExponent = percentileInterval(nExp, confidence);
    out.dExponent = percentileInterval(dExp, confidence);
    if (out.nLaw.size() < 2 && out.dLaw.size() < 2)
        out.status = Status(StatusCode::InvalidArgument, "no resample produced a power law (too few budgets with a valid minimum)");
    return out;
}

}  // namespace seqscope::analysis
