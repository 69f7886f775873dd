// SPDX-License-Identifier: MIT
// `seqscope-cli flops` and `seqscope-cli presets`: parameter count, training FLOPs (per token and per
// sequence, forward and forward+backward, beside the 6N heuristic) and inference FLOPs/bytes for a
// preset or explicit dimensions. Formulas: engine/analysis/{accounting,inference_accounting}.h after
// ../shared/reference/scaling-laws.md sections 3, 4 and 12. Decode steps are shown in both labelled
// conventions (repository T_gen = 100, physical); inference uses the same chunk size as training
// (use the *-inf presets for the paper's benchmark configurations).
#include <cstdio>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

#include "analysis/accounting.h"
#include "analysis/inference_accounting.h"
#include "analysis/presets.h"
#include "cli/command_line.h"
#include "cli/commands.h"

namespace seqscope::cli {
namespace {

using namespace seqscope::analysis;

// 164110224 -> "164,110,224"
std::string grouped(long long v) {
    std::string digits = std::to_string(v < 0 ? -v : v), out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return v < 0 ? "-" + out : out;
}

std::string sci(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4e", v);
    return buf;
}

std::string bytes(double v) {
    const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    int u = 0;
    double x = v;
    while (x >= 1024 && u < 4) x /= 1024, ++u;
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.4e B (%.3g %s)", v, x, units[u]);
    return buf;
}

int positiveInt(const Args& args, const std::string& name, long long fallback) {
    const long long v = args.integer(name, fallback);
    if (v <= 0 || v > 1'000'000'000) throw UsageError("option --" + name + ": must be a positive whole number, got " + std::to_string(v));
    return static_cast<int>(v);
}

struct Resolved {
    ModelShape shape;
    std::string preset;   // empty for explicit dimensions
    long long context = 0;
};

// The model from --preset or from --arch/--d-model/--layers/--heads (+ factors); UsageError otherwise.
Resolved resolveModel(const Args& args) {
    Resolved r;
    const bool dims = args.has("d-model") || args.has("layers") || args.has("heads");
    if (args.has("preset")) {
        if (dims) throw UsageError("--preset cannot be combined with --d-model/--layers/--heads");
        for (const char* factor : {"qk-factor", "ffn-factor", "ffn-multiple"})
            if (args.has(factor)) throw UsageError(std::string("--") + factor + " applies to explicit dimensions, not to --preset");
        const Preset* p = findPreset(args.str("preset"));
        if (!p) throw UsageError("unknown preset '" + args.str("preset") + "' (known: " + presetNames() + ")");
        r.shape = p->shape;
        r.preset = p->name;
        r.context = p->context;
        if (args.has("arch")) {
            Arch a;
            if (!parseArch(args.str("arch"), &a)) throw UsageError("--arch must be xlstm or transformer, got '" + args.str("arch") + "'");
            if (a != p->shape.arch)
                throw UsageError("--arch " + args.str("arch") + " contradicts preset " + p->name + " (" + archName(p->shape.arch) + ")");
        }
        if (args.has("vocab")) r.shape.vocab = positiveInt(args, "vocab", 0);
    } else {
        Arch arch;
        const std::string a = args.str("arch");
        if (!parseArch(a, &arch)) throw UsageError("--arch must be xlstm or transformer, got '" + a + "'");
        ShapeFactors f;
        f.qkFactor = args.number("qk-factor", f.qkFactor);
        f.ffnFactor = args.number("ffn-factor", f.ffnFactor);
        if (!(f.qkFactor > 0 && f.qkFactor <= 4)) throw UsageError("option --qk-factor: must be in (0, 4]");
        if (!(f.ffnFactor > 0 && f.ffnFactor <= 64)) throw UsageError("option --ffn-factor: must be in (0, 64]");
        f.ffnMultiple = positiveInt(args, "ffn-multiple", f.ffnMultiple);
        f.vocab = positiveInt(args, "vocab", f.vocab);
        f.maxContext = 1 << 30;
        r.shape = makeShape(arch, positiveInt(args, "d-model", 0), positiveInt(args, "layers", 0),
                            positiveInt(args, "heads", 0), f);
        r.context = 8192;
    }
    if (args.has("chunk")) r.shape.chunk = positiveInt(args, "chunk", 0);
    if (args.has("ctx")) r.context = positiveInt(args, "ctx", 0);
    std::string error;
    if (!r.shape.isValid(&error)) throw UsageError("invalid model dimensions: " + error);
    return r;
}

int runFlops(Context& ctx) {
    const Resolved m = resolveModel(ctx.args);
    TrainingFlopOptions topt;
    if (ctx.args.has("attention-mode") && !parseAttentionFlopMode(ctx.args.str("attention-mode"), &topt.attention))
        throw UsageError("--attention-mode must be distill or chinchilla, got '" + ctx.args.str("attention-mode") + "'");
    const int batch = positiveInt(ctx.args, "batch", 1);

    const ParameterCount params = countParameters(m.shape);
    const TrainingFlops tf = trainingFlops(m.shape, m.context, topt);
    InferenceAccountingOptions repo, phys;
    phys.decode = DecodeAccounting::Physical;
    const InferenceCosts ir = inferenceCosts(m.shape, batch, m.context, repo);
    const InferenceCosts ip = inferenceCosts(m.shape, batch, m.context, phys);
    for (const Status* s : {&tf.status, &ir.status, &ip.status})
        if (!s->isOk()) {
            *ctx.err << "seqscope-cli flops: " << s->message() << "\n";
            return kExitFailure;
        }
    const bool xlstm = m.shape.arch == Arch::XLstm;
    const double T = static_cast<double>(m.context);

    if (ctx.json) {
        nlohmann::json j;
        j["arch"] = archName(m.shape.arch);
        j["preset"] = m.preset.empty() ? nlohmann::json(nullptr) : nlohmann::json(m.preset);
        j["shape"] = {{"d_model", m.shape.dModel}, {"layers", m.shape.layers}, {"heads", m.shape.heads},
                      {"head_dim_qk", m.shape.headDimQK}, {"head_dim_v", m.shape.headDimV},
                      {"ffn_dim", m.shape.ffnDim}, {"vocab", m.shape.vocab},
                      {"chunk", xlstm ? nlohmann::json(m.shape.chunk) : nlohmann::json(nullptr)}};
        j["params"] = params.total;
        j["params_breakdown"] = {{"embedding", params.embedding}, {"head", params.head}, {"per_block", params.perBlock},
                                 {"blocks", params.blocks}, {"final_norm", params.finalNorm}};
        j["context"] = m.context;
        j["training"] = {
            {"attention_mode", attentionFlopModeName(topt.attention)},
            {"backward_factor", topt.backwardFactor},
            {"chunks_per_sequence", xlstm ? nlohmann::json(tf.chunks) : nlohmann::json(nullptr)},
            {"padded_to_chunk", tf.paddedToChunk},
            {"forward_per_token", tf.forwardPerToken},
            {"forward_per_sequence", tf.forwardPerSequence},
            {"fwbw_per_token", tf.fwbwPerToken},
            {"fwbw_per_sequence", tf.fwbwPerSequence},
            {"forward_breakdown_per_sequence",
             {{"projections", tf.forward.projections}, {"ffn_gating", tf.forward.ffnGating},
              {"logits", tf.forward.logits}, {"sequence_mixing", tf.forward.sequenceMixing}}},
            {"heuristic_6n_per_token", tf.heuristicPerToken},
            {"heuristic_6n_per_sequence", tf.heuristicPerToken * T},
            {"ratio_to_6n", tf.ratioToHeuristic}};
        auto step = [](const InferenceCosts& c) { return nlohmann::json{{"flops", c.stepFlops}, {"bytes", c.stepBytes}}; };
        j["inference"] = {{"batch", batch},
                          {"prefill_tokens", m.context},
                          {"prefill_flops", ir.prefillFlops},
                          {"prefill_bytes", ir.prefillBytes},
                          {"step", {{"repository", step(ir)}, {"physical", step(ip)}}},
                          {"repository_gen_tokens", repo.repositoryGenTokens},
                          {"kv_cache_bytes_per_token", kvCacheBytesPerToken(m.shape, repo.bytesActivation) * batch},
                          {"kv_cache_bytes", ir.kvCacheBytes},
                          {"state_values_per_sequence", recurrentStateValues(m.shape)},
                          {"state_bytes", ir.stateBytes},
                          {"bytes_weight", repo.bytesWeight},
                          {"bytes_activation", repo.bytesActivation},
                          {"bytes_state", repo.bytesState}};
        *ctx.out << j.dump(2) << "\n";
        return kExitOk;
    }

    auto& out = *ctx.out;
    out << m.shape.describe() << (m.preset.empty() ? "" : "   (preset " + m.preset + ")") << "\n\n";
    out << "Parameters N          " << grouped(params.total) << "  (embedding " << grouped(params.embedding)
        << ", head " << grouped(params.head) << ", " << m.shape.layers << " blocks x " << grouped(params.perBlock)
        << ", final norm " << grouped(params.finalNorm) << ")\n\n";
    out << "Training FLOPs at T = " << m.context << " (attention " << attentionFlopModeName(topt.attention)
        << ", backward = 2 x forward";
    if (xlstm) out << ", chunk " << tf.chunk << ", " << tf.chunks << " chunks" << (tf.paddedToChunk ? " (T padded to a multiple of the chunk)" : "");
    out << ")\n";
    out << "                      per token     per sequence\n";
    out << "  forward             " << sci(tf.forwardPerToken) << "    " << sci(tf.forwardPerSequence) << "\n";
    out << "  forward+backward    " << sci(tf.fwbwPerToken) << "    " << sci(tf.fwbwPerSequence) << "\n";
    out << "  6N heuristic        " << sci(tf.heuristicPerToken) << "    " << sci(tf.heuristicPerToken * T)
        << "    accounted / 6N = " << tf.ratioToHeuristic << "\n";
    out << "  " << (xlstm ? "mLSTM cell share  " : "attention share   ") << "  "
        << 100.0 * tf.forward.sequenceMixing / tf.forwardPerSequence << " % of forward FLOPs\n\n";
    out << "Inference, batch " << batch << ", prefill " << m.context << " tokens (bf16 weights and activations"
        << (xlstm ? ", fp32 state" : "") << ")\n";
    char line[160];
    auto row = [&](const std::string& label, double flopCount, double byteCount) {
        std::snprintf(line, sizeof line, "  %-36s %-13s %s\n", label.c_str(), sci(flopCount).c_str(), bytes(byteCount).c_str());
        out << line;
    };
    std::snprintf(line, sizeof line, "  %-36s %-13s %s\n", "", "FLOPs", "bytes");
    out << line;
    row("prefill (to first token)", ir.prefillFlops, ir.prefillBytes);
    row("decode step, repository (T_gen " + std::to_string(repo.repositoryGenTokens) + ")", ir.stepFlops, ir.stepBytes);
    row("decode step, physical", ip.stepFlops, ip.stepBytes);
    if (xlstm)
        out << "  recurrent state: " << grouped(recurrentStateValues(m.shape)) << " values per sequence, "
            << bytes(ir.stateBytes) << " for the batch, independent of context\n";
    else
        out << "  KV cache: " << bytes(kvCacheBytesPerToken(m.shape, repo.bytesActivation)) << " per token and sequence, "
            << bytes(ir.kvCacheBytes) << " for the batch at this context\n";
    return kExitOk;
}

int runPresets(Context& ctx) {
    if (ctx.json) {
        nlohmann::json list = nlohmann::json::array();
        for (const Preset& p : presets()) {
            const ModelShape& s = p.shape;
            list.push_back({{"name", p.name}, {"family", p.family}, {"arch", archName(s.arch)}, {"description", p.description},
                            {"d_model", s.dModel}, {"layers", s.layers}, {"heads", s.heads}, {"head_dim_qk", s.headDimQK},
                            {"head_dim_v", s.headDimV}, {"ffn_dim", s.ffnDim}, {"vocab", s.vocab},
                            {"chunk", s.arch == Arch::XLstm ? nlohmann::json(s.chunk) : nlohmann::json(nullptr)},
                            {"context", p.context}, {"max_context", s.maxContext}, {"params", parameterCount(s)}});
        }
        *ctx.out << list.dump(2) << "\n";
        return kExitOk;
    }
    auto& out = *ctx.out;
    char line[200];
    std::snprintf(line, sizeof line, "%-22s %-16s %6s %4s %4s %5s %5s %6s %6s %5s %7s %15s\n", "name", "family", "d", "L",
                  "H", "d_qk", "d_v", "F", "V", "Lc", "context", "N");
    out << line;
    for (const Preset& p : presets()) {
        const ModelShape& s = p.shape;
        std::snprintf(line, sizeof line, "%-22s %-16s %6d %4d %4d %5d %5d %6d %6d %5s %7lld %15s\n", p.name.c_str(),
                      p.family.c_str(), s.dModel, s.layers, s.heads, s.headDimQK, s.headDimV, s.ffnDim, s.vocab,
                      s.arch == Arch::XLstm ? std::to_string(s.chunk).c_str() : "-", p.context,
                      grouped(parameterCount(s)).c_str());
        out << line;
    }
    return kExitOk;
}

}  // namespace

void registerFlopsCommands(Registry& registry) {
    Command flops;
    flops.path = "flops";
    flops.summary = "parameters, training FLOPs and inference FLOPs/bytes of a model";
    flops.description =
        "Counts N and FLOPs as the xLSTM scaling-laws paper does (scaling-laws.md sections 3, 4, 12): training "
        "forward and forward+backward FLOPs per token and per sequence beside the 6N heuristic, inference prefill "
        "and decode-step FLOPs and bytes (decode in the repository's T_gen = 100 convention and physically), "
        "KV-cache or recurrent-state size. Give --preset or --arch with --d-model, --layers and --heads.";
    flops.options = {
        {"preset", "NAME", "a named configuration (see 'seqscope-cli presets')", "", "Model"},
        {"arch", "ARCH", "xlstm or transformer (with explicit dimensions)", "", "Model"},
        {"d-model", "D", "model width d", "", "Model"},
        {"layers", "L", "number of blocks", "", "Model"},
        {"heads", "H", "number of heads (must divide d)", "", "Model"},
        {"qk-factor", "F", "xLSTM query/key width factor: d_qk = F*d/H", "0.5", "Model"},
        {"ffn-factor", "F", "FFN width factor before rounding", "2.667", "Model"},
        {"ffn-multiple", "M", "FFN width rounded to a multiple of M (xLSTM up, Transformer down)", "64", "Model"},
        {"vocab", "V", "vocabulary size", "50304 (presets: their own)", "Model"},
        {"chunk", "C", "mLSTM chunk size for training and inference counts", "64 (-inf presets: 128)", "Counting"},
        {"ctx", "T", "context length (training) and prefill length (inference)", "8192 (presets: their own)", "Counting"},
        {"attention-mode", "MODE", "distill (causal, the paper's fits) or chinchilla (non-causal)", "distill", "Counting"},
        {"batch", "B", "sequences per inference batch", "1", "Counting"},
    };
    flops.handler = runFlops;
    registry.add(std::move(flops));

    Command list;
    list.path = "presets";
    list.summary = "list the model presets (paper scaling-study, paper inference, small CPU models) with N";
    list.handler = runPresets;
    registry.add(std::move(list));
}

}  // namespace seqscope::cli
