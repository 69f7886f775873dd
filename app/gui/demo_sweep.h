// SPDX-License-Identifier: MIT
// The Overview's one-button demo (and the tour's "try it yourself"): a two-architecture IsoFLOP
// mini sweep (by default two budgets a factor 3 apart, three sizes each, context 256; the engine's
// sweep defaults otherwise) whose budgets are scaled so that the whole sweep's estimated time on
// this machine (runs/run_estimate.h rates) is about the target, ten minutes by default. A plain function, no Qt: sized once, tested alone.
#pragma once

#include <vector>

#include "common/status.h"
#include "runs/run_estimate.h"
#include "training/sweep_plan.h"

namespace seqscope::gui {

struct DemoSweep {
    Status status;                 // InvalidArgument: rates unknown or no budget gives a runnable sweep
    training::SweepOptions options;
    training::SweepPlan plan;      // the plan of `options`, timed with the given rates
    double estimatedSeconds = 0;   // plan.estimatedSeconds
};

// What the demo trains: its contexts and how many budgets (B, 3B, 9B, ...).
struct DemoShape {
    std::vector<long long> contexts = {256};
    int budgets = 2;
};

// Budgets B, 3B, ... with B chosen (bisection on log B) so the estimate is within 10 % of
// `targetSeconds`, or as close as whole optimizer steps allow.
DemoSweep planDemoSweep(const runs::Throughput& throughput, double targetSeconds = 600, const DemoShape& shape = {});

}  // namespace seqscope::gui
