// SPDX-License-Identifier: MIT
// Replicate runs (the same architecture, context, N and D, e.g. trained with different seeds) as one
// scaling point: the mean final loss with its spread. The scaling views draw a point per group with
// error bars and fit the means, so a seed study does not count as extra budgets' worth of evidence.
#pragma once

#include <vector>

#include "analysis/scaling_point.h"

namespace seqscope::analysis {

struct ReplicateGroup {
    ScalingPoint mean;        // the first member's labels, loss = mean of the members' losses
    int count = 0;            // members
    double stdDev = 0;        // sample standard deviation of the losses (ddof = 1; 0 for one member)
    double stdError = 0;      // stdDev / sqrt(count)
    std::vector<int> members; // positions in the input
};

// Groups `points` whose arch, set, ctx, params and tokens are equal; order of first appearance.
std::vector<ReplicateGroup> groupReplicates(const std::vector<ScalingPoint>& points);

}  // namespace seqscope::analysis
