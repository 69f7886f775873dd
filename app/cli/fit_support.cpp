// SPDX-License-Identifier: MIT
// Run selection, JSON conversion and fit recording for the fit commands.
#include "cli/fit_support.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

#include "common/version.h"
#include "storage/results_table.h"
#include "workspace/scaling_points.h"
#include "workspace/scaling_sources.h"
#include "workspace/workspace.h"

namespace seqscope::cli::fitcli {

using nlohmann::json;

std::vector<OptionSpec> selectionOptions() {
    const std::string g = "Data";
    return {
        {"source", "NAME", "a stored dataset (xlstm-paper, chinchilla, imported ones), runs, sweep:ID or tag:TAG", "", g},
        {"dataset", "NAME", "same as --source NAME (a stored dataset)", "", g},
        {"csv", "FILE", "results-table CSV instead of a stored dataset", "", g},
        {"arch", "A", "architecture (xlstm|transformer or the dataset's label)", "all", g},
        {"ctx", "T", "context length", "all", g},
        {"set", "S[,S...]", "experiment set(s), e.g. isoflop_ctx8192", "all", g},
        {"all-runs", "", "also use rows the dataset marks included = 0", "", g},
        {"skip-invalid", "", "drop rows with missing or non-positive N, D, C or loss (warned) instead of failing", "", g},
        {"no-store", "", "do not record the fit in the database", "", g},
    };
}

std::string normaliseArch(const std::string& label) {
    std::string s = label;
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    if (s == "xlstm" || s == "mlstm" || s == "mlstm_v1") return "xlstm";
    if (s == "transformer" || s == "llama") return "transformer";
    return s;
}

Selection readSelection(const Args& args) {
    Selection s;
    if (int(args.has("source")) + int(args.has("dataset")) + int(args.has("csv")) != 1)
        throw UsageError("give exactly one of --source NAME (--dataset NAME) or --csv FILE");
    s.dataset = args.has("source") ? args.str("source") : args.str("dataset");
    if (!s.dataset.empty())
        if (auto parsed = workspace::parseScalingSource(s.dataset); !parsed) throw UsageError(parsed.status().message());
    s.csvPath = args.str("csv");
    if (args.has("arch")) s.arch = normaliseArch(args.str("arch"));
    if (args.has("set")) s.sets = args.list("set");
    s.ctx = args.integer("ctx", 0);
    if (s.ctx < 0) throw UsageError("--ctx: '" + args.str("ctx") + "' must be a positive context length");
    s.allRuns = args.has("all-runs");
    s.skipInvalid = args.has("skip-invalid");
    s.store = !args.has("no-store");
    return s;
}

Result<storage::Store*> FitSession::store() {
    if (!m_store) {
        auto opened = workspace::openWorkspace(m_ctx.dbPath);
        if (!opened) return opened.status();
        m_store = std::move(opened.value());
    }
    return m_store.get();
}

std::string FitSession::describe() const {
    std::string s = m_selection.dataset.empty() ? m_selection.csvPath : m_selection.dataset;
    std::vector<std::string> f;
    if (!m_selection.arch.empty()) f.push_back("arch " + m_selection.arch);
    if (m_selection.ctx) f.push_back("ctx " + std::to_string(m_selection.ctx));
    if (!m_selection.sets.empty()) {
        std::string sets;
        for (const auto& x : m_selection.sets) sets += (sets.empty() ? "" : ",") + x;
        f.push_back("set " + sets);
    }
    if (m_selection.allRuns) f.push_back("all runs");
    if (!f.empty()) {
        s += " [";
        for (size_t i = 0; i < f.size(); ++i) s += (i ? ", " : "") + f[i];
        s += "]";
    }
    return s;
}

Result<std::vector<analysis::ScalingPoint>> FitSession::points() {
    std::vector<storage::ResultRow> rows;
    if (!m_selection.csvPath.empty()) {
        std::ifstream in(m_selection.csvPath, std::ios::binary);
        if (!in) return Status::notFound("cannot read " + m_selection.csvPath);
        std::ostringstream text;
        text << in.rdbuf();
        auto parsed = storage::parseResultsTable(text.str(), m_selection.csvPath);
        if (!parsed) return parsed.status();
        rows = std::move(parsed.value());
    }
    // Loaded unfiltered by context so a filter that matches nothing can say what there is.
    workspace::PointFilter filter;
    filter.includeExcluded = m_selection.allRuns;
    std::vector<analysis::ScalingPoint> all;
    if (!m_selection.csvPath.empty()) {
        all = workspace::toScalingPoints(rows, filter);
    } else {   // a dataset or the runs of this database, the same way the workbench reads them
        auto st = store();
        if (!st) return st.status();
        auto got = workspace::loadSourcePoints(*st.value(), *workspace::parseScalingSource(m_selection.dataset), filter);
        if (!got) return got.status();
        all = std::move(got.value());
        for (const auto& p : all) {
            storage::ResultRow r;   // for the "what there is" message below
            r.arch = p.arch;
            r.set = p.set;
            r.ctx = p.ctx;
            rows.push_back(r);
        }
    }
    std::vector<analysis::ScalingPoint> out;
    for (auto& p : all) {
        if (m_selection.ctx && p.ctx != m_selection.ctx) continue;
        if (!m_selection.arch.empty() && normaliseArch(p.arch) != m_selection.arch) continue;
        if (!m_selection.sets.empty() &&
            std::find(m_selection.sets.begin(), m_selection.sets.end(), p.set) == m_selection.sets.end())
            continue;
        out.push_back(std::move(p));
    }
    if (out.empty()) {
        // Say what there is, so the user can fix the filter.
        std::set<std::string> archs, sets;
        std::set<long long> ctxs;
        for (const auto& r : rows) {
            archs.insert(normaliseArch(r.arch));
            sets.insert(r.set.empty() ? "<none>" : r.set);
            ctxs.insert(r.ctx);
        }
        auto join = [](const auto& c) {
            std::ostringstream o;
            bool first = true;
            for (const auto& x : c) {
                o << (first ? "" : ", ") << x;
                first = false;
            }
            return o.str();
        };
        return Status::notFound("no runs match " + describe() + " (" + std::to_string(rows.size()) +
                                " rows; arch: " + join(archs) + "; ctx: " + join(ctxs) + "; set: " + join(sets) + ")");
    }
    return out;
}

json FitSession::selectionJson(const std::vector<analysis::ScalingPoint>& points) const {
    json rows = json::array();
    for (const auto& p : points) rows.push_back(p.sourceRow);
    json j{{"arch", m_selection.arch.empty() ? json(nullptr) : json(m_selection.arch)},
           {"ctx", m_selection.ctx ? json(m_selection.ctx) : json(nullptr)},
           {"sets", m_selection.sets},
           {"all_runs", m_selection.allRuns},
           {"runs", points.size()},
           {"rows", rows}};
    if (!m_selection.dataset.empty()) {
        j["source"] = m_selection.dataset;
        if (workspace::parseScalingSource(m_selection.dataset)->kind == workspace::ScalingSource::Kind::Dataset)
            j["dataset"] = m_selection.dataset;
    } else {
        j["csv"] = m_selection.csvPath;
    }
    j["seqscope_version"] = kVersion;   // provenance: which program fitted it
    return j;
}

Result<long long> FitSession::storeFit(const std::string& kind, const std::string& label, const json& params,
                                       double objective, const json& options,
                                       const std::vector<analysis::ScalingPoint>& points) {
    if (!m_selection.store) return 0LL;
    auto st = store();
    if (!st) return st.status();
    storage::FitRecord rec;
    rec.kind = kind;
    rec.label = label;
    rec.selectionJson = selectionJson(points).dump();
    rec.paramsJson = params.dump();
    rec.objective = objective;
    rec.optionsJson = options.dump();
    return st.value()->addFit(rec);
}

// --- JSON -----------------------------------------------------------------------------------------

json num(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }

json toJson(const analysis::Interval& iv) {
    return json{{"lo", num(iv.lo)}, {"hi", num(iv.hi)}, {"stderr", num(iv.stdError)}, {"samples", iv.samples}};
}

json toJson(const analysis::PowerLawFit& f) {
    if (!f.status.isOk()) return json{{"ok", false}, {"error", f.status.message()}};
    json x = json::array(), y = json::array();
    for (size_t i = 0; i < f.x.size(); ++i) {
        x.push_back(f.x[i]);
        y.push_back(f.y[i]);
    }
    return json{{"ok", true},           {"A", num(f.A)},          {"a", num(f.a)},
                {"A_stderr", num(f.AStdError)}, {"a_stderr", num(f.aStdError)}, {"lnA_stderr", num(f.lnAStdError)},
                {"r_squared", num(f.rSquared)}, {"points", f.points},   {"x", x},
                {"y", y},                 {"warnings", f.warnings}};
}

namespace {

json parabolaJson(const analysis::Parabola& p) {
    return json{{"a", num(p.a)},
                {"b", num(p.b)},
                {"c", num(p.c)},
                {"a_stderr", num(p.aStdError)},
                {"b_stderr", num(p.bStdError)},
                {"c_stderr", num(p.cStdError)},
                {"vertex_log10", num(p.vertexLog10)},
                {"log10_range", {num(p.log10Min), num(p.log10Max)}},
                {"minimum_valid", p.minimumValid},
                {"problem", p.problem}};
}

json paramsJson(const analysis::ParametricParams& p, bool gamma) {
    json j{{"E", num(p.E())}, {"A", num(p.A())}, {"B", num(p.B())}, {"alpha", num(p.alpha)}, {"beta", num(p.beta)},
           {"gamma", num(gamma ? p.gamma : 1.0)}, {"a", num(p.a)}, {"b", num(p.b)}, {"e", num(p.e)}};
    return j;
}

}  // namespace

json toJson(const analysis::IsoflopFit& f) {
    json budgets = json::array();
    for (const auto& b : f.budgets) {
        budgets.push_back(json{
            {"budget", num(b.budget)},
            {"compute", num(b.compute)},
            {"n_runs", b.runs},
            {"rows", b.sourceRows},
            {"N_opt", num(b.nOpt)},
            {"D_opt", num(b.dOpt)},
            {"L_opt", num(b.lossOpt)},
            {"L_opt_from_D", num(b.inD.lossOpt)},
            {"usable", b.usable},
            {"in_fit_range", b.inFitRange},
            {"a", num(b.inN.a)},
            {"b", num(b.inN.b)},
            {"c", num(b.inN.c)},
            {"coefficients", {{"N", parabolaJson(b.inN)}, {"D", parabolaJson(b.inD)}}},
            {"ci",
             {{"N_opt", toJson(b.nOptInterval)},
              {"D_opt", toJson(b.dOptInterval)},
              {"L_opt", toJson(b.lossOptInterval)},
              {"log10_N_opt_stderr", num(b.nOptLog10StdError)},
              {"log10_D_opt_stderr", num(b.dOptLog10StdError)},
              {"failed_resamples", b.bootstrapFailures}}},
            {"warnings", b.warnings}});
    }
    return json{{"budgets", budgets},
                {"n_opt_law", toJson(f.nOptLaw)},
                {"d_opt_law", toJson(f.dOptLaw)},
                {"unassigned_rows", f.unassignedRows},
                {"runs_used", f.pointsUsed},
                {"options",
                 {{"tolerance", f.options.tolerance},
                  {"budget_range", {num(f.options.fitRangeLo), num(f.options.fitRangeHi)}},
                  {"bootstrap", f.options.bootstrap},
                  {"seed", f.options.seed},
                  {"confidence", f.options.confidence}}},
                {"warnings", f.warnings}};
}

json toJson(const analysis::ParametricFit& f) {
    json j = paramsJson(f.params, f.fitGamma);
    j["gamma_fitted"] = f.fitGamma;
    j["huber_delta"] = f.huberDelta;
    j["objective"] = num(f.objective);
    j["start"] = f.winningStart;
    j["start_params"] = {{"a", f.winningInit.a},         {"b", f.winningInit.b},       {"e", f.winningInit.e},
                         {"alpha", f.winningInit.alpha}, {"beta", f.winningInit.beta}, {"gamma", f.winningInit.gamma}};
    j["starts"] = f.starts;
    j["reached_optimum"] = f.reachedOptimum;
    j["terminations"] = {{"converged", f.converged}, {"stalled", f.stalled}, {"max_iterations", f.maxIterations},
                         {"failed", f.failed}};
    j["spread"] = {{"alpha", {num(f.spreadMin.alpha), num(f.spreadMax.alpha)}},
                   {"beta", {num(f.spreadMin.beta), num(f.spreadMax.beta)}},
                   {"E", {num(f.spreadMin.E()), num(f.spreadMax.E())}}};
    j["a_opt"] = num(f.params.nExponent());
    j["b_opt"] = num(f.params.dExponent());
    j["points"] = f.points;
    j["rmse_log_loss"] = num(f.rmseLogLoss);
    j["mae_loss"] = num(f.maeLoss);
    j["threads"] = f.threads;
    j["seconds"] = f.seconds;
    j["warnings"] = f.warnings;
    return j;
}

json toJson(const analysis::ParametricBootstrap& b) {
    json iv = json::object();
    for (const auto& i : b.intervals) {
        json x = toJson(i.interval);
        x["estimate"] = num(i.estimate);
        iv[i.name] = x;
    }
    json cov = json::array();
    const size_t k = b.logNames.size();
    for (size_t r = 0; r < k && b.logCovariance.size() == k * k; ++r) {
        json row = json::array();
        for (size_t c = 0; c < k; ++c) row.push_back(num(b.logCovariance[r * k + c]));
        cov.push_back(row);
    }
    json covLin = json::array();
    for (size_t r = 0; r < k && b.linearCovariance.size() == k * k; ++r) {
        json row = json::array();
        for (size_t c = 0; c < k; ++c) row.push_back(num(b.linearCovariance[r * k + c]));
        covLin.push_back(row);
    }
    return json{{"resamples", b.resamples},
                {"succeeded", b.succeeded},
                {"confidence", b.confidence},
                {"intervals", iv},
                {"covariance", {{"names", b.logNames}, {"matrix", cov}}},
                {"covariance_linear", {{"names", b.linearNames}, {"matrix", covLin}}},
                {"a_opt_delta_stderr", num(b.aOptDeltaStdError)},
                {"seconds", b.seconds},
                {"warnings", b.warnings}};
}

json toJson(const analysis::HuberLikelihoodFit& f) {
    if (!f.status.isOk()) return json{{"ok", false}, {"error", f.status.message()}};
    json j = paramsJson(f.params, true);
    j["ok"] = true;
    j["scale"] = num(f.scale);
    j["neg_log_likelihood"] = num(f.negLogLikelihood);
    j["iterations"] = f.iterations;
    return j;
}

json toJson(const analysis::OptimalAllocation& a) {
    if (!a.status.isOk()) return json{{"ok", false}, {"compute", num(a.compute)}, {"error", a.status.message()}};
    json j{{"ok", true},
           {"compute", num(a.compute)},
           {"N_opt", num(a.params)},
           {"D_opt", num(a.tokens)},
           {"loss", num(a.loss)},
           {"tokens_per_param", num(a.tokensPerParam)},
           {"flops_per_param_token", num(a.flopsPerParamToken)}};
    if (a.paramsInterval.samples > 0)
        j["ci"] = {{"N_opt", toJson(a.paramsInterval)}, {"D_opt", toJson(a.tokensInterval)}, {"loss", toJson(a.lossInterval)}};
    return j;
}

json toJson(const analysis::ContextStudy& s) {
    json per = json::array();
    for (size_t i = 0; i < s.contexts.size(); ++i) {
        json f = toJson(s.perContext[i]);
        f["ctx"] = s.contexts[i];
        per.push_back(f);
    }
    json budgets = json::array();
    for (const auto& l : s.perBudget) {
        json n = json::array(), d = json::array(), lo = json::array();
        for (size_t i = 0; i < l.contexts.size(); ++i) {
            n.push_back(num(l.nOpt[i]));
            d.push_back(num(l.dOpt[i]));
            lo.push_back(num(l.lossOpt[i]));
        }
        budgets.push_back(json{{"budget", num(l.budget)},
                               {"contexts", l.contexts},
                               {"N_opt", n},
                               {"D_opt", d},
                               {"L_opt", lo},
                               {"n_opt_law", toJson(l.nOptLaw)},
                               {"d_opt_law", toJson(l.dOptLaw)}});
    }
    return json{{"contexts", s.contexts}, {"per_context", per}, {"per_budget", budgets}, {"warnings", s.warnings}};
}

json toJson(const analysis::TokenParamSlopes& s) {
    json out = json::array();
    for (const auto& x : s.slopes) {
        json law = toJson(x.law);
        out.push_back(json{{"ratio", x.ratio}, {"rows", x.sourceRows}, {"slope", num(x.law.a)},
                           {"slope_stderr", num(x.law.aStdError)}, {"law", law}});
    }
    return json{{"slopes", out}, {"unassigned_rows", s.unassignedRows}, {"warnings", s.warnings}};
}

}  // namespace seqscope::cli::fitcli
