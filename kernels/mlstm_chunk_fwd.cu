// SPDX-License-Identifier: MIT
// Instantiates the intra-chunk parallel kernel (mlstm_chunk_parallel.cuh) for ParallelMode::Forward:
// the forward output h (with n_out, m_out), for float32, bfloat16 and float16 at both tile widths. One mode per translation unit
// so nvcc compiles the variants in parallel.
#include "mlstm_chunk_parallel.cuh"

namespace seqscope::kernels::detail {

template Status launchChunkParallel<ParallelMode::Forward>(DType, const Geometry&, const DeviceLimits&,
                                                          const ParallelArgs&, cudaStream_t);

}  // namespace seqscope::kernels::detail

namespace seqscope::kernels::detail {

int chunkParallelSmemBytes(DType dtype, int dy, int bn) {
    switch (dtype) {
    // the largest plan of the four modes (GradQ/GradK split their state slab for 16-bit types)
    case DType::Float32: return ParallelSmem<float>(dy, bn, false).bytes;
    case DType::BFloat16: return ParallelSmem<__nv_bfloat16>(dy, bn, true).bytes;
    case DType::Float16: return ParallelSmem<__half>(dy, bn, true).bytes;
    }
    return 0;
}

}  // namespace seqscope::kernels::detail
