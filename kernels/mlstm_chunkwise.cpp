// SPDX-License-Identifier: MIT
// Host orchestration of the CUDA mLSTM kernels (API in mlstm_kernels.h): argument validation with
// messages that name the offending input, the workspace layout, and the launch sequences
//   forward : gate prep -> state recurrence -> parallel (h, n_out, m_out)
//   backward: gate prep -> state recurrence (recomputed, mlstm.md 4 "Backward" 1) -> reverse dC
//             recurrence -> dQ, dK, dV parallel kernels -> gate gradients
//   step    : one fused launch.
// Everything is asynchronous on the caller's stream; nothing here allocates or synchronises.
#include <cmath>
#include <cstdint>
#include <string>

#include "cuda_check.h"
#include "device_limits.h"
#include "mlstm_kernels.h"
#include "mlstm_launch.h"

namespace seqscope::kernels {

using detail::DeviceLimits;
using detail::GateBuffers;
using detail::Geometry;
using detail::ParallelArgs;
using detail::ParallelMode;

const char* dtypeName(DType dtype) {
    switch (dtype) {
    case DType::Float32: return "float32";
    case DType::BFloat16: return "bfloat16";
    case DType::Float16: return "float16";
    }
    return "unknown";
}

std::size_t dtypeBytes(DType dtype) { return dtype == DType::Float32 ? 4 : 2; }

namespace {

bool fail(std::string* error, const std::string& message) {
    if (error) *error = message;
    return false;
}

bool headDimOk(int d) { return d >= kHeadDimMultiple && d <= kMaxHeadDim && d % kHeadDimMultiple == 0; }

bool aligned16(const void* p) { return reinterpret_cast<std::uintptr_t>(p) % 16 == 0; }

// Workspace regions, each 256-byte aligned, in bytes from the workspace start.
struct Layout {
    std::size_t vecB = 0, vecIB = 0, vecA = 0, g = 0, mStates = 0, states = 0, nStates = 0, dStates = 0, qdq = 0,
                kdk = 0, total = 0;
};

std::size_t alignUp(std::size_t x) { return (x + 255) / 256 * 256; }

Layout makeLayout(const MlstmChunkwiseConfig& c, bool backward) {
    const Geometry geo = detail::makeGeometry(c);
    const std::size_t f = sizeof(float);
    const std::size_t vec = static_cast<std::size_t>(geo.bh) * geo.Spad * f;
    const std::size_t chunkScalars = static_cast<std::size_t>(geo.bh) * geo.NC * f;
    const std::size_t chain = static_cast<std::size_t>(geo.bh) * (geo.NC + 1) * f;
    const std::size_t states = static_cast<std::size_t>(geo.bh) * (geo.NC + 1) * geo.dqk * geo.dhv * f;
    const std::size_t nStates = static_cast<std::size_t>(geo.bh) * (geo.NC + 1) * geo.dqk * f;
    Layout l;
    std::size_t at = 0;
    auto take = [&](std::size_t bytes) {
        const std::size_t here = at;
        at += alignUp(bytes);
        return here;
    };
    l.vecB = take(vec);
    l.vecIB = take(vec);
    l.vecA = take(vec);
    l.g = take(chunkScalars);
    l.mStates = take(chain);
    l.states = take(states);
    if (!backward) {
        l.nStates = take(nStates);
    } else {
        l.dStates = take(states);
        l.qdq = take(vec);
        l.kdk = take(vec);
    }
    l.total = at;
    return l;
}

template <typename P>
P* at(void* base, std::size_t offset) {
    return reinterpret_cast<P*>(static_cast<unsigned char*>(base) + offset);
}

GateBuffers gateBuffers(void* ws, const Layout& l) {
    GateBuffers g;
    g.vecB = at<float>(ws, l.vecB);
    g.vecIB = at<float>(ws, l.vecIB);
    g.vecA = at<float>(ws, l.vecA);
    g.g = at<float>(ws, l.g);
    g.mStates = at<float>(ws, l.mStates);
    return g;
}

Status invalid(const std::string& what, const std::string& message) {
    return Status::invalid(what + ": " + message);
}

}  // namespace

// ---------------------------------------------------------------------------------------------------
// validation
// ---------------------------------------------------------------------------------------------------

namespace detail {

Geometry makeGeometry(const MlstmChunkwiseConfig& c) {
    Geometry g;
    g.bh = c.shape.batch * c.shape.heads;
    g.S = c.shape.seqLen;
    g.L = c.chunkSize;
    g.NC = c.numChunks();
    g.Spad = g.NC * g.L;
    g.dqk = c.shape.dqk;
    g.dhv = c.shape.dhv;
    g.scale = static_cast<float>(1.0 / std::sqrt(static_cast<double>(c.shape.dqk)));
    g.eps = c.eps;
    g.tileWidth = c.tileWidth;
    return g;
}

}  // namespace detail

int MlstmChunkwiseConfig::numChunks() const {
    return chunkSize > 0 ? (shape.seqLen + chunkSize - 1) / chunkSize : 0;
}

bool MlstmChunkwiseConfig::isValid(std::string* error) const {
    const MlstmShape& s = shape;
    if (s.batch < 1 || s.heads < 1 || s.seqLen < 1)
        return fail(error, "batch, heads and sequence length must be >= 1, got B=" + std::to_string(s.batch) +
                               " NH=" + std::to_string(s.heads) + " S=" + std::to_string(s.seqLen));
    if (!headDimOk(s.dqk))
        return fail(error, "DHQK=" + std::to_string(s.dqk) + " is not a multiple of 16 in [16, 512]");
    if (!headDimOk(s.dhv))
        return fail(error, "DHHV=" + std::to_string(s.dhv) + " is not a multiple of 16 in [16, 512]");
    if (chunkSize < kChunkMultiple || chunkSize % kChunkMultiple != 0)
        return fail(error, "chunk size " + std::to_string(chunkSize) + " is not a positive multiple of 64");
    const long long padded = static_cast<long long>(numChunks()) * chunkSize;
    if (static_cast<long long>(s.batch) * s.heads * numChunks() > 0x7fffffffLL || padded > 0x7fffffffLL)
        return fail(error, "B*NH*NC or the padded length overflows the launch grid");
    if (!(eps >= 0.f)) return fail(error, "eps must be >= 0");
    if (tileWidth != 0 && tileWidth != 64 && tileWidth != 128)
        return fail(error, "tile width " + std::to_string(tileWidth) + " is not 0 (auto), 64 or 128");
    return true;
}

bool MlstmForwardArgs::isValid(std::string* error) const {
    if (!config.isValid(error)) return false;
    if (!q || !k || !v || !i || !f || !h) return fail(error, "q, k, v, i, f and h are required");
    if (!aligned16(q) || !aligned16(k) || !aligned16(v) || !aligned16(h) || (c0 && !aligned16(c0)) ||
        (cFinal && !aligned16(cFinal)))
        return fail(error, "q, k, v, h, c0 and cFinal must be 16-byte aligned");
    if (!workspace || workspaceBytes < mlstmForwardWorkspaceBytes(config))
        return fail(error, "workspace of " + std::to_string(workspaceBytes) + " bytes is smaller than the " +
                               std::to_string(mlstmForwardWorkspaceBytes(config)) + " needed");
    return true;
}

bool MlstmBackwardArgs::isValid(std::string* error) const {
    if (!config.isValid(error)) return false;
    if (!q || !k || !v || !i || !f || !dh || !nOut || !mOut || !dq || !dk || !dv || !di || !df)
        return fail(error, "q, k, v, i, f, dh, nOut, mOut, dq, dk, dv, di and df are required");
    if (!aligned16(q) || !aligned16(k) || !aligned16(v) || !aligned16(dh) || !aligned16(dq) || !aligned16(dk) ||
        !aligned16(dv) || (c0 && !aligned16(c0)) || (dcFinal && !aligned16(dcFinal)) || (dc0 && !aligned16(dc0)))
        return fail(error, "q, k, v, dh, dq, dk, dv and the state tensors must be 16-byte aligned");
    if (!workspace || workspaceBytes < mlstmBackwardWorkspaceBytes(config))
        return fail(error, "workspace of " + std::to_string(workspaceBytes) + " bytes is smaller than the " +
                               std::to_string(mlstmBackwardWorkspaceBytes(config)) + " needed");
    return true;
}

bool MlstmStepArgs::isValid(std::string* error) const {
    if (batch < 1 || heads < 1) return fail(error, "batch and heads must be >= 1");
    if (!headDimOk(dqk) || !headDimOk(dhv))
        return fail(error, "head dims DHQK=" + std::to_string(dqk) + ", DHHV=" + std::to_string(dhv) +
                               " must be multiples of 16 in [16, 512]");
    if (!q || !k || !v || !i || !f || !cIn || !nIn || !mIn || !cOut || !nOut || !mOut || !h)
        return fail(error, "q, k, v, i, f, the state in and out, and h are required");
    if (nOut == nIn || mOut == mIn)
        return fail(error, "nOut/mOut must not alias nIn/mIn (every column block reads n while block 0 writes it)");
    if (!aligned16(cIn) || !aligned16(cOut)) return fail(error, "cIn and cOut must be 16-byte aligned");
    return true;
}

std::size_t mlstmForwardWorkspaceBytes(const MlstmChunkwiseConfig& config) {
    return config.isValid(nullptr) ? makeLayout(config, false).total : 0;
}

std::size_t mlstmBackwardWorkspaceBytes(const MlstmChunkwiseConfig& config) {
    return config.isValid(nullptr) ? makeLayout(config, true).total : 0;
}

Status mlstmKernelsSupport(const MlstmChunkwiseConfig& config) {
    std::string error;
    if (!config.isValid(&error)) return {StatusCode::Unavailable, error};
    DeviceLimits limits;
    if (Status s = detail::currentDeviceLimits(&limits); !s.isOk()) return {StatusCode::Unavailable, s.message()};
    for (int dy : {config.shape.dqk, config.shape.dhv}) {
        const int need = detail::chunkParallelSmemBytes(config.dtype, dy, 64);
        if (need > limits.smemPerBlockOptin)
            return {StatusCode::Unavailable, std::string(dtypeName(config.dtype)) + " with head dim " +
                                                 std::to_string(dy) + " needs " + std::to_string(need) +
                                                 " bytes of shared memory per block; the device allows " +
                                                 std::to_string(limits.smemPerBlockOptin)};
    }
    return Status::ok();
}

// ---------------------------------------------------------------------------------------------------
// forward
// ---------------------------------------------------------------------------------------------------

Status mlstmChunkwiseForward(const MlstmForwardArgs& a) {
    std::string error;
    if (!a.isValid(&error)) return invalid("mlstmChunkwiseForward", error);
    DeviceLimits limits;
    if (Status s = detail::currentDeviceLimits(&limits); !s.isOk()) return s;
    const Geometry geo = detail::makeGeometry(a.config);
    const Layout l = makeLayout(a.config, false);
    const GateBuffers gates = gateBuffers(a.workspace, l);
    float* states = at<float>(a.workspace, l.states);
    float* nStates = at<float>(a.workspace, l.nStates);
    const DType dt = a.config.dtype;

    if (Status s = detail::launchGatePrep(geo, a.i, a.f, a.m0, gates, a.mFinal, a.stream); !s.isOk()) return s;
    if (Status s = detail::launchStateForward(dt, geo, limits, a.k, a.v, gates, a.c0, a.n0, states, nStates, a.cFinal,
                                              a.nFinal, /*splitOperands=*/false, a.stream);
        !s.isOk())
        return s;
    ParallelArgs p;
    p.y = a.q;
    p.z = a.k;
    p.u = a.v;
    p.out = a.h;
    p.states = states;
    p.nStates = nStates;
    p.firstStateZero = a.c0 == nullptr && a.n0 == nullptr;
    p.gates = gates;
    p.nRowOut = a.nOut;
    p.mRowOut = a.mOut;
    return detail::launchChunkParallel<ParallelMode::Forward>(dt, geo, limits, p, a.stream);
}

// ---------------------------------------------------------------------------------------------------
// backward
// ---------------------------------------------------------------------------------------------------

Status mlstmChunkwiseBackward(const MlstmBackwardArgs& a) {
    std::string error;
    if (!a.isValid(&error)) return invalid("mlstmChunkwiseBackward", error);
    DeviceLimits limits;
    if (Status s = detail::currentDeviceLimits(&limits); !s.isOk()) return s;
    const Geometry geo = detail::makeGeometry(a.config);
    const Layout l = makeLayout(a.config, true);
    const GateBuffers gates = gateBuffers(a.workspace, l);
    float* states = at<float>(a.workspace, l.states);
    float* dStates = at<float>(a.workspace, l.dStates);
    float* qdq = at<float>(a.workspace, l.qdq);
    float* kdk = at<float>(a.workspace, l.kdk);
    const DType dt = a.config.dtype;

    if (Status s = detail::launchGatePrep(geo, a.i, a.f, a.m0, gates, nullptr, a.stream); !s.isOk()) return s;
    // states are recomputed rather than saved by the forward pass (TFLA's recompute_states_in_bw)
    // split operands: the recomputed states must match the dC recurrence's precision, or the final-
    // state term of df (a near-cancelling difference) picks up their rounding mismatch
    if (Status s = detail::launchStateForward(dt, geo, limits, a.k, a.v, gates, a.c0, nullptr, states, nullptr,
                                              nullptr, nullptr, /*splitOperands=*/true, a.stream);
        !s.isOk())
        return s;
    if (Status s = detail::launchStateBackward(dt, geo, limits, a.q, a.dh, gates, a.nOut, a.mOut, a.dcFinal, dStates,
                                               a.dc0, a.stream);
        !s.isOk())
        return s;
    SEQSCOPE_CUDA_TRY(cudaMemsetAsync(qdq, 0, static_cast<std::size_t>(geo.bh) * geo.Spad * sizeof(float), a.stream));
    SEQSCOPE_CUDA_TRY(cudaMemsetAsync(kdk, 0, static_cast<std::size_t>(geo.bh) * geo.Spad * sizeof(float), a.stream));

    ParallelArgs base;
    base.gates = gates;
    base.nRow = a.nOut;
    base.mRow = a.mOut;

    ParallelArgs pq = base;   // dq = (dh v^T . W) k + inter(dh C^T)
    pq.y = a.dh;
    pq.z = a.v;
    pq.u = a.k;
    pq.aux = a.q;
    pq.out = a.dq;
    pq.states = states;
    pq.firstStateZero = a.c0 == nullptr;
    pq.dot = qdq;
    if (Status s = detail::launchChunkParallel<ParallelMode::GradQ>(dt, geo, limits, pq, a.stream); !s.isOk())
        return s;

    ParallelArgs pk = base;   // dk = (v dh^T . W^T) q + inter(v dC^T)
    pk.y = a.v;
    pk.z = a.dh;
    pk.u = a.q;
    pk.aux = a.k;
    pk.out = a.dk;
    pk.states = dStates;
    pk.dot = kdk;
    if (Status s = detail::launchChunkParallel<ParallelMode::GradK>(dt, geo, limits, pk, a.stream); !s.isOk())
        return s;

    ParallelArgs pv = base;   // dv = (k q^T . W^T) dh + inter(k dC)
    pv.y = a.k;
    pv.z = a.q;
    pv.u = a.dh;
    pv.out = a.dv;
    pv.states = dStates;
    if (Status s = detail::launchChunkParallel<ParallelMode::GradV>(dt, geo, limits, pv, a.stream); !s.isOk())
        return s;

    const float* finalStates = states;   // gateGrad indexes entry NC itself
    return detail::launchGateGrad(geo, qdq, kdk, a.f, a.dcFinal, finalStates, a.di, a.df, a.stream);
}

// ---------------------------------------------------------------------------------------------------
// decode step
// ---------------------------------------------------------------------------------------------------

Status mlstmDecodeStep(const MlstmStepArgs& a) {
    std::string error;
    if (!a.isValid(&error)) return invalid("mlstmDecodeStep", error);
    DeviceLimits limits;
    if (Status s = detail::currentDeviceLimits(&limits); !s.isOk()) return s;
    return detail::launchDecodeStep(a);
}

}  // namespace seqscope::kernels
