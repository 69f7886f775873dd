// SPDX-License-Identifier: MIT
// What the fits take, from where it is stored: result rows (built-in datasets, imported CSVs) and
// the runs trained here. Shared by the CLI's fit and sweep commands and the workbench's scaling
// view so every front end turns data into scaling points the same way.
#pragma once

#include <string>
#include <vector>

#include "analysis/scaling_point.h"
#include "storage/results_table.h"
#include "storage/store.h"

namespace seqscope::workspace {

struct PointFilter {
    std::string arch;          // empty: every architecture
    std::string set;           // empty: every experiment set
    long long ctx = 0;         // 0: every context
    bool includeExcluded = false;   // also rows the dataset marks included = 0
};

// Rows passing `filter`, in row order; sourceRow is the row's CSV line so messages can name it.
std::vector<analysis::ScalingPoint> toScalingPoints(const std::vector<storage::ResultRow>& rows,
                                                    const PointFilter& filter = {});

// The last value of metric `name` of a run; NaN when it has none.
double lastMetricValue(storage::Store& store, long long runId, const char* name);

// Finished runs passing `filter` as scaling points: N, D and C from the plan of the run's stored
// config (the paper's accounting), loss = its last val_loss, budget = the FLOP budget it was asked
// for (0 for token or ratio budgets), run = its id. Runs without a val_loss or with an unreadable
// config are skipped (they cannot be placed).
Result<std::vector<analysis::ScalingPoint>> finishedRunPoints(storage::Store& store, storage::RunFilter filter);

}  // namespace seqscope::workspace
