// SPDX-License-Identifier: MIT
// A safetensors file (interop/safetensors.h) as `model import` and `model logits` map it: any bytes
// give a header or a Status; lengths that overflow, offsets out of range or overlapping and dtypes
// that lie about their size must be refused before a byte of tensor data is touched. A header that
// passes is converted tensor by tensor, reading exactly the ranges it promised.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "interop/safetensors.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace seqscope::interop;
    auto header = parseSafetensorsHeader(data, size, size);
    if (!header) return 0;
    std::vector<float> values;
    for (const TensorInfo& t : header->tensors) {
        if (t.end > size - header->dataOffset) __builtin_trap();   // a range past the data was accepted
        if (!isFloatDtype(t.dtype) || t.elements() > (1 << 20)) continue;
        values.resize(static_cast<size_t>(t.elements()));
        const uint8_t* p = data + header->dataOffset + t.begin;
        for (int64_t i = 0; i < t.elements(); ++i) {   // what SafetensorsFile::toFloat32 does, bounds-checked by ASan
            const size_t at = static_cast<size_t>(i) * dtypeSize(t.dtype);
            if (t.dtype == TensorDtype::BF16) values[i] = bf16ToFloat(static_cast<uint16_t>(p[at] | p[at + 1] << 8));
            else if (t.dtype == TensorDtype::F16) values[i] = f16ToFloat(static_cast<uint16_t>(p[at] | p[at + 1] << 8));
        }
    }
    return 0;
}
