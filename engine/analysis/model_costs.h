// SPDX-License-Identifier: MIT
// Everything the workbench's Calculator shows for one model, gathered from the accounting
// (accounting.h: N, training FLOPs; inference_accounting.h: decode step, KV cache, state) so the
// calculator and `seqscope-cli flops` can never disagree. Added here, and only here:
//   - the forward FLOPs per token split four ways: projections (attention / mLSTM matmuls),
//     feed-forward (SwiGLU matmuls 6dF plus its gating 2F, per token and block), sequence mixing,
//     logits. accounting.h's `projections` includes the FFN matmuls; we move 6dF out of it.
//   - training memory (an estimate, documented below) and inference memory against context.
#pragma once

#include <string>

#include "analysis/accounting.h"
#include "analysis/inference_accounting.h"
#include "analysis/model_shape.h"
#include "common/status.h"

namespace seqscope::analysis {

// Bytes per weight and activation for the calculator's precision choice; the mLSTM state stays fp32.
enum class Precision { Float32, BFloat16, Float8 };
int precisionBytes(Precision p);                              // 4, 2, 1
const char* precisionName(Precision p);                       // "fp32" | "bf16" | "fp8"
bool parsePrecision(const std::string& text, Precision* p);   // fp32/float32, bf16/bfloat16, fp8

struct CostInputs {
    ModelShape shape;
    long long context = 8192;        // T: training context and prefill length
    long long batch = 1;             // B: sequences per batch (training memory, inference)
    Precision precision = Precision::BFloat16;
    double trainingTokens = 0;       // D for "training FLOPs for a token budget" (0: none)
    bool isValid(std::string* error) const;
};

// Forward FLOPs per token by kind (section 4 accounting, embedding lookups and norms excluded).
struct FlopSplit {
    double projections = 0;      // Q/K/V (+ i, f gates, output gate) and out-projection matmuls
    double feedForward = 0;      // SwiGLU up/gate/down matmuls 6dF plus gating 2F, per block
    double sequenceMixing = 0;   // attention scores (grow with T) or the mLSTM cell (constant per token)
    double logits = 0;           // 2 d V
    double total() const { return projections + feedForward + sequenceMixing + logits; }
};
FlopSplit forwardSplitPerToken(const ModelShape& shape, const TrainingFlops& flops);

// Training memory of one step of B sequences of T tokens, mixed precision AdamW. An estimate:
//   weights N*p, gradients N*p, optimizer 2 fp32 moments (8N) plus fp32 master weights (4N) when p < 4;
//   activations: the activation bytes the inference accounting moves through the backbone and head
//   for B*T tokens (section 12.4: what a forward pass writes and reads back), i.e. the tensors a
//   backward pass needs, plus for xLSTM the per-chunk states the chunkwise backward keeps
//   (B L H ceil(T/Lc) state values, fp32). Attention is taken as memory-efficient (no T x T matrix).
struct TrainingMemory {
    double weights = 0, gradients = 0, optimizer = 0, activations = 0;
    double total() const { return weights + gradients + optimizer + activations; }
};
TrainingMemory trainingMemory(const ModelShape& shape, long long context, long long batch, Precision precision);

// Inference accounting options for a precision: weights and activations (and the KV cache) at p
// bytes, the state in fp32, decode in the physical convention (one step reads every weight and the
// whole cache).
InferenceAccountingOptions inferenceOptions(Precision precision);

// Inference memory at context T: weights + KV cache (Transformer) or recurrent state (xLSTM) of B sequences.
double inferenceMemoryBytes(const ModelShape& shape, long long batch, double context, Precision precision);
// Longest context whose inference memory fits `capacityBytes`: -1 when any context fits (the xLSTM
// state does not grow), 0 when the weights and state alone do not fit.
double longestContextThatFits(const ModelShape& shape, long long batch, Precision precision, double capacityBytes);

struct ModelCosts {
    Status status;                   // InvalidArgument naming the input at fault
    ParameterCount params;
    TrainingFlops training;          // at T (paper convention, backward = 2 x forward)
    FlopSplit forwardPerToken;
    double trainingCompute = 0;      // fwbwPerToken * D (0 without a token budget)
    double heuristic6ND = 0;         // 6 N D
    TrainingMemory memory;           // at (T, B)
    InferenceCosts inference;        // at (B, T), physical decode
    double kvBytesPerToken = 0;      // per sequence, at p bytes (0 for xLSTM)
    double stateBytesPerSequence = 0;   // fp32 state (0 for Transformers)
    double inferenceMemory = 0;      // weights + cache at T
};
ModelCosts modelCosts(const CostInputs& inputs);

}  // namespace seqscope::analysis
