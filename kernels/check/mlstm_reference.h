// SPDX-License-Identifier: MIT
// Float64 CPU reference of the mLSTM cell in its parallel (quadratic) form with an optional initial
// state, its "n, m constant" backward (mlstm.md 2.3, 3.1, 3.2) and its true reverse-mode gradient,
// written independently of the kernels (direct sums over (t, j) pairs, no chunking, no reverse cumsum
// identity for the gates).
// The max includes the initial-state term F_t + m_0 (m_0 = 0 without a state), so this is exactly the
// function the chunkwise and recurrent forms compute (mlstm.md 2.5 "Initial m differs by form").
// Layouts as in kernels/mlstm_kernels.h, per (batch*head) block, row-major.
#pragma once

#include <vector>

namespace seqscope::kernels::check {

struct RefProblem {
    int bh = 1, S = 1, dqk = 16, dhv = 16;
    double eps = 1e-6;
    std::vector<double> q, k;   // (BH,S,DHQK)
    std::vector<double> v;      // (BH,S,DHHV)
    std::vector<double> i, f;   // (BH,S)
    std::vector<double> c0;     // (BH,DHQK,DHHV) or empty: zeros
    std::vector<double> n0;     // (BH,DHQK) or empty
    std::vector<double> m0;     // (BH) or empty
};

struct RefForward {
    std::vector<double> h;                   // (BH,S,DHHV)
    std::vector<double> nOut, mOut;          // (BH,S)
    std::vector<double> cFinal, nFinal, mFinal;
};

struct RefGrads {
    std::vector<double> dq, dk, dv, di, df, dc0;
    std::vector<double> dn0, dm0;   // referenceBackwardExact only (the shortcut has no n0/m0 path)
};

RefForward referenceForward(const RefProblem& p);
// dh (BH,S,DHHV); dcFinal (BH,DHQK,DHHV) or empty.
RefGrads referenceBackward(const RefProblem& p, const RefForward& fw, const std::vector<double>& dh,
                           const std::vector<double>& dcFinal);

// The true gradient of referenceForward for L = sum dh.h + <dcFinal, C_final> + sum dmFinal.m_final,
// including the paths through the denominator nOut = max(|s den|, exp(-m)) and through the row maxima
// m_t and m_final (subgradient: the argmax logit, the initial-state key F_t + m_0 among the keys).
// dcFinal and dmFinal (BH) may be empty (zero). The shortcut above equals it when every row's dh_t is
// orthogonal to h_t (a loss invariant to positive per-row scaling of h, such as a per-head norm) and
// dmFinal = <dcFinal, C_final> per head (a consumer that sees the final state only as exp(m)·C).
RefGrads referenceBackwardExact(const RefProblem& p, const RefForward& fw, const std::vector<double>& dh,
                                const std::vector<double>& dcFinal, const std::vector<double>& dmFinal = {});

// dm_final = <dcFinal, C_final> per head: the m-gradient of a loss that depends on the final state only
// through exp(m_final)·C_final (what a following segment computes, up to eps); empty if dcFinal is.
std::vector<double> scaleConsistentDmFinal(const RefProblem& p, const RefForward& fw, const std::vector<double>& dcFinal);

// The loss of the official tests (mlstm.md 8): L = sum over rows of ||LayerNorm(h_row) + offset_row||^2
// with LayerNorm over the last dim (dhv), no affine parameters, eps 1e-5; h and offset (rows, dhv).
struct LayerNormLoss {
    double loss = 0;
    std::vector<double> dh;   // dL/dh
};
LayerNormLoss layerNormLoss(const std::vector<double>& h, int dhv, const std::vector<double>& offset,
                            double eps = 1e-5);

// max |x - ref| and ||x - ref|| / ||ref|| (the reporting pair of every check)
struct ErrorStats {
    double maxAbs = 0, rel = 0;
};
ErrorStats errorStats(const std::vector<double>& x, const std::vector<double>& ref);

}  // namespace seqscope::kernels::check
