// SPDX-License-Identifier: MIT
// What the current CUDA device allows, read at launch time (multiprocessor count, shared memory per
// block with opt-in, compute capability) and cached per device, so launchers can size tiles and
// grids for the chip they actually run on instead of a compile-time guess.
#pragma once

#include "common/status.h"

namespace seqscope::kernels::detail {

struct DeviceLimits {
    int device = 0;
    int multiprocessors = 0;        // SM count
    int smemPerBlockOptin = 0;      // bytes a block may use after cudaFuncSetAttribute
    int smemPerMultiprocessor = 0;  // bytes
    int ccMajor = 0, ccMinor = 0;
};

// Limits of the device current on the calling thread.
Status currentDeviceLimits(DeviceLimits* limits);

}  // namespace seqscope::kernels::detail
