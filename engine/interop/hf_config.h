// SPDX-License-Identifier: MIT
// config.json of the official model directories, to and from a ModelShape:
//   xlstm-large  the `xlstm` package's xLSTMLargeConfig (layout of the released xLSTM-7B),
//   hf-xlstm     Hugging Face transformers' xLSTMConfig (hidden_size, num_hidden_layers, ...),
//   llama        transformers' LlamaConfig.
// Every field that changes the math is read or checked; values Seqscope does not implement (fused
// weights, biases, tied embeddings, grouped-query attention, RoPE scaling, ...) are refused naming
// the field. Fields that only choose kernels or generation defaults are accepted and ignored; any
// other unknown field is refused, since it might change the model. Plain C++ (fuzzed).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "analysis/model_shape.h"
#include "common/status.h"

namespace seqscope::interop {

enum class CheckpointLayout { XlstmLarge, HfXlstm, Llama };

const char* layoutName(CheckpointLayout layout);                       // "xlstm-large" | "hf-xlstm" | "llama"
bool parseLayout(const std::string& text, CheckpointLayout* layout);
// The layout an architecture exports to by default: xlstm-large for the xLSTM, llama for the Transformer.
CheckpointLayout defaultLayout(analysis::Arch arch);

struct HfModelConfig {
    CheckpointLayout layout = CheckpointLayout::XlstmLarge;
    analysis::ModelShape shape;
};

// Parses config.json text. `origin` names the file in messages.
Result<HfModelConfig> parseHfConfig(const std::string& text, const std::string& origin = "config.json");

// config.json for `shape` in `layout` (the xLSTM layouts for an xLSTM, llama for a Transformer).
// The dimension factors are chosen so the official classes derive exactly shape's head dims and
// FFN width. Fails for shapes the layout cannot express (a Transformer with a logit soft-cap as
// Llama, unless dropLogitCap).
Result<std::string> hfConfigJson(const analysis::ModelShape& shape, CheckpointLayout layout, bool dropLogitCap = false);

// Tensor names: Seqscope's module names <-> the layout's. Seqscope's xLSTM already uses the
// xLSTMLarge names; hf-xlstm renames the embedding; Llama renames everything. Returns "" for a
// name the layout does not have.
std::string officialTensorName(CheckpointLayout layout, const std::string& seqscopeName);
std::string seqscopeTensorName(CheckpointLayout layout, const std::string& officialName);

// Every tensor a model of `shape` has in `layout`, with its shape (computed, nothing allocated).
// A test checks it against the LibTorch modules' named_parameters.
std::map<std::string, std::vector<long long>> expectedTensors(const analysis::ModelShape& shape, CheckpointLayout layout);

// True when two shapes have the same weights (architecture and every dimension except context and chunk).
bool sameWeightShapes(const analysis::ModelShape& a, const analysis::ModelShape& b);

// Python's float floor division (x // m), which the official FFN rounding uses.
double pythonFloorDiv(double x, double m);

}  // namespace seqscope::interop
