// SPDX-License-Identifier: MIT
// Host side of kernels_check: random problems in the kernels' layouts, dtype conversion of host
// tensors, and the float64 reference gradients a backward check compares against.
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "check/mlstm_reference.h"
#include "mlstm_kernels.h"

namespace seqscope::kernels::check {

// --- host <-> device element conversion ---------------------------------------------------------------
float roundTo(DType dt, float x);
std::vector<unsigned char> encode(DType dt, const std::vector<float>& x);
std::vector<float> decode(DType dt, const std::vector<unsigned char>& raw);

// --- problems ----------------------------------------------------------------------------------------------
struct Case {
    std::string name;
    int B, NH, S, dqk, dhv, L;
    bool initState;   // random C0, n0, m0 and a random dLoss/dC_final
    float fShift;     // forget pre-activation offset: 3 = strong retention, long-range state matters
};
std::string caseLabel(DType dt, const Case& c);

struct HostProblem {
    DType dt;
    MlstmShape shape;
    std::vector<float> q, k, v, i, f, c0, n0, m0;   // q/k/v already rounded to dt
};

std::vector<float> randn(std::mt19937_64& rng, size_t n, float scale = 1.f, float shift = 0.f);
std::vector<float> rounded(DType dt, std::vector<float> x);
std::vector<double> toDouble(const std::vector<float>& x);
HostProblem makeProblem(DType dt, const Case& c, std::mt19937_64& rng);
RefProblem refProblem(const HostProblem& p);
// Slices positions [t0, t1) of a (BH, S, D) or (BH, S) host tensor.
std::vector<float> slicePositions(const std::vector<float>& x, int bh, int S, int D, int t0, int t1);

// The loss of a backward check and its float64 gradients. dh is the LayerNorm loss's gradient
// (mlstm.md 8: the loss the shortcut is built for) at the float64 reference h, rounded to the operand
// dtype; with an initial state a random dC_final is added, with dm_final = <dC_final, C_final> (the
// kernels take no dm_final: they assume a consumer that sees the state only as exp(m)·C).
struct BackwardReference {
    std::vector<float> dh, dcFinal;
    RefGrads exact;      // referenceBackwardExact: what the kernels are checked against
    RefGrads shortcut;   // referenceBackward ("n, m constant", the kernels' algorithm)
};
BackwardReference backwardReference(const HostProblem& p, const RefProblem& rp, const RefForward& ref,
                                    std::mt19937_64& rng);

}  // namespace seqscope::kernels::check
