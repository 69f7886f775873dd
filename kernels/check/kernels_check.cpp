// SPDX-License-Identifier: MIT
// kernels_check: GPU verification of the CUDA mLSTM kernels without Qt or LibTorch.
// (One program on purpose: it is the whole GPU check list that runs on the Qt-less GPU host in one
// device call; the float64 reference lives in mlstm_reference.cpp, host problems and the reference
// gradients of a backward check in check_problems.cpp, PASS/FAIL lines in check_report.cpp.)
//   kernels_check            full suite (fp32, bf16, fp16; several shapes)
//   kernels_check --small    a few small cases (for compute-sanitizer memcheck)
//   kernels_check --time     also time forward and forward+backward at 65,536 tokens (no baselines)
//   kernels_check --seed N   reproduce a run (the seed is printed; fresh by default)
// Checks, each printed as a PASS/FAIL line with its max abs and relative error ||x - ref|| / ||ref||:
// forward (h, final C, n, m) against the float64 parallel-form reference (mlstm_reference.h) on fresh
// random inputs, under 1e-3 (fp32) or 1e-2 (bf16, fp16); backward (dq, dk, dv, di, df, dC0) against
// the reference's exact gradient of the LayerNorm loss of the official tests, under that tolerance
// plus the measured error of the kernels' "n, m constant" shortcut, which one line per case states
// and bounds; outputs and workspace are filled with NaN before every run and every output element
// must be written; lengths that are not multiples of the chunk; state passing (two segments == one
// pass); the decode step looped over a sequence == the parallel form. Exit status 1 on any failure;
// "SKIP: no CUDA device" and 0 without a device (argument validation, which needs no device, still
// runs).
#include <cuda_runtime.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "check/check_problems.h"
#include "check/check_report.h"
#include "check/mlstm_reference.h"
#include "mlstm_kernels.h"

namespace {

using namespace seqscope::kernels;
using namespace seqscope::kernels::check;

#define CHECK_CUDA(expr)                                                                           \
    do {                                                                                           \
        const cudaError_t e_ = (expr);                                                             \
        if (e_ != cudaSuccess) {                                                                   \
            std::fprintf(stderr, "%s:%d: %s failed: %s\n", __FILE__, __LINE__, #expr, cudaGetErrorString(e_)); \
            std::exit(1);                                                                          \
        }                                                                                          \
    } while (0)

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

double tolFor(DType dt) { return dt == DType::Float32 ? 1e-3 : 1e-2; }

// Bound on the shortcut's relative error against the exact gradient of the LayerNorm loss: the
// LayerNorm's eps leak eps_LN / var(h_t) (up to ~1e-3 where long memory averages h to a small
// variance) plus the radial part that rounding dh to the operand dtype adds (~ its unit roundoff).
// Measured on the full suite's cases (CPU, seeds 1-6): fp32 <= 8.1e-4, fp16 <= 1.1e-3, bf16 <= 4.6e-3.
double shortcutBound(DType dt) { return dt == DType::Float32 ? 2e-3 : dt == DType::Float16 ? 3e-3 : 1e-2; }

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

// Forward and backward against the float64 reference, once per output tile width of the parallel
// kernels (64 and 128: the automatic choice depends on the grid, so small problems would otherwise
// never run the wide tile). The backward is checked against the exact gradient; the kernels compute
// the shortcut, so each gradient's tolerance is the numerical one plus the shortcut's measured error
// (stated and bounded once per case).
void checkForwardBackward(Report& r, DType dt, const Case& c, std::mt19937_64& rng) {
    const HostProblem p = makeProblem(dt, c, rng);
    const RefProblem rp = refProblem(p);
    const RefForward ref = referenceForward(rp);
    const BackwardReference br = backwardReference(p, rp, ref, rng);
    shortcutError(r, caseLabel(dt, c), br.shortcut, br.exact, shortcutBound(dt));
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
        r.relErr(label + " forward h", errors(fw.h, ref.h), tol);
        r.relErr(label + " final C", errors(fw.cFinal, ref.cFinal), tol);
        r.relErr(label + " final n", errors(fw.nFinal, ref.nFinal), tol);
        r.relErr(label + " final m", errors(fw.mFinal, ref.mFinal), 1e-5);
        DeviceGrads gd = runBackward(p, c.L, tile, fw, br.dh, br.dcFinal);
        if (!gd.status.isOk()) {
            r.line(false, label + " backward: " + gd.status.message());
            continue;
        }
        checkWritten(r, label + " backward", {{"dq", &gd.dq}, {"dk", &gd.dk}, {"dv", &gd.dv}, {"di", &gd.di},
                                              {"df", &gd.df}, {"dC0", &gd.dc0}});
        auto againstExact = [&](const char* name, const std::vector<float>& got, std::vector<double> RefGrads::*grad) {
            const double shortcutRel = errorStats(br.shortcut.*grad, br.exact.*grad).rel;
            r.relErr(label + " " + name + " vs exact", errors(got, br.exact.*grad), tol + shortcutRel);
        };
        againstExact("dq", gd.dq, &RefGrads::dq);
        againstExact("dk", gd.dk, &RefGrads::dk);
        againstExact("dv", gd.dv, &RefGrads::dv);
        againstExact("di", gd.di, &RefGrads::di);
        againstExact("df", gd.df, &RefGrads::df);
        againstExact("dC0", gd.dc0, &RefGrads::dc0);
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
    r.relErr(label + " h", errors(hJoined, whole.h), tol);
    r.relErr(label + " final C", errors(second.cFinal, whole.cFinal), tol);
    r.relErr(label + " final n", errors(second.nFinal, whole.nFinal), tol);
    r.relErr(label + " final m", errors(second.mFinal, whole.mFinal), 1e-5);
}

// The decode step looped over S positions == the parallel form (same function, m_0 included).
void checkDecode(Report& r, DType dt, const Case& c, std::mt19937_64& rng) {
    const std::string label = caseLabel(dt, c) + " decode step x" + std::to_string(c.S);
    const HostProblem p = makeProblem(dt, c, rng);
    const RefForward ref = referenceForward(refProblem(p));
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
    r.relErr(label + " h", errors(hAll, ref.h), tol);
    r.relErr(label + " final C", errors(downloadFloats(C), ref.cFinal), tol);
    r.relErr(label + " final n", errors(downloadFloats(n[c.S % 2]), ref.nFinal), tol);
    r.relErr(label + " final m", errors(downloadFloats(m[c.S % 2]), ref.mFinal), 1e-5);
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
