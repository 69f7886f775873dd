// SPDX-License-Identifier: MIT
// config.json of an official model directory (interop/hf_config.h): any text parses to a shape or a
// Status naming the field; a shape that parses is valid, writes back to config.json in its layout,
// reads back to the same weight shapes, and lists its tensors.
#include <cstddef>
#include <cstdint>
#include <string>

#include "interop/hf_config.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace seqscope::interop;
    const std::string text(reinterpret_cast<const char*>(data), size);
    auto config = parseHfConfig(text);
    if (!config) return 0;
    std::string why;
    if (!config->shape.isValid(&why)) __builtin_trap();   // parseHfConfig must only return valid shapes
    if (static_cast<long long>(config->shape.layers) * config->shape.dModel < 100000)
        (void)expectedTensors(config->shape, config->layout);
    auto again = hfConfigJson(config->shape, config->layout, /*dropLogitCap=*/true);
    if (!again) return 0;   // e.g. an ffn width no factor reproduces: refused, not wrong
    auto reread = parseHfConfig(*again);
    if (!reread || !sameWeightShapes(reread->shape, config->shape)) __builtin_trap();
    return 0;
}
