// SPDX-License-Identifier: MIT
// `bench` plumbing (bench_support.h): JSON for points, storage records, samples for the runtime
// model (scaling-laws.md 12.2, 12.6) and the fit summary. Every fit is printed with the decode
// accounting that produced its bytes, and parameters the data cannot identify are printed as such.
#include "cli/bench_support.h"

#include <algorithm>
#include <cstdio>
#include <ostream>

#include "analysis/accounting.h"
#include "analysis/inference_measurements.h"

namespace seqscope::cli::benchcli {

using nlohmann::json;

json num(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }

json shapeJson(const analysis::ModelShape& s) {
    return {{"arch", analysis::archName(s.arch)}, {"d_model", s.dModel}, {"layers", s.layers}, {"heads", s.heads},
            {"head_dim_qk", s.headDimQK}, {"head_dim_v", s.headDimV}, {"ffn_dim", s.ffnDim}, {"vocab", s.vocab},
            {"chunk", s.chunk}, {"max_context", s.maxContext}};
}

json timingJson(const engine::TimingSummary& t) {
    return {{"median", num(t.median)}, {"min", num(t.min)}, {"max", num(t.max)},
            {"q1", num(t.q1)}, {"q3", num(t.q3)}, {"count", t.count}};
}

json hardwareJson(const engine::HardwareRates& h) {
    if (!h.status.isOk() && !std::isfinite(h.matmulFlopsPerSecond))
        return {{"measured", false}, {"message", h.status.message()}};
    return {{"measured", true},
            {"matmul_dtype", h.dtype},
            {"matmul_size", h.matmulSize},
            {"matmul_flops_per_s", num(h.matmulFlopsPerSecond)},
            {"bandwidth_method", "c = a + b, float32, 3 x buffer bytes per pass"},
            {"bandwidth_buffer_bytes", h.copyBytes},
            {"bandwidth_bytes_per_s", num(h.bandwidthBytesPerSecond)},
            {"seconds", h.seconds}};
}

json machineJson(const engine::MachineInfo& m) {
    return {{"host", m.host}, {"cpu_model", m.cpuModel}, {"logical_cpus", m.logicalCpus}, {"threads", m.threads},
            {"mem_total_bytes", num(m.memTotalBytes)}, {"load_average_1m", num(m.loadAverage1m)}, {"device", m.device},
            {"torch_version", m.torchVersion}, {"seqscope_version", m.seqscopeVersion}, {"compiler", m.compiler}};
}

json pointJson(const engine::InferenceBenchPoint& p, const SweepInfo& info) {
    const auto& o = info.options;
    auto preset = info.presets.find(p.label);
    return {{"kind", kPointKind},
            {"sweep", info.sweep},
            {"model", p.label},
            {"preset", preset == info.presets.end() ? json(nullptr) : json(preset->second)},
            {"arch", analysis::archName(p.shape.arch)},
            {"params", p.params},
            {"shape", shapeJson(p.shape)},
            {"device_kind", engine::computeDeviceName(o.device)},
            {"device", info.machine.device},
            {"dtype", engine::computeDtypeName(o.dtype)},
            {"threads", info.machine.threads},
            {"clock", o.device == engine::ComputeDevice::Cuda ? "cuda-events" : engine::benchClockName(o.clock)},
            {"batch", p.batch},
            {"prefill", p.prefill},
            {"decode_steps", p.decodeSteps},
            {"repeats", o.repeats},
            {"warmup_repeats", o.warmupRepeats},
            {"time_limit_s", o.timeLimitSeconds},
            {"status", p.status},
            {"message", p.message},
            {"ttft_ms", timingJson(p.ttftMs)},
            {"step_ms", timingJson(p.stepMs)},
            {"step_statistic", "median of the G steps per repeat; summarised over repeats"},
            {"prefill_tokens_per_s", num(p.prefillTokensPerSecond)},
            {"decode_tokens_per_s", num(p.decodeTokensPerSecond)},
            {"peak_memory_bytes", p.peakMemoryBytes},
            {"peak_memory_method", p.memoryMethod},
            {"state_bytes_after_prefill", p.stateBytesAfterPrefill},
            {"state_bytes_after_decode", p.stateBytesAfterDecode},
            {"point_seconds", p.seconds},
            {"machine", machineJson(info.machine)},
            {"hardware", hardwareJson(info.hardware)}};
}

storage::BenchmarkPoint toBenchmarkPoint(const engine::InferenceBenchPoint& p, const SweepInfo& info) {
    storage::BenchmarkPoint b;
    b.label = p.label;
    b.arch = analysis::archName(p.shape.arch);
    b.params = static_cast<double>(p.params);
    b.configJson = pointJson(p, info).dump();
    b.batch = p.batch;
    b.prefillLength = p.prefill;
    b.generatedTokens = p.decodeSteps;
    b.ttftMs = p.ttftMs.median;
    b.stepMs = p.stepMs.median;   // median, not mean: see configJson "step_statistic"
    b.peakMemoryBytes = p.peakMemoryBytes;
    b.device = info.machine.device;
    b.status = p.status;
    b.message = p.message;
    return b;
}

analysis::InferenceAccountingOptions accountingFor(const std::string& dtype, analysis::DecodeAccounting mode) {
    analysis::InferenceAccountingOptions a;
    a.decode = mode;
    const bool f32 = dtype != "bfloat16";
    a.bytesWeight = f32 ? 4 : 2;
    a.bytesActivation = f32 ? 4 : 2;
    a.bytesState = 4;
    return a;
}

namespace {

std::string bytesLabel(const analysis::InferenceAccountingOptions& a) {
    return "weights " + std::to_string(a.bytesWeight) + " B, activations " + std::to_string(a.bytesActivation) +
           " B, state " + std::to_string(a.bytesState) + " B";
}

HardwareReference hardwareFrom(const json& h) {
    HardwareReference r;
    if (!h.is_object() || !h.value("measured", false)) return r;
    if (h.contains("matmul_flops_per_s") && h["matmul_flops_per_s"].is_number()) r.flopsPerSecond = h["matmul_flops_per_s"];
    if (h.contains("bandwidth_bytes_per_s") && h["bandwidth_bytes_per_s"].is_number())
        r.bytesPerSecond = h["bandwidth_bytes_per_s"];
    r.source = "measured: " + h.value("matmul_dtype", std::string("?")) + " " + std::to_string(h.value("matmul_size", 0)) +
               "^3 matmul, float32 a + b";
    return r;
}

bool shapeFrom(const json& s, analysis::ModelShape* shape) {
    if (!s.is_object()) return false;
    try {
        if (!analysis::parseArch(s.at("arch").get<std::string>(), &shape->arch)) return false;
        shape->dModel = s.at("d_model");
        shape->layers = s.at("layers");
        shape->heads = s.at("heads");
        shape->headDimQK = s.at("head_dim_qk");
        shape->headDimV = s.at("head_dim_v");
        shape->ffnDim = s.at("ffn_dim");
        shape->vocab = s.at("vocab");
        shape->chunk = s.at("chunk");
        shape->maxContext = s.at("max_context");
    } catch (const json::exception&) {
        return false;
    }
    return shape->isValid(nullptr);
}

void addSample(StoredSamples& out, const std::string& arch, const std::string& model, double params, long long batch,
               long long prefill, double ttftMs, double stepMs, const analysis::ModelShape& shape,
               const analysis::InferenceAccountingOptions& acc, int row) {
    analysis::RuntimeSample s;
    s.arch = arch;
    s.model = model;
    s.params = params;
    s.batch = batch;
    s.prefill = prefill;
    s.ttftMs = ttftMs;
    s.stepMs = stepMs;
    s.sourceRow = row;
    if (!analysis::attachAccounting(s, shape, acc)) {
        ++out.skipped;
        return;
    }
    out.samples.push_back(std::move(s));
    out.accountingBytes[model] = bytesLabel(acc);
}

}  // namespace

StoredSamples samplesFromPoints(const std::vector<storage::BenchmarkPoint>& points, analysis::DecodeAccounting mode,
                                const std::string& sweep) {
    StoredSamples out;
    for (const auto& p : points) {
        if (p.status != "ok") continue;
        json cfg = json::parse(p.configJson, nullptr, false);
        if (cfg.is_discarded() || !cfg.is_object() || cfg.value("kind", std::string()) != kPointKind) {
            ++out.skipped;
            continue;
        }
        if (!sweep.empty() && cfg.value("sweep", std::string()) != sweep) continue;
        analysis::ModelShape shape;
        if (!shapeFrom(cfg.value("shape", json()), &shape)) {
            ++out.skipped;
            continue;
        }
        const std::string model = p.label + " @ " + p.device;
        addSample(out, p.arch, model, p.params, p.batch, p.prefillLength, p.ttftMs, p.stepMs, shape,
                  accountingFor(cfg.value("dtype", std::string("float32")), mode), static_cast<int>(p.id));
        if (const HardwareReference h = hardwareFrom(cfg.value("hardware", json())); std::isfinite(h.flopsPerSecond))
            out.hardware[model] = h;   // points come in id order: the latest measurement wins
    }
    return out;
}

StoredSamples samplesFromInvocation(const std::vector<engine::InferenceBenchPoint>& points, const SweepInfo& info,
                                    analysis::DecodeAccounting mode) {
    StoredSamples out;
    const auto acc = accountingFor(engine::computeDtypeName(info.options.dtype), mode);
    const HardwareReference h = hardwareFrom(hardwareJson(info.hardware));
    int row = 0;
    for (const auto& p : points) {
        ++row;
        if (p.status != "ok") continue;
        addSample(out, analysis::archName(p.shape.arch), p.label, static_cast<double>(p.params), p.batch, p.prefill,
                  p.ttftMs.median, p.stepMs.median, p.shape, acc, row);
        if (std::isfinite(h.flopsPerSecond)) out.hardware[p.label] = h;
    }
    return out;
}

// ---- fit output -------------------------------------------------------------------------------------

namespace {

std::string g3(double v) {
    if (!std::isfinite(v)) return "-";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3g", v);
    return buf;
}

std::string pct(double part, double whole) {
    if (!std::isfinite(part) || !std::isfinite(whole) || whole <= 0) return "-";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f %%", 100.0 * part / whole);
    return buf;
}

std::string modeLabel(analysis::DecodeAccounting mode) {
    return mode == analysis::DecodeAccounting::Repository
               ? "repository (Transformer step = (backbone over T_gen = 100 tokens + KV traffic) / 100)"
               : "physical (every step reads all weights and the whole KV cache)";
}

}  // namespace

json fitJson(const analysis::RuntimeModelReport& report, analysis::DecodeAccounting mode,
             const std::map<std::string, HardwareReference>& hardware) {
    json groups = json::array();
    for (const auto& g : report.groups) {
        const auto hw = hardware.find(g.model);
        const HardwareReference ref = hw == hardware.end() ? HardwareReference{} : hw->second;
        auto frac = [](double a, double b) { return std::isfinite(a) && std::isfinite(b) && b > 0 ? json(a / b) : json(nullptr); };
        groups.push_back(
            {{"arch", g.arch},
             {"model", g.model},
             {"params", num(g.params)},
             {"rows", g.rows},
             {"ttft", {{"ok", g.ttft.status.isOk()},
                       {"message", g.ttft.status.message()},
                       {"alpha_eff_flops_per_s", num(g.ttft.alphaEff)},
                       {"alpha_eff_std_error", num(g.ttft.alphaStdError)},
                       {"alpha_lower_bound", num(g.ttft.alphaLowerBound)},
                       {"alpha_fraction_of_hardware", frac(g.ttft.alphaEff, ref.flopsPerSecond)},
                       {"eps_s", num(g.ttft.epsSeconds)},
                       {"eps_std_error", num(g.ttft.epsStdError)},
                       {"eps_at_bound", g.ttft.epsAtBound},
                       {"points", g.ttft.points},
                       {"rms_relative_error", num(g.ttft.rmsRelativeError)},
                       {"condition_number", num(g.ttft.conditionNumber)},
                       {"warnings", g.ttft.warnings}}},
             {"step", {{"ok", g.step.status.isOk()},
                       {"message", g.step.status.message()},
                       {"beta_eff_bytes_per_s", num(g.step.betaEff)},
                       {"beta_identifiable", g.step.betaIdentifiable},
                       {"beta_eff_std_error", num(g.step.betaStdError)},
                       {"beta_lower_bound", num(g.step.betaLowerBound)},
                       {"beta_fraction_of_hardware", frac(g.step.betaEff, ref.bytesPerSecond)},
                       {"beta_lower_bound_fraction_of_hardware", frac(g.step.betaLowerBound, ref.bytesPerSecond)},
                       {"eps_s", num(g.step.epsSeconds)},
                       {"eps_per_sequence_s", num(g.step.epsPerSequenceSeconds)},
                       {"eps_per_sequence_identifiable", g.step.epsPerSequenceIdentifiable},
                       {"points", g.step.points},
                       {"rms_log_error", num(g.step.rmsLogError)},
                       {"condition_number", num(g.step.conditionNumber)},
                       {"warnings", g.step.warnings}}},
             {"hardware", {{"flops_per_s", num(ref.flopsPerSecond)}, {"bytes_per_s", num(ref.bytesPerSecond)},
                           {"source", ref.source}}}});
    }
    return {{"decode_accounting", analysis::decodeAccountingName(mode)}, {"decode_accounting_description", modeLabel(mode)},
            {"groups", groups}};
}

void printFitMarkdown(std::ostream& out, const analysis::RuntimeModelReport& report, analysis::DecodeAccounting mode,
                      const std::map<std::string, HardwareReference>& hardware) {
    out << "Runtime model (scaling-laws.md 12.2): TTFT = FLOPs_prefill / alpha_eff + eps, least squares; "
           "step = bytes_step / beta_eff + eps + B * eps_bp, least squares on ln(step).\n"
        << "Decode accounting: " << modeLabel(mode) << ".\n\n";
    out << "| arch | model | alpha_eff FLOP/s | of peak | TTFT eps ms | TTFT rms rel err | beta_eff B/s | of peak | "
           "step eps ms | eps_bp ms | step rms log err | points (ttft/step) |\n"
        << "|---|---|---|---|---|---|---|---|---|---|---|---|\n";
    std::vector<std::string> notes;
    for (const auto& g : report.groups) {
        const auto hw = hardware.find(g.model);
        const HardwareReference ref = hw == hardware.end() ? HardwareReference{} : hw->second;
        const auto& t = g.ttft;
        const auto& s = g.step;
        std::string beta = s.status.isOk() ? (s.betaIdentifiable ? g3(s.betaEff) : ">= " + g3(s.betaLowerBound) + " *") : "fit refused";
        std::string betaPct = s.betaIdentifiable ? pct(s.betaEff, ref.bytesPerSecond) : ">= " + pct(s.betaLowerBound, ref.bytesPerSecond);
        out << "| " << g.arch << " | " << g.model << " | " << (t.status.isOk() ? g3(t.alphaEff) : "fit refused") << " | "
            << pct(t.alphaEff, ref.flopsPerSecond) << " | " << g3(t.epsSeconds * 1e3) << " | " << g3(t.rmsRelativeError)
            << " | " << beta << " | " << (s.status.isOk() ? betaPct : "-") << " | "
            << g3(s.epsSeconds * 1e3) << (s.betaIdentifiable ? "" : " *") << " | "
            << (s.epsPerSequenceIdentifiable ? g3(s.epsPerSequenceSeconds * 1e3) + (s.betaIdentifiable ? "" : " *") : "n/a")
            << " | " << g3(s.rmsLogError)
            << " | " << t.points << "/" << s.points << " |\n";
        if (!t.status.isOk()) notes.push_back(g.model + " TTFT: " + t.status.message());
        if (!s.status.isOk()) notes.push_back(g.model + " step: " + s.status.message());
        for (const auto& w : t.warnings) notes.push_back(g.model + " TTFT: " + w);
        for (const auto& w : s.warnings) notes.push_back(g.model + " step: " + w);
    }
    std::map<std::string, std::string> sources;
    for (const auto& g : report.groups)
        if (auto hw = hardware.find(g.model); hw != hardware.end() && !hw->second.source.empty())
            sources[hw->second.source] = g3(hw->second.flopsPerSecond) + " FLOP/s, " + g3(hw->second.bytesPerSecond) + " B/s";
    out << "\n";
    for (const auto& [src, values] : sources) out << "Peak used for \"of peak\": " << values << " (" << src << ").\n";
    const bool starred = std::any_of(report.groups.begin(), report.groups.end(),
                                     [](const analysis::RuntimeGroupFit& g) { return !g.step.betaIdentifiable; });
    if (starred)
        out << "\n* not identifiable from these points: the step bytes have no context term (an xLSTM's state does not grow), "
               "so beta_eff is only bounded below and eps / eps_bp include the byte time.\n";
    if (!notes.empty()) out << "\n";
    for (const auto& n : notes) out << "- " << n << "\n";
}

}  // namespace seqscope::cli::benchcli
