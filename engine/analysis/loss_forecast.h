// SPDX-License-Identifier: MIT
// Forecasts of a training run's final loss (issue 13), two ways:
//   curve: the run's own partial train-loss curve fitted with the learning-rate annealing law of
//          Tissue et al. 2024 ("Scaling Law with Learning Rate Annealing", eq. 1)
//              L(s) = L0 + A S1(s)^-alpha - C S2(s)
//          S1 = forward area (sum of the learning rates before step s, in peak-LR steps), S2 = the
//          annealing area with momentum: m_i = lambda m_{i-1} + (eta_{i-1} - eta_i), S2 = sum m_i.
//          S1 and S2 come from the run's schedule for every step up to its planned last step, so
//          the cosine's late drop is part of the forecast. The fit is a variable projection: for
//          fixed alpha the law is linear in (L0, A, C); alpha is a 1-D search. No Ceres needed.
//          Band: moving-block bootstrap of the residuals (blocks keep the residuals' correlation).
//   law:   the parametric L(N, D) (scaling-laws.md 8, gamma = 1) fitted to other finished runs of
//          the same architecture and context, evaluated at the run's N and planned D. Band: the
//          bootstrap prediction interval combined with the fit's residual scatter. Needs Ceres.
// Deviation: S2's momentum starts at the end of the warm-up (Tissue et al. leave warm-up out of
// the annealing area too; a rising LR is not annealing).
//
// "Final loss" is the run's last val_loss (the validation pass at its last step, the loss the
// scaling fits use) when the run logs val_loss, else the mean train loss of its last 2 % of steps
// (at least 5 points); see observedFinalLoss. The curve method fits train loss and adds the
// train-to-validation gap measured at the latest validation pass it has seen.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analysis/fit_common.h"
#include "analysis/parametric_model.h"
#include "analysis/scaling_point.h"
#include "common/status.h"

namespace seqscope::analysis {

// One run as the forecasts see it: the schedule for every planned step and the logged curves.
// Steps are the store's: step s (1-based) is the s-th optimizer step; its train loss is measured
// before its update, a validation pass at step s after it. The run ends at step plannedSteps.
struct ForecastRun {
    long long id = 0;                    // the store's run id (0 = none)
    std::string name, arch;
    long long ctx = 0;                   // context length T
    double params = 0;                   // N
    double tokens = 0;                   // planned D (every planned step's tokens)
    long long plannedSteps = 0;          // optimizer steps the run is planned to take
    long long warmupSteps = 0;           // linear warm-up steps of the schedule
    std::vector<double> lr;              // learning rate of each step: lr[s - 1] for step s
    std::vector<long long> trainSteps;   // train_loss points, increasing steps
    std::vector<double> trainLoss;
    std::vector<long long> valSteps;     // val_loss points, increasing steps
    std::vector<double> valLoss;
    bool finished = false;               // reached its planned last step

    // Checks sizes, ordering and the schedule length; names the run and field on failure.
    bool isValid(std::string* error) const;
    long long lastStep() const { return trainSteps.empty() ? 0 : trainSteps.back(); }
};

// The observed final loss of a finished run (see the file comment); NaN when it is not finished or
// logged nothing at its end. *whichMetric receives "val_loss" or "train_loss".
double observedFinalLoss(const ForecastRun& run, std::string* whichMetric = nullptr);

// --- curve method ---------------------------------------------------------------------------------

struct CurveForecastOptions {
    double annealingMomentum = 0.999;   // lambda of S2 (Tissue et al.'s value)
    int minPoints = 10;                 // train-loss points after the warm-up needed to fit
    double skipFraction = 0.0;          // leading share of the post-warm-up prefix left out of the fit
                                        // (its fast early transient is not the law's regime)
    int maxFitPoints = 400;             // longer prefixes are averaged into this many bins
    int resamples = 200;                // block-bootstrap refits for the band; 0 = no band
    double confidence = 0.9;            // central band coverage (fraction)
    std::uint64_t seed = 1;             // bootstrap stream
    int bandSamples = 48;               // steps at which the band is reported, last point .. end
    bool isValid(std::string* error) const;
};

// The fitted law; S1, S2 in peak-LR steps.
struct AnnealingLaw {
    double l0 = 0, a = 0, alpha = 0, c = 0;
    double at(double s1, double s2) const;
};

struct CurveForecast {
    Status status;                      // InvalidArgument: the run is unusable or refused (still in
                                        // warm-up, too few points, no decreasing curve)
    AnnealingLaw law;
    int points = 0;                     // fitted points (after binning)
    long long firstStep = 0, lastStep = 0;   // fitted window (train-loss steps)
    long long plannedSteps = 0;
    double rmse = 0;                    // of the fitted train-loss points (nats)
    double trainFinal = 0;              // fitted train loss at the planned last step (plannedSteps)
    Interval trainBand;                 // its bootstrap interval
    bool hasValOffset = false;          // a validation pass inside the window gave the gap
    double valOffset = 0;               // val_loss - fitted train loss at that pass
    double final = 0, lo = 0, hi = 0;   // forecast of the final loss (trainFinal + valOffset) and band
    // Band of the train-loss curve from the last fitted step to the planned last step (for charts;
    // train-loss units, add valOffset for validation loss).
    std::vector<long long> bandSteps;
    std::vector<double> bandMid, bandLo, bandHi;
    std::string brief() const;
};

// Forecast from the run's points with step <= upToStep (-1 = every point). Refuses (status not ok,
// message says why) when the prefix ends inside the warm-up, has fewer than minPoints points after
// the warm-up, or the law cannot be fitted (no decreasing curve).
CurveForecast forecastFromCurve(const ForecastRun& run, long long upToStep = -1,
                                const CurveForecastOptions& options = {});

// S1 and S2 (peak-LR steps) at the train loss of every step s = 0..lr.size() (index s; 0 unused)
// for schedule `lr` (lr[s - 1] for step s) with warm-up `warmup` steps.
void annealingAreas(const std::vector<double>& lr, long long warmup, double momentum, std::vector<double>* s1,
                    std::vector<double>* s2);

// --- law method -----------------------------------------------------------------------------------

struct LawForecastOptions {
    int minRuns = 6;                    // finished runs of the family needed (the law has 5 parameters)
    int resamples = 100;                // bootstrap refits for the band; 0 = residual scatter only
    double confidence = 0.9;
    std::uint64_t seed = 42;
    int threads = 0;                    // fit threads; 0 = all hardware threads
    bool isValid(std::string* error) const;
};

struct LawForecast {
    Status status;                      // Unavailable without Ceres; InvalidArgument: too few runs
    ParametricParams params;
    int runs = 0;                       // points fitted
    double rmseLogLoss = 0;
    double final = 0, lo = 0, hi = 0;
    std::string brief() const;
};

// Fits L(N, D) (gamma = 1, the paper's start grid) to `family` (finished runs of one architecture
// and context, without the run itself) and predicts the loss at (params, tokens).
LawForecast forecastFromLaw(const std::vector<ScalingPoint>& family, double params, double tokens,
                            const LawForecastOptions& options = {});

// The family of `run` among `runs`: finished runs of the same arch and context, other than `run`,
// with a finite observed final loss, as scaling points.
std::vector<ScalingPoint> lawFamily(const std::vector<ForecastRun>& runs, const ForecastRun& run);

// Standard normal quantile (for combining bands); p in (0, 1).
double normalQuantile(double p);

}  // namespace seqscope::analysis
