// SPDX-License-Identifier: MIT
// Warm-up + cosine learning-rate schedule (see lr_schedule.h; scaling-laws.md section 5).
#include "training/lr_schedule.h"

#include <algorithm>
#include <cmath>

namespace seqscope::training {

double LrSchedule::at(long long step) const {
    const double finalLr = finalFactor * peak;
    if (step < 0) step = 0;
    if (step < warmupSteps) return peak * static_cast<double>(step + 1) / static_cast<double>(warmupSteps);
    const long long span = totalSteps - 1 - warmupSteps;
    if (span <= 0) return finalLr;   // a single cosine step ends the run at the final value
    const double p = std::clamp(static_cast<double>(step - warmupSteps) / static_cast<double>(span), 0.0, 1.0);
    const double pi = std::acos(-1.0);
    return finalLr + (peak - finalLr) * 0.5 * (1.0 + std::cos(pi * p));
}

}  // namespace seqscope::training
