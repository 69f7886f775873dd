// SPDX-License-Identifier: MIT
#include "runs/sweep_runs.h"

#include <nlohmann/json.hpp>

#include <ctime>

#include "runs/run_resolver.h"

namespace seqscope::runs {

using nlohmann::json;

std::string defaultSweepName(const std::string& kind) {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[64];
    std::strftime(buf, sizeof buf, "%Y%m%d-%H%M%S", &tm);
    return kind + "-" + buf;
}

std::string sweepRequestJson(const training::SweepOptions& o, const std::string& kind, int workers) {
    json archs = json::array();
    for (auto a : o.archs) archs.push_back(analysis::archName(a));
    json j{{"kind", kind}, {"archs", archs}, {"contexts", o.contexts}, {"data", o.base.data}, {"seed", o.base.seed},
           {"workers", workers}};
    if (kind == "isoflop") {
        j["budgets"] = o.budgets;
        j["sizes"] = o.sizes;
        j["target_ratio"] = o.targetRatio;
        j["span"] = o.span;
    } else {
        j["ratios"] = o.ratios;
        j["size_targets"] = o.sizeTargets;
    }
    return j.dump();
}

Result<storage::SweepRecord> createSweep(storage::Store& store, const std::string& dbPath, const training::SweepPlan& plan,
                                         const std::string& requestJson, const std::string& name, const std::string& checkpointRoot) {
    // Every run is checked before anything is written.
    std::vector<ResolvedRun> resolved;
    for (const auto& r : plan.runs) {
        if (!r.plan.status) continue;
        auto run = finishConfig(r.config, r.label, {"sweep:" + name, plan.kind});
        if (!run) return Status(run.status()).withContext(r.label);
        run->checkpointRoot = checkpointRoot;
        resolved.push_back(std::move(*run));
    }
    storage::SweepRecord sweep;
    sweep.name = name;
    sweep.planJson = requestJson;
    Status created = store.transact([&]() -> Status {
        auto id = store.createSweep(sweep);
        if (!id) return id.status();
        sweep.id = *id;
        // Every run is created up front (queued), so an interrupted sweep knows what is left.
        for (auto& run : resolved)
            if (auto runId = createRun(store, dbPath, &run, sweep.id); !runId) return runId.status();
        return {};
    });
    if (!created) return Status(created).withContext("creating the sweep");
    return sweep;
}

bool needsTraining(storage::RunStatus s) {
    return s == storage::RunStatus::Queued || s == storage::RunStatus::Cancelled || s == storage::RunStatus::Interrupted ||
           s == storage::RunStatus::Failed;
}

Result<std::vector<storage::RunRecord>> pendingSweepRuns(storage::Store& store, long long sweepId) {
    storage::RunFilter f;
    f.sweepId = sweepId;
    auto runs = store.runs(f);
    if (!runs) return runs.status();
    std::vector<storage::RunRecord> todo;
    for (const auto& r : *runs)
        if (needsTraining(r.status)) todo.push_back(r);
    return todo;
}

}  // namespace seqscope::runs
