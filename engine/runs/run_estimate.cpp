// SPDX-License-Identifier: MIT
#include "runs/run_estimate.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "common/metric_names.h"
#include "storage/process_identity.h"

namespace seqscope::runs {

double Throughput::seconds(double flops, double tokens) const {
    if (!known()) return NAN;
    return flops / flopsPerSecond + (tokensPerSecond > 0 ? tokens / tokensPerSecond : 0.0);
}

training::StepProbe probeRun(const training::TrainingConfig& config) {
    const training::TrainingPlan plan = training::planTraining(config);
    training::TrainingConfig one = config;
    one.batchSequences = 1;
    one.microBatch = 1;
    // Enough budget for one step of one sequence whatever the budget kind.
    one.budgetKind = training::BudgetKind::Tokens;
    one.budget = static_cast<double>(config.context);
    training::StepProbe probe = training::probeTrainingStep(one);
    if (!probe.status || !plan.status) return probe;
    probe.stepSeconds *= static_cast<double>(plan.sequencesPerStep);
    if (probe.activationBytes > 0) probe.activationBytes *= plan.microBatch;
    return probe;
}

Throughput measuredThroughput(storage::Store& store, const std::string& device) {
    Throughput t;
    storage::RunFilter filter;
    filter.status = storage::RunStatus::Finished;
    auto runs = store.runs(filter);
    if (!runs) return t;
    const std::string host = storage::currentProcess().host;
    struct Sample {
        double flopsPerToken, secondsPerToken, flopsPerSecond;
    };
    std::vector<Sample> samples;
    for (const auto& r : *runs) {
        if ((!r.host.empty() && r.host != host) || r.device.rfind(device, 0) != 0 || r.flopsPerToken <= 0) continue;
        auto summary = store.metricSummary(r.id);
        if (!summary) continue;
        double tps = 0, fps = 0;
        for (const auto& m : *summary) {
            if (m.name == metrics::kTokensPerSecond) tps = m.lastValue;
            if (m.name == metrics::kFlopsPerSecond) fps = m.lastValue;
        }
        if (tps > 0 && fps > 0) samples.push_back({r.flopsPerToken, 1.0 / tps, fps});
    }
    if (samples.empty()) return t;
    // Least squares of seconds/token = f * (1/a) + (1/b) over the runs.
    double sf = 0, sy = 0, sff = 0, sfy = 0;
    const double n = static_cast<double>(samples.size());
    for (const auto& s : samples) {
        sf += s.flopsPerToken;
        sy += s.secondsPerToken;
        sff += s.flopsPerToken * s.flopsPerToken;
        sfy += s.flopsPerToken * s.secondsPerToken;
    }
    const double det = n * sff - sf * sf;
    if (samples.size() >= 2 && det > 1e-12 * n * sff) {
        const double invA = (n * sfy - sf * sy) / det, invB = (sy - invA * sf) / n;
        if (invA > 0 && invB > 0) {
            t.flopsPerSecond = 1.0 / invA;
            t.tokensPerSecond = 1.0 / invB;
            t.source = "fitted to " + std::to_string(samples.size()) + " finished runs on this machine";
            return t;
        }
    }
    std::vector<double> rates;
    for (const auto& s : samples) rates.push_back(s.flopsPerSecond);
    std::nth_element(rates.begin(), rates.begin() + static_cast<long>(rates.size() / 2), rates.end());
    t.flopsPerSecond = rates[rates.size() / 2];
    t.source = "median of " + std::to_string(samples.size()) + " finished runs on this machine";
    return t;
}

Throughput probeThroughput(const training::StepProbe& probe) {
    Throughput t;
    if (!probe.status || probe.flopsPerSecond <= 0) return t;
    t.flopsPerSecond = probe.flopsPerSecond;
    t.source = "one-step probe of this run";
    return t;
}

Throughput machineThroughput(storage::Store* store, const training::TrainingConfig& representative) {
    const std::string kind = representative.device.rfind("cuda", 0) == 0 ? "cuda" : "cpu";
    if (store) {
        Throughput measured = measuredThroughput(*store, kind);
        if (measured.known()) return measured;
    }
    return probeThroughput(probeRun(representative));
}

const training::SweepRunPlan* medianRun(const training::SweepPlan& plan) {
    std::vector<const training::SweepRunPlan*> runnable;
    for (const auto& r : plan.runs)
        if (r.plan.status) runnable.push_back(&r);
    if (runnable.empty()) return nullptr;
    std::sort(runnable.begin(), runnable.end(), [](auto* a, auto* b) { return a->plan.flops < b->plan.flops; });
    return runnable[runnable.size() / 2];
}

void estimateSweep(training::SweepPlan* plan, storage::Store* store) {
    const training::SweepRunPlan* median = medianRun(*plan);
    if (!median) return;
    const Throughput t = machineThroughput(store, median->config);
    training::estimateSweepTime(plan, t.flopsPerSecond, t.tokensPerSecond, t.source);
}

RunEstimate estimateRun(const training::TrainingConfig& config, const training::TrainingPlan& plan, const Throughput& throughput,
                        const training::StepProbe* probe) {
    RunEstimate e;
    // Validation passes cost a forward pass: about a third of a training token's FLOPs.
    const double passes = plan.evalEvery > 0 ? std::ceil(static_cast<double>(plan.steps) / static_cast<double>(plan.evalEvery)) + 1 : 1;
    const double evalTokens = passes * static_cast<double>(plan.evalSequences * config.context);
    e.seconds = throughput.seconds(plan.flops + evalTokens * plan.flopsPerToken / 3.0, plan.tokens + evalTokens / 3.0);
    e.timeSource = throughput.source;
    if (probe && probe->status) {
        e.parameterBytes = static_cast<double>(probe->parameterBytes);
        e.gradientBytes = static_cast<double>(probe->gradientBytes);
        e.optimizerBytes = static_cast<double>(probe->optimizerBytes);
        e.activationsMeasured = probe->activationBytes >= 0;
        e.activationBytes = std::max(0.0, static_cast<double>(probe->activationBytes));
        e.memorySource = e.activationsMeasured ? "model tensors and a probe step" : "model tensors (activations not measured)";
    } else {
        const double weights = 4.0 * static_cast<double>(plan.params);
        e.parameterBytes = e.gradientBytes = weights;
        e.optimizerBytes = 2 * weights;
        e.memorySource = "float32 weights, gradients and moments of N (activations unknown until a probe step)";
    }
    return e;
}

}  // namespace seqscope::runs
