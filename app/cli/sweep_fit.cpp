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
#include "workspace/scaling_points.h"

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
    auto points = workspace::finishedRunPoints(store, f);
    if (!points) return points.status();
    std::map<std::pair<std::string, long long>, Group> groups;
    for (auto& p : *points) {
        auto& g = groups[{p.arch, p.ctx}];
        g.arch = p.arch;
        g.ctx = p.ctx;
        g.runIds.push_back(std::stoll(p.run));
        g.points.push_back(std::move(p));
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
            const auto s = analysis::fitTokenParamSlopes(g.points, ratios, analysis::kPaperRatioTolerance);
            ok = s.status.isOk();
            params = fitcli::toJson(s);
            brief = ok ? s.brief() : s.status.message() + "\n";
            rec.kind = "slopes";
            rec.label = "sweep " + sweep.name + ": token/param slopes " + g.arch + " ctx " + std::to_string(g.ctx);
            rec.optionsJson = json{{"ratios", ratios}, {"tolerance", analysis::kPaperRatioTolerance}}.dump();
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
