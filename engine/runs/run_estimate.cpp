// SPDX-License-Identifier: MIT
#include "runs/run_estimate.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "storage/process_identity.h"

namespace seqscope::runs {

double Throughput::seconds(double flops, double tokens) const {
    if (!known()) return NAN;
    return flops / flopsPerSecond + (tokensPerSecond > 0 ? tokens / tokensPerSecond : 0.0);
}

training::StepProbe probeRun(const training::TrainingConfig& config) {
    const training::TrainingPlan plan = training::planTraining(config);
    if (!plan.status) {
        training::StepProbe failed;
        failed.status = plan.status;
        return failed;
    }
    // Up to 4096 tokens of the run's micro-batch: a single sequence would underrate how well a
    // batch uses the cores, a whole large step would cost too long on a CPU.
    const long long sequences = std::clamp<long long>(4096 / std::max(1LL, config.context), 1, plan.microBatch);
    training::TrainingConfig sample = config;
    sample.batchSequences = sequences;
    sample.microBatch = sequences;
    sample.budgetKind = training::BudgetKind::Tokens;   // one step's worth, whatever the budget kind
    sample.budget = static_cast<double>(sequences * config.context);
    training::StepProbe probe = training::probeTrainingStep(sample);
    if (!probe.status) return probe;
    const double scale = static_cast<double>(plan.sequencesPerStep) / static_cast<double>(sequences);
    probe.stepSeconds *= scale;
    if (probe.activationBytes > 0)
        probe.activationBytes = static_cast<long long>(static_cast<double>(probe.activationBytes) *
                                                       static_cast<double>(plan.microBatch) / static_cast<double>(sequences));
    return probe;
}

RunWork runWork(const training::TrainingConfig& config, const training::TrainingPlan& plan) {
    const double passes =
        plan.evalEvery > 0 ? std::ceil(static_cast<double>(plan.steps) / static_cast<double>(plan.evalEvery)) + 1 : 1;
    const double evalTokens = passes * static_cast<double>(plan.evalSequences * config.context) / 3.0;
    return {plan.flops + evalTokens * plan.flopsPerToken, plan.tokens + evalTokens};
}

namespace {

struct RateSample {
    double flopsPerToken, secondsPerToken;
};

// Least squares of seconds/token = f * (1/a) + (1/b) over the samples; with one sample, or sizes too
// alike to separate the terms, a alone: the median FLOP/s. No source set.
Throughput fitRates(const std::vector<RateSample>& samples) {
    Throughput t;
    if (samples.empty()) return t;
    double sf = 0, sy = 0, sff = 0, sfy = 0;
    const double n = static_cast<double>(samples.size());
    for (const auto& s : samples) {
        sf += s.flopsPerToken;
        sy += s.secondsPerToken;
        sff += s.flopsPerToken * s.flopsPerToken;
        sfy += s.flopsPerToken * s.secondsPerToken;
    }
    const double det = n * sff - sf * sf;
    if (samples.size() >= 2 && det > 1e-9 * n * sff) {
        const double invA = (n * sfy - sf * sy) / det, invB = (sy - invA * sf) / n;
        if (invA > 0 && invB > 0) {
            t.flopsPerSecond = 1.0 / invA;
            t.tokensPerSecond = 1.0 / invB;
            return t;
        }
    }
    std::vector<double> rates;
    for (const auto& s : samples) rates.push_back(s.flopsPerToken / s.secondsPerToken);
    std::nth_element(rates.begin(), rates.begin() + static_cast<long>(rates.size() / 2), rates.end());
    t.flopsPerSecond = rates[rates.size() / 2];
    return t;
}

}  // namespace

Throughput measuredThroughput(storage::Store& store, const std::string& device) {
    Throughput t;
    storage::RunFilter filter;
    filter.status = storage::RunStatus::Finished;
    auto runs = store.runs(filter);
    if (!runs) return t;
    const std::string host = storage::currentProcess().host;
    // Each run's wall time over its work: startup and validation included, as a user waits for them.
    std::vector<RateSample> samples;
    for (const auto& r : *runs) {
        if ((!r.host.empty() && r.host != host) || r.device.rfind(device, 0) != 0) continue;
        const double seconds = r.endedAt - r.startedAt;
        auto config = training::trainingConfigFromJson(r.configJson);
        if (!config || !(seconds > 0)) continue;
        const auto plan = training::planTraining(*config);
        if (!plan.status) continue;
        const RunWork w = runWork(*config, plan);
        samples.push_back({w.flops / w.tokens, seconds / w.tokens});
    }
    Throughput t2 = fitRates(samples);
    if (!t2.known()) return t;
    t2.source = (t2.general() ? "fitted to " : "median of ") + std::to_string(samples.size()) + " finished run" +
                (samples.size() > 1 ? "s" : "") + " on this machine";
    return t2;
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
        if (measured.general()) return measured;
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

Throughput sweepThroughput(const training::SweepPlan& plan, storage::Store* store) {
    const training::SweepRunPlan* median = medianRun(plan);
    if (!median) return {};
    const std::string kind = median->config.device.rfind("cuda", 0) == 0 ? "cuda" : "cpu";
    if (store) {
        Throughput measured = measuredThroughput(*store, kind);
        if (measured.general()) return measured;
    }
    // Probe the smallest and the largest model: their two rates fit both terms, so the estimate holds
    // across the sweep's sizes (tiny models are bound by per-token work, large ones by FLOPs).
    const training::SweepRunPlan *smallest = nullptr, *largest = nullptr;
    for (const auto& r : plan.runs) {
        if (!r.plan.status) continue;
        if (!smallest || r.plan.flopsPerToken < smallest->plan.flopsPerToken) smallest = &r;
        if (!largest || r.plan.flopsPerToken > largest->plan.flopsPerToken) largest = &r;
    }
    std::vector<RateSample> samples;
    for (const auto* r : {smallest, largest}) {
        const training::StepProbe probe = probeRun(r->config);
        if (!probe.status || probe.tokensPerSecond <= 0) continue;
        samples.push_back({r->plan.flopsPerToken, 1.0 / probe.tokensPerSecond});
        if (smallest == largest) break;
    }
    Throughput t = fitRates(samples);
    if (t.known()) t.source = "probe steps of the smallest and largest run";
    return t;
}

void estimateSweep(training::SweepPlan* plan, storage::Store* store) {
    const Throughput t = sweepThroughput(*plan, store);
    training::estimateSweepTime(plan, t.flopsPerSecond, t.tokensPerSecond, t.source);
}

RunEstimate estimateRun(const training::TrainingConfig& config, const training::TrainingPlan& plan, const Throughput& throughput,
                        const training::StepProbe* probe) {
    RunEstimate e;
    const RunWork w = runWork(config, plan);
    e.seconds = throughput.seconds(w.flops, w.tokens);
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
