// SPDX-License-Identifier: MIT
// Log-sum-exp parametric loss and its Huber objective with exact gradient (scaling-laws.md 8.1-8.2).
#include "analysis/parametric_model.h"

#include <algorithm>

namespace seqscope::analysis {

namespace {

// ln(e^u + e^v) and the softmax weights exp(u - lse), exp(v - lse), with one exp and one log1p.
inline double lse2(double u, double v, double* wu, double* wv) {
    const double hi = std::max(u, v);
    if (hi == -INFINITY) {
        if (wu) *wu = *wv = 0.5;
        return -INFINITY;
    }
    const double z = std::exp(-std::fabs(u - v));   // e^(lo - hi) in (0, 1]
    if (wu) {
        const double wHi = 1.0 / (1.0 + z), wLo = z * wHi;
        *wu = u >= v ? wHi : wLo;
        *wv = u >= v ? wLo : wHi;
    }
    return hi + std::log1p(z);
}

}  // namespace

double ParametricParams::logLoss(double n, double d) const {
    const double s = lse2(a - alpha * std::log(n), b - beta * std::log(d), nullptr, nullptr);
    return lse2(gamma * s, e, nullptr, nullptr);
}

double huberLoss(double r, double delta) {
    const double ar = std::fabs(r);
    return ar <= delta ? 0.5 * r * r : delta * (ar - 0.5 * delta);
}

HuberLogObjective::HuberLogObjective(const std::vector<double>& n, const std::vector<double>& d,
                                     const std::vector<double>& loss, double delta, bool fitGamma,
                                     std::vector<double> weights)
    : m_weights(std::move(weights)), m_delta(delta), m_fitGamma(fitGamma) {
    m_logN.reserve(n.size());
    for (size_t i = 0; i < n.size(); ++i) {
        m_logN.push_back(std::log(n[i]));
        m_logD.push_back(std::log(d[i]));
        m_logLoss.push_back(std::log(loss[i]));
    }
}

ParametricParams HuberLogObjective::unpack(const double* x, bool fitGamma) {
    ParametricParams p;
    p.a = x[0];
    p.b = x[1];
    p.e = x[2];
    p.alpha = x[3];
    p.beta = x[4];
    p.gamma = fitGamma ? x[5] : 1.0;
    return p;
}

void HuberLogObjective::pack(const ParametricParams& p, bool fitGamma, double* x) {
    x[0] = p.a;
    x[1] = p.b;
    x[2] = p.e;
    x[3] = p.alpha;
    x[4] = p.beta;
    if (fitGamma) x[5] = p.gamma;
}

// The loop is compiled once per mode, so the common case (no weights, no learned scale, gamma fixed)
// carries no per-point branches or multiplications by 1; every mode computes the same values as the
// general expression (multiplying by 1 and adding 0 are exact).
template <bool Weighted, bool Scaled, bool Gamma>
bool HuberLogObjective::evaluateMode(const double* x, double* cost, double* gradient) const {
    const double a = x[0], b = x[1], e = x[2], alpha = x[3], beta = x[4];
    const double gamma = Gamma ? x[5] : 1.0;
    // Likelihood mode: residuals are divided by the scale s = e^sigma and each point adds
    // ln Z(delta) + sigma (Epoch AI's Huber density, scaling-laws.md 9).
    const double sigma = Scaled ? x[Gamma ? 6 : 5] : 0.0;
    const double invScale = Scaled ? std::exp(-sigma) : 1.0;
    const double perPoint = Scaled ? m_logZ + sigma : 0.0;
    const double delta = m_delta;
    const double* logN = m_logN.data();
    const double* logD = m_logD.data();
    const double* logL = m_logLoss.data();
    const double* weights = Weighted ? m_weights.data() : nullptr;
    const size_t count = m_logN.size();
    double f = 0.0;
    double g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, gs = 0;
    for (size_t i = 0; i < count; ++i) {
        const double w = Weighted ? weights[i] : 1.0;
        if (Weighted && w == 0.0) continue;
        // Each log-sum-exp costs one exp and one log1p: the larger term contributes exp(0) = 1.
        double wu, wv, st, se;
        const double s = lse2(a - alpha * logN[i], b - beta * logD[i], &wu, &wv);
        const double t = Gamma ? gamma * s : s;
        double z = logL[i] - lse2(t, e, &st, &se);
        if (Scaled) z *= invScale;
        const double az = std::fabs(z);
        const double h = az <= delta ? 0.5 * z * z : delta * (az - 0.5 * delta);
        f += Weighted ? w * (Scaled ? h + perPoint : h) : (Scaled ? h + perPoint : h);
        if (gradient) {
            // d Huber / d prediction = -psi(z) / s, psi = scaled residual clipped to [-delta, delta].
            const double psi = std::clamp(z, -delta, delta);
            double k = Weighted ? -w * psi : -psi;
            if (Scaled) k *= invScale;
            const double kt = Gamma ? k * st * gamma : k * st;
            g0 += kt * wu;
            g1 += kt * wv;
            g2 += k * se;
            g3 -= kt * wu * logN[i];
            g4 -= kt * wv * logD[i];
            if (Gamma) g5 += k * st * s;
            if (Scaled) gs += Weighted ? w * (1.0 - psi * z) : 1.0 - psi * z;
        }
    }
    *cost = f;
    if (!std::isfinite(f)) return false;
    if (gradient) {
        double g[7] = {g0, g1, g2, g3, g4, g5, gs};
        if (!Gamma) g[5] = gs;
        for (int j = 0; j < numParameters(); ++j) {
            if (!std::isfinite(g[j])) return false;
            gradient[j] = g[j];
        }
    }
    return true;
}

bool HuberLogObjective::evaluate(const double* x, double* cost, double* gradient) const {
    const bool w = !m_weights.empty();
    if (m_learnScale) {
        if (w) return m_fitGamma ? evaluateMode<true, true, true>(x, cost, gradient) : evaluateMode<true, true, false>(x, cost, gradient);
        return m_fitGamma ? evaluateMode<false, true, true>(x, cost, gradient) : evaluateMode<false, true, false>(x, cost, gradient);
    }
    if (w) return m_fitGamma ? evaluateMode<true, false, true>(x, cost, gradient) : evaluateMode<true, false, false>(x, cost, gradient);
    return m_fitGamma ? evaluateMode<false, false, true>(x, cost, gradient) : evaluateMode<false, false, false>(x, cost, gradient);
}

void HuberLogObjective::setLearnScale(bool learn) {
    m_learnScale = learn;
    // Z(delta) = sqrt(2 pi) (1 - 2 Q(delta)) + 2 exp(-delta^2 / 2) / delta, Q the normal survival
    // function: the normaliser of exp(-Huber_delta(z)).
    const double q = 0.5 * std::erfc(m_delta / std::sqrt(2.0));
    m_logZ = std::log(std::sqrt(2.0 * M_PI) * (1.0 - 2.0 * q) + 2.0 * std::exp(-0.5 * m_delta * m_delta) / m_delta);
}

double HuberLogObjective::value(const ParametricParams& p) const {
    double x[7] = {0, 0, 0, 0, 0, 0, 0};
    pack(p, m_fitGamma, x);
    double c = NAN;
    evaluate(x, &c, nullptr);
    return c;
}

}  // namespace seqscope::analysis
