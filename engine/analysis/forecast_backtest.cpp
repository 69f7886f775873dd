// SPDX-License-Identifier: MIT
// Forecast backtest (see forecast_backtest.h).
#include "analysis/forecast_backtest.h"

#include <cmath>
#include <cstdio>
#include <map>
#include <sstream>

namespace seqscope::analysis {

bool BacktestOptions::isValid(std::string* error) const {
    if (fractions.empty()) {
        if (error) *error = "give at least one fraction";
        return false;
    }
    for (double f : fractions)
        if (!(f > 0 && f < 1)) {
            if (error) *error = "fraction " + std::to_string(f) + " is not in (0, 1)";
            return false;
        }
    return curve.isValid(error) && law.isValid(error);
}

namespace {

BacktestRow summarise(const std::string& method, double fraction, const std::vector<BacktestCase>& cases) {
    BacktestRow row;
    row.method = method;
    row.fraction = fraction;
    double abs = 0, rel = 0, width = 0;
    int inside = 0;
    for (const auto& c : cases) {
        if (c.method != method || c.fraction != fraction) continue;
        if (!c.status) {
            ++row.refused;
            continue;
        }
        ++row.n;
        abs += std::abs(c.forecast - c.observed);
        rel += std::abs(c.forecast - c.observed) / c.observed;
        if (c.observed >= c.lo && c.observed <= c.hi) ++inside;
        width += c.hi - c.lo;
    }
    if (row.n > 0) {
        row.meanAbsError = abs / row.n;
        row.meanRelError = rel / row.n;
        row.coverage = static_cast<double>(inside) / row.n;
        row.meanBandWidth = width / row.n;
    }
    return row;
}

}  // namespace

Backtest backtestForecasts(const std::vector<ForecastRun>& runs, const BacktestOptions& options) {
    Backtest out;
    std::string error;
    if (!options.isValid(&error)) return out.status = Status::invalid("backtest options: " + error), out;
    std::map<std::string, int> metrics;
    for (const auto& run : runs) {
        std::string metric;
        const double observed = observedFinalLoss(run, &metric);
        if (!std::isfinite(observed)) continue;
        ++out.runs;
        ++metrics[metric];
        // The law method ignores the prefix: one forecast per run, reported at every fraction.
        const LawForecast law = forecastFromLaw(lawFamily(runs, run), run.params, run.tokens, options.law);
        for (double f : options.fractions) {
            const long long cut = static_cast<long long>(std::floor(f * static_cast<double>(run.plannedSteps)));
            const CurveForecast curve = forecastFromCurve(run, cut, options.curve);
            out.cases.push_back({run.id, "curve", f, cut, curve.status, curve.final, curve.lo, curve.hi, observed});
            out.cases.push_back({run.id, "law", f, cut, law.status, law.final, law.lo, law.hi, observed});
        }
    }
    if (out.runs == 0)
        return out.status = Status::invalid("no finished run with a final loss to backtest (runs need a logged curve "
                                            "and their last step)"),
               out;
    out.observedMetric = metrics.size() == 1 ? metrics.begin()->first : "mixed";
    for (const char* method : {"curve", "law"})
        for (double f : options.fractions) out.rows.push_back(summarise(method, f, out.cases));
    return out;
}

std::string Backtest::brief() const {
    if (!status) return "backtest: " + status.message() + "\n";
    std::ostringstream s;
    s << "forecast backtest on " << runs << " finished runs (observed final loss: " << observedMetric << ")\n";
    s << "method  at     n  refused  MAE (nats)  mean rel. error  band coverage  band width (nats)\n";
    char line[160];
    for (const auto& r : rows) {
        std::snprintf(line, sizeof line, "%-6s  %3.0f%%  %3d  %7d  %10.4f  %14.2f%%  %12.0f%%  %17.3f\n",
                      r.method.c_str(), 100 * r.fraction, r.n, r.refused, r.meanAbsError, 100 * r.meanRelError,
                      100 * r.coverage, r.meanBandWidth);
        s << line;
    }
    return s.str();
}

}  // namespace seqscope::analysis
