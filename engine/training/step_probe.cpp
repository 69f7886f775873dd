// SPDX-License-Identifier: MIT
#include "training/step_probe.h"

#include <torch/torch.h>

#include <chrono>

#include "inference/process_probe.h"
#include "models/model_factory.h"
#include "training/trainer.h"

namespace seqscope::training {

namespace {

long long tensorBytes(const std::vector<torch::Tensor>& tensors) {
    long long bytes = 0;
    for (const auto& t : tensors)
        if (t.defined()) bytes += static_cast<long long>(t.numel()) * static_cast<long long>(t.element_size());
    return bytes;
}

}  // namespace

StepProbe probeTrainingStep(const TrainingConfig& config) {
    StepProbe probe;
    const TrainingPlan plan = planTraining(config);
    if (!plan.status) {
        probe.status = plan.status;
        return probe;
    }
    if (Status s = validateModelConfig(config); !s) {
        probe.status = s;
        return probe;
    }
    try {
        if (config.threads > 0) at::set_num_threads(config.threads);
        auto model = engine::createCausalLm(config.shape, modelOptionsFor(config));
        if (!model) {
            probe.status = model.status();
            return probe;
        }
        auto& m = **model;
        m.train();
        const std::vector<torch::Tensor> params = m.parameters(/*recurse=*/true);
        probe.parameterBytes = tensorBytes(params);
        torch::optim::AdamW optimizer(params, torch::optim::AdamWOptions(config.lr));
        const long long B = plan.sequencesPerStep, micro = plan.microBatch, T = config.context;
        const auto device = m.device();
        auto step = [&] {
            optimizer.zero_grad();
            for (long long first = 0; first < B; first += micro) {
                const long long n = std::min(micro, B - first);
                torch::Tensor x = torch::randint(config.shape.vocab, {n, T}, torch::kInt64).to(device);
                torch::Tensor logits = m.forward(x);
                torch::Tensor loss = torch::nn::functional::cross_entropy(logits.reshape({-1, logits.size(-1)}), x.reshape({-1}));
                loss.backward();
            }
            optimizer.step();
        };
        step();   // warm-up: allocates gradients and moments, fills caches
        std::vector<torch::Tensor> grads, moments;
        for (const auto& p : params) grads.push_back(p.grad());
        for (const auto& [key, state] : optimizer.state()) {
            auto& s = static_cast<torch::optim::AdamWParamState&>(*state);
            moments.push_back(s.exp_avg());
            moments.push_back(s.exp_avg_sq());
        }
        probe.gradientBytes = tensorBytes(grads);
        probe.optimizerBytes = tensorBytes(moments);

        engine::probe::releaseFreedMemory();
        const bool cpu = device.is_cpu();
        engine::probe::RssPeakTracker rss;
        const auto t0 = std::chrono::steady_clock::now();
        step();
        if (!cpu) torch::cuda::synchronize();
        probe.stepSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        if (cpu) {
            probe.activationBytes = rss.growthBytes();
            probe.activationMethod = rss.method();
        }
        const double flopsPerStep = static_cast<double>(B) * plan.flopsPerSequence;
        probe.flopsPerSecond = probe.stepSeconds > 0 ? flopsPerStep / probe.stepSeconds : 0;
        probe.tokensPerSecond = probe.stepSeconds > 0 ? static_cast<double>(plan.tokensPerStep) / probe.stepSeconds : 0;
    } catch (const c10::Error& e) {
        probe.status = Status(StatusCode::Internal, std::string("probe step: ") + e.what_without_backtrace());
    } catch (const std::bad_alloc&) {
        probe.status = Status(StatusCode::Unavailable, "probe step: out of memory");
    }
    return probe;
}

}  // namespace seqscope::training
