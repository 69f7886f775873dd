// SPDX-License-Identifier: MIT
// The one checking macro for CUDA runtime calls and kernel launches in kernels/: on failure it
// returns a Status naming the call, the CUDA error and file:line (after llm.c's cudaCheck, but it
// returns instead of calling exit(), so the workbench survives a failed launch).
#pragma once

#include <cuda_runtime.h>

#include <string>

#include "common/status.h"

namespace seqscope::kernels {

inline Status cudaErrorStatus(cudaError_t error, const char* expression, const char* file, int line) {
    return {StatusCode::Internal, std::string(file) + ":" + std::to_string(line) + ": " + expression + " failed: " +
                                      cudaGetErrorName(error) + " (" + cudaGetErrorString(error) + ")"};
}

}  // namespace seqscope::kernels

// Use as SEQSCOPE_CUDA_TRY(cudaMemsetAsync(...)); after a launch: SEQSCOPE_CUDA_TRY(cudaGetLastError()).
#define SEQSCOPE_CUDA_TRY(expr)                                                                  \
    do {                                                                                         \
        const cudaError_t seqscopeCudaError_ = (expr);                                           \
        if (seqscopeCudaError_ != cudaSuccess)                                                   \
            return ::seqscope::kernels::cudaErrorStatus(seqscopeCudaError_, #expr, __FILE__, __LINE__); \
    } while (0)
