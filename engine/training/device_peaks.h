// SPDX-License-Identifier: MIT
// Dense bf16 tensor-core peaks of the GPUs people train on, by the exact name CUDA reports, for the
// utilisation metric (MFU). Exact names because variants differ: an H100 SXM5 ("NVIDIA H100 80GB
// HBM3") peaks at 989 TFLOP/s, an H100 PCIe at 756. Vendors' datasheets, dense (no sparsity).
// Unknown names give 0: then MFU is left out unless the run names its peak (--peak-flops).
#pragma once

#include <string>

namespace seqscope::training {

double denseBf16PeakFlops(const std::string& cudaDeviceName);

}  // namespace seqscope::training
