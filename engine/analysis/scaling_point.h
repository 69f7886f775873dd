// SPDX-License-Identifier: MIT
// ScalingPoint: one finished training run as the scaling-law fits see it (N, D, C, final loss, plus
// the labels that select it). Shared contract between storage rows, built-in datasets, the fits and
// the GUI; see the team brief "Scaling points for fits". 0 in a numeric field means "not known".
#pragma once

#include <string>

namespace seqscope::analysis {

struct ScalingPoint {
    std::string arch, set, run;
    long long ctx = 0;        // context length T (tokens); 0 = unknown
    double params = 0;        // N, parameters
    double tokens = 0;        // D, training tokens
    double flops = 0;         // C, training FLOPs (paper accounting)
    double loss = 0;          // final validation loss (nats per token)
    double budget = 0;        // nominal IsoFLOP budget label H (FLOPs); 0 = none
    bool included = true;     // kept by the source's own filters
    int sourceRow = 0;        // 1-based line in the CSV (or row id) it came from, for messages
};

}  // namespace seqscope::analysis
