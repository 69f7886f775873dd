// SPDX-License-Identifier: MIT
// config.json <-> ModelShape for the official xLSTM (xLSTMLargeConfig, transformers xLSTMConfig)
// and Llama (LlamaConfig) layouts. Derivations are the official ones:
//   xLSTM  qk_dim = int(d * qk_dim_factor), v_dim = int(d * v_dim_factor), per head / num_heads;
//          ffn = int(((d * ffn_proj_factor + m - 1) // m) * m), m = ffn_round_up_to_multiple_of
//   Llama  head_dim = hidden_size / num_attention_heads, FFN = intermediate_size.
#include "interop/hf_config.h"

#include <cmath>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "models/language_model.h"

namespace seqscope::interop {
namespace {

using json = nlohmann::json;
using analysis::Arch;
using analysis::ModelShape;

// Keys every transformers PretrainedConfig may carry that change nothing Seqscope computes
// (generation defaults, tokenizer ids, bookkeeping).
const std::set<std::string> kGenericKeys = {
    "architectures", "model_type", "transformers_version", "torch_dtype", "dtype", "use_cache",
    "bos_token_id", "eos_token_id", "pad_token_id", "sep_token_id", "decoder_start_token_id",
    "initializer_range", "_name_or_path", "name_or_path", "return_dict", "output_hidden_states",
    "output_attentions", "torchscript", "use_return_dict", "is_encoder_decoder", "is_decoder",
    "add_cross_attention", "tie_encoder_decoder", "chunk_size_feed_forward", "problem_type",
    "id2label", "label2id", "task_specific_params", "tokenizer_class", "prefix", "finetuning_task",
    "max_length", "min_length", "do_sample", "early_stopping", "num_beams", "num_beam_groups",
    "diversity_penalty", "temperature", "top_k", "top_p", "typical_p", "repetition_penalty",
    "length_penalty", "no_repeat_ngram_size", "encoder_no_repeat_ngram_size", "bad_words_ids",
    "num_return_sequences", "output_scores", "return_dict_in_generate", "forced_bos_token_id",
    "forced_eos_token_id", "remove_invalid_values", "exponential_decay_length_penalty",
    "suppress_tokens", "begin_suppress_tokens", "cross_attention_hidden_size", "pruned_heads",
    "_attn_implementation_autoset", "_attn_implementation", "tf_legacy_loss", "use_bfloat16",
    "quantization_config_unused", "auto_map"};

// xLSTM fields that only choose kernels, state precision or inference chunking.
const std::set<std::string> kXlstmComputeKeys = {
    "chunkwise_kernel", "sequence_kernel", "step_kernel", "mode", "return_last_states",
    "autocast_kernel_dtype", "inference_state_dtype", "max_inference_chunksize",
    "norm_reduction_force_float32"};

std::string show(const json& v) { return v.dump(-1, ' ', true, json::error_handler_t::replace); }

class Reader {
public:
    Reader(const json& j, std::string origin) : m_j(j), m_origin(std::move(origin)) {}

    Status problem(const std::string& key, const std::string& what) const {
        return Status::invalid(m_origin + ": \"" + key + "\" " + what);
    }
    bool has(const std::string& key) const { return m_j.contains(key) && !m_j.at(key).is_null(); }
    bool present(const std::string& key) const { return m_j.contains(key); }

    // A positive whole number (first of the aliases present).
    Status integer(std::initializer_list<const char*> keys, int* out, bool required, long long maxValue = 1LL << 30) {
        for (const char* key : keys) {
            m_used.insert(key);
            if (!has(key)) continue;
            const json& v = m_j.at(key);
            if (!v.is_number_integer() || v.get<long long>() <= 0 || v.get<long long>() > maxValue)
                return problem(key, "must be a positive whole number, got " + show(v));
            *out = static_cast<int>(v.get<long long>());
            return Status::ok();
        }
        return required ? problem(*keys.begin(), "is missing") : Status::ok();
    }
    Status number(const char* key, double* out, bool required) {
        m_used.insert(key);
        if (!has(key)) return required ? problem(key, "is missing") : Status::ok();
        const json& v = m_j.at(key);
        if (!v.is_number() || !std::isfinite(v.get<double>())) return problem(key, "must be a number, got " + show(v));
        *out = v.get<double>();
        return Status::ok();
    }
    // The field, when present, must equal `expected` (what Seqscope implements).
    Status require(const char* key, const json& expected, const std::string& why) {
        m_used.insert(key);
        if (!has(key) || m_j.at(key) == expected) return Status::ok();
        if (expected.is_number() && m_j.at(key).is_number() && m_j.at(key).get<double>() == expected.get<double>())
            return Status::ok();
        return problem(key, "= " + show(m_j.at(key)) + " is not supported: " + why);
    }
    void ignore(const std::set<std::string>& keys) { m_used.insert(keys.begin(), keys.end()); }
    void use(const char* key) { m_used.insert(key); }

    // Every key not read, checked or ignored is refused: it might change the model.
    Status leftovers() const {
        for (auto it = m_j.begin(); it != m_j.end(); ++it)
            if (!m_used.count(it.key()) && !kGenericKeys.count(it.key()))
                return problem(it.key(), "is not a field Seqscope knows; refusing rather than ignoring it");
        return Status::ok();
    }
    const json& at(const char* key) const { return m_j.at(key); }

private:
    const json& m_j;
    std::string m_origin;
    std::set<std::string> m_used;
};

Result<ModelShape> readXlstm(Reader& r, CheckpointLayout layout) {
    ModelShape s;
    s.arch = Arch::XLstm;
    s.maxContext = static_cast<int>(engine::kMaxSupportedContext);   // no position limit; only a sanity bound
    Status st;
    const auto check = [&st](Status next) {
        if (st) st = std::move(next);
    };
    int dim2 = 0, blocks2 = 0;
    check(r.integer({"embedding_dim", "hidden_size"}, &s.dModel, true));
    check(r.integer({"hidden_size"}, &dim2, false));
    check(r.integer({"num_blocks", "num_hidden_layers"}, &s.layers, true));
    check(r.integer({"num_hidden_layers"}, &blocks2, false));
    check(r.integer({"num_heads"}, &s.heads, true));
    check(r.integer({"vocab_size"}, &s.vocab, true));
    check(r.integer({"chunk_size"}, &s.chunk, false));
    if (!st) return st;
    if (dim2 && dim2 != s.dModel)
        return r.problem("hidden_size", "= " + std::to_string(dim2) + " disagrees with embedding_dim = " + std::to_string(s.dModel));
    if (blocks2 && blocks2 != s.layers)
        return r.problem("num_hidden_layers", "= " + std::to_string(blocks2) + " disagrees with num_blocks = " + std::to_string(s.layers));

    double qkFactor = 0.5, vFactor = 1.0, ffnFactor = 2.6667, ffnMultiple = 64;
    check(r.number("qk_dim_factor", &qkFactor, false));
    check(r.number("v_dim_factor", &vFactor, false));
    check(r.number("ffn_proj_factor", &ffnFactor, false));
    check(r.number("ffn_round_up_to_multiple_of", &ffnMultiple, false));
    check(r.number("norm_eps", &s.normEps, false));
    check(r.number("eps", &s.cellEps, false));
    // A soft-cap of None (JSON null) in the official config means no cap, which Seqscope writes as 0.
    if (r.has("gate_soft_cap") || !r.present("gate_soft_cap")) check(r.number("gate_soft_cap", &s.gateSoftCap, false));
    else s.gateSoftCap = 0, r.use("gate_soft_cap");
    if (r.has("output_logit_soft_cap") || !r.present("output_logit_soft_cap"))
        check(r.number("output_logit_soft_cap", &s.logitSoftCap, false));
    else s.logitSoftCap = 0, r.use("output_logit_soft_cap");
    check(r.require("use_bias", false, "Seqscope's xLSTM has no projection biases"));
    check(r.require("weight_mode", "single", "only separate q/k/v/gate weights (\"single\") are implemented"));
    check(r.require("add_out_norm", true, "the final RMSNorm is always applied"));
    check(r.require("tie_word_embeddings", false, "the embedding and the head are separate matrices"));
    if (!st) return st;
    if (!(qkFactor > 0) || !(vFactor > 0) || !(ffnFactor > 0) || !(ffnMultiple >= 1) || ffnMultiple != std::floor(ffnMultiple))
        return r.problem("qk_dim_factor", "and v_dim_factor, ffn_proj_factor, ffn_round_up_to_multiple_of must be positive");
    const long long qkDim = static_cast<long long>(s.dModel * qkFactor), vDim = static_cast<long long>(s.dModel * vFactor);
    if (qkDim <= 0 || qkDim % s.heads != 0)
        return r.problem("qk_dim_factor", "gives a q/k width " + std::to_string(qkDim) + " that num_heads " +
                                              std::to_string(s.heads) + " does not divide");
    if (vDim != s.dModel)
        return r.problem("v_dim_factor", "gives a value width " + std::to_string(vDim) + " != embedding_dim " +
                                             std::to_string(s.dModel) + "; Seqscope's xLSTM needs v_dim = embedding_dim");
    s.headDimQK = static_cast<int>(qkDim / s.heads);
    s.headDimV = static_cast<int>(vDim / s.heads);
    const double ffn = pythonFloorDiv(s.dModel * ffnFactor + ffnMultiple - 1, ffnMultiple) * ffnMultiple;
    if (!(ffn >= 1 && ffn < 1e9)) return r.problem("ffn_proj_factor", "gives no usable FFN width");
    s.ffnDim = static_cast<int>(ffn);
    r.ignore(kXlstmComputeKeys);
    if (layout == CheckpointLayout::HfXlstm) r.use("max_inference_chunksize");
    return s;
}

Result<ModelShape> readLlama(Reader& r) {
    ModelShape s;
    s.arch = Arch::Transformer;
    s.logitSoftCap = 0;   // LlamaForCausalLM returns raw logits
    s.normEps = 1e-6;     // LlamaConfig's default rms_norm_eps
    s.ropeTheta = 10000;  // LlamaConfig's default rope_theta
    Status st;
    const auto check = [&st](Status next) {
        if (st) st = std::move(next);
    };
    int kvHeads = 0, headDim = 0;
    check(r.integer({"hidden_size"}, &s.dModel, true));
    check(r.integer({"num_hidden_layers"}, &s.layers, true));
    check(r.integer({"num_attention_heads"}, &s.heads, true));
    check(r.integer({"vocab_size"}, &s.vocab, true));
    check(r.integer({"intermediate_size"}, &s.ffnDim, true));
    check(r.integer({"max_position_embeddings"}, &s.maxContext, false, engine::kMaxSupportedContext));
    check(r.integer({"num_key_value_heads"}, &kvHeads, false));
    check(r.integer({"head_dim"}, &headDim, false));
    check(r.number("rms_norm_eps", &s.normEps, false));
    check(r.number("rope_theta", &s.ropeTheta, false));
    check(r.require("hidden_act", "silu", "the FFN is SwiGLU (SiLU gate)"));
    check(r.require("attention_bias", false, "Seqscope's attention has no biases"));
    check(r.require("mlp_bias", false, "Seqscope's FFN has no biases"));
    check(r.require("tie_word_embeddings", false, "the embedding and the head are separate matrices"));
    check(r.require("pretraining_tp", 1, "tensor-parallel slicing of the projections is not implemented"));
    check(r.require("attention_dropout", 0.0, "Seqscope trains without attention dropout"));
    check(r.require("rope_scaling", json(nullptr), "only plain RoPE is implemented"));
    if (!st) return st;
    // transformers 5 moved rope_theta into rope_parameters.
    if (r.has("rope_parameters")) {
        r.use("rope_parameters");
        const json& p = r.at("rope_parameters");
        if (!p.is_object()) return r.problem("rope_parameters", "must be an object");
        for (auto it = p.begin(); it != p.end(); ++it) {
            if (it.key() == "rope_type") {
                if (*it != "default") return r.problem("rope_parameters", "rope_type " + show(*it) + " is not supported: only plain RoPE");
            } else if (it.key() == "rope_theta") {
                if (!it->is_number() || !(it->get<double>() > 1)) return r.problem("rope_parameters", "rope_theta must be a number above 1");
                s.ropeTheta = it->get<double>();
            } else {
                return r.problem("rope_parameters", "field " + show(it.key()) + " is not supported: only plain RoPE");
            }
        }
    }
    if (kvHeads && kvHeads != s.heads)
        return r.problem("num_key_value_heads", "= " + std::to_string(kvHeads) + " (grouped-query attention) is not supported: it must equal num_attention_heads = " + std::to_string(s.heads));
    if (s.dModel % s.heads != 0)
        return r.problem("num_attention_heads", "= " + std::to_string(s.heads) + " does not divide hidden_size " + std::to_string(s.dModel));
    s.headDimQK = s.headDimV = s.dModel / s.heads;
    if (headDim && headDim != s.headDimQK)
        return r.problem("head_dim", "= " + std::to_string(headDim) + " is not supported: it must be hidden_size / num_attention_heads = " + std::to_string(s.headDimQK));
    return s;
}

// A number printed the shortest way that reads back identically (Python's repr does the same).
json exact(double v) { return v; }

}  // namespace

double pythonFloorDiv(double x, double m) {
    // CPython's float_floor_div: floor of the exact quotient, adjusted for the remainder's sign.
    double mod = std::fmod(x, m);
    double div = (x - mod) / m;
    if (mod != 0 && ((m < 0) != (mod < 0))) div -= 1.0;
    if (div == 0) return std::copysign(0.0, x / m);
    double floordiv = std::floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
    return floordiv;
}

const char* layoutName(CheckpointLayout layout) {
    switch (layout) {
        case CheckpointLayout::HfXlstm: return "hf-xlstm";
        case CheckpointLayout::Llama: return "llama";
        case CheckpointLayout::XlstmLarge: break;
    }
    return "xlstm-large";
}

bool parseLayout(const std::string& text, CheckpointLayout* layout) {
    if (text == "xlstm-large") *layout = CheckpointLayout::XlstmLarge;
    else if (text == "hf-xlstm") *layout = CheckpointLayout::HfXlstm;
    else if (text == "llama") *layout = CheckpointLayout::Llama;
    else return false;
    return true;
}

CheckpointLayout defaultLayout(Arch arch) { return arch == Arch::XLstm ? CheckpointLayout::XlstmLarge : CheckpointLayout::Llama; }

Result<HfModelConfig> parseHfConfig(const std::string& text, const std::string& origin) {
    const json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object()) return Status::invalid(origin + ": not a JSON object");
    Reader r(j, origin);
    HfModelConfig config;
    const std::string type = j.contains("model_type") && j["model_type"].is_string() ? j["model_type"].get<std::string>() : "";
    if (type == "llama") {
        config.layout = CheckpointLayout::Llama;
    } else if (type == "xlstm") {
        config.layout = CheckpointLayout::HfXlstm;
    } else if (type.empty() && j.contains("embedding_dim") && j.contains("num_blocks")) {
        config.layout = CheckpointLayout::XlstmLarge;
    } else if (!type.empty()) {
        return Status::invalid(origin + ": model_type " + show(j["model_type"]) +
                               " is not supported (Seqscope reads \"xlstm\", \"llama\" and xLSTMLargeConfig)");
    } else {
        return Status::invalid(origin + ": neither a transformers config (no \"model_type\") nor an xLSTMLargeConfig "
                                        "(no \"embedding_dim\" and \"num_blocks\")");
    }
    auto shape = config.layout == CheckpointLayout::Llama ? readLlama(r) : readXlstm(r, config.layout);
    if (!shape) return shape.status();
    if (Status s = r.leftovers(); !s) return s;
    std::string error;
    if (!shape->isValid(&error)) return Status::invalid(origin + ": " + error);
    config.shape = *shape;
    return config;
}

Result<std::string> hfConfigJson(const ModelShape& s, CheckpointLayout layout, bool dropLogitCap) {
    std::string error;
    if (!s.isValid(&error)) return Status::invalid(error);
    json j;
    if (layout == CheckpointLayout::Llama) {
        if (s.arch != Arch::Transformer) return Status::invalid("the llama layout holds Transformers, not an xLSTM");
        if (s.logitSoftCap > 0 && !dropLogitCap)
            return Status::invalid("this Transformer soft-caps its logits at " + std::to_string(s.logitSoftCap) +
                                   ", which LlamaForCausalLM cannot express; export anyway without the cap "
                                   "(large logits will differ) or keep the xLSTM-style cap out of the model");
        j = {{"architectures", {"LlamaForCausalLM"}}, {"model_type", "llama"}, {"hidden_size", s.dModel},
             {"intermediate_size", s.ffnDim}, {"num_hidden_layers", s.layers}, {"num_attention_heads", s.heads},
             {"num_key_value_heads", s.heads}, {"head_dim", s.headDimQK}, {"vocab_size", s.vocab},
             {"max_position_embeddings", s.maxContext}, {"rms_norm_eps", exact(s.normEps)},
             {"rope_theta", exact(s.ropeTheta)}, {"rope_scaling", nullptr}, {"hidden_act", "silu"},
             {"attention_bias", false}, {"attention_dropout", 0.0}, {"mlp_bias", false}, {"pretraining_tp", 1},
             {"tie_word_embeddings", false}, {"torch_dtype", "float32"}};
        return j.dump(2);
    }
    if (s.arch != Arch::XLstm) return Status::invalid(std::string("the ") + layoutName(layout) + " layout holds xLSTMs, not a Transformer");
    // Factors the official code turns back into exactly these widths: int(d * f) for q/k and v,
    // ((d * f + m - 1) // m) * m for the FFN. Prefer the paper's round values when they work.
    const double d = s.dModel;
    double qkFactor = 0.5;
    if (static_cast<long long>(d * qkFactor) != static_cast<long long>(s.heads) * s.headDimQK)
        qkFactor = (static_cast<double>(s.heads) * s.headDimQK + 0.5) / d;
    double ffnFactor = 2.667, multiple = 64;
    if (pythonFloorDiv(d * ffnFactor + multiple - 1, multiple) * multiple != s.ffnDim) {
        multiple = 1;
        ffnFactor = (s.ffnDim + 0.5) / d;
        if (pythonFloorDiv(d * ffnFactor + multiple - 1, multiple) * multiple != s.ffnDim)
            return Status(StatusCode::Internal, "no ffn_proj_factor reproduces ffn_dim " + std::to_string(s.ffnDim));
    }
    j = {{"embedding_dim", s.dModel}, {"num_heads", s.heads}, {"num_blocks", s.layers}, {"vocab_size", s.vocab},
         {"use_bias", false}, {"norm_eps", exact(s.normEps)}, {"norm_reduction_force_float32", true},
         {"add_out_norm", true}, {"qk_dim_factor", exact(qkFactor)}, {"v_dim_factor", 1.0},
         {"chunkwise_kernel", "chunkwise--native_autograd"}, {"sequence_kernel", "native_sequence__native"},
         {"step_kernel", "native"}, {"mode", "inference"}, {"chunk_size", s.chunk}, {"return_last_states", true},
         {"autocast_kernel_dtype", "float32"}, {"eps", exact(s.cellEps)}, {"inference_state_dtype", "float32"},
         {"ffn_proj_factor", exact(ffnFactor)}, {"ffn_round_up_to_multiple_of", static_cast<int>(multiple)},
         {"gate_soft_cap", exact(s.gateSoftCap)}, {"output_logit_soft_cap", exact(s.logitSoftCap)},
         {"weight_mode", "single"}};
    if (layout == CheckpointLayout::HfXlstm) {
        j.erase("embedding_dim");
        j.erase("num_blocks");
        j["hidden_size"] = s.dModel;
        j["num_hidden_layers"] = s.layers;
        j["model_type"] = "xlstm";
        j["architectures"] = {"xLSTMForCausalLM"};
        j["tie_word_embeddings"] = false;
    }
    return j.dump(2);
}

std::map<std::string, std::vector<long long>> expectedTensors(const ModelShape& s, CheckpointLayout layout) {
    using Shape = std::vector<long long>;
    std::map<std::string, Shape> ours;
    const long long d = s.dModel, F = s.ffnDim, V = s.vocab, H = s.heads;
    ours["embedding.weight"] = {V, d};
    ours["lm_head.weight"] = {V, d};
    for (int l = 0; l < s.layers; ++l) {
        if (s.arch == Arch::XLstm) {
            const std::string b = "backbone.blocks." + std::to_string(l) + ".";
            const long long qk = H * s.headDimQK, v = H * s.headDimV;
            ours[b + "norm_mlstm.weight"] = {d};
            ours[b + "mlstm_layer.q.weight"] = {qk, d};
            ours[b + "mlstm_layer.k.weight"] = {qk, d};
            ours[b + "mlstm_layer.v.weight"] = {v, d};
            ours[b + "mlstm_layer.ogate_preact.weight"] = {v, d};
            ours[b + "mlstm_layer.igate_preact.weight"] = {H, d};
            ours[b + "mlstm_layer.igate_preact.bias"] = {H};
            ours[b + "mlstm_layer.fgate_preact.weight"] = {H, d};
            ours[b + "mlstm_layer.fgate_preact.bias"] = {H};
            ours[b + "mlstm_layer.multihead_norm.weight"] = {v};
            ours[b + "mlstm_layer.out_proj.weight"] = {d, v};
            ours[b + "norm_ffn.weight"] = {d};
            ours[b + "ffn.proj_up_gate.weight"] = {F, d};
            ours[b + "ffn.proj_up.weight"] = {F, d};
            ours[b + "ffn.proj_down.weight"] = {d, F};
        } else {
            const std::string b = "blocks." + std::to_string(l) + ".";
            const long long inner = H * s.headDimQK;
            ours[b + "attn_norm.weight"] = {d};
            for (const char* p : {"q", "k", "v"}) ours[b + "attn." + p + ".weight"] = {inner, d};
            ours[b + "attn.out.weight"] = {d, inner};
            ours[b + "ffn_norm.weight"] = {d};
            ours[b + "ffn.proj_up_gate.weight"] = {F, d};
            ours[b + "ffn.proj_up.weight"] = {F, d};
            ours[b + "ffn.proj_down.weight"] = {d, F};
        }
    }
    ours[s.arch == Arch::XLstm ? "backbone.out_norm.weight" : "out_norm.weight"] = {d};
    std::map<std::string, Shape> out;
    for (auto& [name, shape] : ours) out[officialTensorName(layout, name)] = shape;
    return out;
}

bool sameWeightShapes(const ModelShape& a, const ModelShape& b) {
    return a.arch == b.arch && a.dModel == b.dModel && a.layers == b.layers && a.heads == b.heads &&
           a.headDimQK == b.headDimQK && a.headDimV == b.headDimV && a.ffnDim == b.ffnDim && a.vocab == b.vocab;
}

std::string officialTensorName(CheckpointLayout layout, const std::string& name) {
    if (layout == CheckpointLayout::XlstmLarge) return name;
    if (layout == CheckpointLayout::HfXlstm) return name == "embedding.weight" ? "backbone.embeddings.weight" : name;
    static const std::regex block(R"(blocks\.(\d+)\.(.+))");
    static const std::pair<const char*, const char*> inBlock[] = {
        {"attn_norm.weight", "input_layernorm.weight"},   {"attn.q.weight", "self_attn.q_proj.weight"},
        {"attn.k.weight", "self_attn.k_proj.weight"},     {"attn.v.weight", "self_attn.v_proj.weight"},
        {"attn.out.weight", "self_attn.o_proj.weight"},   {"ffn_norm.weight", "post_attention_layernorm.weight"},
        {"ffn.proj_up_gate.weight", "mlp.gate_proj.weight"}, {"ffn.proj_up.weight", "mlp.up_proj.weight"},
        {"ffn.proj_down.weight", "mlp.down_proj.weight"}};
    if (name == "embedding.weight") return "model.embed_tokens.weight";
    if (name == "out_norm.weight") return "model.norm.weight";
    if (name == "lm_head.weight") return name;
    std::smatch m;
    if (std::regex_match(name, m, block))
        for (const auto& [ours, theirs] : inBlock)
            if (m[2] == ours) return "model.layers." + m[1].str() + "." + theirs;
    return "";
}

std::string seqscopeTensorName(CheckpointLayout layout, const std::string& official) {
    if (layout == CheckpointLayout::XlstmLarge) return official;
    if (layout == CheckpointLayout::HfXlstm) return official == "backbone.embeddings.weight" ? "embedding.weight" : official;
    static const std::regex layer(R"(model\.layers\.(\d+)\.(.+))");
    if (official == "model.embed_tokens.weight") return "embedding.weight";
    if (official == "model.norm.weight") return "out_norm.weight";
    if (official == "lm_head.weight") return official;
    std::smatch m;
    if (!std::regex_match(official, m, layer)) return "";
    const std::string candidate = "blocks." + m[1].str() + ".";
    for (const char* ours : {"attn_norm.weight", "attn.q.weight", "attn.k.weight", "attn.v.weight", "attn.out.weight",
                             "ffn_norm.weight", "ffn.proj_up_gate.weight", "ffn.proj_up.weight", "ffn.proj_down.weight"})
        if (officialTensorName(layout, candidate + ours) == official) return candidate + ours;
    return "";
}

}  // namespace seqscope::interop
