// SPDX-License-Identifier: MIT
// Inter-chunk state recurrences of the chunkwise mLSTM (mlstm.md 2.4 (a), 3.2, 4 "Forward recurrent
// kernel"), one kernel template for both directions:
//   forward  C_{c+1} = exp(g_c + m_c - m_{c+1}) C_c + (K * exp(a - m_{c+1}))^T V      (and n alike)
//   backward dC_c    = exp(g_c + m_c - m_{c+1}) dC_{c+1} + (Q * s exp(b + m_c - m_out)/(n_out+eps))^T dH
// Thread -> data: one block of 4 warps per (batch*head, 64-row DHQK tile, 64-column DHHV tile). The
// 64 x 64 fp32 state tile lives in registers for the whole sequence (warp w owns rows 16w..16w+15 in
// the m16n8 accumulator layout, mma_tile.cuh) and the block walks the chunks in order, 64 positions
// (one "slab") at a time. Slabs of X (k or q) and U (v or dh) are double-buffered with cp.async so
// the next slab loads while the current one multiplies. The per-position factor multiplies X's rows
// as the A fragments are formed (fp32 math, then rounded to the operand dtype), so no extra pass
// over shared memory is needed. The state is written before each chunk's update: states[c] is the
// state entering chunk c, which is what the parallel kernels read. The walk is sequential, so its
// critical path avoids global-load latency: the max chain and chunk decays sit in shared memory and
// each slab's per-position gate values are loaded into registers one slab ahead.
// Precision: the scaled operand (K * exp(a - m) or Q * s exp(...)/(n + eps)) is formed in fp32 and
// rounded to bf16/fp16 for the tensor cores. The backward pass asks for it split into hi + lo (two
// products): the forget-gate gradient subtracts quantities computed through both recurrences (the
// final-state term <dC_S, C_S> against the k.dk it also appears in), so their rounding must match
// to well below the operand precision. The forward keeps a single rounding.
#include <cuda_runtime.h>

#include "cuda_check.h"
#include "mlstm_launch.h"
#include "mma_tile.cuh"

namespace seqscope::kernels::detail {

namespace {

constexpr int kThreads = 128;
constexpr int kTile = 64;   // state tile rows (DHQK) and columns (DHHV), and positions per slab

struct RecurrenceParams {
    const void* x;            // forward: k (BH,S,DHQK); backward: q
    const void* u;            // forward: v (BH,S,DHHV); backward: dh
    GateBuffers gates;
    const float* nRow;        // backward: n_out (BH,S)
    const float* mRow;        // backward: m_out (BH,S)
    const float* init;        // forward: C_0; backward: dC_final (null: zero)
    const float* nInit;       // forward: n_0 (null: zero)
    float* states;            // (BH, NC+1, DHQK, DHHV)
    float* nStates;           // forward: (BH, NC+1, DHQK) or null
    float* finalOut;          // forward: C_final copy; backward: dC_0 (optional)
    float* nFinalOut;         // forward: n_final copy (optional)
    int S, L, NC, Spad, dqk, dhv;
    float scale, eps;
    bool chainInSmem;         // max chain and chunk decays staged in shared memory
};

// Shared-memory footprint: two stages of X and U slabs plus the per-position factors.
template <typename T>
constexpr int recurrenceSmemBytes() {
    return 2 * 2 * kTile * paddedLd<T>(kTile) * static_cast<int>(sizeof(T)) + 2 * kTile * static_cast<int>(sizeof(float));
}

// Stores the 64 x 64 register tile to a (DHQK, DHHV) float32 matrix at `dst` (row0, col0 offsets).
__device__ __forceinline__ void storeTile(float* dst, const float (&acc)[8][4], int row0, int col0, int dqk, int dhv,
                                          int g, int t) {
#pragma unroll
    for (int nt = 0; nt < 8; ++nt) {
        const int col = col0 + nt * 8 + 2 * t;
        if (col >= dhv) continue;
#pragma unroll
        for (int h = 0; h < 2; ++h) {
            const int row = row0 + g + 8 * h;
            if (row < dqk) *reinterpret_cast<float2*>(dst + static_cast<long long>(row) * dhv + col) =
                make_float2(acc[nt][2 * h], acc[nt][2 * h + 1]);
        }
    }
}

// ---------------------------------------------------------------------------------------------------
// kernel
// ---------------------------------------------------------------------------------------------------

template <typename T, bool kReverse, bool kSplit>
__global__ void __launch_bounds__(kThreads) stateRecurrenceKernel(RecurrenceParams p) {
    extern __shared__ __align__(16) unsigned char smemRaw[];
    constexpr int ld = paddedLd<T>(kTile);
    T* sX = reinterpret_cast<T*>(smemRaw);              // [2][64][ld]  positions x DHQK columns
    T* sU = sX + 2 * kTile * ld;                         // [2][64][ld]  positions x DHHV columns
    float* sFac = reinterpret_cast<float*>(sU + 2 * kTile * ld);   // [2][64]
    float* sChainM = sFac + 2 * kTile;                              // [NC+1] when p.chainInSmem
    float* sChainG = sChainM + p.NC + 1;                             // [NC]

    const int tid = threadIdx.x, warp = tid >> 5, lane = tid & 31, g = lane >> 2, t = lane & 3;
    const int bh = blockIdx.x;
    const int qk0 = blockIdx.y * kTile, hv0 = blockIdx.z * kTile;
    const long long stateElems = static_cast<long long>(p.dqk) * p.dhv;
    const T* X = static_cast<const T*>(p.x) + static_cast<long long>(bh) * p.S * p.dqk + qk0;
    const T* U = static_cast<const T*>(p.u) + static_cast<long long>(bh) * p.S * p.dhv + hv0;
    const float* mChain = p.gates.mStates + static_cast<long long>(bh) * (p.NC + 1);
    const float* gChunk = p.gates.g + static_cast<long long>(bh) * p.NC;
    float* states = p.states + static_cast<long long>(bh) * (p.NC + 1) * stateElems;
    const bool ownsN = !kReverse && p.nStates != nullptr && blockIdx.z == 0;   // one DHHV tile writes n

    float acc[8][4];
    const int rowBase = qk0 + warp * 16;
#pragma unroll
    for (int nt = 0; nt < 8; ++nt) {
#pragma unroll
        for (int h = 0; h < 2; ++h) {
            const int row = rowBase + g + 8 * h, col = hv0 + nt * 8 + 2 * t;
            float2 v = make_float2(0.f, 0.f);
            if (p.init && row < p.dqk && col < p.dhv)
                v = *reinterpret_cast<const float2*>(p.init + bh * stateElems + static_cast<long long>(row) * p.dhv + col);
            acc[nt][2 * h] = v.x;
            acc[nt][2 * h + 1] = v.y;
        }
    }
    float nAcc = 0.f;   // thread tid < 64 of an n-owning block: n for DHQK row qk0 + tid
    if (ownsN && tid < kTile && qk0 + tid < p.dqk && p.nInit) nAcc = p.nInit[static_cast<long long>(bh) * p.dqk + qk0 + tid];

    // The max chain and chunk decays are read at every chunk boundary by every thread: stage them
    // in shared memory (when they fit) so the sequential walk does not wait on global loads.
    if (p.chainInSmem) {
        for (int e = tid; e <= p.NC; e += kThreads) sChainM[e] = mChain[e];
        for (int e = tid; e < p.NC; e += kThreads) sChainG[e] = gChunk[e];
        __syncthreads();
    }
    auto mAt = [&](int c) { return p.chainInSmem ? sChainM[c] : mChain[c]; };
    auto gAt = [&](int c) { return p.chainInSmem ? sChainG[c] : gChunk[c]; };

    const int slabsPerChunk = p.L / kTile;
    const int total = p.NC * slabsPerChunk;
    const int validQk = p.dqk - qk0, validHv = p.dhv - hv0;

    // slab i -> chunk and position; forward walks chunks 0..NC-1, backward NC-1..0
    auto chunkOf = [&](int i) { return kReverse ? p.NC - 1 - i / slabsPerChunk : i / slabsPerChunk; };
    // Per-position gate values of a slab (thread tid < 64 holds position tid), loaded one slab
    // before they are needed so their latency hides behind a slab of work.
    struct SlabGates {
        float a = 0.f, b = 0.f, c = 0.f;
        bool valid = false;
    };
    auto loadGates = [&](int i) {
        SlabGates r;
        if (tid < kTile && i < total) {
            const int pos = chunkOf(i) * p.L + (i % slabsPerChunk) * kTile + tid;
            r.valid = pos < p.S;
            if (r.valid) {
                const long long gi = static_cast<long long>(bh) * p.Spad + pos;
                if constexpr (!kReverse) {
                    r.a = p.gates.vecA[gi];
                } else {
                    const long long ri = static_cast<long long>(bh) * p.S + pos;
                    r.a = p.gates.vecB[gi];
                    r.b = p.mRow[ri];
                    r.c = p.nRow[ri];
                }
            }
        }
        return r;
    };
    auto issue = [&](int i, const SlabGates& gv) {
        const int c = chunkOf(i);
        const int pos0 = c * p.L + (i % slabsPerChunk) * kTile;
        const int stage = i & 1;
        const int validRows = p.S - pos0;
        // a slab wholly in the padding (S < L) loads nothing; keep its base pointer inside the tensor
        const long long basePos = min(pos0, p.S - 1);
        loadTileAsync<T>(sX + stage * kTile * ld, ld, X + basePos * p.dqk, p.dqk, kTile, kTile, validRows, validQk, tid,
                         kThreads);
        loadTileAsync<T>(sU + stage * kTile * ld, ld, U + basePos * p.dhv, p.dhv, kTile, kTile, validRows, validHv, tid,
                         kThreads);
        if (tid < kTile) {
            float fac = 0.f;
            if (gv.valid) {
                if constexpr (!kReverse)
                    fac = expf(gv.a - mAt(c + 1));                                   // exp(a - m_{c+1})
                else
                    fac = p.scale * expf(gv.a + mAt(c) - gv.b) / (gv.c + p.eps);    // s exp(b + m_c - m)/(n + eps)
            }
            sFac[stage * kTile + tid] = fac;
        }
    };

    issue(0, loadGates(0));
    cpAsyncCommit();
    SlabGates nextGates = loadGates(1);
    for (int i = 0; i < total; ++i) {
        const int c = chunkOf(i);
        if (i % slabsPerChunk == 0) {
            // chunk boundary: publish the state entering (forward) / leaving (backward) this chunk,
            // then decay it across the chunk
            const int slot = kReverse ? c + 1 : c;
            storeTile(states + slot * stateElems, acc, rowBase, hv0, p.dqk, p.dhv, g, t);
            const float decay = expf(gAt(c) + mAt(c) - mAt(c + 1));
#pragma unroll
            for (int nt = 0; nt < 8; ++nt)
#pragma unroll
                for (int e = 0; e < 4; ++e) acc[nt][e] *= decay;
            if (ownsN && tid < kTile && qk0 + tid < p.dqk) {
                p.nStates[(static_cast<long long>(bh) * (p.NC + 1) + c) * p.dqk + qk0 + tid] = nAcc;
                nAcc *= decay;
            }
        }
        if (i + 1 < total) {
            issue(i + 1, nextGates);
            nextGates = loadGates(i + 2);
        }
        cpAsyncCommit();
        cpAsyncWait<1>();
        __syncthreads();

        const int stage = i & 1;
        const T* xs = sX + stage * kTile * ld;
        const T* us = sU + stage * kTile * ld;
        const float* fac = sFac + stage * kTile;
        if (ownsN && tid < kTile) {
            float s = 0.f;
            for (int r = 0; r < kTile; ++r) s = fmaf(fac[r], Elem<T>::toFloat(xs[r * ld + tid]), s);
            nAcc += s;
        }
        // acc (DHQK rows x DHHV cols) += (X * fac)^T U; A(m = qk, k = position) is stored [k][m]
        if constexpr (Elem<T>::kTensorCore) {
            const T* xa = xs + warp * 16;
            for (int k0 = 0; k0 < kTile; k0 += 16) {
                uint32_t a[4];
                loadAFrag<T, true>(a, xa, ld, k0, lane);
                // a[0]: k = k0+2t,+1 ; a[1]: same k ; a[2], a[3]: k = k0+8+2t,+1
                const float f0 = fac[k0 + 2 * t], f1 = fac[k0 + 2 * t + 1];
                const float f2 = fac[k0 + 8 + 2 * t], f3 = fac[k0 + 9 + 2 * t];
                // scaled operand x * fac in fp32, rounded to T (hi) and, when split, the remainder (lo)
                uint32_t lo[4];
                auto scalePair = [](uint32_t v, float f0_, float f1_, uint32_t& rem) {
                    const T* e = reinterpret_cast<const T*>(&v);
                    const float x0 = Elem<T>::toFloat(e[0]) * f0_, x1 = Elem<T>::toFloat(e[1]) * f1_;
                    const uint32_t hi = Elem<T>::pack(x0, x1);
                    if constexpr (kSplit) {
                        const T* h = reinterpret_cast<const T*>(&hi);
                        rem = Elem<T>::pack(x0 - Elem<T>::toFloat(h[0]), x1 - Elem<T>::toFloat(h[1]));
                    }
                    return hi;
                };
                a[0] = scalePair(a[0], f0, f1, lo[0]);
                a[1] = scalePair(a[1], f0, f1, lo[1]);
                a[2] = scalePair(a[2], f2, f3, lo[2]);
                a[3] = scalePair(a[3], f2, f3, lo[3]);
#pragma unroll
                for (int nt = 0; nt < 8; nt += 2) {
                    uint32_t b[4];
                    loadBFrag2<T, true>(b, us, ld, k0, nt * 8, lane);
                    mma16816<T>(acc[nt], a, b[0], b[1]);
                    mma16816<T>(acc[nt + 1], a, b[2], b[3]);
                    if constexpr (kSplit) {
                        mma16816<T>(acc[nt], lo, b[0], b[1]);
                        mma16816<T>(acc[nt + 1], lo, b[2], b[3]);
                    }
                }
            }
        } else {
            const int m0 = warp * 16;
            for (int k = 0; k < kTile; ++k) {
                const float a0 = xs[k * ld + m0 + g] * fac[k];
                const float a1 = xs[k * ld + m0 + g + 8] * fac[k];
#pragma unroll
                for (int nt = 0; nt < 8; ++nt) {
                    const int n = nt * 8 + 2 * t;
                    const float b0 = us[k * ld + n], b1 = us[k * ld + n + 1];
                    acc[nt][0] = fmaf(a0, b0, acc[nt][0]);
                    acc[nt][1] = fmaf(a0, b1, acc[nt][1]);
                    acc[nt][2] = fmaf(a1, b0, acc[nt][2]);
                    acc[nt][3] = fmaf(a1, b1, acc[nt][3]);
                }
            }
        }
        __syncthreads();   // this stage is overwritten by issue(i + 2)
    }

    const int lastSlot = kReverse ? 0 : p.NC;
    storeTile(states + lastSlot * stateElems, acc, rowBase, hv0, p.dqk, p.dhv, g, t);
    if (p.finalOut) storeTile(p.finalOut + bh * stateElems, acc, rowBase, hv0, p.dqk, p.dhv, g, t);
    if (ownsN && tid < kTile && qk0 + tid < p.dqk) {
        p.nStates[(static_cast<long long>(bh) * (p.NC + 1) + p.NC) * p.dqk + qk0 + tid] = nAcc;
        if (p.nFinalOut) p.nFinalOut[static_cast<long long>(bh) * p.dqk + qk0 + tid] = nAcc;
    }
}

// ---------------------------------------------------------------------------------------------------
// launchers
// ---------------------------------------------------------------------------------------------------

template <typename T, bool kReverse, bool kSplit>
Status launchTyped(const Geometry& geo, const DeviceLimits& limits, RecurrenceParams params, cudaStream_t stream) {
    int smem = recurrenceSmemBytes<T>();
    // the chain (2 NC + 1 floats) joins shared memory while the block stays within 64 KB
    const int chainBytes = (2 * geo.NC + 1) * static_cast<int>(sizeof(float));
    params.chainInSmem = smem + chainBytes <= 64 * 1024 && smem + chainBytes <= limits.smemPerBlockOptin;
    if (params.chainInSmem) smem += chainBytes;
    if (smem > limits.smemPerBlockOptin)
        return {StatusCode::Unavailable, "state recurrence needs " + std::to_string(smem) +
                                             " bytes of shared memory per block, device allows " +
                                             std::to_string(limits.smemPerBlockOptin)};
    if (smem > 48 * 1024)
        SEQSCOPE_CUDA_TRY(cudaFuncSetAttribute(stateRecurrenceKernel<T, kReverse, kSplit>,
                                               cudaFuncAttributeMaxDynamicSharedMemorySize, smem));
    const dim3 grid(geo.bh, (geo.dqk + kTile - 1) / kTile, (geo.dhv + kTile - 1) / kTile);
    stateRecurrenceKernel<T, kReverse, kSplit><<<grid, kThreads, smem, stream>>>(params);
    SEQSCOPE_CUDA_TRY(cudaGetLastError());
    return Status::ok();
}

template <bool kReverse>
Status launchAny(DType dtype, const Geometry& geo, const DeviceLimits& limits, const RecurrenceParams& params,
                 bool split, cudaStream_t stream) {
    switch (dtype) {
    case DType::Float32: return launchTyped<float, kReverse, false>(geo, limits, params, stream);
    case DType::BFloat16:
        return split ? launchTyped<__nv_bfloat16, kReverse, true>(geo, limits, params, stream)
                     : launchTyped<__nv_bfloat16, kReverse, false>(geo, limits, params, stream);
    case DType::Float16:
        return split ? launchTyped<__half, kReverse, true>(geo, limits, params, stream)
                     : launchTyped<__half, kReverse, false>(geo, limits, params, stream);
    }
    return Status::invalid("state recurrence: unknown dtype");
}

RecurrenceParams baseParams(const Geometry& geo, const GateBuffers& gates) {
    RecurrenceParams p{};
    p.gates = gates;
    p.S = geo.S;
    p.L = geo.L;
    p.NC = geo.NC;
    p.Spad = geo.Spad;
    p.dqk = geo.dqk;
    p.dhv = geo.dhv;
    p.scale = geo.scale;
    p.eps = geo.eps;
    return p;
}

}  // namespace

Status launchStateForward(DType dtype, const Geometry& geo, const DeviceLimits& limits, const void* k, const void* v,
                          const GateBuffers& gates, const float* c0, const float* n0, float* states, float* nStates,
                          float* cFinal, float* nFinal, bool splitOperands, cudaStream_t stream) {
    RecurrenceParams p = baseParams(geo, gates);
    p.x = k;
    p.u = v;
    p.init = c0;
    p.nInit = n0;
    p.states = states;
    p.nStates = nStates;
    p.finalOut = cFinal;
    p.nFinalOut = nFinal;
    return launchAny<false>(dtype, geo, limits, p, splitOperands, stream);
}

Status launchStateBackward(DType dtype, const Geometry& geo, const DeviceLimits& limits, const void* q, const void* dh,
                           const GateBuffers& gates, const float* nOut, const float* mOut, const float* dcFinal,
                           float* dStates, float* dc0, cudaStream_t stream) {
    RecurrenceParams p = baseParams(geo, gates);
    p.x = q;
    p.u = dh;
    p.nRow = nOut;
    p.mRow = mOut;
    p.init = dcFinal;
    p.states = dStates;
    p.finalOut = dc0;
    // always split: dC feeds dk, whose k.dk must cancel against q.dq to rounding in df
    return launchAny<true>(dtype, geo, limits, p, /*split=*/true, stream);
}

}  // namespace seqscope::kernels::detail
