// SPDX-License-Identifier: MIT
// TrainingConfig validation, the derived TrainingPlan (accounting from analysis/accounting.h, as in
// scaling-laws.md 7.1: steps = D / (B T), C = steps B C_fwbw(T)), JSON round trip and the paper's
// peak-LR table (section 13.2). LibTorch-free.
#include "training/training_config.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <type_traits>
#include <nlohmann/json.hpp>
#include <sstream>

#include "analysis/accounting.h"
#include "analysis/fit_common.h"

namespace seqscope::training {

using nlohmann::json;

const char* budgetKindName(BudgetKind kind) {
    switch (kind) {
    case BudgetKind::Tokens: return "tokens";
    case BudgetKind::Flops: return "flops";
    case BudgetKind::TokenParamRatio: return "ratio";
    }
    return "tokens";
}

bool parseBudgetKind(const std::string& text, BudgetKind* kind) {
    if (text == "tokens") *kind = BudgetKind::Tokens;
    else if (text == "flops") *kind = BudgetKind::Flops;
    else if (text == "ratio") *kind = BudgetKind::TokenParamRatio;
    else return false;
    return true;
}

namespace {

bool validDevice(const std::string& d) {
    if (d == "cpu" || d == "cuda") return true;
    if (d.rfind("cuda:", 0) != 0 || d.size() == 5) return false;
    return std::all_of(d.begin() + 5, d.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

bool TrainingConfig::isValid(std::string* error) const {
    auto fail = [error](const std::string& m) {
        if (error) *error = m;
        return false;
    };
    auto num = [](double v) { return analysis::fmt(v, 6); };
    std::string shapeError;
    if (!shape.isValid(&shapeError)) return fail("model: " + shapeError);
    if (context < 1) return fail("context must be at least 1 token, got " + std::to_string(context));
    if (context > shape.maxContext)
        return fail("context " + std::to_string(context) + " exceeds the model's max_context " + std::to_string(shape.maxContext));
    if (!(std::isfinite(budget) && budget > 0))
        return fail(std::string(budgetKindName(budgetKind)) + " budget must be positive, got " + num(budget));
    if (batchSequences < 0) return fail("batch must be >= 0 sequences, got " + std::to_string(batchSequences));
    if (batchSequences == 0 && batchTokens < 1) return fail("batch tokens must be positive, got " + std::to_string(batchTokens));
    if (microBatch < 0) return fail("micro-batch must be >= 0 sequences, got " + std::to_string(microBatch));
    if (!(std::isfinite(lr) && lr > 0)) return fail("learning rate must be positive, got " + num(lr));
    if (!(beta1 >= 0 && beta1 < 1)) return fail("beta1 must be in [0, 1), got " + num(beta1));
    if (!(beta2 >= 0 && beta2 < 1)) return fail("beta2 must be in [0, 1), got " + num(beta2));
    if (!(eps > 0)) return fail("eps must be positive, got " + num(eps));
    if (!(weightDecay >= 0)) return fail("weight decay must be >= 0, got " + num(weightDecay));
    if (!(gradClip >= 0)) return fail("gradient clip must be >= 0 (0 = off), got " + num(gradClip));
    if (warmupSteps < -1) return fail("warm-up steps must be >= 0 (or -1 = automatic), got " + std::to_string(warmupSteps));
    if (!(finalLrFactor >= 0 && finalLrFactor <= 1)) return fail("final LR factor must be in [0, 1], got " + num(finalLrFactor));
    if (evalEvery < 0) return fail("eval interval must be >= 0 steps, got " + std::to_string(evalEvery));
    if (evalTokens < 1) return fail("eval tokens must be positive, got " + std::to_string(evalTokens));
    if (data.empty()) return fail("data must name a corpus (fortunes, a path or synthetic:NAME)");
    if (!(valFraction > 0 && valFraction <= 0.5)) return fail("validation fraction must be in (0, 0.5], got " + num(valFraction));
    if (tokenVocab < 0 || tokenVocab > 65536) return fail("token vocab must be in [0, 65536], got " + std::to_string(tokenVocab));
    if (!validDevice(device)) return fail("device must be cpu, cuda or cuda:N, got '" + device + "'");
    if (threads < 0) return fail("threads must be >= 0 (0 = default), got " + std::to_string(threads));
    if (!(peakFlopsPerSecond >= 0)) return fail("peak FLOP/s must be >= 0, got " + num(peakFlopsPerSecond));
    if (checkpointEvery < 0) return fail("checkpoint interval must be >= 0 steps, got " + std::to_string(checkpointEvery));
    if (!(spikeFactor > 1)) return fail("spike factor must be > 1, got " + num(spikeFactor));
    if (spikeGraceSteps < 0) return fail("spike grace steps must be >= 0, got " + std::to_string(spikeGraceSteps));
    if (!(maxLoss >= 0)) return fail("max loss must be >= 0 (0 = 3 ln V), got " + num(maxLoss));
    return true;
}

TrainingPlan planTraining(const TrainingConfig& c) {
    TrainingPlan p;
    std::string error;
    if (!c.isValid(&error)) {
        p.status = Status::invalid(error);
        return p;
    }
    const analysis::TrainingFlops tf = analysis::trainingFlops(c.shape, c.context);
    if (!tf.status) {
        p.status = tf.status;
        return p;
    }
    p.params = tf.params;
    p.flopsPerSequence = tf.fwbwPerSequence;
    p.flopsPerToken = tf.fwbwPerToken;
    p.paddedToChunk = tf.paddedToChunk;
    p.sequencesPerStep = c.batchSequences > 0
                             ? c.batchSequences
                             : std::max(1LL, std::llround(static_cast<double>(c.batchTokens) / static_cast<double>(c.context)));
    p.tokensPerStep = p.sequencesPerStep * c.context;
    p.microBatch = c.microBatch > 0 ? std::min(c.microBatch, p.sequencesPerStep) : p.sequencesPerStep;
    p.accumulation = (p.sequencesPerStep + p.microBatch - 1) / p.microBatch;
    switch (c.budgetKind) {
    case BudgetKind::Tokens: p.budgetTokens = c.budget; break;
    case BudgetKind::Flops: p.budgetTokens = c.budget / p.flopsPerToken; break;
    case BudgetKind::TokenParamRatio: p.budgetTokens = c.budget * static_cast<double>(p.params); break;
    }
    if (p.budgetTokens < static_cast<double>(p.tokensPerStep)) {
        std::ostringstream os;
        os << "the budget (" << budgetKindName(c.budgetKind) << " " << analysis::fmt(c.budget, 4) << " = "
           << analysis::fmt(p.budgetTokens, 4) << " tokens) is below one optimizer step of " << p.tokensPerStep
           << " tokens (" << p.sequencesPerStep << " sequences x " << c.context << "); raise the budget or lower --batch";
        p.status = Status::invalid(os.str());
        return p;
    }
    p.steps = std::max(1LL, std::llround(p.budgetTokens / static_cast<double>(p.tokensPerStep)));
    p.warmupSteps = c.warmupSteps >= 0 ? std::min(c.warmupSteps, p.steps)
                                       : std::min<long long>(750, std::max(1LL, p.steps / 10));
    p.evalEvery = c.evalEvery > 0 ? c.evalEvery : std::max(1LL, p.steps / 10);
    p.evalSequences = std::max(1LL, (c.evalTokens + c.context - 1) / c.context);
    p.tokens = static_cast<double>(p.steps) * static_cast<double>(p.tokensPerStep);
    p.flops = static_cast<double>(p.steps) * static_cast<double>(p.sequencesPerStep) * p.flopsPerSequence;
    p.tokenParamRatio = p.tokens / static_cast<double>(p.params);
    return p;
}

std::string TrainingPlan::brief() const {
    if (!status) return status.message();
    std::ostringstream os;
    os << "N=" << params << ", " << analysis::fmt(flopsPerToken, 4) << " FLOPs/token, " << tokensPerStep
       << " tokens/step (" << sequencesPerStep << " seq";
    if (accumulation > 1) os << " in " << accumulation << " passes of " << microBatch;
    os << ") x " << steps << " steps = " << analysis::fmt(tokens, 4) << " tokens, " << analysis::fmt(flops, 4)
       << " FLOPs, D/N=" << analysis::fmt(tokenParamRatio, 3);
    return os.str();
}

std::string trainingConfigToJson(const TrainingConfig& c) {
    const auto& s = c.shape;
    json j{
        {"model", {{"arch", analysis::archName(s.arch)}, {"d_model", s.dModel}, {"layers", s.layers}, {"heads", s.heads},
                   {"head_dim_qk", s.headDimQK}, {"head_dim_v", s.headDimV}, {"ffn_dim", s.ffnDim}, {"vocab", s.vocab},
                   {"chunk", s.chunk}, {"max_context", s.maxContext}, {"norm_eps", s.normEps}, {"cell_eps", s.cellEps},
                   {"gate_soft_cap", s.gateSoftCap}, {"logit_soft_cap", s.logitSoftCap}, {"rope_theta", s.ropeTheta}}},
        {"preset", c.preset}, {"context", c.context}, {"init_from", c.initFrom},
        {"budget_kind", budgetKindName(c.budgetKind)}, {"budget", c.budget},
        {"batch_sequences", c.batchSequences}, {"batch_tokens", c.batchTokens}, {"micro_batch", c.microBatch},
        {"lr", c.lr}, {"beta1", c.beta1}, {"beta2", c.beta2}, {"eps", c.eps}, {"weight_decay", c.weightDecay},
        {"grad_clip", c.gradClip}, {"warmup_steps", c.warmupSteps}, {"final_lr_factor", c.finalLrFactor},
        {"eval_every", c.evalEvery}, {"eval_tokens", c.evalTokens},
        {"data", c.data}, {"fortunes_dir", c.fortunesDir}, {"val_fraction", c.valFraction}, {"token_vocab", c.tokenVocab},
        {"seed", c.seed}, {"device", c.device}, {"bf16", c.bf16}, {"threads", c.threads},
        {"peak_flops_per_s", c.peakFlopsPerSecond}, {"checkpoint_dir", c.checkpointDir},
        {"checkpoint_every", c.checkpointEvery}, {"keep_final_checkpoint", c.keepFinalCheckpoint},
        {"keep_final_weights", c.keepFinalWeights},
        {"spike_factor", c.spikeFactor}, {"spike_grace_steps", c.spikeGraceSteps}, {"max_loss", c.maxLoss},
    };
    return j.dump();
}

namespace {

// obj[key] into *field when it is present (or always, when required), checking the JSON type and,
// for integers, that the value is whole and fits the field.
template <typename T>
Status readField(const json& obj, const char* key, T* field, bool required) {
    const auto it = obj.find(key);
    if (it == obj.end() || it->is_null())
        return required ? Status::invalid(std::string("training config: missing \"") + key + "\"") : Status::ok();
    const json& v = *it;
    const auto wrong = [&](const char* what) { return Status::invalid(std::string("training config: \"") + key + "\" must be " + what); };
    if constexpr (std::is_same_v<T, bool>) {
        if (!v.is_boolean()) return wrong("true or false");
        *field = v.get<bool>();
    } else if constexpr (std::is_same_v<T, std::string>) {
        if (!v.is_string()) return wrong("a string");
        *field = v.get<std::string>();
    } else if constexpr (std::is_integral_v<T>) {
        if (!v.is_number()) return wrong("a whole number");
        const double d = v.get<double>();
        if (d != std::floor(d) || d < static_cast<double>(std::numeric_limits<T>::lowest()) ||
            d > static_cast<double>(std::numeric_limits<T>::max()))
            return wrong("a whole number in range");
        *field = v.is_number_unsigned() ? static_cast<T>(v.get<std::uint64_t>())
                 : v.is_number_integer() ? static_cast<T>(v.get<std::int64_t>()) : static_cast<T>(d);
    } else {
        if (!v.is_number()) return wrong("a number");
        *field = v.get<T>();
    }
    return Status::ok();
}

}  // namespace

Result<TrainingConfig> trainingConfigFromJson(const std::string& text) {
    json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object()) return Status::invalid("training config is not a JSON object");
    TrainingConfig c;
    try {
        const json& m = j.at("model");
        analysis::Arch arch;
        if (!analysis::parseArch(m.at("arch").get<std::string>(), &arch))
            return Status::invalid("training config: unknown arch '" + m.at("arch").get<std::string>() + "'");
        auto& s = c.shape;
        s.arch = arch;
        // Numbers are checked before they are converted: a stored (or hand-edited) config may hold
        // 1e300 where an int goes, and converting that is undefined behaviour, not an error.
        for (const auto& [key, field] : {std::pair<const char*, int*>{"d_model", &s.dModel}, {"layers", &s.layers},
                                         {"heads", &s.heads}, {"head_dim_qk", &s.headDimQK}, {"head_dim_v", &s.headDimV},
                                         {"ffn_dim", &s.ffnDim}, {"vocab", &s.vocab}, {"chunk", &s.chunk},
                                         {"max_context", &s.maxContext}})
            if (Status st = readField(m, key, field, /*required=*/true); !st) return st;
        // Numerics arrived with imported checkpoints (issue 15); older configs have the defaults.
        for (const auto& [key, field] : {std::pair<const char*, double*>{"norm_eps", &s.normEps}, {"cell_eps", &s.cellEps},
                                         {"gate_soft_cap", &s.gateSoftCap}, {"logit_soft_cap", &s.logitSoftCap},
                                         {"rope_theta", &s.ropeTheta}})
            if (Status st = readField(m, key, field, /*required=*/false); !st) return st;
        // Optional fields keep their defaults when absent, so older configs still load.
        Status read;   // the first problem; later fields are not read
        auto get = [&j, &read](const char* key, auto* field) {
            if (read) read = readField(j, key, field, /*required=*/false);
        };
        get("preset", &c.preset);
        get("context", &c.context);
        get("init_from", &c.initFrom);
        std::string kind = budgetKindName(c.budgetKind);
        get("budget_kind", &kind);
        if (!parseBudgetKind(kind, &c.budgetKind)) return Status::invalid("training config: unknown budget kind '" + kind + "'");
        get("budget", &c.budget);
        get("batch_sequences", &c.batchSequences);
        get("batch_tokens", &c.batchTokens);
        get("micro_batch", &c.microBatch);
        get("lr", &c.lr);
        get("beta1", &c.beta1);
        get("beta2", &c.beta2);
        get("eps", &c.eps);
        get("weight_decay", &c.weightDecay);
        get("grad_clip", &c.gradClip);
        get("warmup_steps", &c.warmupSteps);
        get("final_lr_factor", &c.finalLrFactor);
        get("eval_every", &c.evalEvery);
        get("eval_tokens", &c.evalTokens);
        get("data", &c.data);
        get("fortunes_dir", &c.fortunesDir);
        get("val_fraction", &c.valFraction);
        get("token_vocab", &c.tokenVocab);
        get("seed", &c.seed);
        get("device", &c.device);
        get("bf16", &c.bf16);
        get("threads", &c.threads);
        get("peak_flops_per_s", &c.peakFlopsPerSecond);
        get("checkpoint_dir", &c.checkpointDir);
        get("checkpoint_every", &c.checkpointEvery);
        get("keep_final_checkpoint", &c.keepFinalCheckpoint);
        get("keep_final_weights", &c.keepFinalWeights);
        get("spike_factor", &c.spikeFactor);
        get("spike_grace_steps", &c.spikeGraceSteps);
        get("max_loss", &c.maxLoss);
        if (!read) return read;
    } catch (const json::exception& e) {
        return Status::invalid(std::string("training config: ") + e.what());
    }
    return c;
}

double paperPeakLearningRate(analysis::Arch arch, double params) {
    if (params <= 483e6) return 3e-3;
    if (arch == analysis::Arch::XLstm) return 2e-3;
    return params <= 1.34e9 ? 1e-3 : 8e-4;
}

}  // namespace seqscope::training
