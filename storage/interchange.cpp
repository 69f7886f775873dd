// SPDX-License-Identifier: MIT
// Bundle <-> Store (interchange.h): selecting what to export and writing an import in one
// transaction with run ids remapped.
#include "storage/interchange.h"

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "storage/store.h"

namespace seqscope::storage {

Result<std::string> readTextFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status::io("cannot read '" + path + "'");
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) return Status::io("error while reading '" + path + "'");
    return text.str();
}

Result<Bundle> loadBundle(Store& store, const ExportOptions& options) {
    Bundle bundle;
    RunFilter filter;
    filter.ids = options.runIds;
    auto runs = store.runs(filter);
    if (!runs) return runs.status();
    if (!options.runIds.empty()) {
        std::set<long long> found;
        for (const auto& r : *runs) found.insert(r.id);
        for (long long id : options.runIds)
            if (!found.count(id)) return Status::notFound("no run with id " + std::to_string(id));
    }
    auto sweeps = store.sweeps();
    if (!sweeps) return sweeps.status();
    std::map<long long, const SweepRecord*> sweepById;
    for (const auto& s : *sweeps) sweepById[s.id] = &s;
    std::set<long long> usedSweeps;

    auto names = store.metricNames();
    if (!names) return names.status();
    std::map<int, std::string> nameById;
    for (const auto& n : *names) nameById[n.id] = n.name;

    std::set<long long> exported;
    for (auto& run : *runs) {
        BundleRun br;
        br.run = run;
        exported.insert(run.id);
        if (run.sweepId && sweepById.count(run.sweepId)) {
            br.sweepName = sweepById[run.sweepId]->name;
            usedSweeps.insert(run.sweepId);
        }
        if (options.metrics) {
            auto rows = store.metricsAfterStep({run.id}, -1);
            if (!rows) return rows.status();
            br.metrics.reserve(rows->size());
            for (const auto& r : *rows)
                br.metrics.push_back({r.step, r.tokens, r.flops, r.wallTime, nameById[r.nameId], r.value});
        }
        bundle.runs.push_back(std::move(br));
    }
    for (const auto& s : *sweeps)
        if (usedSweeps.count(s.id) || options.runIds.empty()) bundle.sweeps.push_back(s);
    if (options.fits) {
        auto fits = store.fits();
        if (!fits) return fits.status();
        for (const auto& f : *fits) {
            bool complete = true;
            for (long long id : f.inputRuns) complete = complete && exported.count(id);
            // A fit on reference data only (no input runs) belongs to a full export, not a run selection.
            if (complete && (!f.inputRuns.empty() || options.runIds.empty())) bundle.fits.push_back(f);
        }
    }
    if (options.benchmarkPoints && options.runIds.empty()) {
        auto points = store.benchmarkPoints();
        if (!points) return points.status();
        bundle.benchmarkPoints = std::move(*points);
    }
    return bundle;
}

Result<ImportSummary> saveBundle(Store& store, const Bundle& bundle) {
    ImportSummary summary;
    Status s = store.transact([&]() -> Status {
        summary = ImportSummary{};
        std::map<std::string, long long> sweepIds;
        for (const auto& sweep : bundle.sweeps) {
            auto existing = store.sweepByName(sweep.name);
            if (existing) {
                sweepIds[sweep.name] = existing->id;
                continue;
            }
            if (existing.status().code() != StatusCode::NotFound) return existing.status();
            auto id = store.createSweep(sweep);
            if (!id) return id.status();
            sweepIds[sweep.name] = *id;
            ++summary.sweeps;
        }
        std::map<long long, long long> runIds;   // source id -> new id
        for (const auto& br : bundle.runs) {
            RunRecord run = br.run;
            run.sweepId = 0;
            if (!br.sweepName.empty()) {
                auto it = sweepIds.find(br.sweepName);
                if (it == sweepIds.end()) {
                    auto existing = store.sweepByName(br.sweepName);
                    if (!existing) return Status(existing.status()).withContext("run '" + run.name + "'");
                    it = sweepIds.emplace(br.sweepName, existing->id).first;
                }
                run.sweepId = it->second;
            }
            if (run.status == RunStatus::Running) {
                run.status = RunStatus::Interrupted;
                run.failureReason = "imported while it was running on " + (run.host.empty() ? "another host" : run.host);
            }
            auto id = store.createRun(run);
            if (!id) return Status(id.status()).withContext("importing run '" + run.name + "'");
            runIds[br.run.id] = *id;
            summary.newRunIds.push_back(*id);
            ++summary.runs;
            if (Status m = store.appendMetrics(*id, br.metrics); !m) return m;
            summary.metrics += static_cast<long long>(br.metrics.size());
        }
        for (FitRecord fit : bundle.fits) {
            for (long long& id : fit.inputRuns) {
                auto it = runIds.find(id);
                if (it == runIds.end())
                    return Status::invalid("fit '" + fit.label + "' uses run " + std::to_string(id) + ", which the import does not contain");
                id = it->second;
            }
            auto id = store.addFit(fit);
            if (!id) return id.status();
            ++summary.fits;
        }
        for (const auto& p : bundle.benchmarkPoints) {
            auto id = store.addBenchmarkPoint(p);
            if (!id) return id.status();
            ++summary.benchmarkPoints;
        }
        return Status::ok();
    });
    if (!s) return s.withContext("import rolled back, nothing was written");
    return summary;
}

}  // namespace seqscope::storage
