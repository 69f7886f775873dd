// SPDX-License-Identifier: MIT
#include "device_info.h"

#include <torch/torch.h>
#include <torch/version.h>

#if defined(SEQSCOPE_WITH_CUDA_KERNELS)
#include <ATen/cuda/CUDAContext.h>
#endif

namespace seqscope::engine {

DeviceInfo deviceInfo() {
    DeviceInfo info;
    info.torchVersion = TORCH_VERSION;
    info.cpuThreads = at::get_num_threads();
    info.cudaBuild = torch::cuda::is_available() || at::hasCUDA();
#if defined(SEQSCOPE_WITH_CUDA_KERNELS)
    info.cudaKernels = true;
    const int count = torch::cuda::is_available() ? static_cast<int>(torch::cuda::device_count()) : 0;
    for (int i = 0; i < count; ++i) {
        const cudaDeviceProp* p = at::cuda::getDeviceProperties(i);
        info.cudaDevices.push_back({i, p->name, p->major, p->minor,
                                    static_cast<double>(p->totalGlobalMem) / (1024.0 * 1024.0 * 1024.0),
                                    p->multiProcessorCount});
    }
#endif
    return info;
}

void setCpuThreads(int threads) {
    if (threads > 0) at::set_num_threads(threads);
}

}  // namespace seqscope::engine
