// SPDX-License-Identifier: MIT
// Final-loss forecasts (see loss_forecast.h): the annealing-law fit of a run's own curve and the
// parametric law of its finished siblings.
#include "analysis/loss_forecast.h"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "analysis/parametric_bootstrap.h"
#include "analysis/parametric_fit.h"

namespace seqscope::analysis {

namespace {

std::string runLabel(const ForecastRun& run) {
    return run.name.empty() ? "run " + std::to_string(run.id) : "run " + std::to_string(run.id) + " (" + run.name + ")";
}

// --- the variable-projection fit ------------------------------------------------------------------
// Points x = (S1, S2), y = loss. For fixed alpha the law is linear in (L0, A, C); solve the 3x3
// normal equations (2x2 when C would come out negative: annealing never raises the loss).

struct LinearFit {
    double l0 = 0, a = 0, c = 0, sse = INFINITY;
};

// Solves the symmetric 3x3 system G p = r by Cramer's rule; false when singular.
bool solve3(const double g[3][3], const double r[3], double p[3]) {
    const auto det3 = [](const double m[3][3]) {
        return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0]) +
               m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    };
    const double d = det3(g);
    if (!std::isfinite(d) || std::abs(d) < 1e-300) return false;
    for (int k = 0; k < 3; ++k) {
        double m[3][3];
        for (int i = 0; i < 3; ++i)
            for (int j = 0; j < 3; ++j) m[i][j] = j == k ? r[i] : g[i][j];
        p[k] = det3(m) / d;
    }
    return true;
}

// x' G^-1 x for the symmetric 3x3 G (via solve3); NaN when G is singular.
double quadInverse(const double g[3][3], const double x[3]) {
    double p[3];
    if (!solve3(g, x, p)) return NAN;
    return x[0] * p[0] + x[1] * p[1] + x[2] * p[2];
}

// Columns of one alpha: u = S1^-alpha and the Gram entries that do not depend on y.
struct AlphaColumns {
    double alpha = 0;
    std::vector<double> u;
    double su = 0, suu = 0, sus2 = 0;   // sums of u, u^2, u S2
};

struct Design {
    std::vector<double> logS1, s2;
    double n = 0, s2sum = 0, s2s2 = 0;
    double ridgeC = 0;   // penalty on C (see forecastFromCurve: a prior on the annealing gain)
};

AlphaColumns columnsFor(const Design& d, double alpha) {
    AlphaColumns c;
    c.alpha = alpha;
    c.u.resize(d.logS1.size());
    for (size_t i = 0; i < c.u.size(); ++i) {
        c.u[i] = std::exp(-alpha * d.logS1[i]);
        c.su += c.u[i];
        c.suu += c.u[i] * c.u[i];
        c.sus2 += c.u[i] * d.s2[i];
    }
    return c;
}

// Least squares of y ~ L0 + A u - C S2 with C >= 0 (and A > 0 required).
LinearFit fitLinear(const Design& d, const AlphaColumns& c, const std::vector<double>& y, double sy, double syy) {
    double suy = 0, s2y = 0;
    for (size_t i = 0; i < y.size(); ++i) {
        suy += c.u[i] * y[i];
        s2y += d.s2[i] * y[i];
    }
    LinearFit f;
    // Penalised residual sum of squares from the normal equations: min |y - Xp|^2 + p'Rp = y'y - p' X'y.
    const double g[3][3] = {{d.n, c.su, -d.s2sum}, {c.su, c.suu, -c.sus2}, {-d.s2sum, -c.sus2, d.s2s2 + d.ridgeC}};
    const double r[3] = {sy, suy, -s2y};
    double p[3];
    if (d.s2s2 > 0 && solve3(g, r, p) && p[2] >= 0) {
        f.l0 = p[0], f.a = p[1], f.c = p[2];
        f.sse = syy - (p[0] * r[0] + p[1] * r[1] + p[2] * r[2]);
    } else {
        const double det = d.n * c.suu - c.su * c.su;
        if (!(std::abs(det) > 1e-300)) return f;
        f.a = (d.n * suy - c.su * sy) / det;
        f.l0 = (sy - f.a * c.su) / d.n;
        f.c = 0;
        f.sse = syy - (f.l0 * sy + f.a * suy);
    }
    if (!(f.a > 0)) f.sse = INFINITY;
    return f;
}

// The prior's scale on the annealing gain: this many times the loss decrease over the second half
// of the window (see forecastFromCurve).
constexpr double kPriorScale = 2.0;

// alpha grid: log-spaced over [0.01, 4] (Tissue et al. report alpha ~ 0.5; tiny runs vary more).
std::vector<double> alphaGrid() {
    std::vector<double> g;
    const int k = 96;
    for (int i = 0; i < k; ++i) g.push_back(0.01 * std::pow(400.0, static_cast<double>(i) / (k - 1)));
    return g;
}

struct VarProFit {
    AnnealingLaw law;
    double sse = INFINITY;
};

VarProFit bestOnGrid(const Design& d, const std::vector<AlphaColumns>& cols, const std::vector<double>& y,
                     size_t* bestIndex) {
    double sy = 0, syy = 0;
    for (double v : y) sy += v, syy += v * v;
    VarProFit best;
    for (size_t k = 0; k < cols.size(); ++k) {
        const LinearFit f = fitLinear(d, cols[k], y, sy, syy);
        if (f.sse < best.sse) {
            best.sse = f.sse;
            best.law = {f.l0, f.a, cols[k].alpha, f.c};
            if (bestIndex) *bestIndex = k;
        }
    }
    return best;
}

// Golden-section refinement of alpha between the best grid point's neighbours.
VarProFit refine(const Design& d, const std::vector<AlphaColumns>& cols, const std::vector<double>& y, size_t k,
                 VarProFit best) {
    double sy = 0, syy = 0;
    for (double v : y) sy += v, syy += v * v;
    double lo = std::log(cols[k == 0 ? 0 : k - 1].alpha), hi = std::log(cols[std::min(k + 1, cols.size() - 1)].alpha);
    const auto eval = [&](double logAlpha, VarProFit* out) {
        const LinearFit f = fitLinear(d, columnsFor(d, std::exp(logAlpha)), y, sy, syy);
        if (f.sse < out->sse) {
            out->sse = f.sse;
            out->law = {f.l0, f.a, std::exp(logAlpha), f.c};
        }
        return f.sse;
    };
    const double phi = (std::sqrt(5.0) - 1) / 2;
    double x1 = hi - phi * (hi - lo), x2 = lo + phi * (hi - lo);
    double f1 = eval(x1, &best), f2 = eval(x2, &best);
    for (int it = 0; it < 40; ++it) {
        if (f1 < f2) hi = x2, x2 = x1, f2 = f1, x1 = hi - phi * (hi - lo), f1 = eval(x1, &best);
        else lo = x1, x1 = x2, f1 = f2, x2 = lo + phi * (hi - lo), f2 = eval(x2, &best);
    }
    return best;
}

}  // namespace

// --- ForecastRun ----------------------------------------------------------------------------------

bool ForecastRun::isValid(std::string* error) const {
    const auto bad = [&](const std::string& why) {
        if (error) *error = runLabel(*this) + ": " + why;
        return false;
    };
    if (plannedSteps < 1) return bad("planned steps " + std::to_string(plannedSteps) + " (need >= 1)");
    if (static_cast<long long>(lr.size()) != plannedSteps)
        return bad("the schedule has " + std::to_string(lr.size()) + " learning rates for " +
                   std::to_string(plannedSteps) + " planned steps");
    for (double v : lr)
        if (!(v >= 0) || !std::isfinite(v)) return bad("the schedule has a learning rate that is not finite and >= 0");
    if (warmupSteps < 0 || warmupSteps >= plannedSteps)
        return bad("warm-up " + std::to_string(warmupSteps) + " steps is outside [0, planned steps)");
    if (trainSteps.size() != trainLoss.size()) return bad("train_loss steps and values differ in length");
    if (valSteps.size() != valLoss.size()) return bad("val_loss steps and values differ in length");
    for (size_t i = 1; i < trainSteps.size(); ++i)
        if (trainSteps[i] <= trainSteps[i - 1]) return bad("train_loss steps are not increasing");
    for (size_t i = 1; i < valSteps.size(); ++i)
        if (valSteps[i] <= valSteps[i - 1]) return bad("val_loss steps are not increasing");
    return true;
}

double observedFinalLoss(const ForecastRun& run, std::string* whichMetric) {
    if (!run.finished) return NAN;
    const long long last = run.plannedSteps;
    if (!run.valSteps.empty() && run.valSteps.back() == last && std::isfinite(run.valLoss.back())) {
        if (whichMetric) *whichMetric = "val_loss";
        return run.valLoss.back();
    }
    // No validation at the end: the mean train loss of the last 2 % of the steps (>= 5 points).
    const long long from = last - std::max<long long>(4, run.plannedSteps / 50);
    double sum = 0;
    int n = 0;
    for (size_t i = 0; i < run.trainSteps.size(); ++i)
        if (run.trainSteps[i] >= from && std::isfinite(run.trainLoss[i])) sum += run.trainLoss[i], ++n;
    if (n == 0) return NAN;
    if (whichMetric) *whichMetric = "train_loss";
    return sum / n;
}

double normalQuantile(double p) {
    // Bisection on the CDF 0.5 erfc(-x / sqrt 2): 60 halvings of [-10, 10] reach double precision.
    double lo = -10, hi = 10;
    for (int i = 0; i < 60; ++i) {
        const double mid = (lo + hi) / 2;
        (0.5 * std::erfc(-mid / std::sqrt(2.0)) < p ? lo : hi) = mid;
    }
    return (lo + hi) / 2;
}

// --- curve method ---------------------------------------------------------------------------------

bool CurveForecastOptions::isValid(std::string* error) const {
    const auto bad = [&](const std::string& why) {
        if (error) *error = why;
        return false;
    };
    if (!(annealingMomentum >= 0 && annealingMomentum < 1)) return bad("annealing momentum must be in [0, 1)");
    if (minPoints < 4) return bad("min points must be >= 4 (the law has 4 parameters)");
    if (!(skipFraction >= 0 && skipFraction < 1)) return bad("skip fraction must be in [0, 1)");
    if (maxFitPoints < minPoints) return bad("max fit points must be >= min points");
    if (resamples < 0) return bad("resamples must be >= 0");
    if (!(confidence > 0 && confidence < 1)) return bad("confidence must be in (0, 1)");
    if (bandSamples < 2) return bad("band samples must be >= 2");
    return true;
}

double AnnealingLaw::at(double s1, double s2) const { return l0 + a * std::pow(s1, -alpha) - c * s2; }

void annealingAreas(const std::vector<double>& lr, long long warmup, double momentum, std::vector<double>* s1,
                    std::vector<double>* s2) {
    const size_t n = lr.size();
    s1->assign(n + 1, 0.0);
    s2->assign(n + 1, 0.0);
    const double peak = n ? *std::max_element(lr.begin(), lr.end()) : 0.0;
    if (!(peak > 0)) return;
    // The train loss of step s is measured before its update: after the updates of steps 1..s-1.
    double area = 0, m = 0, anneal = 0;
    for (size_t s = 1; s <= n; ++s) {
        (*s1)[s] = area / peak;
        (*s2)[s] = anneal / peak;
        area += lr[s - 1];
        if (static_cast<long long>(s) > warmup && s < n) {
            m = momentum * m + (lr[s - 1] - lr[s]);
            anneal += m;
        }
    }
}

CurveForecast forecastFromCurve(const ForecastRun& run, long long upToStep, const CurveForecastOptions& options) {
    CurveForecast out;
    out.plannedSteps = run.plannedSteps;
    std::string error;
    if (!run.isValid(&error)) return out.status = Status::invalid(error), out;
    if (!options.isValid(&error)) return out.status = Status::invalid("curve forecast options: " + error), out;
    const long long limit = std::min({upToStep < 0 ? run.plannedSteps : upToStep, run.plannedSteps, run.lastStep()});
    if (limit <= run.warmupSteps)
        return out.status = Status::invalid(runLabel(run) + " is still in its warm-up (step " + std::to_string(limit) +
                                            " of " + std::to_string(run.warmupSteps) +
                                            "); the forecast starts after it"),
               out;

    // Fitted window: finite train-loss points after the warm-up (less the skipped share), up to `limit`.
    const long long first = std::max<long long>(
        2, run.warmupSteps + 1 +
               static_cast<long long>(options.skipFraction * static_cast<double>(limit - run.warmupSteps)));
    std::vector<long long> steps;
    std::vector<double> loss;
    for (size_t i = 0; i < run.trainSteps.size(); ++i) {
        const long long s = run.trainSteps[i];
        if (s >= first && s <= limit && std::isfinite(run.trainLoss[i]))
            steps.push_back(s), loss.push_back(run.trainLoss[i]);
    }
    if (static_cast<int>(steps.size()) < options.minPoints)
        return out.status = Status::invalid(runLabel(run) + " has " + std::to_string(steps.size()) +
                                            " train-loss points after its warm-up up to step " + std::to_string(limit) +
                                            "; the curve forecast needs " + std::to_string(options.minPoints)),
               out;

    std::vector<double> s1, s2;
    annealingAreas(run.lr, run.warmupSteps, options.annealingMomentum, &s1, &s2);

    // Consecutive points averaged into at most maxFitPoints bins (the fit's cost, not its answer).
    const size_t perBin = (steps.size() + options.maxFitPoints - 1) / options.maxFitPoints;
    Design d;
    std::vector<double> y;
    std::vector<long long> binStep;
    for (size_t i = 0; i < steps.size(); i += perBin) {
        const size_t j = std::min(steps.size(), i + perBin);
        double ls1 = 0, vs2 = 0, vy = 0;
        for (size_t k = i; k < j; ++k) {
            ls1 += std::log(std::max(s1[static_cast<size_t>(steps[k])], 1e-12));
            vs2 += s2[static_cast<size_t>(steps[k])];
            vy += loss[k];
        }
        const double w = static_cast<double>(j - i);
        d.logS1.push_back(ls1 / w);
        d.s2.push_back(vs2 / w);
        y.push_back(vy / w);
        binStep.push_back(steps[j - 1]);
    }
    d.n = static_cast<double>(y.size());
    for (double v : d.s2) d.s2sum += v, d.s2s2 += v * v;
    const size_t end = static_cast<size_t>(run.plannedSteps);

    // A prefix seen early in the cosine holds little annealing (S2 small), so C alone would be
    // extrapolated 10-100x. A Gaussian prior on the annealing gain at the end, C S2(end) ~ N(0, tau^2),
    // is a ridge penalty sigma^2 S2(end)^2 / tau^2 on C; sigma = the points' noise from first
    // differences; tau = the loss decrease over the second half of the window (means of its first and
    // last tenth of the points) times kPriorScale: the gain is assumed of the order of the current
    // progress.
    double diff2 = 0;
    for (size_t i = 1; i < y.size(); ++i) diff2 += (y[i] - y[i - 1]) * (y[i] - y[i - 1]);
    const double sigma = std::sqrt(diff2 / (2.0 * static_cast<double>(y.size() - 1)));
    const size_t tenth = std::max<size_t>(1, y.size() / 10), half = y.size() / 2;
    double early = 0, late = 0;
    for (size_t i = 0; i < tenth; ++i) early += y[half + i], late += y[y.size() - 1 - i];
    const double tau = std::max(kPriorScale * (early - late) / static_cast<double>(tenth), std::max(sigma, 1e-6));
    d.ridgeC = sigma * sigma * s2[end] * s2[end] / (tau * tau);

    const auto grid = alphaGrid();
    std::vector<AlphaColumns> cols;
    cols.reserve(grid.size());
    for (double a : grid) cols.push_back(columnsFor(d, a));
    size_t k = 0;
    VarProFit fit = bestOnGrid(d, cols, y, &k);
    if (!std::isfinite(fit.sse))
        return out.status = Status::invalid(runLabel(run) + ": its curve up to step " + std::to_string(limit) +
                                            " does not decrease like a power law of the learning-rate area; no forecast"),
               out;
    fit = refine(d, cols, y, k, fit);
    out.law = fit.law;
    out.points = static_cast<int>(y.size());
    out.firstStep = steps.front();
    out.lastStep = steps.back();
    out.rmse = std::sqrt(std::max(0.0, fit.sse) / d.n);
    out.trainFinal = fit.law.at(s1[end], s2[end]);

    // Train-to-validation gap at the latest validation pass inside the fitted window.
    for (size_t i = run.valSteps.size(); i-- > 0;) {
        const long long v = run.valSteps[i];
        if (v <= limit && v >= out.firstStep && std::isfinite(run.valLoss[i])) {
            out.hasValOffset = true;
            out.valOffset = run.valLoss[i] - fit.law.at(s1[static_cast<size_t>(v)], s2[static_cast<size_t>(v)]);
            break;
        }
    }

    // Band steps: the last fitted step to the planned last step.
    const long long from = out.lastStep;
    for (int i = 0; i < options.bandSamples; ++i) {
        const long long s = from + static_cast<long long>(std::llround(static_cast<double>(end - from) * i /
                                                                       (options.bandSamples - 1)));
        if (out.bandSteps.empty() || s != out.bandSteps.back()) out.bandSteps.push_back(s);
    }
    for (long long s : out.bandSteps) out.bandMid.push_back(fit.law.at(s1[static_cast<size_t>(s)], s2[static_cast<size_t>(s)]));

    // Moving-block bootstrap of the residuals; blocks of ~n/10 points keep their correlation.
    std::vector<std::vector<double>> bandDraws(out.bandSteps.size());
    if (options.resamples > 0) {
        std::vector<double> fitted(y.size()), resid(y.size());
        for (size_t i = 0; i < y.size(); ++i) {
            fitted[i] = fit.law.l0 + fit.law.a * std::exp(-fit.law.alpha * d.logS1[i]) - fit.law.c * d.s2[i];
            resid[i] = y[i] - fitted[i];
        }
        const size_t block = std::max<size_t>(3, y.size() / 10);
        SplitMix64 rng(options.seed);
        std::vector<double> yb(y.size());
        for (int r = 0; r < options.resamples; ++r) {
            for (size_t i = 0; i < y.size();) {
                const size_t start = static_cast<size_t>(rng.below(y.size() - std::min(block, y.size()) + 1));
                for (size_t j = 0; j < block && i < y.size(); ++j, ++i) yb[i] = fitted[i] + resid[start + j];
            }
            size_t kb = 0;
            const VarProFit b = bestOnGrid(d, cols, yb, &kb);
            if (!std::isfinite(b.sse)) continue;
            for (size_t i = 0; i < out.bandSteps.size(); ++i) {
                const size_t s = static_cast<size_t>(out.bandSteps[i]);
                bandDraws[i].push_back(b.law.at(s1[s], s2[s]));
            }
        }
    }
    // The band: the bootstrap's percentiles (alpha's uncertainty, correlated residuals) and, in
    // quadrature, the linear posterior sd at the fitted alpha (what the prior leaves open about C).
    const AlphaColumns best = columnsFor(d, fit.law.alpha);
    const double g[3][3] = {{d.n, best.su, -d.s2sum}, {best.su, best.suu, -best.sus2},
                            {-d.s2sum, -best.sus2, d.s2s2 + d.ridgeC}};
    const double z = normalQuantile(0.5 + options.confidence / 2);
    for (size_t i = 0; i < out.bandSteps.size(); ++i) {
        const size_t st = static_cast<size_t>(out.bandSteps[i]);
        const double x[3] = {1.0, std::pow(s1[st], -fit.law.alpha), -s2[st]};
        const double linear = z * sigma * std::sqrt(std::max(0.0, quadInverse(g, x)));
        const Interval iv = percentileInterval(bandDraws[i], options.confidence);
        const double mid = out.bandMid[i];
        const double down = iv.valid() ? std::max(0.0, mid - iv.lo) : 0.0;
        const double up = iv.valid() ? std::max(0.0, iv.hi - mid) : 0.0;
        out.bandLo.push_back(mid - std::hypot(down, std::isfinite(linear) ? linear : 0.0));
        out.bandHi.push_back(mid + std::hypot(up, std::isfinite(linear) ? linear : 0.0));
        if (i + 1 == out.bandSteps.size()) out.trainBand = iv;
    }
    out.final = out.trainFinal + out.valOffset;
    out.lo = out.bandLo.back() + out.valOffset;
    out.hi = out.bandHi.back() + out.valOffset;
    return out;
}

std::string CurveForecast::brief() const {
    std::ostringstream s;
    if (!status) return "curve forecast: " + status.message() + "\n";
    s.precision(4);
    s << "curve forecast: final loss " << final << " [" << lo << ", " << hi << "] at step " << plannedSteps
      << " from " << points << " points (steps " << firstStep << "-" << lastStep << ", rmse " << rmse << ")\n"
      << "  L(s) = " << law.l0 << " + " << law.a << " S1^-" << law.alpha << " - " << law.c << " S2";
    if (hasValOffset) s << "; validation gap " << valOffset;
    else s << "; no validation pass seen yet: forecasts train loss";
    s << "\n";
    return s.str();
}

// --- law method -----------------------------------------------------------------------------------

bool LawForecastOptions::isValid(std::string* error) const {
    const auto bad = [&](const std::string& why) {
        if (error) *error = why;
        return false;
    };
    if (minRuns < 6) return bad("min runs must be >= 6 (the law has 5 parameters)");
    if (resamples < 0) return bad("resamples must be >= 0");
    if (!(confidence > 0 && confidence < 1)) return bad("confidence must be in (0, 1)");
    return true;
}

LawForecast forecastFromLaw(const std::vector<ScalingPoint>& family, double params, double tokens,
                            const LawForecastOptions& options) {
    LawForecast out;
    std::string error;
    if (!options.isValid(&error)) return out.status = Status::invalid("law forecast options: " + error), out;
    if (!(params > 0) || !(tokens > 0))
        return out.status = Status::invalid("the law forecast needs the run's N and planned D > 0"), out;
    if (!parametricFitAvailable())
        return out.status = Status(StatusCode::Unavailable, "this build has no Ceres: the law forecast is off"), out;
    if (static_cast<int>(family.size()) < options.minRuns)
        return out.status = Status::invalid("the law forecast needs " + std::to_string(options.minRuns) +
                                            " finished runs of the same architecture and context; there are " +
                                            std::to_string(family.size())),
               out;
    ParametricOptions fo;
    fo.fitGamma = false;
    fo.grid = ParametricGrid::paper();
    fo.threads = options.threads;
    fo.invalidPoints = InvalidPointPolicy::Skip;
    const ParametricFit fit = fitParametric(family, fo);
    if (!fit.status) return out.status = fit.status, out;
    out.params = fit.params;
    out.runs = fit.points;
    out.rmseLogLoss = fit.rmseLogLoss;
    out.final = fit.params.loss(params, tokens);
    // Prediction band in log-loss: the law's own uncertainty (bootstrap) and a new run's scatter
    // about it (the residual RMS, corrected for the 5 fitted parameters), added in quadrature.
    const double z = normalQuantile(0.5 + options.confidence / 2);
    const double scatter =
        fit.points > 5 ? fit.rmseLogLoss * std::sqrt(static_cast<double>(fit.points) / (fit.points - 5)) : 0.0;
    double lowHalf = 0, highHalf = 0;
    if (options.resamples > 0) {
        BootstrapOptions bo;
        bo.resamples = options.resamples;
        bo.seed = options.seed;
        bo.confidence = options.confidence;
        bo.threads = options.threads;
        const ParametricBootstrap boot = bootstrapParametric(family, fit, fo, bo);
        if (boot.status) {
            const Interval iv = boot.predictionInterval(params, tokens);
            if (iv.valid()) {
                lowHalf = std::max(0.0, std::log(out.final) - std::log(iv.lo));
                highHalf = std::max(0.0, std::log(iv.hi) - std::log(out.final));
            }
        }
    }
    out.lo = out.final * std::exp(-std::hypot(lowHalf, z * scatter));
    out.hi = out.final * std::exp(std::hypot(highHalf, z * scatter));
    return out;
}

std::string LawForecast::brief() const {
    if (!status) return "law forecast: " + status.message() + "\n";
    std::ostringstream s;
    s.precision(4);
    s << "law forecast: final loss " << final << " [" << lo << ", " << hi << "] from " << runs
      << " finished runs; L = " << params.E() << " + " << params.A() << " N^-" << params.alpha << " + " << params.B()
      << " D^-" << params.beta << " (rms log residual " << rmseLogLoss << ")\n";
    return s.str();
}

std::vector<ScalingPoint> lawFamily(const std::vector<ForecastRun>& runs, const ForecastRun& run) {
    std::vector<ScalingPoint> out;
    for (const auto& r : runs) {
        if (r.id == run.id || r.arch != run.arch || r.ctx != run.ctx) continue;
        const double loss = observedFinalLoss(r);
        if (!std::isfinite(loss) || !(r.params > 0) || !(r.tokens > 0)) continue;
        ScalingPoint p;
        p.arch = r.arch;
        p.ctx = r.ctx;
        p.run = std::to_string(r.id);
        p.params = r.params;
        p.tokens = r.tokens;
        p.loss = loss;
        p.sourceRow = static_cast<int>(r.id);
        out.push_back(p);
    }
    return out;
}

}  // namespace seqscope::analysis
