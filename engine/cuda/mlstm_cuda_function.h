// SPDX-License-Identifier: MIT
// The engine's door to Seqscope's CUDA mLSTM kernels (kernels/mlstm_kernels.h): a LibTorch autograd
// function around the chunkwise forward/backward kernels, and the fused decode step. Same contract as
// engine/models/mlstm_cell.h mlstmChunkwise / mlstmStep (layouts, m_0 = 0, eps after the max, any S,
// state in and out, gradients for q, k, v, i, f and C_0).
// Deliberate deviations: the backward pass treats n_out and m as constants (mlstm.md 3.1: exact when
// h feeds a per-head LayerNorm, as in the xLSTM block), so n_0, m_0 and the final n, m get no
// gradient; the chunk size is rounded up to a multiple of 64 (the kernels' tile). Inputs the kernels
// do not take (CPU tensors, float64, head dims not multiples of 16 or above 512, shared memory the
// device cannot give) run mlstmChunkwiseNative / mlstmStep instead, with the reason available from
// mlstmCudaUnsupportedReason. Engine-internal header (includes LibTorch).
#pragma once

#include <torch/torch.h>

#include <string>
#include <utility>

#include "models/mlstm_cell.h"

namespace seqscope::engine::cuda {

// q, k (B,NH,S,DHQK), v (B,NH,S,DHHV), i, f (B,NH,S) pre-activations; `initial` may be null (zeros,
// m = 0). Returns h (B,NH,S,DHHV) in the q/k/v dtype and the final state (float32). Differentiable.
MlstmOutput mlstmChunkwiseCuda(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v,
                               const torch::Tensor& i, const torch::Tensor& f, const MlstmState* initial,
                               int64_t chunk);

// One decode step: q, k (B,NH,DHQK), v (B,NH,DHHV), i, f (B,NH). One kernel launch; not
// differentiable (with grad mode on and inputs that require grad it runs the native step instead).
std::pair<torch::Tensor, MlstmState> mlstmStepCuda(const torch::Tensor& q, const torch::Tensor& k,
                                                   const torch::Tensor& v, const torch::Tensor& i,
                                                   const torch::Tensor& f, const MlstmState& state);

// Empty when mlstmChunkwiseCuda runs the CUDA kernels for these inputs, else why it falls back.
std::string mlstmCudaUnsupportedReason(const torch::Tensor& q, const torch::Tensor& v, int64_t chunk);

// The chunk size the kernels use for a requested one: a multiple of 64, at least 64.
int64_t mlstmCudaChunkSize(int64_t requested);

}  // namespace seqscope::engine::cuda
