// SPDX-License-Identifier: MIT
// CausalLm: the engine-internal base of the two LibTorch language models (xLSTM, Transformer), for
// the trainer (forward over full sequences), the inference API and benchmarks (prefill, extend,
// step with an explicit decode state). LmState is that decode state: per-layer (C, n, m) for the
// xLSTM (constant size), a growing KV cache for the Transformer. Devices: CPU float32; CUDA with
// float32 master weights and bfloat16 autocast (mlstm.md 6.4, "trained in bf16").
// Engine-internal header: includes LibTorch; the public face is language_model.h.
#pragma once

#include <torch/torch.h>

#include <memory>
#include <utility>

#include "analysis/model_shape.h"
#include "models/language_model.h"

namespace seqscope::engine {

// Where and in what precision a model computes. Parameters are always float32 ("master weights").
struct ComputeConfig {
    torch::Device device{torch::kCPU};
    bool bf16Autocast = false;   // CUDA only: matmuls and attention in bfloat16 under autocast
    MlstmForm mlstmForm = MlstmForm::Chunkwise;
};

// Decode state of one model for one batch of sequences. Owned by the caller of prefill/extend.
class LmState {
public:
    virtual ~LmState() = default;
    virtual int64_t bytes() const = 0;                       // live state: grows with context only for KV caches
    virtual std::unique_ptr<LmState> clone() const = 0;      // deep copy (e.g. to branch a decode)
    int64_t batch() const { return m_batch; }
    int64_t position() const { return m_position; }          // tokens consumed so far per row

protected:
    explicit LmState(int64_t batch) : m_batch(batch) {}
    friend class CausalLm;
    int64_t m_batch = 0;
    int64_t m_position = 0;
};

// Enables CUDA bfloat16 autocast for its scope (no-op when `enable` is false); restores the
// previous autocast settings on exit.
class AutocastScope {
public:
    explicit AutocastScope(bool enable);
    ~AutocastScope();
    AutocastScope(const AutocastScope&) = delete;
    AutocastScope& operator=(const AutocastScope&) = delete;

private:
    bool m_enable = false;
    bool m_prevEnabled = false;
    at::ScalarType m_prevDtype = at::kBFloat16;
};

class CausalLm : public torch::nn::Module {
public:
    CausalLm(const analysis::ModelShape& shape, const ComputeConfig& compute) : m_shape(shape), m_compute(compute) {}

    // Training/evaluation pass from an empty state: tokens (B, S) int64 on device() ->
    // logits (B, S, V) float32 (soft-capped at 30). Differentiable. Throws c10::Error for tokens
    // longer than the model supports.
    virtual torch::Tensor forward(const torch::Tensor& tokens) = 0;

    // Empty decode state for `batch` sequences (allocated lazily or as zeros on device()).
    virtual std::unique_ptr<LmState> initialState(int64_t batch) const = 0;

    // Consumes tokens (B, S) after the state's position and advances the state. Returns logits
    // (B, S, V), or (B, 1, V) for the last position only when `lastOnly` (saves the head matmul
    // on long prompts). Runs under whatever grad mode the caller set.
    virtual torch::Tensor extend(const torch::Tensor& tokens, LmState& state, bool lastOnly) = 0;

    // Longest sequence (prompt + generated) a state may reach; INT64_MAX for the xLSTM.
    virtual int64_t maxPositions() const = 0;

    // extend() from initialState(): logits (B, S, V) (or (B, 1, V) with lastOnly) and the state.
    std::pair<torch::Tensor, std::unique_ptr<LmState>> prefill(const torch::Tensor& tokens, bool lastOnly = false);
    // One token per row: tokens (B) -> logits (B, V); the state advances by one.
    torch::Tensor step(const torch::Tensor& tokens, LmState& state);

    const analysis::ModelShape& shape() const { return m_shape; }
    const ComputeConfig& compute() const { return m_compute; }
    torch::Device device() const { return m_compute.device; }
    // Number of scalar parameters registered in the module tree (not from a formula).
    int64_t parameterCount() const;

protected:
    static void advance(LmState& state, int64_t tokens) { state.m_position += tokens; }

    analysis::ModelShape m_shape;
    ComputeConfig m_compute;
};

}  // namespace seqscope::engine
