// SPDX-License-Identifier: MIT
// Results-table CSV import (storage/results_table.h): any bytes parse or fail with a Status; a
// table that parses writes back and parses again to the same rows.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "storage/results_table.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto rows = seqscope::storage::parseResultsTable(text, "fuzz.csv");
    if (!rows) return 0;
    const std::string again = seqscope::storage::formatResultsTable(*rows);
    auto back = seqscope::storage::parseResultsTable(again, "again.csv");
    if (!back || back->size() != rows->size()) std::abort();   // what we write, we read
    return 0;
}
