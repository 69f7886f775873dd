// SPDX-License-Identifier: MIT
// Shared plumbing of `seqscope-cli bench` (cmd_bench.cpp): inference benchmark points to and from
// storage::BenchmarkPoint (the measurement details live in configJson, keys listed below), runtime
// samples with accounting attached, and the runtime-model fit as JSON and as a markdown summary.
// The GUI's latency-vs-context chart can read the same stored points: label, arch, batch,
// prefillLength, ttftMs, stepMs (median), status, and configJson keys "sweep", "device_kind",
// "ttft_ms"/"step_ms" {median,min,max,q1,q3,count}.
#pragma once

#include <nlohmann/json.hpp>

#include <iosfwd>
#include <map>
#include <string>
#include <vector>

#include "analysis/inference_accounting.h"
#include "analysis/runtime_model.h"
#include "engine/inference/inference_bench.h"
#include "storage/records.h"

namespace seqscope::cli::benchcli {

// Value of configJson "kind" for inference benchmark points.
inline constexpr const char* kPointKind = "inference-bench";

// What is recorded with every point of one `bench inference` invocation.
struct SweepInfo {
    std::string sweep;                               // unique id of the invocation, "bench-<time>-<pid>"
    engine::InferenceBenchOptions options;
    engine::MachineInfo machine;
    engine::HardwareRates hardware;                  // status not ok = not measured
    std::map<std::string, std::string> presets;      // label -> preset name (absent for explicit dimensions)
};

nlohmann::json num(double v);                        // finite -> number, else null
nlohmann::json shapeJson(const analysis::ModelShape& s);
nlohmann::json timingJson(const engine::TimingSummary& t);
nlohmann::json hardwareJson(const engine::HardwareRates& h);
nlohmann::json machineJson(const engine::MachineInfo& m);
nlohmann::json pointJson(const engine::InferenceBenchPoint& p, const SweepInfo& info);   // also configJson

storage::BenchmarkPoint toBenchmarkPoint(const engine::InferenceBenchPoint& p, const SweepInfo& info);

// Byte sizes of the accounting for a compute dtype: float32 runs read 4-byte weights and
// activations; bfloat16 runs 2 (the reference's sizes). The state stays fp32 (4) in both.
analysis::InferenceAccountingOptions accountingFor(const std::string& dtype, analysis::DecodeAccounting mode);

// Machine limits to compare a group's alpha_eff / beta_eff with.
struct HardwareReference {
    double flopsPerSecond = NAN;
    double bytesPerSecond = NAN;
    std::string source;     // "measured by bench inference (float32 1024^3 matmul, ...)" / "H100-SXM datasheet"
};

// Runtime samples from measured points (status ok), model = "<label> @ <device>", with accounting
// for each point's own dtype. `sweep` non-empty keeps only that invocation's points. Points that
// are not inference-bench points or lack a usable shape are counted in *skipped.
struct StoredSamples {
    std::vector<analysis::RuntimeSample> samples;
    std::map<std::string, HardwareReference> hardware;   // by sample model (latest point's measurement)
    std::map<std::string, std::string> accountingBytes;  // by sample model, e.g. "weights 4 B, activations 4 B, state 4 B"
    int skipped = 0;
};
StoredSamples samplesFromPoints(const std::vector<storage::BenchmarkPoint>& points, analysis::DecodeAccounting mode,
                                const std::string& sweep = {});
StoredSamples samplesFromInvocation(const std::vector<engine::InferenceBenchPoint>& points, const SweepInfo& info,
                                    analysis::DecodeAccounting mode);

nlohmann::json fitJson(const analysis::RuntimeModelReport& report, analysis::DecodeAccounting mode,
                       const std::map<std::string, HardwareReference>& hardware);
// Markdown: one row per (arch, model) with alpha_eff, eps, beta_eff, eps_bp, fractions of the
// hardware reference, and the notes (non-identifiable parameters, refused fits).
void printFitMarkdown(std::ostream& out, const analysis::RuntimeModelReport& report, analysis::DecodeAccounting mode,
                      const std::map<std::string, HardwareReference>& hardware);

}  // namespace seqscope::cli::benchcli
