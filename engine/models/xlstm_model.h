// SPDX-License-Identifier: MIT
// xLSTM in the xLSTM-7B ("xLSTM Large") layout, mlstm.md section 6: pre-norm blocks of an mLSTM
// layer (bias-free q/k/v/o, gate projections with one bias per head soft-capped at 15, per-head
// LayerNorm, sigmoid output gate) and a SwiGLU FFN; final RMSNorm; untied embedding and head;
// logits soft-capped at 30. Parameter names mirror xlstm_large's state dict (embedding,
// backbone.blocks.N.{norm_mlstm,mlstm_layer.*,norm_ffn,ffn.*}, backbone.out_norm, lm_head).
// Initialisation follows the JAX training code (mlstm.md 6.3). Engine-internal header (LibTorch).
#pragma once

#include <vector>

#include "models/causal_lm.h"
#include "models/layers.h"
#include "models/mlstm_cell.h"

namespace seqscope::engine {

class MlstmLayerImpl : public torch::nn::Module {
public:
    MlstmLayerImpl(const analysis::ModelShape& shape, MlstmForm form);
    // y (B, S, d) -> (B, S, d). `state` is the (C, n, m) entering the sequence (null = zeros);
    // when `stateOut` is non-null it receives the state after the last position.
    torch::Tensor forward(const torch::Tensor& y, const MlstmState* state, MlstmState* stateOut);
    void resetParameters(at::Generator& gen);

    torch::nn::Linear q{nullptr}, k{nullptr}, v{nullptr}, ogate_preact{nullptr};
    torch::nn::Linear igate_preact{nullptr}, fgate_preact{nullptr};
    layers::MultiHeadLayerNorm multihead_norm{nullptr};
    torch::nn::Linear out_proj{nullptr};

private:
    int64_t m_heads, m_dqk, m_dhv, m_chunk, m_dModel, m_layers;
    double m_gateSoftCap, m_cellEps;
    MlstmForm m_form;
};
TORCH_MODULE(MlstmLayer);

class XlstmBlockImpl : public torch::nn::Module {
public:
    XlstmBlockImpl(const analysis::ModelShape& shape, MlstmForm form);
    torch::Tensor forward(const torch::Tensor& x, const MlstmState* state, MlstmState* stateOut);

    layers::RmsNorm norm_mlstm{nullptr};
    MlstmLayer mlstm_layer{nullptr};
    layers::RmsNorm norm_ffn{nullptr};
    layers::SwiGlu ffn{nullptr};
};
TORCH_MODULE(XlstmBlock);

// Per-layer (C, n, m); its size is independent of how many tokens were consumed.
class XlstmState : public LmState {
public:
    explicit XlstmState(int64_t batch) : LmState(batch) {}
    int64_t bytes() const override;
    std::unique_ptr<LmState> clone() const override;
    std::vector<MlstmState> layers;   // empty until the first extend()
};

class XlstmModel : public CausalLm {
public:
    // Allocates and initialises every parameter on CPU with `gen`, then moves to compute.device.
    XlstmModel(const analysis::ModelShape& shape, const ComputeConfig& compute, at::Generator& gen);

    torch::Tensor forward(const torch::Tensor& tokens) override;
    std::unique_ptr<LmState> initialState(int64_t batch) const override;
    torch::Tensor extend(const torch::Tensor& tokens, LmState& state, bool lastOnly) override;
    int64_t maxPositions() const override;

    torch::nn::Embedding embedding{nullptr};
    torch::nn::ModuleList blocks{nullptr};    // registered under "backbone"
    layers::RmsNorm out_norm{nullptr};
    torch::nn::Linear lm_head{nullptr};

private:
    torch::Tensor run(const torch::Tensor& tokens, XlstmState* state, bool lastOnly);
    std::vector<XlstmBlock> m_blocks;
};

}  // namespace seqscope::engine
