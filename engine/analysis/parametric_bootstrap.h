// SPDX-License-Identifier: MIT
// Uncertainty for parametric L(N, D) fits in the style of Epoch AI's Chinchilla replication
// (scaling-laws.md 9): rows resampled with replacement at the original size, every resample refitted,
// percentile intervals, standard errors and covariances of the parameter sample (log and linear
// parameters), and the delta-method error of the allocation exponent a_opt = beta / (alpha + beta).
// Also Epoch's point estimator: BFGS on the Huber negative log-likelihood with a learned scale.
// Deviations: resamples come from our own seeded generator (not numpy's), so intervals agree with
// Epoch's statistically, not draw for draw; each resample is refitted with Ceres' L-BFGS from the
// full-data optimum by default (Epoch: SciPy BFGS from Hoffmann et al.'s estimates; both selectable).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analysis/fit_common.h"
#include "analysis/parametric_fit.h"

namespace seqscope::analysis {

// Hoffmann et al. (2022) Approach 3 estimates at the precision of the paper's TeX source, as Epoch
// AI's notebook uses them: A = e^6.0073404 (406.4), B = e^6.0179186 (410.7), E = e^0.5267228 (1.69),
// alpha = 0.33917084, beta = 0.2849083.
ParametricParams hoffmannEstimates();

enum class BootstrapStart {
    BestFit,   // each resample starts from the full-data optimum (default; one local fit each)
    Given,     // each resample starts from BootstrapOptions::startParams (Epoch: hoffmannEstimates())
    Grid,      // each resample runs BootstrapOptions::grid and keeps its best start (slow; use a small grid)
};

struct BootstrapOptions {
    int resamples = 1000;                 // refits; Epoch AI used 4,000
    std::uint64_t seed = 42;              // same seed -> same resamples, whatever the thread count
    BootstrapStart start = BootstrapStart::BestFit;
    ParametricParams startParams;         // for Given
    ParametricGrid grid;                  // for Grid
    double confidence = 0.95;             // central percentile interval (fraction)
    int threads = 0;                      // 0 = all hardware threads
    bool keepSamples = true;              // keep every resample's parameters (prediction intervals)

    bool isValid(std::string* error) const;
};

struct ParameterInterval {
    std::string name;                     // E, A, B, alpha, beta, gamma, a, b, e, a_opt, b_opt
    double estimate = 0;                  // full-data point estimate
    Interval interval;                    // bootstrap percentile interval and standard deviation
};

struct ParametricBootstrap {
    Status status;
    int resamples = 0;
    int succeeded = 0;                    // resamples with a finite optimum and alpha + beta > 0
    std::vector<ParameterInterval> intervals;
    std::vector<std::string> logNames;    // a, b, e, alpha, beta[, gamma]
    std::vector<double> logCovariance;    // row-major covariance over logNames
    std::vector<std::string> linearNames; // A, B, E, alpha, beta[, gamma]
    std::vector<double> linearCovariance; // row-major covariance over linearNames
    double aOptDeltaStdError = 0;         // delta method: grad (-beta, alpha)/(alpha+beta)^2, bootstrap cov
    std::vector<ParametricParams> samples;
    double confidence = 0.95;
    double seconds = 0;
    std::vector<std::string> warnings;

    const ParameterInterval* find(const std::string& name) const;
    // Percentile interval of the predicted loss at (N, D) over the resampled fits.
    Interval predictionInterval(double n, double d) const;
    std::string brief() const;
    std::string full() const;
};

// Resamples the points the fit used (same screening as fitParametric) and refits each resample.
ParametricBootstrap bootstrapParametric(const std::vector<ScalingPoint>& points, const ParametricFit& fit,
                                        const ParametricOptions& fitOptions, const BootstrapOptions& options);

struct HuberLikelihoodFit {
    Status status;
    ParametricParams params;
    double scale = 0;                     // s = e^sigma, the Huber density's scale on log-loss residuals
    double negLogLikelihood = 0;
    int iterations = 0;
    ParametricParams init;
    std::string brief() const;
};

// Epoch AI's point estimator: BFGS on sum_i [Huber_delta(r_i / s) + ln Z(delta) + ln s] from `init`
// with sigma = ln s = 0. Uses fitOptions' delta, gamma mode and tolerances.
HuberLikelihoodFit fitHuberLikelihood(const std::vector<ScalingPoint>& points, const ParametricParams& init,
                                      const ParametricOptions& fitOptions);

}  // namespace seqscope::analysis
