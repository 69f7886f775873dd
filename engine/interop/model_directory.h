// SPDX-License-Identifier: MIT
// Model directories in the official layouts (config.json + model.safetensors, or shards with
// model.safetensors.index.json), loaded into and written from Seqscope's LanguageModel:
//   xlstm-large / hf-xlstm  the xlstm package's xLSTMLarge and transformers' xLSTMForCausalLM
//   llama                   transformers' LlamaForCausalLM
// Loading checks every tensor: a missing, unexpected or misshapen tensor is named, and nothing is
// loaded half-way. Tensors are converted one at a time from the memory-mapped files, so a 14 GB
// checkpoint needs its weights' memory once, not twice. No LibTorch types in this header.
#pragma once

#include <memory>
#include <string>

#include "common/status.h"
#include "interop/hf_config.h"
#include "models/language_model.h"

namespace seqscope::interop {

// What a directory holds, without loading weights: the config and the tensor table checked
// against the shape (names, shapes, float dtypes). `layout` tells which naming the tensors use
// (an xLSTM config with backbone.embeddings.weight is hf-xlstm, whatever the config says).
struct ModelDirectoryInfo {
    HfModelConfig config;
    long long parameters = 0;     // elements in all tensors
    long long bytesOnDisk = 0;    // tensor bytes in all shards
    int shards = 1;
    std::string dtype;            // "F32", "BF16", "mixed", ...
};
Result<ModelDirectoryInfo> inspectModelDirectory(const std::string& dir);

// The model of a directory on `options.device`, weights loaded and converted to float32.
Result<std::unique_ptr<engine::LanguageModel>> loadModelDirectory(const std::string& dir,
                                                                  const engine::ModelOptions& options = {});

// Loads the directory's weights into an existing model of the same shape (the trainer's
// init_from). Shapes are compared by value, so the config's numerics must match too.
Status loadModelWeights(engine::LanguageModel& model, const std::string& dir);

struct ExportOptions {
    CheckpointLayout layout = CheckpointLayout::XlstmLarge;   // must fit the architecture
    bool bfloat16 = false;                                    // store BF16 (as the released 7B) instead of F32
    long long shardBytes = 0;                                 // > 0: split into shards of at most this size
    bool dropLogitCap = false;                                // llama: export a capped Transformer without its cap
};

// Writes config.json and the weights into `dir`, which must not exist or be empty. Files are
// written under temporary names and renamed, the directory last, so a failed export leaves nothing.
Status exportModelDirectory(const engine::LanguageModel& model, const std::string& dir, const ExportOptions& options);

// The trainer's weights-only file of a finished run (Seqscope's own names, float32), and back.
Status saveWeightsFile(const engine::LanguageModel& model, const std::string& path);
Status loadWeightsFile(engine::LanguageModel& model, const std::string& path);

}  // namespace seqscope::interop
