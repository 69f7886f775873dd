// SPDX-License-Identifier: MIT
#include "training/device_peaks.h"

#include <map>

namespace seqscope::training {

double denseBf16PeakFlops(const std::string& name) {
    static const std::map<std::string, double> peaks = {
        {"NVIDIA H100 80GB HBM3", 989.4e12},    // SXM5
        {"NVIDIA H100 PCIe", 756.0e12},
        {"NVIDIA H100 NVL", 835.5e12},
        {"NVIDIA H200", 989.4e12},              // SXM
        {"NVIDIA H200 NVL", 835.5e12},
        {"NVIDIA GH200 480GB", 989.4e12},
        {"NVIDIA A100-SXM4-80GB", 312e12},
        {"NVIDIA A100-SXM4-40GB", 312e12},
        {"NVIDIA A100 80GB PCIe", 312e12},
        {"NVIDIA A100-PCIE-40GB", 312e12},
        {"NVIDIA L40S", 362.05e12},
        {"NVIDIA A10G", 125e12},   // AWS's A10 variant; dense bf16 as the A10's 125 TFLOP/s
        {"NVIDIA A10", 125e12},
    };
    const auto it = peaks.find(name);
    return it == peaks.end() ? 0.0 : it->second;
}

}  // namespace seqscope::training
