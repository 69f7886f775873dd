// SPDX-License-Identifier: MIT
// IsoFLOP parabolas and compute-optimal power laws (scaling-laws.md 7.1-7.4).
// Deviation: among several budgets within tolerance (only possible for budgets closer than 20%),
// the reference picks argmin |0.1 H - |C - H||; we pick the relatively nearest budget. For the
// paper's budget lists both rules give the same assignment.
#include "analysis/isoflop_fit.h"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <sstream>

namespace seqscope::analysis {

void paperBudgetRange(const std::string& set, double* lo, double* hi) {
    *lo = kPaperBudgetLo;
    *hi = set.find("ctx8192") != std::string::npos ? kPaperBudgetHiCtx8192 : kPaperBudgetHi;
}

bool IsoflopOptions::isValid(std::string* error) const {
    auto fail = [&](const std::string& m) {
        if (error) *error = m;
        return false;
    };
    if (!(tolerance > 0 && tolerance < 1)) return fail("tolerance must lie in (0, 1), got " + fmt(tolerance));
    for (double b : budgets)
        if (!(std::isfinite(b) && b > 0)) return fail("budget " + fmt(b) + " is not a positive FLOP count");
    if (!(fitRangeLo >= 0) || !(fitRangeHi > fitRangeLo))
        return fail("fit range [" + fmt(fitRangeLo) + ", " + fmt(fitRangeHi) + "] is empty or negative");
    if (minRunsPerBudget < 3) return fail("minRunsPerBudget must be at least 3 (a parabola has 3 coefficients)");
    if (bootstrap < 0) return fail("bootstrap resamples must be >= 0, got " + std::to_string(bootstrap));
    if (!(confidence > 0 && confidence < 1)) return fail("confidence must lie in (0, 1), got " + fmt(confidence));
    return true;
}

double Parabola::evaluate(double x) const {
    const double l = std::log10(x);
    return a * l * l + b * l + c;
}

Parabola fitLogParabola(const std::vector<double>& x, const std::vector<double>& y) {
    Parabola p;
    p.xOpt = p.lossOpt = p.vertexLog10 = NAN;
    const int n = static_cast<int>(x.size());
    std::set<double> distinct(x.begin(), x.end());
    if (n < 3 || distinct.size() < 3) {
        p.status = Status::invalid("needs at least 3 distinct x values, got " + std::to_string(distinct.size()));
        p.problem = p.status.message();
        return p;
    }
    // Fit in centred coordinates u = log10 x - m (well conditioned), then map back to the
    // coefficients of log10 x that the reference reports.
    Eigen::VectorXd lx(n), ys(n);
    for (int i = 0; i < n; ++i) {
        lx[i] = std::log10(x[i]);
        ys[i] = y[i];
    }
    const double m = lx.mean();
    Eigen::MatrixXd X(n, 3);
    for (int i = 0; i < n; ++i) {
        const double u = lx[i] - m;
        X(i, 0) = u * u;
        X(i, 1) = u;
        X(i, 2) = 1.0;
    }
    Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(X);
    if (qr.rank() < 3) {
        p.status = Status::invalid("singular design: the x values do not determine a parabola");
        p.problem = p.status.message();
        return p;
    }
    const Eigen::Vector3d cu = qr.solve(ys);
    Eigen::Matrix3d T;
    T << 1, 0, 0, -2 * m, 1, 0, m * m, -m, 1;
    const Eigen::Vector3d coef = T * cu;
    p.a = coef[0];
    p.b = coef[1];
    p.c = coef[2];
    const double ssr = (X * cu - ys).squaredNorm();
    if (n > 3) {
        const Eigen::Matrix3d covU = (ssr / (n - 3)) * (X.transpose() * X).inverse();
        const Eigen::Matrix3d cov = T * covU * T.transpose();
        p.aStdError = std::sqrt(cov(0, 0));
        p.bStdError = std::sqrt(cov(1, 1));
        p.cStdError = std::sqrt(cov(2, 2));
    } else {
        p.aStdError = p.bStdError = p.cStdError = NAN;
    }
    p.log10Min = lx.minCoeff();
    p.log10Max = lx.maxCoeff();
    if (p.a != 0.0) p.vertexLog10 = -p.b / (2.0 * p.a);
    if (!(p.a > 0)) {
        p.problem = "curvature a = " + fmt(p.a) + " <= 0: no minimum";
    } else if (p.vertexLog10 < p.log10Min || p.vertexLog10 > p.log10Max) {
        p.problem = "vertex 10^" + fmt(p.vertexLog10, 5) + " lies outside the sampled range [10^" + fmt(p.log10Min, 5) +
                    ", 10^" + fmt(p.log10Max, 5) + "]";
    } else {
        p.minimumValid = true;
        p.xOpt = std::pow(10.0, p.vertexLog10);
        p.lossOpt = p.a * p.vertexLog10 * p.vertexLog10 + p.b * p.vertexLog10 + p.c;
    }
    return p;
}

double assignBudget(double flops, const std::vector<double>& budgets, double tolerance) {
    double best = 0.0, bestRel = 0.0;
    for (double h : budgets) {
        const double dev = std::fabs(flops - h);
        if (!(dev < tolerance * h)) continue;
        const double rel = dev / h;
        if (best == 0.0 || rel < bestRel) {
            best = h;
            bestRel = rel;
        }
    }
    return best;
}

namespace {

// Groups unlabelled runs: sorted by C, a group grows while every member stays within +-tol of the
// group's geometric centre. Returns the centres.
std::vector<double> groupBudgets(std::vector<double> flops, double tol) {
    std::sort(flops.begin(), flops.end());
    std::vector<double> centres;
    size_t i = 0;
    while (i < flops.size()) {
        size_t j = i + 1;
        // max/min ratio allowed so that the centre is within tol of both ends: (1+tol)/(1-tol), strictly.
        while (j < flops.size() && flops[j] < flops[i] * (1.0 + tol) / (1.0 - tol) * (1.0 - 1e-12)) ++j;
        centres.push_back(std::sqrt(flops[i] * flops[j - 1]));
        i = j;
    }
    return centres;
}

// Minima of both parabolas for one resample of a budget's runs.
void resampleBudget(const std::vector<double>& n, const std::vector<double>& d, const std::vector<double>& l,
                    std::uint64_t seed, double* nOpt, double* dOpt, double* lOpt) {
    SplitMix64 rng(seed);
    const size_t k = n.size();
    std::vector<double> rn(k), rd(k), rl(k);
    for (size_t i = 0; i < k; ++i) {
        const size_t j = static_cast<size_t>(rng.below(k));
        rn[i] = n[j];
        rd[i] = d[j];
        rl[i] = l[j];
    }
    *nOpt = *dOpt = *lOpt = NAN;
    const Parabola pn = fitLogParabola(rn, rl);
    const Parabola pd = fitLogParabola(rd, rl);
    // A resample's vertex may leave the sampled range; it is still an estimate. Only a missing
    // minimum (a <= 0, singular) counts as a failed resample.
    if (pn.status.isOk() && pn.a > 0) {
        *nOpt = std::pow(10.0, pn.vertexLog10);
        *lOpt = pn.a * pn.vertexLog10 * pn.vertexLog10 + pn.b * pn.vertexLog10 + pn.c;
    }
    if (pd.status.isOk() && pd.a > 0) *dOpt = std::pow(10.0, pd.vertexLog10);
}

}  // namespace

IsoflopFit fitIsoflop(const std::vector<ScalingPoint>& input, const IsoflopOptions& options) {
    IsoflopFit fit;
    fit.options = options;
    fit.nOptLaw.status = fit.dOptLaw.status = Status::invalid("not fitted");
    std::string error;
    if (!options.isValid(&error)) {
        fit.status = Status::invalid("isoflop options: " + error);
        return fit;
    }
    std::vector<ScalingPoint> points;
    Status s = screenPoints(input, kNeedParams | kNeedTokens | kNeedFlops | kNeedLoss, options.invalidPoints, &points,
                            &fit.warnings);
    if (!s.isOk()) {
        fit.status = s;
        return fit;
    }
    s = requireSingleFamily(points, true, true);
    if (!s.isOk()) {
        fit.status = s;
        return fit;
    }
    if (points.empty()) {
        fit.status = Status::invalid("no runs to fit");
        return fit;
    }

    // Candidate budgets.
    std::vector<double> budgets = options.budgets;
    if (budgets.empty()) {
        std::set<double> labels;
        for (const auto& p : points)
            if (std::isfinite(p.budget) && p.budget > 0) labels.insert(p.budget);
        budgets.assign(labels.begin(), labels.end());
        if (budgets.empty()) {
            std::vector<double> flops;
            for (const auto& p : points) flops.push_back(p.flops);
            budgets = groupBudgets(flops, options.tolerance);
            fit.warnings.push_back("no budget labels: grouped runs by compute into " + std::to_string(budgets.size()) +
                                   " budgets");
        }
    }
    std::sort(budgets.begin(), budgets.end());

    // Assignment by accounted compute, as the reference does (labels only propose the budgets).
    std::map<double, std::vector<const ScalingPoint*>> groups;
    std::vector<int> relabelled;
    for (const auto& p : points) {
        const double h = assignBudget(p.flops, budgets, options.tolerance);
        if (h == 0.0) {
            fit.unassignedRows.push_back(p.sourceRow);
            continue;
        }
        if (p.budget > 0 && std::fabs(p.budget - h) > 1e-9 * h) relabelled.push_back(p.sourceRow);
        groups[h].push_back(&p);
    }
    if (!fit.unassignedRows.empty())
        fit.warnings.push_back(std::to_string(fit.unassignedRows.size()) + " run(s) lie within " +
                               fmt(100 * options.tolerance, 3) + "% of no budget and are not fitted (" +
                               describeRows(fit.unassignedRows) + ")");
    if (!relabelled.empty())
        fit.warnings.push_back("budget label disagrees with the accounted compute; assigned by compute: " +
                               describeRows(relabelled));

    int budgetIndex = 0;
    for (const auto& [h, members] : groups) {
        BudgetFit bf;
        bf.budget = h;
        bf.runs = static_cast<int>(members.size());
        std::vector<double> n, d, l;
        double sumC = 0;
        for (const ScalingPoint* p : members) {
            bf.sourceRows.push_back(p->sourceRow);
            n.push_back(p->params);
            d.push_back(p->tokens);
            l.push_back(p->loss);
            sumC += p->flops;
        }
        bf.compute = sumC / bf.runs;
        bf.nOpt = bf.dOpt = bf.lossOpt = bf.nOptLog10StdError = bf.dOptLog10StdError = NAN;
        const std::string label = "budget " + fmt(h, 3);
        if (bf.runs < options.minRunsPerBudget) {
            bf.warnings.push_back(label + " has only " + std::to_string(bf.runs) + " run(s) (" + describeRows(bf.sourceRows) +
                                  "); a parabola needs at least " + std::to_string(options.minRunsPerBudget));
            bf.inN.status = bf.inD.status = Status::invalid("too few runs");
            bf.inN.problem = bf.inD.problem = "too few runs";
            fit.budgets.push_back(bf);
            ++budgetIndex;
            continue;
        }
        bf.inN = fitLogParabola(n, l);
        bf.inD = fitLogParabola(d, l);
        if (!bf.inN.minimumValid)
            bf.warnings.push_back(label + ", loss vs N: " + bf.inN.problem + " (" + describeRows(bf.sourceRows) + ")");
        if (!bf.inD.minimumValid)
            bf.warnings.push_back(label + ", loss vs D: " + bf.inD.problem + " (" + describeRows(bf.sourceRows) + ")");
        if (bf.runs == 3)
            bf.warnings.push_back(label + " has exactly 3 runs: the parabola interpolates them and has no standard errors");
        bf.nOpt = bf.inN.xOpt;
        bf.dOpt = bf.inD.xOpt;
        bf.lossOpt = bf.inN.lossOpt;
        bf.usable = bf.inN.minimumValid && bf.inD.minimumValid;

        if (options.bootstrap > 0) {
            std::vector<double> bn(options.bootstrap), bd(options.bootstrap), bl(options.bootstrap);
            const std::uint64_t budgetSeed = deriveSeed(options.seed, static_cast<std::uint64_t>(budgetIndex));
            for (int k = 0; k < options.bootstrap; ++k)
                resampleBudget(n, d, l, deriveSeed(budgetSeed, static_cast<std::uint64_t>(k)), &bn[k], &bd[k], &bl[k]);
            std::vector<double> logN, logD;
            for (int k = 0; k < options.bootstrap; ++k) {
                if (!std::isfinite(bn[k]) || !std::isfinite(bd[k])) ++bf.bootstrapFailures;
                logN.push_back(std::isfinite(bn[k]) ? std::log10(bn[k]) : NAN);
                logD.push_back(std::isfinite(bd[k]) ? std::log10(bd[k]) : NAN);
            }
            bf.nOptInterval = percentileInterval(bn, options.confidence);
            bf.dOptInterval = percentileInterval(bd, options.confidence);
            bf.lossOptInterval = percentileInterval(bl, options.confidence);
            bf.nOptLog10StdError = percentileInterval(logN, options.confidence).stdError;
            bf.dOptLog10StdError = percentileInterval(logD, options.confidence).stdError;
            if (bf.bootstrapFailures > 0)
                bf.warnings.push_back(label + ": " + std::to_string(bf.bootstrapFailures) + " of " +
                                      std::to_string(options.bootstrap) + " resamples had no minimum and were dropped");
        }
        fit.budgets.push_back(bf);
        ++budgetIndex;
    }
    for (const auto& bf : fit.budgets) fit.warnings.insert(fit.warnings.end(), bf.warnings.begin(), bf.warnings.end());

    std::vector<double> c, nStar, dStar;
    for (auto& bf : fit.budgets) {
        fit.pointsUsed += bf.runs;
        bf.inFitRange = bf.usable && bf.compute >= options.fitRangeLo && bf.compute <= options.fitRangeHi;
        if (!bf.inFitRange) continue;
        c.push_back(bf.compute);
        nStar.push_back(bf.nOpt);
        dStar.push_back(bf.dOpt);
    }
    const int usable = static_cast<int>(std::count_if(fit.budgets.begin(), fit.budgets.end(),
                                                      [](const BudgetFit& b) { return b.usable; }));
    if (usable == 0) {
        fit.status = Status::invalid("no budget produced a valid minimum (" + std::to_string(fit.budgets.size()) +
                                     " budgets; see warnings)");
        return fit;
    }
    if (c.size() >= 2) {
        fit.nOptLaw = fitPowerLaw(c, nStar);
        fit.dOptLaw = fitPowerLaw(c, dStar);
        for (const auto& w : fit.nOptLaw.warnings) fit.warnings.push_back("N* law: " + w);
    } else {
        const Status st = Status::invalid("power laws need at least 2 budgets with valid minima inside the fit range [" +
                                          fmt(options.fitRangeLo, 3) + ", " + fmt(options.fitRangeHi, 3) + "], got " +
                                          std::to_string(c.size()));
        fit.nOptLaw.status = fit.dOptLaw.status = st;
        fit.warnings.push_back(st.message());
    }
    return fit;
}

std::string IsoflopFit::brief() const {
    std::ostringstream o;
    if (!status.isOk()) return "IsoFLOP fit failed: " + status.message() + "\n";
    o << "IsoFLOP fit: " << budgets.size() << " budgets, " << pointsUsed << " runs\n";
    for (const auto& b : budgets) {
        o << "  budget " << fmt(b.budget, 3) << " (C = " << fmt(b.compute, 4) << ", " << b.runs << " runs): ";
        if (b.usable)
            o << "N* = " << fmt(b.nOpt, 4) << "  D* = " << fmt(b.dOpt, 4) << "  L* = " << fmt(b.lossOpt, 5)
              << (b.inFitRange ? "" : "  [not in law]");
        else
            o << "no valid minimum";
        o << "\n";
    }
    o << "  " << nOptLaw.brief("N*", "C") << "\n";
    o << "  " << dOptLaw.brief("D*", "C") << "\n";
    return o.str();
}

std::string IsoflopFit::full() const {
    std::ostringstream o;
    o << brief();
    if (!status.isOk()) return o.str();
    const auto ci = [](const Interval& iv) {
        return iv.valid() ? "[" + fmt(iv.lo, 4) + ", " + fmt(iv.hi, 4) + "]" : std::string("-");
    };
    o << "Options: tolerance " << fmt(options.tolerance) << ", fit range [" << fmt(options.fitRangeLo, 3) << ", "
      << fmt(options.fitRangeHi, 3) << "], bootstrap " << options.bootstrap << " (seed " << options.seed << ")\n";
    for (const auto& b : budgets) {
        o << "Budget " << fmt(b.budget, 3) << ": " << describeRows(b.sourceRows, 50) << "\n";
        if (!b.inN.status.isOk()) continue;
        o << "  loss(log10 N): a = " << fmt(b.inN.a, 6) << " +- " << fmt(b.inN.aStdError, 2) << ", b = " << fmt(b.inN.b, 6)
          << " +- " << fmt(b.inN.bStdError, 2) << ", c = " << fmt(b.inN.c, 6) << " +- " << fmt(b.inN.cStdError, 2) << "\n";
        o << "  loss(log10 D): a = " << fmt(b.inD.a, 6) << " +- " << fmt(b.inD.aStdError, 2) << ", b = " << fmt(b.inD.b, 6)
          << " +- " << fmt(b.inD.bStdError, 2) << ", c = " << fmt(b.inD.c, 6) << " +- " << fmt(b.inD.cStdError, 2) << "\n";
        if (options.bootstrap > 0)
            o << "  " << fmt(100 * options.confidence, 3) << "% intervals: N* " << ci(b.nOptInterval) << ", D* "
              << ci(b.dOptInterval) << ", L* " << ci(b.lossOptInterval) << "\n";
    }
    if (nOptLaw.status.isOk())
        o << "N* law: A = " << fmt(nOptLaw.A, 6) << " +- " << fmt(nOptLaw.AStdError, 3) << ", a = " << fmt(nOptLaw.a, 6)
          << " +- " << fmt(nOptLaw.aStdError, 3) << "\n";
    if (dOptLaw.status.isOk())
        o << "D* law: B = " << fmt(dOptLaw.A, 6) << " +- " << fmt(dOptLaw.AStdError, 3) << ", b = " << fmt(dOptLaw.a, 6)
          << " +- " << fmt(dOptLaw.aStdError, 3) << "\n";
    for (const auto& w : warnings) o << "warning: " << w << "\n";
    return o.str();
}

}  // namespace seqscope::analysis
