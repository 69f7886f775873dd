// SPDX-License-Identifier: MIT
// Internal contract between the host orchestration (mlstm_chunkwise.cpp) and the per-concern launchers
// (one .cu each): the padded geometry, the gate buffers and the launcher entry points. Each launcher
// computes its grid, takes a stream and checks its launch; none allocates memory.
//
// Geometry: S positions are padded to Spad = NC * L. Gate vectors are (BH, Spad) float32, per-chunk
// scalars (BH, NC), the max chain (BH, NC+1) with entry c = m entering chunk c and entry NC the final
// m. Per-chunk states (BH, NC+1, DHQK, DHHV) hold the state entering chunk c at index c and the final
// state at NC; gradient states use the same indexing (dC w.r.t. the state entering chunk c).
#pragma once

#include <cuda_runtime.h>

#include "common/status.h"
#include "device_limits.h"
#include "mlstm_kernels.h"

namespace seqscope::kernels::detail {

struct Geometry {
    int bh = 0;      // B * NH
    int S = 0;       // positions
    int L = 0;       // chunk
    int NC = 0;      // chunks
    int Spad = 0;    // NC * L
    int dqk = 0, dhv = 0;
    float scale = 0; // DHQK^-1/2
    float eps = 0;
    int tileWidth = 0;   // parallel kernels' output tile: 0 = auto, 64 or 128 forced
};

Geometry makeGeometry(const MlstmChunkwiseConfig& config);

struct GateBuffers {
    float* vecB = nullptr;     // b_l: in-chunk inclusive cumsum of log sigmoid(f); (BH, Spad)
    float* vecIB = nullptr;    // i_l - b_l (-inf on padded positions); (BH, Spad)
    float* vecA = nullptr;     // a_l = sum_{r>l} log sigmoid(f_r) + i_l (-inf padded); (BH, Spad)
    float* g = nullptr;        // chunk total decay b_L; (BH, NC)
    float* mStates = nullptr;  // max state entering each chunk; (BH, NC+1)
};

// Gate preprocessing and the max chain m_c = max(g_c + m_{c-1}, max_l a_l) (mlstm.md 2.4 (a)).
Status launchGatePrep(const Geometry& geo, const float* i, const float* f, const float* m0, const GateBuffers& gates,
                      float* mFinal, cudaStream_t stream);

// Inter-chunk state recurrence, forward: states[c] = C entering chunk c (c = 0..NC), nStates alike.
// cFinal/nFinal (optional) receive a copy of the final state.
// splitOperands: carry the scaled 16-bit operand as hi + lo (two tensor-core products), as the
// backward pass needs for consistent gate gradients (mlstm_state_recurrence.cu "Precision").
Status launchStateForward(DType dtype, const Geometry& geo, const DeviceLimits& limits, const void* k, const void* v,
                          const GateBuffers& gates, const float* c0, const float* n0, float* states, float* nStates,
                          float* cFinal, float* nFinal, bool splitOperands, cudaStream_t stream);

// Reverse recurrence for dC (mlstm.md 3.2): dStates[c] = dLoss/dC entering chunk c; dStates[NC] =
// dcFinal (or zero); dc0 (optional) receives dStates[0].
Status launchStateBackward(DType dtype, const Geometry& geo, const DeviceLimits& limits, const void* q, const void* dh,
                           const GateBuffers& gates, const float* nOut, const float* mOut, const float* dcFinal,
                           float* dStates, float* dc0, cudaStream_t stream);

// The intra-chunk parallel kernels (mlstm_chunk_parallel.cuh). Forward writes h (and nOut, mOut);
// GradQ/GradK/GradV write dq/dk/dv; GradQ and GradK also accumulate q.dq and k.dk per position.
enum class ParallelMode { Forward, GradQ, GradK, GradV };

struct ParallelArgs {
    const void* y = nullptr;      // own-tile operand (rows of this block), dim Dy
    const void* z = nullptr;      // other-tile operand contracted with y, dim Dy
    const void* u = nullptr;      // other-tile operand multiplied into the output, dim Du
    const void* aux = nullptr;    // GradQ: q, GradK: k (for the per-position dot products)
    void* out = nullptr;          // (BH, S, Du)
    const float* states = nullptr;   // (BH, NC+1, DHQK, DHHV): Forward/GradQ read [c], GradK/GradV [c+1]
    const float* nStates = nullptr;  // Forward only: (BH, NC+1, DHQK)
    bool firstStateZero = false;     // states[0] is known to be zero (no initial state): skip it
    GateBuffers gates;
    const float* nRow = nullptr;  // backward: per-position n_out (BH, S)
    const float* mRow = nullptr;  // backward: per-position m (BH, S)
    float* nRowOut = nullptr;     // forward outputs (optional)
    float* mRowOut = nullptr;
    float* dot = nullptr;         // GradQ: q.dq, GradK: k.dk accumulators (BH, Spad), zeroed by the caller
};

template <ParallelMode M>
Status launchChunkParallel(DType dtype, const Geometry& geo, const DeviceLimits& limits, const ParallelArgs& args,
                           cudaStream_t stream);

// Shared-memory bytes the parallel kernel needs for one configuration (used by mlstmKernelsSupport).
int chunkParallelSmemBytes(DType dtype, int dy, int bn);

// Gate gradients: di_t = k_t.dk_t, df_t = sigmoid(-f_t) * (corr + sum_{r>=t} (q_r.dq_r - k_r.dk_r)),
// corr = <dC_final, C_final> (the final-state path; zero without dcFinal). mlstm.md 3.2.
Status launchGateGrad(const Geometry& geo, const float* qdq, const float* kdk, const float* f, const float* dcFinal,
                      const float* cFinalStates, float* di, float* df, cudaStream_t stream);

// Fused decode step.
Status launchDecodeStep(const MlstmStepArgs& args);

}  // namespace seqscope::kernels::detail
