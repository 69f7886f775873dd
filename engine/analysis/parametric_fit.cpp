// SPDX-License-Identifier: MIT
// Multi-start parametric L(N, D) fit on Ceres' L-BFGS (scaling-laws.md 8.3).
// Ceres does not hand back the iterate when a line search fails, which on this objective (Huber
// kinks at |r| = delta) is the normal way for a start to end; so the objective wrapper remembers the
// best point it evaluated and that point is the start's result.
#include "analysis/parametric_fit.h"

#include "analysis/parametric_search.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <limits>
#include <sstream>

#ifdef SEQSCOPE_HAVE_CERES
#include <ceres/gradient_problem.h>
#include <ceres/gradient_problem_solver.h>
#include <glog/logging.h>

#include <mutex>
#endif

namespace seqscope::analysis {

// --- grid --------------------------------------------------------------------------------------

ParametricGrid ParametricGrid::paper() {
    ParametricGrid g;
    g.a = {0.0, 5.0, 10.0, 15.0, 20.0};
    g.b = {0.0, 5.0, 10.0, 15.0, 20.0};
    g.e = {-1.0, -0.5, 0.0, 0.5, 1.0};
    g.alpha = {0.0, 0.2, 0.5, 1.0};
    g.beta = {0.0, 0.2, 0.5, 1.0};
    g.gamma = {0.0, 0.5, 1.0, 1.5};
    return g;
}

ParametricGrid ParametricGrid::epochChinchilla() {
    ParametricGrid g;
    g.a = {0.0, 5.0, 10.0, 15.0, 20.0, 25.0};
    g.b = {0.0, 5.0, 10.0, 15.0, 20.0, 25.0};
    g.e = {-1.0, -0.5, 0.0, 0.5, 1.0};
    g.alpha = {0.0, 0.5, 1.0, 1.5, 2.0};
    g.beta = {0.0, 0.5, 1.0, 1.5, 2.0};
    g.gamma = {1.0};
    return g;
}

ParametricGrid ParametricGrid::single(const ParametricParams& p) {
    ParametricGrid g;
    g.a = {p.a};
    g.b = {p.b};
    g.e = {p.e};
    g.alpha = {p.alpha};
    g.beta = {p.beta};
    g.gamma = {p.gamma};
    return g;
}

size_t ParametricGrid::size(bool fitGamma) const {
    size_t n = a.size() * b.size() * e.size() * alpha.size() * beta.size();
    return fitGamma ? n * gamma.size() : n;
}

ParametricParams ParametricGrid::start(size_t k, bool fitGamma) const {
    ParametricParams p;
    p.b = b[k % b.size()];
    k /= b.size();
    p.a = a[k % a.size()];
    k /= a.size();
    p.e = e[k % e.size()];
    k /= e.size();
    p.alpha = alpha[k % alpha.size()];
    k /= alpha.size();
    p.beta = beta[k % beta.size()];
    k /= beta.size();
    p.gamma = fitGamma ? gamma[k % gamma.size()] : 1.0;
    return p;
}

bool ParametricOptions::isValid(std::string* error) const {
    auto fail = [&](const std::string& m) {
        if (error) *error = m;
        return false;
    };
    if (!(huberDelta > 0 && std::isfinite(huberDelta))) return fail("Huber delta must be positive, got " + fmt(huberDelta));
    if (grid.size(fitGamma) == 0)
        return fail(std::string("the initialisation grid is empty") + (fitGamma ? " (gamma values needed)" : ""));
    for (const auto* v : {&grid.a, &grid.b, &grid.e, &grid.alpha, &grid.beta, &grid.gamma})
        for (double x : *v)
            if (!std::isfinite(x)) return fail("the initialisation grid holds a non-finite value");
    if (maxIterations < 1) return fail("maxIterations must be >= 1");
    if (lbfgsRank < 1) return fail("lbfgsRank must be >= 1");
    if (maxLineSearchIterations < 1) return fail("maxLineSearchIterations must be >= 1");
    if (!(functionTolerance >= 0 && gradientTolerance >= 0 && parameterTolerance >= 0))
        return fail("tolerances must be >= 0");
    if (!(optimumTolerance >= 0)) return fail("optimumTolerance must be >= 0");
    if (search == StartSearch::Pruned && screenIterations < 1) return fail("screenIterations must be >= 1");
    if (search == StartSearch::Pruned && survivors < 1) return fail("survivors must be >= 1");
    if (search == StartSearch::Pruned && preScreenKeep < 0) return fail("preScreenKeep must be >= 0");
    if (search == StartSearch::Pruned && preScreenKeep > 0 && preScreenIterations < 1)
        return fail("preScreenIterations must be >= 1");
    return true;
}

const char* terminationName(StartTermination t) {
    switch (t) {
    case StartTermination::Converged: return "converged";
    case StartTermination::Stalled: return "stalled";
    case StartTermination::MaxIterations: return "max_iterations";
    case StartTermination::Failed: return "failed";
    }
    return "?";
}

const char* searchName(StartSearch s) { return s == StartSearch::Pruned ? "pruned" : "exhaustive"; }

bool parametricFitAvailable() {
#ifdef SEQSCOPE_HAVE_CERES
    return true;
#else
    return false;
#endif
}

// --- one start -----------------------------------------------------------------------------------

#ifdef SEQSCOPE_HAVE_CERES
namespace {

class CeresObjective final : public ceres::FirstOrderFunction {
public:
    explicit CeresObjective(const HuberLogObjective& objective) : m_objective(objective) {}
    bool Evaluate(const double* x, double* cost, double* gradient) const override {
        if (!m_objective.evaluate(x, cost, gradient)) return false;
        if (*cost < m_bestCost) {
            m_bestCost = *cost;
            std::copy(x, x + m_objective.numParameters(), m_bestX.begin());
        }
        return true;
    }
    int NumParameters() const override { return m_objective.numParameters(); }
    double bestCost() const { return m_bestCost; }
    const std::array<double, 7>& bestX() const { return m_bestX; }

private:
    const HuberLogObjective& m_objective;
    mutable double m_bestCost = std::numeric_limits<double>::infinity();
    mutable std::array<double, 7> m_bestX{};
};

}  // namespace
#endif

StartTermination minimizeVector(const HuberLogObjective& objective, double* x, const ParametricOptions& options,
                                LineSearchDirection direction, int* iterations, double* cost) {
    if (iterations) *iterations = 0;
    double c0 = NAN;
    if (cost) *cost = NAN;
    if (!objective.evaluate(x, &c0, nullptr)) return StartTermination::Failed;   // not finite at the start
#ifdef SEQSCOPE_HAVE_CERES
    // Ceres' line search logs a glog WARNING whenever its cubic interpolation degenerates, which on
    // the flat Huber pieces happens thousands of times per grid; only errors stay visible.
    static std::once_flag quiet;
    std::call_once(quiet, [] {
        if (FLAGS_minloglevel < google::GLOG_ERROR) FLAGS_minloglevel = google::GLOG_ERROR;
    });
    auto* fn = new CeresObjective(objective);   // owned by the problem
    ceres::GradientProblem problem(fn);
    ceres::GradientProblemSolver::Options so;
    so.line_search_direction_type = direction == LineSearchDirection::Bfgs ? ceres::BFGS : ceres::LBFGS;
    so.line_search_type = ceres::WOLFE;
    so.max_lbfgs_rank = options.lbfgsRank;
    so.max_num_iterations = options.maxIterations;
    so.max_num_line_search_step_size_iterations = options.maxLineSearchIterations;
    so.function_tolerance = options.functionTolerance;
    so.gradient_tolerance = options.gradientTolerance;
    so.parameter_tolerance = options.parameterTolerance;
    so.min_line_search_step_size = 1e-20;
    so.logging_type = ceres::SILENT;
    ceres::GradientProblemSolver::Summary summary;
    ceres::Solve(so, problem, x, &summary);

    if (iterations) *iterations = static_cast<int>(summary.iterations.size());
    if (!std::isfinite(fn->bestCost())) return StartTermination::Failed;
    std::copy(fn->bestX().begin(), fn->bestX().begin() + objective.numParameters(), x);
    if (cost) *cost = fn->bestCost();
    switch (summary.termination_type) {
    case ceres::CONVERGENCE: return StartTermination::Converged;
    case ceres::NO_CONVERGENCE: return StartTermination::MaxIterations;
    default: return StartTermination::Stalled;
    }
#else
    (void)options;
    (void)direction;
    return StartTermination::Failed;
#endif
}

StartOutcome minimizeFrom(const HuberLogObjective& objective, const ParametricParams& init,
                          const ParametricOptions& options) {
    StartOutcome out;
    out.init = init;
    out.fitted = init;
    out.objective = NAN;
    double x[7] = {0, 0, 0, 0, 0, 1, 0};
    HuberLogObjective::pack(init, objective.fitGamma(), x);
    double cost = NAN;
    out.termination = minimizeVector(objective, x, options, LineSearchDirection::Lbfgs, &out.iterations, &cost);
    if (out.termination != StartTermination::Failed) {
        out.fitted = HuberLogObjective::unpack(x, objective.fitGamma());
        out.objective = cost;
    }
    return out;
}

// --- the grid ------------------------------------------------------------------------------------

namespace {

std::string paramsLine(const ParametricParams& p, bool gamma) {
    std::string s = "E = " + fmt(p.E(), 5) + ", A = " + fmt(p.A(), 5) + ", B = " + fmt(p.B(), 5) +
                    ", alpha = " + fmt(p.alpha, 5) + ", beta = " + fmt(p.beta, 5);
    if (gamma) s += ", gamma = " + fmt(p.gamma, 5);
    return s;
}

}  // namespace

ParametricFit fitParametric(const std::vector<ScalingPoint>& input, const ParametricOptions& options) {
    ParametricFit fit;
    fit.fitGamma = options.fitGamma;
    fit.huberDelta = options.huberDelta;
    fit.objective = NAN;
    std::string error;
    if (!options.isValid(&error)) {
        fit.status = Status::invalid("parametric options: " + error);
        return fit;
    }
    if (!parametricFitAvailable()) {
        fit.status = Status(StatusCode::Unavailable, "this build has no Ceres: parametric fits are unavailable");
        return fit;
    }
    std::vector<ScalingPoint> points;
    Status s = screenPoints(input, kNeedParams | kNeedTokens | kNeedLoss, options.invalidPoints, &points, &fit.warnings);
    if (s.isOk()) s = requireSingleFamily(points, true, false);
    if (!s.isOk()) {
        fit.status = s;
        return fit;
    }
    const int nParams = options.fitGamma ? 6 : 5;
    fit.points = static_cast<int>(points.size());
    if (fit.points < nParams) {
        fit.status = Status::invalid(std::to_string(fit.points) + " point(s) but L(N, D) has " + std::to_string(nParams) +
                                     " parameters" + (options.fitGamma ? " (gamma fitted)" : "") +
                                     ": need at least " + std::to_string(nParams));
        return fit;
    }
    if (fit.points == nParams)
        fit.warnings.push_back("as many points as parameters: the fit interpolates and says nothing about the error");

    std::vector<double> n, d, l;
    for (const auto& p : points) {
        n.push_back(p.params);
        d.push_back(p.tokens);
        l.push_back(p.loss);
    }
    const HuberLogObjective objective(n, d, l, options.huberDelta, options.fitGamma);

    const size_t total = options.grid.size(options.fitGamma);
    std::vector<StartOutcome> outcomes(total);
    std::vector<char> finished(total, 1);
    fit.starts = static_cast<int>(total);
    fit.threads = std::min<int>(resolveThreads(options.threads), static_cast<int>(total));
    const bool pruned = options.search == StartSearch::Pruned && total > static_cast<size_t>(options.survivors);
    fit.search = pruned ? StartSearch::Pruned : StartSearch::Exhaustive;
    // The stages: (pre-screening,) screening, then the survivors to convergence. Every stage runs
    // its starts from the beginning with a larger iteration cap, so a start's outcome in a stage is
    // the exhaustive run cut at that cap, and one that ends within a cap is finished.
    struct Stage {
        int iterations;
        int keep;
    };
    std::vector<Stage> stages;
    if (pruned) {
        if (options.preScreenKeep > 0 && total > static_cast<size_t>(options.preScreenKeep) &&
            options.preScreenIterations < options.screenIterations)
            stages.push_back({options.preScreenIterations, options.preScreenKeep});
        stages.push_back({options.screenIterations, options.survivors});
    }
    // Progress counts every run of a start: each stage hands at most `keep` starts to the next.
    int progressTotal = static_cast<int>(total);
    for (const Stage& st : stages) progressTotal += st.keep;
    std::atomic<int> done{0};
    auto report = [&]() {
        const int d = done.fetch_add(1) + 1;
        if (options.progress) options.progress(d, progressTotal);
    };
    auto cancelled = [&]() { return options.cancel && options.cancel->load(); };
    auto runStarts = [&](const std::vector<size_t>& which, const ParametricOptions& o) {
        runOnPool(which.size(), fit.threads, options.cancel, [&](size_t i) {
            const size_t k = which[i];
            outcomes[k] = minimizeFrom(objective, options.grid.start(k, options.fitGamma), o);
            outcomes[k].index = static_cast<int>(k);
            report();
        });
    };
    const auto t0 = std::chrono::steady_clock::now();
    std::vector<size_t> running(total);   // the starts the next stage runs
    for (size_t k = 0; k < total; ++k) running[k] = k;
    std::vector<int> preRank(total, -1);   // pre-screening: position in its selection
    for (size_t si = 0; si < stages.size() && !cancelled(); ++si) {
        ParametricOptions capped = options;
        capped.maxIterations = std::min(stages[si].iterations, options.maxIterations);
        if (si + 1 == stages.size()) fit.screened = static_cast<int>(running.size());
        runStarts(running, capped);
        std::vector<size_t> candidates;   // the starts still running at the cap; the others are finished
        for (size_t k : running) {
            const bool cut = capped.maxIterations < options.maxIterations &&
                             outcomes[k].termination == StartTermination::MaxIterations;
            finished[k] = cut ? 0 : 1;
            if (cut) candidates.push_back(k);
        }
        running = selectSurvivors(outcomes, candidates, stages[si].keep);
        if (si + 1 < stages.size())
            for (size_t r = 0; r < running.size(); ++r) preRank[running[r]] = static_cast<int>(r);
    }
    if (!cancelled()) {
        runStarts(running, options);
        for (size_t k : running) finished[k] = 1;
        if (pruned) {
            fit.rerun = static_cast<int>(running.size());
            if (options.progress) options.progress(progressTotal, progressTotal);
        }
    }
    const std::vector<size_t> survivors = pruned ? running : std::vector<size_t>{};
    fit.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (options.cancel && options.cancel->load()) {
        fit.status = Status(StatusCode::Cancelled, "cancelled after " + std::to_string(done.load()) + " of " +
                                                       std::to_string(progressTotal) + " starts");
        return fit;
    }

    // Select by lowest objective among converged starts (Converged or Stalled); ties -> lower index.
    const StartOutcome* best = nullptr;
    const StartOutcome* bestAny = nullptr;
    for (const auto& o : outcomes) {
        if (!finished[o.index]) continue;
        ++fit.finished;
        switch (o.termination) {
        case StartTermination::Converged: ++fit.converged; break;
        case StartTermination::Stalled: ++fit.stalled; break;
        case StartTermination::MaxIterations: ++fit.maxIterations; break;
        case StartTermination::Failed: ++fit.failed; break;
        }
        if (!std::isfinite(o.objective)) continue;
        if (!bestAny || o.objective < bestAny->objective) bestAny = &o;
        const bool ok = o.termination == StartTermination::Converged || o.termination == StartTermination::Stalled;
        if (ok && (!best || o.objective < best->objective)) best = &o;
    }
    if (!best && bestAny) {
        best = bestAny;
        fit.warnings.push_back("no start converged within " + std::to_string(options.maxIterations) +
                               " iterations; reporting the lowest objective reached");
    }
    if (!best) {
        fit.status = Status(StatusCode::Diverged, "no start reached a finite objective (" + std::to_string(total) + " starts)");
        return fit;
    }
    fit.params = best->fitted;
    fit.objective = best->objective;
    fit.winningStart = best->index;
    fit.winningInit = best->init;
    if (best->termination == StartTermination::MaxIterations)
        fit.warnings.push_back("the winning start hit the iteration cap");
    if (bestAny && bestAny->objective < best->objective)
        fit.warnings.push_back("start " + std::to_string(bestAny->index) + " reached a lower objective (" +
                               fmt(bestAny->objective, 8) + ") but did not converge");

    // Agreement among near-optimal starts.
    const double limit = fit.objective + options.optimumTolerance * std::fabs(fit.objective) + 1e-300;
    bool first = true;
    for (const auto& o : outcomes) {
        if (!(finished[o.index] && std::isfinite(o.objective) && o.objective <= limit)) continue;
        ++fit.reachedOptimum;
        const ParametricParams& p = o.fitted;
        if (first) {
            fit.spreadMin = fit.spreadMax = p;
            first = false;
            continue;
        }
        auto upd = [](double v, double& lo, double& hi) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        };
        upd(p.a, fit.spreadMin.a, fit.spreadMax.a);
        upd(p.b, fit.spreadMin.b, fit.spreadMax.b);
        upd(p.e, fit.spreadMin.e, fit.spreadMax.e);
        upd(p.alpha, fit.spreadMin.alpha, fit.spreadMax.alpha);
        upd(p.beta, fit.spreadMin.beta, fit.spreadMax.beta);
        upd(p.gamma, fit.spreadMin.gamma, fit.spreadMax.gamma);
    }
    if (fit.reachedOptimum == 1)
        fit.warnings.push_back("only the winning start reached its optimum: the fit is sensitive to the initialisation");
    if (pruned) {
        // Survivors are in screening order: the first to reach the optimum shows how much margin the
        // cut-off left (0 on the paper's and Chinchilla's data); likewise its rank in the
        // pre-screening for that cut-off.
        const int preKept = static_cast<int>(std::count_if(preRank.begin(), preRank.end(), [](int r) { return r >= 0; }));
        for (size_t r = 0; r < survivors.size(); ++r) {
            if (!(outcomes[survivors[r]].objective <= limit)) continue;
            ++fit.survivorsAtOptimum;
            if (fit.optimumScreenRank < 0) fit.optimumScreenRank = static_cast<int>(r);
            const int pr = preRank[survivors[r]];
            if (pr >= 0 && (fit.optimumPreScreenRank < 0 || pr < fit.optimumPreScreenRank)) fit.optimumPreScreenRank = pr;
        }
        if (fit.rerun == options.survivors && fit.optimumScreenRank >= options.survivors / 2)
            fit.warnings.push_back("pruned search: the first screened start to reach the optimum ranked " +
                                   std::to_string(fit.optimumScreenRank + 1) + " of " + std::to_string(fit.rerun) +
                                   " survivors, so a start cut by the screening might have gone lower: rerun the "
                                   "exhaustive search (--search full)");
        if (preKept == options.preScreenKeep && fit.optimumPreScreenRank >= preKept / 2)
            fit.warnings.push_back("pruned search: the best pre-screened start to reach the optimum ranked " +
                                   std::to_string(fit.optimumPreScreenRank + 1) + " of " + std::to_string(preKept) +
                                   " kept by the pre-screening, so a start it cut might have gone lower: rerun the "
                                   "exhaustive search (--search full)");
    }

    double se = 0, ae = 0;
    for (size_t i = 0; i < n.size(); ++i) {
        const double r = std::log(l[i]) - fit.params.logLoss(n[i], d[i]);
        se += r * r;
        ae += std::fabs(l[i] - fit.params.loss(n[i], d[i]));
    }
    fit.rmseLogLoss = std::sqrt(se / static_cast<double>(n.size()));
    fit.maeLoss = ae / static_cast<double>(n.size());
    if (!(fit.params.alpha > 0 && fit.params.beta > 0))
        fit.warnings.push_back("non-positive exponent (alpha = " + fmt(fit.params.alpha) + ", beta = " + fmt(fit.params.beta) +
                               "): loss does not fall with N and D; the data may not constrain the fit");
    if (options.keepStarts) fit.starts_ = std::move(outcomes);
    return fit;
}

std::string ParametricFit::brief() const {
    if (!status.isOk()) return "parametric fit failed: " + status.message() + "\n";
    std::ostringstream o;
    o << "L(N, D) = E + (A N^-alpha + B D^-beta)^gamma  [" << points << " points, Huber delta " << fmt(huberDelta)
      << (fitGamma ? ", gamma fitted" : ", gamma = 1") << "]\n";
    o << "  " << paramsLine(params, fitGamma) << "\n";
    o << "  objective " << fmt(objective, 8) << " from start " << winningStart << " of " << starts << "; "
      << reachedOptimum << " starts reached it";
    if (search == StartSearch::Pruned)
        o << " (pruned search: " << finished << " starts finished, " << rerun << " of them rerun after the screening of "
          << screened << ")";
    o << "\n";
    return o.str();
}

std::string ParametricFit::full() const {
    std::ostringstream o;
    o << brief();
    if (!status.isOk()) return o.str();
    o << "  log parameters: a = " << fmt(params.a, 8) << ", b = " << fmt(params.b, 8) << ", e = " << fmt(params.e, 8) << "\n";
    o << "  winning start: a = " << fmt(winningInit.a) << ", b = " << fmt(winningInit.b) << ", e = " << fmt(winningInit.e)
      << ", alpha = " << fmt(winningInit.alpha) << ", beta = " << fmt(winningInit.beta);
    if (fitGamma) o << ", gamma = " << fmt(winningInit.gamma);
    o << "\n";
    o << "  effective exponents: alpha*gamma = " << fmt(params.alpha * params.gamma) << ", beta*gamma = "
      << fmt(params.beta * params.gamma) << "; N* ~ C^" << fmt(params.nExponent()) << ", D* ~ C^" << fmt(params.dExponent())
      << "\n";
    o << "  starts: " << converged << " converged, " << stalled << " stalled at precision, " << maxIterations
      << " hit the iteration cap, " << failed << " failed";
    if (search == StartSearch::Pruned)
        o << ", " << (starts - finished) << " cut by the screening; the first survivor at the optimum ranked "
          << (optimumScreenRank + 1) << " of " << rerun << " (" << survivorsAtOptimum << " reached it)";
    if (search == StartSearch::Pruned && screened < starts)
        o << "; " << screened << " kept by the pre-screening, the best at the optimum ranked " << (optimumPreScreenRank + 1);
    o << " (" << threads << " threads, " << fmt(seconds, 3) << " s)\n";
    if (reachedOptimum > 1)
        o << "  spread among the " << reachedOptimum << " near-optimal starts: alpha [" << fmt(spreadMin.alpha, 6) << ", "
          << fmt(spreadMax.alpha, 6) << "], beta [" << fmt(spreadMin.beta, 6) << ", " << fmt(spreadMax.beta, 6) << "], E ["
          << fmt(spreadMin.E(), 6) << ", " << fmt(spreadMax.E(), 6) << "]\n";
    o << "  residuals: RMS(ln L) = " << fmt(rmseLogLoss) << ", mean |L - L_hat| = " << fmt(maeLoss) << "\n";
    for (const auto& w : warnings) o << "warning: " << w << "\n";
    return o.str();
}

}  // namespace seqscope::analysis
