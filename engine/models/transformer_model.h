// SPDX-License-Identifier: MIT
// Llama-style Transformer baseline (mlstm.md 7, scaling-laws.md 2): pre-norm RMSNorm blocks of
// multi-head causal attention with RoPE (theta = shape.ropeTheta, 500,000 by default; rotate-half) through
// at::scaled_dot_product_attention, and a SwiGLU FFN; no biases; final RMSNorm; untied embedding
// and head; logits soft-capped at shape.logitSoftCap (30; none for Llama checkpoints). Init: small_init everywhere, wang_init with 2L blocks for the
// attention out-projection and FFN down. Decode keeps a per-layer KV cache that grows with context.
// Engine-internal header (LibTorch).
#pragma once

#include <vector>

#include "models/causal_lm.h"
#include "models/layers.h"

namespace seqscope::engine {

inline constexpr double kRopeTheta = 500000.0;

// Per-layer K and V buffers (B, H, capacity, d_h), of which the first position() are live.
// Capacity doubles as needed (bounded by the model's context), so appending is amortised O(1).
class KvCacheState : public LmState {
public:
    explicit KvCacheState(int64_t batch) : LmState(batch) {}
    int64_t bytes() const override;            // live entries only: 2 * layers * B * H * position * d_h * elem
    int64_t allocatedBytes() const;            // including unused capacity
    std::unique_ptr<LmState> clone() const override;
    std::vector<torch::Tensor> keys, values;   // one per layer; empty until the first extend()
};

class AttentionImpl : public torch::nn::Module {
public:
    explicit AttentionImpl(const analysis::ModelShape& shape);
    // y (B, S, d) at absolute positions [pos0, pos0 + S); cos/sin (S, d_h) rows of the RoPE table
    // for those positions. With a cache, K/V are appended to (*keys, *values) (grown as needed) and
    // attention covers all pos0 + S positions.
    torch::Tensor forward(const torch::Tensor& y, int64_t pos0, const torch::Tensor& cos, const torch::Tensor& sin,
                          torch::Tensor* keys, torch::Tensor* values);

    torch::nn::Linear q{nullptr}, k{nullptr}, v{nullptr}, out{nullptr};

private:
    int64_t m_heads, m_headDim, m_maxContext;
};
TORCH_MODULE(Attention);

class TransformerBlockImpl : public torch::nn::Module {
public:
    explicit TransformerBlockImpl(const analysis::ModelShape& shape);
    torch::Tensor forward(const torch::Tensor& x, int64_t pos0, const torch::Tensor& cos, const torch::Tensor& sin,
                          torch::Tensor* keys, torch::Tensor* values);

    layers::RmsNorm attn_norm{nullptr};
    Attention attn{nullptr};
    layers::RmsNorm ffn_norm{nullptr};
    layers::SwiGlu ffn{nullptr};
};
TORCH_MODULE(TransformerBlock);

class TransformerModel : public CausalLm {
public:
    TransformerModel(const analysis::ModelShape& shape, const ComputeConfig& compute, at::Generator& gen);

    torch::Tensor forward(const torch::Tensor& tokens) override;
    std::unique_ptr<LmState> initialState(int64_t batch) const override;
    torch::Tensor extend(const torch::Tensor& tokens, LmState& state, bool lastOnly) override;
    int64_t maxPositions() const override;   // shape.maxContext

    torch::nn::Embedding embedding{nullptr};
    torch::nn::ModuleList blocks{nullptr};
    layers::RmsNorm out_norm{nullptr};
    torch::nn::Linear lm_head{nullptr};

private:
    torch::Tensor run(const torch::Tensor& tokens, KvCacheState* state, bool lastOnly);
    std::vector<TransformerBlock> m_blocks;
    torch::Tensor m_cos, m_sin;   // RoPE table (maxContext, d_h), float32 on device; not parameters
};

// RoPE table for positions [0, positions): cos and sin (positions, d_h), angles computed in double,
// frequency pairs (j, j + d_h/2) share theta^(-2j/d_h) (rotate-half convention).
std::pair<torch::Tensor, torch::Tensor> ropeTable(int64_t positions, int64_t headDim, double theta = kRopeTheta);
// x (B, H, S, d_h) rotated with cos/sin rows (S, d_h); result in x's dtype.
torch::Tensor applyRope(const torch::Tensor& x, const torch::Tensor& cos, const torch::Tensor& sin);

}  // namespace seqscope::engine
