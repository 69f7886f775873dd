// SPDX-License-Identifier: MIT
// Result rows (stored datasets, imported CSVs) as the scaling points the fits take. Shared by the
// CLI's fit commands and the workbench's scaling view so both select runs the same way.
#pragma once

#include <string>
#include <vector>

#include "analysis/scaling_point.h"
#include "storage/results_table.h"

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

}  // namespace seqscope::workspace
