// SPDX-License-Identifier: MIT
// Parameter count N and training FLOPs for xLSTM and Transformer models, exactly as the paper counts
// them for every scaling-law fit (../shared/reference/scaling-laws.md sections 3 and 4;
// xlstm_scaling_laws/params/*.py, flops/{llama,mlstm,common}.py with the loaders' settings).
// Deliberate extension: a context that is not a multiple of the mLSTM chunk size (the reference
// code needs a multiple: T // Lc) is counted as ceil(T / Lc) chunks, i.e. the padded sequence the
// chunkwise kernel actually processes; TrainingFlops::paddedToChunk says when that happened.
// Inference accounting (prefill, decode, bytes, caches) is in inference_accounting.h.
#pragma once

#include <string>

#include "analysis/model_shape.h"
#include "common/status.h"

namespace seqscope::analysis {

// ---- Parameters (section 3) ----------------------------------------------------------------------

// N split into its parts; all exact integers. total == embedding + head + blocks + finalNorm.
struct ParameterCount {
    long long embedding = 0;   // input embedding V*d
    long long head = 0;        // untied output head V*d
    long long perBlock = 0;    // one block: projections, gates (+ biases), FFN, norms
    long long blocks = 0;      // layers * perBlock
    long long finalNorm = 0;   // d
    long long total = 0;       // N, equals the training runs' logged num_params
};

// Section 3. Transformer block: d*H*(2 d_qk + d_v) + d*H*d_v + 3 d F + 2 d.
// xLSTM block: d*H*(2 d_qk + d_v) + 2 d H + 2 H + 2 d*H*d_v + 3 d F + 2 d + H*d_v.
// The shape must be valid (ModelShape::isValid); nothing is checked here.
ParameterCount countParameters(const ModelShape& shape);
long long parameterCount(const ModelShape& shape);   // countParameters(shape).total

// ---- Training FLOPs (section 4) ------------------------------------------------------------------

// Attention-score FLOP convention for Transformers (section 4.2).
enum class AttentionFlopMode {
    DistillScaling,   // causal half: T^2 * H * (d_qk + d_v + 2.5) per block; the paper's fits
    Chinchilla,       // non-causal:  T^2 * H * (2 d_qk + 2 d_v + 3) per block; control set only
};
const char* attentionFlopModeName(AttentionFlopMode mode);   // "distill_scaling" | "chinchilla"
// Accepts distill, distill_scaling, chinchilla.
bool parseAttentionFlopMode(const std::string& text, AttentionFlopMode* mode);

struct TrainingFlopOptions {
    AttentionFlopMode attention = AttentionFlopMode::DistillScaling;   // what the paper's loaders pass
    double backwardFactor = 2.0;   // backward FLOPs = factor * forward ("total_factor_2"); >= 0
    int chunk = 0;                 // mLSTM chunk size Lc in tokens; 0 = shape.chunk (64 in the paper)
    bool isValid(std::string* error) const;
};

// Forward FLOPs of one sequence of T tokens, by kind. Embedding lookups, norms and residual adds
// are excluded (section 4.1).
struct ForwardFlops {
    double projections = 0;      // block matmuls (QKV / q,k,v,i,f / out / output gate incl. sigmoid / FFN)
    double ffnGating = 0;        // SwiGLU elementwise gating, 2F per token per block
    double logits = 0;           // final projection, 2 d V per token
    double sequenceMixing = 0;   // attention scores (grows with T^2) or mLSTM cell (linear in T)
    double total() const { return projections + ffnGating + logits + sequenceMixing; }
};

struct TrainingFlops {
    Status status;                     // InvalidArgument for a bad shape, context or option
    long long context = 0;             // T, tokens per sequence
    int chunk = 0;                     // Lc used (xLSTM)
    long long chunks = 0;              // chunks counted per sequence and head: ceil(T / Lc) (xLSTM)
    bool paddedToChunk = false;        // T % Lc != 0: the cell was counted for ceil(T/Lc)*Lc tokens
    ForwardFlops forward;              // per sequence
    double forwardPerSequence = 0;     // C_fw(T)
    double fwbwPerSequence = 0;        // C_fwbw(T) = (1 + backwardFactor) * C_fw(T)
    double forwardPerToken = 0;        // C_fw(T) / T
    double fwbwPerToken = 0;           // C_fwbw(T) / T
    // The released run tables' split: flops_linear_fwbw_per_seq (projections + logits, without the
    // FFN gating) and flops_seqmix_fwbw_per_seq.
    double linearFwbwPerSequence = 0;
    double seqmixFwbwPerSequence = 0;
    long long params = 0;              // N
    double heuristicPerToken = 0;      // 6 N, the Kaplan/Chinchilla rule (section 4.5), comparison only
    double ratioToHeuristic = 0;       // fwbwPerToken / (6 N)
};

// Section 4: C_fw(T), C_fwbw(T) and their breakdown for one sequence of `context` tokens.
TrainingFlops trainingFlops(const ModelShape& shape, long long context, const TrainingFlopOptions& options = {});

// Training compute of a run, C = C_fwbw(T) * sequences (= gbs * steps); tokens D = sequences * T.
// NaN when the shape, context or options are invalid.
double trainingCompute(const ModelShape& shape, long long context, double sequences,
                       const TrainingFlopOptions& options = {});

// The 6 N D heuristic (section 4.5). For comparison only: no fit uses it.
double heuristicCompute6ND(double params, double tokens);

// mLSTM chunkwise cell, forward mode "first" (section 4.3): C_part + H_part FLOPs for one head and
// one chunk of `chunk` tokens. No causal discount; every nonlinearity counts 1.
double mlstmCellFlopsPerChunk(int headDimQK, int headDimV, int chunk);
// Per token and head: mlstmCellFlopsPerChunk / chunk (59,027.078125 for d_qk 64, d_v 128, Lc 64).
double mlstmCellFlopsPerTokenPerHead(int headDimQK, int headDimV, int chunk);

}  // namespace seqscope::analysis
