// SPDX-License-Identifier: MIT
// `seqscope-cli forecast run|backtest`: forecasts of a run's final loss from its own partial curve
// (LR-annealing law) and from the L(N, D) law of its finished siblings (analysis/loss_forecast.h),
// and their backtest on finished runs cut at fractions of their planned steps.
//   seqscope-cli forecast run 12 --db runs.db
//   seqscope-cli forecast backtest --source sweep:fc-small --fractions 0.25,0.5,0.75 --json
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <ostream>

#include "analysis/forecast_backtest.h"
#include "analysis/loss_forecast.h"
#include "cli/command_line.h"
#include "cli/commands.h"
#include "workspace/forecast_runs.h"
#include "workspace/workspace.h"

namespace seqscope::cli {
namespace {

using nlohmann::json;

json num(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }

int fail(Context& ctx, const std::string& command, const Status& status) {
    *ctx.err << "seqscope-cli " << command << ": " << status.message() << "\n";
    return kExitFailure;
}

std::vector<OptionSpec> forecastOptions() {
    const std::string g = "Forecast";
    return {
        {"confidence", "F", "band coverage (central interval)", "0.9", g},
        {"resamples", "K", "block-bootstrap refits of the curve fit (0 = no bootstrap part in the band)", "200", g},
        {"law-resamples", "K", "bootstrap refits of the L(N, D) law (0 = residual scatter only)", "100", g},
        {"min-runs", "N", "finished runs of the same architecture and context the law method needs", "6", g},
        {"skip", "F", "leading share of the curve after the warm-up left out of the curve fit", "0", g},
    };
}

void readOptions(const Args& args, analysis::CurveForecastOptions* curve, analysis::LawForecastOptions* law) {
    curve->confidence = law->confidence = args.number("confidence", 0.9);
    curve->resamples = static_cast<int>(args.integer("resamples", 200));
    curve->skipFraction = args.number("skip", 0.0);
    law->resamples = static_cast<int>(args.integer("law-resamples", 100));
    law->minRuns = static_cast<int>(args.integer("min-runs", 6));
    std::string error;
    if (!curve->isValid(&error) || !law->isValid(&error)) throw UsageError(error);
}

json curveJson(const analysis::CurveForecast& f) {
    if (!f.status) return json{{"error", f.status.message()}};
    return json{{"final", num(f.final)}, {"lo", num(f.lo)}, {"hi", num(f.hi)}, {"train_final", num(f.trainFinal)},
                {"val_offset", f.hasValOffset ? num(f.valOffset) : json(nullptr)}, {"points", f.points},
                {"first_step", f.firstStep}, {"last_step", f.lastStep}, {"rmse", num(f.rmse)},
                {"law", {{"L0", num(f.law.l0)}, {"A", num(f.law.a)}, {"alpha", num(f.law.alpha)}, {"C", num(f.law.c)}}}};
}

json lawJson(const analysis::LawForecast& f) {
    if (!f.status) return json{{"error", f.status.message()}};
    return json{{"final", num(f.final)}, {"lo", num(f.lo)}, {"hi", num(f.hi)}, {"runs", f.runs},
                {"rmse_log_loss", num(f.rmseLogLoss)},
                {"law", {{"E", num(f.params.E())}, {"A", num(f.params.A())}, {"alpha", num(f.params.alpha)},
                         {"B", num(f.params.B())}, {"beta", num(f.params.beta)}}}};
}

int runForecast(Context& ctx) {
    const auto& words = ctx.args.positional();
    if (words.size() != 1) throw UsageError("give exactly one RUN_ID");
    char* end = nullptr;
    const long long id = std::strtoll(words.front().c_str(), &end, 10);
    if (words.front().empty() || *end != '\0' || id <= 0) throw UsageError("'" + words.front() + "' is not a run id");
    analysis::CurveForecastOptions curveOptions;
    analysis::LawForecastOptions lawOptions;
    readOptions(ctx.args, &curveOptions, &lawOptions);

    auto store = workspace::openWorkspace(ctx.dbPath);
    if (!store) return fail(ctx, "forecast run", store.status());
    auto run = workspace::loadForecastRun(**store, id);
    if (!run) return fail(ctx, "forecast run", run.status());
    const auto curve = analysis::forecastFromCurve(*run, -1, curveOptions);
    auto family = workspace::storedLawFamily(**store, *run);
    if (!family) return fail(ctx, "forecast run", family.status());
    const auto law = analysis::forecastFromLaw(*family, run->params, run->tokens, lawOptions);
    const double observed = analysis::observedFinalLoss(*run);

    if (ctx.json) {
        *ctx.out << json{{"run", run->id}, {"name", run->name}, {"arch", run->arch}, {"ctx", run->ctx},
                         {"params", num(run->params)}, {"tokens", num(run->tokens)},
                         {"planned_steps", run->plannedSteps}, {"last_step", run->lastStep()},
                         {"confidence", curveOptions.confidence}, {"observed_final", num(observed)},
                         {"curve", curveJson(curve)}, {"law", lawJson(law)}}
                        .dump(2)
                 << "\n";
    } else {
        *ctx.out << "run " << run->id << " " << run->name << ": step " << run->lastStep() << " of "
                 << run->plannedSteps << (run->finished ? " (finished)" : "") << "\n"
                 << curve.brief() << law.brief();
        if (std::isfinite(observed)) *ctx.out << "observed final loss: " << observed << "\n";
    }
    return curve.status || law.status ? kExitOk : kExitFailure;
}

int runBacktest(Context& ctx) {
    if (!ctx.args.has("source")) throw UsageError("--source is required (runs, sweep:ID or tag:TAG)");
    analysis::BacktestOptions options;
    readOptions(ctx.args, &options.curve, &options.law);
    if (ctx.args.has("fractions")) options.fractions = ctx.args.numberList("fractions");
    std::string error;
    if (!options.isValid(&error)) throw UsageError(error);
    auto source = workspace::parseScalingSource(ctx.args.str("source"));
    if (!source) return fail(ctx, "forecast backtest", source.status());

    auto store = workspace::openWorkspace(ctx.dbPath);
    if (!store) return fail(ctx, "forecast backtest", store.status());
    std::vector<std::string> skipped;
    auto runs = workspace::loadForecastRuns(**store, *source, &skipped);
    if (!runs) return fail(ctx, "forecast backtest", runs.status());
    for (const auto& s : skipped) *ctx.err << "warning: skipped " << s << "\n";
    if (runs->empty())
        return fail(ctx, "forecast backtest", Status::notFound("source '" + source->key() + "' has no finished runs"));
    const auto bt = analysis::backtestForecasts(*runs, options);
    if (!bt.status) return fail(ctx, "forecast backtest", bt.status);

    if (ctx.json) {
        json rows = json::array(), cases = json::array();
        for (const auto& r : bt.rows)
            rows.push_back({{"method", r.method}, {"fraction", r.fraction}, {"n", r.n}, {"refused", r.refused},
                            {"mae", num(r.meanAbsError)}, {"mean_rel_error", num(r.meanRelError)},
                            {"coverage", num(r.coverage)}, {"band_width", num(r.meanBandWidth)}});
        for (const auto& c : bt.cases) {
            json j{{"run", c.runId}, {"method", c.method}, {"fraction", c.fraction}, {"cut_step", c.cutStep},
                   {"observed", num(c.observed)}};
            if (c.status) j.update({{"forecast", num(c.forecast)}, {"lo", num(c.lo)}, {"hi", num(c.hi)}});
            else j["error"] = c.status.message();
            cases.push_back(j);
        }
        *ctx.out << json{{"source", source->key()}, {"runs", bt.runs}, {"observed_metric", bt.observedMetric},
                         {"confidence", options.curve.confidence}, {"rows", rows}, {"cases", cases}}
                        .dump(2)
                 << "\n";
    } else {
        *ctx.out << source->key() << ": " << bt.brief();
        // Why forecasts were refused, once per distinct reason.
        std::vector<std::string> reasons;
        for (const auto& c : bt.cases)
            if (!c.status && std::find(reasons.begin(), reasons.end(), c.method + ": " + c.status.message()) == reasons.end())
                reasons.push_back(c.method + ": " + c.status.message());
        for (size_t i = 0; i < reasons.size() && i < 5; ++i) *ctx.out << "  refused, " << reasons[i] << "\n";
    }
    return kExitOk;
}

}  // namespace

void registerForecastCommands(Registry& registry) {
    registry.addGroup("forecast", "forecasts of a run's final loss: its own curve and the law of its finished siblings");

    Command run;
    run.path = "forecast run";
    run.summary = "forecast one run's final loss now (both methods, with bands)";
    run.description =
        "curve: the run's train loss after its warm-up fitted with the LR-annealing law L = L0 + A S1^-alpha - C S2 "
        "(Tissue et al. 2024) over its own schedule, plus the last train-to-validation gap. law: L(N, D) with gamma = 1 "
        "fitted to the database's other finished runs of the same architecture and context, at the run's N and planned D.";
    run.positionalUsage = "RUN_ID";
    run.options = forecastOptions();
    run.usesDatabase = true;
    run.handler = runForecast;
    registry.add(run);

    Command bt;
    bt.path = "forecast backtest";
    bt.summary = "forecast error at fractions of training on finished runs, for both methods";
    bt.description =
        "Cuts every finished run of the source at each fraction of its planned steps, forecasts its final loss from "
        "the prefix (curve) and from the other runs of its architecture and context (law; the same at every "
        "fraction), and compares with the observed final loss: the last val_loss, else the mean train loss of the "
        "last 2 % of steps. Reports n, mean absolute and relative error and the band's coverage.";
    bt.options = forecastOptions();
    bt.options.insert(bt.options.begin(),
                      {{"source", "S", "runs, sweep:ID or sweep:NAME, tag:TAG (datasets have no curves)", "", "Source"},
                       {"fractions", "F[,F...]", "cut points, fractions of the planned steps", "0.25,0.5,0.75", "Source"}});
    bt.usesDatabase = true;
    bt.handler = runBacktest;
    registry.add(bt);
}

}  // namespace seqscope::cli
