// SPDX-License-Identifier: MIT
// The last step of `seqscope-cli sweep`: the sweep's finished runs become scaling points (N and D
// from the plan, loss = final val_loss), grouped by architecture and context, fitted (IsoFLOP
// parabolas + power laws, or token/param slopes) and stored as fits.
#include "cli/sweep_fit.h"

#include <cmath>
#include <map>
#include <ostream>

#include "analysis/isoflop_fit.h"
#include "analysis/scaling_point.h"
#include "analysis/tokenparam_slopes.h"
#include "cli/fit_support.h"
#include "common/metric_names.h"
#include "training/training_config.h"

namespace seqscope::cli {
namespace {

using nlohmann::json;

struct Group {
    std::string arch;
    long long ctx = 0;
    std::vector<analysis::ScalingPoint> points;
    std::vector<long long> runIds;
};

Result<std::map<std::pair<std::string, long long>, Group>> finishedPoints(storage::Store& store, long long sweepId) {
    storage::RunFilter f;
    f.sweepId = sweepId;
    f.status = storage::RunStatus::Finished;
    auto runs = store.runs(f);
    if (!runs) return runs.status();
    std::map<std::pair<std::string, long long>, Group> groups;
    for (const auto& r : *runs) {
        auto config = training::trainingConfigFromJson(r.configJson);
        if (!config) continue;
        const auto plan = training::planTraining(*config);
        auto summary = store.metricSummary(r.id);
        if (!summary) return summary.status();
        double loss = NAN;
        for (const auto& m : *summary)
            if (m.name == metrics::kValLoss) loss = m.lastValue;
        if (!std::isfinite(loss) || !plan.status) continue;
        analysis::ScalingPoint p;
        p.arch = r.arch;
        p.ctx = r.ctx;
        p.run = std::to_string(r.id);
        p.params = static_cast<double>(plan.params);
        p.tokens = plan.tokens;
        p.flops = plan.flops;
        p.loss = loss;
        p.budget = config->budgetKind == training::BudgetKind::Flops ? config->budget : 0;
        p.sourceRow = static_cast<int>(r.id);
        auto& g = groups[{r.arch, r.ctx}];
        g.arch = r.arch;
        g.ctx = r.ctx;
        g.points.push_back(p);
        g.runIds.push_back(r.id);
    }
    return groups;
}

}  // namespace

Status fitSweep(Context& ctx, storage::Store& store, const storage::SweepRecord& sweep, nlohmann::json* out) {
    const json plan = json::parse(sweep.planJson, nullptr, false);
    const std::string kind = plan.is_object() ? plan.value("kind", "isoflop") : "isoflop";
    auto groups = finishedPoints(store, sweep.id);
    if (!groups) return groups.status();
    json fits = json::array();
    for (auto& [key, g] : *groups) {
        storage::FitRecord rec;
        rec.inputRuns = g.runIds;
        rec.selectionJson = json{{"sweep", sweep.name}, {"arch", g.arch}, {"ctx", g.ctx}, {"runs", g.runIds}}.dump();
        json params;
        std::string brief;
        bool ok = false;
        if (kind == "isoflop") {
            analysis::IsoflopOptions o;
            if (plan.contains("budgets")) o.budgets = plan["budgets"].get<std::vector<double>>();
            const auto fit = analysis::fitIsoflop(g.points, o);
            ok = fit.status.isOk();
            params = fitcli::toJson(fit);
            brief = ok ? fit.brief() : fit.status.message() + "\n";
            rec.kind = "isoflop";
            rec.label = "sweep " + sweep.name + ": isoflop " + g.arch + " ctx " + std::to_string(g.ctx);
            rec.optionsJson = json{{"budgets", o.budgets}, {"tolerance", o.tolerance}}.dump();
        } else {
            std::vector<double> ratios = plan.contains("ratios") ? plan["ratios"].get<std::vector<double>>() : std::vector<double>{};
            const auto s = analysis::fitTokenParamSlopes(g.points, ratios, 0.18);
            ok = s.status.isOk();
            params = fitcli::toJson(s);
            brief = ok ? s.brief() : s.status.message() + "\n";
            rec.kind = "slopes";
            rec.label = "sweep " + sweep.name + ": token/param slopes " + g.arch + " ctx " + std::to_string(g.ctx);
            rec.optionsJson = json{{"ratios", ratios}, {"tolerance", 0.18}}.dump();
        }
        json entry{{"arch", g.arch}, {"ctx", g.ctx}, {"runs", g.runIds}, {"ok", ok}, {"fit", params}};
        if (ok) {
            rec.paramsJson = params.dump();
            auto id = store.addFit(rec);
            if (!id) return Status(id.status()).withContext("storing the fit");
            entry["fit_id"] = *id;
        }
        fits.push_back(entry);
        if (!ctx.json) *ctx.out << "\n" << g.arch << " T=" << g.ctx << " (" << g.points.size() << " runs):\n" << brief;
    }
    if (groups->empty() && !ctx.json) *ctx.out << "no finished runs to fit\n";
    (*out)["fits"] = fits;
    return {};
}


}  // namespace seqscope::cli
