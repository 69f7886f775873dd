// SPDX-License-Identifier: MIT
// The reference datasets compiled into every Seqscope binary: the xLSTM scaling-laws paper's released
// runs ("xlstm-paper") and Epoch AI's digitised Chinchilla points ("chinchilla"), as results-table
// CSVs (resources/datasets/, written by scripts/convert_datasets.py; provenance in its README.md).
// The H100 inference measurements are embedded too but are not a results table.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace seqscope::analysis {

struct BuiltinDataset {
    std::string name, title, source, citation;
    std::string_view csv;   // results-table CSV (brief contract), static storage
    std::string license;    // terms under which the numbers are redistributed, as far as known
    std::string notes;      // what was reconstructed or approximated
};

// "xlstm-paper", then "chinchilla".
const std::vector<BuiltinDataset>& builtinDatasets();

// nullptr when no built-in dataset has that name.
const BuiltinDataset* findBuiltinDataset(const std::string& name);

// resources/datasets/xlstm_inference_h100.csv: one row per (architecture, model size, batch, prefill)
// with ttft_ms, step_ms, failed, ... (columns documented in resources/datasets/README.md).
std::string_view builtinInferenceMeasurementsCsv();

}  // namespace seqscope::analysis
