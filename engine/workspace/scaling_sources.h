// SPDX-License-Identifier: MIT
// Where scaling points come from, named the same way in the CLI (`fit ... --source NAME`) and the
// workbench's source selector:
//   a reference dataset's name    "xlstm-paper", "chinchilla", or an imported results table
//   runs                          every finished run in this database
//   sweep:ID or sweep:NAME        the finished runs of one sweep
//   tag:TAG                       the finished runs carrying a tag
// Runs become points through finishedRunPoints (N, D, C from the plan, loss = final val_loss), then
// groupRunBudgets gives every run an IsoFLOP budget: the sweep's label when it has one, else the
// label of a budget within the tolerance, else a budget of its own loose group.
#pragma once

#include <string>
#include <vector>

#include "analysis/scaling_point.h"
#include "storage/store.h"
#include "workspace/scaling_points.h"

namespace seqscope::workspace {

struct ScalingSource {
    enum class Kind { Dataset, Runs, Sweep, Tag };
    Kind kind = Kind::Dataset;
    std::string name;   // dataset name, sweep id or name, or tag ("" for all runs)
    std::string key() const;   // the text form: "xlstm-paper", "runs", "sweep:3", "tag:demo"
};

// Parses the text form; "" and "sweep:"/"tag:" without a name are refused naming the form.
Result<ScalingSource> parseScalingSource(const std::string& text);

// The key listScalingSources uses for `text`: a sweep named by its name becomes "sweep:<id>".
std::string canonicalSourceKey(storage::Store& store, const std::string& text);

// One entry of a source list: its key and a title for menus ("Sweep demo (12 runs)").
struct SourceEntry {
    std::string key;
    std::string title;
    bool runs = false;   // made of this database's runs (drawn as "your runs")
};
// Every source the database offers: reference datasets, then all runs, sweeps and tags with
// finished runs.
Result<std::vector<SourceEntry>> listScalingSources(storage::Store& store);

// Relative tolerance within which a loose run joins a budget (|C - H| < tolerance * H), the same
// as the IsoFLOP fit's default.
inline constexpr double kRunBudgetTolerance = 0.1;

// Gives every point a budget label: points already labelled keep theirs; an unlabelled point takes
// the nearest label within `tolerance`; the rest are chained by compute (each within tolerance of
// the previous) and labelled with their group's geometric-mean compute.
void groupRunBudgets(std::vector<analysis::ScalingPoint>& points, double tolerance = kRunBudgetTolerance);

// The points of a source. Runs are labelled with set "isoflop_ctx<T>" and grouped with
// groupRunBudgets; dataset rows keep their sets. NotFound names the source and what exists.
Result<std::vector<analysis::ScalingPoint>> loadSourcePoints(storage::Store& store, const ScalingSource& source,
                                                             const PointFilter& filter = {});

}  // namespace seqscope::workspace
