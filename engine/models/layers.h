// SPDX-License-Identifier: MIT
// Building blocks shared by the xLSTM and the Transformer: RMSNorm, per-head LayerNorm, SwiGLU
// feed-forward, tanh soft-capping and the reference initialisers (mlstm.md 6.2, 6.3 and 7):
// small_init N(0, sqrt(2/(5d))), wang_init N(0, 2/(blocks*sqrt(d))). Norm reductions run in
// float32 (norm_reduction_force_float32) whatever the activation dtype.
// Engine-internal header (LibTorch).
#pragma once

#include <torch/torch.h>

#include <cmath>
#include <vector>

namespace seqscope::engine::layers {

inline constexpr double kNormEps = 1e-6;   // norm_eps of the released xLSTM-7B config

// cap * tanh(x / cap): the gate (15) and logit (30) soft-caps; cap 0 = none (Llama's logits).
inline torch::Tensor softCap(const torch::Tensor& x, double cap) { return cap > 0 ? torch::tanh(x / cap) * cap : x; }

// float32 for reductions unless the input is float64 (kept for double-precision checks).
inline torch::Tensor toReductionType(const torch::Tensor& x) {
    return x.scalar_type() == torch::kFloat64 ? x : x.to(torch::kFloat32);
}

// x * rsqrt(mean(x^2) + eps) * weight, no bias.
class RmsNormImpl : public torch::nn::Module {
public:
    explicit RmsNormImpl(int64_t dim, double eps = kNormEps) : m_eps(eps) {
        weight = register_parameter("weight", torch::ones({dim}));
    }
    torch::Tensor forward(const torch::Tensor& x) {
        const torch::Tensor xf = toReductionType(x);
        const torch::Tensor y = xf * torch::rsqrt((xf * xf).mean(-1, /*keepdim=*/true) + m_eps);
        return y.to(x.scalar_type()) * weight;
    }
    torch::Tensor weight;

private:
    double m_eps;
};
TORCH_MODULE(RmsNorm);

// LayerNorm over each head's DHHV values separately (mean-centred, biased variance), then one
// weight over all NH*DHHV values, no bias: the mLSTM "MultiHeadLayerNorm" (mlstm.md 6.2).
class MultiHeadLayerNormImpl : public torch::nn::Module {
public:
    MultiHeadLayerNormImpl(int64_t heads, int64_t headDim, double eps = kNormEps)
        : m_heads(heads), m_headDim(headDim), m_eps(eps) {
        weight = register_parameter("weight", torch::ones({heads * headDim}));
    }
    // x (B, S, NH, DHHV) -> (B, S, NH*DHHV)
    torch::Tensor forward(const torch::Tensor& x) {
        const torch::Tensor y = torch::layer_norm(toReductionType(x), {m_headDim}, {}, {}, m_eps);
        return y.to(x.scalar_type()).flatten(-2) * weight;
    }
    torch::Tensor weight;

private:
    int64_t m_heads, m_headDim;
    double m_eps;
};
TORCH_MODULE(MultiHeadLayerNorm);

inline torch::nn::Linear linearNoBias(int64_t in, int64_t out) {
    return torch::nn::Linear(torch::nn::LinearOptions(in, out).bias(false));
}

// y W_1^T, y W_2^T, ... as one GEMM over the stacked weights, split back into views. The parameters
// stay separate (names and counts as in the reference), but forward and both gradients become one
// wide matmul each instead of several narrow ones, which is what keeps small models near the
// matmul peak on CPUs.
inline std::vector<torch::Tensor> fusedLinear(const torch::Tensor& y, const std::vector<torch::Tensor>& weights) {
    std::vector<int64_t> sizes;
    for (const auto& w : weights) sizes.push_back(w.size(0));
    return torch::nn::functional::linear(y, torch::cat(weights, 0)).split_with_sizes(sizes, -1);
}

// SwiGLU: proj_down( SiLU(proj_up_gate y) * proj_up y ), names as in xlstm_large.
class SwiGluImpl : public torch::nn::Module {
public:
    SwiGluImpl(int64_t dModel, int64_t ffnDim) {
        proj_up_gate = register_module("proj_up_gate", linearNoBias(dModel, ffnDim));
        proj_up = register_module("proj_up", linearNoBias(dModel, ffnDim));
        proj_down = register_module("proj_down", linearNoBias(ffnDim, dModel));
    }
    torch::Tensor forward(const torch::Tensor& y) {
        const auto gateUp = fusedLinear(y, {proj_up_gate->weight, proj_up->weight});
        return proj_down(torch::silu(gateUp[0]) * gateUp[1]);
    }
    torch::nn::Linear proj_up_gate{nullptr}, proj_up{nullptr}, proj_down{nullptr};
};
TORCH_MODULE(SwiGlu);

// ---- initialisation (call under torch::NoGradGuard) ------------------------------------------------

inline double smallInitStd(int64_t dModel) { return std::sqrt(2.0 / (5.0 * static_cast<double>(dModel))); }
inline double wangInitStd(int64_t dModel, int64_t blocks) {
    return 2.0 / (static_cast<double>(blocks) * std::sqrt(static_cast<double>(dModel)));
}
inline void normalInit(torch::Tensor& t, double stddev, at::Generator& gen) { t.normal_(0.0, stddev, gen); }

}  // namespace seqscope::engine::layers
