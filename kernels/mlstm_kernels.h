// SPDX-License-Identifier: MIT
// Host API of Seqscope's CUDA mLSTM kernels (exponential input gate, sigmoid forget gate): the
// chunkwise forward and backward passes and the fused decode step. Plain pointers, shapes, a stream
// and a dtype; no LibTorch. Conventions are those of ../shared/reference/mlstm.md sections 1-3 and of
// engine/models/mlstm_cell.h: scale DHQK^-1/2 on q only, m_0 = 0, denominator max(|q'n|, exp(-m)) + eps
// with eps added after the max, gates and states in float32.
// Deliberate deviations: the backward pass treats n_out and m as constants (mlstm.md 3.1, exact when
// h feeds a per-head LayerNorm) and returns no gradient for n_0 and m_0; chunk sizes are multiples of
// 64 (the on-chip tile); a sequence that is not a multiple of the chunk is padded internally with
// "no input, no decay" positions (i = -inf, log f = 0), which leaves outputs and final state exact.
//
// Layouts (all tensors contiguous, row-major):
//   q, k (B,NH,S,DHQK)  v, h, dh (B,NH,S,DHHV)  in `dtype`
//   i, f gate pre-activations (B,NH,S) float32;  nOut, mOut per-position denominator and max (B,NH,S) float32
//   states C (B,NH,DHQK,DHHV), n (B,NH,DHQK), m (B,NH) (= (B,NH,1)) float32, C and n unscaled.
#pragma once

#include <cuda_runtime.h>

#include <cstddef>
#include <string>

#include "common/status.h"

namespace seqscope::kernels {

enum class DType { Float32, BFloat16, Float16 };
const char* dtypeName(DType dtype);
std::size_t dtypeBytes(DType dtype);

inline constexpr float kMlstmEps = 1e-6f;   // mlstm.md 2.5: added after the max in the denominator

// Head dims the kernels accept: multiples of 16 up to 512 (the tile loops step by 16; shared memory
// holds 64 x DH tiles).
inline constexpr int kMaxHeadDim = 512;
inline constexpr int kHeadDimMultiple = 16;
inline constexpr int kChunkMultiple = 64;   // chunk sizes are whole 64-row tiles

struct MlstmShape {
    int batch = 1;    // B
    int heads = 1;    // NH
    int seqLen = 1;   // S, positions, any value >= 1
    int dqk = 64;     // DHQK, elements, multiple of 16, <= 512
    int dhv = 64;     // DHHV, elements, multiple of 16, <= 512
};

struct MlstmChunkwiseConfig {
    DType dtype = DType::BFloat16;   // dtype of q, k, v, h (and dh, dq, dk, dv)
    MlstmShape shape;
    int chunkSize = 128;             // L, positions; multiple of 64 (mlstm.md 9.1: 128-256 is best)
    float eps = kMlstmEps;           // denominator eps, added after the max
    int tileWidth = 0;               // output columns per block of the parallel kernels: 0 = chosen
                                     // from the device and grid; 64 or 128 forces one (tests, tuning)
    bool isValid(std::string* error) const;
    int numChunks() const;           // NC = ceil(S / L)
};

struct MlstmForwardArgs {
    MlstmChunkwiseConfig config;
    const void* q = nullptr;
    const void* k = nullptr;
    const void* v = nullptr;
    const float* i = nullptr;
    const float* f = nullptr;
    const float* c0 = nullptr;   // optional initial state; null: zeros with m_0 = 0
    const float* n0 = nullptr;   // optional (null: zeros)
    const float* m0 = nullptr;   // optional (null: zeros)
    void* h = nullptr;           // required output
    float* nOut = nullptr;       // optional outputs the backward pass needs
    float* mOut = nullptr;
    float* cFinal = nullptr;     // optional final state
    float* nFinal = nullptr;
    float* mFinal = nullptr;
    void* workspace = nullptr;   // at least mlstmForwardWorkspaceBytes(config) bytes, 256-byte aligned
    std::size_t workspaceBytes = 0;
    cudaStream_t stream = nullptr;
    bool isValid(std::string* error) const;
};

struct MlstmBackwardArgs {
    MlstmChunkwiseConfig config;
    const void* q = nullptr;
    const void* k = nullptr;
    const void* v = nullptr;
    const float* i = nullptr;
    const float* f = nullptr;
    const float* c0 = nullptr;       // the forward pass's initial state (null: zeros), recomputed from
    const float* m0 = nullptr;       // (n_0 is not needed: the denominator is a constant here)
    const void* dh = nullptr;        // dLoss/dh (B,NH,S,DHHV)
    const float* nOut = nullptr;     // from the forward pass (required)
    const float* mOut = nullptr;
    const float* dcFinal = nullptr;  // optional dLoss/dC_final (null: zero)
    void* dq = nullptr;              // required outputs
    void* dk = nullptr;
    void* dv = nullptr;
    float* di = nullptr;             // (B,NH,S) float32
    float* df = nullptr;
    float* dc0 = nullptr;            // optional dLoss/dC_0 (B,NH,DHQK,DHHV)
    void* workspace = nullptr;       // at least mlstmBackwardWorkspaceBytes(config) bytes
    std::size_t workspaceBytes = 0;
    cudaStream_t stream = nullptr;
    bool isValid(std::string* error) const;
};

struct MlstmStepArgs {
    DType dtype = DType::BFloat16;   // dtype of q, k, v, h
    int batch = 1, heads = 1;        // B, NH
    int dqk = 64, dhv = 64;          // head dims, multiples of 16
    float eps = kMlstmEps;
    const void* q = nullptr;         // (B,NH,DHQK)
    const void* k = nullptr;         // (B,NH,DHQK)
    const void* v = nullptr;         // (B,NH,DHHV)
    const float* i = nullptr;        // (B,NH) pre-activations
    const float* f = nullptr;
    const float* cIn = nullptr;      // state in (float32)
    const float* nIn = nullptr;
    const float* mIn = nullptr;
    float* cOut = nullptr;           // state out; cOut may equal cIn (updated in place),
    float* nOut = nullptr;           // nOut and mOut must not alias nIn and mIn
    float* mOut = nullptr;
    void* h = nullptr;               // (B,NH,DHHV)
    cudaStream_t stream = nullptr;
    bool isValid(std::string* error) const;
};

// Bytes of scratch memory each pass needs (gate vectors, per-chunk states).
std::size_t mlstmForwardWorkspaceBytes(const MlstmChunkwiseConfig& config);
std::size_t mlstmBackwardWorkspaceBytes(const MlstmChunkwiseConfig& config);

// Ok when the current device can run `config` (dtype, head dims, shared memory for the tiles);
// Unavailable with the reason otherwise, so callers can fall back to another implementation.
Status mlstmKernelsSupport(const MlstmChunkwiseConfig& config);

// Chunkwise forward: h, and optionally nOut/mOut and the final state. Asynchronous on args.stream.
Status mlstmChunkwiseForward(const MlstmForwardArgs& args);
// Chunkwise backward with states recomputed from the inputs (mlstm.md 3.2, 4 "Backward").
Status mlstmChunkwiseBackward(const MlstmBackwardArgs& args);
// One recurrent step for every (batch, head) in one launch (mlstm.md 2.2).
Status mlstmDecodeStep(const MlstmStepArgs& args);

}  // namespace seqscope::kernels
