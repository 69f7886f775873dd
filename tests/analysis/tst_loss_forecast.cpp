// SPDX-License-Identifier: MIT
// Final-loss forecasts (analysis/loss_forecast.h, forecast_backtest.h) on synthetic runs whose
// curves follow a known LR-annealing law under the paper's warm-up + cosine schedule, plus noise:
// the curve fit recovers the final loss inside its band from a prefix, refuses prefixes it cannot
// use with a message saying why, and the law method predicts a held-out run of a known L(N, D).
#include <QtTest>
#include <cmath>
#include <random>

#include "analysis/forecast_backtest.h"
#include "analysis/loss_forecast.h"
#include "analysis/parametric_fit.h"

using namespace seqscope::analysis;

namespace {

// Warm-up + cosine to 0.1 x peak (training/lr_schedule.h), lr[s - 1] for step s.
std::vector<double> cosineSchedule(long long steps, long long warmup, double peak = 3e-3) {
    std::vector<double> lr(static_cast<size_t>(steps));
    const double pi = std::acos(-1.0);
    for (long long s = 0; s < steps; ++s) {
        if (s < warmup) lr[static_cast<size_t>(s)] = peak * static_cast<double>(s + 1) / static_cast<double>(warmup);
        else {
            const double p = static_cast<double>(s - warmup) / static_cast<double>(steps - 1 - warmup);
            lr[static_cast<size_t>(s)] = 0.1 * peak + 0.9 * peak * 0.5 * (1 + std::cos(pi * p));
        }
    }
    return lr;
}

// About 0.3 nats from the power law and 0.15 from annealing over a 1000-step cosine.
const AnnealingLaw kTruth{2.0, 3.0, 0.45, 0.0005};

// A run whose train loss follows kTruth plus Gaussian noise (sd `noise`), logged every step up to
// `upTo`, with a validation pass every `evalEvery` steps at train + `gap`.
ForecastRun syntheticRun(long long steps, long long upTo, double noise, unsigned seed, double gap = 0.05,
                         long long evalEvery = 50) {
    ForecastRun run;
    run.id = seed;
    run.arch = "xlstm";
    run.ctx = 128;
    run.plannedSteps = steps;
    run.warmupSteps = steps / 10;
    run.lr = cosineSchedule(steps, run.warmupSteps);
    std::vector<double> s1, s2;
    annealingAreas(run.lr, run.warmupSteps, 0.999, &s1, &s2);
    std::mt19937 rng(seed);
    std::normal_distribution<double> eps(0.0, noise);
    for (long long s = 1; s <= upTo; ++s) {
        const double clean = s == 1 ? 5.5 : kTruth.at(s1[static_cast<size_t>(s)], s2[static_cast<size_t>(s)]);
        run.trainSteps.push_back(s);
        run.trainLoss.push_back(clean + eps(rng));
        if (s % evalEvery == 0 || s == steps) run.valSteps.push_back(s), run.valLoss.push_back(clean + gap);
    }
    run.finished = upTo == steps;
    return run;
}

double trueFinal(const ForecastRun& run, double gap = 0.05) {
    std::vector<double> s1, s2;
    annealingAreas(run.lr, run.warmupSteps, 0.999, &s1, &s2);
    const auto n = static_cast<size_t>(run.plannedSteps);
    return kTruth.at(s1[n], s2[n]) + gap;
}

}  // namespace

class TestLossForecast : public QObject {
    Q_OBJECT
private slots:
    void annealingAreasFollowTheSchedule() {
        const auto lr = cosineSchedule(100, 10);
        std::vector<double> s1, s2;
        annealingAreas(lr, 10, 0.999, &s1, &s2);
        QCOMPARE(s1.size(), size_t(101));
        // S1 at step s counts the updates of steps 1..s-1 in peak-LR steps.
        double area = 0;
        for (int s = 0; s < 49; ++s) area += lr[static_cast<size_t>(s)];
        QVERIFY(std::abs(s1[50] - area / 3e-3) < 1e-9);
        // No annealing during the warm-up; then S2 grows as the cosine decays.
        QCOMPARE(s2[10], 0.0);
        QVERIFY(s2[60] > s2[30] && s2[100] > s2[60]);
    }

    void curveFitRecoversTheFinalLossWithinItsBand_data() {
        QTest::addColumn<double>("fraction");
        QTest::addColumn<double>("tolerance");   // nats; early prefixes hold little of the annealing
        QTest::newRow("a quarter of the run") << 0.25 << 0.15;
        QTest::newRow("half of the run") << 0.5 << 0.05;
        QTest::newRow("three quarters of the run") << 0.75 << 0.02;
    }
    void curveFitRecoversTheFinalLossWithinItsBand() {
        QFETCH(double, fraction);
        QFETCH(double, tolerance);
        const long long steps = 1000;
        const auto upTo = static_cast<long long>(fraction * steps);
        const ForecastRun run = syntheticRun(steps, upTo, 0.02, 7);
        const CurveForecast f = forecastFromCurve(run);
        QVERIFY2(f.status, f.status.message().c_str());
        const double truth = trueFinal(run);
        QVERIFY2(f.hasValOffset, "a validation pass lies inside the window");
        QVERIFY2(truth >= f.lo && truth <= f.hi,
                 qPrintable(QString("truth %1 outside [%2, %3]").arg(truth).arg(f.lo).arg(f.hi)));
        qInfo("forecast %.4f [%.4f, %.4f], truth %.4f", f.final, f.lo, f.hi, truth);
        QVERIFY2(std::abs(f.final - truth) < tolerance, qPrintable(QString("forecast %1 truth %2").arg(f.final).arg(truth)));
        QVERIFY(f.hi - f.lo > 0);
        // The chart band runs from the last seen step to the planned end, around the point estimate.
        QCOMPARE(f.bandSteps.front(), upTo);
        QCOMPARE(f.bandSteps.back(), steps);
        for (size_t i = 0; i < f.bandSteps.size(); ++i) QVERIFY(f.bandLo[i] <= f.bandMid[i] && f.bandMid[i] <= f.bandHi[i]);
    }

    // Without noise the prior on the annealing gain is negligible (sigma comes from the curve's own
    // step-to-step change), so the law comes back closely.
    void noiseFreeCurveGivesTheLaw() {
        const ForecastRun run = syntheticRun(600, 300, 0.0, 3);
        CurveForecastOptions o;
        o.resamples = 0;
        const CurveForecast f = forecastFromCurve(run, -1, o);
        QVERIFY2(f.status, f.status.message().c_str());
        qInfo("alpha %.4f, final %.5f, truth %.5f", f.law.alpha, f.final, trueFinal(run));
        QVERIFY(std::abs(f.law.alpha - kTruth.alpha) < 0.02);
        QVERIFY(std::abs(f.final - trueFinal(run)) < 2e-3);
    }

    void refusesAPrefixInsideTheWarmUp() {
        const ForecastRun run = syntheticRun(1000, 80, 0.02, 1);   // warm-up is 100 steps
        const CurveForecast f = forecastFromCurve(run);
        QVERIFY(!f.status);
        QVERIFY2(f.status.message().find("still in its warm-up") != std::string::npos, f.status.message().c_str());
    }

    void refusesTooFewPointsAfterTheWarmUp() {
        const ForecastRun run = syntheticRun(1000, 105, 0.02, 1);
        const CurveForecast f = forecastFromCurve(run);
        QVERIFY(!f.status);
        QVERIFY2(f.status.message().find("has 5 train-loss points after its warm-up") != std::string::npos,
                 f.status.message().c_str());
    }

    void refusesARunWhoseScheduleDoesNotMatchItsSteps() {
        ForecastRun run = syntheticRun(200, 100, 0.02, 1);
        run.lr.pop_back();
        const CurveForecast f = forecastFromCurve(run);
        QVERIFY(!f.status);
        QVERIFY2(f.status.message().find("199 learning rates for 200 planned steps") != std::string::npos,
                 f.status.message().c_str());
    }

    void refusesACurveThatDoesNotDecrease() {
        ForecastRun run = syntheticRun(400, 200, 0.0, 1);
        for (size_t i = 0; i < run.trainLoss.size(); ++i) run.trainLoss[i] = 2.0 + 1e-3 * static_cast<double>(i);
        const CurveForecast f = forecastFromCurve(run);
        QVERIFY(!f.status);
        QVERIFY2(f.status.message().find("does not decrease") != std::string::npos, f.status.message().c_str());
    }

    void observedFinalLossIsTheLastValidationPass() {
        ForecastRun run = syntheticRun(300, 300, 0.0, 2, 0.07);
        std::string metric;
        QCOMPARE(observedFinalLoss(run, &metric), run.valLoss.back());
        QCOMPARE(metric, std::string("val_loss"));
        run.valSteps.clear(), run.valLoss.clear();
        const double mean = observedFinalLoss(run, &metric);   // last 2 % of 300 steps, >= 5 points: 7
        double sum = 0;
        for (size_t i = run.trainLoss.size() - 7; i < run.trainLoss.size(); ++i) sum += run.trainLoss[i];
        QVERIFY(std::abs(mean - sum / 7) < 1e-12);
        QCOMPARE(metric, std::string("train_loss"));
        run.finished = false;
        QVERIFY(std::isnan(observedFinalLoss(run)));
    }

    void lawForecastPredictsAHeldOutRun() {
        if (!parametricFitAvailable()) QSKIP("this build has no Ceres");
        ParametricParams truth;
        truth.a = std::log(400.0), truth.b = std::log(600.0), truth.e = std::log(1.8), truth.alpha = 0.34, truth.beta = 0.28;
        std::vector<ScalingPoint> family;
        std::mt19937 rng(5);
        std::normal_distribution<double> eps(0.0, 0.003);
        for (double n : {5e4, 1e5, 2e5, 4e5})
            for (double r : {5.0, 10.0, 20.0}) {
                ScalingPoint p;
                p.arch = "xlstm", p.ctx = 128, p.params = n, p.tokens = r * n;
                p.loss = truth.loss(n, r * n) * std::exp(eps(rng));
                p.sourceRow = static_cast<int>(family.size() + 1);
                family.push_back(p);
            }
        LawForecastOptions o;
        o.resamples = 50;
        const LawForecast f = forecastFromLaw(family, 3e5, 4.5e6, o);
        QVERIFY2(f.status, f.status.message().c_str());
        const double expected = truth.loss(3e5, 4.5e6);
        QVERIFY2(std::abs(f.final - expected) / expected < 0.01, qPrintable(QString("%1 vs %2").arg(f.final).arg(expected)));
        QVERIFY(f.lo < f.final && f.final < f.hi);
        QVERIFY(expected >= f.lo && expected <= f.hi);

        family.resize(5);
        const LawForecast few = forecastFromLaw(family, 3e5, 4.5e6, o);
        QVERIFY(!few.status);
        QVERIFY2(few.status.message().find("needs 6 finished runs") != std::string::npos, few.status.message().c_str());
    }

    void backtestReportsEveryFractionForBothMethods() {
        std::vector<ForecastRun> runs;
        for (unsigned seed = 1; seed <= 3; ++seed) runs.push_back(syntheticRun(400 * seed, 400 * seed, 0.02, seed));
        runs.push_back(syntheticRun(400, 200, 0.02, 9));   // not finished: not backtested
        BacktestOptions o;
        o.curve.resamples = 50;
        const Backtest b = backtestForecasts(runs, o);
        QVERIFY2(b.status, b.status.message().c_str());
        QCOMPARE(b.runs, 3);
        QCOMPARE(b.observedMetric, std::string("val_loss"));
        QCOMPARE(b.rows.size(), size_t(6));
        for (const auto& r : b.rows) {
            if (r.method == "curve") QCOMPARE(r.n, 3);
            else QCOMPARE(r.refused, 3);   // 2 siblings each: fewer than the law's 6
        }
        // Rows are curve 25/50/75 %, then law: later cuts forecast better.
        QCOMPARE(b.rows[0].fraction, 0.25);
        QVERIFY(b.rows[2].meanAbsError < b.rows[0].meanAbsError);
        QVERIFY2(b.rows[2].meanAbsError < 0.02, qPrintable(QString::number(b.rows[2].meanAbsError)));
        QVERIFY(b.rows[2].coverage >= 0 && b.rows[2].coverage <= 1);
        QVERIFY(b.brief().find("curve") != std::string::npos);

        BacktestOptions bad;
        bad.fractions = {0.5, 1.0};
        QVERIFY(!backtestForecasts(runs, bad).status);
        QVERIFY(!backtestForecasts({runs.back()}).status);
    }
};

QTEST_GUILESS_MAIN(TestLossForecast)
#include "tst_loss_forecast.moc"
