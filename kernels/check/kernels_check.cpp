// SPDX-License-Identifier: MIT
// kernels_check: GPU verification of the CUDA mLSTM kernels without Qt or LibTorch.
// (One program of ~680 lines on purpose: it is the whole GPU check list that runs on the Qt-less GPU
// host in one device call; the float64 reference lives apart in mlstm_reference.cpp.)
//   kernels_check            full suite (fp32, bf16, fp16; several shapes)
//   kernels_check --small    a few small cases (for compute-sanitizer memcheck)
//   kernels_check --time     also time forward and forward+backward at 65,536 tokens (no baselines)
//   kernels_check --seed N   reproduce a run (the seed is printed; fresh by default)
// Checks, each printed as a PASS/FAIL line: forward (h, final C, n, m) and backward (dq, dk, dv, di, df,
// dC0) against the float64 parallel-form reference (mlstm_reference.h) on fresh random inputs, by
// relative error ||x - ref|| / ||ref|| under 1e-3 (fp32) or 1e-2 (bf16, fp16); outputs and workspace
// are filled with NaN before every run and every output element must be written; lengths that are
// not multiples of the chunk; state passing (two segments == one pass); the decode step looped over
// a sequence == the parallel form. Exit status 1 on any failure; "SKIP: no CUDA device" and 0 without
// a device (argument validation, which needs no device, still runs).
#include <cuda_bf16.h>
#include <cuda_fp16.h>
#include <cuda_runtime.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "check/mlstm_reference.h"
#include "mlstm_kernels.h"

namespace {

using namespace seqscope::kernels;
using check::RefForward;
using check::RefGrads;
using check::RefProblem;

// --- reporting -------------------------------------------------------------------------------------
struct Report {
    int passed = 0, failed = 0;
    void line(bool ok, const std::string& what) {
        std::printf("%s: %s\n", ok ? "PASS" : "FAIL", what.c_str());
        std::fflush(stdout);
        (ok ? passed : failed)++;
    }
    void relErr(const std::string& what, double err, double tol) {
        char buf[64];
        std::snprintf(buf, sizeof buf, " rel err %.3g (tol %.0e)", err, tol);
        line(std::isfinite(err) && err < tol, what + buf);
    }
};

#define CHECK_CUDA(expr)                                                                           \
    do {                                                                                           \
        const cudaError_t e_ = (expr);                                                             \
        if (e_ != cudaSuccess) {                                                                   \
            std::fprintf(stderr, "%s:%d: %s failed: %s\n", __FILE__, __LINE__, #expr, cudaGetErrorString(e_)); \
            std::exit(1);                                                                          \
        }                                                                                          \
    } while (0)

// --- host <-> device element conversion ---------------------------------------------------------------
float roundTo(DType dt, float x) {
    if (dt == DType::BFloat16) return __bfloat162float(__float2bfloat16_rn(x));
    if (dt == DType::Float16) return __half2float(__float2half_rn(x));
    return x;
}

std::vector<unsigned char> encode(DType dt, const std::vector<float>& x) {
    std::vector<unsigned char> out(x.size() * dtypeBytes(dt));
    for (size_t e = 0; e < x.size(); ++e) {
        if (dt == DType::Float32) {
            std::memcpy(out.data() + 4 * e, &x[e], 4);
        } else if (dt == DType::BFloat16) {
            const __nv_bfloat16 b = __float2bfloat16_rn(x[e]);
            std::memcpy(out.data() + 2 * e, &b, 2);
        } else {
            const __half h = __float2half_rn(x[e]);
            std::memcpy(out.data() + 2 * e, &h, 2);
        }
    }
    return out;
}

std::vector<float> decode(DType dt, const std::vector<unsigned char>& raw) {
    const size_t n = raw.size() / dtypeBytes(dt);
    std::vector<float> out(n);
    for (size_t e = 0; e < n; ++e) {
        if (dt == DType::Float32) {
            std::memcpy(&out[e], raw.data() + 4 * e, 4);
        } else if (dt == DType::BFloat16) {
            __nv_bfloat16 b;
            std::memcpy(&b, raw.data() + 2 * e, 2);
            out[e] = __bfloat162float(b);
        } else {
            __half h;
            std::memcpy(&h, raw.data() + 2 * e, 2);
            out[e] = __half2float(h);
        }
    }
    return out;
}

// --- device buffers --------------------------------------------------------------------------------------
// Every buffer starts as NaN (all bits set is NaN in fp32, bf16 and fp16), so unwritten outputs and
// reads of unwritten workspace show up.
class DeviceBuffer {
public:
    DeviceBuffer() = default;
    explicit DeviceBuffer(size_t bytes) : m_bytes(bytes) {
        if (bytes) CHECK_CUDA(cudaMalloc(&m_ptr, bytes));
        poison();
    }
    DeviceBuffer(const DeviceBuffer&) = delete;
    DeviceBuffer& operator=(const DeviceBuffer&) = delete;
    DeviceBuffer(DeviceBuffer&& o) noexcept : m_ptr(o.m_ptr), m_bytes(o.m_bytes) { o.m_ptr = nullptr; }
    DeviceBuffer& operator=(DeviceBuffer&& o) noexcept {
        std::swap(m_ptr, o.m_ptr);
        std::swap(m_bytes, o.m_bytes);
        return *this;
    }
    ~DeviceBuffer() {
        if (m_ptr) cudaFree(m_ptr);
    }
    void poison() {
        if (m_ptr) CHECK_CUDA(cudaMemset(m_ptr, 0xff, m_bytes));
    }
    void upload(const void* src) { CHECK_CUDA(cudaMemcpy(m_ptr, src, m_bytes, cudaMemcpyHostToDevice)); }
    std::vector<unsigned char> download() const {
        std::vector<unsigned char> out(m_bytes);
        CHECK_CUDA(cudaMemcpy(out.data(), m_ptr, m_bytes, cudaMemcpyDeviceToHost));
        return out;
    }
    template <typename T>
    T* as() const {
        return static_cast<T*>(m_ptr);
    }
    void* get() const { return m_ptr; }
    size_t bytes() const { return m_bytes; }

private:
    void* m_ptr = nullptr;
    size_t m_bytes = 0;
};

DeviceBuffer uploadFloats(const std::vector<float>& x) {
    DeviceBuffer b(x.size() * sizeof(float));
    b.upload(x.data());
    return b;
}
DeviceBuffer uploadTyped(DType dt, const std::vector<float>& x) {
    const auto raw = encode(dt, x);
    DeviceBuffer b(raw.size());
    b.upload(raw.data());
    return b;
}
std::vector<float> downloadFloats(const DeviceBuffer& b) { return decode(DType::Float32, b.download()); }

// --- comparison ------------------------------------------------------------------------------------------
double relErr(const std::vector<float>& x, const std::vector<double>& ref) {
    double num = 0, den = 0;
    for (size_t e = 0; e < ref.size(); ++e) {
        const double d = static_cast<double>(x[e]) - ref[e];
        num += d * d;
        den += ref[e] * ref[e];
    }
    return std::sqrt(num) / std::max(std::sqrt(den), 1e-30);
}
double relErrF(const std::vector<float>& x, const std::vector<float>& ref) {
    return relErr(x, std::vector<double>(ref.begin(), ref.end()));
}
size_t countNonFinite(const std::vector<float>& x) {
    return static_cast<size_t>(std::count_if(x.begin(), x.end(), [](float v) { return !std::isfinite(v); }));
}

double tolFor(DType dt) { return dt == DType::Float32 ? 1e-3 : 1e-2; }

// --- problems ----------------------------------------------------------------------------------------------
struct Case {
    std::string name;
    int B, NH, S, dqk, dhv, L;
    bool initState;   // random C0, n0, m0 and a random dLoss/dC_final
    float fShift;     // forget pre-activation offset: 3 = strong retention, long-range state matters
};

struct HostProblem {
    DType dt;
    MlstmShape shape;
    std::vector<float> q, k, v, i, f, c0, n0, m0;   // q/k/v already rounded to dt
};

std::vector<float> randn(std::mt19937_64& rng, size_t n, float scale = 1.f, float shift = 0.f) {
    std::normal_distribution<float> d(0.f, 1.f);
    std::vector<float> x(n);
    for (auto& e : x) e = shift + scale * d(rng);
    return x;
}

std::vector<float> rounded(DType dt, std::vector<float> x) {
    for (auto& e : x) e = roundTo(dt, e);
    return x;
}

HostProblem makeProblem(DType dt, const Case& c, std::mt19937_64& rng) {
    HostProblem p;
    p.dt = dt;
    p.shape = {c.B, c.NH, c.S, c.dqk, c.dhv};
    const size_t bh = static_cast<size_t>(c.B) * c.NH;
    p.q = rounded(dt, randn(rng, bh * c.S * c.dqk));
    p.k = rounded(dt, randn(rng, bh * c.S * c.dqk));
    p.v = rounded(dt, randn(rng, bh * c.S * c.dhv));
    p.i = randn(rng, bh * c.S);
    p.f = randn(rng, bh * c.S, 1.f, c.fShift);
    if (c.initState) {
        p.c0 = randn(rng, bh * c.dqk * c.dhv);
        p.n0 = randn(rng, bh * c.dqk);
        p.m0 = randn(rng, bh);
    }
    return p;
}

std::vector<double> toDouble(const std::vector<float>& x) { return {x.begin(), x.end()}; }

RefProblem refProblem(const HostProblem& p) {
    RefProblem r;
    r.bh = p.shape.batch * p.shape.heads;
    r.S = p.shape.seqLen;
    r.dqk = p.shape.dqk;
    r.dhv = p.shape.dhv;
    r.eps = kMlstmEps;
    r.q = toDouble(p.q);
    r.k = toDouble(p.k);
    r.v = toDouble(p.v);
    r.i = toDouble(p.i);
    r.f = toDouble(p.f);
    r.c0 = toDouble(p.c0);
    r.n0 = toDouble(p.n0);
    r.m0 = toDouble(p.m0);
    return r;
}

// Slices positions [t0, t1) of a (BH, S, D) or (BH, S) host tensor.
std::vector<float> slicePositions(const std::vector<float>& x, int bh, int S, int D, int t0, int t1) {
    std::vector<float> out;
    out.reserve(static_cast<size_t>(bh) * (t1 - t0) * D);
    for (int b = 0; b < bh; ++b)
        out.insert(out.end(), x.begin() + (static_cast<size_t>(b) * S + t0) * D, x.begin() + (static_cast<size_t>(b) * S + t1) * D);
    return out;
}

// --- device runs ---------------------------------------------------------------------------------------------
struct DeviceForward {
    std::vector<float> h, nOut, mOut, cFinal, nFinal, mFinal;
    DeviceBuffer dNOut, dMOut;   // kept for the backward pass
    seqscope::Status status;
};

DeviceForward runForward(const HostProblem& p, int L, int tileWidth = 0) {
    DeviceForward out;
    const size_t bh = static_cast<size_t>(p.shape.batch) * p.shape.heads;
    const int S = p.shape.seqLen;
    MlstmForwardArgs a;
    a.config.dtype = p.dt;
    a.config.shape = p.shape;
    a.config.chunkSize = L;
    a.config.tileWidth = tileWidth;
    DeviceBuffer q = uploadTyped(p.dt, p.q), k = uploadTyped(p.dt, p.k), v = uploadTyped(p.dt, p.v);
    DeviceBuffer i = uploadFloats(p.i), f = uploadFloats(p.f);
    DeviceBuffer c0, n0, m0;
    if (!p.c0.empty()) {
        c0 = uploadFloats(p.c0);
        n0 = uploadFloats(p.n0);
        m0 = uploadFloats(p.m0);
    }
    DeviceBuffer h(bh * S * p.shape.dhv * dtypeBytes(p.dt));
    out.dNOut = DeviceBuffer(bh * S * 4);
    out.dMOut = DeviceBuffer(bh * S * 4);
    DeviceBuffer cF(bh * p.shape.dqk * p.shape.dhv * 4), nF(bh * p.shape.dqk * 4), mF(bh * 4);
    DeviceBuffer ws(mlstmForwardWorkspaceBytes(a.config));
    a.q = q.get();
    a.k = k.get();
    a.v = v.get();
    a.i = i.as<float>();
    a.f = f.as<float>();
    a.c0 = c0.as<float>();
    a.n0 = n0.as<float>();
    a.m0 = m0.as<float>();
    a.h = h.get();
    a.nOut = out.dNOut.as<float>();
    a.mOut = out.dMOut.as<float>();
    a.cFinal = cF.as<float>();
    a.nFinal = nF.as<float>();
    a.mFinal = mF.as<float>();
    a.workspace = ws.get();
    a.workspaceBytes = ws.bytes();
    out.status = mlstmChunkwiseForward(a);
    if (!out.status.isOk()) return out;
    CHECK_CUDA(cudaDeviceSynchronize());
    out.h = decode(p.dt, h.download());
    out.nOut = downloadFloats(out.dNOut);
    out.mOut = downloadFloats(out.dMOut);
    out.cFinal = downloadFloats(cF);
    out.nFinal = downloadFloats(nF);
    out.mFinal = downloadFloats(mF);
    return out;
}

struct DeviceGrads {
    std::vector<float> dq, dk, dv, di, df, dc0;
    seqscope::Status status;
};

DeviceGrads runBackward(const HostProblem& p, int L, int tileWidth, const DeviceForward& fw,
                        const std::vector<float>& dh, const std::vector<float>& dcFinal) {
    DeviceGrads out;
    const size_t bh = static_cast<size_t>(p.shape.batch) * p.shape.heads;
    const int S = p.shape.seqLen;
    MlstmBackwardArgs a;
    a.config.dtype = p.dt;
    a.config.shape = p.shape;
    a.config.chunkSize = L;
    a.config.tileWidth = tileWidth;
    DeviceBuffer q = uploadTyped(p.dt, p.q), k = uploadTyped(p.dt, p.k), v = uploadTyped(p.dt, p.v);
    DeviceBuffer i = uploadFloats(p.i), f = uploadFloats(p.f), ddh = uploadTyped(p.dt, dh);
    DeviceBuffer c0, m0, dcF;
    if (!p.c0.empty()) {
        c0 = uploadFloats(p.c0);
        m0 = uploadFloats(p.m0);
    }
    if (!dcFinal.empty()) dcF = uploadFloats(dcFinal);
    DeviceBuffer dq(bh * S * p.shape.dqk * dtypeBytes(p.dt)), dk(bh * S * p.shape.dqk * dtypeBytes(p.dt));
    DeviceBuffer dv(bh * S * p.shape.dhv * dtypeBytes(p.dt)), di(bh * S * 4), df(bh * S * 4);
    DeviceBuffer dc0(bh * p.shape.dqk * p.shape.dhv * 4);
    DeviceBuffer ws(mlstmBackwardWorkspaceBytes(a.config));
    a.q = q.get();
    a.k = k.get();
    a.v = v.get();
    a.i = i.as<float>();
    a.f = f.as<float>();
    a.c0 = c0.as<float>();
    a.m0 = m0.as<float>();
    a.dh = ddh.get();
    a.nOut = fw.dNOut.as<float>();
    a.mOut = fw.dMOut.as<float>();
    a.dcFinal = dcF.as<float>();
    a.dq = dq.get();
    a.dk = dk.get();
    a.dv = dv.get();
    a.di = di.as<float>();
    a.df = df.as<float>();
    a.dc0 = dc0.as<float>();
    a.workspace = ws.get();
    a.workspaceBytes = ws.bytes();
    out.status = mlstmChunkwiseBackward(a);
    if (!out.status.isOk()) return out;
    CHECK_CUDA(cudaDeviceSynchronize());
    out.dq = decode(p.dt, dq.download());
    out.dk = decode(p.dt, dk.download());
    out.dv = decode(p.dt, dv.download());
    out.di = downloadFloats(di);
    out.df = downloadFloats(df);
    out.dc0 = downloadFloats(dc0);
    return out;
}

std::string caseLabel(DType dt, const Case& c) {
    char buf[160];
    std::snprintf(buf, sizeof buf, "%s %s (B=%d NH=%d S=%d DHQK=%d DHHV=%d L=%d%s)", dtypeName(dt), c.name.c_str(), c.B,
                  c.NH, c.S, c.dqk, c.dhv, c.L, c.initState ? ", initial state" : "");
    return buf;
}

void checkWritten(Report& r, const std::string& label, const std::vector<std::pair<const char*, const std::vector<float>*>>& outs) {
    size_t bad = 0, total = 0;
    std::string which;
    for (const auto& [name, v] : outs) {
        const size_t n = countNonFinite(*v);
        total += v->size();
        if (n) {
            bad += n;
            which += std::string(" ") + name + "=" + std::to_string(n);
        }
    }
    r.line(bad == 0, label + " every element written and finite (" + std::to_string(total) + " checked)" +
                         (bad ? ";" + which : ""));
}

// Forward and backward against the float64 reference, once per output tile width of the parallel
// kernels (64 and 128: the automatic choice depends on the grid, so small problems would otherwise
// never run the wide tile).
void checkForwardBackward(Report& r, DType dt, const Case& c, std::mt19937_64& rng) {
    const HostProblem p = makeProblem(dt, c, rng);
    const RefProblem rp = refProblem(p);
    const RefForward ref = check::referenceForward(rp);
    const size_t bh = static_cast<size_t>(c.B) * c.NH;
    const std::vector<float> dh = rounded(dt, randn(rng, bh * c.S * c.dhv));
    const std::vector<float> dcFinal = c.initState ? randn(rng, bh * c.dqk * c.dhv, 0.1f) : std::vector<float>{};
    const RefGrads rg = check::referenceBackward(rp, ref, toDouble(dh), toDouble(dcFinal));
    const double tol = tolFor(dt);
    for (int tile : {64, 128}) {
        const std::string label = caseLabel(dt, c) + " tile " + std::to_string(tile);
        DeviceForward fw = runForward(p, c.L, tile);
        if (!fw.status.isOk()) {
            r.line(false, label + " forward: " + fw.status.message());
            continue;
        }
        checkWritten(r, label + " forward", {{"h", &fw.h}, {"nOut", &fw.nOut}, {"mOut", &fw.mOut}, {"C", &fw.cFinal},
                                             {"n", &fw.nFinal}, {"m", &fw.mFinal}});
        r.relErr(label + " forward h", relErr(fw.h, ref.h), tol);
        r.relErr(label + " final C", relErr(fw.cFinal, ref.cFinal), tol);
        r.relErr(label + " final n", relErr(fw.nFinal, ref.nFinal), tol);
        r.relErr(label + " final m", relErr(fw.mFinal, ref.mFinal), 1e-5);
        DeviceGrads gd = runBackward(p, c.L, tile, fw, dh, dcFinal);
        if (!gd.status.isOk()) {
            r.line(false, label + " backward: " + gd.status.message());
            continue;
        }
        checkWritten(r, label + " backward", {{"dq", &gd.dq}, {"dk", &gd.dk}, {"dv", &gd.dv}, {"di", &gd.di},
                                              {"df", &gd.df}, {"dC0", &gd.dc0}});
        r.relErr(label + " dq", relErr(gd.dq, rg.dq), tol);
        r.relErr(label + " dk", relErr(gd.dk, rg.dk), tol);
        r.relErr(label + " dv", relErr(gd.dv, rg.dv), tol);
        r.relErr(label + " di", relErr(gd.di, rg.di), tol);
        r.relErr(label + " df", relErr(gd.df, rg.df), tol);
        r.relErr(label + " dC0", relErr(gd.dc0, rg.dc0), tol);
    }
}

// One pass over [0, S) versus [0, split) then [split, S) with the state handed over.
void checkStatePassing(Report& r, DType dt, const Case& c, int split, std::mt19937_64& rng) {
    const std::string label = caseLabel(dt, c) + " state passing at " + std::to_string(split);
    const HostProblem p = makeProblem(dt, c, rng);
    const int bh = c.B * c.NH;
    DeviceForward whole = runForward(p, c.L);
    HostProblem a = p, b = p;
    a.shape.seqLen = split;
    b.shape.seqLen = c.S - split;
    auto cut = [&](HostProblem& dst, int t0, int t1) {
        dst.q = slicePositions(p.q, bh, c.S, c.dqk, t0, t1);
        dst.k = slicePositions(p.k, bh, c.S, c.dqk, t0, t1);
        dst.v = slicePositions(p.v, bh, c.S, c.dhv, t0, t1);
        dst.i = slicePositions(p.i, bh, c.S, 1, t0, t1);
        dst.f = slicePositions(p.f, bh, c.S, 1, t0, t1);
    };
    cut(a, 0, split);
    cut(b, split, c.S);
    DeviceForward first = runForward(a, c.L);
    if (!whole.status.isOk() || !first.status.isOk()) {
        r.line(false, label + ": " + whole.status.message() + first.status.message());
        return;
    }
    b.c0 = first.cFinal;
    b.n0 = first.nFinal;
    b.m0 = first.mFinal;
    DeviceForward second = runForward(b, c.L);
    if (!second.status.isOk()) {
        r.line(false, label + ": " + second.status.message());
        return;
    }
    std::vector<float> hJoined;
    for (int h = 0; h < bh; ++h) {
        hJoined.insert(hJoined.end(), first.h.begin() + static_cast<size_t>(h) * split * c.dhv,
                       first.h.begin() + static_cast<size_t>(h + 1) * split * c.dhv);
        hJoined.insert(hJoined.end(), second.h.begin() + static_cast<size_t>(h) * (c.S - split) * c.dhv,
                       second.h.begin() + static_cast<size_t>(h + 1) * (c.S - split) * c.dhv);
    }
    // fp32: both runs do the same float32 arithmetic in a different grouping; bf16/fp16: the entering
    // state is rounded to the operand dtype in one run and not the other
    const double tol = dt == DType::Float32 ? 1e-4 : 1e-2;
    r.relErr(label + " h", relErrF(hJoined, whole.h), tol);
    r.relErr(label + " final C", relErrF(second.cFinal, whole.cFinal), tol);
    r.relErr(label + " final n", relErrF(second.nFinal, whole.nFinal), tol);
    r.relErr(label + " final m", relErrF(second.mFinal, whole.mFinal), 1e-5);
}

// The decode step looped over S positions == the parallel form (same function, m_0 included).
void checkDecode(Report& r, DType dt, const Case& c, std::mt19937_64& rng) {
    const std::string label = caseLabel(dt, c) + " decode step x" + std::to_string(c.S);
    const HostProblem p = makeProblem(dt, c, rng);
    const RefForward ref = check::referenceForward(refProblem(p));
    const int bh = c.B * c.NH;
    const size_t cElems = static_cast<size_t>(bh) * c.dqk * c.dhv;
    std::vector<float> c0 = p.c0.empty() ? std::vector<float>(cElems, 0.f) : p.c0;
    std::vector<float> n0 = p.n0.empty() ? std::vector<float>(static_cast<size_t>(bh) * c.dqk, 0.f) : p.n0;
    std::vector<float> m0 = p.m0.empty() ? std::vector<float>(bh, 0.f) : p.m0;
    DeviceBuffer C = uploadFloats(c0);   // updated in place
    DeviceBuffer n[2] = {uploadFloats(n0), DeviceBuffer(n0.size() * 4)};
    DeviceBuffer m[2] = {uploadFloats(m0), DeviceBuffer(m0.size() * 4)};
    DeviceBuffer q(static_cast<size_t>(bh) * c.dqk * dtypeBytes(dt)), k(q.bytes()), v(static_cast<size_t>(bh) * c.dhv * dtypeBytes(dt));
    DeviceBuffer ig(bh * 4), fg(bh * 4), h(v.bytes());
    std::vector<float> hAll(static_cast<size_t>(bh) * c.S * c.dhv);
    for (int t = 0; t < c.S; ++t) {
        q.upload(encode(dt, slicePositions(p.q, bh, c.S, c.dqk, t, t + 1)).data());
        k.upload(encode(dt, slicePositions(p.k, bh, c.S, c.dqk, t, t + 1)).data());
        v.upload(encode(dt, slicePositions(p.v, bh, c.S, c.dhv, t, t + 1)).data());
        ig.upload(slicePositions(p.i, bh, c.S, 1, t, t + 1).data());
        fg.upload(slicePositions(p.f, bh, c.S, 1, t, t + 1).data());
        h.poison();
        MlstmStepArgs a;
        a.dtype = dt;
        a.batch = c.B;
        a.heads = c.NH;
        a.dqk = c.dqk;
        a.dhv = c.dhv;
        a.q = q.get();
        a.k = k.get();
        a.v = v.get();
        a.i = ig.as<float>();
        a.f = fg.as<float>();
        a.cIn = C.as<float>();
        a.cOut = C.as<float>();
        a.nIn = n[t % 2].as<float>();
        a.nOut = n[(t + 1) % 2].as<float>();
        a.mIn = m[t % 2].as<float>();
        a.mOut = m[(t + 1) % 2].as<float>();
        a.h = h.get();
        const seqscope::Status s = mlstmDecodeStep(a);
        if (!s.isOk()) {
            r.line(false, label + ": " + s.message());
            return;
        }
        const std::vector<float> ht = decode(dt, h.download());
        for (int b = 0; b < bh; ++b)
            std::copy(ht.begin() + static_cast<size_t>(b) * c.dhv, ht.begin() + static_cast<size_t>(b + 1) * c.dhv,
                      hAll.begin() + (static_cast<size_t>(b) * c.S + t) * c.dhv);
    }
    const double tol = tolFor(dt);
    checkWritten(r, label, {{"h", &hAll}});
    r.relErr(label + " h", relErr(hAll, ref.h), tol);
    r.relErr(label + " final C", relErr(downloadFloats(C), ref.cFinal), tol);
    r.relErr(label + " final n", relErr(downloadFloats(n[c.S % 2]), ref.nFinal), tol);
    r.relErr(label + " final m", relErr(downloadFloats(m[c.S % 2]), ref.mFinal), 1e-5);
}

// Argument validation: needs no device.
void checkValidation(Report& r) {
    MlstmChunkwiseConfig c;
    c.shape = {1, 2, 100, 64, 64};
    std::string error;
    c.chunkSize = 48;
    bool ok = !c.isValid(&error) && error.find("48") != std::string::npos;
    r.line(ok, "chunk 48 refused: " + error);
    c.chunkSize = 64;
    c.shape.dqk = 40;
    ok = !c.isValid(&error) && error.find("DHQK=40") != std::string::npos;
    r.line(ok, "DHQK 40 refused: " + error);
    c.shape.dqk = 64;
    r.line(c.isValid(&error), "B=1 NH=2 S=100 DH=64 L=64 accepted");
    MlstmForwardArgs a;
    a.config = c;
    const seqscope::Status s = mlstmChunkwiseForward(a);
    r.line(s.code() == seqscope::StatusCode::InvalidArgument && s.message().find("required") != std::string::npos,
           "forward without pointers refused: " + s.message());
}

// --- timing (no baselines; bench/mlstm_kernels has those) ------------------------------------------------
void timeKernels() {
    const int tokens = 65536, NH = 16, dqk = 128, dhv = 256, L = 128;
    std::printf("\n| S | B | fwd ms | fwd+bwd ms |\n|---|---|---|---|\n");
    DeviceBuffer flush(256u << 20);
    for (int S : {2048, 8192, 65536}) {
        const int B = tokens / S;
        MlstmChunkwiseConfig cfg;
        cfg.dtype = DType::BFloat16;
        cfg.shape = {B, NH, S, dqk, dhv};
        cfg.chunkSize = L;
        const size_t bh = static_cast<size_t>(B) * NH;
        std::mt19937_64 rng(1);
        auto mk = [&](size_t n) { return uploadTyped(DType::BFloat16, randn(rng, n)); };
        DeviceBuffer q = mk(bh * S * dqk), k = mk(bh * S * dqk), v = mk(bh * S * dhv), dh = mk(bh * S * dhv);
        DeviceBuffer i = uploadFloats(randn(rng, bh * S)), f = uploadFloats(randn(rng, bh * S, 1.f, 3.f));
        DeviceBuffer h(bh * S * dhv * 2), nO(bh * S * 4), mO(bh * S * 4), dq(bh * S * dqk * 2), dk(dq.bytes()),
            dv(h.bytes()), di(bh * S * 4), df(bh * S * 4);
        DeviceBuffer ws(std::max(mlstmForwardWorkspaceBytes(cfg), mlstmBackwardWorkspaceBytes(cfg)));
        MlstmForwardArgs fa;
        fa.config = cfg;
        fa.q = q.get(); fa.k = k.get(); fa.v = v.get(); fa.i = i.as<float>(); fa.f = f.as<float>();
        fa.h = h.get(); fa.nOut = nO.as<float>(); fa.mOut = mO.as<float>();
        fa.workspace = ws.get(); fa.workspaceBytes = ws.bytes();
        MlstmBackwardArgs ba;
        ba.config = cfg;
        ba.q = q.get(); ba.k = k.get(); ba.v = v.get(); ba.i = i.as<float>(); ba.f = f.as<float>();
        ba.dh = dh.get(); ba.nOut = nO.as<float>(); ba.mOut = mO.as<float>();
        ba.dq = dq.get(); ba.dk = dk.get(); ba.dv = dv.get(); ba.di = di.as<float>(); ba.df = df.as<float>();
        ba.workspace = ws.get(); ba.workspaceBytes = ws.bytes();
        cudaEvent_t e0, e1;
        CHECK_CUDA(cudaEventCreate(&e0));
        CHECK_CUDA(cudaEventCreate(&e1));
        auto median = [&](bool withBwd) {
            std::vector<float> ms;
            for (int rep = 0; rep < 13; ++rep) {
                CHECK_CUDA(cudaMemsetAsync(flush.get(), rep, flush.bytes()));
                CHECK_CUDA(cudaEventRecord(e0));
                seqscope::Status s = mlstmChunkwiseForward(fa);
                if (s.isOk() && withBwd) s = mlstmChunkwiseBackward(ba);
                if (!s.isOk()) {
                    std::printf("FAIL: timing: %s\n", s.message().c_str());
                    return -1.f;
                }
                CHECK_CUDA(cudaEventRecord(e1));
                CHECK_CUDA(cudaEventSynchronize(e1));
                float t = 0;
                CHECK_CUDA(cudaEventElapsedTime(&t, e0, e1));
                if (rep >= 3) ms.push_back(t);   // 3 warm-up repetitions
            }
            std::sort(ms.begin(), ms.end());
            return ms[ms.size() / 2];
        };
        const float fwd = median(false), fwbw = median(true);
        std::printf("| %d | %d | %.3f | %.3f |\n", S, B, fwd, fwbw);
        cudaEventDestroy(e0);
        cudaEventDestroy(e1);
    }
}

}  // namespace

int main(int argc, char** argv) {
    bool small = false, timing = false;
    std::uint64_t seed = std::random_device{}() ^ (static_cast<std::uint64_t>(
                                                       std::chrono::steady_clock::now().time_since_epoch().count())
                                                   << 1);
    for (int a = 1; a < argc; ++a) {
        const std::string arg = argv[a];
        if (arg == "--small") small = true;
        else if (arg == "--time") timing = true;
        else if (arg == "--seed" && a + 1 < argc) seed = std::strtoull(argv[++a], nullptr, 10);
        else {
            std::fprintf(stderr, "usage: kernels_check [--small] [--time] [--seed N]\n");
            return 2;
        }
    }
    Report report;
    checkValidation(report);
    int devices = 0;
    if (cudaGetDeviceCount(&devices) != cudaSuccess || devices == 0) {
        (void)cudaGetLastError();
        std::printf("SKIP: no CUDA device (%d host-side checks passed, %d failed)\n", report.passed, report.failed);
        return report.failed ? 1 : 0;
    }
    cudaDeviceProp prop{};
    CHECK_CUDA(cudaGetDeviceProperties(&prop, 0));
    std::printf("device: %s (sm_%d%d, %d SMs), seed %llu\n", prop.name, prop.major, prop.minor,
                prop.multiProcessorCount, static_cast<unsigned long long>(seed));
    std::mt19937_64 rng(seed);

    const std::vector<Case> smallCases = {
        {"S<L", 1, 1, 37, 16, 32, 64, false, 0.f},
        {"partial tiles", 2, 2, 200, 64, 96, 64, true, 0.f},
    };
    const std::vector<Case> fullCases = {
        {"S<L", 1, 1, 37, 16, 32, 64, false, 0.f},
        {"partial tiles", 2, 2, 200, 64, 96, 64, true, 0.f},
        {"bench dims", 1, 2, 320, 128, 256, 128, false, 3.f},
        {"long L", 1, 2, 300, 64, 64, 256, true, 3.f},
        {"wide heads", 1, 1, 200, 256, 512, 128, true, 0.f},
    };
    for (DType dt : {DType::Float32, DType::BFloat16, DType::Float16}) {
        if (small && dt == DType::Float16) continue;
        for (const Case& c : small ? smallCases : fullCases) {
            MlstmChunkwiseConfig cfg;
            cfg.dtype = dt;
            cfg.shape = {c.B, c.NH, c.S, c.dqk, c.dhv};
            cfg.chunkSize = c.L;
            if (const seqscope::Status s = mlstmKernelsSupport(cfg); !s.isOk()) {
                std::printf("SKIP: %s: %s\n", caseLabel(dt, c).c_str(), s.message().c_str());
                continue;
            }
            checkForwardBackward(report, dt, c, rng);
        }
        checkStatePassing(report, dt, {"split", 2, 2, small ? 150 : 300, 32, 64, 64, true, 2.f}, small ? 70 : 100, rng);
        checkDecode(report, dt, {"decode", 2, 2, small ? 12 : 40, 64, 128, 64, true, 1.f}, rng);
    }
    if (timing) timeKernels();
    std::printf("%s: %d passed, %d failed\n", report.failed ? "FAIL" : "PASS", report.passed, report.failed);
    return report.failed ? 1 : 0;
}
