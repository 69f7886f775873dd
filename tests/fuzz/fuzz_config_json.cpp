// SPDX-License-Identifier: MIT
// A run's stored config (training/training_config.h), as read back for --resume: any JSON parses to
// a config or fails with a Status; a config that parses and is valid plans without crashing.
#include <cstddef>
#include <cstdint>
#include <string>

#include "training/training_config.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    auto config = seqscope::training::trainingConfigFromJson(text);
    if (!config) return 0;
    std::string why;
    if (config->isValid(&why)) (void)seqscope::training::planTraining(*config);
    (void)seqscope::training::trainingConfigToJson(*config);
    return 0;
}
