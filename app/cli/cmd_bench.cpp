// SPDX-License-Identifier: MIT
// `seqscope-cli bench inference` and `seqscope-cli bench fit` (issue 8): time to first token,
// decode step time and memory against prefill length for xLSTM and Transformer models side by side
// (engine/inference/inference_bench.h), stored as benchmark points, with the paper's runtime model
// fitted to them (analysis/runtime_model.h, scaling-laws.md 12) against the machine's measured
// matmul rate and bandwidth; `bench fit` refits stored points or the paper's H100 measurements.
// Output in the spirit of llama-bench: a markdown table by default, --csv or --json.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <ostream>
#include <set>
#include <string>

#include "analysis/inference_measurements.h"
#include "analysis/presets.h"
#include "cli/bench_support.h"
#include "cli/command_line.h"
#include "cli/commands.h"
#include "engine/inference/inference_bench.h"
#include "engine/interop/model_directory.h"
#include "runs/run_resolver.h"
#include "storage/store.h"
#include "workspace/workspace.h"

namespace seqscope::cli {
namespace {

using namespace seqscope::analysis;
using namespace seqscope::cli::benchcli;
using nlohmann::json;

int positiveInt(const Args& args, const std::string& name, long long fallback, long long max = 1'000'000'000) {
    const long long v = args.integer(name, fallback);
    if (v <= 0 || v > max) throw UsageError("option --" + name + ": must be a whole number in [1, " + std::to_string(max) + "], got " + std::to_string(v));
    return static_cast<int>(v);
}

// Models from --preset (full names, or sizes combined with --arch: "--arch xlstm,transformer
// --preset 10m") or from --arch with --d-model/--layers/--heads.
std::vector<engine::BenchModel> resolveModels(const Args& args, const std::string& dbPath,
                                              std::map<std::string, std::string>* presetOf) {
    std::vector<Arch> archs;
    for (const std::string& a : args.list("arch")) {
        Arch arch;
        if (!parseArch(a, &arch)) throw UsageError("--arch must list xlstm and/or transformer, got '" + a + "'");
        archs.push_back(arch);
    }
    std::vector<engine::BenchModel> models;
    const bool dims = args.has("d-model") || args.has("layers") || args.has("heads");
    if (args.has("checkpoint")) {   // real models: the shape is theirs, the weights are loaded
        if (dims || args.has("preset") || !archs.empty())
            throw UsageError("--checkpoint takes the model from the directory: drop --preset, --arch and dimensions");
        for (const std::string& item : args.list("checkpoint")) {
            auto dir = runs::modelDirectoryFor(item, dbPath);
            if (!dir) throw UsageError(dir.status().message());
            auto info = interop::inspectModelDirectory(*dir);
            if (!info) throw UsageError(info.status().message());
            models.push_back({item, info->config.shape, *dir});
        }
    } else if (args.has("preset")) {
        if (dims) throw UsageError("--preset cannot be combined with --d-model/--layers/--heads");
        for (const std::string& item : args.list("preset")) {
            std::vector<const Preset*> found;
            if (const Preset* p = findPreset(item)) {
                if (!archs.empty() && std::find(archs.begin(), archs.end(), p->shape.arch) == archs.end())
                    throw UsageError("preset " + p->name + " is not one of the architectures given with --arch");
                found.push_back(p);
            } else if (!archs.empty()) {
                for (Arch a : archs) {
                    const Preset* p2 = findPreset(std::string(archName(a)) + "-" + item);
                    if (!p2) throw UsageError("no preset " + std::string(archName(a)) + "-" + item + " (known: " + presetNames() + ")");
                    found.push_back(p2);
                }
            } else {
                throw UsageError("unknown preset '" + item + "' (known: " + presetNames() + ")");
            }
            for (const Preset* p : found) {
                models.push_back({p->name, p->shape, {}});
                (*presetOf)[p->name] = p->name;
            }
        }
    } else {
        if (archs.empty()) throw UsageError("give --preset, or --arch with --d-model, --layers and --heads");
        ShapeFactors f;
        f.qkFactor = args.number("qk-factor", f.qkFactor);
        f.ffnFactor = args.number("ffn-factor", f.ffnFactor);
        f.ffnMultiple = positiveInt(args, "ffn-multiple", f.ffnMultiple);
        f.vocab = kByteVocab;
        for (Arch a : archs) {
            const ModelShape s = makeShape(a, positiveInt(args, "d-model", 0), positiveInt(args, "layers", 0),
                                           positiveInt(args, "heads", 0), f);
            models.push_back({s.describe(), s, {}});
        }
    }
    std::set<std::string> labels;
    for (auto& m : models) {
        if (args.has("vocab")) m.shape.vocab = positiveInt(args, "vocab", 0);
        if (args.has("chunk")) m.shape.chunk = positiveInt(args, "chunk", 0);
        std::string error;
        if (!m.shape.isValid(&error)) throw UsageError("model " + m.label + ": " + error);
        if (!labels.insert(m.label).second) throw UsageError("model " + m.label + " is listed twice");
    }
    return models;
}

std::string mib(double bytes) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f MiB", bytes / (1024.0 * 1024.0));
    return buf;
}

std::string ms(const engine::TimingSummary& t) {
    if (!std::isfinite(t.median)) return "-";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.3g (%.3g-%.3g)", t.median, t.min, t.max);
    return buf;
}

std::string g3(double v) {
    if (!std::isfinite(v)) return "-";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3g", v);
    return buf;
}

std::string csvField(const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

void printPointsMarkdown(std::ostream& out, const std::vector<engine::InferenceBenchPoint>& points) {
    out << "| arch | model | N | batch | prefill | gen | ttft ms | step ms | tok/s prefill | tok/s decode | peak mem | state | status |\n"
        << "|---|---|---|---|---|---|---|---|---|---|---|---|---|\n";
    for (const auto& p : points) {
        out << "| " << archName(p.shape.arch) << " | " << p.label << " | " << g3(static_cast<double>(p.params)) << " | " << p.batch
            << " | " << p.prefill << " | " << p.decodeSteps << " | " << ms(p.ttftMs) << " | " << ms(p.stepMs) << " | "
            << g3(p.prefillTokensPerSecond) << " | " << g3(p.decodeTokensPerSecond) << " | "
            << (p.status == "ok" ? mib(static_cast<double>(p.peakMemoryBytes)) : "-") << " | "
            << (p.status == "ok" ? mib(static_cast<double>(p.stateBytesAfterPrefill)) : "-") << " | " << p.status
            << (p.message.empty() ? "" : ": " + p.message) << " |\n";
    }
}

// Ratios of every model to the first one at each (batch, prefill).
void printRatiosMarkdown(std::ostream& out, const std::vector<engine::InferenceBenchPoint>& points,
                         const std::vector<engine::BenchModel>& models) {
    if (models.size() < 2) return;
    const std::string& base = models.front().label;
    out << "\nSide by side (ratio to " << base << ", medians):\n\n| batch | prefill |";
    for (size_t i = 1; i < models.size(); ++i) out << " step " << models[i].label << " / " << base << " | TTFT ratio |";
    out << "\n|---|---|";
    for (size_t i = 1; i < models.size(); ++i) out << "---|---|";
    out << "\n";
    for (size_t k = 0; k + models.size() <= points.size(); k += models.size()) {
        const auto& b = points[k];
        out << "| " << b.batch << " | " << b.prefill << " |";
        for (size_t i = 1; i < models.size(); ++i) {
            const auto& p = points[k + i];
            out << " " << g3(p.stepMs.median / b.stepMs.median) << " | " << g3(p.ttftMs.median / b.ttftMs.median) << " |";
        }
        out << "\n";
    }
}

void printPointsCsv(std::ostream& out, const std::vector<engine::InferenceBenchPoint>& points, const SweepInfo& info) {
    out << "sweep,model,arch,params,batch,prefill,gen,status,ttft_ms,ttft_ms_min,ttft_ms_max,step_ms,step_ms_min,step_ms_max,"
           "prefill_tokens_per_s,decode_tokens_per_s,peak_memory_bytes,memory_method,state_bytes_after_prefill,"
           "state_bytes_after_decode,device,threads,message\n";
    auto n = [](double v) { return std::isfinite(v) ? json(v).dump() : std::string(); };
    for (const auto& p : points)
        out << info.sweep << "," << csvField(p.label) << "," << archName(p.shape.arch) << "," << p.params << "," << p.batch << ","
            << p.prefill << "," << p.decodeSteps << "," << p.status << "," << n(p.ttftMs.median) << "," << n(p.ttftMs.min) << ","
            << n(p.ttftMs.max) << "," << n(p.stepMs.median) << "," << n(p.stepMs.min) << "," << n(p.stepMs.max) << ","
            << n(p.prefillTokensPerSecond) << "," << n(p.decodeTokensPerSecond) << "," << p.peakMemoryBytes << ","
            << csvField(p.memoryMethod) << "," << p.stateBytesAfterPrefill << "," << p.stateBytesAfterDecode << ","
            << csvField(info.machine.device) << "," << info.machine.threads << "," << csvField(p.message) << "\n";
}

DecodeAccounting accountingOption(const Args& args, DecodeAccounting fallback) {
    DecodeAccounting mode = fallback;
    if (args.has("accounting") && !parseDecodeAccounting(args.str("accounting"), &mode))
        throw UsageError("--accounting must be repository or physical, got '" + args.str("accounting") + "'");
    return mode;
}

RuntimeFitOptions fitOptions(const Args& args) {
    RuntimeFitOptions f;
    f.ttftHuberDeltaMs = args.number("huber-ms", 0.0);
    f.dropZeroPrefill = !args.has("keep-zero-prefill");
    std::string error;
    if (!f.isValid(&error)) throw UsageError(error);
    return f;
}

int runInference(Context& ctx) {
    const Args& args = ctx.args;
    SweepInfo info;
    const std::vector<engine::BenchModel> models = resolveModels(args, ctx.dbPath, &info.presets);
    engine::InferenceBenchOptions& o = info.options;
    if (args.has("device") && !engine::parseComputeDevice(args.str("device"), &o.device))
        throw UsageError("--device must be cpu or cuda, got '" + args.str("device") + "'");
    if (o.device == engine::ComputeDevice::Cuda) o.dtype = engine::ComputeDtype::BFloat16;
    if (args.has("dtype") && !engine::parseComputeDtype(args.str("dtype"), &o.dtype))
        throw UsageError("--dtype must be float32 or bfloat16, got '" + args.str("dtype") + "'");
    o.cudaDevice = static_cast<int>(args.integer("cuda-device", 0));
    o.batches.clear();
    for (long long b : args.has("batch") ? args.integerList("batch") : std::vector<long long>{1}) o.batches.push_back(static_cast<int>(b));
    o.prefills = args.has("prefill") ? args.integerList("prefill") : std::vector<long long>{256, 1024, 4096};
    o.decodeSteps = positiveInt(args, "gen", 32);
    o.repeats = positiveInt(args, "repeats", 3);
    o.warmupRepeats = static_cast<int>(args.integer("warmup", 1));
    o.threads = static_cast<int>(args.integer("threads", 0));
    if (args.has("clock") && !engine::parseBenchClock(args.str("clock"), &o.clock))
        throw UsageError("--clock must be wall or cpu, got '" + args.str("clock") + "'");
    o.timeLimitSeconds = args.number("time-limit", 0.0);
    o.seed = static_cast<std::uint64_t>(args.integer("seed", 0));
    std::string error;
    if (!o.isValid(&error)) throw UsageError(error);
    const DecodeAccounting mode = accountingOption(args, DecodeAccounting::Physical);
    const RuntimeFitOptions fitOpts = fitOptions(args);
    const int formats = args.has("csv") + args.has("markdown") + ctx.json;
    if (formats > 1) throw UsageError("give at most one of --json, --csv, --markdown");

    info.sweep = "bench-" + std::to_string(std::chrono::duration_cast<std::chrono::seconds>(
                                                std::chrono::system_clock::now().time_since_epoch()).count()) +
                 "-" + std::to_string(getpid());
    info.machine = engine::machineInfo(o);
    auto& err = *ctx.err;
    if (!args.has("no-hardware")) {
        err << "measuring matmul rate and memory bandwidth...\n";
        info.hardware = engine::measureHardwareRates(o);
        if (!info.hardware.status) err << "seqscope-cli bench inference: " << info.hardware.status.message() << "\n";
    } else {
        info.hardware.status = Status(StatusCode::Unavailable, "not measured (--no-hardware)");
    }

    std::unique_ptr<storage::Store> store;
    if (!args.has("no-store")) {
        auto opened = workspace::openWorkspace(ctx.dbPath);
        if (!opened) {
            err << "seqscope-cli bench inference: " << opened.status().message() << "\n";
            return kExitFailure;
        }
        store = std::move(opened.value());
    }
    Status storeError;
    const size_t total = models.size() * o.batches.size() * o.prefills.size();
    size_t done = 0;
    auto onPoint = [&](const engine::InferenceBenchPoint& p) {
        ++done;
        err << "[" << done << "/" << total << "] " << p.label << " B=" << p.batch << " T=" << p.prefill << ": "
            << (p.status == "ok" ? "ttft " + g3(p.ttftMs.median) + " ms, step " + g3(p.stepMs.median) + " ms"
                                 : p.status + " (" + p.message + ")")
            << "\n";
        if (store && storeError.isOk()) {
            auto id = store->addBenchmarkPoint(toBenchmarkPoint(p, info));
            if (!id) storeError = id.status();
        }
    };
    auto points = engine::runInferenceBench(models, o, onPoint);
    if (!points) {
        if (points.status().code() == StatusCode::InvalidArgument) throw UsageError(points.status().message());
        err << "seqscope-cli bench inference: " << points.status().message() << "\n";
        return kExitFailure;
    }
    const StoredSamples samples = samplesFromInvocation(*points, info, mode);
    const RuntimeModelReport fit = fitRuntimeModel(samples.samples, fitOpts);

    auto& out = *ctx.out;
    if (ctx.json) {
        json j;
        j["sweep"] = info.sweep;
        j["machine"] = machineJson(info.machine);
        j["hardware"] = hardwareJson(info.hardware);
        j["stored"] = store != nullptr && storeError.isOk();
        j["points"] = json::array();
        for (const auto& p : *points) j["points"].push_back(pointJson(p, info));
        j["fit"] = fitJson(fit, mode, samples.hardware);
        out << j.dump(2) << "\n";
    } else if (args.has("csv")) {
        printPointsCsv(out, *points, info);
    } else {
        printPointsMarkdown(out, *points);
        printRatiosMarkdown(out, *points, models);
        out << "\nMachine: " << info.machine.device << ", " << info.machine.logicalCpus << " logical CPUs, load average "
            << g3(info.machine.loadAverage1m) << " at start; LibTorch " << info.machine.torchVersion << ", Seqscope "
            << info.machine.seqscopeVersion << ".\n"
            << "Timings: "
            << (o.device == engine::ComputeDevice::Cuda ? std::string("CUDA events")
                : o.clock == engine::BenchClock::Wall ? std::string("wall clock")
                                                      : std::string("process CPU time (all threads summed), also for the hardware rates"))
            << "; " << o.warmupRepeats << " warm-up + " << o.repeats << " measured repeats per point, value (min-max) over repeats.\n";
        if (std::isfinite(info.hardware.matmulFlopsPerSecond))
            out << "Hardware: " << info.hardware.dtype << " matmul " << g3(info.hardware.matmulFlopsPerSecond / 1e9)
                << " GFLOP/s (" << info.hardware.matmulSize << "^3), memory bandwidth "
                << g3(info.hardware.bandwidthBytesPerSecond / 1e9) << " GB/s (float32 c = a + b, "
                << mib(static_cast<double>(info.hardware.copyBytes)) << " buffers).\n";
        out << "Accounting bytes: " << (samples.accountingBytes.empty() ? "-" : samples.accountingBytes.begin()->second) << ".\n\n";
        printFitMarkdown(out, fit, mode, samples.hardware);
        out << "\nSweep " << info.sweep << (store ? (storeError.isOk() ? " stored in " + ctx.dbPath : "") : " not stored (--no-store)")
            << ".\n";
    }
    if (!storeError.isOk()) {
        err << "seqscope-cli bench inference: storing points failed: " << storeError.message() << "\n";
        return kExitFailure;
    }
    return kExitOk;
}

int runFit(Context& ctx) {
    const Args& args = ctx.args;
    const RuntimeFitOptions fitOpts = fitOptions(args);
    std::string reference = args.str("reference", args.str("dataset"));
    if (args.has("reference") && args.has("dataset")) throw UsageError("give --reference or --dataset, not both");
    StoredSamples samples;
    DecodeAccounting mode;
    std::string source;
    if (!reference.empty()) {
        if (reference != "h100" && reference != kReferenceInferenceDataset)
            throw UsageError("unknown inference dataset '" + reference + "' (known: h100 = " + kReferenceInferenceDataset + ")");
        if (args.has("sweep")) throw UsageError("--sweep applies to stored points, not to the reference dataset");
        mode = accountingOption(args, DecodeAccounting::Repository);
        InferenceAccountingOptions acc;   // bf16 weights/activations, fp32 state: the reference's byte sizes
        acc.decode = mode;
        auto ref = referenceRuntimeSamples(acc);
        if (!ref) {
            *ctx.err << "seqscope-cli bench fit: " << ref.status().message() << "\n";
            return kExitFailure;
        }
        samples.samples = std::move(ref.value());
        HardwareReference h100{kH100PeakBf16FlopsPerSecond, kH100PeakBytesPerSecond,
                               "H100-SXM bf16 dense and HBM3 datasheet values, as the reference normalises"};
        for (const auto& s : samples.samples) samples.hardware[s.model] = h100;
        source = std::string(kReferenceInferenceDataset) + " (built-in, the paper's H100 benchmark)";
    } else {
        mode = accountingOption(args, DecodeAccounting::Physical);
        storage::StoreOptions so;
        so.readOnly = true;
        so.createIfMissing = false;
        auto store = storage::Store::open(ctx.dbPath, so);
        if (!store) {
            *ctx.err << "seqscope-cli bench fit: " << store.status().message() << "\n";
            return kExitFailure;
        }
        auto points = (*store)->benchmarkPoints();
        if (!points) {
            *ctx.err << "seqscope-cli bench fit: " << points.status().message() << "\n";
            return kExitFailure;
        }
        samples = samplesFromPoints(*points, mode, args.str("sweep"));
        source = ctx.dbPath + (args.has("sweep") ? " [sweep " + args.str("sweep") + "]" : "");
        if (samples.samples.empty()) {
            *ctx.err << "seqscope-cli bench fit: no successful inference benchmark points in " << source
                     << " (run 'seqscope-cli bench inference' first)\n";
            return kExitFailure;
        }
    }
    const RuntimeModelReport fit = fitRuntimeModel(samples.samples, fitOpts);
    if (!fit.status) {
        *ctx.err << "seqscope-cli bench fit: " << fit.status.message() << "\n";
        return kExitFailure;
    }
    if (ctx.json) {
        json j = fitJson(fit, mode, samples.hardware);
        j["source"] = source;
        j["samples"] = samples.samples.size();
        j["skipped_points"] = samples.skipped;
        if (args.has("with-samples")) {
            j["samples_detail"] = json::array();
            for (const auto& x : samples.samples)
                j["samples_detail"].push_back({{"arch", x.arch}, {"model", x.model}, {"batch", x.batch}, {"prefill", x.prefill},
                                               {"ttft_ms", num(x.ttftMs)}, {"step_ms", num(x.stepMs)},
                                               {"prefill_flops", num(x.prefillFlops)}, {"step_bytes", num(x.stepBytes)},
                                               {"source_row", x.sourceRow}});
        }
        *ctx.out << j.dump(2) << "\n";
    } else {
        *ctx.out << "Source: " << source << ", " << samples.samples.size() << " samples.\n";
        printFitMarkdown(*ctx.out, fit, mode, samples.hardware);
    }
    return kExitOk;
}

std::vector<OptionSpec> fitOptionSpecs() {
    return {{"accounting", "MODE", "decode byte accounting: repository (T_gen = 100, the paper's fits) or physical",
             "inference: physical; --reference: repository", "Fit"},
            {"huber-ms", "D", "Huber delta on TTFT residuals in ms (0 = plain least squares; the reference used 1)", "0", "Fit"},
            {"keep-zero-prefill", "", "keep prefill-0 rows (the reference drops them)", "", "Fit"}};
}

}  // namespace

void registerBenchCommands(Registry& registry) {
    registry.addGroup("bench", "inference benchmarks and the paper's runtime model");

    Command inf;
    inf.path = "bench inference";
    inf.summary = "time to first token, decode step time and memory against context, side by side";
    inf.description =
        "Measures each model at every (batch, prefill) after warm-up: TTFT (prefill + greedy first token), the median "
        "decode step over G steps, tokens/s of both phases and peak memory (CPU: RSS growth; CUDA: max allocated), as "
        "median and range over the repeats. Models are interleaved at every point so machine load hits them alike. "
        "Also measures the matmul rate and memory bandwidth, fits TTFT = FLOPs/alpha_eff + eps and step = "
        "bytes/beta_eff + eps + B*eps_bp (scaling-laws.md 12) and stores every point (failed and oom ones too).";
    inf.usesDatabase = true;
    inf.options = {
        {"arch", "A[,A]", "xlstm and/or transformer (with --preset sizes or explicit dimensions)", "", "Model"},
        {"preset", "P[,P]", "presets, or sizes combined with --arch (--arch xlstm,transformer --preset 10m)", "", "Model"},
        {"checkpoint", "DIR[,DIR]", "real models: model directories or imported models' names (seqscope-cli model list)", "", "Model"},
        {"d-model", "D", "embedding width d (explicit dimensions, vocabulary 260)", "", "Model"},
        {"layers", "L", "number of blocks", "", "Model"},
        {"heads", "H", "heads (must divide d)", "", "Model"},
        {"qk-factor", "F", "xLSTM q/k width factor", "0.5", "Model"},
        {"ffn-factor", "F", "SwiGLU width factor", "2.667", "Model"},
        {"ffn-multiple", "M", "SwiGLU width rounding multiple", "64", "Model"},
        {"vocab", "V", "vocabulary size", "presets: their own; dimensions: 260", "Model"},
        {"chunk", "L", "mLSTM chunk size", "presets: their own", "Model"},
        {"prefill", "T[,T]", "prefill lengths in tokens", "256,1024,4096", "Sweep"},
        {"batch", "B[,B]", "batch sizes", "1", "Sweep"},
        {"gen", "G", "decode steps timed after the first token", "32", "Sweep"},
        {"repeats", "R", "measured repeats per point", "3", "Sweep"},
        {"warmup", "W", "untimed warm-up repeats per point", "1", "Sweep"},
        {"time-limit", "S", "seconds per point (incl. warm-up) before it is stored as failed; 0 = none", "0", "Sweep"},
        {"seed", "S", "weights and prompt tokens", "0", "Sweep"},
        {"device", "DEV", "cpu or cuda", "cpu", "Compute"},
        {"cuda-device", "N", "CUDA ordinal", "0", "Compute"},
        {"dtype", "T", "float32 or bfloat16 (cuda only)", "cpu: float32, cuda: bfloat16", "Compute"},
        {"threads", "N", "CPU intra-op threads", "LibTorch default", "Compute"},
        {"clock", "C", "CPU timings: wall, or cpu = process CPU time (robust on a loaded machine; all threads summed)",
         "wall", "Compute"},
        {"no-hardware", "", "skip measuring the matmul rate and bandwidth", "", "Compute"},
        {"markdown", "", "markdown tables (default)", "", "Output"},
        {"csv", "", "one CSV row per point", "", "Output"},
        {"no-store", "", "do not write the points to the database", "", "Output"},
    };
    for (auto& f : fitOptionSpecs()) inf.options.push_back(f);
    inf.handler = runInference;
    registry.add(std::move(inf));

    Command fit;
    fit.path = "bench fit";
    fit.summary = "fit the runtime model to stored benchmark points or the paper's H100 measurements";
    fit.description =
        "Per architecture and model: TTFT = FLOPs_prefill / alpha_eff + eps and step = bytes_step / beta_eff + eps + "
        "B*eps_bp (log-space least squares), with FLOPs and bytes from the inference accounting in the chosen decode "
        "mode, and alpha_eff, beta_eff as fractions of the measured (or, for the H100 data, datasheet) peak. "
        "Parameters the points cannot identify (an xLSTM's beta_eff: its step bytes have no context term) are "
        "reported as bounds.";
    fit.usesDatabase = true;
    fit.options = {{"reference", "NAME", "the built-in H100 measurements: h100 (= xlstm-inference-h100)", "", "Source"},
                   {"dataset", "NAME", "same as --reference (xlstm-inference-h100)", "", "Source"},
                   {"sweep", "ID", "stored points of one bench inference invocation only", "", "Source"},
                   {"with-samples", "", "with --json: also every sample with its FLOPs and bytes", "", "Output"}};
    for (auto& f : fitOptionSpecs()) fit.options.push_back(f);
    fit.handler = runFit;
    registry.add(std::move(fit));
}

}  // namespace seqscope::cli
