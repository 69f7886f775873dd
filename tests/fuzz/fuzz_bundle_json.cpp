// SPDX-License-Identifier: MIT
// JSON export bundles (storage/interchange.h): any bytes parse or fail with a Status naming the spot.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "storage/interchange.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto bundle = seqscope::storage::readBundleJson(text, "fuzz.json");
    (void)bundle;
    return 0;
}
