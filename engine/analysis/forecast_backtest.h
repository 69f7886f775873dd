// SPDX-License-Identifier: MIT
// Backtest of the final-loss forecasts (loss_forecast.h) on finished runs: each run is cut at
// fractions of its planned steps (25/50/75 % by default), forecast from the prefix by both methods,
// and compared with its observed final loss (observedFinalLoss). The law method leaves the run out
// of the fitted family; it does not look at the prefix, so its error is the same at every fraction
// (it is reported per fraction anyway, next to the curve's).
#pragma once

#include <string>
#include <vector>

#include "analysis/loss_forecast.h"

namespace seqscope::analysis {

struct BacktestOptions {
    std::vector<double> fractions = {0.25, 0.5, 0.75};   // of the planned steps, each in (0, 1)
    CurveForecastOptions curve;
    LawForecastOptions law;
    bool isValid(std::string* error) const;
};

// One forecast of one run at one fraction.
struct BacktestCase {
    long long runId = 0;
    std::string method;                // "curve" | "law"
    double fraction = 0;
    long long cutStep = 0;             // last step the forecast saw
    Status status;                     // refused forecasts keep the reason here
    double forecast = NAN, lo = NAN, hi = NAN;
    double observed = NAN;
};

// Per method and fraction.
struct BacktestRow {
    std::string method;
    double fraction = 0;
    int n = 0;                         // forecasts made
    int refused = 0;                   // runs the method refused at this fraction
    double meanAbsError = NAN;         // nats
    double meanRelError = NAN;         // |forecast - observed| / observed (fraction)
    double coverage = NAN;             // share of observed losses inside the band (fraction)
    double meanBandWidth = NAN;        // mean hi - lo (nats): coverage means little without it
};

struct Backtest {
    Status status;
    int runs = 0;                      // finished runs with an observed final loss
    std::string observedMetric;        // "val_loss", "train_loss" or "mixed"
    std::vector<BacktestRow> rows;     // curve rows then law rows, by fraction
    std::vector<BacktestCase> cases;
    std::string brief() const;         // the table
};

// Backtests every run in `runs` that is finished and has an observed final loss. Refuses when none
// is. The law family of each run is the other runs given here (lawFamily).
Backtest backtestForecasts(const std::vector<ForecastRun>& runs, const BacktestOptions& options = {});

}  // namespace seqscope::analysis
