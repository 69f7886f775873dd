// SPDX-License-Identifier: MIT
// Inference FLOPs and memory traffic for prefill (time to first token) and decode steps, plus KV-cache
// and recurrent-state sizes (../shared/reference/scaling-laws.md sections 12.3-12.5;
// xlstm_scaling_laws/model_accounting/{flops,memops}). Unlike training accounting, norms and skips
// count, attention uses a causal factor 0.65 and the mLSTM intra-chunk part 0.75.
// Two decode conventions (section 12.4), always labelled:
//   repository: as coded, Transformer step = (backbone over T_gen = 100 tokens + KV traffic) / T_gen,
//               which charges only 1/100 of the weight reads per token; reproduces the published fits;
//   physical:   one decode step at context T_pre reads every weight, the whole KV cache, no causal factor.
// xLSTM steps are the same in both. Contexts not a multiple of Lc count ceil(T/Lc) chunks.
#pragma once

#include <string>

#include "analysis/model_shape.h"
#include "common/status.h"

namespace seqscope::analysis {

enum class DecodeAccounting { Repository, Physical };
const char* decodeAccountingName(DecodeAccounting mode);                   // "repository" | "physical"
bool parseDecodeAccounting(const std::string& text, DecodeAccounting* mode);

struct InferenceAccountingOptions {
    int bytesWeight = 2;               // bytes per weight (bf16)
    int bytesActivation = 2;           // bytes per activation, q/k/v, gate, KV-cache value (bf16)
    int bytesState = 4;                // bytes per mLSTM state value C, n, m (fp32)
    int chunk = 0;                     // mLSTM chunk size Lc in tokens; 0 = shape.chunk (benchmark: 128)
    double attentionCausal = 0.65;     // F_causal applied to prefill attention (and repository decode)
    double mlstmCausal = 0.75;         // F_causal applied to the mLSTM intra-chunk part
    DecodeAccounting decode = DecodeAccounting::Repository;
    int repositoryGenTokens = 100;     // T_gen of the repository convention (fitting code uses 100)
    bool isValid(std::string* error) const;
};

// Work for a batch of B sequences: prefill of T_pre tokens, then one generated token per sequence.
struct InferenceCosts {
    Status status;                     // InvalidArgument for a bad shape, batch, prefill or option
    DecodeAccounting decode = DecodeAccounting::Repository;
    long long batch = 0;               // B
    long long prefill = 0;             // T_pre, tokens per sequence already processed
    double prefillFlops = 0;           // FLOPs to first token (logits of the last token only)
    double prefillBytes = 0;           // bytes moved by the prefill
    double stepFlops = 0;              // FLOPs per decode step (one token for each of B sequences)
    double stepBytes = 0;              // bytes per decode step
    double kvCacheBytes = 0;           // Transformer: K and V of B * T_pre tokens; xLSTM: 0
    double stateBytes = 0;             // xLSTM: recurrent state of B sequences at bytesState; Transformer: 0
};

// Validates, then evaluates every quantity below.
InferenceCosts inferenceCosts(const ModelShape& shape, long long batch, long long prefill,
                              const InferenceAccountingOptions& options = {});

// The individual formulas. They assume a valid shape and options (no checks; see inferenceCosts).
// Backbone FLOPs per token (norms and skips counted), with or without the LM head (d*F_norm + 2dV).
double backboneFlopsPerToken(const ModelShape& shape, bool withHead);
// Section 12.3: B * [T*backbone(no head) + sequence mixing + last-token logits].
double prefillFlops(const ModelShape& shape, long long batch, long long prefill, const InferenceAccountingOptions& o = {});
// Transformer FLOPs_gen of section 12.3 for T_gen tokens after T_pre (includes T_pre backbone tokens,
// as coded). xLSTM: B * [T_pre backbone + cell] + T_gen steps.
double generationFlops(const ModelShape& shape, long long batch, long long prefill, long long genTokens,
                       const InferenceAccountingOptions& o = {});
// One decode step after T_pre tokens. Repository Transformer: (FLOPs_gen - prefill backbone) / T_gen.
double stepFlops(const ModelShape& shape, long long batch, long long prefill, const InferenceAccountingOptions& o = {});
// Section 12.4: backbone traffic of B sequences of `tokens` tokens, logits for `headTokens` of them.
double backboneBytes(const ModelShape& shape, long long batch, long long tokens, long long headTokens,
                     const InferenceAccountingOptions& o = {});
double prefillBytes(const ModelShape& shape, long long batch, long long prefill, const InferenceAccountingOptions& o = {});
double stepBytes(const ModelShape& shape, long long batch, long long prefill, const InferenceAccountingOptions& o = {});

// Section 12.5. KV cache per token and sequence: 2 * L * H_kv * d_h * bytes (0 for xLSTM).
double kvCacheBytesPerToken(const ModelShape& shape, int bytesPerValue = 2);
// Recurrent state values per sequence: L * H * (d_qk*d_v + d_qk + 1) (0 for Transformers).
long long recurrentStateValues(const ModelShape& shape);

}  // namespace seqscope::analysis
