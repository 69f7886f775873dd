// SPDX-License-Identifier: MIT
#include "demo_sweep.h"

#include <algorithm>
#include <cmath>

namespace seqscope::gui {
namespace {

training::SweepOptions demoOptions(double budget, const DemoShape& shape) {
    training::SweepOptions o;
    o.archs = {analysis::Arch::XLstm, analysis::Arch::Transformer};
    o.contexts = shape.contexts;
    o.sizes = 3;
    o.budgets.clear();
    for (int i = 0; i < std::max(1, shape.budgets); ++i) o.budgets.push_back(budget * std::pow(3.0, i));
    return o;
}

// The plan at `budget`, timed; NaN seconds when some run is not runnable (below one step).
double timedPlan(double budget, const DemoShape& shape, const runs::Throughput& t, training::SweepPlan* plan) {
    *plan = training::planIsoflopSweep(demoOptions(budget, shape));
    if (!plan->status.isOk() || plan->runnable() != int(plan->runs.size())) return NAN;
    training::estimateSweepTime(plan, t.flopsPerSecond, t.tokensPerSecond, t.source);
    return plan->estimatedSeconds;
}

}  // namespace

DemoSweep planDemoSweep(const runs::Throughput& throughput, double targetSeconds, const DemoShape& shape) {
    DemoSweep d;
    if (!throughput.known() || !(targetSeconds > 0)) {
        d.status = Status::invalid("the demo needs this machine's training speed (finish one run or let the sweep probe it)");
        return d;
    }
    // Bisection on log10 of the smaller budget over 1e9 .. 1e18 FLOPs; the estimate grows with it.
    double lo = 9, hi = 18;
    training::SweepPlan plan;
    for (int i = 0; i < 60 && hi - lo > 1e-3; ++i) {
        const double mid = 0.5 * (lo + hi);
        const double seconds = timedPlan(std::pow(10.0, mid), shape, throughput, &plan);
        if (std::isnan(seconds) || seconds < targetSeconds) lo = mid;   // too small (or unrunnable): more compute
        else hi = mid;
        if (std::abs(seconds - targetSeconds) < 0.02 * targetSeconds) break;
    }
    const double budget = std::pow(10.0, 0.5 * (lo + hi));
    d.options = demoOptions(budget, shape);
    d.estimatedSeconds = timedPlan(budget, shape, throughput, &d.plan);
    if (std::isnan(d.estimatedSeconds)) {
        d.status = Status::invalid("no budget gives a demo sweep whose every run is at least one optimizer step");
        return d;
    }
    d.options.flopsPerSecond = throughput.flopsPerSecond;
    d.options.tokensPerSecond = throughput.tokensPerSecond;
    return d;
}

}  // namespace seqscope::gui
