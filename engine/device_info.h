// SPDX-License-Identifier: MIT
// What compute this process can use: LibTorch version, CPU threads, CUDA devices. Plain values, so
// the CLI and the GUI can show them without including LibTorch.
#pragma once

#include <string>
#include <vector>

namespace seqscope::engine {

struct CudaDeviceInfo {
    int index = 0;
    std::string name;
    int computeCapabilityMajor = 0;
    int computeCapabilityMinor = 0;
    double memoryGiB = 0;
    int multiprocessors = 0;
};

struct DeviceInfo {
    std::string torchVersion;     // e.g. "2.11.0"
    int cpuThreads = 0;           // intra-op threads LibTorch uses
    bool cudaBuild = false;       // LibTorch was built with CUDA
    bool cudaKernels = false;     // Seqscope's own mLSTM kernels are compiled in
    std::vector<CudaDeviceInfo> cudaDevices;
};

DeviceInfo deviceInfo();

// Sets LibTorch's intra-op thread count; 0 keeps the default (all cores).
void setCpuThreads(int threads);

}  // namespace seqscope::engine
