// SPDX-License-Identifier: MIT
// Llama-style Transformer (see transformer_model.h; mlstm.md 7, scaling-laws.md 2).
// Attention: at::scaled_dot_product_attention, causal for a fresh sequence, unmasked for a single
// decode token over the cache, and an explicit bottom-right causal mask when several tokens extend
// a non-empty cache (SDPA's is_causal aligns top-left, which would be wrong there).
#include "models/transformer_model.h"

#include <algorithm>

namespace seqscope::engine {

namespace {
constexpr int64_t kMinCacheCapacity = 256;   // first KV allocation, positions

// Grows a (B, H, capacity, d_h) buffer to hold `needed` positions, keeping the first `live`.
void ensureCapacity(torch::Tensor& buffer, const torch::Tensor& like, int64_t live, int64_t needed, int64_t limit) {
    if (buffer.defined() && buffer.size(2) >= needed) return;
    const int64_t old = buffer.defined() ? buffer.size(2) : 0;
    const int64_t capacity = std::min(limit, std::max({needed, 2 * old, kMinCacheCapacity}));
    torch::Tensor grown = torch::zeros({like.size(0), like.size(1), capacity, like.size(3)}, like.options());
    if (live > 0) grown.narrow(2, 0, live).copy_(buffer.narrow(2, 0, live));
    buffer = grown;
}
}  // namespace

// ---- RoPE ------------------------------------------------------------------------------------------

std::pair<torch::Tensor, torch::Tensor> ropeTable(int64_t positions, int64_t headDim, double theta) {
    const auto f64 = torch::TensorOptions().dtype(torch::kFloat64);
    const int64_t half = headDim / 2;
    const torch::Tensor invFreq = torch::pow(theta, torch::arange(half, f64) * (-2.0 / static_cast<double>(headDim)));
    const torch::Tensor angles = torch::outer(torch::arange(positions, f64), invFreq);   // (P, d_h/2)
    const torch::Tensor full = torch::cat({angles, angles}, -1);                         // (P, d_h)
    return {torch::cos(full).to(torch::kFloat32), torch::sin(full).to(torch::kFloat32)};
}

torch::Tensor applyRope(const torch::Tensor& x, const torch::Tensor& cos, const torch::Tensor& sin) {
    const int64_t half = x.size(-1) / 2;
    const torch::Tensor rotated = torch::cat({-x.narrow(-1, half, half), x.narrow(-1, 0, half)}, -1);
    return (x * cos + rotated * sin).to(x.scalar_type());
}

// ---- KV cache --------------------------------------------------------------------------------------

int64_t KvCacheState::bytes() const {
    int64_t total = 0;
    for (const auto* list : {&keys, &values})
        for (const auto& t : *list)
            if (t.defined()) total += t.size(0) * t.size(1) * position() * t.size(3) * static_cast<int64_t>(t.element_size());
    return total;
}

int64_t KvCacheState::allocatedBytes() const {
    int64_t total = 0;
    for (const auto* list : {&keys, &values})
        for (const auto& t : *list)
            if (t.defined()) total += t.numel() * static_cast<int64_t>(t.element_size());
    return total;
}

std::unique_ptr<LmState> KvCacheState::clone() const {
    auto copy = std::make_unique<KvCacheState>(*this);
    for (auto* list : {&copy->keys, &copy->values})
        for (auto& t : *list) t = t.clone();
    return copy;
}

// ---- attention -------------------------------------------------------------------------------------

AttentionImpl::AttentionImpl(const analysis::ModelShape& s)
    : m_heads(s.heads), m_headDim(s.headDimQK), m_maxContext(s.maxContext) {
    const int64_t inner = m_heads * m_headDim;
    q = register_module("q", layers::linearNoBias(s.dModel, inner));
    k = register_module("k", layers::linearNoBias(s.dModel, inner));
    v = register_module("v", layers::linearNoBias(s.dModel, inner));
    out = register_module("out", layers::linearNoBias(inner, s.dModel));
}

torch::Tensor AttentionImpl::forward(const torch::Tensor& y, int64_t pos0, const torch::Tensor& cos,
                                     const torch::Tensor& sin, torch::Tensor* keys, torch::Tensor* values) {
    const int64_t b = y.size(0), s = y.size(1);
    const auto qkv = layers::fusedLinear(y, {q->weight, k->weight, v->weight});
    const torch::Tensor qh = applyRope(qkv[0].view({b, s, m_heads, m_headDim}).transpose(1, 2), cos, sin);   // (B,H,S,dh)
    const torch::Tensor kh = applyRope(qkv[1].view({b, s, m_heads, m_headDim}).transpose(1, 2), cos, sin);
    const torch::Tensor vh = qkv[2].view({b, s, m_heads, m_headDim}).transpose(1, 2);
    torch::Tensor attn;
    if (keys == nullptr) {
        attn = at::scaled_dot_product_attention(qh, kh, vh, {}, 0.0, /*is_causal=*/true);
    } else {
        const int64_t total = pos0 + s;
        ensureCapacity(*keys, kh, pos0, total, m_maxContext);
        ensureCapacity(*values, vh, pos0, total, m_maxContext);
        keys->narrow(2, pos0, s).copy_(kh);
        values->narrow(2, pos0, s).copy_(vh);
        const torch::Tensor kAll = keys->narrow(2, 0, total);   // (B,H,pos0+S,dh)
        const torch::Tensor vAll = values->narrow(2, 0, total);
        if (pos0 == 0) {
            attn = at::scaled_dot_product_attention(qh, kAll, vAll, {}, 0.0, true);
        } else if (s == 1) {
            attn = at::scaled_dot_product_attention(qh, kAll, vAll, {}, 0.0, false);
        } else {
            // query t (absolute pos0 + t) sees keys j <= pos0 + t
            const auto longOpts = torch::TensorOptions().dtype(torch::kLong).device(y.device());
            const torch::Tensor mask =
                torch::arange(total, longOpts).unsqueeze(0) <= (torch::arange(s, longOpts) + pos0).unsqueeze(1);
            attn = at::scaled_dot_product_attention(qh, kAll, vAll, mask, 0.0, false);
        }
    }
    return out(attn.transpose(1, 2).reshape({b, s, m_heads * m_headDim}));
}

// ---- block -----------------------------------------------------------------------------------------

TransformerBlockImpl::TransformerBlockImpl(const analysis::ModelShape& s) {
    attn_norm = register_module("attn_norm", layers::RmsNorm(s.dModel, s.normEps));
    attn = register_module("attn", Attention(s));
    ffn_norm = register_module("ffn_norm", layers::RmsNorm(s.dModel, s.normEps));
    ffn = register_module("ffn", layers::SwiGlu(s.dModel, s.ffnDim));
}

torch::Tensor TransformerBlockImpl::forward(const torch::Tensor& x, int64_t pos0, const torch::Tensor& cos,
                                            const torch::Tensor& sin, torch::Tensor* keys, torch::Tensor* values) {
    const torch::Tensor x1 = x + attn->forward(attn_norm(x), pos0, cos, sin, keys, values);
    return x1 + ffn(ffn_norm(x1));
}

// ---- model -----------------------------------------------------------------------------------------

TransformerModel::TransformerModel(const analysis::ModelShape& s, const ComputeConfig& compute, at::Generator& gen)
    : CausalLm(s, compute) {
    embedding = register_module("embedding", torch::nn::Embedding(s.vocab, s.dModel));
    blocks = torch::nn::ModuleList();
    for (int l = 0; l < s.layers; ++l) {
        m_blocks.push_back(TransformerBlock(s));
        blocks->push_back(m_blocks.back());
    }
    register_module("blocks", blocks);
    out_norm = register_module("out_norm", layers::RmsNorm(s.dModel, s.normEps));
    lm_head = register_module("lm_head", layers::linearNoBias(s.dModel, s.vocab));

    torch::NoGradGuard noGrad;
    const double small = layers::smallInitStd(s.dModel);
    const double wang = layers::wangInitStd(s.dModel, 2 * static_cast<int64_t>(s.layers));   // wang_init(2L)
    layers::normalInit(embedding->weight, small, gen);
    for (auto& block : m_blocks) {
        layers::normalInit(block->attn->q->weight, small, gen);
        layers::normalInit(block->attn->k->weight, small, gen);
        layers::normalInit(block->attn->v->weight, small, gen);
        layers::normalInit(block->attn->out->weight, wang, gen);
        layers::normalInit(block->ffn->proj_up_gate->weight, small, gen);
        layers::normalInit(block->ffn->proj_up->weight, small, gen);
        layers::normalInit(block->ffn->proj_down->weight, wang, gen);
    }
    layers::normalInit(lm_head->weight, small, gen);
    to(compute.device);
}

int64_t TransformerModel::maxPositions() const { return m_shape.maxContext; }

std::unique_ptr<LmState> TransformerModel::initialState(int64_t batch) const {
    return std::make_unique<KvCacheState>(batch);
}

torch::Tensor TransformerModel::forward(const torch::Tensor& tokens) { return run(tokens, nullptr, false); }

torch::Tensor TransformerModel::extend(const torch::Tensor& tokens, LmState& state, bool lastOnly) {
    auto* kv = dynamic_cast<KvCacheState*>(&state);
    TORCH_CHECK(kv != nullptr, "Transformer extend: the state was not made by a Transformer model");
    TORCH_CHECK(tokens.dim() == 2 && tokens.size(0) == kv->batch(), "Transformer extend: tokens must be (",
                kv->batch(), ", S), got ", tokens.sizes());
    torch::Tensor logits = run(tokens, kv, lastOnly);
    advance(state, tokens.size(1));
    return logits;
}

torch::Tensor TransformerModel::run(const torch::Tensor& tokens, KvCacheState* state, bool lastOnly) {
    TORCH_CHECK(tokens.dim() == 2 && tokens.size(1) >= 1, "Transformer: tokens must be (B, S) with S >= 1, got ",
                tokens.sizes());
    const int64_t pos0 = state ? state->position() : 0;
    const int64_t s = tokens.size(1);
    TORCH_CHECK(pos0 + s <= m_shape.maxContext, "Transformer: context ", pos0 + s,
                " is longer than the model's max_context ", m_shape.maxContext);
    if (!m_cos.defined() || m_cos.size(0) < pos0 + s) {
        // grow the RoPE table geometrically so decoding does not rebuild it every step
        const int64_t rows = std::min<int64_t>(m_shape.maxContext,
                                               std::max<int64_t>({pos0 + s, 2 * (m_cos.defined() ? m_cos.size(0) : 0), 1024}));
        auto [c, sn] = ropeTable(rows, m_shape.headDimQK, m_shape.ropeTheta);
        m_cos = c.to(device());
        m_sin = sn.to(device());
    }
    const torch::Tensor cos = m_cos.narrow(0, pos0, s), sin = m_sin.narrow(0, pos0, s);
    AutocastScope autocast(m_compute.bf16Autocast);
    torch::Tensor x = embedding(tokens);   // (B,S,d)
    if (state) {
        state->keys.resize(m_blocks.size());
        state->values.resize(m_blocks.size());
    }
    for (size_t l = 0; l < m_blocks.size(); ++l)
        x = m_blocks[l]->forward(x, pos0, cos, sin, state ? &state->keys[l] : nullptr,
                                 state ? &state->values[l] : nullptr);
    if (lastOnly) x = x.narrow(1, s - 1, 1);
    return layers::softCap(lm_head(out_norm(x)), m_shape.logitSoftCap).to(torch::kFloat32);
}

}  // namespace seqscope::engine
