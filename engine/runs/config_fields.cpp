// SPDX-License-Identifier: MIT
#include "runs/config_fields.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>
#include <unordered_map>

#include "storage/csv.h"

namespace seqscope::runs {
namespace {

using nlohmann::json;

ConfigValue valueOf(const json& j) {
    ConfigValue v;
    if (j.is_string()) {
        v.text = j.get<std::string>();
    } else if (j.is_number_integer() || j.is_number_unsigned()) {
        v.number = j.get<double>();
        v.text = j.dump();   // exact, without a trailing ".0"
    } else if (j.is_number_float()) {
        v.number = j.get<double>();
        // Whole numbers as integers ("500000", not the shorter "5e+05"), others in their shortest exact form.
        const bool whole = std::abs(v.number) < 1e15 && v.number == std::floor(v.number);
        v.text = whole ? std::to_string(static_cast<long long>(v.number)) : storage::csv::formatNumber(v.number);
    } else {
        v.text = j.dump();   // true, false, null, arrays
    }
    return v;
}

void flatten(const json& j, const std::string& prefix, FlatConfig& out) {
    for (auto it = j.begin(); it != j.end(); ++it) {
        const std::string path = prefix.empty() ? it.key() : prefix + "." + it.key();
        if (it->is_object() && !it->empty()) flatten(*it, path, out);
        else out[path] = valueOf(*it);
    }
}

std::string_view lastComponent(std::string_view path) {
    const size_t dot = path.rfind('.');
    return dot == std::string_view::npos ? path : path.substr(dot + 1);
}

}  // namespace

Result<FlatConfig> flattenConfig(std::string_view text, const std::string& what) {
    const json j = json::parse(text, nullptr, false);
    if (j.is_discarded()) return Status::invalid(what + ": not valid JSON");
    if (!j.is_object()) return Status::invalid(what + ": not a JSON object");
    FlatConfig out;
    flatten(j, {}, out);
    return out;
}

std::vector<std::string> fieldNames(const std::vector<FlatConfig>& configs) {
    std::set<std::string> names;
    for (const auto& c : configs)
        for (const auto& [path, value] : c) names.insert(path);
    return {names.begin(), names.end()};
}

bool isSeedField(std::string_view path) { return lastComponent(path).find("seed") != std::string_view::npos; }

// A run's checkpoint folder names the run itself (".../run-7"), so it differs between seeds.
bool isRunLocalField(std::string_view path) { return path == "checkpoint_dir"; }

std::vector<std::string> fieldsButSeed(const std::vector<FlatConfig>& configs) {
    std::vector<std::string> out;
    for (auto& name : fieldNames(configs))
        if (!isSeedField(name) && !isRunLocalField(name)) out.push_back(std::move(name));
    return out;
}

std::vector<std::string> varyingFields(const std::vector<FlatConfig>& configs, const std::vector<std::string>& fields) {
    std::vector<std::string> out;
    for (const auto& f : fields) {
        std::optional<std::optional<std::string>> first;
        for (const auto& c : configs) {
            auto it = c.find(f);
            std::optional<std::string> v = it == c.end() ? std::nullopt : std::optional(it->second.text);
            if (!first) first = v;
            else if (*first != v) {
                out.push_back(f);
                break;
            }
        }
    }
    return out;
}

std::string groupKey(const FlatConfig& config, const std::vector<std::string>& fields) {
    std::string key;
    for (const auto& f : fields) {
        auto it = config.find(f);
        if (!key.empty()) key += ';';
        key += f + "=" + (it == config.end() ? std::string("?") : it->second.text);
    }
    return key;
}

std::vector<RunGroup> groupRuns(const std::vector<FlatConfig>& configs, const std::vector<std::string>& fields) {
    std::vector<RunGroup> groups;
    std::unordered_map<std::string, size_t> byKey;
    for (size_t i = 0; i < configs.size(); ++i) {
        std::string key = groupKey(configs[i], fields);
        auto [it, inserted] = byKey.emplace(key, groups.size());
        if (inserted) groups.push_back({std::move(key), {}, {}});
        groups[it->second].members.push_back(i);
    }
    // Label by the fields that differ between groups; members of a group agree on every field.
    std::vector<FlatConfig> representatives;
    for (const auto& g : groups) representatives.push_back(configs[g.members.front()]);
    const std::vector<std::string> varying = varyingFields(representatives, fields);
    std::map<std::string_view, int> shortUses;
    for (const auto& f : varying) ++shortUses[lastComponent(f)];
    for (size_t g = 0; g < groups.size(); ++g) {
        std::string label;
        for (const auto& f : varying) {
            const auto it = representatives[g].find(f);
            const std::string_view name = shortUses[lastComponent(f)] > 1 ? std::string_view(f) : lastComponent(f);
            if (!label.empty()) label += ' ';
            label += std::string(name) + "=" + (it == representatives[g].end() ? std::string("?") : it->second.text);
        }
        groups[g].label = std::move(label);
    }
    return groups;
}

std::vector<ConfigDiffRow> diffConfigs(const std::vector<FlatConfig>& configs, bool onlyDifferent) {
    std::vector<ConfigDiffRow> rows;
    for (const auto& field : fieldNames(configs)) {
        ConfigDiffRow row;
        row.field = field;
        for (const auto& c : configs) {
            auto it = c.find(field);
            row.values.push_back(it == c.end() ? std::nullopt : std::optional(it->second.text));
        }
        row.differs = std::any_of(row.values.begin(), row.values.end(), [&](const auto& v) { return v != row.values.front(); });
        if (row.differs || !onlyDifferent) rows.push_back(std::move(row));
    }
    return rows;
}

}  // namespace seqscope::runs
