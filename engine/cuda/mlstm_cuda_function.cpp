// SPDX-License-Identifier: MIT
// LibTorch wrapper of the CUDA mLSTM kernels (see mlstm_cuda_function.h). The autograd function
// saves the inputs and the per-position n_out, m_out of the forward pass; the backward recomputes
// the chunk states from them (mlstm.md 4 "Backward"). Scratch memory comes from LibTorch's caching
// allocator and every launch goes to the current CUDA stream of the input's device.
#include "cuda/mlstm_cuda_function.h"

#include <ATen/cuda/CUDAContext.h>
#include <c10/cuda/CUDAGuard.h>

#include <optional>

#include "mlstm_kernels.h"

namespace seqscope::engine::cuda {

namespace {

using torch::Tensor;
using torch::autograd::AutogradContext;
using torch::autograd::variable_list;
namespace K = seqscope::kernels;

std::optional<K::DType> kernelDtype(torch::ScalarType t) {
    switch (t) {
    case torch::kFloat32: return K::DType::Float32;
    case torch::kBFloat16: return K::DType::BFloat16;
    case torch::kFloat16: return K::DType::Float16;
    default: return std::nullopt;
    }
}

K::MlstmChunkwiseConfig makeConfig(const Tensor& q, const Tensor& v, int64_t chunk) {
    K::MlstmChunkwiseConfig c;
    c.dtype = kernelDtype(q.scalar_type()).value_or(K::DType::Float32);
    c.shape = {static_cast<int>(q.size(0)), static_cast<int>(q.size(1)), static_cast<int>(q.size(2)),
               static_cast<int>(q.size(3)), static_cast<int>(v.size(3))};
    c.chunkSize = static_cast<int>(mlstmCudaChunkSize(chunk));
    c.eps = static_cast<float>(kMlstmEps);
    return c;
}

void checkStatus(const Status& s, const char* what) {
    TORCH_CHECK(s.isOk(), "mLSTM CUDA kernels, ", what, ": ", s.message());
}

Tensor workspace(std::size_t bytes, const Tensor& like) {
    return torch::empty({static_cast<int64_t>(std::max<std::size_t>(bytes, 1))},
                        torch::TensorOptions().dtype(torch::kUInt8).device(like.device()));
}

const float* ptrOrNull(const Tensor& t) { return t.defined() ? t.data_ptr<float>() : nullptr; }

Tensor f32(const Tensor& t) { return t.to(torch::kFloat32).contiguous(); }

// Forward: (q, k, v, i, f, C0?, n0?, m0?, chunk) -> (h, C_final, n_final, m_final).
class MlstmChunkwiseFunction : public torch::autograd::Function<MlstmChunkwiseFunction> {
public:
    static variable_list forward(AutogradContext* ctx, const Tensor& q, const Tensor& k, const Tensor& v,
                                 const Tensor& i, const Tensor& f, const std::optional<Tensor>& c0,
                                 const std::optional<Tensor>& n0, const std::optional<Tensor>& m0, int64_t chunk) {
        const c10::cuda::CUDAGuard guard(q.device());
        const Tensor qc = q.contiguous(), kc = k.contiguous(), vc = v.contiguous();
        const Tensor ic = f32(i), fc = f32(f);
        const bool hasInit = c0.has_value() && c0->defined();
        const Tensor c0c = hasInit ? f32(*c0) : Tensor();
        const Tensor n0c = hasInit && n0 && n0->defined() ? f32(*n0) : Tensor();
        const Tensor m0c = hasInit && m0 && m0->defined() ? f32(*m0) : Tensor();

        const K::MlstmChunkwiseConfig cfg = makeConfig(q, v, chunk);
        const int64_t b = q.size(0), nh = q.size(1), s = q.size(2), dqk = q.size(3), dhv = v.size(3);
        auto fopt = torch::TensorOptions().dtype(torch::kFloat32).device(q.device());
        Tensor h = torch::empty({b, nh, s, dhv}, q.options());                 // (B,NH,S,DHHV)
        Tensor nOut = torch::empty({b, nh, s}, fopt), mOut = torch::empty({b, nh, s}, fopt);
        Tensor cFinal = torch::empty({b, nh, dqk, dhv}, fopt), nFinal = torch::empty({b, nh, dqk}, fopt),
               mFinal = torch::empty({b, nh, 1}, fopt);
        Tensor ws = workspace(K::mlstmForwardWorkspaceBytes(cfg), q);

        K::MlstmForwardArgs a;
        a.config = cfg;
        a.q = qc.data_ptr();
        a.k = kc.data_ptr();
        a.v = vc.data_ptr();
        a.i = ic.data_ptr<float>();
        a.f = fc.data_ptr<float>();
        a.c0 = ptrOrNull(c0c);
        a.n0 = ptrOrNull(n0c);
        a.m0 = ptrOrNull(m0c);
        a.h = h.data_ptr();
        a.nOut = nOut.data_ptr<float>();
        a.mOut = mOut.data_ptr<float>();
        a.cFinal = cFinal.data_ptr<float>();
        a.nFinal = nFinal.data_ptr<float>();
        a.mFinal = mFinal.data_ptr<float>();
        a.workspace = ws.data_ptr();
        a.workspaceBytes = static_cast<std::size_t>(ws.numel());
        a.stream = at::cuda::getCurrentCUDAStream().stream();
        checkStatus(K::mlstmChunkwiseForward(a), "forward");

        ctx->save_for_backward({qc, kc, vc, ic, fc, c0c, m0c, nOut, mOut});
        ctx->saved_data["chunk"] = chunk;
        ctx->saved_data["i_dtype"] = static_cast<int64_t>(i.scalar_type());
        ctx->saved_data["f_dtype"] = static_cast<int64_t>(f.scalar_type());
        ctx->saved_data["c0_dtype"] = static_cast<int64_t>(hasInit ? c0->scalar_type() : torch::kFloat32);
        ctx->mark_non_differentiable({nFinal, mFinal});
        return {h, cFinal, nFinal, mFinal};
    }

    static variable_list backward(AutogradContext* ctx, variable_list grads) {
        const auto saved = ctx->get_saved_variables();
        const Tensor &q = saved[0], &k = saved[1], &v = saved[2], &i = saved[3], &f = saved[4], &c0 = saved[5],
                     &m0 = saved[6], &nOut = saved[7], &mOut = saved[8];
        const c10::cuda::CUDAGuard guard(q.device());
        const int64_t chunk = ctx->saved_data["chunk"].toInt();
        const K::MlstmChunkwiseConfig cfg = makeConfig(q, v, chunk);

        // an unused h gets an undefined gradient: treat it as zero
        const Tensor dh = grads[0].defined() ? grads[0].to(q.scalar_type()).contiguous() : torch::zeros_like(v);
        const Tensor dcFinal = grads[1].defined() ? f32(grads[1]) : Tensor();
        Tensor dq = torch::empty_like(q), dk = torch::empty_like(k), dv = torch::empty_like(v);
        Tensor di = torch::empty_like(i), df = torch::empty_like(f);
        Tensor dc0 = c0.defined() ? torch::empty_like(c0) : Tensor();
        Tensor ws = workspace(K::mlstmBackwardWorkspaceBytes(cfg), q);

        K::MlstmBackwardArgs a;
        a.config = cfg;
        a.q = q.data_ptr();
        a.k = k.data_ptr();
        a.v = v.data_ptr();
        a.i = i.data_ptr<float>();
        a.f = f.data_ptr<float>();
        a.c0 = ptrOrNull(c0);
        a.m0 = ptrOrNull(m0);
        a.dh = dh.data_ptr();
        a.nOut = nOut.data_ptr<float>();
        a.mOut = mOut.data_ptr<float>();
        a.dcFinal = ptrOrNull(dcFinal);
        a.dq = dq.data_ptr();
        a.dk = dk.data_ptr();
        a.dv = dv.data_ptr();
        a.di = di.data_ptr<float>();
        a.df = df.data_ptr<float>();
        a.dc0 = dc0.defined() ? dc0.data_ptr<float>() : nullptr;
        a.workspace = ws.data_ptr();
        a.workspaceBytes = static_cast<std::size_t>(ws.numel());
        a.stream = at::cuda::getCurrentCUDAStream().stream();
        checkStatus(K::mlstmChunkwiseBackward(a), "backward");

        auto asType = [&](const Tensor& t, const char* key) {
            return t.to(static_cast<torch::ScalarType>(ctx->saved_data[key].toInt()));
        };
        const Tensor dC0 = dc0.defined() ? asType(dc0, "c0_dtype") : Tensor();
        // n_0 and m_0 enter only the denominator and the max, which the custom backward holds
        // constant: no gradient (undefined), nor for the chunk size
        return {dq, dk, dv, asType(di, "i_dtype"), asType(df, "f_dtype"), dC0, Tensor(), Tensor(), Tensor()};
    }
};

bool anyRequiresGrad(std::initializer_list<const Tensor*> ts) {
    for (const Tensor* t : ts)
        if (t->defined() && t->requires_grad()) return true;
    return false;
}

}  // namespace

int64_t mlstmCudaChunkSize(int64_t requested) {
    const int64_t m = K::kChunkMultiple;
    return std::max<int64_t>(m, (requested + m - 1) / m * m);
}

std::string mlstmCudaUnsupportedReason(const Tensor& q, const Tensor& v, int64_t chunk) {
    if (!q.is_cuda()) return "inputs are not on a CUDA device";
    if (!kernelDtype(q.scalar_type())) return std::string("dtype ") + c10::toString(q.scalar_type()) + " is not float32, bfloat16 or float16";
    if (q.dim() != 4 || v.dim() != 4) return "q and v must be 4-d (B,NH,S,D)";
    const c10::cuda::CUDAGuard guard(q.device());
    const Status s = K::mlstmKernelsSupport(makeConfig(q, v, chunk));
    return s.isOk() ? std::string() : s.message();
}

MlstmOutput mlstmChunkwiseCuda(const Tensor& q, const Tensor& k, const Tensor& v, const Tensor& i, const Tensor& f,
                               const MlstmState* initial, int64_t chunk) {
    TORCH_CHECK(q.dim() == 4 && k.sizes() == q.sizes() && v.dim() == 4 && v.size(2) == q.size(2) && i.dim() == 3 &&
                    f.sizes() == i.sizes() && i.size(2) == q.size(2),
                "mlstmChunkwiseCuda: expected q, k (B,NH,S,DHQK), v (B,NH,S,DHHV), i, f (B,NH,S); got ", q.sizes(),
                ", ", v.sizes(), ", ", i.sizes());
    TORCH_CHECK(k.scalar_type() == q.scalar_type() && v.scalar_type() == q.scalar_type(),
                "mlstmChunkwiseCuda: q, k and v must share a dtype");
    if (!mlstmCudaUnsupportedReason(q, v, chunk).empty())
        return mlstmChunkwiseNative(q, k, v, i, f, initial, chunk, kMlstmEps);
    // A single decode position with a state and no gradient wanted: one fused step launch.
    const bool wantGrad = torch::GradMode::is_enabled() &&
                          anyRequiresGrad({&q, &k, &v, &i, &f, initial ? &initial->c : nullptr});
    if (q.size(2) == 1 && initial != nullptr && !wantGrad) {
        auto [h, state] = mlstmStepCuda(q.select(2, 0), k.select(2, 0), v.select(2, 0), i.select(2, 0),
                                        f.select(2, 0), *initial);
        return {h.unsqueeze(2), state};
    }
    std::optional<Tensor> c0, n0, m0;
    if (initial) {
        c0 = initial->c;
        n0 = initial->n;
        m0 = initial->m;
    }
    const variable_list out = MlstmChunkwiseFunction::apply(q, k, v, i, f, c0, n0, m0, chunk);
    return {out[0], {out[1], out[2], out[3]}};
}

std::pair<Tensor, MlstmState> mlstmStepCuda(const Tensor& q, const Tensor& k, const Tensor& v, const Tensor& i,
                                            const Tensor& f, const MlstmState& state) {
    TORCH_CHECK(q.dim() == 3 && k.sizes() == q.sizes() && v.dim() == 3 && i.dim() == 2 && f.sizes() == i.sizes(),
                "mlstmStepCuda: expected q, k (B,NH,DHQK), v (B,NH,DHHV), i, f (B,NH); got ", q.sizes(), ", ",
                v.sizes(), ", ", i.sizes());
    const auto dt = kernelDtype(q.scalar_type());
    const bool wantGrad = torch::GradMode::is_enabled() &&
                          anyRequiresGrad({&q, &k, &v, &i, &f, &state.c, &state.n, &state.m});
    const int64_t dqk = q.size(2), dhv = v.size(2);
    const bool dimsOk = dqk % K::kHeadDimMultiple == 0 && dhv % K::kHeadDimMultiple == 0 && dqk <= K::kMaxHeadDim &&
                        dhv <= K::kMaxHeadDim;
    if (!q.is_cuda() || !dt || wantGrad || !dimsOk || state.c.scalar_type() == torch::kFloat64)
        return engine::mlstmStep(q, k, v, i, f, state, kMlstmEps);

    const c10::cuda::CUDAGuard guard(q.device());
    const Tensor qc = q.contiguous(), kc = k.contiguous(), vc = v.contiguous();
    const Tensor ic = f32(i), fc = f32(f);
    const Tensor cIn = f32(state.c), nIn = f32(state.n), mIn = f32(state.m);
    Tensor cOut = torch::empty_like(cIn), nOut = torch::empty_like(nIn), mOut = torch::empty_like(mIn);
    Tensor h = torch::empty({q.size(0), q.size(1), dhv}, q.options());   // (B,NH,DHHV)

    K::MlstmStepArgs a;
    a.dtype = *dt;
    a.batch = static_cast<int>(q.size(0));
    a.heads = static_cast<int>(q.size(1));
    a.dqk = static_cast<int>(dqk);
    a.dhv = static_cast<int>(dhv);
    a.eps = static_cast<float>(kMlstmEps);
    a.q = qc.data_ptr();
    a.k = kc.data_ptr();
    a.v = vc.data_ptr();
    a.i = ic.data_ptr<float>();
    a.f = fc.data_ptr<float>();
    a.cIn = cIn.data_ptr<float>();
    a.nIn = nIn.data_ptr<float>();
    a.mIn = mIn.data_ptr<float>();
    a.cOut = cOut.data_ptr<float>();
    a.nOut = nOut.data_ptr<float>();
    a.mOut = mOut.data_ptr<float>();
    a.h = h.data_ptr();
    a.stream = at::cuda::getCurrentCUDAStream().stream();
    checkStatus(K::mlstmDecodeStep(a), "decode step");
    return {h, {cOut, nOut, mOut}};
}

}  // namespace seqscope::engine::cuda
