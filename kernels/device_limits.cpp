// SPDX-License-Identifier: MIT
// Device limits (see device_limits.h). Attributes are read once per device with
// cudaDeviceGetAttribute (cheaper than cudaGetDeviceProperties) and cached; the cache is guarded by a
// mutex because the engine may launch from several threads.
#include "device_limits.h"

#include <cuda_runtime.h>

#include <mutex>
#include <vector>

#include "cuda_check.h"

namespace seqscope::kernels::detail {

Status currentDeviceLimits(DeviceLimits* limits) {
    static std::mutex mutex;
    static std::vector<DeviceLimits> cache;   // indexed by device; multiprocessors == 0: not read yet
    int device = 0;
    SEQSCOPE_CUDA_TRY(cudaGetDevice(&device));
    {
        std::lock_guard<std::mutex> lock(mutex);
        if (device < static_cast<int>(cache.size()) && cache[device].multiprocessors > 0) {
            *limits = cache[device];
            return Status::ok();
        }
    }
    DeviceLimits l;
    l.device = device;
    SEQSCOPE_CUDA_TRY(cudaDeviceGetAttribute(&l.multiprocessors, cudaDevAttrMultiProcessorCount, device));
    SEQSCOPE_CUDA_TRY(cudaDeviceGetAttribute(&l.smemPerBlockOptin, cudaDevAttrMaxSharedMemoryPerBlockOptin, device));
    SEQSCOPE_CUDA_TRY(
        cudaDeviceGetAttribute(&l.smemPerMultiprocessor, cudaDevAttrMaxSharedMemoryPerMultiprocessor, device));
    SEQSCOPE_CUDA_TRY(cudaDeviceGetAttribute(&l.ccMajor, cudaDevAttrComputeCapabilityMajor, device));
    SEQSCOPE_CUDA_TRY(cudaDeviceGetAttribute(&l.ccMinor, cudaDevAttrComputeCapabilityMinor, device));
    if (l.ccMajor < 8)
        return {StatusCode::Unavailable, "mLSTM kernels need compute capability 8.0 or newer (bf16 tensor cores); device " +
                                             std::to_string(device) + " is " + std::to_string(l.ccMajor) + "." +
                                             std::to_string(l.ccMinor)};
    std::lock_guard<std::mutex> lock(mutex);
    if (device >= static_cast<int>(cache.size())) cache.resize(device + 1);
    cache[device] = l;
    *limits = l;
    return Status::ok();
}

}  // namespace seqscope::kernels::detail
