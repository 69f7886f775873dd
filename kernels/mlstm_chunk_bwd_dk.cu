// SPDX-License-Identifier: MIT
// Instantiates the intra-chunk parallel kernel (mlstm_chunk_parallel.cuh) for ParallelMode::GradK:
// dk (and k.dk per position), for float32, bfloat16 and float16 at both tile widths. One mode per translation unit
// so nvcc compiles the variants in parallel.
#include "mlstm_chunk_parallel.cuh"

namespace seqscope::kernels::detail {

template Status launchChunkParallel<ParallelMode::GradK>(DType, const Geometry&, const DeviceLimits&,
                                                          const ParallelArgs&, cudaStream_t);

}  // namespace seqscope::kernels::detail
