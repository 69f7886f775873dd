// SPDX-License-Identifier: MIT
// The mLSTM cell (exponential input gate, sigmoid forget gate) in its three equivalent forms:
// parallel (quadratic, "stablef" forget matrix), chunkwise (inter-chunk recurrence + intra-chunk
// parallel part, any length, state in and out) and the recurrent step, plus the step looped over a
// sequence. Conventions follow ../shared/reference/mlstm.md sections 1-2 exactly: scale DHQK^-1/2
// on q only, log-sigmoid forget gate, m_0 = 0 for the recurrent and chunkwise forms, no m_0 in the
// parallel form, denominator max(|q'n|, exp(-m)) + eps with eps added after the max.
// Deliberate deviations: the chunkwise form treats a length that is not a multiple of the chunk as
// a shorter last chunk (exact, no recurrent tail needed); backward goes through autograd (no custom
// "n, m constant" backward). Engine-internal header: includes LibTorch, not part of the public API.
#pragma once

#include <torch/torch.h>

namespace seqscope::engine {

// Letters used in shape comments: B batch, NH heads, S sequence, DHQK q/k head dim, DHHV v head
// dim, L chunk, NC number of chunks.
inline constexpr double kMlstmEps = 1e-6;   // added to the denominator after the max (mlstm.md 2.5)

// Recurrent state per layer. C and n are stored unscaled (q-only scaling). Kept in float32 (float64
// when the inputs are float64, so a double-precision evaluation stays double end to end).
struct MlstmState {
    torch::Tensor c;   // (B, NH, DHQK, DHHV)
    torch::Tensor n;   // (B, NH, DHQK)
    torch::Tensor m;   // (B, NH, 1)

    int64_t bytes() const;            // storage of the three tensors
    MlstmState detached() const;      // same values, cut from the autograd graph
};

struct MlstmOutput {
    torch::Tensor h;      // (B, NH, S, DHHV) in the dtype of q/k/v
    MlstmState state;     // state after the last position
};

// All zeros including m = 0 (mlstm.md 2.2: the recurrent and chunkwise forms start from m_0 = 0).
MlstmState mlstmZeroState(int64_t batch, int64_t heads, int64_t dqk, int64_t dhv, const torch::TensorOptions& options);

// The dtype gate math and states use for inputs of `inputDtype`: float64 stays float64, anything
// else (float32, bfloat16, half) computes gates and states in float32.
torch::ScalarType mlstmStateDtype(torch::ScalarType inputDtype);

// Parallel (quadratic) stablef form: q, k (B,NH,S,DHQK), v (B,NH,S,DHHV), i, f (B,NH,S)
// pre-activations. Returns h (B,NH,S,DHHV). No state in or out; memory O(S^2) per head.
torch::Tensor mlstmParallel(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v,
                            const torch::Tensor& i, const torch::Tensor& f, double eps = kMlstmEps);

// One recurrent step: q, k (B,NH,DHQK), v (B,NH,DHHV), i, f (B,NH). Returns h (B,NH,DHHV) in the
// q/k/v dtype and the new state (mlstm.md 2.2).
std::pair<torch::Tensor, MlstmState> mlstmStep(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v,
                                               const torch::Tensor& i, const torch::Tensor& f,
                                               const MlstmState& state, double eps = kMlstmEps);

// The step looped over S (the "native_sequence" baseline). `initial` may be null (zeros).
MlstmOutput mlstmRecurrentSequence(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v,
                                   const torch::Tensor& i, const torch::Tensor& f, const MlstmState* initial,
                                   double eps = kMlstmEps);

// Native chunkwise form (mlstm.md 2.4) in LibTorch ops, differentiable through autograd. Any S >= 1
// and any chunk >= 1; a trailing S % chunk positions form a shorter last chunk. `initial` may be
// null (zeros, m = 0).
MlstmOutput mlstmChunkwiseNative(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v,
                                 const torch::Tensor& i, const torch::Tensor& f, const MlstmState* initial,
                                 int64_t chunk, double eps = kMlstmEps);

// The one entry point models call. CPU tensors (and CUDA tensors while no CUDA kernel is built)
// take mlstmChunkwiseNative; S == 1 takes mlstmStep. When the engine is built with
// SEQSCOPE_WITH_CUDA_KERNELS and engine/cuda/mlstm_cuda_function.h exists, CUDA tensors go to
//   MlstmOutput seqscope::engine::cuda::mlstmChunkwiseCuda(
//       const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v,
//       const torch::Tensor& i, const torch::Tensor& f, const MlstmState* initial, int64_t chunk);
// which must honour the same contract (any S, state in/out, gradients for q, k, v, i, f and C0).
MlstmOutput mlstmChunkwise(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v,
                           const torch::Tensor& i, const torch::Tensor& f, const MlstmState* initial,
                           int64_t chunk, double eps = kMlstmEps);

// True when mlstmChunkwise routes CUDA tensors to the custom CUDA kernels in this build.
bool mlstmCudaKernelsAvailable();

// While one lives, mlstmChunkwise on this thread takes the native LibTorch form for CUDA tensors
// too: the reference the kernels are checked against inside a whole model (engine/check).
class NativeMlstmScope {
public:
    NativeMlstmScope();
    ~NativeMlstmScope();
    NativeMlstmScope(const NativeMlstmScope&) = delete;
    NativeMlstmScope& operator=(const NativeMlstmScope&) = delete;

private:
    bool m_previous;
};

}  // namespace seqscope::engine
