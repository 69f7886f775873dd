// SPDX-License-Identifier: MIT
// Bootstrap intervals and Epoch AI's Huber-likelihood estimator for parametric fits (scaling-laws.md 9).
#include "analysis/parametric_bootstrap.h"

#include <Eigen/Dense>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <sstream>
#include <thread>

namespace seqscope::analysis {

ParametricParams hoffmannEstimates() {
    ParametricParams p;
    p.a = 6.0073404;
    p.b = 6.0179186;
    p.e = 0.5267228;
    p.alpha = 0.33917084;
    p.beta = 0.2849083;
    p.gamma = 1.0;
    return p;
}

bool BootstrapOptions::isValid(std::string* error) const {
    auto fail = [&](const std::string& m) {
        if (error) *error = m;
        return false;
    };
    if (resamples < 2) return fail("bootstrap needs at least 2 resamples, got " + std::to_string(resamples));
    if (!(confidence > 0 && confidence < 1)) return fail("confidence must lie in (0, 1), got " + fmt(confidence));
    if (start == BootstrapStart::Grid && grid.size(true) == 0 && grid.size(false) == 0)
        return fail("bootstrap start 'grid' needs a non-empty grid");
    return true;
}

namespace {

struct FitData {
    std::vector<double> n, d, l;
};

Status prepare(const std::vector<ScalingPoint>& input, InvalidPointPolicy policy, FitData* data,
               std::vector<std::string>* warnings) {
    std::vector<ScalingPoint> points;
    Status s = screenPoints(input, kNeedParams | kNeedTokens | kNeedLoss, policy, &points, warnings);
    if (s.isOk()) s = requireSingleFamily(points, true, false);
    if (!s.isOk()) return s;
    for (const auto& p : points) {
        data->n.push_back(p.params);
        data->d.push_back(p.tokens);
        data->l.push_back(p.loss);
    }
    return Status::ok();
}

std::vector<double> values(const ParametricParams& p, bool gamma) {
    std::vector<double> v = {p.a, p.b, p.e, p.alpha, p.beta};
    if (gamma) v.push_back(p.gamma);
    return v;
}

std::vector<double> covariance(const std::vector<std::vector<double>>& rows) {
    const size_t k = rows.empty() ? 0 : rows[0].size();
    std::vector<double> cov(k * k, NAN);
    if (rows.size() < 2) return cov;
    std::vector<double> mean(k, 0.0);
    for (const auto& r : rows)
        for (size_t j = 0; j < k; ++j) mean[j] += r[j];
    for (double& m : mean) m /= static_cast<double>(rows.size());
    for (size_t i = 0; i < k; ++i)
        for (size_t j = 0; j < k; ++j) {
            double s = 0;
            for (const auto& r : rows) s += (r[i] - mean[i]) * (r[j] - mean[j]);
            cov[i * k + j] = s / static_cast<double>(rows.size() - 1);
        }
    return cov;
}

}  // namespace

ParametricBootstrap bootstrapParametric(const std::vector<ScalingPoint>& input, const ParametricFit& fit,
                                        const ParametricOptions& fitOptions, const BootstrapOptions& options) {
    ParametricBootstrap bs;
    bs.confidence = options.confidence;
    bs.resamples = options.resamples;
    std::string error;
    if (!options.isValid(&error)) {
        bs.status = Status::invalid("bootstrap options: " + error);
        return bs;
    }
    if (!fit.status.isOk()) {
        bs.status = Status::invalid("bootstrap needs a successful fit: " + fit.status.message());
        return bs;
    }
    if (!parametricFitAvailable()) {
        bs.status = Status(StatusCode::Unavailable, "this build has no Ceres: parametric fits are unavailable");
        return bs;
    }
    FitData data;
    std::vector<std::string> ignored;
    Status s = prepare(input, fitOptions.invalidPoints, &data, &ignored);
    if (!s.isOk()) {
        bs.status = s;
        return bs;
    }
    const bool gamma = fitOptions.fitGamma;
    const size_t n = data.n.size();
    const HuberLogObjective base(data.n, data.d, data.l, fitOptions.huberDelta, gamma);

    std::vector<ParametricParams> samples(options.resamples);
    std::vector<char> ok(options.resamples, 0);
    std::atomic<int> next{0};
    const auto t0 = std::chrono::steady_clock::now();
    auto worker = [&]() {
        for (int k = next.fetch_add(1); k < options.resamples; k = next.fetch_add(1)) {
            // Multiplicities of a size-n draw with replacement: the same objective as duplicated rows.
            SplitMix64 rng(deriveSeed(options.seed, static_cast<std::uint64_t>(k)));
            std::vector<double> w(n, 0.0);
            for (size_t i = 0; i < n; ++i) w[static_cast<size_t>(rng.below(n))] += 1.0;
            HuberLogObjective obj = base;
            obj.setWeights(std::move(w));
            StartOutcome best;
            best.objective = NAN;
            if (options.start == BootstrapStart::Grid) {
                const size_t total = options.grid.size(gamma);
                bool found = false;
                for (size_t j = 0; j < total; ++j) {
                    StartOutcome o = minimizeFrom(obj, options.grid.start(j, gamma), fitOptions);
                    if (std::isfinite(o.objective) && (!found || o.objective < best.objective)) {
                        best = o;
                        found = true;
                    }
                }
            } else {
                ParametricParams init = options.start == BootstrapStart::Given ? options.startParams : fit.params;
                if (!gamma) init.gamma = 1.0;
                best = minimizeFrom(obj, init, fitOptions);
            }
            const ParametricParams& p = best.fitted;
            samples[k] = p;
            ok[k] = std::isfinite(best.objective) && std::isfinite(p.a) && std::isfinite(p.b) && std::isfinite(p.e) &&
                    p.alpha + p.beta > 0;
        }
    };
    const int threads = std::min(resolveThreads(options.threads), options.resamples);
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t) pool.emplace_back(worker);
    worker();
    for (auto& th : pool) th.join();
    bs.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

    std::vector<ParametricParams> good;
    for (int k = 0; k < options.resamples; ++k)
        if (ok[k]) good.push_back(samples[k]);
    bs.succeeded = static_cast<int>(good.size());
    if (bs.succeeded < bs.resamples)
        bs.warnings.push_back(std::to_string(bs.resamples - bs.succeeded) + " of " + std::to_string(bs.resamples) +
                              " resamples gave no usable fit and were dropped");
    if (bs.succeeded < 2) {
        bs.status = Status(StatusCode::Diverged, "fewer than 2 resamples could be refitted");
        return bs;
    }

    // Intervals.
    auto column = [&](auto getter) {
        std::vector<double> v;
        v.reserve(good.size());
        for (const auto& p : good) v.push_back(getter(p));
        return v;
    };
    auto add = [&](const std::string& name, double estimate, auto getter) {
        ParameterInterval pi;
        pi.name = name;
        pi.estimate = estimate;
        pi.interval = percentileInterval(column(getter), options.confidence);
        bs.intervals.push_back(pi);
    };
    const ParametricParams& est = fit.params;
    add("E", est.E(), [](const ParametricParams& p) { return p.E(); });
    add("A", est.A(), [](const ParametricParams& p) { return p.A(); });
    add("B", est.B(), [](const ParametricParams& p) { return p.B(); });
    add("alpha", est.alpha, [](const ParametricParams& p) { return p.alpha; });
    add("beta", est.beta, [](const ParametricParams& p) { return p.beta; });
    if (gamma) add("gamma", est.gamma, [](const ParametricParams& p) { return p.gamma; });
    add("a", est.a, [](const ParametricParams& p) { return p.a; });
    add("b", est.b, [](const ParametricParams& p) { return p.b; });
    add("e", est.e, [](const ParametricParams& p) { return p.e; });
    add("a_opt", est.nExponent(), [](const ParametricParams& p) { return p.nExponent(); });
    add("b_opt", est.dExponent(), [](const ParametricParams& p) { return p.dExponent(); });

    // Covariances in both parametrisations (Epoch reports both).
    bs.logNames = {"a", "b", "e", "alpha", "beta"};
    bs.linearNames = {"A", "B", "E", "alpha", "beta"};
    if (gamma) {
        bs.logNames.push_back("gamma");
        bs.linearNames.push_back("gamma");
    }
    std::vector<std::vector<double>> logRows, linRows;
    for (const auto& p : good) {
        logRows.push_back(values(p, gamma));
        std::vector<double> lin = {p.A(), p.B(), p.E(), p.alpha, p.beta};
        if (gamma) lin.push_back(p.gamma);
        linRows.push_back(lin);
    }
    bs.logCovariance = covariance(logRows);
    bs.linearCovariance = covariance(linRows);
    const size_t k = bs.logNames.size();
    const double va = bs.logCovariance[3 * k + 3], vb = bs.logCovariance[4 * k + 4], cab = bs.logCovariance[3 * k + 4];
    const double sum = est.alpha + est.beta;
    const double ga = -est.beta / (sum * sum), gb = est.alpha / (sum * sum);
    bs.aOptDeltaStdError = std::sqrt(ga * ga * va + 2 * ga * gb * cab + gb * gb * vb);
    if (options.keepSamples) bs.samples = std::move(good);
    return bs;
}

const ParameterInterval* ParametricBootstrap::find(const std::string& name) const {
    for (const auto& i : intervals)
        if (i.name == name) return &i;
    return nullptr;
}

Interval ParametricBootstrap::predictionInterval(double n, double d) const {
    std::vector<double> v;
    v.reserve(samples.size());
    for (const auto& p : samples) v.push_back(p.loss(n, d));
    return percentileInterval(v, confidence);
}

std::string ParametricBootstrap::brief() const {
    if (!status.isOk()) return "bootstrap failed: " + status.message() + "\n";
    std::ostringstream o;
    o << "bootstrap: " << succeeded << " of " << resamples << " resamples, " << fmt(100 * confidence, 3)
      << "% percentile intervals\n";
    for (const auto& i : intervals) {
        if (i.name == "a" || i.name == "b" || i.name == "e") continue;
        o << "  " << i.name << " = " << fmt(i.estimate, 5) << "  [" << fmt(i.interval.lo, 5) << ", " << fmt(i.interval.hi, 5)
          << "]  se " << fmt(i.interval.stdError, 3) << "\n";
    }
    return o.str();
}

std::string ParametricBootstrap::full() const {
    std::ostringstream o;
    o << brief();
    if (!status.isOk()) return o.str();
    o << "  a_opt = beta/(alpha+beta): delta-method se " << fmt(aOptDeltaStdError, 3) << "\n";
    o << "  covariance of (" ;
    for (size_t i = 0; i < logNames.size(); ++i) o << (i ? ", " : "") << logNames[i];
    o << "):\n";
    const size_t k = logNames.size();
    for (size_t i = 0; i < k; ++i) {
        o << "   ";
        for (size_t j = 0; j < k; ++j) o << " " << fmt(logCovariance[i * k + j], 4);
        o << "\n";
    }
    o << "  (" << fmt(seconds, 3) << " s)\n";
    for (const auto& w : warnings) o << "warning: " << w << "\n";
    return o.str();
}

HuberLikelihoodFit fitHuberLikelihood(const std::vector<ScalingPoint>& input, const ParametricParams& init,
                                      const ParametricOptions& fitOptions) {
    HuberLikelihoodFit r;
    r.init = init;
    r.scale = r.negLogLikelihood = NAN;
    std::string error;
    if (!fitOptions.isValid(&error)) {
        r.status = Status::invalid("parametric options: " + error);
        return r;
    }
    if (!parametricFitAvailable()) {
        r.status = Status(StatusCode::Unavailable, "this build has no Ceres: parametric fits are unavailable");
        return r;
    }
    FitData data;
    std::vector<std::string> ignored;
    Status s = prepare(input, fitOptions.invalidPoints, &data, &ignored);
    if (!s.isOk()) {
        r.status = s;
        return r;
    }
    const int nModel = fitOptions.fitGamma ? 6 : 5;
    if (static_cast<int>(data.n.size()) < nModel + 1) {
        r.status = Status::invalid(std::to_string(data.n.size()) + " point(s) for " + std::to_string(nModel + 1) +
                                   " parameters (model + scale)");
        return r;
    }
    HuberLogObjective obj(data.n, data.d, data.l, fitOptions.huberDelta, fitOptions.fitGamma);
    obj.setLearnScale(true);
    double x[7] = {0, 0, 0, 0, 0, 1, 0};
    HuberLogObjective::pack(init, fitOptions.fitGamma, x);
    x[nModel] = 0.0;   // sigma = 0: unit scale, as Epoch starts
    double cost = NAN;
    const StartTermination t = minimizeVector(obj, x, fitOptions, LineSearchDirection::Bfgs, &r.iterations, &cost);
    if (t == StartTermination::Failed) {
        r.status = Status(StatusCode::Diverged, "the Huber likelihood is not finite at the start or did not improve");
        return r;
    }
    r.params = HuberLogObjective::unpack(x, fitOptions.fitGamma);
    r.scale = std::exp(x[nModel]);
    r.negLogLikelihood = cost;
    return r;
}

std::string HuberLikelihoodFit::brief() const {
    if (!status.isOk()) return "Huber likelihood fit failed: " + status.message() + "\n";
    return "Huber likelihood estimate: E = " + fmt(params.E(), 5) + ", A = " + fmt(params.A(), 6) + ", B = " +
           fmt(params.B(), 6) + ", alpha = " + fmt(params.alpha, 5) + ", beta = " + fmt(params.beta, 5) +
           (params.gamma != 1.0 ? ", gamma = " + fmt(params.gamma, 5) : std::string()) + " (scale " + fmt(scale, 4) +
           ", -log L = " + fmt(negLogLikelihood, 8) + ")\n";
}

}  // namespace seqscope::analysis
