// SPDX-License-Identifier: MIT
// From inference measurements to runtime-model samples: the paper's H100 benchmark
// (resources/datasets/xlstm_inference_h100.csv, scaling-laws.md 12.1; columns in
// resources/datasets/README.md) parsed into rows, each row's model mapped to its "-inf" preset
// (section 12.7 dimensions, checked against the row), and prefill FLOPs / step bytes attached from
// analysis/inference_accounting.h in the decode accounting the caller chooses. Rows the release
// marks failed (values <= 0) become NaN, as in the reference's fitting code.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "analysis/inference_accounting.h"
#include "analysis/model_shape.h"
#include "analysis/runtime_model.h"
#include "common/status.h"

namespace seqscope::analysis {

// Name under which the CLI and GUI refer to the built-in H100 measurements.
inline constexpr const char* kReferenceInferenceDataset = "xlstm-inference-h100";

// H100-SXM constants the reference normalises by (scaling-laws.md 12.1): bf16 dense FLOP/s, HBM3 B/s.
inline constexpr double kH100PeakBf16FlopsPerSecond = 989e12;
inline constexpr double kH100PeakBytesPerSecond = 3.35e12;

struct InferenceMeasurement {
    std::string arch;              // "xlstm" | "transformer"
    std::string model;             // released tag, "xlstm_160m", "llama2_7b"
    long long batch = 0;           // B
    long long prefill = 0;         // T_pre, tokens
    double ttftMs = NAN;           // NaN when the release marks the row failed or the value is <= 0
    double stepMs = NAN;           // ms per generated token, NaN likewise
    bool failed = false;           // `failed` column
    double memAllocatedBytes = NAN;   // mem_alloc_gl101: allocated GPU memory after 101 generated tokens
    double numParams = NAN;        // as the benchmark recorded it
    int dModel = 0, layers = 0, heads = 0, ffnDim = 0, chunk = 0, vocab = 0;
    int sourceLine = 0;            // 1-based line in the CSV
};

// Parses the measurement CSV (header row; '#' and blank lines skipped; no quoted fields, since the
// file is generated). Errors: "<fileName>:<line>:<column>: <problem>", nothing returned partially.
Result<std::vector<InferenceMeasurement>> parseInferenceMeasurements(std::string_view csv, const std::string& fileName);

// The "-inf" preset shape of a row ("xlstm_1.4b" -> xlstm-1.4b-inf, "llama2_7b" ->
// transformer-7b-inf); InvalidArgument naming the line when the tag is unknown or the row's
// dimensions differ from the preset's.
Result<ModelShape> measurementShape(const InferenceMeasurement& row);

// Sets sample.prefillFlops and sample.stepBytes from the accounting for (shape, batch, prefill).
// A prefill of 0 (allowed in the dataset) is accounted as 1 token so the row keeps finite numbers;
// the fits drop prefill-0 rows by default anyway.
Status attachAccounting(RuntimeSample& sample, const ModelShape& shape, const InferenceAccountingOptions& options);

// The built-in H100 measurements as runtime samples (model = released tag), with accounting in the
// given mode (bf16 weights/activations and fp32 state, the reference's byte sizes, unless changed).
Result<std::vector<RuntimeSample>> referenceRuntimeSamples(const InferenceAccountingOptions& options = {});

}  // namespace seqscope::analysis
