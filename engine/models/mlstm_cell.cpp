// SPDX-License-Identifier: MIT
// mLSTM cell forms (see mlstm_cell.h). Formulas: ../shared/reference/mlstm.md 2.2 (step), 2.3
// (parallel stablef), 2.4 (chunkwise: inter-chunk recurrence, intra-chunk part, combination).
// Gate math (log-sigmoid, cumsums, exp, max) and the C/n/m states are float32 whatever the q/k/v
// dtype (float64 stays float64); matmul operands stay in the q/k/v dtype, as in the reference.
// The inter-chunk recurrence is unrolled into one (NC x NC) weight matrix per head (see chunkBlock)
// instead of a loop over chunks: the same states, but a fixed number of kernels whatever S is.
#include "models/mlstm_cell.h"

#include <cmath>
#include <limits>
#include <vector>

#if defined(SEQSCOPE_WITH_CUDA_KERNELS) && __has_include("cuda/mlstm_cuda_function.h")
#include "cuda/mlstm_cuda_function.h"
#define SEQSCOPE_HAVE_MLSTM_CUDA 1
#else
#define SEQSCOPE_HAVE_MLSTM_CUDA 0
#endif

namespace seqscope::engine {

namespace {

using torch::Tensor;
namespace F = torch::nn::functional;

// Matmul with operands in `operandType`, result in `resultType`. With bf16 inputs this keeps the
// tensor-core operands in bf16 while everything around them stays float32.
Tensor matmulAs(const Tensor& a, const Tensor& b, torch::ScalarType operandType, torch::ScalarType resultType) {
    return torch::matmul(a.to(operandType), b.to(operandType)).to(resultType);
}

// F[..., t, j] = sum_{r=j+1..t} lf[..., r] for j <= t, -inf above the diagonal; lf (..., S).
// This is the "stablef" construction (mlstm.md 2.3): a cumsum down the rows of the strictly lower
// triangle, so only the needed terms are ever added and no difference of large cumsums appears.
Tensor logForgetMatrix(const Tensor& lf) {
    const int64_t s = lf.size(-1);
    auto boolOpts = torch::TensorOptions().dtype(torch::kBool).device(lf.device());
    const Tensor strictLower = torch::ones({s, s}, boolOpts).tril(-1);   // r > j
    const Tensor causal = torch::ones({s, s}, boolOpts).tril(0);         // j <= t
    std::vector<int64_t> shape = lf.sizes().vec();
    shape.push_back(s);
    // rows indexed by r: element (r, j) = lf_r where r > j, else 0
    const Tensor rows = lf.unsqueeze(-1).expand(shape).masked_fill(strictLower.logical_not(), 0.0);
    return rows.cumsum(-2).masked_fill(causal.logical_not(), -std::numeric_limits<double>::infinity());
}

void checkInputs(const Tensor& q, const Tensor& k, const Tensor& v, const Tensor& i, const Tensor& f) {
    TORCH_CHECK(q.dim() == 4 && k.sizes() == q.sizes(), "mLSTM: q and k must be (B,NH,S,DHQK) with equal shapes, got ",
                q.sizes(), " and ", k.sizes());
    TORCH_CHECK(v.dim() == 4 && v.size(0) == q.size(0) && v.size(1) == q.size(1) && v.size(2) == q.size(2),
                "mLSTM: v must be (B,NH,S,DHHV) matching q ", q.sizes(), ", got ", v.sizes());
    TORCH_CHECK(i.dim() == 3 && f.sizes() == i.sizes() && i.size(0) == q.size(0) && i.size(1) == q.size(1) &&
                    i.size(2) == q.size(2),
                "mLSTM: i and f must be (B,NH,S) matching q ", q.sizes(), ", got ", i.sizes(), " and ", f.sizes());
}

MlstmState castState(const MlstmState& s, torch::ScalarType dtype) {
    return {s.c.to(dtype), s.n.to(dtype), s.m.to(dtype)};
}

// Matmul of the float32 state path with CUDA autocast off: the C/n accumulators must stay float32
// (mlstm.md 2.5), while the surrounding layer may run under bf16 autocast.
Tensor stateMatmul(const Tensor& a, const Tensor& b) {
    c10::impl::ExcludeDispatchKeyGuard noAutocast(
        c10::DispatchKeySet({c10::DispatchKey::AutocastCUDA, c10::DispatchKey::AutocastCPU}));
    return torch::matmul(a, b);
}

// Chunkwise over exactly nc * len positions (q: (B,NH,nc*len,DHQK)), state entering the first
// chunk `state`; returns h (B,NH,nc*len,DHHV) and the state after the last chunk.
MlstmOutput chunkBlock(const Tensor& q, const Tensor& k, const Tensor& v, const Tensor& i, const Tensor& f,
                       const MlstmState& state, int64_t len, double eps) {
    const int64_t b = q.size(0), nh = q.size(1), s = q.size(2), dqk = q.size(3), dhv = v.size(3);
    const int64_t nc = s / len;
    const auto inType = q.scalar_type();
    const auto gType = mlstmStateDtype(inType);
    const double scale = 1.0 / std::sqrt(static_cast<double>(dqk));

    const Tensor qc = q.reshape({b, nh, nc, len, dqk});   // (B,NH,NC,L,DHQK)
    const Tensor kc = k.reshape({b, nh, nc, len, dqk});
    const Tensor vc = v.reshape({b, nh, nc, len, dhv});   // (B,NH,NC,L,DHHV)
    const Tensor ic = i.to(gType).reshape({b, nh, nc, len});   // (B,NH,NC,L)
    const Tensor lf = F::logsigmoid(f.to(gType)).reshape({b, nh, nc, len});

    // --- gates (mlstm.md 2.4): b inclusive cumsum, g chunk total, a = reverse exclusive cumsum + i
    const Tensor bIncl = lf.cumsum(-1);                                           // (B,NH,NC,L)
    const Tensor rev = lf.flip({-1}).cumsum(-1).flip({-1});                      // sum_{r>=l}
    const Tensor g = rev.select(-1, 0);                                           // (B,NH,NC)
    const Tensor aVec = torch::cat({rev.narrow(-1, 1, len - 1), torch::zeros_like(rev.narrow(-1, 0, 1))}, -1) + ic;
    const Tensor aMax = aVec.amax(-1);                                            // (B,NH,NC)

    // --- (a) inter-chunk recurrence, unrolled so no loop over chunks is needed (one launch per op
    // on a GPU whatever NC is). Each chunk's own contribution is stabilised by its own max aMax_j:
    //   X_j = sum_l exp(a_l - aMax_j) k_l v_l^T.
    // The state after chunk k is then, with G[k][j] = sum of g over chunks j+1..k (stablef matrix),
    //   C_k = exp(m0 + sum_{r<=k} g_r - m_k) C_0 + sum_{j<=k} exp(G[k][j] + aMax_j - m_k) X_j,
    // and m_k = max over those log-weights, which is exactly the recurrence
    // m_k = max(g_k + m_{k-1}, aMax_k) unrolled; every weight is <= 1.
    const Tensor kw = kc.to(gType) * torch::exp(aVec - aMax.unsqueeze(-1)).unsqueeze(-1);      // (B,NH,NC,L,DHQK)
    const Tensor xC = matmulAs(kw.transpose(-1, -2), vc, inType, gType);                       // (B,NH,NC,DHQK,DHHV)
    const Tensor xN = kw.sum(-2);                                                               // (B,NH,NC,DHQK)
    const Tensor logW = logForgetMatrix(g) + aMax.unsqueeze(-2);                                // (B,NH,NC,NC)
    const Tensor logW0 = state.m + g.cumsum(-1);                                                // (B,NH,NC)
    const Tensor mAfter = torch::maximum(logW0, std::get<0>(logW.max(-1)));                    // (B,NH,NC)
    const Tensor w = torch::exp(logW - mAfter.unsqueeze(-1));                                   // 0 above the diagonal
    const Tensor w0 = torch::exp(logW0 - mAfter);
    const Tensor cAfter = (stateMatmul(w, xC.reshape({b, nh, nc, dqk * dhv})) +
                           w0.unsqueeze(-1) * state.c.reshape({b, nh, 1, dqk * dhv}))
                              .reshape({b, nh, nc, dqk, dhv});                                  // (B,NH,NC,DHQK,DHHV)
    const Tensor nAfter = stateMatmul(w, xN) + w0.unsqueeze(-1) * state.n.unsqueeze(2);       // (B,NH,NC,DHQK)
    // states entering each chunk: the initial one, then the state after each but the last chunk
    const Tensor cIn = torch::cat({state.c.unsqueeze(2), cAfter.narrow(2, 0, nc - 1)}, 2);     // (B,NH,NC,DHQK,DHHV)
    const Tensor nIn = torch::cat({state.n.unsqueeze(2), nAfter.narrow(2, 0, nc - 1)}, 2);     // (B,NH,NC,DHQK)
    const Tensor mPrev = torch::cat({state.m, mAfter.narrow(2, 0, nc - 1)}, 2).unsqueeze(-1);  // (B,NH,NC,1)

    // --- (b) intra-chunk part and combination with the entering state. Within one chunk b_l - b_j
    // is a difference of at most L terms (the reference's chunkwise native form does the same).
    const auto boolOpts = torch::TensorOptions().dtype(torch::kBool).device(q.device());
    const Tensor upper = torch::ones({len, len}, boolOpts).triu(1);                             // j > l
    const Tensor logD = (bIncl.unsqueeze(-1) - (bIncl - ic).unsqueeze(-2))
                            .masked_fill(upper, -std::numeric_limits<double>::infinity());     // (B,NH,NC,L,L)
    const Tensor mIntra = std::get<0>(logD.max(-1));                       // (B,NH,NC,L)
    const Tensor mInter = bIncl + mPrev;                                   // (B,NH,NC,L)
    const Tensor mComb = torch::maximum(mInter, mIntra);
    const Tensor dBar = torch::exp(logD - mComb.unsqueeze(-1));
    const Tensor scores = matmulAs(qc, kc.transpose(-1, -2), inType, gType) * scale;   // (B,NH,NC,L,L)
    const Tensor cTilde = scores * dBar;
    const Tensor qBar = qc.to(gType) * (scale * torch::exp(mInter - mComb)).unsqueeze(-1);   // (B,NH,NC,L,DHQK)
    const Tensor num = matmulAs(qBar, cIn, inType, gType) + matmulAs(cTilde, vc, inType, gType);   // (B,NH,NC,L,DHHV)
    const Tensor den = (qBar * nIn.unsqueeze(-2)).sum(-1) + cTilde.sum(-1);                    // (B,NH,NC,L)
    const Tensor nOut = torch::maximum(den.abs(), torch::exp(-mComb));
    const Tensor h = (num / (nOut + eps).unsqueeze(-1)).reshape({b, nh, s, dhv}).to(inType);
    return {h, {cAfter.select(2, nc - 1), nAfter.select(2, nc - 1), mAfter.narrow(2, nc - 1, 1)}};
}

}  // namespace

int64_t MlstmState::bytes() const {
    int64_t total = 0;
    for (const Tensor* t : {&c, &n, &m})
        if (t->defined()) total += t->numel() * static_cast<int64_t>(t->element_size());
    return total;
}

MlstmState MlstmState::detached() const { return {c.detach(), n.detach(), m.detach()}; }

torch::ScalarType mlstmStateDtype(torch::ScalarType inputDtype) {
    return inputDtype == torch::kFloat64 ? torch::kFloat64 : torch::kFloat32;
}

MlstmState mlstmZeroState(int64_t batch, int64_t heads, int64_t dqk, int64_t dhv, const torch::TensorOptions& options) {
    return {torch::zeros({batch, heads, dqk, dhv}, options), torch::zeros({batch, heads, dqk}, options),
            torch::zeros({batch, heads, 1}, options)};
}

torch::Tensor mlstmParallel(const Tensor& q, const Tensor& k, const Tensor& v, const Tensor& i, const Tensor& f,
                            double eps) {
    checkInputs(q, k, v, i, f);
    const auto inType = q.scalar_type();
    const auto gType = mlstmStateDtype(inType);
    const double scale = 1.0 / std::sqrt(static_cast<double>(q.size(3)));
    const Tensor lf = F::logsigmoid(f.to(gType));                                  // (B,NH,S)
    const Tensor logD = logForgetMatrix(lf) + i.to(gType).unsqueeze(-2);           // (B,NH,S,S)
    const Tensor m = std::get<0>(logD.max(-1, /*keepdim=*/true));                  // (B,NH,S,1) row max, no m_0
    const Tensor d = torch::exp(logD - m);
    const Tensor cTilde = matmulAs(q, k.transpose(-1, -2), inType, gType) * scale * d;
    const Tensor n = torch::maximum(cTilde.sum(-1, true).abs(), torch::exp(-m));  // (B,NH,S,1)
    return matmulAs(cTilde / (n + eps), v, inType, gType).to(inType);
}

std::pair<torch::Tensor, MlstmState> mlstmStep(const Tensor& q, const Tensor& k, const Tensor& v, const Tensor& i,
                                               const Tensor& f, const MlstmState& state, double eps) {
    TORCH_CHECK(q.dim() == 3 && k.sizes() == q.sizes() && v.dim() == 3 && i.dim() == 2 && f.sizes() == i.sizes(),
                "mLSTM step: expected q, k (B,NH,DHQK), v (B,NH,DHHV), i, f (B,NH); got ", q.sizes(), ", ",
                v.sizes(), ", ", i.sizes());
    const auto inType = q.scalar_type();
    const auto gType = state.c.scalar_type();
    const double scale = 1.0 / std::sqrt(static_cast<double>(q.size(2)));
    const Tensor lf = F::logsigmoid(f.to(gType)).unsqueeze(-1);   // (B,NH,1)
    const Tensor ig = i.to(gType).unsqueeze(-1);                   // (B,NH,1)
    const Tensor mNew = torch::maximum(lf + state.m, ig);
    const Tensor fAct = torch::exp(lf + state.m - mNew);
    const Tensor iAct = torch::exp(ig - mNew);
    const Tensor kg = k.to(gType);
    const Tensor c = fAct.unsqueeze(-1) * state.c + iAct.unsqueeze(-1) * (kg.unsqueeze(-1) * v.to(gType).unsqueeze(-2));
    const Tensor n = fAct * state.n + iAct * kg;
    const Tensor qs = q * scale;
    // numerator and q'n in the q/k/v dtype with the state cast down (mlstm.md 2.2 "Dtypes")
    const Tensor num = torch::matmul(qs.unsqueeze(-2), c.to(inType)).squeeze(-2).to(gType);   // (B,NH,DHHV)
    const Tensor qn = (qs * n.to(inType)).sum(-1, true).to(gType);                           // (B,NH,1)
    const Tensor den = torch::maximum(qn.abs(), torch::exp(-mNew)) + eps;
    return {(num / den).to(inType), {c, n, mNew}};
}

MlstmOutput mlstmRecurrentSequence(const Tensor& q, const Tensor& k, const Tensor& v, const Tensor& i,
                                   const Tensor& f, const MlstmState* initial, double eps) {
    checkInputs(q, k, v, i, f);
    const auto gType = mlstmStateDtype(q.scalar_type());
    MlstmState state = initial ? castState(*initial, gType)
                               : mlstmZeroState(q.size(0), q.size(1), q.size(3), v.size(3),
                                                torch::TensorOptions().dtype(gType).device(q.device()));
    std::vector<Tensor> hs;
    hs.reserve(q.size(2));
    for (int64_t t = 0; t < q.size(2); ++t) {
        auto [h, next] = mlstmStep(q.select(2, t), k.select(2, t), v.select(2, t), i.select(2, t), f.select(2, t),
                                   state, eps);
        hs.push_back(h);
        state = std::move(next);
    }
    return {torch::stack(hs, 2), state};
}

MlstmOutput mlstmChunkwiseNative(const Tensor& q, const Tensor& k, const Tensor& v, const Tensor& i,
                                 const Tensor& f, const MlstmState* initial, int64_t chunk, double eps) {
    checkInputs(q, k, v, i, f);
    TORCH_CHECK(chunk >= 1, "mLSTM chunkwise: chunk size must be >= 1, got ", chunk);
    const int64_t s = q.size(2);
    TORCH_CHECK(s >= 1, "mLSTM chunkwise: empty sequence");
    const auto gType = mlstmStateDtype(q.scalar_type());
    MlstmState state = initial ? castState(*initial, gType)
                               : mlstmZeroState(q.size(0), q.size(1), q.size(3), v.size(3),
                                                torch::TensorOptions().dtype(gType).device(q.device()));
    const int64_t len = std::min(chunk, s);
    const int64_t full = (s / len) * len;
    // Blocks of at most kChunksPerBlock chunks, the state handed from one to the next: the unrolled
    // recurrence costs NC^2 * DHQK * DHHV per head, so bounding NC keeps it at the order of the
    // chunk contributions themselves for very long sequences.
    constexpr int64_t kChunksPerBlock = 64;
    std::vector<Tensor> hs;
    for (int64_t a = 0; a < full; a += kChunksPerBlock * len) {
        const int64_t n = std::min(full - a, kChunksPerBlock * len);
        MlstmOutput part = chunkBlock(q.narrow(2, a, n), k.narrow(2, a, n), v.narrow(2, a, n), i.narrow(2, a, n),
                                      f.narrow(2, a, n), state, len, eps);
        hs.push_back(part.h);
        state = std::move(part.state);
    }
    // The tail is one shorter chunk entered with the state after the full chunks: the chunk
    // formulas hold for any chunk length, so no recurrent tail is needed.
    if (const int64_t rest = s - full; rest > 0) {
        MlstmOutput tail = chunkBlock(q.narrow(2, full, rest), k.narrow(2, full, rest), v.narrow(2, full, rest),
                                      i.narrow(2, full, rest), f.narrow(2, full, rest), state, rest, eps);
        hs.push_back(tail.h);
        state = std::move(tail.state);
    }
    return {hs.size() == 1 ? hs[0] : torch::cat(hs, 2), state};
}

namespace {
thread_local bool t_forceNative = false;
}

NativeMlstmScope::NativeMlstmScope() : m_previous(t_forceNative) { t_forceNative = true; }
NativeMlstmScope::~NativeMlstmScope() { t_forceNative = m_previous; }

MlstmOutput mlstmChunkwise(const Tensor& q, const Tensor& k, const Tensor& v, const Tensor& i, const Tensor& f,
                           const MlstmState* initial, int64_t chunk, double eps) {
#if SEQSCOPE_HAVE_MLSTM_CUDA
    if (q.is_cuda() && !t_forceNative && eps == kMlstmEps) return cuda::mlstmChunkwiseCuda(q, k, v, i, f, initial, chunk);
#endif
    if (q.size(2) == 1 && initial != nullptr) {
        auto [h, state] = mlstmStep(q.select(2, 0), k.select(2, 0), v.select(2, 0), i.select(2, 0), f.select(2, 0),
                                    *initial, eps);
        return {h.unsqueeze(2), state};
    }
    return mlstmChunkwiseNative(q, k, v, i, f, initial, chunk, eps);
}

bool mlstmCudaKernelsAvailable() { return SEQSCOPE_HAVE_MLSTM_CUDA != 0; }

}  // namespace seqscope::engine
