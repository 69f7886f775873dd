// SPDX-License-Identifier: MIT
// cuda_model_check: the CUDA path of the models checked against LibTorch autograd of the native
// chunkwise form, on the same GPU, without Qt (the GPU machine has none; scripts/gpu-check runs it,
// ctest runs it as a gpu test). Three levels, each in float32 and bf16, fixed seeds:
//   cell:  mlstmChunkwise (the kernels) vs mlstmChunkwiseNative: h, and dq, dk, dv, di, df (the gate
//          pre-activations) under a per-head LayerNorm loss, the loss the model itself applies, for
//          which the kernels' "n, m constant" backward is exact up to the norm's eps (mlstm.md 3.1);
//   block: one xLSTM block, gradients of every parameter (q, k, v, gates, norm, projections);
//   model: a whole small xLSTM, loss and every parameter gradient.
// Every line reports the max abs and the relative error ||x - ref|| / ||ref||; tolerances 2e-3
// (float32; TF32 stays off) and 3e-2 (bf16, whose rounding dominates). Exit 1 on any failure; exit
// 77 (ctest's skip) with "SKIP: no CUDA device" when there is none.
#include <torch/torch.h>

#include <cstdio>
#include <string>

#include "models/causal_lm.h"
#include "models/mlstm_cell.h"
#include "models/model_factory.h"

namespace {

using namespace seqscope;
using engine::MlstmOutput;
using torch::Tensor;

struct Report {
    int passed = 0, failed = 0;
    void compare(const std::string& what, const Tensor& x, const Tensor& ref, double tol) {
        const Tensor a = x.detach().to(torch::kFloat64).cpu(), b = ref.detach().to(torch::kFloat64).cpu();
        const double maxAbs = (a - b).abs().max().item<double>();
        const double norm = b.norm().item<double>();
        const double rel = norm > 0 ? (a - b).norm().item<double>() / norm : (a - b).norm().item<double>();
        const bool ok = std::isfinite(rel) && rel < tol;
        std::printf("%s: %s max abs %.3g rel %.3g (tol %.0e)\n", ok ? "PASS" : "FAIL", what.c_str(), maxAbs, rel, tol);
        std::fflush(stdout);
        (ok ? passed : failed)++;
    }
};

double tolerance(torch::ScalarType dtype) { return dtype == torch::kBFloat16 ? 3e-2 : 2e-3; }
const char* name(torch::ScalarType dtype) { return dtype == torch::kBFloat16 ? "bf16" : "fp32"; }

// Cell level: the kernels against the native form, same inputs, same per-head LayerNorm loss.
void checkCell(Report& report, torch::ScalarType dtype, int64_t S, int64_t dqk, int64_t dhv) {
    torch::manual_seed(11);
    const auto opts = torch::TensorOptions().device(torch::kCUDA).dtype(torch::kFloat32);
    const int64_t B = 2, NH = 3;
    Tensor q0 = torch::randn({B, NH, S, dqk}, opts), k0 = torch::randn({B, NH, S, dqk}, opts);
    Tensor v0 = torch::randn({B, NH, S, dhv}, opts);
    Tensor i0 = torch::randn({B, NH, S}, opts), f0 = torch::randn({B, NH, S}, opts) + 3.0;
    const Tensor offset = torch::randn({B, NH, S, dhv}, opts);
    struct Result {
        Tensor h, dq, dk, dv, di, df;
    };
    auto run = [&](bool native) {
        Tensor q = q0.to(dtype).requires_grad_(), k = k0.to(dtype).requires_grad_(), v = v0.to(dtype).requires_grad_();
        Tensor i = i0.clone().requires_grad_(), f = f0.clone().requires_grad_();
        MlstmOutput out = native ? engine::mlstmChunkwiseNative(q, k, v, i, f, nullptr, 64)
                                 : engine::mlstmChunkwise(q, k, v, i, f, nullptr, 64);
        const Tensor y = torch::layer_norm(out.h.to(torch::kFloat32), {dhv}) + offset;
        y.pow(2).sum().backward();
        return Result{out.h, q.grad(), k.grad(), v.grad(), i.grad(), f.grad()};
    };
    const Result kernel = run(false), ref = run(true);
    const std::string at = std::string("cell ") + name(dtype) + " S=" + std::to_string(S) + " DHQK=" + std::to_string(dqk) +
                           " DHHV=" + std::to_string(dhv) + " ";
    const double tol = tolerance(dtype);
    report.compare(at + "h", kernel.h, ref.h, tol);
    report.compare(at + "dq", kernel.dq, ref.dq, tol);
    report.compare(at + "dk", kernel.dk, ref.dk, tol);
    report.compare(at + "dv", kernel.dv, ref.dv, tol);
    report.compare(at + "di (input gate pre-activation)", kernel.di, ref.di, tol);
    report.compare(at + "df (forget gate pre-activation)", kernel.df, ref.df, tol);
}

// Model level: the same weights trained one backward pass with the kernels and with the native form.
void checkModel(Report& report, torch::ScalarType dtype, int layers, const std::string& label) {
    analysis::ShapeFactors factors;
    factors.vocab = 101;
    factors.chunk = 64;
    factors.maxContext = 256;
    const auto shape = analysis::makeShape(analysis::Arch::XLstm, 256, layers, 2, factors);   // DHQK 64, DHHV 128
    engine::ModelOptions options;
    options.seed = 5;
    options.device = engine::ComputeDevice::Cuda;
    options.dtype = dtype == torch::kBFloat16 ? engine::ComputeDtype::BFloat16 : engine::ComputeDtype::Float32;
    auto created = engine::createCausalLm(shape, options);
    if (!created) {
        std::printf("FAIL: %s %s: %s\n", label.c_str(), name(dtype), created.status().message().c_str());
        report.failed++;
        return;
    }
    auto model = *created;
    torch::manual_seed(3);
    const Tensor tokens = torch::randint(0, 101, {2, 200}, torch::TensorOptions().dtype(torch::kLong).device(torch::kCUDA));
    auto lossAndGrads = [&](bool native) {
        model->zero_grad();
        std::unique_ptr<engine::NativeMlstmScope> scope;
        if (native) scope = std::make_unique<engine::NativeMlstmScope>();
        const Tensor logits = model->forward(tokens);
        const Tensor loss = torch::nn::functional::cross_entropy(logits.reshape({-1, logits.size(-1)}).to(torch::kFloat32),
                                                                 tokens.roll(-1, 1).reshape({-1}));
        loss.backward();
        std::vector<std::pair<std::string, Tensor>> grads;
        for (const auto& p : model->named_parameters()) grads.emplace_back(p.key(), p.value().grad().clone());
        return std::make_pair(loss.detach().clone(), grads);
    };
    const auto [kernelLoss, kernelGrads] = lossAndGrads(false);
    const auto [refLoss, refGrads] = lossAndGrads(true);
    const double tol = tolerance(dtype);
    const std::string at = label + " " + name(dtype) + " ";
    report.compare(at + "loss", kernelLoss, refLoss, tol);
    for (size_t n = 0; n < kernelGrads.size(); ++n) report.compare(at + "grad " + kernelGrads[n].first, kernelGrads[n].second, refGrads[n].second, tol);
}

}  // namespace

int main() {
    if (!torch::cuda::is_available()) {
        std::printf("SKIP: no CUDA device\n");
        return 77;
    }
    if (!engine::mlstmCudaKernelsAvailable()) {
        std::printf("FAIL: this build has no CUDA mLSTM kernels (configure with SEQSCOPE_CUDA=ON)\n");
        return 1;
    }
    at::globalContext().setAllowTF32CuBLAS(false);   // float32 means float32 on both sides
    at::globalContext().setAllowTF32CuDNN(false);
    Report report;
    for (auto dtype : {torch::kFloat32, torch::kBFloat16}) {
        checkCell(report, dtype, 200, 64, 128);   // a partial last chunk
        checkCell(report, dtype, 512, 128, 256);
        checkModel(report, dtype, 1, "block");
        checkModel(report, dtype, 3, "model");
    }
    std::printf("%s: %d passed, %d failed\n", report.failed ? "FAIL" : "PASS", report.passed, report.failed);
    return report.failed ? 1 : 0;
}
