// SPDX-License-Identifier: MIT
// Float64 parallel-form reference (see mlstm_reference.h). Notation per head: F_t = sum_{r<=t} log
// sigmoid(f_r); logD_tj = F_t - F_j + i_j (j <= t); the initial state acts as a key before position 0
// with log weight F_t + m_0; m_t = max over all of them; W = exp(logD - m). float64 makes the
// cumsum difference harmless (the stablef construction matters in float32 only).
#include "mlstm_reference.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace seqscope::kernels::check {

namespace {

double logSigmoid(double x) { return std::min(x, 0.0) - std::log1p(std::exp(-std::fabs(x))); }

double dot(const double* a, const double* b, int n) {
    double s = 0;
    for (int e = 0; e < n; ++e) s += a[e] * b[e];
    return s;
}

struct Head {
    const RefProblem& p;
    int b;
    std::vector<double> F;   // F_t
    double m0 = 0;
    const double* c0 = nullptr;
    const double* n0 = nullptr;
    Head(const RefProblem& prob, int bh) : p(prob), b(bh), F(prob.S) {
        double run = 0;
        for (int t = 0; t < p.S; ++t) {
            run += logSigmoid(p.f[static_cast<size_t>(b) * p.S + t]);
            F[t] = run;
        }
        m0 = p.m0.empty() ? 0.0 : p.m0[b];
        if (!p.c0.empty()) c0 = p.c0.data() + static_cast<size_t>(b) * p.dqk * p.dhv;
        if (!p.n0.empty()) n0 = p.n0.data() + static_cast<size_t>(b) * p.dqk;
    }
    const double* q(int t) const { return p.q.data() + (static_cast<size_t>(b) * p.S + t) * p.dqk; }
    const double* k(int t) const { return p.k.data() + (static_cast<size_t>(b) * p.S + t) * p.dqk; }
    const double* v(int t) const { return p.v.data() + (static_cast<size_t>(b) * p.S + t) * p.dhv; }
    double ig(int t) const { return p.i[static_cast<size_t>(b) * p.S + t]; }
    double logD(int t, int j) const { return F[t] - F[j] + ig(j); }
    // max over keys j <= t and the initial-state term
    double rowMax(int t) const {
        double m = F[t] + m0;
        for (int j = 0; j <= t; ++j) m = std::max(m, logD(t, j));
        return m;
    }
    // the key rowMax picks (the first maximal one): -1 for the initial-state key
    int rowArgMax(int t) const {
        int arg = -1;
        double m = F[t] + m0;
        for (int j = 0; j <= t; ++j)
            if (logD(t, j) > m) {
                m = logD(t, j);
                arg = j;
            }
        return arg;
    }
};

}  // namespace

RefForward referenceForward(const RefProblem& p) {
    RefForward out;
    const size_t bh = static_cast<size_t>(p.bh);
    out.h.assign(bh * p.S * p.dhv, 0.0);
    out.nOut.assign(bh * p.S, 0.0);
    out.mOut.assign(bh * p.S, 0.0);
    out.cFinal.assign(bh * p.dqk * p.dhv, 0.0);
    out.nFinal.assign(bh * p.dqk, 0.0);
    out.mFinal.assign(bh, 0.0);
    const double s = 1.0 / std::sqrt(static_cast<double>(p.dqk));
    std::vector<double> num(p.dhv);
    for (int b = 0; b < p.bh; ++b) {
        const Head hd(p, b);
        for (int t = 0; t < p.S; ++t) {
            const double m = hd.rowMax(t);
            const double w0 = std::exp(hd.F[t] + hd.m0 - m);
            std::fill(num.begin(), num.end(), 0.0);
            double den = 0;
            if (hd.c0) {
                for (int a = 0; a < p.dqk; ++a) {
                    const double qa = hd.q(t)[a] * w0;
                    for (int e = 0; e < p.dhv; ++e) num[e] += qa * hd.c0[static_cast<size_t>(a) * p.dhv + e];
                }
            }
            if (hd.n0) den += w0 * dot(hd.q(t), hd.n0, p.dqk);
            for (int j = 0; j <= t; ++j) {
                const double c = dot(hd.q(t), hd.k(j), p.dqk) * std::exp(hd.logD(t, j) - m);
                den += c;
                const double* vj = hd.v(j);
                for (int e = 0; e < p.dhv; ++e) num[e] += c * vj[e];
            }
            const double nOut = std::max(std::fabs(s * den), std::exp(-m));
            for (int e = 0; e < p.dhv; ++e)
                out.h[(static_cast<size_t>(b) * p.S + t) * p.dhv + e] = s * num[e] / (nOut + p.eps);
            out.nOut[static_cast<size_t>(b) * p.S + t] = nOut;
            out.mOut[static_cast<size_t>(b) * p.S + t] = m;
        }
        // final state after position S-1
        const int last = p.S - 1;
        double mS = hd.F[last] + hd.m0;
        for (int j = 0; j < p.S; ++j) mS = std::max(mS, hd.logD(last, j));
        out.mFinal[b] = mS;
        double* C = out.cFinal.data() + static_cast<size_t>(b) * p.dqk * p.dhv;
        double* n = out.nFinal.data() + static_cast<size_t>(b) * p.dqk;
        const double w0 = std::exp(hd.F[last] + hd.m0 - mS);
        for (int a = 0; a < p.dqk; ++a) {
            n[a] = hd.n0 ? w0 * hd.n0[a] : 0.0;
            for (int e = 0; e < p.dhv; ++e) C[static_cast<size_t>(a) * p.dhv + e] = hd.c0 ? w0 * hd.c0[static_cast<size_t>(a) * p.dhv + e] : 0.0;
        }
        for (int j = 0; j < p.S; ++j) {
            const double w = std::exp(hd.logD(last, j) - mS);
            const double* kj = hd.k(j);
            const double* vj = hd.v(j);
            for (int a = 0; a < p.dqk; ++a) {
                n[a] += w * kj[a];
                const double wk = w * kj[a];
                for (int e = 0; e < p.dhv; ++e) C[static_cast<size_t>(a) * p.dhv + e] += wk * vj[e];
            }
        }
    }
    return out;
}

RefGrads referenceBackward(const RefProblem& p, const RefForward& fw, const std::vector<double>& dh,
                           const std::vector<double>& dcFinal) {
    RefGrads g;
    const size_t bh = static_cast<size_t>(p.bh);
    g.dq.assign(bh * p.S * p.dqk, 0.0);
    g.dk.assign(bh * p.S * p.dqk, 0.0);
    g.dv.assign(bh * p.S * p.dhv, 0.0);
    g.di.assign(bh * p.S, 0.0);
    g.df.assign(bh * p.S, 0.0);
    g.dc0.assign(bh * p.dqk * p.dhv, 0.0);
    const double s = 1.0 / std::sqrt(static_cast<double>(p.dqk));
    std::vector<double> delta(static_cast<size_t>(p.S) * p.dhv), G(static_cast<size_t>(p.S) * p.S), G0(p.S),
        GF(p.S), c0delta(p.dqk);
    for (int b = 0; b < p.bh; ++b) {
        const Head hd(p, b);
        const size_t rb = static_cast<size_t>(b) * p.S;
        for (int t = 0; t < p.S; ++t)
            for (int e = 0; e < p.dhv; ++e)
                delta[static_cast<size_t>(t) * p.dhv + e] = dh[(rb + t) * p.dhv + e] / (fw.nOut[rb + t] + p.eps);
        double* dq = g.dq.data() + rb * p.dqk;
        double* dk = g.dk.data() + rb * p.dqk;
        double* dv = g.dv.data() + rb * p.dhv;
        double* dC0 = g.dc0.data() + static_cast<size_t>(b) * p.dqk * p.dhv;
        std::fill(G.begin(), G.end(), 0.0);
        // pairs (t, j <= t) and the initial-state key
        for (int t = 0; t < p.S; ++t) {
            const double m = fw.mOut[rb + t];
            const double* dt = delta.data() + static_cast<size_t>(t) * p.dhv;
            const double w0 = std::exp(hd.F[t] + hd.m0 - m);
            G0[t] = 0;
            if (hd.c0) {
                for (int a = 0; a < p.dqk; ++a) c0delta[a] = dot(hd.c0 + static_cast<size_t>(a) * p.dhv, dt, p.dhv);
                for (int a = 0; a < p.dqk; ++a) dq[static_cast<size_t>(t) * p.dqk + a] += s * w0 * c0delta[a];
                G0[t] = s * w0 * dot(hd.q(t), c0delta.data(), p.dqk);
            }
            for (int a = 0; a < p.dqk; ++a) {
                const double sq = s * w0 * hd.q(t)[a];
                for (int e = 0; e < p.dhv; ++e) dC0[static_cast<size_t>(a) * p.dhv + e] += sq * dt[e];
            }
            for (int j = 0; j <= t; ++j) {
                const double W = std::exp(hd.logD(t, j) - m);
                const double dv_ = dot(dt, hd.v(j), p.dhv);     // delta_t . v_j
                const double qk = dot(hd.q(t), hd.k(j), p.dqk);  // q_t . k_j
                const double* qt = hd.q(t);
                const double* kj = hd.k(j);
                for (int a = 0; a < p.dqk; ++a) {
                    dq[static_cast<size_t>(t) * p.dqk + a] += s * W * dv_ * kj[a];
                    dk[static_cast<size_t>(j) * p.dqk + a] += s * W * dv_ * qt[a];
                }
                for (int e = 0; e < p.dhv; ++e) dv[static_cast<size_t>(j) * p.dhv + e] += s * W * qk * dt[e];
                G[static_cast<size_t>(t) * p.S + j] = s * qk * W * dv_;
            }
        }
        // final-state gradient: C_S = w0F C0 + sum_j wF_j k_j v_j^T
        const int last = p.S - 1;
        const double mS = fw.mFinal[b];
        double GF0 = 0;
        std::fill(GF.begin(), GF.end(), 0.0);
        if (!dcFinal.empty()) {
            const double* dC = dcFinal.data() + static_cast<size_t>(b) * p.dqk * p.dhv;
            const double w0F = std::exp(hd.F[last] + hd.m0 - mS);
            for (size_t e = 0; e < static_cast<size_t>(p.dqk) * p.dhv; ++e) {
                dC0[e] += w0F * dC[e];
                if (hd.c0) GF0 += w0F * dC[e] * hd.c0[e];
            }
            std::vector<double> dCv(p.dqk), dCTk(p.dhv);
            for (int j = 0; j < p.S; ++j) {
                const double wF = std::exp(hd.logD(last, j) - mS);
                const double* kj = hd.k(j);
                const double* vj = hd.v(j);
                for (int a = 0; a < p.dqk; ++a) dCv[a] = dot(dC + static_cast<size_t>(a) * p.dhv, vj, p.dhv);
                std::fill(dCTk.begin(), dCTk.end(), 0.0);
                for (int a = 0; a < p.dqk; ++a)
                    for (int e = 0; e < p.dhv; ++e) dCTk[e] += dC[static_cast<size_t>(a) * p.dhv + e] * kj[a];
                for (int a = 0; a < p.dqk; ++a) dk[static_cast<size_t>(j) * p.dqk + a] += wF * dCv[a];
                for (int e = 0; e < p.dhv; ++e) dv[static_cast<size_t>(j) * p.dhv + e] += wF * dCTk[e];
                GF[j] = wF * dot(kj, dCv.data(), p.dqk);
            }
        }
        // gate gradients straight from the pair terms: d i_j collects every pair with key j; d logF_r
        // collects every pair (t, j) with j < r <= t, plus the initial-state key and the final state
        for (int j = 0; j < p.S; ++j) {
            double acc = GF[j];
            for (int t = j; t < p.S; ++t) acc += G[static_cast<size_t>(t) * p.S + j];
            g.di[rb + j] = acc;
        }
        std::vector<double> dlf(p.S, 0.0);
        for (int t = 0; t < p.S; ++t) {
            double pre = G0[t];   // sum over keys before r, the initial-state key included
            for (int r = 0; r <= t; ++r) {
                dlf[r] += pre;
                pre += G[static_cast<size_t>(t) * p.S + r];
            }
        }
        double pre = GF0;
        for (int r = 0; r < p.S; ++r) {
            dlf[r] += pre;
            pre += GF[r];
        }
        for (int r = 0; r < p.S; ++r) {
            const double fr = p.f[rb + r];
            g.df[rb + r] = dlf[r] / (1.0 + std::exp(fr));
        }
    }
    return g;
}

// --- exact backward ------------------------------------------------------------------------------------
// Forward of one row t, keys j = 0..t plus the initial-state key "0'" (c_tj = q_t.k_j):
//   l_tj = F_t - F_j + i_j,  l_t0' = F_t + m_0,  m_t = max over all keys of l
//   W_tj = exp(l_tj - m_t),  w_t = exp(l_t0' - m_t)
//   num_t = w_t C_0^T q_t + sum_j W_tj c_tj v_j,   den_t = w_t q_t.n_0 + sum_j W_tj c_tj
//   nOut_t = max(|s den_t|, exp(-m_t)),  Z_t = nOut_t + eps,  h_t = s num_t / Z_t
// Reverse mode with g_t = dL/dh_t:
//   dnum_t = s g_t / Z_t,   dZ_t = -(g_t.h_t) / Z_t
//   |s den| wins: dden_t = s sign(den_t) dZ_t;   exp(-m) wins: dm_t = -exp(-m_t) dZ_t
//   u_tj = dnum_t.v_j + dden_t:  dq_t += W u k_j,  dk_j += W u q_t,  dv_j += W c dnum_t,  dl_tj = W c u
//   init key: dq_t += w (C_0 dnum_t + dden_t n_0),  dC_0 += w q_t dnum_t^T,  dn_0 += w dden_t q_t,
//             dl_t0' = w (dnum_t.C_0^T q_t + dden_t q_t.n_0)
//   W and w hold exp(-m_t): dm_t -= sum over keys of dl; the max hands dm_t to its argmax logit.
// The shortcut keeps only dnum (dZ = dm = 0). With dnum.num = g_t.h_t and sum over keys of dl =
// dnum.num + dden den, what it drops is dden = s sign(den) dZ and a net dm_t = -(g_t.h_t) eps / Z_t
// (either branch): both vanish when g_t.h_t = 0, i.e. for a loss invariant to scaling h_t.
// The final state is row S-1 again, C_S = w C_0 + sum_j W_j k_j v_j^T with its own max m_S:
//   dW_j = k_j^T dC v_j,  dw = <dC, C_0>,  dm_S = dmFinal - sum over keys of dl (to the argmax logit);
//   dm_S = 0 exactly when dmFinal = <dC, C_S> (scaleConsistentDmFinal).
// Logits to gates: dl_tj -> d i_j and d lf_r for j < r <= t; dl_t0' -> d m_0 and d lf_r for r <= t;
// df_r = d lf_r sigmoid(-f_r).
RefGrads referenceBackwardExact(const RefProblem& p, const RefForward& fw, const std::vector<double>& dh,
                                const std::vector<double>& dcFinal, const std::vector<double>& dmFinal) {
    RefGrads g;
    const size_t bh = static_cast<size_t>(p.bh);
    const size_t dqk = static_cast<size_t>(p.dqk), dhv = static_cast<size_t>(p.dhv);
    g.dq.assign(bh * p.S * dqk, 0.0);
    g.dk.assign(bh * p.S * dqk, 0.0);
    g.dv.assign(bh * p.S * dhv, 0.0);
    g.di.assign(bh * p.S, 0.0);
    g.df.assign(bh * p.S, 0.0);
    g.dc0.assign(bh * dqk * dhv, 0.0);
    g.dn0.assign(bh * dqk, 0.0);
    g.dm0.assign(bh, 0.0);
    const double s = 1.0 / std::sqrt(static_cast<double>(p.dqk));
    std::vector<double> dnum(dhv), c0dnum(dqk), dl(p.S), dlf(p.S), dCv(dqk), dCTk(dhv);
    for (int b = 0; b < p.bh; ++b) {
        const Head hd(p, b);
        const size_t rb = static_cast<size_t>(b) * p.S;
        double* dq = g.dq.data() + rb * dqk;
        double* dk = g.dk.data() + rb * dqk;
        double* dv = g.dv.data() + rb * dhv;
        double* dC0 = g.dc0.data() + b * dqk * dhv;
        double* dn0 = g.dn0.data() + b * dqk;
        std::fill(dlf.begin(), dlf.end(), 0.0);
        // hands the logit gradients of a row (keys 0..t in dl, the initial-state key in dlInit) to the gates
        auto toGates = [&](int t, double dlInit) {
            double before = dlInit;   // keys j < r, the initial-state key included
            for (int r = 0; r <= t; ++r) {
                dlf[r] += before;
                before += dl[r];
                g.di[rb + r] += dl[r];
            }
            g.dm0[b] += dlInit;
        };
        for (int t = 0; t < p.S; ++t) {
            const double m = fw.mOut[rb + t];
            const double w = std::exp(hd.F[t] + hd.m0 - m);
            const double* qt = hd.q(t);
            const double* gt = dh.data() + (rb + t) * dhv;
            const double Z = fw.nOut[rb + t] + p.eps;
            for (size_t e = 0; e < dhv; ++e) dnum[e] = s * gt[e] / Z;
            const double dZ = -dot(gt, fw.h.data() + (rb + t) * dhv, p.dhv) / Z;
            double den = hd.n0 ? w * dot(qt, hd.n0, p.dqk) : 0.0;
            for (int j = 0; j <= t; ++j) den += std::exp(hd.logD(t, j) - m) * dot(qt, hd.k(j), p.dqk);
            double dden = 0, dm = 0;
            if (std::fabs(s * den) >= std::exp(-m)) dden = s * (den < 0 ? -1.0 : 1.0) * dZ;   // as std::max picks
            else dm = -std::exp(-m) * dZ;
            double dlInit = 0;
            if (hd.c0) {
                for (size_t a = 0; a < dqk; ++a) c0dnum[a] = dot(hd.c0 + a * dhv, dnum.data(), p.dhv);
                for (size_t a = 0; a < dqk; ++a) dq[t * dqk + a] += w * c0dnum[a];
                dlInit += w * dot(qt, c0dnum.data(), p.dqk);
            }
            if (hd.n0) {
                for (size_t a = 0; a < dqk; ++a) dq[t * dqk + a] += w * dden * hd.n0[a];
                dlInit += w * dden * dot(qt, hd.n0, p.dqk);
            }
            for (size_t a = 0; a < dqk; ++a) {
                for (size_t e = 0; e < dhv; ++e) dC0[a * dhv + e] += w * qt[a] * dnum[e];
                dn0[a] += w * dden * qt[a];
            }
            dm -= dlInit;
            for (int j = 0; j <= t; ++j) {
                const double W = std::exp(hd.logD(t, j) - m);
                const double c = dot(qt, hd.k(j), p.dqk);
                const double u = dot(dnum.data(), hd.v(j), p.dhv) + dden;
                for (size_t a = 0; a < dqk; ++a) {
                    dq[t * dqk + a] += W * u * hd.k(j)[a];
                    dk[j * dqk + a] += W * u * qt[a];
                }
                for (size_t e = 0; e < dhv; ++e) dv[j * dhv + e] += W * c * dnum[e];
                dl[j] = W * c * u;
                dm -= dl[j];
            }
            const int arg = hd.rowArgMax(t);
            (arg < 0 ? dlInit : dl[arg]) += dm;
            toGates(t, dlInit);
        }
        if (!dcFinal.empty() || !dmFinal.empty()) {
            const int last = p.S - 1;
            const double mS = fw.mFinal[b];
            const double w = std::exp(hd.F[last] + hd.m0 - mS);
            double dmS = dmFinal.empty() ? 0.0 : dmFinal[b];
            double dlInit = 0;
            std::fill(dl.begin(), dl.end(), 0.0);
            if (!dcFinal.empty()) {
                const double* dC = dcFinal.data() + b * dqk * dhv;
                for (size_t e = 0; e < dqk * dhv; ++e) {
                    dC0[e] += w * dC[e];
                    if (hd.c0) dlInit += w * dC[e] * hd.c0[e];
                }
                for (int j = 0; j < p.S; ++j) {
                    const double W = std::exp(hd.logD(last, j) - mS);
                    const double* kj = hd.k(j);
                    for (size_t a = 0; a < dqk; ++a) dCv[a] = dot(dC + a * dhv, hd.v(j), p.dhv);
                    std::fill(dCTk.begin(), dCTk.end(), 0.0);
                    for (size_t a = 0; a < dqk; ++a)
                        for (size_t e = 0; e < dhv; ++e) dCTk[e] += dC[a * dhv + e] * kj[a];
                    for (size_t a = 0; a < dqk; ++a) dk[j * dqk + a] += W * dCv[a];
                    for (size_t e = 0; e < dhv; ++e) dv[j * dhv + e] += W * dCTk[e];
                    dl[j] = W * dot(kj, dCv.data(), p.dqk);
                    dmS -= dl[j];
                }
            }
            dmS -= dlInit;
            const int arg = hd.rowArgMax(last);
            (arg < 0 ? dlInit : dl[arg]) += dmS;
            toGates(last, dlInit);
        }
        for (int r = 0; r < p.S; ++r) g.df[rb + r] = dlf[r] / (1.0 + std::exp(p.f[rb + r]));
    }
    return g;
}

std::vector<double> scaleConsistentDmFinal(const RefProblem& p, const RefForward& fw, const std::vector<double>& dcFinal) {
    if (dcFinal.empty()) return {};
    const size_t n = static_cast<size_t>(p.dqk) * p.dhv;
    std::vector<double> dm(p.bh);
    for (int b = 0; b < p.bh; ++b) dm[b] = dot(dcFinal.data() + b * n, fw.cFinal.data() + b * n, static_cast<int>(n));
    return dm;
}

LayerNormLoss layerNormLoss(const std::vector<double>& h, int dhv, const std::vector<double>& offset, double eps) {
    LayerNormLoss out;
    out.dh.assign(h.size(), 0.0);
    std::vector<double> y(dhv), gy(dhv);
    for (size_t row = 0; row < h.size() / dhv; ++row) {
        const double* x = h.data() + row * dhv;
        const double* o = offset.data() + row * dhv;
        double mean = 0, var = 0;
        for (int e = 0; e < dhv; ++e) mean += x[e];
        mean /= dhv;
        for (int e = 0; e < dhv; ++e) var += (x[e] - mean) * (x[e] - mean);
        var /= dhv;
        const double rstd = 1.0 / std::sqrt(var + eps);
        double meanG = 0, meanGy = 0;
        for (int e = 0; e < dhv; ++e) {
            y[e] = (x[e] - mean) * rstd;
            gy[e] = 2.0 * (y[e] + o[e]);   // dL/dy
            out.loss += (y[e] + o[e]) * (y[e] + o[e]);
            meanG += gy[e] / dhv;
            meanGy += gy[e] * y[e] / dhv;
        }
        // dx = rstd (dy - mean(dy) - y mean(dy y))
        for (int e = 0; e < dhv; ++e) out.dh[row * dhv + e] = rstd * (gy[e] - meanG - y[e] * meanGy);
    }
    return out;
}

ErrorStats errorStats(const std::vector<double>& x, const std::vector<double>& ref) {
    ErrorStats st;
    if (x.size() != ref.size()) {
        st.maxAbs = st.rel = std::numeric_limits<double>::quiet_NaN();
        return st;
    }
    double num = 0, den = 0;
    for (size_t e = 0; e < ref.size(); ++e) {
        const double d = x[e] - ref[e];
        st.maxAbs = std::max(st.maxAbs, std::fabs(d));
        num += d * d;
        den += ref[e] * ref[e];
    }
    st.rel = std::sqrt(num) / std::max(std::sqrt(den), 1e-300);
    return st;
}

}  // namespace seqscope::kernels::check
