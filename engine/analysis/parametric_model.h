// SPDX-License-Identifier: MIT
// The parametric loss L(N, D) = E + (A N^-alpha + B D^-beta)^gamma in the log-sum-exp form of
// scaling-laws.md 8.1, and the summed Huber objective on log-loss of 8.2 with its analytic gradient:
//   ln L = LSE(gamma * LSE(a - alpha ln N, b - beta ln D), e),  a = ln A, b = ln B, e = ln E
//   objective = sum_i w_i Huber_delta(ln L_i - ln L(N_i, D_i))  (sum, not mean; w_i = 1 unless
//   bootstrap multiplicities are given), or Epoch AI's Huber likelihood with a learned scale.
// The reference differentiates numerically (L-BFGS-B without jac); we differentiate exactly.
#pragma once

#include <cmath>
#include <vector>

namespace seqscope::analysis {

struct ParametricParams {
    double a = 0.0;        // ln A
    double b = 0.0;        // ln B
    double e = 0.0;        // ln E
    double alpha = 0.0;    // N exponent
    double beta = 0.0;     // D exponent
    double gamma = 1.0;    // outer exponent (1 = Chinchilla form)

    double E() const { return std::exp(e); }
    double A() const { return std::exp(a); }
    double B() const { return std::exp(b); }
    double logLoss(double n, double d) const;   // ln L(N, D), stable
    double loss(double n, double d) const { return std::exp(logLoss(n, d)); }
    // Compute-optimal split exponents for C ~ N D: N* ~ C^(beta/(alpha+beta)), D* ~ C^(alpha/(alpha+beta)).
    double nExponent() const { return beta / (alpha + beta); }
    double dExponent() const { return alpha / (alpha + beta); }
};

// Huber_delta(r) = r^2/2 for |r| <= delta, delta (|r| - delta/2) beyond (8.2).
double huberLoss(double r, double delta);

// The objective of 8.2 over fixed data. Parameter vector order is the reference's
// (a, b, e, alpha, beta[, gamma]).
class HuberLogObjective {
public:
    // n, d, loss: equal length, positive. weights: empty (all 1) or one non-negative weight per point.
    HuberLogObjective(const std::vector<double>& n, const std::vector<double>& d, const std::vector<double>& loss,
                      double delta, bool fitGamma, std::vector<double> weights = {});

    // (a, b, e, alpha, beta[, gamma][, sigma]).
    int numParameters() const { return (m_fitGamma ? 6 : 5) + (m_learnScale ? 1 : 0); }
    bool fitGamma() const { return m_fitGamma; }
    double delta() const { return m_delta; }
    size_t size() const { return m_logN.size(); }

    // Objective and (if gradient != nullptr) its gradient. False when the value is not finite.
    bool evaluate(const double* x, double* cost, double* gradient) const;
    double value(const ParametricParams& p) const;

    void setWeights(std::vector<double> weights) { m_weights = std::move(weights); }
    // Switches to Epoch AI's Huber negative log-likelihood with a learned scale s = e^sigma (the
    // last parameter): sum_i w_i [Huber_delta(r_i / s) + ln Z(delta) + sigma]  (scaling-laws.md 9).
    void setLearnScale(bool learn);
    bool learnScale() const { return m_learnScale; }

    static ParametricParams unpack(const double* x, bool fitGamma);
    static void pack(const ParametricParams& p, bool fitGamma, double* x);

private:
    template <bool Weighted, bool Scaled, bool Gamma>
    bool evaluateMode(const double* x, double* cost, double* gradient) const;

    std::vector<double> m_logN, m_logD, m_logLoss, m_weights;
    double m_delta;
    bool m_fitGamma;
    bool m_learnScale = false;
    double m_logZ = 0.0;
};

}  // namespace seqscope::analysis
