// SPDX-License-Identifier: MIT
// Gate arithmetic of the chunkwise mLSTM, all in float32 (mlstm.md 2.4, 2.5, 3.2):
//  - gatePrepKernel: per chunk the inclusive cumsum b of log sigmoid(f), i - b, the reverse cumsum
//    a (computed as a suffix scan, no difference of large sums), the chunk decay g and max(a); then
//    the sequential max chain m_c over chunks.
//  - gateGradKernel: di = k.dk and df = sigmoid(-f) * reverse cumsum of (q.dq - k.dk) plus the
//    final-state term.
// Thread -> data: gatePrep runs one block per (batch, head); warp w handles chunks w, w+8, ...; lane
// j owns L/32 consecutive positions of the chunk (serial within the lane, shuffles across lanes).
// The max chain is a scalar recurrence, so one thread walks it from shared memory (NC steps of a few
// cycles each). gateGrad runs one block per (batch, head); thread j owns a contiguous run of
// positions for the reverse scan.
#include <cuda_runtime.h>

#include <cmath>

#include "cuda_check.h"
#include "mlstm_launch.h"
#include "mma_tile.cuh"

namespace seqscope::kernels::detail {

namespace {

constexpr int kPrepThreads = 256;
constexpr int kGradThreads = 512;

// ---------------------------------------------------------------------------------------------------
// kernels
// ---------------------------------------------------------------------------------------------------

__global__ void __launch_bounds__(kPrepThreads)
    gatePrepKernel(const float* __restrict__ iPre, const float* __restrict__ fPre, const float* __restrict__ m0,
                   GateBuffers gates, float* __restrict__ mFinal, int S, int L, int NC, int Spad, bool chainInSmem) {
    extern __shared__ float sChain[];   // [NC] g then [NC] max(a), when chainInSmem
    const int bh = blockIdx.x;
    const int warp = threadIdx.x >> 5, lane = threadIdx.x & 31;
    const int per = L / 32;   // positions per lane (L is a multiple of 64)
    const float* ib = iPre + static_cast<long long>(bh) * S;
    const float* fb = fPre + static_cast<long long>(bh) * S;
    float* vecB = gates.vecB + static_cast<long long>(bh) * Spad;
    float* vecIB = gates.vecIB + static_cast<long long>(bh) * Spad;
    float* vecA = gates.vecA + static_cast<long long>(bh) * Spad;
    float* gRow = gates.g + static_cast<long long>(bh) * NC;

    for (int c = warp; c < NC; c += kPrepThreads / 32) {
        const int p0 = c * L + lane * per;
        // padded positions (p >= S): log f = 0 (no decay) and i = -inf (no input)
        float seg = 0.f;
        for (int e = 0; e < per; ++e) {
            const int p = p0 + e;
            seg += p < S ? logSigmoid(fb[p]) : 0.f;
        }
        // exclusive prefix and exclusive suffix of the lane sums, by shuffles (no subtraction)
        float pre = seg, suf = seg;
        for (int o = 1; o < 32; o <<= 1) {
            const float up = __shfl_up_sync(0xffffffffu, pre, o);
            const float down = __shfl_down_sync(0xffffffffu, suf, o);
            if (lane >= o) pre += up;
            if (lane + o < 32) suf += down;
        }
        const float total = __shfl_sync(0xffffffffu, pre, 31);
        float run = __shfl_up_sync(0xffffffffu, pre, 1);
        if (lane == 0) run = 0.f;
        float sufEx = __shfl_down_sync(0xffffffffu, suf, 1);
        if (lane == 31) sufEx = 0.f;

        for (int e = 0; e < per; ++e) {
            const int p = p0 + e;
            const bool valid = p < S;
            run += valid ? logSigmoid(fb[p]) : 0.f;
            vecB[p] = run;
            vecIB[p] = valid ? ib[p] - run : -INFINITY;
        }
        float amax = -INFINITY;
        for (int e = per - 1; e >= 0; --e) {
            const int p = p0 + e;
            const bool valid = p < S;
            const float a = valid ? sufEx + ib[p] : -INFINITY;
            vecA[p] = a;
            amax = fmaxf(amax, a);
            sufEx += valid ? logSigmoid(fb[p]) : 0.f;
        }
        for (int o = 16; o > 0; o >>= 1) amax = fmaxf(amax, __shfl_xor_sync(0xffffffffu, amax, o));
        if (lane == 0) {
            gRow[c] = total;
            if (chainInSmem) {
                sChain[c] = total;
                sChain[NC + c] = amax;
            } else {
                // no room in shared memory: park max(a) in the chain row itself, read back below
                gates.mStates[static_cast<long long>(bh) * (NC + 1) + c + 1] = amax;
            }
        }
    }
    __syncthreads();
    if (threadIdx.x == 0) {
        float* mRow = gates.mStates + static_cast<long long>(bh) * (NC + 1);
        float m = m0 ? m0[bh] : 0.f;
        mRow[0] = m;
        for (int c = 0; c < NC; ++c) {
            const float g = chainInSmem ? sChain[c] : gRow[c];
            const float amax = chainInSmem ? sChain[NC + c] : mRow[c + 1];
            m = fmaxf(g + m, amax);
            mRow[c + 1] = m;
        }
        if (mFinal) mFinal[bh] = m;
    }
}

__global__ void __launch_bounds__(kGradThreads)
    gateGradKernel(const float* __restrict__ qdq, const float* __restrict__ kdk, const float* __restrict__ fPre,
                   const float* __restrict__ dcFinal, const float* __restrict__ cStates, float* __restrict__ di,
                   float* __restrict__ df, int S, int Spad, int NC, long long stateElems) {
    __shared__ float sWarp[kGradThreads / 32];
    __shared__ float sCorr;
    const int bh = blockIdx.x, tid = threadIdx.x, lane = tid & 31, warp = tid >> 5;
    constexpr int nWarps = kGradThreads / 32;

    // corr = <dC_final, C_final>: the final state depends on every forget gate before it
    float corr = 0.f;
    if (dcFinal) {
        const float* a = dcFinal + bh * stateElems;
        const float* b = cStates + (static_cast<long long>(bh) * (NC + 1) + NC) * stateElems;
        float part = 0.f;
        for (long long e = tid; e < stateElems; e += kGradThreads) part = fmaf(a[e], b[e], part);
        for (int o = 16; o > 0; o >>= 1) part += __shfl_xor_sync(0xffffffffu, part, o);
        if (lane == 0) sWarp[warp] = part;
        __syncthreads();
        if (tid == 0) {
            float s = 0.f;
            for (int w = 0; w < nWarps; ++w) s += sWarp[w];
            sCorr = s;
        }
        __syncthreads();
        corr = sCorr;
        __syncthreads();   // sWarp is reused below
    }

    const float* qd = qdq + static_cast<long long>(bh) * Spad;
    const float* kd = kdk + static_cast<long long>(bh) * Spad;
    const float* fb = fPre + static_cast<long long>(bh) * S;
    const int per = (S + kGradThreads - 1) / kGradThreads;
    const int t0 = tid * per, t1 = min(S, t0 + per);
    float local = 0.f;
    for (int t = t0; t < t1; ++t) local += qd[t] - kd[t];

    // exclusive suffix over threads: sum of `local` of all threads > tid
    float inc = local;   // inclusive suffix within the warp
    for (int o = 1; o < 32; o <<= 1) {
        const float down = __shfl_down_sync(0xffffffffu, inc, o);
        if (lane + o < 32) inc += down;
    }
    if (lane == 0) sWarp[warp] = inc;   // warp total
    __syncthreads();
    float later = 0.f;                   // totals of warps after this one
    for (int w = warp + 1; w < nWarps; ++w) later += sWarp[w];
    float excl = __shfl_down_sync(0xffffffffu, inc, 1);
    if (lane == 31) excl = 0.f;
    float run = later + excl;

    float* dib = di + static_cast<long long>(bh) * S;
    float* dfb = df + static_cast<long long>(bh) * S;
    for (int t = t1 - 1; t >= t0; --t) {
        run += qd[t] - kd[t];
        dib[t] = kd[t];
        dfb[t] = (corr + run) / (1.f + expf(fb[t]));   // d logsigmoid(f)/df = sigmoid(-f)
    }
}

}  // namespace

// ---------------------------------------------------------------------------------------------------
// launchers
// ---------------------------------------------------------------------------------------------------

Status launchGatePrep(const Geometry& geo, const float* i, const float* f, const float* m0, const GateBuffers& gates,
                      float* mFinal, cudaStream_t stream) {
    // The chain's 2*NC floats fit the default 48 KB up to NC = 6144 (786k positions at L = 128).
    const size_t chainBytes = 2 * static_cast<size_t>(geo.NC) * sizeof(float);
    const bool inSmem = chainBytes <= 48 * 1024;
    gatePrepKernel<<<geo.bh, kPrepThreads, inSmem ? chainBytes : 0, stream>>>(i, f, m0, gates, mFinal, geo.S, geo.L,
                                                                            geo.NC, geo.Spad, inSmem);
    SEQSCOPE_CUDA_TRY(cudaGetLastError());
    return Status::ok();
}

Status launchGateGrad(const Geometry& geo, const float* qdq, const float* kdk, const float* f, const float* dcFinal,
                      const float* cFinalStates, float* di, float* df, cudaStream_t stream) {
    gateGradKernel<<<geo.bh, kGradThreads, 0, stream>>>(qdq, kdk, f, dcFinal, cFinalStates, di, df, geo.S, geo.Spad,
                                                        geo.NC, static_cast<long long>(geo.dqk) * geo.dhv);
    SEQSCOPE_CUDA_TRY(cudaGetLastError());
    return Status::ok();
}

}  // namespace seqscope::kernels::detail
