// SPDX-License-Identifier: MIT
// Scaling sources (see scaling_sources.h): one parser, one list, one loader for the CLI and the GUI.
#include "workspace/scaling_sources.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace seqscope::workspace {

std::string ScalingSource::key() const {
    switch (kind) {
        case Kind::Runs: return "runs";
        case Kind::Sweep: return "sweep:" + name;
        case Kind::Tag: return "tag:" + name;
        case Kind::Dataset: break;
    }
    return name;
}

Result<ScalingSource> parseScalingSource(const std::string& text) {
    ScalingSource s;
    const auto prefixed = [&](const char* prefix, ScalingSource::Kind kind) {
        const std::string p(prefix);
        if (text.rfind(p, 0) != 0) return false;
        s.kind = kind;
        s.name = text.substr(p.size());
        return true;
    };
    if (text.empty()) return Status::invalid("a source is a dataset name, 'runs', 'sweep:ID' or 'tag:TAG'; got nothing");
    if (text == "runs") {
        s.kind = ScalingSource::Kind::Runs;
        return s;
    }
    if (prefixed("sweep:", ScalingSource::Kind::Sweep) || prefixed("tag:", ScalingSource::Kind::Tag)) {
        if (s.name.empty()) return Status::invalid("source '" + text + "' needs a name after the colon");
        return s;
    }
    s.name = text;
    return s;
}

std::string canonicalSourceKey(storage::Store& store, const std::string& text) {
    auto source = parseScalingSource(text);
    if (!source || source->kind != ScalingSource::Kind::Sweep) return text;
    if (auto sweeps = store.sweeps())
        for (const auto& s : *sweeps)
            if (s.name == source->name) return "sweep:" + std::to_string(s.id);
    return text;
}

Result<std::vector<SourceEntry>> listScalingSources(storage::Store& store) {
    std::vector<SourceEntry> out;
    auto datasets = store.referenceDatasets();
    if (!datasets) return datasets.status();
    for (const auto& d : *datasets)
        out.push_back({d.name, d.title.empty() ? d.name : d.title, false});
    storage::RunFilter finished;
    finished.status = storage::RunStatus::Finished;
    auto runs = store.runs(finished);
    if (!runs) return runs.status();
    if (runs->empty()) return out;
    out.push_back({"runs", "Your finished runs (" + std::to_string(runs->size()) + ")", true});
    std::map<long long, int> perSweep;
    std::map<std::string, int> perTag;
    for (const auto& r : *runs) {
        if (r.sweepId) ++perSweep[r.sweepId];
        for (const auto& t : r.tags) ++perTag[t];
    }
    if (auto sweeps = store.sweeps())
        for (const auto& s : *sweeps)
            if (perSweep.count(s.id))
                out.push_back({"sweep:" + std::to_string(s.id),
                               "Sweep " + s.name + " (" + std::to_string(perSweep[s.id]) + " runs)", true});
    for (const auto& [tag, n] : perTag)
        out.push_back({"tag:" + tag, "Tag " + tag + " (" + std::to_string(n) + " runs)", true});
    return out;
}

void groupRunBudgets(std::vector<analysis::ScalingPoint>& points, double tolerance) {
    std::set<double> labels;
    for (const auto& p : points)
        if (p.budget > 0) labels.insert(p.budget);
    std::vector<analysis::ScalingPoint*> loose;
    for (auto& p : points) {
        if (p.budget > 0 || !(p.flops > 0)) continue;
        double best = 0, bestDistance = tolerance;
        for (double h : labels) {
            const double d = std::abs(p.flops - h) / h;
            if (d < bestDistance) best = h, bestDistance = d;
        }
        if (best > 0) p.budget = best;
        else loose.push_back(&p);
    }
    std::sort(loose.begin(), loose.end(), [](const auto* a, const auto* b) { return a->flops < b->flops; });
    for (size_t i = 0; i < loose.size();) {
        size_t j = i + 1;
        while (j < loose.size() && loose[j]->flops < loose[j - 1]->flops * (1 + tolerance)) ++j;
        double logSum = 0;
        for (size_t k = i; k < j; ++k) logSum += std::log(loose[k]->flops);
        const double centre = std::exp(logSum / static_cast<double>(j - i));
        // Two significant digits: a label a person can read ("1.5e+12"), stable when runs are added.
        const double scale = std::pow(10.0, std::floor(std::log10(centre)) - 1);
        for (size_t k = i; k < j; ++k) loose[k]->budget = std::round(centre / scale) * scale;
        i = j;
    }
}

Result<std::vector<analysis::ScalingPoint>> loadSourcePoints(storage::Store& store, const ScalingSource& source,
                                                             const PointFilter& filter) {
    if (source.kind == ScalingSource::Kind::Dataset) {
        auto rows = store.resultRows(source.name);
        if (!rows) {
            std::string known;
            if (auto all = listScalingSources(store))
                for (const auto& e : *all) known += (known.empty() ? "" : ", ") + e.key;
            return Status(rows.status().code(), rows.status().message() + " (sources here: " + known + ")");
        }
        return toScalingPoints(*rows, filter);
    }
    storage::RunFilter runFilter;
    runFilter.arch = filter.arch;
    if (source.kind == ScalingSource::Kind::Tag) runFilter.tag = source.name;
    if (source.kind == ScalingSource::Kind::Sweep) {
        auto sweeps = store.sweeps();
        if (!sweeps) return sweeps.status();
        for (const auto& s : *sweeps)
            if (s.name == source.name || std::to_string(s.id) == source.name) runFilter.sweepId = s.id;
        if (runFilter.sweepId == 0) return Status::notFound("no sweep named or numbered '" + source.name + "'");
    }
    auto points = finishedRunPoints(store, runFilter);
    if (!points) return points.status();
    std::vector<analysis::ScalingPoint> out;
    for (auto& p : *points) {
        if (filter.ctx && p.ctx != filter.ctx) continue;
        p.set = "isoflop_ctx" + std::to_string(p.ctx);
        if (!filter.set.empty() && p.set != filter.set) continue;
        out.push_back(std::move(p));
    }
    groupRunBudgets(out);
    return out;
}

}  // namespace seqscope::workspace
