// SPDX-License-Identifier: MIT
// `seqscope-cli model info` and `seqscope-cli generate`: instantiate an xLSTM or Transformer
// (engine/models/language_model.h) from a preset or explicit dimensions, report the parameter count
// counted from the module next to the accounting formula (scaling-laws.md section 3), and sample
// from it with byte-level tokens. Weights are the reference random initialisation unless
// --checkpoint names a parameter archive (LanguageModel::saveParameters); training checkpoints come
// with the trainer. Models whose float32 weights exceed half the machine's RAM are refused up front.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

#include "analysis/accounting.h"
#include "analysis/presets.h"
#include "cli/command_line.h"
#include "cli/commands.h"
#include "engine/models/language_model.h"

namespace seqscope::cli {
namespace {

using namespace seqscope::analysis;
using engine::LanguageModel;
using engine::ModelOptions;

int positiveInt(const Args& args, const std::string& name, long long fallback) {
    const long long v = args.integer(name, fallback);
    if (v <= 0 || v > 1'000'000'000)
        throw UsageError("option --" + name + ": must be a positive whole number, got " + std::to_string(v));
    return static_cast<int>(v);
}

double physicalMemoryGiB() {
    const long pages = sysconf(_SC_PHYS_PAGES), pageSize = sysconf(_SC_PAGE_SIZE);
    return pages > 0 && pageSize > 0 ? static_cast<double>(pages) * static_cast<double>(pageSize) / (1024.0 * 1024 * 1024)
                                     : 0.0;
}

struct ModelRequest {
    ModelShape shape;
    std::string preset;   // empty for explicit dimensions
    ModelOptions options;
};

// --preset or --arch/--d-model/--layers/--heads (+ factors), then --vocab/--chunk/--context
// overrides and the device options. Dimension checks are left to the engine (validateModel), so the
// messages are the ones every caller sees.
ModelRequest resolve(const Args& args) {
    ModelRequest r;
    const bool dims = args.has("d-model") || args.has("layers") || args.has("heads");
    if (args.has("preset")) {
        if (dims) throw UsageError("--preset cannot be combined with --d-model/--layers/--heads");
        const Preset* p = findPreset(args.str("preset"));
        if (!p) throw UsageError("unknown preset '" + args.str("preset") + "' (known: " + presetNames() + ")");
        r.shape = p->shape;
        r.preset = p->name;
        if (args.has("arch")) {
            Arch a;
            if (!parseArch(args.str("arch"), &a))
                throw UsageError("--arch must be xlstm or transformer, got '" + args.str("arch") + "'");
            if (a != p->shape.arch)
                throw UsageError("--arch " + args.str("arch") + " contradicts preset " + p->name + " (" +
                                 archName(p->shape.arch) + ")");
        }
    } else {
        if (!args.has("arch")) throw UsageError("give --preset, or --arch with --d-model, --layers and --heads");
        Arch arch;
        if (!parseArch(args.str("arch"), &arch))
            throw UsageError("--arch must be xlstm or transformer, got '" + args.str("arch") + "'");
        ShapeFactors f;
        f.qkFactor = args.number("qk-factor", f.qkFactor);
        f.ffnFactor = args.number("ffn-factor", f.ffnFactor);
        f.ffnMultiple = static_cast<int>(args.integer("ffn-multiple", f.ffnMultiple));
        r.shape = makeShape(arch, static_cast<int>(args.integer("d-model")), static_cast<int>(args.integer("layers")),
                            static_cast<int>(args.integer("heads")), f);
    }
    if (args.has("vocab")) r.shape.vocab = static_cast<int>(args.integer("vocab"));
    if (args.has("chunk")) r.shape.chunk = static_cast<int>(args.integer("chunk"));
    if (args.has("context")) r.shape.maxContext = static_cast<int>(args.integer("context"));
    if (args.has("device") && !engine::parseComputeDevice(args.str("device"), &r.options.device))
        throw UsageError("--device must be cpu or cuda, got '" + args.str("device") + "'");
    if (args.has("dtype") && !engine::parseComputeDtype(args.str("dtype"), &r.options.dtype))
        throw UsageError("--dtype must be float32 or bfloat16, got '" + args.str("dtype") + "'");
    if (!args.has("dtype") && r.options.device == engine::ComputeDevice::Cuda) r.options.dtype = engine::ComputeDtype::BFloat16;
    r.options.seed = static_cast<std::uint64_t>(args.integer("init-seed", 0));
    r.options.maxParameterGiB = args.number("max-param-gib", physicalMemoryGiB() / 2);
    return r;
}

// Creates the model; invalid dimensions are usage errors (exit 2) as in `flops`, other failures
// (no CUDA device, out of memory) exit 1.
std::unique_ptr<LanguageModel> createOrThrow(const ModelRequest& r, Context& ctx, const std::string& command,
                                             int* exitCode) {
    auto model = LanguageModel::create(r.shape, r.options);
    if (model) return std::move(model.value());
    if (model.status().code() == StatusCode::InvalidArgument) throw UsageError(model.status().message());
    *ctx.err << "seqscope-cli " << command << ": " << model.status().message() << "\n";
    *exitCode = kExitFailure;
    return nullptr;
}

std::vector<OptionSpec> modelOptions() {
    const std::string g = "Model";
    return {{"arch", "A", "xlstm or transformer (optional with --preset)", "", g},
            {"preset", "P", "named configuration: " + presetNames(), "", g},
            {"d-model", "D", "embedding width d", "", g},
            {"layers", "L", "number of blocks", "", g},
            {"heads", "H", "heads (must divide d)", "", g},
            {"qk-factor", "F", "xLSTM q/k width factor", "0.5", g},
            {"ffn-factor", "F", "SwiGLU width factor", "2.667", g},
            {"ffn-multiple", "M", "SwiGLU width rounding multiple", "64", g},
            {"vocab", "V", "vocabulary size", "50304 (presets: their own)", g},
            {"chunk", "L", "mLSTM chunk size", "64", g},
            {"context", "T", "longest supported context (Transformer RoPE/KV cache)", "8192 (presets: their own)", g},
            {"device", "DEV", "cpu or cuda", "cpu", "Compute"},
            {"dtype", "T", "float32 or bfloat16 (bf16 only on cuda, over float32 weights)", "cpu: float32, cuda: bfloat16", "Compute"},
            {"init-seed", "S", "seed of the random initialisation", "0", "Compute"},
            {"max-param-gib", "G", "refuse models whose float32 weights exceed this", "half the RAM", "Compute"}};
}

nlohmann::json shapeJson(const ModelShape& s) {
    return {{"arch", archName(s.arch)}, {"d_model", s.dModel}, {"layers", s.layers}, {"heads", s.heads},
            {"head_dim_qk", s.headDimQK}, {"head_dim_v", s.headDimV}, {"ffn_dim", s.ffnDim}, {"vocab", s.vocab},
            {"chunk", s.arch == Arch::XLstm ? nlohmann::json(s.chunk) : nlohmann::json(nullptr)},
            {"max_context", s.maxContext}};
}

int runInfo(Context& ctx) {
    const ModelRequest r = resolve(ctx.args);
    const auto t0 = std::chrono::steady_clock::now();
    int exitCode = kExitOk;
    auto model = createOrThrow(r, ctx, "model info", &exitCode);
    if (!model) return exitCode;
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const long long counted = model->parameterCount();
    const long long formula = parameterCount(r.shape);
    if (ctx.json) {
        nlohmann::json j = shapeJson(r.shape);
        j["preset"] = r.preset.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.preset);
        j["params"] = counted;
        j["params_formula"] = formula;
        j["params_match"] = counted == formula;
        j["device"] = engine::computeDeviceName(r.options.device);
        j["dtype"] = engine::computeDtypeName(r.options.dtype);
        j["init_seconds"] = seconds;
        *ctx.out << j.dump(2) << "\n";
    } else {
        auto& out = *ctx.out;
        out << (r.preset.empty() ? "" : r.preset + ": ") << r.shape.describe() << " T<=" << r.shape.maxContext << "\n"
            << "params (module)   " << counted << "\n"
            << "params (formula)  " << formula << (counted == formula ? "  (equal)" : "  (DIFFERENT)") << "\n"
            << "device            " << engine::computeDeviceName(r.options.device) << " "
            << engine::computeDtypeName(r.options.dtype) << ", instantiated in " << seconds << " s\n";
    }
    return counted == formula ? kExitOk : kExitFailure;
}

// Bytes as text; bytes outside printable ASCII (and backslash) as \xNN so random output stays readable.
std::string escapedBytes(const std::vector<int>& tokens) {
    std::string out;
    for (int t : tokens) {
        if (t >= 32 && t < 127 && t != '\\') {
            out += static_cast<char>(t);
        } else if (t == '\n') {
            out += "\\n";
        } else {
            char buf[16];
            std::snprintf(buf, sizeof buf, t < 256 ? "\\x%02x" : "<%d>", t);
            out += buf;
        }
    }
    return out;
}

int runGenerate(Context& ctx) {
    const ModelRequest r = resolve(ctx.args);
    if (r.shape.vocab < 256)
        throw UsageError("byte-level prompts need a vocabulary of at least 256, the model has " + std::to_string(r.shape.vocab));
    const std::string prompt = ctx.args.str("prompt");
    if (prompt.empty()) throw UsageError("--prompt must not be empty");
    const int count = positiveInt(ctx.args, "tokens", 32);
    const double temperature = ctx.args.number("temperature", 0.0);
    if (temperature < 0) throw UsageError("option --temperature: must be >= 0 (0 = greedy), got " + ctx.args.str("temperature"));
    const auto seed = static_cast<std::uint64_t>(ctx.args.integer("seed", 0));

    int exitCode = kExitOk;
    auto model = createOrThrow(r, ctx, "generate", &exitCode);
    if (!model) return exitCode;
    const bool trained = ctx.args.has("checkpoint");
    if (trained) {
        if (Status s = model->loadParameters(ctx.args.str("checkpoint")); !s) {
            *ctx.err << "seqscope-cli generate: " << s.message() << "\n";
            return kExitFailure;
        }
    }
    std::vector<int> ids;
    for (unsigned char c : prompt) ids.push_back(c);
    auto result = model->generate(ids, count, temperature, seed);
    if (!result) {
        *ctx.err << "seqscope-cli generate: " << result.status().message() << "\n";
        return kExitFailure;
    }
    const double tokPerSec = result->decodeSeconds > 0 ? (count - 1) / result->decodeSeconds : 0.0;
    if (ctx.json) {
        nlohmann::json j = shapeJson(r.shape);
        j["preset"] = r.preset.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.preset);
        j["weights"] = trained ? ctx.args.str("checkpoint") : "random-init";
        j["prompt_tokens"] = ids;
        j["tokens"] = result->tokens;
        j["text"] = escapedBytes(result->tokens);
        j["temperature"] = temperature;
        j["seed"] = seed;
        j["prefill_seconds"] = result->prefillSeconds;
        j["decode_seconds"] = result->decodeSeconds;
        j["decode_tokens_per_second"] = tokPerSec;
        j["state_bytes"] = result->stateBytes;
        *ctx.out << j.dump(2) << "\n";
    } else {
        *ctx.out << prompt << escapedBytes(result->tokens) << "\n";
        *ctx.err << (r.preset.empty() ? r.shape.describe() : r.preset) << ", "
                 << (trained ? "weights " + ctx.args.str("checkpoint") : std::string("random-init weights")) << ": "
                 << ids.size() << " prompt tokens in " << result->prefillSeconds * 1e3 << " ms, " << count
                 << " generated at " << tokPerSec << " tok/s, state " << result->stateBytes << " bytes\n";
    }
    return kExitOk;
}

}  // namespace

void registerModelCommands(Registry& registry) {
    registry.addGroup("model", "instantiate xLSTM / Transformer models");
    Command info;
    info.path = "model info";
    info.summary = "instantiate a model and report its parameter count (module vs formula) and dimensions";
    info.description =
        "Builds the LibTorch module (reference initialisation) and counts its parameters; params_formula is the\n"
        "paper's count (scaling-laws.md section 3). Exit 1 if they differ.\n"
        "  seqscope-cli model info --preset xlstm-10m --json\n"
        "  seqscope-cli model info --arch transformer --d-model 512 --layers 8 --heads 8 --vocab 260";
    info.options = modelOptions();
    info.handler = runInfo;
    registry.add(std::move(info));

    Command gen;
    gen.path = "generate";
    gen.summary = "sample text from a model with byte-level tokens (random-init weights unless --checkpoint)";
    gen.description =
        "Tokens are the prompt's bytes (vocabulary >= 256). Without --checkpoint the weights are the random\n"
        "reference initialisation (seeded by --init-seed), so the output is noise; --checkpoint loads a parameter\n"
        "archive written by the engine (LanguageModel::saveParameters); trained checkpoints come with the trainer.\n"
        "Temperature 0 decodes greedily.\n"
        "  seqscope-cli generate --preset xlstm-1m --prompt 'Hello' --tokens 32 --temperature 0.8 --seed 1";
    gen.options = modelOptions();
    gen.options.push_back({"prompt", "TEXT", "prompt text (bytes are the tokens)", "", "Generation"});
    gen.options.push_back({"tokens", "N", "tokens to generate", "32", "Generation"});
    gen.options.push_back({"temperature", "T", "sampling temperature; 0 = greedy", "0", "Generation"});
    gen.options.push_back({"seed", "S", "seed of the sampler", "0", "Generation"});
    gen.options.push_back({"checkpoint", "PATH", "parameter archive to load instead of random weights", "", "Generation"});
    gen.handler = runGenerate;
    registry.add(std::move(gen));
}

}  // namespace seqscope::cli
