// SPDX-License-Identifier: MIT
// Engine-internal entry to the LibTorch models for the trainer, the inference benchmarks and the
// CUDA kernel tests: build a CausalLm (XlstmModel or TransformerModel) from a ModelShape with the
// same validation as LanguageModel::create, and translate ModelOptions into a ComputeConfig.
// Includes LibTorch; never include it from app/ or widgets/.
#pragma once

#include <memory>

#include "common/status.h"
#include "models/causal_lm.h"
#include "models/language_model.h"

namespace seqscope::engine {

// device + autocast for the options (validateModel must have passed).
ComputeConfig computeConfig(const ModelOptions& options);

// validateModel(shape, options), then allocation and reference initialisation from options.seed.
// Allocation failures (out of memory) come back as a Status too.
Result<std::shared_ptr<CausalLm>> createCausalLm(const analysis::ModelShape& shape, const ModelOptions& options);

// Token ids (row-major (batch, length)) as an int64 (batch, length) tensor on `device`, after
// validateTokens.
Result<torch::Tensor> tokensToTensor(const std::vector<int>& tokens, int batch, int vocab, torch::Device device);

}  // namespace seqscope::engine
