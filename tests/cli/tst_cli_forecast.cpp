// SPDX-License-Identifier: MIT
// `seqscope-cli forecast run|backtest`, driven in-process on a database whose runs are written
// through the storage API (no training): nine finished xLSTM runs whose final losses follow a known
// L(N, D) and whose curves follow the LR-annealing law of their own schedules, one run still in
// training, and the errors that name the input (exit 1) or the misuse (exit 2).
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

#include "analysis/loss_forecast.h"
#include "cli/command_line.h"
#include "cli/commands.h"
#include "common/metric_names.h"
#include "storage/store.h"
#include "training/lr_schedule.h"
#include "training/training_config.h"
#include "workspace/workspace.h"

using namespace seqscope;

namespace {

int run(std::vector<std::string> args, std::string* out, std::string* err) {
    cli::Registry registry;
    cli::registerForecastCommands(registry);
    args.insert(args.begin(), "seqscope-cli");
    std::vector<const char*> argv;
    for (const auto& a : args) argv.push_back(a.c_str());
    std::ostringstream o, e;
    const int rc = registry.run(static_cast<int>(argv.size()), argv.data(), o, e);
    *out = o.str();
    *err = e.str();
    return rc;
}

// The true final loss of a run: L(N, D) = 1.8 + 40 N^-0.34 + 60 D^-0.28 (3.7 nats at N = 1e5, D = 1e6).
double lawLoss(double n, double d) { return 1.8 + 40 * std::pow(n, -0.34) + 60 * std::pow(d, -0.28); }

// A run of width d trained to D = ratio N, logged up to `upTo` steps of its plan (0 = all, finished).
long long addRun(storage::Store& store, int d, double ratio, long long sweepId, double upToFraction = 1.0) {
    training::TrainingConfig c;
    c.shape = analysis::makeShape(analysis::Arch::XLstm, d, 2, 1);
    c.shape.vocab = 260;
    c.context = 128;
    c.budgetKind = training::BudgetKind::TokenParamRatio;
    c.budget = ratio;
    c.batchTokens = 1024;
    const auto plan = training::planTraining(c);
    if (!plan.status) qFatal("plan: %s", plan.status.message().c_str());
    storage::RunRecord r;
    r.name = "xlstm d" + std::to_string(d) + " r" + std::to_string(int(ratio));
    r.arch = "xlstm";
    r.ctx = 128;
    r.params = double(plan.params);
    r.configJson = training::trainingConfigToJson(c);
    r.sweepId = sweepId;
    auto id = store.createRun(r);
    if (!id) qFatal("createRun: %s", id.status().message().c_str());

    // Curve: the annealing law with alpha 0.5, shifted so the validation loss at the end is the law's.
    const training::LrSchedule schedule{c.lr, plan.warmupSteps, plan.steps, c.finalLrFactor};
    std::vector<double> lr(size_t(plan.steps)), s1, s2;
    for (long long s = 0; s < plan.steps; ++s) lr[size_t(s)] = schedule.at(s);
    analysis::annealingAreas(lr, plan.warmupSteps, 0.999, &s1, &s2);
    const double gap = 0.04, a = 2.0, alpha = 0.5, cc = 0.15 / s2.back();
    const double end = lawLoss(double(plan.params), plan.tokens);
    const double l0 = end - gap - a * std::pow(s1.back(), -alpha) + cc * s2.back();
    const long long last = std::max<long long>(1, static_cast<long long>(upToFraction * double(plan.steps)));
    std::mt19937 rng(unsigned(d * 100 + ratio));
    std::normal_distribution<double> eps(0.0, 0.01);
    std::vector<storage::MetricPoint> points;
    for (long long s = 1; s <= last; ++s) {
        const double clean = s == 1 ? 5.5 : l0 + a * std::pow(s1[size_t(s)], -alpha) - cc * s2[size_t(s)];
        storage::MetricPoint m;
        m.step = s;
        m.tokens = s * plan.tokensPerStep;
        m.name = metrics::kTrainLoss;
        m.value = clean + eps(rng);
        points.push_back(m);
        if (s % (plan.steps / 5) == 0 || s == plan.steps) {
            m.name = metrics::kValLoss;
            m.value = clean + gap;
            points.push_back(m);
        }
    }
    if (Status s = store.appendMetrics(*id, points); !s) qFatal("metrics: %s", s.message().c_str());
    if (upToFraction >= 1.0)
        if (Status s = store.finishRun(*id, storage::RunStatus::Finished); !s) qFatal("finish: %s", s.message().c_str());
    return *id;
}

}  // namespace

class TestCliForecast : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    long long m_live = 0, m_early = 0;
    std::string db() const { return m_dir.filePath(QStringLiteral("forecast.db")).toStdString(); }

private slots:
    void initTestCase() {
        auto store = workspace::openWorkspace(db());
        QVERIFY2(store, store.status().message().c_str());
        storage::SweepRecord sweep;
        sweep.name = "small";
        auto sweepId = (*store)->createSweep(sweep);
        QVERIFY(sweepId);
        for (int d : {32, 48, 64})
            for (double ratio : {5.0, 10.0, 20.0}) addRun(**store, d, ratio, *sweepId);
        m_live = addRun(**store, 56, 10.0, 0, 0.6);    // running, past its warm-up
        m_early = addRun(**store, 56, 5.0, 0, 0.05);   // running, still in its warm-up
    }

    void backtestReportsBothMethodsAtEachFraction() {
        std::string out, err;
        QCOMPARE(run({"forecast", "backtest", "--db", db(), "--source", "sweep:small", "--resamples", "50",
                      "--law-resamples", "20", "--json"},
                     &out, &err),
                 0);
        const auto j = nlohmann::json::parse(out);
        QCOMPARE(j["source"].get<std::string>(), std::string("sweep:small"));
        QCOMPARE(j["runs"].get<int>(), 9);
        QCOMPARE(j["observed_metric"].get<std::string>(), std::string("val_loss"));
        QCOMPARE(j["rows"].size(), size_t(6));
        QCOMPARE(j["cases"].size(), size_t(9 * 3 * 2));
        for (const auto& r : j["rows"]) {
            QCOMPARE(r["n"].get<int>(), 9);
            QCOMPARE(r["refused"].get<int>(), 0);
            const double mae = r["mae"].get<double>();
            // The law is exact and the curves follow their law: small errors, growing none with data.
            if (r["method"] == "law") QVERIFY2(mae < 0.01, qPrintable(QString::number(mae)));
            if (r["method"] == "curve" && r["fraction"].get<double>() == 0.75)
                QVERIFY2(mae < 0.02, qPrintable(QString::number(mae)));
        }
        // Text form: the table with one line per method and fraction.
        QCOMPARE(run({"forecast", "backtest", "--db", db(), "--source", "sweep:small", "--fractions", "0.5",
                      "--resamples", "0", "--law-resamples", "0"},
                     &out, &err),
                 0);
        QVERIFY2(out.find("sweep:small: forecast backtest on 9 finished runs") != std::string::npos, out.c_str());
        QVERIFY2(out.find("curve    50%") != std::string::npos, out.c_str());
        QVERIFY2(out.find("law      50%") != std::string::npos, out.c_str());
    }

    void forecastOfALiveRunHasBothMethods() {
        std::string out, err;
        QCOMPARE(run({"forecast", "run", std::to_string(m_live), "--db", db(), "--json"}, &out, &err), 0);
        const auto j = nlohmann::json::parse(out);
        QVERIFY(j["observed_final"].is_null());
        QVERIFY2(!j["curve"].contains("error"), out.c_str());
        QVERIFY2(!j["law"].contains("error"), out.c_str());
        QCOMPARE(j["law"]["runs"].get<int>(), 9);
        const double truth = lawLoss(j["params"].get<double>(), j["tokens"].get<double>());
        for (const char* m : {"curve", "law"}) {
            QVERIFY2(j[m]["lo"].get<double>() < j[m]["hi"].get<double>() + 1e-9, out.c_str());
            QVERIFY2(std::abs(j[m]["final"].get<double>() - truth) < 0.03, out.c_str());
        }
        // The law is exact here, so its band is as narrow as rounding: compare with a hair of slack.
        QVERIFY2(j["law"]["lo"].get<double>() - 1e-9 <= truth && truth <= j["law"]["hi"].get<double>() + 1e-9, out.c_str());
        QVERIFY(std::abs(j["law"]["final"].get<double>() - truth) < 1e-6);
    }

    void runInWarmUpIsRefusedByTheCurveButNotTheLaw() {
        std::string out, err;
        QCOMPARE(run({"forecast", "run", std::to_string(m_early), "--db", db()}, &out, &err), 0);
        QVERIFY2(out.find("curve forecast: run " + std::to_string(m_early)) != std::string::npos, out.c_str());
        QVERIFY2(out.find("is still in its warm-up") != std::string::npos, out.c_str());
        QVERIFY2(out.find("law forecast: final loss") != std::string::npos, out.c_str());
    }

    void errorsNameTheInput() {
        std::string out, err;
        QCOMPARE(run({"forecast", "backtest", "--db", db(), "--source", "xlstm-paper"}, &out, &err), 1);
        QVERIFY2(err.find("'xlstm-paper' has final losses only, no loss curves") != std::string::npos, err.c_str());
        QCOMPARE(run({"forecast", "backtest", "--db", db(), "--source", "sweep:nope"}, &out, &err), 1);
        QVERIFY2(err.find("no sweep named or numbered 'nope'") != std::string::npos, err.c_str());
        QCOMPARE(run({"forecast", "backtest", "--db", db(), "--source", "tag:none"}, &out, &err), 1);
        QVERIFY2(err.find("source 'tag:none' has no finished runs") != std::string::npos, err.c_str());
        QCOMPARE(run({"forecast", "backtest", "--db", db(), "--source", "runs", "--fractions", "0.5,1"}, &out, &err), 2);
        QVERIFY2(err.find("fraction 1") != std::string::npos, err.c_str());
        QCOMPARE(run({"forecast", "backtest", "--db", db()}, &out, &err), 2);
        QCOMPARE(run({"forecast", "run", "999", "--db", db()}, &out, &err), 1);
        QVERIFY2(err.find("999") != std::string::npos, err.c_str());
        QCOMPARE(run({"forecast", "run", "x", "--db", db()}, &out, &err), 2);
    }
};

QTEST_GUILESS_MAIN(TestCliForecast)
#include "tst_cli_forecast.moc"
