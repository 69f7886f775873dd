// SPDX-License-Identifier: MIT
// Training-step throughput and model FLOPs utilisation (MFU) of the LibTorch models, and the
// chunkwise-versus-parallel mLSTM forward crossover.
//   build/bench/train_step                                  # CPU, all small presets, 4096 tokens/step
//   build/bench/train_step --presets xlstm-10m,transformer-10m --tokens 8192 --seconds 20
//   build/bench/train_step --device cuda                    # bf16 autocast, MFU vs the bf16 matmul rate
//   build/bench/train_step --no-train                       # only the mLSTM crossover
// MFU = tokens/s * C_fwbw per token (the paper's accounting, scaling-laws.md 4: backward = 2x
// forward, causal attention, mLSTM cell per chunk) / the dense matmul rate measured in this process
// right before each model (fp32 on CPU, bf16 on CUDA), so a busy machine lowers both alike.
// A step is forward + cross-entropy + backward + clip(0.5) + AdamW, as in the 7B recipe (mlstm.md 6.4).
#include <torch/torch.h>
#include <torch/version.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "analysis/accounting.h"
#include "analysis/presets.h"
#include "models/mlstm_cell.h"
#include "models/model_factory.h"

using namespace seqscope;
using namespace seqscope::engine;

namespace {

struct Options {
    std::vector<std::string> presets = {"xlstm-1m", "transformer-1m", "xlstm-3m", "transformer-3m",
                                        "xlstm-10m", "transformer-10m", "xlstm-30m", "transformer-30m"};
    long long tokens = 4096;      // tokens per step (batch = tokens / context)
    int context = 0;              // 0 = the preset's context
    double seconds = 8;           // measured time per model, after warm-up
    int warmup = 2;               // warm-up steps
    int threads = 0;              // CPU threads; 0 = LibTorch default
    bool cuda = false;
    bool train = true;
    bool crossover = true;
    std::vector<long long> lengths = {64, 128, 256, 512, 1024, 2048, 4096};
};

double now() { return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count(); }

void sync(bool cuda) {
    if (cuda) torch::cuda::synchronize();
}

std::vector<std::string> split(const std::string& s) {
    std::vector<std::string> out;
    size_t a = 0;
    while (a <= s.size()) {
        size_t b = s.find(',', a);
        if (b == std::string::npos) b = s.size();
        if (b > a) out.push_back(s.substr(a, b - a));
        a = b + 1;
    }
    return out;
}

std::string cpuModel() {
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("model name", 0) == 0) return line.substr(line.find(':') + 2);
    return "unknown CPU";
}

// Best dense matmul rate over a few square sizes, FLOP/s (2 n^3 per product).
double matmulRate(torch::ScalarType dtype, bool cuda, double budgetSeconds) {
    const auto opts = torch::TensorOptions().dtype(dtype).device(cuda ? torch::kCUDA : torch::kCPU);
    double best = 0;
    for (int64_t n : cuda ? std::vector<int64_t>{4096, 8192} : std::vector<int64_t>{512, 1024, 2048}) {
        torch::NoGradGuard noGrad;
        const torch::Tensor a = torch::randn({n, n}, opts), b = torch::randn({n, n}, opts);
        torch::Tensor c = torch::matmul(a, b);
        sync(cuda);
        int reps = 0;
        const double t0 = now();
        do {
            c = torch::matmul(a, b);
            ++reps;
            if (cuda && reps % 10 != 0) continue;
            sync(cuda);
        } while (now() - t0 < budgetSeconds / 3);
        sync(cuda);
        best = std::max(best, 2.0 * n * n * n * reps / (now() - t0));
    }
    return best;
}

struct StepResult {
    double tokensPerSecond = 0, flopsPerToken = 0, mfu = 0, matmul = 0, loss = 0;
    long long params = 0, batch = 0, context = 0;
    int steps = 0;
};

StepResult trainStep(const analysis::Preset& preset, const Options& o) {
    StepResult r;
    analysis::ModelShape shape = preset.shape;
    r.context = o.context > 0 ? o.context : preset.context;
    shape.maxContext = std::max<int>(shape.maxContext, static_cast<int>(r.context));
    r.batch = std::max<long long>(1, o.tokens / r.context);
    ModelOptions mo;
    mo.seed = 1;
    if (o.cuda) {
        mo.device = ComputeDevice::Cuda;
        mo.dtype = ComputeDtype::BFloat16;
    }
    auto created = createCausalLm(shape, mo);
    if (!created) {
        std::fprintf(stderr, "%s: %s\n", preset.name.c_str(), created.status().message().c_str());
        return r;
    }
    auto model = created.value();
    r.params = model->parameterCount();
    torch::optim::AdamW opt(model->parameters(), torch::optim::AdamWOptions(1e-3).betas({0.9, 0.95}).weight_decay(0.1));
    const auto dev = model->device();
    torch::manual_seed(0);
    const torch::Tensor data = torch::randint(0, shape.vocab, {r.batch, r.context + 1}, torch::kLong).to(dev);
    const torch::Tensor inputs = data.narrow(1, 0, r.context), targets = data.narrow(1, 1, r.context).reshape({-1});
    auto step = [&]() {
        opt.zero_grad();
        const torch::Tensor logits = model->forward(inputs);
        const torch::Tensor loss = torch::nn::functional::cross_entropy(logits.reshape({-1, shape.vocab}), targets);
        loss.backward();
        torch::nn::utils::clip_grad_norm_(model->parameters(), 0.5);
        opt.step();
        return loss;
    };
    for (int w = 0; w < o.warmup; ++w) step();
    sync(o.cuda);
    r.matmul = matmulRate(o.cuda ? torch::kBFloat16 : torch::kFloat32, o.cuda, std::min(3.0, o.seconds / 2));
    const double t0 = now();
    torch::Tensor loss;
    do {
        loss = step();
        ++r.steps;
        sync(o.cuda);
    } while (now() - t0 < o.seconds);
    const double elapsed = now() - t0;
    r.loss = loss.item<double>();
    r.tokensPerSecond = static_cast<double>(r.batch * r.context * r.steps) / elapsed;
    r.flopsPerToken = analysis::trainingFlops(shape, r.context).fwbwPerToken;
    r.mfu = r.tokensPerSecond * r.flopsPerToken / r.matmul;
    return r;
}

// Forward time of one mLSTM layer's cell, chunkwise (chunk 64) vs parallel, at equal B*NH.
void crossover(const Options& o) {
    const int64_t b = 1, nh = 4, dqk = 64, dhv = 128, chunk = 64;
    const auto opts = torch::TensorOptions()
                          .dtype(o.cuda ? torch::kBFloat16 : torch::kFloat32)
                          .device(o.cuda ? torch::kCUDA : torch::kCPU);
    std::printf("\n### mLSTM cell forward: chunkwise (L=%lld) vs parallel, B=%lld NH=%lld DHQK=%lld DHHV=%lld, %s\n\n",
                (long long)chunk, (long long)b, (long long)nh, (long long)dqk, (long long)dhv,
                o.cuda ? "bf16 CUDA" : "fp32 CPU");
    std::printf("| S | chunkwise ms | parallel ms | parallel / chunkwise |\n|---|---|---|---|\n");
    torch::NoGradGuard noGrad;
    for (long long s : o.lengths) {
        torch::manual_seed(s);
        const torch::Tensor q = torch::randn({b, nh, s, dqk}, opts), k = torch::randn({b, nh, s, dqk}, opts);
        const torch::Tensor v = torch::randn({b, nh, s, dhv}, opts);
        const torch::Tensor i = torch::randn({b, nh, s}, opts), f = 3.0 + torch::randn({b, nh, s}, opts);
        auto time = [&](auto&& fn) {
            fn();
            sync(o.cuda);
            int reps = 0;
            const double t0 = now();
            do {
                fn();
                ++reps;
                sync(o.cuda);
            } while (now() - t0 < 0.5 && reps < 200);
            return (now() - t0) / reps * 1e3;
        };
        const double tc = time([&] { return mlstmChunkwise(q, k, v, i, f, nullptr, chunk).h; });
        const double tp = time([&] { return mlstmParallel(q, k, v, i, f); });
        std::printf("| %lld | %.3f | %.3f | %.2f |\n", s, tc, tp, tp / tc);
        std::fflush(stdout);
    }
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    std::string command = "train_step";
    for (int a = 1; a < argc; ++a) {
        const std::string arg = argv[a];
        command += " " + arg;
        auto value = [&]() -> std::string {
            if (a + 1 >= argc) {
                std::fprintf(stderr, "%s needs a value\n", arg.c_str());
                std::exit(2);
            }
            command += std::string(" ") + argv[a + 1];
            return argv[++a];
        };
        if (arg == "--presets") o.presets = split(value());
        else if (arg == "--tokens") o.tokens = std::stoll(value());
        else if (arg == "--context") o.context = std::stoi(value());
        else if (arg == "--seconds") o.seconds = std::stod(value());
        else if (arg == "--threads") o.threads = std::stoi(value());
        else if (arg == "--device") o.cuda = value() == "cuda";
        else if (arg == "--lengths") {
            o.lengths.clear();
            for (const auto& s : split(value())) o.lengths.push_back(std::stoll(s));
        } else if (arg == "--no-train") o.train = false;
        else if (arg == "--no-crossover") o.crossover = false;
        else {
            std::fprintf(stderr,
                         "usage: train_step [--presets a,b] [--tokens N] [--context T] [--seconds S] [--threads N]\n"
                         "                  [--device cpu|cuda] [--lengths 64,128,...] [--no-train] [--no-crossover]\n");
            return 2;
        }
    }
    if (o.threads > 0) at::set_num_threads(o.threads);
    if (o.cuda && !torch::cuda::is_available()) {
        std::fprintf(stderr, "train_step: --device cuda but no CUDA device\n");
        return 1;
    }
    std::printf("command: %s\nmachine: %s, %d LibTorch threads, LibTorch %s%s\n", command.c_str(), cpuModel().c_str(),
                at::get_num_threads(), TORCH_VERSION, o.cuda ? ", CUDA bf16 autocast" : ", CPU float32");
    if (o.train) {
        std::printf("\n| preset | params | B x T | steps | tokens/s | fwbw FLOP/token | %s matmul GFLOP/s | MFU | last loss |\n"
                    "|---|---|---|---|---|---|---|---|---|\n",
                    o.cuda ? "bf16" : "fp32");
        for (const auto& name : o.presets) {
            const analysis::Preset* p = analysis::findPreset(name);
            if (!p) {
                std::fprintf(stderr, "unknown preset %s\n", name.c_str());
                continue;
            }
            const StepResult r = trainStep(*p, o);
            std::printf("| %s | %lld | %lld x %lld | %d | %.0f | %.4g | %.1f | %.1f%% | %.3f |\n", name.c_str(), r.params,
                        r.batch, r.context, r.steps, r.tokensPerSecond, r.flopsPerToken, r.matmul / 1e9, 100 * r.mfu,
                        r.loss);
            std::fflush(stdout);
        }
    }
    if (o.crossover) crossover(o);
    return 0;
}
