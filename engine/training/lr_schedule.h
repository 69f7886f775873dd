// SPDX-License-Identifier: MIT
// Learning-rate schedule of the paper's recipe (scaling-laws.md section 5): linear warm-up from
// peak/warmup to the peak over `warmupSteps`, then a half cosine from the peak down to
// finalFactor x peak at the last step. Steps are 0-based optimizer steps. The templates' 1000
// "cooldown" steps are not modelled (their effect is not confirmed, section 5).
#pragma once

namespace seqscope::training {

struct LrSchedule {
    double peak = 3e-3;          // peak learning rate
    long long warmupSteps = 1;   // steps of linear warm-up (0 = start at the peak)
    long long totalSteps = 1;    // optimizer steps of the run
    double finalFactor = 0.1;    // the last step uses finalFactor * peak

    // Learning rate of 0-based step `step`: peak * (step + 1) / warmup during the warm-up; then
    // final + (peak - final) * (1 + cos(pi * p)) / 2 with p = (step - warmup) / (total - 1 - warmup)
    // (p = 1 when the cosine phase has a single step). Steps past the end keep the final value.
    double at(long long step) const;
};

}  // namespace seqscope::training
