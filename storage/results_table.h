// SPDX-License-Identifier: MIT
// The results-table CSV contract (team brief, "Shared contracts"): external scaling results and the
// built-in reference datasets. Header row, RFC 4180 quoting, blank and '#' lines ignored,
// case-insensitive column names. Required: arch, params, loss and tokens and/or flops. Known
// optional columns: ctx, set, budget, included, excluded_reason, run; any other column goes to
// `extraJson`. Every row must give tokens or flops; params, loss, tokens, flops must be positive.
#pragma once

#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace seqscope::storage {

struct ResultRow {
    std::string arch, set, run, excludedReason;
    long long ctx = 0;                 // 0 = unknown
    double params = NAN, tokens = NAN, flops = NAN, loss = NAN, budget = NAN;
    bool included = true;
    std::string extraJson = "{}";
    int sourceLine = 0;                // 1-based line in the CSV it came from
};

// Parses the table; errors say "<fileName>:<line>:<column>: <problem>" and nothing is returned partially.
Result<std::vector<ResultRow>> parseResultsTable(std::string_view csvText, const std::string& fileName);

// Writes rows back in the same format (known columns, then the union of extra columns).
std::string formatResultsTable(const std::vector<ResultRow>& rows);

}  // namespace seqscope::storage
