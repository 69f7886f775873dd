// SPDX-License-Identifier: MIT
// xLSTM-7B-layout model (see xlstm_model.h; mlstm.md 6.2 forward, 6.3 initialisation).
// Gate pre-activations are computed in float32 outside autocast ("gate_dtype float32"), the cell
// itself goes through mlstmChunkwise (native chunkwise on CPU, CUDA kernels when built).
#include "models/xlstm_model.h"

#include <limits>

namespace seqscope::engine {

namespace {
constexpr double kInputGateBias = -10.0; // igate_bias_init_range
constexpr double kForgetBiasLow = 3.0, kForgetBiasHigh = 6.0;   // linspace over heads

// Disables CPU and CUDA autocast in scope, so the gate projections stay float32.
struct NoAutocast {
    c10::impl::ExcludeDispatchKeyGuard guard{
        c10::DispatchKeySet({c10::DispatchKey::AutocastCUDA, c10::DispatchKey::AutocastCPU})};
};
}  // namespace

// ---- mLSTM layer -----------------------------------------------------------------------------------

MlstmLayerImpl::MlstmLayerImpl(const analysis::ModelShape& s, MlstmForm form)
    : m_heads(s.heads), m_dqk(s.headDimQK), m_dhv(s.headDimV), m_chunk(s.chunk), m_dModel(s.dModel),
      m_layers(s.layers), m_gateSoftCap(s.gateSoftCap), m_cellEps(s.cellEps), m_form(form) {
    const int64_t qkDim = m_heads * m_dqk, vDim = m_heads * m_dhv;
    q = register_module("q", layers::linearNoBias(m_dModel, qkDim));
    k = register_module("k", layers::linearNoBias(m_dModel, qkDim));
    v = register_module("v", layers::linearNoBias(m_dModel, vDim));
    ogate_preact = register_module("ogate_preact", layers::linearNoBias(m_dModel, vDim));
    igate_preact = register_module("igate_preact", torch::nn::Linear(torch::nn::LinearOptions(m_dModel, m_heads)));
    fgate_preact = register_module("fgate_preact", torch::nn::Linear(torch::nn::LinearOptions(m_dModel, m_heads)));
    multihead_norm = register_module("multihead_norm", layers::MultiHeadLayerNorm(m_heads, m_dhv, s.normEps));
    out_proj = register_module("out_proj", layers::linearNoBias(vDim, m_dModel));
}

void MlstmLayerImpl::resetParameters(at::Generator& gen) {
    torch::NoGradGuard noGrad;
    const double small = layers::smallInitStd(m_dModel);
    layers::normalInit(q->weight, small, gen);
    layers::normalInit(k->weight, small, gen);
    layers::normalInit(v->weight, small, gen);
    ogate_preact->weight.zero_();
    igate_preact->weight.zero_();
    igate_preact->bias.fill_(kInputGateBias);
    fgate_preact->weight.zero_();
    fgate_preact->bias.copy_(torch::linspace(kForgetBiasLow, kForgetBiasHigh, m_heads));
    multihead_norm->weight.fill_(1.0);
    layers::normalInit(out_proj->weight, layers::wangInitStd(m_dModel, m_layers), gen);
}

torch::Tensor MlstmLayerImpl::forward(const torch::Tensor& y, const MlstmState* state, MlstmState* stateOut) {
    const int64_t b = y.size(0), s = y.size(1);
    const auto proj = layers::fusedLinear(y, {q->weight, k->weight, v->weight, ogate_preact->weight});
    const torch::Tensor qh = proj[0].view({b, s, m_heads, m_dqk}).transpose(1, 2);   // (B,NH,S,DHQK)
    const torch::Tensor kh = proj[1].view({b, s, m_heads, m_dqk}).transpose(1, 2);
    const torch::Tensor vh = proj[2].view({b, s, m_heads, m_dhv}).transpose(1, 2);   // (B,NH,S,DHHV)
    const torch::Tensor& o = proj[3];                                                 // (B,S,NH*DHHV)
    torch::Tensor ig, fg;
    {
        NoAutocast fp32Gates;
        const torch::Tensor yg = layers::toReductionType(y);
        ig = layers::softCap(torch::nn::functional::linear(yg, igate_preact->weight, igate_preact->bias), m_gateSoftCap)
                 .transpose(1, 2);   // (B,NH,S)
        fg = layers::softCap(torch::nn::functional::linear(yg, fgate_preact->weight, fgate_preact->bias), m_gateSoftCap)
                 .transpose(1, 2);
    }
    MlstmOutput cell;
    if (m_form == MlstmForm::Parallel && !state && !stateOut)
        cell.h = mlstmParallel(qh, kh, vh, ig, fg, m_cellEps);
    else if (m_form == MlstmForm::Recurrent)
        cell = mlstmRecurrentSequence(qh, kh, vh, ig, fg, state, m_cellEps);
    else
        cell = mlstmChunkwise(qh, kh, vh, ig, fg, state, m_chunk, m_cellEps);
    if (stateOut) *stateOut = std::move(cell.state);
    const torch::Tensor h = multihead_norm(cell.h.transpose(1, 2));   // (B,S,NH,DHHV) -> (B,S,NH*DHHV)
    return out_proj(torch::sigmoid(o) * h);
}

// ---- block -----------------------------------------------------------------------------------------

XlstmBlockImpl::XlstmBlockImpl(const analysis::ModelShape& s, MlstmForm form) {
    norm_mlstm = register_module("norm_mlstm", layers::RmsNorm(s.dModel, s.normEps));
    mlstm_layer = register_module("mlstm_layer", MlstmLayer(s, form));
    norm_ffn = register_module("norm_ffn", layers::RmsNorm(s.dModel, s.normEps));
    ffn = register_module("ffn", layers::SwiGlu(s.dModel, s.ffnDim));
}

torch::Tensor XlstmBlockImpl::forward(const torch::Tensor& x, const MlstmState* state, MlstmState* stateOut) {
    const torch::Tensor x1 = x + mlstm_layer->forward(norm_mlstm(x), state, stateOut);
    return x1 + ffn(norm_ffn(x1));
}

// ---- decode state ----------------------------------------------------------------------------------

int64_t XlstmState::bytes() const {
    int64_t total = 0;
    for (const auto& l : layers) total += l.bytes();
    return total;
}

std::unique_ptr<LmState> XlstmState::clone() const {
    auto copy = std::make_unique<XlstmState>(*this);
    for (auto& l : copy->layers) l = {l.c.clone(), l.n.clone(), l.m.clone()};
    return copy;
}

// ---- model -----------------------------------------------------------------------------------------

XlstmModel::XlstmModel(const analysis::ModelShape& s, const ComputeConfig& compute, at::Generator& gen)
    : CausalLm(s, compute) {
    embedding = register_module("embedding", torch::nn::Embedding(s.vocab, s.dModel));
    auto backbone = std::make_shared<torch::nn::Module>();
    blocks = torch::nn::ModuleList();
    for (int l = 0; l < s.layers; ++l) {
        m_blocks.push_back(XlstmBlock(s, compute.mlstmForm));
        blocks->push_back(m_blocks.back());
    }
    backbone->register_module("blocks", blocks);
    out_norm = backbone->register_module("out_norm", layers::RmsNorm(s.dModel, s.normEps));
    register_module("backbone", backbone);
    lm_head = register_module("lm_head", layers::linearNoBias(s.dModel, s.vocab));

    torch::NoGradGuard noGrad;
    const double small = layers::smallInitStd(s.dModel);
    layers::normalInit(embedding->weight, small, gen);
    for (auto& block : m_blocks) {
        block->mlstm_layer->resetParameters(gen);
        layers::normalInit(block->ffn->proj_up_gate->weight, small, gen);
        layers::normalInit(block->ffn->proj_up->weight, small, gen);
        layers::normalInit(block->ffn->proj_down->weight, layers::wangInitStd(s.dModel, s.layers), gen);
    }
    layers::normalInit(lm_head->weight, small, gen);
    to(compute.device);
}

int64_t XlstmModel::maxPositions() const { return std::numeric_limits<int64_t>::max(); }

std::unique_ptr<LmState> XlstmModel::initialState(int64_t batch) const { return std::make_unique<XlstmState>(batch); }

torch::Tensor XlstmModel::forward(const torch::Tensor& tokens) { return run(tokens, nullptr, false); }

torch::Tensor XlstmModel::extend(const torch::Tensor& tokens, LmState& state, bool lastOnly) {
    auto* xs = dynamic_cast<XlstmState*>(&state);
    TORCH_CHECK(xs != nullptr, "xLSTM extend: the state was not made by an xLSTM model");
    TORCH_CHECK(tokens.dim() == 2 && tokens.size(0) == xs->batch(), "xLSTM extend: tokens must be (", xs->batch(),
                ", S), got ", tokens.sizes());
    torch::Tensor logits = run(tokens, xs, lastOnly);
    advance(state, tokens.size(1));
    return logits;
}

torch::Tensor XlstmModel::run(const torch::Tensor& tokens, XlstmState* state, bool lastOnly) {
    TORCH_CHECK(tokens.dim() == 2 && tokens.size(1) >= 1, "xLSTM: tokens must be (B, S) with S >= 1, got ",
                tokens.sizes());
    AutocastScope autocast(m_compute.bf16Autocast);
    torch::Tensor x = embedding(tokens);   // (B,S,d)
    const bool hadState = state && !state->layers.empty();
    if (state) state->layers.resize(m_blocks.size());
    for (size_t l = 0; l < m_blocks.size(); ++l) {
        const MlstmState* in = hadState ? &state->layers[l] : nullptr;
        MlstmState* out = state ? &state->layers[l] : nullptr;
        if (in && out) {
            MlstmState next;   // in and out alias: read the old state fully before overwriting it
            x = m_blocks[l]->forward(x, in, &next);
            *out = std::move(next);
        } else {
            x = m_blocks[l]->forward(x, in, out);
        }
    }
    if (lastOnly) x = x.narrow(1, x.size(1) - 1, 1);
    return layers::softCap(lm_head(out_norm(x)), m_shape.logitSoftCap).to(torch::kFloat32);
}

}  // namespace seqscope::engine
