// SPDX-License-Identifier: MIT
// Intra-chunk parallel kernels of the chunkwise mLSTM (TFLA structure, mlstm.md 2.4 (b), 3.2, 4),
// one template for the forward output and the three backward tile kernels, because all four compute
//     out[own rows, n0:n0+BN] = diag(r) * Y_own * M            (inter-chunk part, M from a stored state)
//                             + sum over other tiles (Y_own Z_other^T  (.)  Gate) U_other[:, n0:n0+BN]
// with (own, other) = (query rows, key rows) for Forward/GradQ and (key rows, query rows) for
// GradK/GradV:
//     mode     Y    Z    U    M (k x n)        Gate(own row, other col)
//     Forward  q    k    v    C_c              exp(logD - m) with the online max (+ denominator)
//     GradQ    dh   v    k    C_c^T            s exp(b_l + i_j - b_j - m_l) / (n_l + eps)
//     GradK    v    dh   q    dC_{c+1}^T       same, own = j, other = l (l >= j)
//     GradV    k    q    dh   dC_{c+1}         same
// Chunk size L (a multiple of 64) is independent of the 64-row on-chip tiles: a block owns 64 rows
// of one chunk and loops over the chunk's other 64-row tiles up to (or from) the diagonal.
// Thread -> data: 4 warps, warp w owns own rows 16w..16w+15 for both the 16 x 64 score tile and the
// 16 x BN output tile (m16n8 accumulator layout, mma_tile.cuh), so row statistics (max, sums) stay in
// a quad of lanes. Y stays in shared memory for the block's lifetime; Z and U are single-buffered
// but refilled asynchronously as soon as their product is done (Z during the gate math and P*U, U
// during the next Y*Z^T), which is the FlashAttention-2 overlap without a second buffer. The forward
// starts its running max at m_inter = b_l + m_{c} (mlstm.md 2.4: m = max(m_inter, m_intra)), so
// the inter-chunk term needs no rescaling and Q is read once; this makes the -10 floor of TFLA
// unnecessary (the running max is never -inf).
// Precision: operands are rounded to bf16/fp16 only where a product needs it: the gated score tile P
// and the fp32 state slab M. dq and dk feed the forget-gate gradient, a reverse cumsum of
// (q.dq - k.dk) that amplifies their rounding error several times, so GradQ and GradK split both
// into hi + lo halves (two tensor-core products; "bf16x2"), which leaves fp32 accumulation as the
// main error; Forward and GradV keep single rounding (bf16 rel. error ~2e-3, like TFLA).
#pragma once

#include <cuda_runtime.h>

#include <string>

#include "cuda_check.h"
#include "mlstm_launch.h"
#include "mma_tile.cuh"

namespace seqscope::kernels::detail {

constexpr int kParThreads = 128;
constexpr int kParRows = 64;   // own rows per block and other rows per tile

struct ParallelParams {
    ParallelArgs a;
    int S, L, NC, Spad, Dy, Du, dqk, dhv;
    float scale, eps;
};

// Whether a mode splits its rounded operands into hi + lo halves (see "Precision" above).
template <typename T, ParallelMode M>
constexpr bool kSplitOperands = Elem<T>::kTensorCore && (M == ParallelMode::GradQ || M == ParallelMode::GradK);

// Shared-memory plan (elements of T unless noted): Y [64][ldY], Z [64][ldY], U [64][ldU],
// M slab (two with split operands: hi, lo) / fp32 P staging, then float vectors (4 x 64 + Dy).
template <typename T>
struct ParallelSmem {
    int ldY, ldU, ldMkn, ldMnk, mElems, bytes;
    __host__ __device__ ParallelSmem(int dy, int bn, bool split) {
        ldY = dy + Elem<T>::kPad;
        ldU = bn + Elem<T>::kPad;
        ldMkn = bn + Elem<T>::kPad;
        ldMnk = kParRows + Elem<T>::kPad;
        mElems = kParRows * ldMkn > bn * ldMnk ? kParRows * ldMkn : bn * ldMnk;
        bytes = static_cast<int>(sizeof(T)) * (2 * kParRows * ldY + kParRows * ldU + (split ? 2 : 1) * mElems) +
                static_cast<int>(sizeof(float)) * (4 * kParRows + dy);
    }
};

// Converts four fp32 state values to T at sHi[offset..+3]; with kSplit also the rounding remainders
// (x - float(hi)) at sLo, so hi + lo carries the state to about 16 significant bits.
template <typename T, bool kSplit>
__device__ __forceinline__ void stageState(T* sHi, T* sLo, int offset, float4 v) {
    const float x[4] = {v.x, v.y, v.z, v.w};
#pragma unroll
    for (int e = 0; e < 4; ++e) {
        const T hi = Elem<T>::fromFloat(x[e]);
        sHi[offset + e] = hi;
        if constexpr (kSplit) sLo[offset + e] = Elem<T>::fromFloat(x[e] - Elem<T>::toFloat(hi));
    }
    (void)sLo;
}

template <typename T, ParallelMode M, int BN>
__global__ void __launch_bounds__(kParThreads) chunkParallelKernel(ParallelParams p) {
    constexpr bool kQuerySide = M == ParallelMode::Forward || M == ParallelMode::GradQ;
    constexpr bool kStateKN = M == ParallelMode::Forward || M == ParallelMode::GradV;
    constexpr bool kTC = Elem<T>::kTensorCore;
    constexpr int NT = BN / 8;
    constexpr bool kSplit = kSplitOperands<T, M>;

    extern __shared__ __align__(16) unsigned char smemRaw[];
    const ParallelSmem<T> plan(p.Dy, BN, kSplit);
    T* sY = reinterpret_cast<T*>(smemRaw);
    T* sZ = sY + kParRows * plan.ldY;
    T* sU = sZ + kParRows * plan.ldY;
    T* sM = sU + kParRows * plan.ldU;
    T* sMlo = sM + plan.mElems;   // split operands only
    float* sOwnA = reinterpret_cast<float*>(sM + (kSplit ? 2 : 1) * plan.mElems);
    float* sOwnB = sOwnA + kParRows;
    float* sOthA = sOwnB + kParRows;
    float* sOthB = sOthA + kParRows;
    float* sVec = sOthB + kParRows;   // Forward: n state entering the chunk (Dy floats)

    const int tid = threadIdx.x, warp = tid >> 5, lane = tid & 31, g = lane >> 2, t = lane & 3;
    const int bh = blockIdx.x / p.NC, c = blockIdx.x % p.NC;
    const int ownTile = blockIdx.y;
    const int n0 = blockIdx.z * BN;
    const int chunk0 = c * p.L;
    const int own0 = chunk0 + ownTile * kParRows;
    if (own0 >= p.S) return;   // the whole tile is padding: nothing to write (uniform per block)

    const ParallelArgs& a = p.a;
    const long long gOff = static_cast<long long>(bh) * p.Spad;
    const long long rOff = static_cast<long long>(bh) * p.S;
    const T* Y = static_cast<const T*>(a.y) + rOff * p.Dy;
    const T* Z = static_cast<const T*>(a.z) + rOff * p.Dy;
    const T* U = static_cast<const T*>(a.u) + rOff * p.Du + n0;
    const float* mChain = a.gates.mStates + static_cast<long long>(bh) * (p.NC + 1);
    const int validDu = p.Du - n0;

    // --- prologue: Y (group 0), first Z (group 1), first U (group 2) -----------------------------
    const int chunkValidTiles = (min(p.L, p.S - chunk0) + kParRows - 1) / kParRows;
    const int oBegin = kQuerySide ? 0 : ownTile;
    const int oEnd = kQuerySide ? ownTile + 1 : chunkValidTiles;
    loadTileAsync<T>(sY, plan.ldY, Y + static_cast<long long>(own0) * p.Dy, p.Dy, kParRows, p.Dy, p.S - own0, p.Dy,
                     tid, kParThreads);
    cpAsyncCommit();
    auto issueZ = [&](int o) {
        const int pos0 = chunk0 + o * kParRows;
        loadTileAsync<T>(sZ, plan.ldY, Z + static_cast<long long>(pos0) * p.Dy, p.Dy, kParRows, p.Dy, p.S - pos0, p.Dy,
                         tid, kParThreads);
    };
    auto issueU = [&](int o) {
        const int pos0 = chunk0 + o * kParRows;
        loadTileAsync<T>(sU, plan.ldU, U + static_cast<long long>(pos0) * p.Du, p.Du, kParRows, BN, p.S - pos0,
                         validDu, tid, kParThreads);
    };
    issueZ(oBegin);
    cpAsyncCommit();
    issueU(oBegin);
    cpAsyncCommit();

    // own-row gate values (see the table above); padded rows get factors that zero them
    if (tid < kParRows) {
        const int pos = own0 + tid;
        const bool valid = pos < p.S;
        if constexpr (M == ParallelMode::Forward) {
            sOwnA[tid] = a.gates.vecB[gOff + pos];   // b_l (finite on padded rows too)
        } else if constexpr (M == ParallelMode::GradQ) {
            sOwnA[tid] = valid ? a.gates.vecB[gOff + pos] - a.mRow[rOff + pos] : 0.f;   // b_l - m_l
            sOwnB[tid] = valid ? p.scale / (a.nRow[rOff + pos] + p.eps) : 0.f;          // s / (n_l + eps)
        } else {
            sOwnA[tid] = a.gates.vecIB[gOff + pos];                                     // i_j - b_j
            sOwnB[tid] = valid ? expf(a.gates.vecA[gOff + pos] - mChain[c + 1]) : 0.f;  // exp(a_j - m_{c+1})
        }
    }
    if constexpr (M == ParallelMode::Forward) {
        const float* nIn = a.nStates + (static_cast<long long>(bh) * (p.NC + 1) + c) * p.dqk;
        for (int e = tid; e < p.Dy; e += kParThreads) sVec[e] = nIn[e];
    }

    // --- inter-chunk part: acc = Y_own * M ----------------------------------------------------
    float acc[NT][4];
#pragma unroll
    for (int nt = 0; nt < NT; ++nt)
#pragma unroll
        for (int e = 0; e < 4; ++e) acc[nt][e] = 0.f;

    cpAsyncWait<2>();   // Y has landed
    __syncthreads();
    const T* yWarp = sY + warp * 16 * plan.ldY;
    const int stateSlot = kQuerySide ? c : c + 1;
    const bool skipState = kQuerySide && c == 0 && a.firstStateZero;
    if (!skipState) {
        const float* st = a.states + (static_cast<long long>(bh) * (p.NC + 1) + stateSlot) * p.dqk * p.dhv;
        for (int d0 = 0; d0 < p.Dy; d0 += kParRows) {
            const int kw = min(kParRows, p.Dy - d0);
            // stage the fp32 state slab as T: KN keeps state rows (DHQK = k) as smem rows, NK keeps
            // state rows (DHQK = n) as smem rows with k = DHHV along them
            if constexpr (kStateKN) {
                for (int idx = tid; idx < kParRows * (BN / 4); idx += kParThreads) {
                    const int r = idx / (BN / 4), cc = (idx % (BN / 4)) * 4;
                    float4 v = make_float4(0.f, 0.f, 0.f, 0.f);
                    if (r < kw && cc < validDu)
                        v = *reinterpret_cast<const float4*>(st + static_cast<long long>(d0 + r) * p.dhv + n0 + cc);
                    stageState<T, kSplit>(sM, sMlo, r * plan.ldMkn + cc, v);
                }
            } else {
                for (int idx = tid; idx < BN * (kParRows / 4); idx += kParThreads) {
                    const int r = idx / (kParRows / 4), cc = (idx % (kParRows / 4)) * 4;
                    float4 v = make_float4(0.f, 0.f, 0.f, 0.f);
                    if (r < validDu && cc < kw)
                        v = *reinterpret_cast<const float4*>(st + static_cast<long long>(n0 + r) * p.dhv + d0 + cc);
                    stageState<T, kSplit>(sM, sMlo, r * plan.ldMnk + cc, v);
                }
            }
            __syncthreads();
            const int ldM = kStateKN ? plan.ldMkn : plan.ldMnk;
            warpGemm<T, false, kStateKN, NT>(acc, yWarp + d0, plan.ldY, sM, ldM, kw, lane);
            if constexpr (kSplit) warpGemm<T, false, kStateKN, NT>(acc, yWarp + d0, plan.ldY, sMlo, ldM, kw, lane);
            __syncthreads();
        }
    }

    // per-row running values of this lane's two rows (g and g + 8)
    float mRun[2] = {0.f, 0.f}, den[2] = {0.f, 0.f};
    if constexpr (M == ParallelMode::Forward) {
        // m_inter = b_l + m_c starts the running max; den starts at q . n_c (partial over k = t mod 4)
#pragma unroll
        for (int h = 0; h < 2; ++h) {
            const int r = warp * 16 + g + 8 * h;
            mRun[h] = sOwnA[r] + mChain[c];
            float s = 0.f;
            if (!skipState)
                for (int k = t; k < p.Dy; k += 4) s = fmaf(Elem<T>::toFloat(sY[r * plan.ldY + k]), sVec[k], s);
            den[h] = s;
        }
    } else {
        float rowScale[2];
#pragma unroll
        for (int h = 0; h < 2; ++h) {
            const int r = warp * 16 + g + 8 * h;
            if constexpr (M == ParallelMode::GradQ)
                rowScale[h] = sOwnB[r] * expf(sOwnA[r] + mChain[c]);   // s exp(b_l + m_c - m_l)/(n_l + eps)
            else
                rowScale[h] = sOwnB[r];                                // exp(a_j - m_{c+1})
        }
#pragma unroll
        for (int nt = 0; nt < NT; ++nt) {
            acc[nt][0] *= rowScale[0];
            acc[nt][1] *= rowScale[0];
            acc[nt][2] *= rowScale[1];
            acc[nt][3] *= rowScale[1];
        }
    }

    // --- intra-chunk tiles ----------------------------------------------------------------------
    for (int o = oBegin; o < oEnd; ++o) {
        const int oth0 = chunk0 + o * kParRows;
        if (tid < kParRows) {
            const int pos = oth0 + tid;
            if constexpr (kQuerySide) {
                sOthA[tid] = a.gates.vecIB[gOff + pos];   // i_j - b_j, -inf on padding
            } else {
                const bool valid = pos < p.S;
                sOthA[tid] = valid ? a.gates.vecB[gOff + pos] - a.mRow[rOff + pos] : 0.f;
                sOthB[tid] = valid ? p.scale / (a.nRow[rOff + pos] + p.eps) : 0.f;
            }
        }
        cpAsyncWait<1>();   // Z(o) has landed (U(o) may still be in flight)
        __syncthreads();

        float sc[8][4];
#pragma unroll
        for (int nt = 0; nt < 8; ++nt)
#pragma unroll
            for (int e = 0; e < 4; ++e) sc[nt][e] = 0.f;
        warpGemm<T, false, false, 8>(sc, yWarp, plan.ldY, sZ, plan.ldY, p.Dy, lane);
        __syncthreads();   // every warp is done with Z
        if (o + 1 < oEnd) issueZ(o + 1);
        cpAsyncCommit();

        const bool diag = o == ownTile;
        if constexpr (M == ParallelMode::Forward) {
            // online max over this tile (FlashAttention-style), then P = S * exp(logD - m)
            float rowMax[2] = {mRun[0], mRun[1]};
#pragma unroll
            for (int nt = 0; nt < 8; ++nt)
#pragma unroll
                for (int e = 0; e < 4; ++e) {
                    const int h = e >> 1;
                    const int r = warp * 16 + g + 8 * h, j = nt * 8 + 2 * t + (e & 1);
                    const float logD = (diag && j > r) ? -INFINITY : sOwnA[r] + sOthA[j];
                    rowMax[h] = fmaxf(rowMax[h], logD);
                }
#pragma unroll
            for (int h = 0; h < 2; ++h) {
                rowMax[h] = quadMax(rowMax[h]);
                const float rescale = __expf(mRun[h] - rowMax[h]);
                mRun[h] = rowMax[h];
                den[h] *= rescale;
#pragma unroll
                for (int nt = 0; nt < NT; ++nt) {
                    acc[nt][2 * h] *= rescale;
                    acc[nt][2 * h + 1] *= rescale;
                }
            }
#pragma unroll
            for (int nt = 0; nt < 8; ++nt)
#pragma unroll
                for (int e = 0; e < 4; ++e) {
                    const int h = e >> 1;
                    const int r = warp * 16 + g + 8 * h, j = nt * 8 + 2 * t + (e & 1);
                    const float w = (diag && j > r) ? 0.f : __expf(sOwnA[r] + sOthA[j] - mRun[h]);
                    sc[nt][e] *= w;
                    den[h] += sc[nt][e];
                }
        } else if constexpr (M == ParallelMode::GradQ) {
#pragma unroll
            for (int nt = 0; nt < 8; ++nt)
#pragma unroll
                for (int e = 0; e < 4; ++e) {
                    const int r = warp * 16 + g + 8 * (e >> 1), j = nt * 8 + 2 * t + (e & 1);
                    const float w = (diag && j > r) ? 0.f : sOwnB[r] * __expf(sOwnA[r] + sOthA[j]);
                    sc[nt][e] *= w;
                }
        } else {
            // own row = key j, other column = query l >= j
#pragma unroll
            for (int nt = 0; nt < 8; ++nt)
#pragma unroll
                for (int e = 0; e < 4; ++e) {
                    const int r = warp * 16 + g + 8 * (e >> 1), l = nt * 8 + 2 * t + (e & 1);
                    const float w = (diag && l < r) ? 0.f : sOthB[l] * __expf(sOthA[l] + sOwnA[r]);
                    sc[nt][e] *= w;
                }
        }

        cpAsyncWait<1>();   // U(o) has landed (Z(o+1) may still be in flight)
        __syncthreads();
        if constexpr (kSplit) {
            warpGemmRegASplit<T, true, 4, NT>(acc, sc, sU, plan.ldU, lane);
        } else if constexpr (kTC) {
            warpGemmRegA<T, true, 4, NT>(acc, sc, sU, plan.ldU, lane);
        } else {
            // CUDA-core path: stage P through this warp's rows of the (now free) M slab buffer
            constexpr int ldP = kParRows + Elem<T>::kPad;
            T* sP = sM + warp * 16 * ldP;
#pragma unroll
            for (int nt = 0; nt < 8; ++nt)
#pragma unroll
                for (int e = 0; e < 4; ++e)
                    sP[(g + 8 * (e >> 1)) * ldP + nt * 8 + 2 * t + (e & 1)] = Elem<T>::fromFloat(sc[nt][e]);
            __syncwarp();
            warpGemm<T, false, true, NT>(acc, sP, ldP, sU, plan.ldU, kParRows, lane);
            __syncwarp();
        }
        __syncthreads();   // every warp is done with U and the other-row gate values
        if (o + 1 < oEnd) issueU(o + 1);
        cpAsyncCommit();
    }

    // --- epilogue --------------------------------------------------------------------------------
    float rowMul[2] = {1.f, 1.f};
    if constexpr (M == ParallelMode::Forward) {
#pragma unroll
        for (int h = 0; h < 2; ++h) {
            const int pos = own0 + warp * 16 + g + 8 * h;
            const float dn = p.scale * quadSum(den[h]);
            const float nOut = fmaxf(fabsf(dn), expf(-mRun[h]));   // eps is added after the max
            rowMul[h] = p.scale / (nOut + p.eps);
            if (blockIdx.z == 0 && t == 0 && pos < p.S) {
                if (a.nRowOut) a.nRowOut[rOff + pos] = nOut;
                if (a.mRowOut) a.mRowOut[rOff + pos] = mRun[h];
            }
        }
    }
    if constexpr (M == ParallelMode::GradQ || M == ParallelMode::GradK) {
        // q.dq (or k.dk) in float32 from the unrounded accumulators, summed over output tiles
        if (a.dot) {
            const T* X = static_cast<const T*>(a.aux) + rOff * p.Du + n0;
#pragma unroll
            for (int h = 0; h < 2; ++h) {
                const int pos = own0 + warp * 16 + g + 8 * h;
                float s = 0.f;
                if (pos < p.S) {
#pragma unroll
                    for (int nt = 0; nt < NT; ++nt) {
                        const int col = nt * 8 + 2 * t;
                        if (col < validDu) {
                            const T* x = X + static_cast<long long>(pos) * p.Du + col;
                            s = fmaf(acc[nt][2 * h], Elem<T>::toFloat(x[0]), s);
                            s = fmaf(acc[nt][2 * h + 1], Elem<T>::toFloat(x[1]), s);
                        }
                    }
                }
                s = quadSum(s);
                if (t == 0 && pos < p.S) atomicAdd(a.dot + gOff + pos, s);
            }
        }
    }
    // stage the tile in shared memory (U is free now) for 16-byte coalesced stores
#pragma unroll
    for (int nt = 0; nt < NT; ++nt)
#pragma unroll
        for (int e = 0; e < 4; ++e)
            sU[(warp * 16 + g + 8 * (e >> 1)) * plan.ldU + nt * 8 + 2 * t + (e & 1)] =
                Elem<T>::fromFloat(acc[nt][e] * rowMul[e >> 1]);
    __syncthreads();
    T* O = static_cast<T*>(a.out) + rOff * p.Du + n0;
    constexpr int vecPerRow = BN / kVec<T>;
    for (int idx = tid; idx < kParRows * vecPerRow; idx += kParThreads) {
        const int r = idx / vecPerRow, cc = (idx % vecPerRow) * kVec<T>;
        const int pos = own0 + r;
        if (pos < p.S && cc < validDu)
            *reinterpret_cast<uint4*>(O + static_cast<long long>(pos) * p.Du + cc) =
                *reinterpret_cast<const uint4*>(sU + r * plan.ldU + cc);
    }
}

// ---------------------------------------------------------------------------------------------------
// launchers (instantiated per mode in mlstm_chunk_{fwd,bwd_dq,bwd_dk,bwd_dv}.cu)
// ---------------------------------------------------------------------------------------------------

// Launches one tile width. An opt-in shared-memory size the driver refuses comes back as
// Unavailable (error cleared) so the caller can retry with the narrower tile.
template <typename T, ParallelMode M, int BN>
Status launchParallelTile(const Geometry& geo, const ParallelParams& pp, cudaStream_t stream) {
    const int smem = ParallelSmem<T>(pp.Dy, BN, kSplitOperands<T, M>).bytes;
    if (smem > 48 * 1024) {
        const cudaError_t e =
            cudaFuncSetAttribute(chunkParallelKernel<T, M, BN>, cudaFuncAttributeMaxDynamicSharedMemorySize, smem);
        if (e != cudaSuccess) {
            (void)cudaGetLastError();
            return {StatusCode::Unavailable, "opt-in shared memory of " + std::to_string(smem) +
                                                 " bytes refused: " + cudaGetErrorString(e)};
        }
    }
    const dim3 grid(geo.bh * geo.NC, geo.L / kParRows, (pp.Du + BN - 1) / BN);
    chunkParallelKernel<T, M, BN><<<grid, kParThreads, smem, stream>>>(pp);
    SEQSCOPE_CUDA_TRY(cudaGetLastError());
    return Status::ok();
}

template <typename T, ParallelMode M>
Status launchParallelTyped(const Geometry& geo, const DeviceLimits& limits, const ParallelArgs& args,
                           cudaStream_t stream) {
    ParallelParams pp{};
    pp.a = args;
    pp.S = geo.S;
    pp.L = geo.L;
    pp.NC = geo.NC;
    pp.Spad = geo.Spad;
    pp.dqk = geo.dqk;
    pp.dhv = geo.dhv;
    pp.scale = geo.scale;
    pp.eps = geo.eps;
    const bool yIsQk = M == ParallelMode::Forward || M == ParallelMode::GradV;   // Y is q or k
    pp.Dy = yIsQk ? geo.dqk : geo.dhv;
    pp.Du = yIsQk ? geo.dhv : geo.dqk;

    // BN = 128 halves the recomputation of Y Z^T across output tiles; take it when the output is
    // wider than 64, it fits the device's opt-in shared memory and the grid still fills the chip.
    const long long rowBlocks = static_cast<long long>(geo.bh) * geo.NC * (geo.L / kParRows);
    constexpr bool split = kSplitOperands<T, M>;
    const bool fits128 = ParallelSmem<T>(pp.Dy, 128, split).bytes <= limits.smemPerBlockOptin;
    const bool wide = geo.tileWidth == 128 ? fits128
                      : geo.tileWidth == 64 ? false
                                            : pp.Du > 64 && fits128 &&
                                                  rowBlocks * ((pp.Du + 127) / 128) >= 2LL * limits.multiprocessors;
    if (wide) {
        Status s = launchParallelTile<T, M, 128>(geo, pp, stream);
        if (s.isOk() || s.code() != StatusCode::Unavailable) return s;
    }
    if (ParallelSmem<T>(pp.Dy, 64, split).bytes > limits.smemPerBlockOptin)
        return {StatusCode::Unavailable, "mLSTM parallel kernel: head dim " + std::to_string(pp.Dy) + " needs " +
                                             std::to_string(ParallelSmem<T>(pp.Dy, 64, split).bytes) +
                                             " bytes of shared memory, device allows " +
                                             std::to_string(limits.smemPerBlockOptin)};
    return launchParallelTile<T, M, 64>(geo, pp, stream);
}

template <ParallelMode M>
Status launchChunkParallel(DType dtype, const Geometry& geo, const DeviceLimits& limits, const ParallelArgs& args,
                           cudaStream_t stream) {
    switch (dtype) {
    case DType::Float32: return launchParallelTyped<float, M>(geo, limits, args, stream);
    case DType::BFloat16: return launchParallelTyped<__nv_bfloat16, M>(geo, limits, args, stream);
    case DType::Float16: return launchParallelTyped<__half, M>(geo, limits, args, stream);
    }
    return Status::invalid("mLSTM parallel kernel: unknown dtype");
}

}  // namespace seqscope::kernels::detail
