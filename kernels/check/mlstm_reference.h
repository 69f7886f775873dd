// SPDX-License-Identifier: MIT
// Float64 CPU reference of the mLSTM cell in its parallel (quadratic) form with an optional initial
// state, and its "n, m constant" backward (mlstm.md 2.3, 3.1, 3.2), written independently of the
// kernels (direct sums over (t, j) pairs, no chunking, no reverse cumsum identity for the gates).
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
};

RefForward referenceForward(const RefProblem& p);
// dh (BH,S,DHHV); dcFinal (BH,DHQK,DHHV) or empty.
RefGrads referenceBackward(const RefProblem& p, const RefForward& fw, const std::vector<double>& dh,
                           const std::vector<double>& dcFinal);

}  // namespace seqscope::kernels::check
