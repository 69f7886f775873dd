// SPDX-License-Identifier: MIT
// A run's config JSON as flat fields ("model.d_model" = 36, "lr" = 0.003), and what comparing runs
// needs from them (issue 20): the union of field names, the fields that vary, group keys for "group
// by these fields" (and "everything but the seed"), and the config diff of several runs. Pure and
// Qt-free, so the workbench's Runs panel, its params view and the CLI share one definition.
#pragma once

#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace seqscope::runs {

struct ConfigValue {
    std::string text;        // as shown: numbers in their shortest exact form, strings unquoted, arrays as JSON
    double number = NAN;     // the value of a JSON number; NaN for strings, booleans, null and arrays
    bool isNumber() const { return !std::isnan(number); }
    bool operator==(const ConfigValue& o) const { return text == o.text; }
};

// Path -> value, sorted by path. Nested objects join their keys with '.'; arrays stay one field.
using FlatConfig = std::map<std::string, ConfigValue>;

// InvalidArgument naming `what` when the text is not JSON or not an object.
Result<FlatConfig> flattenConfig(std::string_view json, const std::string& what = "config");

// Every field of any config, sorted.
std::vector<std::string> fieldNames(const std::vector<FlatConfig>& configs);
// The seed fields (last path component contains "seed") and fields unique to one run by construction
// (its checkpoint folder): what "everything but the seed" leaves out.
bool isSeedField(std::string_view path);
bool isRunLocalField(std::string_view path);
// Every field of any config except seed and run-local fields, sorted: runs that differ only in the
// seed share a group key over these.
std::vector<std::string> fieldsButSeed(const std::vector<FlatConfig>& configs);
// Of `fields`, those whose value is not the same in every config (a missing field counts as a value).
std::vector<std::string> varyingFields(const std::vector<FlatConfig>& configs, const std::vector<std::string>& fields);

// "f1=v1;f2=v2" over `fields` in the order given (a missing field is "f=?"); empty when `fields` is.
std::string groupKey(const FlatConfig& config, const std::vector<std::string>& fields);

struct RunGroup {
    std::string key;                 // groupKey of its members
    std::string label;               // the fields that tell groups apart, "d_model=36 budget=5"; empty if none do
    std::vector<size_t> members;     // indices into the configs given, ascending
};
// Groups the configs by groupKey over `fields`, in the order of each group's first member. Labels
// name only the fields that vary between the groups, by their last path component unless two such
// fields share it.
std::vector<RunGroup> groupRuns(const std::vector<FlatConfig>& configs, const std::vector<std::string>& fields);

struct ConfigDiffRow {
    std::string field;
    std::vector<std::optional<std::string>> values;   // one per config; nullopt where the field is missing
    bool differs = false;
};
// One row per field of any config (sorted by field); with `onlyDifferent`, only the rows that differ.
std::vector<ConfigDiffRow> diffConfigs(const std::vector<FlatConfig>& configs, bool onlyDifferent);

}  // namespace seqscope::runs
