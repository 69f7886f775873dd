// SPDX-License-Identifier: MIT
// CausalLm helpers shared by both architectures (see causal_lm.h): prefill/step on top of extend,
// parameter counting from the module tree, and the CUDA bfloat16 autocast scope.
#include "models/causal_lm.h"

#include <ATen/autocast_mode.h>

namespace seqscope::engine {

AutocastScope::AutocastScope(bool enable) : m_enable(enable) {
    if (!m_enable) return;
    m_prevEnabled = at::autocast::is_autocast_enabled(at::kCUDA);
    m_prevDtype = at::autocast::get_autocast_dtype(at::kCUDA);
    at::autocast::set_autocast_enabled(at::kCUDA, true);
    at::autocast::set_autocast_dtype(at::kCUDA, at::kBFloat16);
    at::autocast::increment_nesting();
}

AutocastScope::~AutocastScope() {
    if (!m_enable) return;
    // the weight-cast cache lives for the outermost autocast region only
    if (at::autocast::decrement_nesting() == 0) at::autocast::clear_cache();
    at::autocast::set_autocast_enabled(at::kCUDA, m_prevEnabled);
    at::autocast::set_autocast_dtype(at::kCUDA, m_prevDtype);
}

std::pair<torch::Tensor, std::unique_ptr<LmState>> CausalLm::prefill(const torch::Tensor& tokens, bool lastOnly) {
    std::unique_ptr<LmState> state = initialState(tokens.size(0));
    torch::Tensor logits = extend(tokens, *state, lastOnly);
    return {logits, std::move(state)};
}

torch::Tensor CausalLm::step(const torch::Tensor& tokens, LmState& state) {
    TORCH_CHECK(tokens.dim() == 1, "step: tokens must be (B), got ", tokens.sizes());
    return extend(tokens.unsqueeze(1), state, /*lastOnly=*/true).squeeze(1);
}

int64_t CausalLm::parameterCount() const {
    int64_t total = 0;
    for (const auto& p : parameters(/*recurse=*/true)) total += p.numel();
    return total;
}

}  // namespace seqscope::engine
