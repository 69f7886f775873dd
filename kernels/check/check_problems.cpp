// SPDX-License-Identifier: MIT
#include "check/check_problems.h"

#include <cuda_bf16.h>
#include <cuda_fp16.h>

#include <cstdio>
#include <cstring>

namespace seqscope::kernels::check {

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

std::string caseLabel(DType dt, const Case& c) {
    char buf[160];
    std::snprintf(buf, sizeof buf, "%s %s (B=%d NH=%d S=%d DHQK=%d DHHV=%d L=%d%s)", dtypeName(dt), c.name.c_str(), c.B,
                  c.NH, c.S, c.dqk, c.dhv, c.L, c.initState ? ", initial state" : "");
    return buf;
}

std::vector<float> randn(std::mt19937_64& rng, size_t n, float scale, float shift) {
    std::normal_distribution<float> d(0.f, 1.f);
    std::vector<float> x(n);
    for (auto& e : x) e = shift + scale * d(rng);
    return x;
}

std::vector<float> rounded(DType dt, std::vector<float> x) {
    for (auto& e : x) e = roundTo(dt, e);
    return x;
}

std::vector<double> toDouble(const std::vector<float>& x) { return {x.begin(), x.end()}; }

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

std::vector<float> slicePositions(const std::vector<float>& x, int bh, int S, int D, int t0, int t1) {
    std::vector<float> out;
    out.reserve(static_cast<size_t>(bh) * (t1 - t0) * D);
    for (int b = 0; b < bh; ++b)
        out.insert(out.end(), x.begin() + (static_cast<size_t>(b) * S + t0) * D, x.begin() + (static_cast<size_t>(b) * S + t1) * D);
    return out;
}

BackwardReference backwardReference(const HostProblem& p, const RefProblem& rp, const RefForward& ref,
                                    std::mt19937_64& rng) {
    BackwardReference out;
    const std::vector<double> offset = toDouble(randn(rng, ref.h.size()));
    const LayerNormLoss loss = layerNormLoss(ref.h, rp.dhv, offset);
    out.dh = rounded(p.dt, std::vector<float>(loss.dh.begin(), loss.dh.end()));
    if (!p.c0.empty()) out.dcFinal = randn(rng, static_cast<size_t>(rp.bh) * rp.dqk * rp.dhv, 0.1f);
    const std::vector<double> dh = toDouble(out.dh), dcFinal = toDouble(out.dcFinal);
    out.exact = referenceBackwardExact(rp, ref, dh, dcFinal, scaleConsistentDmFinal(rp, ref, dcFinal));
    out.shortcut = referenceBackward(rp, ref, dh, dcFinal);
    return out;
}

}  // namespace seqscope::kernels::check
