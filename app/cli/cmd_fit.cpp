// SPDX-License-Identifier: MIT
// `seqscope-cli fit isoflop|parametric|context|slopes` and `seqscope-cli optimal`: the scaling-law
// analyses of ../shared/reference/scaling-laws.md 7-11 on a stored dataset or a results-table CSV.
//   seqscope-cli fit isoflop --dataset xlstm-paper --arch xlstm --ctx 8192 --budget-range 5e18,2e20 --json
//   seqscope-cli fit parametric --dataset xlstm-paper --arch xlstm --set tokenparam_ctx8192 --gamma fit
//   seqscope-cli fit parametric --dataset chinchilla --gamma 1 --grid epoch --bootstrap 4000 --bootstrap-start hoffmann
//   seqscope-cli optimal --dataset xlstm-paper --arch xlstm --set tokenparam_ctx8192 --compute 1e22 --ctx 8192
// Every successful fit is recorded in the database (kind isoflop|parametric|context|slopes) unless --no-store.
#include <nlohmann/json.hpp>

#include <limits>
#include <ostream>

#include "cli/command_line.h"
#include "cli/commands.h"
#include "cli/fit_support.h"

namespace seqscope::cli {
namespace {

using nlohmann::json;
using namespace seqscope::analysis;
using fitcli::FitSession;
using fitcli::num;
using fitcli::toJson;

int fail(Context& ctx, const std::string& command, const Status& status) {
    *ctx.err << "seqscope-cli " << command << ": " << status.message() << "\n";
    return kExitFailure;
}

void printWarnings(Context& ctx, const std::vector<std::string>& warnings) {
    for (const auto& w : warnings) *ctx.err << "warning: " << w << "\n";
}

std::vector<OptionSpec> with(std::vector<OptionSpec> a, const std::vector<OptionSpec>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

// --- IsoFLOP options ------------------------------------------------------------------------------

std::vector<OptionSpec> isoflopOptions() {
    const std::string g = "IsoFLOP";
    return {
        {"budgets", "H[,H...]", "nominal budgets in FLOPs (default: the dataset's budget labels)", "", g},
        {"budget-range", "LO,HI", "power laws over budgets with mean compute in [LO, HI] FLOPs (paper: 5e18,2e20 at T=8192)", "all", g},
        {"tolerance", "F", "a run belongs to budget H when |C - H| < F*H", "0.1", g},
        {"bootstrap", "K", "resamples per budget for N*, D*, L* intervals", "0", g},
        {"seed", "S", "bootstrap seed", "42", g},
        {"confidence", "F", "interval coverage", "0.95", g},
    };
}

IsoflopOptions readIsoflop(const Args& args, bool skipInvalid) {
    IsoflopOptions o;
    if (args.has("budgets")) o.budgets = args.numberList("budgets");
    if (args.has("budget-range")) {
        const auto r = args.numberList("budget-range");
        if (r.size() != 2) throw UsageError("--budget-range: give LO,HI, e.g. 5e18,2e20");
        o.fitRangeLo = r[0];
        o.fitRangeHi = r[1];
    }
    o.tolerance = args.number("tolerance", 0.1);
    o.bootstrap = static_cast<int>(args.integer("bootstrap", 0));
    o.seed = static_cast<std::uint64_t>(args.integer("seed", 42));
    o.confidence = args.number("confidence", 0.95);
    o.invalidPoints = skipInvalid ? InvalidPointPolicy::Skip : InvalidPointPolicy::Reject;
    std::string error;
    if (!o.isValid(&error)) throw UsageError(error);
    return o;
}

json isoflopOptionsJson(const IsoflopOptions& o) {
    return json{{"budgets", o.budgets}, {"budget_range", {num(o.fitRangeLo), num(o.fitRangeHi)}},
                {"tolerance", o.tolerance}, {"bootstrap", o.bootstrap}, {"seed", o.seed}, {"confidence", o.confidence}};
}

// --- parametric options ---------------------------------------------------------------------------

std::vector<OptionSpec> parametricOptions() {
    const std::string g = "Parametric fit";
    return {
        {"gamma", "fit|1", "fit the outer exponent gamma (8,000 starts) or fix it at 1 (2,000)", "fit", g},
        {"delta", "D", "Huber delta on log-loss residuals", "1e-3", g},
        {"grid", "paper|epoch", "initialisation grid: the xLSTM paper's or Epoch AI's Chinchilla grid", "paper", g},
        {"search", "pruned|full",
         "pruned: every start runs a short screening and the 32 most promising run on to convergence (it finds the "
         "full grid's optimum on the paper's and Chinchilla's data); full: every start runs to convergence",
         "pruned", g},
        {"token-param-range", "LO,HI", "use only runs with LO <= D/N <= HI (the paper's ratio filter)", "all", g},
        {"threads", "N", "worker threads", "all cores", g},
        {"max-iterations", "N", "L-BFGS iterations per start", "1000", g},
        {"bootstrap", "K", "bootstrap resamples for confidence intervals (Epoch AI used 4000)", "0", g},
        {"bootstrap-start", "best|hoffmann|grid", "where each resample's refit starts", "best", g},
        {"seed", "S", "bootstrap seed", "42", g},
        {"confidence", "F", "interval coverage", "0.95", g},
        {"likelihood", "", "also report Epoch AI's Huber-likelihood estimate (learned scale), started from the winner", "", g},
    };
}

struct ParametricRequest {
    ParametricOptions fit;
    BootstrapOptions bootstrap;
    bool wantBootstrap = false;
    bool likelihood = false;
    double ratioLo = 0, ratioHi = std::numeric_limits<double>::infinity();
    std::string gridName = "paper";
    std::string bootstrapStart = "best";
};

ParametricRequest readParametric(const Args& args, bool skipInvalid) {
    ParametricRequest r;
    const std::string gamma = args.str("gamma", "fit");
    if (gamma == "fit") r.fit.fitGamma = true;
    else if (gamma == "1") r.fit.fitGamma = false;
    else throw UsageError("--gamma: '" + gamma + "' is not 'fit' or '1'");
    r.fit.huberDelta = args.number("delta", 1e-3);
    r.gridName = args.str("grid", "paper");
    if (r.gridName == "paper") r.fit.grid = ParametricGrid::paper();
    else if (r.gridName == "epoch") r.fit.grid = ParametricGrid::epochChinchilla();
    else throw UsageError("--grid: '" + r.gridName + "' is not 'paper' or 'epoch'");
    if (r.gridName == "epoch" && r.fit.fitGamma)
        throw UsageError("--grid epoch has no gamma values; use it with --gamma 1");
    const std::string search = args.str("search", "pruned");
    if (search == "pruned") r.fit.search = StartSearch::Pruned;
    else if (search == "full") r.fit.search = StartSearch::Exhaustive;
    else throw UsageError("--search: '" + search + "' is not 'pruned' or 'full'");
    r.fit.threads = static_cast<int>(args.integer("threads", 0));
    r.fit.maxIterations = static_cast<int>(args.integer("max-iterations", 1000));
    r.fit.invalidPoints = skipInvalid ? InvalidPointPolicy::Skip : InvalidPointPolicy::Reject;
    if (args.has("token-param-range")) {
        const auto v = args.numberList("token-param-range");
        if (v.size() != 2 || !(v[0] >= 0 && v[1] > v[0])) throw UsageError("--token-param-range: give LO,HI with 0 <= LO < HI");
        r.ratioLo = v[0];
        r.ratioHi = v[1];
    }
    const long long k = args.integer("bootstrap", 0);
    r.wantBootstrap = k > 0;
    r.bootstrap.resamples = static_cast<int>(k);
    r.bootstrap.seed = static_cast<std::uint64_t>(args.integer("seed", 42));
    r.bootstrap.confidence = args.number("confidence", 0.95);
    r.bootstrap.threads = r.fit.threads;
    r.bootstrapStart = args.str("bootstrap-start", "best");
    if (r.bootstrapStart == "best") r.bootstrap.start = BootstrapStart::BestFit;
    else if (r.bootstrapStart == "hoffmann") {
        r.bootstrap.start = BootstrapStart::Given;
        r.bootstrap.startParams = hoffmannEstimates();
    } else if (r.bootstrapStart == "grid") {
        r.bootstrap.start = BootstrapStart::Grid;
        r.bootstrap.grid = r.fit.grid;
    } else throw UsageError("--bootstrap-start: '" + r.bootstrapStart + "' is not best, hoffmann or grid");
    r.likelihood = args.has("likelihood");
    std::string error;
    if (!r.fit.isValid(&error)) throw UsageError(error);
    if (r.wantBootstrap && !r.bootstrap.isValid(&error)) throw UsageError(error);
    return r;
}

json parametricOptionsJson(const ParametricRequest& r) {
    json search = {{"mode", r.fit.search == StartSearch::Pruned ? "pruned" : "full"}};
    if (r.fit.search == StartSearch::Pruned)
        search.update({{"screen_iterations", r.fit.screenIterations}, {"survivors", r.fit.survivors}});
    return json{{"gamma", r.fit.fitGamma ? "fit" : "1"}, {"delta", r.fit.huberDelta}, {"grid", r.gridName},
                {"search", search}, {"token_param_range", {num(r.ratioLo), num(r.ratioHi)}}, {"max_iterations", r.fit.maxIterations},
                {"bootstrap", r.wantBootstrap ? r.bootstrap.resamples : 0}, {"bootstrap_start", r.bootstrapStart},
                {"seed", r.bootstrap.seed}, {"confidence", r.bootstrap.confidence}};
}

// The reference's token_param_range filter: LO <= D/N <= HI (objective_funcs.py).
std::vector<ScalingPoint> ratioFilter(const std::vector<ScalingPoint>& in, double lo, double hi) {
    std::vector<ScalingPoint> out;
    for (const auto& p : in) {
        const double ratio = p.tokens / p.params;
        if (!std::isfinite(ratio) || (ratio >= lo && ratio <= hi)) out.push_back(p);   // invalid rows stay: screening names them
    }
    return out;
}

struct ParametricOutcome {
    ParametricFit fit;
    ParametricBootstrap bootstrap;
    HuberLikelihoodFit likelihood;
    std::vector<ScalingPoint> points;
};

// Runs the grid (and bootstrap / likelihood on request); returns false after printing an error.
bool runParametric(Context& ctx, const std::string& command, FitSession& session, const ParametricRequest& req,
                   ParametricOutcome* out, int* exitCode) {
    auto pts = session.points();
    if (!pts) {
        *exitCode = fail(ctx, command, pts.status());
        return false;
    }
    out->points = (req.ratioLo > 0 || std::isfinite(req.ratioHi)) ? ratioFilter(pts.value(), req.ratioLo, req.ratioHi)
                                                                   : pts.value();
    if (out->points.empty()) {
        *exitCode = fail(ctx, command, Status::notFound("no runs of " + session.describe() + " lie in the D/N range"));
        return false;
    }
    if (!ctx.json)
        *ctx.err << "fitting " << out->points.size() << " runs of " << session.describe() << " from "
                 << req.fit.grid.size(req.fit.fitGamma) << " starts...\n";
    out->fit = fitParametric(out->points, req.fit);
    if (!out->fit.status.isOk()) {
        *exitCode = fail(ctx, command, out->fit.status);
        return false;
    }
    if (req.wantBootstrap) {
        out->bootstrap = bootstrapParametric(out->points, out->fit, req.fit, req.bootstrap);
        if (!out->bootstrap.status.isOk()) {
            *exitCode = fail(ctx, command, out->bootstrap.status);
            return false;
        }
    }
    if (req.likelihood) out->likelihood = fitHuberLikelihood(out->points, out->fit.params, req.fit);
    return true;
}

// --- handlers -------------------------------------------------------------------------------------

int runIsoflop(Context& ctx) {
    FitSession session(ctx, fitcli::readSelection(ctx.args));
    const IsoflopOptions options = readIsoflop(ctx.args, session.selection().skipInvalid);
    auto pts = session.points();
    if (!pts) return fail(ctx, "fit isoflop", pts.status());
    const IsoflopFit fit = fitIsoflop(pts.value(), options);
    if (!fit.status.isOk()) {
        printWarnings(ctx, fit.warnings);
        return fail(ctx, "fit isoflop", fit.status);
    }
    json result = toJson(fit);
    auto id = session.storeFit("isoflop", "isoflop " + session.describe(), result, NAN, isoflopOptionsJson(options),
                               pts.value());
    if (!id) return fail(ctx, "fit isoflop", Status(id.status()).withContext("recording the fit"));
    if (ctx.json) {
        result["selection"] = session.selectionJson(pts.value());
        result["fit_id"] = id.value() ? json(id.value()) : json(nullptr);
        *ctx.out << result.dump(2) << "\n";
    } else {
        *ctx.out << session.describe() << "\n" << fit.full();
        if (id.value()) *ctx.out << "recorded as fit " << id.value() << "\n";
    }
    return kExitOk;
}

int runParametricCommand(Context& ctx) {
    FitSession session(ctx, fitcli::readSelection(ctx.args));
    const ParametricRequest req = readParametric(ctx.args, session.selection().skipInvalid);
    ParametricOutcome r;
    int code = kExitOk;
    if (!runParametric(ctx, "fit parametric", session, req, &r, &code)) return code;
    json result = toJson(r.fit);
    if (req.wantBootstrap) {
        json b = toJson(r.bootstrap);
        result["intervals"] = b["intervals"];
        result["bootstrap"] = b;
    }
    if (req.likelihood) result["likelihood"] = toJson(r.likelihood);
    auto id = session.storeFit("parametric", "L(N,D) " + session.describe(), result, r.fit.objective,
                               parametricOptionsJson(req), r.points);
    if (!id) return fail(ctx, "fit parametric", Status(id.status()).withContext("recording the fit"));
    if (ctx.json) {
        result["selection"] = session.selectionJson(r.points);
        result["fit_id"] = id.value() ? json(id.value()) : json(nullptr);
        *ctx.out << result.dump(2) << "\n";
        return kExitOk;
    }
    *ctx.out << session.describe() << "\n" << r.fit.full();
    if (req.wantBootstrap) *ctx.out << r.bootstrap.full();
    if (req.likelihood) *ctx.out << r.likelihood.brief();
    if (id.value()) *ctx.out << "recorded as fit " << id.value() << "\n";
    return kExitOk;
}

int runOptimal(Context& ctx) {
    FitSession session(ctx, fitcli::readSelection(ctx.args));
    const std::vector<double> budgets = ctx.args.numberList("compute");
    if (budgets.empty()) throw UsageError("--compute: give at least one budget in FLOPs");
    const std::string method = ctx.args.str("method", "parametric");
    json allocations = json::array();
    json out{{"method", method}};
    if (method == "isoflop") {
        const IsoflopOptions options = readIsoflop(ctx.args, session.selection().skipInvalid);
        auto pts = session.points();
        if (!pts) return fail(ctx, "optimal", pts.status());
        const IsoflopFit fit = fitIsoflop(pts.value(), options);
        if (!fit.status.isOk()) return fail(ctx, "optimal", fit.status);
        if (!fit.nOptLaw.status.isOk()) return fail(ctx, "optimal", fit.nOptLaw.status);
        printWarnings(ctx, fit.warnings);
        for (double c : budgets) {
            const double n = fit.nOptLaw.evaluate(c), d = fit.dOptLaw.evaluate(c);
            allocations.push_back(json{{"ok", true}, {"compute", c}, {"N_opt", num(n)}, {"D_opt", num(d)},
                                       {"loss", nullptr}, {"tokens_per_param", num(d / n)}});
        }
        out["n_opt_law"] = toJson(fit.nOptLaw);
        out["d_opt_law"] = toJson(fit.dOptLaw);
    } else if (method == "parametric") {
        const ParametricRequest req = readParametric(ctx.args, session.selection().skipInvalid);
        ParametricOutcome r;
        int code = kExitOk;
        if (!runParametric(ctx, "optimal", session, req, &r, &code)) return code;
        ComputeModel model;
        if (ctx.args.has("flops-per-param-token")) {
            model.flopsPerParamToken = ctx.args.number("flops-per-param-token");
            model.source = "--flops-per-param-token";
            std::string error;
            if (!model.isValid(&error)) throw UsageError(error);
        } else {
            auto derived = computeModelFromPoints(r.points);
            if (derived) model = derived.value();
            else *ctx.err << "warning: " << derived.status().message() << "; using C = 6 N D\n";
        }
        for (double c : budgets)
            allocations.push_back(toJson(computeOptimal(r.fit.params, c, model, r.bootstrap.samples, req.bootstrap.confidence)));
        out["fit"] = toJson(r.fit);
        out["flops_per_param_token"] = model.flopsPerParamToken;
        out["flops_model"] = model.source;
        printWarnings(ctx, r.fit.warnings);
    } else {
        throw UsageError("--method: '" + method + "' is not parametric or isoflop");
    }
    out["allocations"] = allocations;
    if (allocations.size() == 1)
        for (const char* key : {"compute", "N_opt", "D_opt", "loss", "tokens_per_param", "ci"})
            if (allocations[0].contains(key)) out[key] = allocations[0][key];
    if (ctx.json) {
        *ctx.out << out.dump(2) << "\n";
    } else {
        *ctx.out << "compute-optimal allocation (" << method << ", " << session.describe() << ")\n";
        if (out.contains("flops_model"))
            *ctx.out << "  C = " << fmt(out["flops_per_param_token"].get<double>(), 4) << " N D ("
                     << out["flops_model"].get<std::string>() << ")\n";
        for (const auto& a : allocations) {
            if (!a["ok"].get<bool>()) {
                *ctx.out << "  C = " << fmt(a["compute"].get<double>(), 4) << ": " << a["error"].get<std::string>() << "\n";
                continue;
            }
            *ctx.out << "  C = " << fmt(a["compute"].get<double>(), 4) << ": N* = " << fmt(a["N_opt"].get<double>(), 4)
                     << ", D* = " << fmt(a["D_opt"].get<double>(), 4) << " (D/N = "
                     << fmt(a["tokens_per_param"].get<double>(), 4) << ")";
            if (!a["loss"].is_null()) *ctx.out << ", loss " << fmt(a["loss"].get<double>(), 5);
            *ctx.out << "\n";
        }
    }
    for (const auto& a : allocations)
        if (!a["ok"].get<bool>()) return kExitFailure;
    return kExitOk;
}

int runContext(Context& ctx) {
    FitSession session(ctx, fitcli::readSelection(ctx.args));
    IsoflopOptions options = readIsoflop(ctx.args, session.selection().skipInvalid);
    if (!ctx.args.has("budget-range")) {
        options.fitRangeLo = analysis::kPaperBudgetLo;   // the paper's context-study range
        options.fitRangeHi = analysis::kPaperBudgetHi;
    }
    auto pts = session.points();
    if (!pts) return fail(ctx, "fit context", pts.status());
    const ContextStudy st = fitContextStudy(pts.value(), options);
    if (!st.status.isOk()) return fail(ctx, "fit context", st.status);
    json result = toJson(st);
    auto id = session.storeFit("context", "context study " + session.describe(), result, NAN, isoflopOptionsJson(options),
                               pts.value());
    if (!id) return fail(ctx, "fit context", Status(id.status()).withContext("recording the fit"));
    if (ctx.json) {
        result["selection"] = session.selectionJson(pts.value());
        result["fit_id"] = id.value() ? json(id.value()) : json(nullptr);
        *ctx.out << result.dump(2) << "\n";
    } else {
        *ctx.out << session.describe() << "\n" << st.brief();
        printWarnings(ctx, st.warnings);
    }
    return kExitOk;
}

int runSlopes(Context& ctx) {
    FitSession session(ctx, fitcli::readSelection(ctx.args));
    std::vector<double> ratios = analysis::kPaperTokenParamRatios;
    if (ctx.args.has("ratios")) ratios = ctx.args.numberList("ratios");
    const double tol = ctx.args.number("ratio-tolerance", analysis::kPaperRatioTolerance);
    auto pts = session.points();
    if (!pts) return fail(ctx, "fit slopes", pts.status());
    const TokenParamSlopes s = fitTokenParamSlopes(pts.value(), ratios, tol);
    if (!s.status.isOk()) return fail(ctx, "fit slopes", s.status);
    json result = toJson(s);
    auto id = session.storeFit("slopes", "token/param slopes " + session.describe(), result, NAN,
                               json{{"ratios", ratios}, {"tolerance", tol}}, pts.value());
    if (!id) return fail(ctx, "fit slopes", Status(id.status()).withContext("recording the fit"));
    if (ctx.json) {
        result["selection"] = session.selectionJson(pts.value());
        result["fit_id"] = id.value() ? json(id.value()) : json(nullptr);
        *ctx.out << result.dump(2) << "\n";
    } else {
        *ctx.out << session.describe() << ": ln L = s ln C + i per token/param ratio\n" << s.brief();
        printWarnings(ctx, s.warnings);
    }
    return kExitOk;
}

}  // namespace

void registerFitCommands(Registry& registry) {
    registry.addGroup("fit", "scaling-law fits: IsoFLOP parabolas and power laws, parametric L(N, D), context study, slopes");
    const auto sel = fitcli::selectionOptions();

    Command iso;
    iso.path = "fit isoflop";
    iso.summary = "IsoFLOP parabolas per budget and the power laws N* = A C^a, D* = B C^b";
    iso.description =
        "Chinchilla approach 2 (scaling-laws.md 7): runs are assigned to budgets (|C - H| < 0.1 H), loss is fitted "
        "by a parabola in log10 N and in log10 D per budget, and the vertices give N*, D*, L*; the laws are "
        "log-log regressions over the budgets in --budget-range. Select one architecture and context.";
    iso.options = with(sel, isoflopOptions());
    iso.usesDatabase = true;
    iso.handler = runIsoflop;
    registry.add(iso);

    Command par;
    par.path = "fit parametric";
    par.summary = "parametric L(N, D) = E + (A N^-alpha + B D^-beta)^gamma from the paper's start grid";
    par.description =
        "Chinchilla approach 3 with the outer exponent gamma (scaling-laws.md 8): summed Huber loss on log-loss, "
        "one L-BFGS minimisation per start of the initialisation grid on all cores; the lowest objective wins "
        "(ties: the lower start index). --bootstrap K adds Epoch AI-style percentile intervals (section 9).";
    par.options = with(sel, parametricOptions());
    par.usesDatabase = true;
    par.handler = runParametricCommand;
    registry.add(par);

    Command ctxStudy;
    ctxStudy.path = "fit context";
    ctxStudy.summary = "context-length study: IsoFLOP fits per context and N*(T) = A T^a per budget";
    ctxStudy.description =
        "scaling-laws.md 11: select one architecture and the IsoFLOP sets of several contexts. The C laws use "
        "budgets in [5e18, 5e19] unless --budget-range says otherwise.";
    ctxStudy.options = with(sel, isoflopOptions());
    ctxStudy.usesDatabase = true;
    ctxStudy.handler = runContext;
    registry.add(ctxStudy);

    Command slopes;
    slopes.path = "fit slopes";
    slopes.summary = "loss-compute slopes at fixed token/param ratio (over-training)";
    slopes.description = "scaling-laws.md 10: ln L = s ln C + i per preset D/N ratio (runs within 18% of it).";
    slopes.options = with(sel, {{"ratios", "R[,R...]", "preset D/N ratios", "22,44,110,220,550,1100", "Slopes"},
                                {"ratio-tolerance", "F", "relative distance to a preset", "0.18", "Slopes"}});
    slopes.usesDatabase = true;
    slopes.handler = runSlopes;
    registry.add(slopes);

    Command opt;
    opt.path = "optimal";
    opt.summary = "compute-optimal N*, D* and loss for a compute budget";
    opt.description =
        "From a parametric fit (default; C = k N D with k the median C/(N D) of the fitted runs, which carries "
        "the paper's accounting at their context, or --flops-per-param-token) or from the IsoFLOP power laws "
        "(--method isoflop). --bootstrap K adds intervals to the parametric allocation.";
    opt.options = with(with(sel, {{"compute", "C[,C...]", "compute budget(s) in FLOPs", "", "Optimum"},
                                  {"method", "parametric|isoflop", "which fit gives the allocation", "parametric", "Optimum"},
                                  {"flops-per-param-token", "K", "C = K N D instead of the runs' median", "", "Optimum"}}),
                       parametricOptions());
    // isoflop-only options that do not clash with the parametric ones
    for (const auto& o : isoflopOptions())
        if (o.name == "budgets" || o.name == "budget-range" || o.name == "tolerance") opt.options.push_back(o);
    opt.usesDatabase = true;
    opt.handler = runOptimal;
    registry.add(opt);
}

}  // namespace seqscope::cli
