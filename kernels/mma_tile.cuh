// SPDX-License-Identifier: MIT
// Warp-level tile primitives shared by the mLSTM kernels: element traits, 16-byte asynchronous
// copies into padded shared-memory tiles, and one warp computing a 16 x (8*NT) fp32 tile of A*B
// from shared memory.
// Thread -> data mapping (the m16n8k16 accumulator layout, used by every kernel here): lane = 4*g + t
// holds rows g and g+8 and columns 2t, 2t+1 of each 8-column slice: acc[nt][0..1] = (g, 8nt+2t+{0,1}),
// acc[nt][2..3] = (g+8, 8nt+2t+{0,1}). bf16/fp16 run on tensor cores (mma.sync, fp32 accumulation);
// fp32 runs the same tile shape on CUDA cores (a plain FMA loop producing the identical layout), so
// every kernel has a single code path for the gate arithmetic around its matrix products.
// Operand storage in shared memory is row-major with a padded leading dimension; A is stored
// "MK" (row m contiguous) or "KM", B is stored "KN" or "NK": ldmatrix with/without .trans covers each.
#pragma once

#include <cuda_bf16.h>
#include <cuda_fp16.h>
#include <cuda_runtime.h>

#include <cstdint>

namespace seqscope::kernels::detail {

// --- element traits ------------------------------------------------------------------------------
template <typename T>
struct Elem;

template <>
struct Elem<float> {
    static constexpr bool kTensorCore = false;
    static constexpr int kPad = 4;   // 16 bytes of padding per shared-memory row (bank spread)
    __device__ static float toFloat(float x) { return x; }
    __device__ static float fromFloat(float x) { return x; }
};

template <>
struct Elem<__nv_bfloat16> {
    static constexpr bool kTensorCore = true;
    static constexpr int kPad = 8;
    __device__ static float toFloat(__nv_bfloat16 x) { return __bfloat162float(x); }
    __device__ static __nv_bfloat16 fromFloat(float x) { return __float2bfloat16_rn(x); }
    __device__ static uint32_t pack(float lo, float hi) {
        __nv_bfloat162 v = __floats2bfloat162_rn(lo, hi);
        return *reinterpret_cast<uint32_t*>(&v);
    }
};

template <>
struct Elem<__half> {
    static constexpr bool kTensorCore = true;
    static constexpr int kPad = 8;
    __device__ static float toFloat(__half x) { return __half2float(x); }
    __device__ static __half fromFloat(float x) { return __float2half_rn(x); }
    __device__ static uint32_t pack(float lo, float hi) {
        __half2 v = __floats2half2_rn(lo, hi);
        return *reinterpret_cast<uint32_t*>(&v);
    }
};

// Elements per 16-byte vector.
template <typename T>
constexpr int kVec = 16 / static_cast<int>(sizeof(T));

// Padded leading dimension (elements) of a shared tile `width` elements wide.
template <typename T>
constexpr int paddedLd(int width) {
    return width + Elem<T>::kPad;
}

// --- asynchronous copies -------------------------------------------------------------------------
__device__ __forceinline__ uint32_t smemAddr(const void* p) {
    return static_cast<uint32_t>(__cvta_generic_to_shared(p));
}

// 16-byte global -> shared copy; zero-fills the destination when `valid` is false (no bytes read).
__device__ __forceinline__ void cpAsync16(void* dst, const void* src, bool valid) {
    const int bytes = valid ? 16 : 0;
    asm volatile("cp.async.cg.shared.global [%0], [%1], 16, %2;\n" ::"r"(smemAddr(dst)), "l"(src), "r"(bytes));
}
__device__ __forceinline__ void cpAsyncCommit() { asm volatile("cp.async.commit_group;\n" ::); }
template <int N>
__device__ __forceinline__ void cpAsyncWait() {
    asm volatile("cp.async.wait_group %0;\n" ::"n"(N));
}

// Copies rows [0, rows) x columns [0, cols) of a row-major global matrix (leading dimension ldg)
// into shared memory (leading dimension lds). Elements outside validRows x validCols become zero,
// which is what makes the padded last chunk and head dims that are not tile multiples exact.
// cols and validCols are multiples of kVec<T>.
template <typename T>
__device__ __forceinline__ void loadTileAsync(T* s, int lds, const T* g, long long ldg, int rows, int cols,
                                              int validRows, int validCols, int tid, int nthreads) {
    const int vecPerRow = cols / kVec<T>;
    for (int idx = tid; idx < rows * vecPerRow; idx += nthreads) {
        const int r = idx / vecPerRow;
        const int c = (idx - r * vecPerRow) * kVec<T>;
        const bool valid = r < validRows && c < validCols;
        cpAsync16(s + r * lds + c, valid ? g + r * ldg + c : g, valid);
    }
}

// --- ldmatrix / mma ------------------------------------------------------------------------------
__device__ __forceinline__ void ldmatrixX4(uint32_t (&r)[4], const void* p) {
    asm volatile("ldmatrix.sync.aligned.m8n8.x4.shared.b16 {%0,%1,%2,%3}, [%4];\n"
                 : "=r"(r[0]), "=r"(r[1]), "=r"(r[2]), "=r"(r[3])
                 : "r"(smemAddr(p)));
}
__device__ __forceinline__ void ldmatrixX4Trans(uint32_t (&r)[4], const void* p) {
    asm volatile("ldmatrix.sync.aligned.m8n8.x4.trans.shared.b16 {%0,%1,%2,%3}, [%4];\n"
                 : "=r"(r[0]), "=r"(r[1]), "=r"(r[2]), "=r"(r[3])
                 : "r"(smemAddr(p)));
}

template <typename T>
__device__ __forceinline__ void mma16816(float (&d)[4], const uint32_t (&a)[4], uint32_t b0, uint32_t b1);

template <>
__device__ __forceinline__ void mma16816<__nv_bfloat16>(float (&d)[4], const uint32_t (&a)[4], uint32_t b0,
                                                        uint32_t b1) {
    asm volatile(
        "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32 {%0,%1,%2,%3}, {%4,%5,%6,%7}, {%8,%9}, "
        "{%0,%1,%2,%3};\n"
        : "+f"(d[0]), "+f"(d[1]), "+f"(d[2]), "+f"(d[3])
        : "r"(a[0]), "r"(a[1]), "r"(a[2]), "r"(a[3]), "r"(b0), "r"(b1));
}
template <>
__device__ __forceinline__ void mma16816<__half>(float (&d)[4], const uint32_t (&a)[4], uint32_t b0, uint32_t b1) {
    asm volatile(
        "mma.sync.aligned.m16n8k16.row.col.f32.f16.f16.f32 {%0,%1,%2,%3}, {%4,%5,%6,%7}, {%8,%9}, "
        "{%0,%1,%2,%3};\n"
        : "+f"(d[0]), "+f"(d[1]), "+f"(d[2]), "+f"(d[3])
        : "r"(a[0]), "r"(a[1]), "r"(a[2]), "r"(a[3]), "r"(b0), "r"(b1));
}

// A fragment (16 x 16 at A(0, k0)) from shared memory. aKM: A(m,k) stored at sA[k*lda + m].
template <typename T, bool aKM>
__device__ __forceinline__ void loadAFrag(uint32_t (&a)[4], const T* sA, int lda, int k0, int lane) {
    if constexpr (!aKM) {
        ldmatrixX4(a, sA + (lane & 15) * lda + k0 + (lane >> 4) * 8);
    } else {
        ldmatrixX4Trans(a, sA + (k0 + (lane & 7) + (lane >> 4) * 8) * lda + ((lane >> 3) & 1) * 8);
    }
}

// B fragments for two 8-column slices (columns n0..n0+15, rows k0..k0+15). bKN: B(k,n) at sB[k*ldb+n],
// otherwise at sB[n*ldb+k]. b[0], b[1] feed slice n0, b[2], b[3] slice n0+8.
template <typename T, bool bKN>
__device__ __forceinline__ void loadBFrag2(uint32_t (&b)[4], const T* sB, int ldb, int k0, int n0, int lane) {
    const int i = lane >> 3;
    if constexpr (bKN) {
        ldmatrixX4Trans(b, sB + (k0 + (lane & 7) + (i & 1) * 8) * ldb + n0 + (i >> 1) * 8);
    } else {
        ldmatrixX4(b, sB + (n0 + (lane & 7) + (i >> 1) * 8) * ldb + k0 + (i & 1) * 8);
    }
}

// --- warp tile product: acc (16 x 8NT) += A (16 x K) * B (K x 8NT) --------------------------------
// sA points at A(0,0) of this warp's 16 rows, sB at B(0,0) of the warp's columns. K is a multiple
// of 16. NT is even.
template <typename T, bool aKM, bool bKN, int NT>
__device__ __forceinline__ void warpGemm(float (&acc)[NT][4], const T* sA, int lda, const T* sB, int ldb, int K,
                                         int lane) {
    static_assert(NT % 2 == 0, "NT must be even");
    if constexpr (Elem<T>::kTensorCore) {
        for (int k0 = 0; k0 < K; k0 += 16) {
            uint32_t a[4];
            loadAFrag<T, aKM>(a, sA, lda, k0, lane);
#pragma unroll
            for (int nt = 0; nt < NT; nt += 2) {
                uint32_t b[4];
                loadBFrag2<T, bKN>(b, sB, ldb, k0, nt * 8, lane);
                mma16816<T>(acc[nt], a, b[0], b[1]);
                mma16816<T>(acc[nt + 1], a, b[2], b[3]);
            }
        }
    } else {
        const int g = lane >> 2, t = lane & 3;
        for (int k = 0; k < K; ++k) {
            const float a0 = aKM ? sA[k * lda + g] : sA[g * lda + k];
            const float a1 = aKM ? sA[k * lda + g + 8] : sA[(g + 8) * lda + k];
#pragma unroll
            for (int nt = 0; nt < NT; ++nt) {
                const int n = nt * 8 + 2 * t;
                const float b0 = bKN ? sB[k * ldb + n] : sB[n * ldb + k];
                const float b1 = bKN ? sB[k * ldb + n + 1] : sB[(n + 1) * ldb + k];
                acc[nt][0] = fmaf(a0, b0, acc[nt][0]);
                acc[nt][1] = fmaf(a0, b1, acc[nt][1]);
                acc[nt][2] = fmaf(a1, b0, acc[nt][2]);
                acc[nt][3] = fmaf(a1, b1, acc[nt][3]);
            }
        }
    }
}

// Tensor-core only: acc (16 x 8NT) += P (16 x 16KT, held in registers in accumulator layout as
// p[2KT][4]) * B (16KT x 8NT) from shared memory. The accumulator layout of two adjacent 8-column
// slices is exactly the A-fragment layout of one 16-wide k step, so P never touches shared memory.
template <typename T, bool bKN, int KT, int NT>
__device__ __forceinline__ void warpGemmRegA(float (&acc)[NT][4], const float (&p)[2 * KT][4], const T* sB, int ldb,
                                             int lane) {
#pragma unroll
    for (int kt = 0; kt < KT; ++kt) {
        uint32_t a[4];
        a[0] = Elem<T>::pack(p[2 * kt][0], p[2 * kt][1]);
        a[1] = Elem<T>::pack(p[2 * kt][2], p[2 * kt][3]);
        a[2] = Elem<T>::pack(p[2 * kt + 1][0], p[2 * kt + 1][1]);
        a[3] = Elem<T>::pack(p[2 * kt + 1][2], p[2 * kt + 1][3]);
#pragma unroll
        for (int nt = 0; nt < NT; nt += 2) {
            uint32_t b[4];
            loadBFrag2<T, bKN>(b, sB, ldb, kt * 16, nt * 8, lane);
            mma16816<T>(acc[nt], a, b[0], b[1]);
            mma16816<T>(acc[nt + 1], a, b[2], b[3]);
        }
    }
}

// As warpGemmRegA, with P split into hi + lo halves in the operand dtype (P ~= hi + lo to about 16
// significant bits): two products share each B fragment, so the extra cost is the mma alone.
template <typename T, bool bKN, int KT, int NT>
__device__ __forceinline__ void warpGemmRegASplit(float (&acc)[NT][4], const float (&p)[2 * KT][4], const T* sB,
                                                  int ldb, int lane) {
#pragma unroll
    for (int kt = 0; kt < KT; ++kt) {
        uint32_t hi[4], lo[4];
#pragma unroll
        for (int r = 0; r < 4; ++r) {
            // register r holds (row g or g+8, two adjacent k) -> p[2kt + (r >> 1)][2 (r & 1) .. +1]
            const float x0 = p[2 * kt + (r >> 1)][2 * (r & 1)], x1 = p[2 * kt + (r >> 1)][2 * (r & 1) + 1];
            hi[r] = Elem<T>::pack(x0, x1);
            const T* h = reinterpret_cast<const T*>(&hi[r]);
            lo[r] = Elem<T>::pack(x0 - Elem<T>::toFloat(h[0]), x1 - Elem<T>::toFloat(h[1]));
        }
#pragma unroll
        for (int nt = 0; nt < NT; nt += 2) {
            uint32_t b[4];
            loadBFrag2<T, bKN>(b, sB, ldb, kt * 16, nt * 8, lane);
            mma16816<T>(acc[nt], hi, b[0], b[1]);
            mma16816<T>(acc[nt + 1], hi, b[2], b[3]);
            mma16816<T>(acc[nt], lo, b[0], b[1]);
            mma16816<T>(acc[nt + 1], lo, b[2], b[3]);
        }
    }
}

// Sum over the four lanes that share a row (t = 0..3).
__device__ __forceinline__ float quadSum(float x) {
    x += __shfl_xor_sync(0xffffffffu, x, 1);
    x += __shfl_xor_sync(0xffffffffu, x, 2);
    return x;
}
__device__ __forceinline__ float quadMax(float x) {
    x = fmaxf(x, __shfl_xor_sync(0xffffffffu, x, 1));
    x = fmaxf(x, __shfl_xor_sync(0xffffffffu, x, 2));
    return x;
}

// log(sigmoid(x)) without overflow for large |x|.
__device__ __forceinline__ float logSigmoid(float x) { return fminf(x, 0.0f) - log1pf(expf(-fabsf(x))); }

}  // namespace seqscope::kernels::detail
