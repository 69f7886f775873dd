// SPDX-License-Identifier: MIT
// Inference FLOP and byte accounting (../shared/reference/scaling-laws.md sections 12.3-12.5).
// Factors of the repository's model_accounting: F_skip 1, F_norm 3, F_swish 1, F_sig 1, F_softmax 5,
// every mLSTM nonlinearity 1. The GQA out-projection quirk (coded as 2d*H_kv*d_v) is irrelevant here:
// ModelShape is MHA. Section 12.7's verification values are reproduced by tst_accounting.
#include "analysis/inference_accounting.h"

#include <cmath>

namespace seqscope::analysis {
namespace {

constexpr double kSkip = 1, kNorm = 3, kSwish = 1, kSig = 1, kSoftmax = 5;
constexpr double kExp = 1, kLog = 1, kMax = 1, kAbs = 1;

int chunkOf(const ModelShape& s, const InferenceAccountingOptions& o) {
    return o.chunk > 0 ? o.chunk : s.chunk;
}

double chunksOf(long long tokens, int chunk) {
    return static_cast<double>((tokens + chunk - 1) / chunk);
}

// mLSTM chunkwise cell FLOPs for one head and one chunk, prefill convention (section 12.3).
double cellChunkFlops(const ModelShape& s, int chunk, double causal) {
    const double dqk = s.headDimQK, dv = s.headDimV, c = chunk;
    const double gates = 2 * c + 0.5 * c * (c + 1) + c * (1 + kExp + kLog + kSig) + 3 + kMax + kExp;
    const double numerator = 2 * dqk * dv + 2 * c * dqk * dv + c * dqk;
    const double denominator = 2 * dqk + 2 * c * dqk;
    const double cumGates = 0.5 * c * (c + 1) + c * (kLog + kSig);
    const double gateMatrix = causal * (c * c * (3 + kExp + kMax) + c * (1 + kMax));
    const double intraOut = causal * (2 * c * c * (dqk + dv) + 3 * c * c);
    const double interOut = 2 * c * dqk * dv + 3 * c * dqk;
    const double combine = 2 * c * dv + c * (1 + kMax + kAbs + kExp);
    return gates + numerator + denominator + cumGates + gateMatrix + intraOut + interOut + combine;
}

// mLSTM recurrent step FLOPs per head: 6 d_qk d_v + 7 d_qk + d_v + 12.
double cellStepFlops(const ModelShape& s) {
    const double dqk = s.headDimQK, dv = s.headDimV;
    return (4 + 2 * kExp + kLog + kSig + kMax) + 4 * dqk * dv + (6 * dqk + dv + 1 + kAbs + kMax) + (2 * dv * dqk + dqk);
}

// Attention score FLOP factor per head and (query, key) pair: 2 (d_qk + d_v + 0.5 F_softmax).
double attentionPairFlops(const ModelShape& s) {
    return 2.0 * (s.headDimQK + s.headDimV + 0.5 * kSoftmax);
}

// KV traffic of one block while decoding T_gen tokens after T_pre: write new K, V; read the cache.
double attentionDecodeBytes(const ModelShape& s, long long batch, double tPre, double tGen, int bytesAct) {
    const double kv = static_cast<double>(s.headDimQK + s.headDimV) * s.heads;
    return batch * (tGen * kv + (tPre * tGen + 0.5 * tGen * (tGen - 1)) * kv) * bytesAct;
}

double stateValuesPerHead(const ModelShape& s) {
    return static_cast<double>(s.headDimQK) * s.headDimV + s.headDimQK + 1;
}

}  // namespace

const char* decodeAccountingName(DecodeAccounting mode) {
    return mode == DecodeAccounting::Repository ? "repository" : "physical";
}

bool parseDecodeAccounting(const std::string& text, DecodeAccounting* mode) {
    if (text == "repository" || text == "repo") {
        *mode = DecodeAccounting::Repository;
        return true;
    }
    if (text == "physical") {
        *mode = DecodeAccounting::Physical;
        return true;
    }
    return false;
}

bool InferenceAccountingOptions::isValid(std::string* error) const {
    auto fail = [error](const std::string& m) {
        if (error) *error = m;
        return false;
    };
    if (bytesWeight <= 0 || bytesActivation <= 0 || bytesState <= 0)
        return fail("bytes per weight / activation / state must be positive");
    if (chunk < 0) return fail("chunk must be positive (0 = the shape's), got " + std::to_string(chunk));
    if (!(attentionCausal > 0 && attentionCausal <= 1)) return fail("attention causal factor must be in (0, 1]");
    if (!(mlstmCausal > 0 && mlstmCausal <= 1)) return fail("mLSTM causal factor must be in (0, 1]");
    if (repositoryGenTokens <= 0)
        return fail("repository T_gen must be positive, got " + std::to_string(repositoryGenTokens));
    return true;
}

// ---- FLOPs -----------------------------------------------------------------------------------------

double backboneFlopsPerToken(const ModelShape& s, bool withHead) {
    const double d = s.dModel, H = s.heads, dqk = s.headDimQK, dv = s.headDimV, F = s.ffnDim, V = s.vocab;
    double block = 0;
    if (s.arch == Arch::Transformer) {
        block = d * (kSkip + kNorm) + 2 * d * (dqk * H + dqk * H + dv * H) + 2 * d * H * dv + d * (kSkip + kNorm) +
                6 * d * F + F * (1 + kSwish);
    } else {
        block = d * (kSkip + kNorm) + 2 * d * H * (2 * dqk + dv) + (2 * d * H + 2 * H)   // norm, qkv, i/f gates
                + (2 * d * H * dv + H * dv * kSig)                                        // output gate
                + H * dv * kNorm + 2 * d * H * dv                                         // head norm, out-proj
                + d * (kSkip + kNorm) + 6 * d * F + F * (1 + kSwish);                     // FFN
    }
    double total = s.layers * block;
    if (withHead) total += d * kNorm + 2 * d * V;
    return total;
}

double prefillFlops(const ModelShape& s, long long batch, long long prefill, const InferenceAccountingOptions& o) {
    const double T = static_cast<double>(prefill);
    const double lastLogits = 2.0 * s.heads * s.headDimV * s.vocab;
    double mixing = 0;
    if (s.arch == Arch::Transformer) {
        mixing = s.layers * o.attentionCausal * T * T * s.heads * attentionPairFlops(s);
    } else {
        const int c = chunkOf(s, o);
        mixing = static_cast<double>(s.layers) * s.heads * chunksOf(prefill, c) * cellChunkFlops(s, c, o.mlstmCausal);
    }
    return batch * (T * backboneFlopsPerToken(s, false) + mixing + lastLogits);
}

double generationFlops(const ModelShape& s, long long batch, long long prefill, long long genTokens,
                       const InferenceAccountingOptions& o) {
    const double tPre = static_cast<double>(prefill), tGen = static_cast<double>(genTokens);
    if (s.arch == Arch::Transformer) {
        const double attn = o.attentionCausal * s.heads * attentionPairFlops(s) * (tPre * tGen + 0.5 * tGen * (tGen + 1));
        return batch * ((tPre + tGen) * backboneFlopsPerToken(s, false) + s.layers * attn) +
               batch * 2.0 * s.heads * s.headDimQK * s.vocab * (tGen + 1);
    }
    const double step = backboneFlopsPerToken(s, true) + static_cast<double>(s.layers) * s.heads * cellStepFlops(s);
    return prefillFlops(s, batch, prefill, o) + batch * tGen * step;
}

double stepFlops(const ModelShape& s, long long batch, long long prefill, const InferenceAccountingOptions& o) {
    if (s.arch == Arch::XLstm)
        return batch * (backboneFlopsPerToken(s, true) + static_cast<double>(s.layers) * s.heads * cellStepFlops(s));
    if (o.decode == DecodeAccounting::Repository) {
        const long long tGen = o.repositoryGenTokens;
        const double gen = generationFlops(s, batch, prefill, tGen, o);
        return (gen - batch * static_cast<double>(prefill) * backboneFlopsPerToken(s, false)) / tGen;
    }
    // Physical: the new token attends to the T_pre cached positions and itself; no causal discount.
    const double attn = s.heads * attentionPairFlops(s) * (static_cast<double>(prefill) + 1);
    return batch * (backboneFlopsPerToken(s, true) + s.layers * attn);
}

// ---- Bytes -----------------------------------------------------------------------------------------

double backboneBytes(const ModelShape& s, long long batch, long long tokens, long long headTokens,
                     const InferenceAccountingOptions& o) {
    const double d = s.dModel, H = s.heads, dqk = s.headDimQK, dv = s.headDimV, F = s.ffnDim, V = s.vocab;
    const double bt = static_cast<double>(batch) * static_cast<double>(tokens);
    const double ba = o.bytesActivation, bw = o.bytesWeight;
    double embedding = 0, activations = 0, weights = 0;
    if (s.arch == Arch::Transformer) {
        embedding = bt * d * ba;
        activations = bt * (d + (d + dqk * H + dqk * H + dv * H) + (d + H * dv) + d + 3 * (d + F)) * ba;
        weights = (d + d * (dqk * H + (dqk + dv) * H) + d * H * dv + d + 3 * d * F) * bw;
    } else {
        embedding = bt * d * bw;   // as coded: the embedding term uses b_w (same value)
        activations = bt *
                      (d + (d + H * (2 * dqk + dv)) + 2 * (d + H) + (d + H * dv) + H * dv + (d + H * dv) + d + 3 * (d + F)) *
                      ba;
        weights = (d + d * H * (2 * dqk + dv) + (2 * d * H + 2 * H) + d * H * dv + H * dv + d * H * dv + d + 3 * d * F) * bw;
    }
    const double head = static_cast<double>(batch) * headTokens * (d + d + V) * ba + (d + d * V) * bw;
    return embedding + s.layers * (activations + weights) + head;
}

double prefillBytes(const ModelShape& s, long long batch, long long prefill, const InferenceAccountingOptions& o) {
    const double backbone = backboneBytes(s, batch, prefill, 1, o);
    if (s.arch == Arch::Transformer) {
        const double perBlock = static_cast<double>(batch) * prefill * (s.headDimQK + s.headDimV) *
                                (2.0 * s.heads) * o.bytesActivation;
        return backbone + s.layers * perBlock;
    }
    const int c = chunkOf(s, o);
    const double dqk = s.headDimQK, dv = s.headDimV, ba = o.bytesActivation, bs = o.bytesState;
    const double state = stateValuesPerHead(s) * bs;
    const double recurrent = c * (dqk + dv) * ba + 2.0 * c * ba + state;                       // load + store
    const double parallel = c * (2 * dqk + dv) * ba + 2.0 * c * ba + state + c * dv * ba + 2.0 * c * bs;
    return backbone + static_cast<double>(s.layers) * batch * s.heads * chunksOf(prefill, c) * (recurrent + parallel);
}

double stepBytes(const ModelShape& s, long long batch, long long prefill, const InferenceAccountingOptions& o) {
    if (s.arch == Arch::XLstm) {
        const double dqk = s.headDimQK, dv = s.headDimV, ba = o.bytesActivation;
        const double state = stateValuesPerHead(s) * o.bytesState;
        const double load = (2 * dqk + dv) * ba + 2 * ba + state;
        const double store = dv * ba + state;
        return backboneBytes(s, batch, 1, 1, o) + static_cast<double>(s.layers) * batch * s.heads * (load + store);
    }
    const double tPre = static_cast<double>(prefill);
    if (o.decode == DecodeAccounting::Repository) {
        const long long tGen = o.repositoryGenTokens;
        // As coded: the weight reads inside backboneBytes are counted once for T_gen tokens.
        return (backboneBytes(s, batch, tGen, tGen, o) +
                s.layers * attentionDecodeBytes(s, batch, tPre, static_cast<double>(tGen), o.bytesActivation)) /
               tGen;
    }
    return backboneBytes(s, batch, 1, 1, o) + s.layers * attentionDecodeBytes(s, batch, tPre, 1.0, o.bytesActivation);
}

// ---- Caches ----------------------------------------------------------------------------------------

double kvCacheBytesPerToken(const ModelShape& s, int bytesPerValue) {
    if (s.arch != Arch::Transformer) return 0;
    return 2.0 * s.layers * s.heads * s.headDimV * bytesPerValue;
}

long long recurrentStateValues(const ModelShape& s) {
    if (s.arch != Arch::XLstm) return 0;
    const long long perHead = static_cast<long long>(s.headDimQK) * s.headDimV + s.headDimQK + 1;
    return static_cast<long long>(s.layers) * s.heads * perHead;
}

InferenceCosts inferenceCosts(const ModelShape& shape, long long batch, long long prefill,
                              const InferenceAccountingOptions& options) {
    InferenceCosts r;
    r.decode = options.decode;
    r.batch = batch;
    r.prefill = prefill;
    std::string error;
    if (!shape.isValid(&error)) {
        r.status = Status::invalid("model shape: " + error);
        return r;
    }
    if (!options.isValid(&error)) {
        r.status = Status::invalid(error);
        return r;
    }
    if (batch <= 0) {
        r.status = Status::invalid("batch must be positive, got " + std::to_string(batch));
        return r;
    }
    if (prefill < 0) {
        r.status = Status::invalid("prefill length must be >= 0, got " + std::to_string(prefill));
        return r;
    }
    r.prefillFlops = prefillFlops(shape, batch, prefill, options);
    r.prefillBytes = prefillBytes(shape, batch, prefill, options);
    r.stepFlops = stepFlops(shape, batch, prefill, options);
    r.stepBytes = stepBytes(shape, batch, prefill, options);
    r.kvCacheBytes = kvCacheBytesPerToken(shape, options.bytesActivation) * static_cast<double>(batch) * prefill;
    r.stateBytes = static_cast<double>(recurrentStateValues(shape)) * options.bytesState * batch;
    return r;
}

}  // namespace seqscope::analysis
