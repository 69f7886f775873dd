// SPDX-License-Identifier: MIT
// Engine-internal (LibTorch) entry points of model_directory.cpp for the trainer, which holds a
// CausalLm rather than a LanguageModel: start from an official directory's weights (init_from),
// and keep a finished run's weights as one safetensors file with Seqscope's module names.
#pragma once

#include <string>

#include "common/status.h"
#include "models/causal_lm.h"

namespace seqscope::interop {

// Loads a model directory (any layout) into `model`; the directory's shapes must match.
Status loadWeights(engine::CausalLm& model, const std::string& dir);

// `path` <- every parameter as float32 under its module name; `configJson` goes into the metadata.
Status saveWeights(engine::CausalLm& model, const std::string& path, const std::string& configJson);

}  // namespace seqscope::interop
