// SPDX-License-Identifier: MIT
// mlstm_kernels: runtime of Seqscope's CUDA mLSTM kernels against sequence length at a constant
// 65,536 tokens (B*S), 16 heads, bf16, compared in the same run with the native LibTorch chunkwise
// form (engine/models/mlstm_cell.h, autograd backward) and PyTorch's scaled-dot-product attention
// with the flash backend; then the decode step per layer (NH 8, DHQK 256, DHHV 512, as in
// mlstm.md 9.2) against the native LibTorch step. Method after mlstm.md 9 / llm.c: CUDA events,
// warm-up, a 256 MB L2 flush before every repetition, median reported.
// Run (GPU machine, from the build dir):  bench/mlstm_kernels [--quick] [--no-native]
//   --quick      S in {2048, 8192} only and fewer repetitions
//   --no-native  skip the native chunkwise form (slow at long S)
// Targets: mlstm.md 9.1 (TFLA L=128, H100, DHQK 128 / DHHV 256: fw 6.37 ms, fwbw 15.3 ms at S=2k).
#include <ATen/Context.h>
#include <ATen/cuda/CUDAContext.h>
#include <cuda_runtime.h>
#include <torch/torch.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "cuda/mlstm_cuda_function.h"
#include "models/mlstm_cell.h"

namespace {

using torch::Tensor;
using seqscope::engine::MlstmState;

struct Timer {
    Tensor flush;   // rewritten before every repetition so no input stays in L2
    explicit Timer(const torch::Device& dev)
        : flush(torch::empty({256 << 20}, torch::TensorOptions().dtype(torch::kUInt8).device(dev))) {}

    // Median milliseconds of `reps` timed calls after `warmup` untimed ones; -1 if `fn` throws.
    double median(const std::function<void()>& fn, int warmup, int reps) {
        try {
            for (int w = 0; w < warmup; ++w) fn();
            torch::cuda::synchronize();
            cudaStream_t stream = at::cuda::getCurrentCUDAStream().stream();
            cudaEvent_t e0, e1;
            cudaEventCreate(&e0);
            cudaEventCreate(&e1);
            std::vector<double> ms;
            for (int r = 0; r < reps; ++r) {
                flush.zero_();
                cudaEventRecord(e0, stream);
                fn();
                cudaEventRecord(e1, stream);
                cudaEventSynchronize(e1);
                float t = 0;
                cudaEventElapsedTime(&t, e0, e1);
                ms.push_back(t);
            }
            cudaEventDestroy(e0);
            cudaEventDestroy(e1);
            std::sort(ms.begin(), ms.end());
            return ms[ms.size() / 2];
        } catch (const std::exception& e) {
            std::fprintf(stderr, "  (skipped: %s)\n", std::string(e.what()).substr(0, 200).c_str());
            torch::cuda::synchronize();
            return -1;
        }
    }
};

std::string cell(double ms) {
    if (ms < 0) return "n/a";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", ms);
    return buf;
}

struct Inputs {
    Tensor q, k, v, i, f, dh;
};

Inputs makeInputs(int64_t b, int64_t nh, int64_t s, int64_t dqk, int64_t dhv, bool grad) {
    auto opts = torch::TensorOptions().dtype(torch::kBFloat16).device(torch::kCUDA);
    auto gopts = torch::TensorOptions().dtype(torch::kFloat32).device(torch::kCUDA);
    Inputs in;
    in.q = torch::randn({b, nh, s, dqk}, opts).requires_grad_(grad);
    in.k = torch::randn({b, nh, s, dqk}, opts).requires_grad_(grad);
    in.v = torch::randn({b, nh, s, dhv}, opts).requires_grad_(grad);
    in.i = torch::randn({b, nh, s}, gopts).requires_grad_(grad);
    in.f = (torch::randn({b, nh, s}, gopts) + 3.0).requires_grad_(grad);
    in.dh = torch::randn({b, nh, s, dhv}, opts);
    return in;
}

void clearGrads(Inputs& in) {
    for (Tensor* t : {&in.q, &in.k, &in.v, &in.i, &in.f})
        if (t->grad().defined()) t->mutable_grad() = Tensor();
}

}  // namespace

int main(int argc, char** argv) {
    bool quick = false, native = true;
    for (int a = 1; a < argc; ++a) {
        const std::string arg = argv[a];
        if (arg == "--quick") quick = true;
        else if (arg == "--no-native") native = false;
        else {
            std::fprintf(stderr, "usage: mlstm_kernels [--quick] [--no-native]\n");
            return 2;
        }
    }
    if (!torch::cuda::is_available()) {
        std::printf("SKIP: no CUDA device\n");
        return 0;
    }
    const cudaDeviceProp* prop = at::cuda::getCurrentDeviceProperties();
    std::printf("# mlstm_kernels%s%s on %s (sm_%d%d, %d SMs), LibTorch %s\n", quick ? " --quick" : "",
                native ? "" : " --no-native", prop->name, prop->major, prop->minor, prop->multiProcessorCount,
                TORCH_VERSION);
    Timer timer(torch::kCUDA);
    const int warmup = quick ? 1 : 2, reps = quick ? 3 : 7;
    const int64_t tokens = 65536, nh = 16, chunk = 128;
    const std::vector<int64_t> lengths = quick ? std::vector<int64_t>{2048, 8192}
                                               : std::vector<int64_t>{2048, 8192, 32768, 65536};
    struct Dims {
        int64_t dqk, dhv;
    };
    const std::vector<Dims> dims = {{128, 128}, {256, 256}, {128, 256}};

    std::printf("\n## Chunkwise mLSTM vs native LibTorch vs SDPA flash (bf16, 65,536 tokens, NH=16, L=%lld), ms\n\n",
                static_cast<long long>(chunk));
    std::printf("| DHQK x DHHV | S | B | ours fw | ours fwbw | native fw | native fwbw | flash fw | flash fwbw | "
                "fwbw vs native | h rel diff vs fp32 native |\n");
    std::printf("|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (const Dims& d : dims) {
        for (int64_t s : lengths) {
            const int64_t b = tokens / s;
            Inputs in = makeInputs(b, nh, s, d.dqk, d.dhv, true);
            auto ours = [&]() {
                return seqscope::engine::cuda::mlstmChunkwiseCuda(in.q, in.k, in.v, in.i, in.f, nullptr, chunk).h;
            };
            auto nat = [&]() {
                return seqscope::engine::mlstmChunkwiseNative(in.q, in.k, in.v, in.i, in.f, nullptr, chunk).h;
            };
            double oursFw, oursFwbw, natFw = -1, natFwbw = -1;
            {
                torch::NoGradGuard g;
                oursFw = timer.median([&] { ours(); }, warmup, reps);
            }
            oursFwbw = timer.median([&] {
                clearGrads(in);
                torch::autograd::backward({ours()}, {in.dh});
            }, warmup, reps);
            double relDiff = -1;
            if (native) {
                {
                    torch::NoGradGuard g;
                    natFw = timer.median([&] { nat(); }, 1, quick ? 2 : 3);
                    // accuracy: ||ours - native fp32|| / ||native fp32|| on the same bf16-rounded inputs
                    const auto f = [](const Tensor& t) { return t.to(torch::kFloat32); };
                    const Tensor a = f(ours());
                    const Tensor r = seqscope::engine::mlstmChunkwiseNative(f(in.q), f(in.k), f(in.v), in.i, in.f,
                                                                            nullptr, chunk).h;
                    relDiff = ((a - r).norm() / r.norm().clamp_min(1e-30)).item<double>();
                }
                natFwbw = timer.median([&] {
                    clearGrads(in);
                    torch::autograd::backward({nat()}, {in.dh});
                }, 1, quick ? 2 : 3);
            }
            // flash attention needs equal q/k/v head dims; for 128 x 256 it runs 32 heads x 128 as
            // in the reference table (mlstm.md 9.1 "FlashAttention-3 (32 x 128)")
            double flashFw = -1, flashFwbw = -1;
            {
                const int64_t fh = d.dqk == d.dhv ? nh : 32, fd = d.dqk == d.dhv ? d.dqk : 128;
                auto opts = torch::TensorOptions().dtype(torch::kBFloat16).device(torch::kCUDA);
                Tensor q = torch::randn({b, fh, s, fd}, opts).requires_grad_(true);
                Tensor k = torch::randn({b, fh, s, fd}, opts).requires_grad_(true);
                Tensor v = torch::randn({b, fh, s, fd}, opts).requires_grad_(true);
                Tensor dout = torch::randn({b, fh, s, fd}, opts);
                auto& ctx = at::globalContext();
                ctx.setSDPUseFlash(true);
                ctx.setSDPUseMemEfficient(false);
                ctx.setSDPUseMath(false);
                ctx.setSDPUseCuDNN(false);
                auto attn = [&]() {
                    return at::scaled_dot_product_attention(q, k, v, {}, 0.0, /*is_causal=*/true);
                };
                {
                    torch::NoGradGuard g;
                    flashFw = timer.median([&] { attn(); }, warmup, reps);
                }
                flashFwbw = timer.median([&] {
                    for (Tensor* t : {&q, &k, &v})
                        if (t->grad().defined()) t->mutable_grad() = Tensor();
                    torch::autograd::backward({attn()}, {dout});
                }, warmup, reps);
                ctx.setSDPUseMemEfficient(true);
                ctx.setSDPUseMath(true);
            }
            std::printf("| %lld x %lld | %lld | %lld | %s | %s | %s | %s | %s | %s | %s | %s |\n",
                        static_cast<long long>(d.dqk), static_cast<long long>(d.dhv), static_cast<long long>(s),
                        static_cast<long long>(b), cell(oursFw).c_str(), cell(oursFwbw).c_str(), cell(natFw).c_str(),
                        cell(natFwbw).c_str(), cell(flashFw).c_str(), cell(flashFwbw).c_str(),
                        (oursFwbw > 0 && natFwbw > 0) ? (cell(natFwbw / oursFwbw) + "x").c_str() : "n/a",
                        relDiff >= 0 ? cell(relDiff * 100).append(" %").c_str() : "n/a");
            std::fflush(stdout);
        }
    }

    // --- decode step per layer --------------------------------------------------------------------
    std::printf("\n## Decode step per layer (NH=8, DHQK=256, DHHV=512, bf16 inputs, float32 state), ms\n\n");
    std::printf("| B | fused CUDA step | native LibTorch step | speed-up | state MB | fused GB/s |\n|---|---|---|---|---|---|\n");
    torch::NoGradGuard noGradDecode;
    for (int64_t b : {1, 8, 64, 256}) {
        const int64_t h = 8, dqk = 256, dhv = 512;
        auto opts = torch::TensorOptions().dtype(torch::kBFloat16).device(torch::kCUDA);
        auto fo = torch::TensorOptions().dtype(torch::kFloat32).device(torch::kCUDA);
        Tensor q = torch::randn({b, h, dqk}, opts), k = torch::randn({b, h, dqk}, opts),
               v = torch::randn({b, h, dhv}, opts);
        Tensor ig = torch::randn({b, h}, fo), fg = torch::randn({b, h}, fo) + 3.0;
        MlstmState st{torch::randn({b, h, dqk, dhv}, fo), torch::randn({b, h, dqk}, fo), torch::zeros({b, h, 1}, fo)};
        const double fused = timer.median([&] { seqscope::engine::cuda::mlstmStepCuda(q, k, v, ig, fg, st); }, 5, 21);
        const double nat = timer.median([&] { seqscope::engine::mlstmStep(q, k, v, ig, fg, st); }, 5, 21);
        const double mb = static_cast<double>(b * h * dqk * dhv * 4) / 1e6;
        std::printf("| %lld | %.4f | %.4f | %.1fx | %.1f | %.0f |\n", static_cast<long long>(b), fused, nat,
                    nat / fused, mb, 2 * mb / 1e3 / (fused / 1e3));
    }
    std::printf("\nReference targets (mlstm.md 9.1, H100): TFLA L=128 fw 6.37 ms / fwbw 15.3 ms at S=2k, "
                "DHQK 128 x DHHV 256; fused Triton step 0.142 ms at B=1 (9.2).\n");
    return 0;
}
