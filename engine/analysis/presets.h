// SPDX-License-Identifier: MIT
// Named model configurations: the paper's scaling-study models (../shared/reference/scaling-laws.md
// section 3 / 13.1), its inference-benchmark models (section 12.7 / 13.3, suffix "-inf": xLSTM chunk
// 128 and other head counts, Transformer FFN rounded to 128) and small byte-level models for CPU
// experiments (about 1M, 3M, 10M, 30M parameters; vocabulary 260 = 256 bytes + 4 special tokens)
// that keep each architecture's proportions (xLSTM qk factor 0.5, FFN 2.667 d rounded to 64).
#pragma once

#include <string>
#include <vector>

#include "analysis/model_shape.h"

namespace seqscope::analysis {

// Vocabulary of the CPU presets: 256 byte values + BOS, EOS, PAD, UNK.
inline constexpr int kByteVocab = 260;

struct Preset {
    std::string name;               // "xlstm-160m", "transformer-7b-inf", "xlstm-1m"
    std::string family;             // "paper" | "paper-inference" | "cpu"
    std::string description;        // where the configuration comes from
    ModelShape shape;
    long long context = 0;          // default context length T in tokens for this preset
    long long referenceParams = 0;  // N as published (section 3), 0 when none is; == parameterCount(shape)
};

// Every preset, in a stable order: paper (xLSTM, Transformer), paper-inference, cpu.
const std::vector<Preset>& presets();

// Case-insensitive lookup; nullptr when no preset has that name.
const Preset* findPreset(const std::string& name);

// "xlstm-160m, xlstm-400m, ..." for error messages and help.
std::string presetNames();

}  // namespace seqscope::analysis
