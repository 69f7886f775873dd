// SPDX-License-Identifier: MIT
// Fused recurrent decode step (mlstm.md 2.2): for every (batch, head) in one launch
//   m' = max(log sigmoid(f) + m, i),  C' = exp(log sigmoid(f) + m - m') C + exp(i - m') k v^T,  n' likewise,
//   h  = (s q)^T C' / (max(|(s q)^T n'|, exp(-m')) + eps).
// The state is read once and written once, and the numerator is accumulated from the freshly
// updated values in registers, so the step costs one pass over C.
// Thread -> data: grid (B*NH, DHHV/64); a block of 256 threads owns 64 columns of one head's C:
// thread (rowGroup = tid / 16, colGroup = tid % 16) walks rows rowGroup, rowGroup + 16, ... with a
// float4 of 4 adjacent columns, so a warp touches two full 256-byte row segments per step. Row
// partial sums of the numerator meet in shared memory. Every block recomputes q.n' (DHQK values,
// cheap) rather than synchronising with its neighbours; only column block 0 writes n' and m'.
// Deviation from the reference: q^T C' and q^T n' are accumulated in float32 (the reference casts
// the state down to the q/k/v dtype first); this is more accurate and costs nothing here.
#include <cuda_runtime.h>

#include "cuda_check.h"
#include "mlstm_launch.h"
#include "mma_tile.cuh"

namespace seqscope::kernels::detail {

namespace {

constexpr int kStepThreads = 256;
constexpr int kStepCols = 64;
constexpr int kColGroups = kStepCols / 4;                 // 16
constexpr int kRowGroups = kStepThreads / kColGroups;     // 16

// ---------------------------------------------------------------------------------------------------
// kernel
// ---------------------------------------------------------------------------------------------------

template <typename T>
__global__ void __launch_bounds__(kStepThreads) decodeStepKernel(MlstmStepArgs a, float scale) {
    extern __shared__ float sStep[];   // q (scaled) [DHQK], k [DHQK]
    __shared__ float sNum[kRowGroups][kStepCols];
    __shared__ float sRed[kStepThreads / 32];

    const int bh = blockIdx.x, tid = threadIdx.x;
    const int colGroup = tid % kColGroups, rowGroup = tid / kColGroups;
    const int dqk = a.dqk, dhv = a.dhv;
    float* sq = sStep;
    float* sk = sStep + dqk;
    const T* q = static_cast<const T*>(a.q) + static_cast<long long>(bh) * dqk;
    const T* k = static_cast<const T*>(a.k) + static_cast<long long>(bh) * dqk;
    const T* v = static_cast<const T*>(a.v) + static_cast<long long>(bh) * dhv;
    for (int e = tid; e < dqk; e += kStepThreads) {
        sq[e] = Elem<T>::toFloat(q[e]) * scale;
        sk[e] = Elem<T>::toFloat(k[e]);
    }

    // gates (every thread computes the same scalars)
    const float lf = logSigmoid(a.f[bh]);
    const float mPrev = a.mIn[bh];
    const float mNew = fmaxf(lf + mPrev, a.i[bh]);
    const float fAct = expf(lf + mPrev - mNew);
    const float iAct = expf(a.i[bh] - mNew);
    __syncthreads();

    // q . n' over all DHQK rows (block reduction)
    const float* nIn = a.nIn + static_cast<long long>(bh) * dqk;
    float qn = 0.f;
    for (int r = tid; r < dqk; r += kStepThreads) {
        const float nNew = fAct * nIn[r] + iAct * sk[r];
        qn = fmaf(sq[r], nNew, qn);
        if (blockIdx.y == 0) a.nOut[static_cast<long long>(bh) * dqk + r] = nNew;
    }
    for (int o = 16; o > 0; o >>= 1) qn += __shfl_xor_sync(0xffffffffu, qn, o);
    if ((tid & 31) == 0) sRed[tid >> 5] = qn;

    // C' and the numerator for this block's 64 columns
    const int col = blockIdx.y * kStepCols + colGroup * 4;
    float4 num = make_float4(0.f, 0.f, 0.f, 0.f);
    if (col < dhv) {
        const float4 vv = make_float4(Elem<T>::toFloat(v[col]), Elem<T>::toFloat(v[col + 1]),
                                      Elem<T>::toFloat(v[col + 2]), Elem<T>::toFloat(v[col + 3]));
        const long long base = static_cast<long long>(bh) * dqk * dhv + col;
        for (int r = rowGroup; r < dqk; r += kRowGroups) {
            const long long off = base + static_cast<long long>(r) * dhv;
            float4 cc = *reinterpret_cast<const float4*>(a.cIn + off);
            const float ik = iAct * sk[r];
            cc.x = fmaf(fAct, cc.x, ik * vv.x);
            cc.y = fmaf(fAct, cc.y, ik * vv.y);
            cc.z = fmaf(fAct, cc.z, ik * vv.z);
            cc.w = fmaf(fAct, cc.w, ik * vv.w);
            *reinterpret_cast<float4*>(a.cOut + off) = cc;
            const float qr = sq[r];
            num.x = fmaf(qr, cc.x, num.x);
            num.y = fmaf(qr, cc.y, num.y);
            num.z = fmaf(qr, cc.z, num.z);
            num.w = fmaf(qr, cc.w, num.w);
        }
    }
    sNum[rowGroup][colGroup * 4 + 0] = num.x;
    sNum[rowGroup][colGroup * 4 + 1] = num.y;
    sNum[rowGroup][colGroup * 4 + 2] = num.z;
    sNum[rowGroup][colGroup * 4 + 3] = num.w;
    __syncthreads();

    if (tid < kStepCols) {
        float qnAll = 0.f;
        for (int w = 0; w < kStepThreads / 32; ++w) qnAll += sRed[w];
        float s = 0.f;
        for (int rg = 0; rg < kRowGroups; ++rg) s += sNum[rg][tid];
        const int c = blockIdx.y * kStepCols + tid;
        const float den = fmaxf(fabsf(qnAll), expf(-mNew)) + a.eps;
        if (c < dhv) static_cast<T*>(a.h)[static_cast<long long>(bh) * dhv + c] = Elem<T>::fromFloat(s / den);
    }
    if (blockIdx.y == 0 && tid == 0) a.mOut[bh] = mNew;
}

template <typename T>
Status launchTyped(const MlstmStepArgs& a) {
    const float scale = 1.0f / sqrtf(static_cast<float>(a.dqk));
    const dim3 grid(a.batch * a.heads, (a.dhv + kStepCols - 1) / kStepCols);
    const size_t smem = 2 * static_cast<size_t>(a.dqk) * sizeof(float);
    decodeStepKernel<T><<<grid, kStepThreads, smem, a.stream>>>(a, scale);
    SEQSCOPE_CUDA_TRY(cudaGetLastError());
    return Status::ok();
}

}  // namespace

// ---------------------------------------------------------------------------------------------------
// launcher
// ---------------------------------------------------------------------------------------------------

Status launchDecodeStep(const MlstmStepArgs& args) {
    switch (args.dtype) {
    case DType::Float32: return launchTyped<float>(args);
    case DType::BFloat16: return launchTyped<__nv_bfloat16>(args);
    case DType::Float16: return launchTyped<__half>(args);
    }
    return Status::invalid("mLSTM decode step: unknown dtype");
}

}  // namespace seqscope::kernels::detail
