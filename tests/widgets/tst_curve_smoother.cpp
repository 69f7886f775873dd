// SPDX-License-Identifier: MIT
// Smoothing against direct reference computations: TensorBoard's debiased EMA written out as an
// explicit weighted sum, trailing and centred means over explicit windows; incremental updates equal
// batch results, causal kernels never rewrite earlier outputs, non-finite inputs are skipped.
#include "curve_smoother.h"

#include <QTest>
#include <cmath>
#include <random>

using namespace seqscope::widgets;

namespace {

std::vector<double> noisyLoss(size_t n, unsigned seed) {
    std::mt19937 rng(seed);
    std::normal_distribution<double> noise(0.0, 0.2);
    std::vector<double> y(n);
    for (size_t i = 0; i < n; ++i) y[i] = 2.0 + 8.0 / std::sqrt(1.0 + static_cast<double>(i)) + noise(rng);
    return y;
}

// s_n = sum_k w^(K-k) (1-w) y_k / (1 - w^K) over the K finite values up to n (TensorBoard PR#639).
std::vector<double> referenceEma(const std::vector<double>& y, double w) {
    std::vector<double> out(y.size());
    std::vector<double> finite;
    for (size_t n = 0; n < y.size(); ++n) {
        if (!std::isfinite(y[n])) {
            out[n] = NAN;
            continue;
        }
        finite.push_back(y[n]);
        const size_t K = finite.size();
        double num = 0;
        for (size_t k = 0; k < K; ++k) num += std::pow(w, static_cast<double>(K - 1 - k)) * (1 - w) * finite[k];
        out[n] = w == 0 ? y[n] : num / (1 - std::pow(w, static_cast<double>(K)));
    }
    return out;
}

std::vector<double> referenceMean(const std::vector<double>& y, int window, bool centred) {
    if (centred && window % 2 == 0) ++window;
    const long before = centred ? window / 2 : window - 1, after = centred ? window / 2 : 0;
    std::vector<double> out(y.size());
    for (long i = 0; i < static_cast<long>(y.size()); ++i) {
        if (!std::isfinite(y[static_cast<size_t>(i)])) {
            out[static_cast<size_t>(i)] = NAN;
            continue;
        }
        double sum = 0;
        int count = 0;
        for (long k = std::max(0L, i - before); k <= std::min<long>(static_cast<long>(y.size()) - 1, i + after); ++k)
            if (std::isfinite(y[static_cast<size_t>(k)])) {
                sum += y[static_cast<size_t>(k)];
                ++count;
            }
        out[static_cast<size_t>(i)] = sum / count;
    }
    return out;
}

void compareSeries(const std::vector<double>& got, const std::vector<double>& want, double relTol) {
    QCOMPARE(got.size(), want.size());
    for (size_t i = 0; i < got.size(); ++i) {
        if (std::isnan(want[i])) {
            QVERIFY2(std::isnan(got[i]), qPrintable(QStringLiteral("index %1 should be NaN").arg(i)));
            continue;
        }
        const double err = std::abs(got[i] - want[i]);
        QVERIFY2(err <= relTol * std::abs(want[i]),
                 qPrintable(QStringLiteral("index %1: got %2, want %3").arg(i).arg(got[i], 0, 'g', 17).arg(want[i], 0, 'g', 17)));
    }
}

SmoothingOptions opts(SmoothingKind kind, double w = 0.6, int window = 25) {
    SmoothingOptions o;
    o.kind = kind;
    o.emaWeight = w;
    o.window = window;
    return o;
}

}  // namespace

class TestCurveSmoother : public QObject {
    Q_OBJECT
private slots:
    void emaMatchesDebiasedReference_data();
    void emaMatchesDebiasedReference();
    void emaOfConstantIsConstantFromTheFirstPoint();
    void averagesMatchDirectWindows_data();
    void averagesMatchDirectWindows();
    void incrementalUpdatesEqualBatch_data();
    void incrementalUpdatesEqualBatch();
    void causalKernelsNeverRewriteHistory();
    void centredAverageRecomputesOnlyItsTail();
    void nonFiniteValuesAreSkipped();
    void longSeriesDoNotDrift();
    void offPassesValuesThrough();
    void optionsValidateTheirRanges();
    void timeEmaDoesNotDependOnHowOftenARunLogged();
    void timeEmaOnEvenStepsIsAnEmaFromTheFirstValue();
};

void TestCurveSmoother::emaMatchesDebiasedReference_data() {
    QTest::addColumn<double>("weight");
    QTest::newRow("no smoothing (w = 0)") << 0.0;
    QTest::newRow("TensorBoard default (w = 0.6)") << 0.6;
    QTest::newRow("strong (w = 0.95)") << 0.95;
    QTest::newRow("strongest (w = 0.999)") << 0.999;
}

void TestCurveSmoother::emaMatchesDebiasedReference() {
    QFETCH(double, weight);
    const std::vector<double> y = noisyLoss(600, 1);
    SeriesSmoother s;
    s.update(y.data(), y.size(), opts(SmoothingKind::Ema, weight));
    compareSeries(s.values(), referenceEma(y, weight), 1e-11);
    // Debiased: the first output is the first value, not (1 - w) times it.
    QCOMPARE(s.values().front(), y.front());
}

void TestCurveSmoother::emaOfConstantIsConstantFromTheFirstPoint() {
    const std::vector<double> y(1000, 3.25);
    SeriesSmoother s;
    s.update(y.data(), y.size(), opts(SmoothingKind::Ema, 0.99));
    for (double v : s.values()) QVERIFY(std::abs(v - 3.25) < 1e-12);
}

void TestCurveSmoother::averagesMatchDirectWindows_data() {
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("window");
    QTest::newRow("trailing, window 1") << int(SmoothingKind::RunningAverage) << 1;
    QTest::newRow("trailing, window 25") << int(SmoothingKind::RunningAverage) << 25;
    QTest::newRow("trailing, window longer than series") << int(SmoothingKind::RunningAverage) << 5000;
    QTest::newRow("centred, window 25") << int(SmoothingKind::CenteredAverage) << 25;
    QTest::newRow("centred, even window 10 rounds up to 11") << int(SmoothingKind::CenteredAverage) << 10;
}

void TestCurveSmoother::averagesMatchDirectWindows() {
    QFETCH(int, kind);
    QFETCH(int, window);
    const std::vector<double> y = noisyLoss(3000, 2);
    SeriesSmoother s;
    s.update(y.data(), y.size(), opts(static_cast<SmoothingKind>(kind), 0, window));
    compareSeries(s.values(), referenceMean(y, window, kind == int(SmoothingKind::CenteredAverage)), 1e-12);
}

void TestCurveSmoother::incrementalUpdatesEqualBatch_data() {
    QTest::addColumn<int>("kind");
    QTest::newRow("EMA") << int(SmoothingKind::Ema);
    QTest::newRow("trailing mean") << int(SmoothingKind::RunningAverage);
    QTest::newRow("centred mean") << int(SmoothingKind::CenteredAverage);
}

void TestCurveSmoother::incrementalUpdatesEqualBatch() {
    QFETCH(int, kind);
    const SmoothingOptions o = opts(static_cast<SmoothingKind>(kind), 0.9, 31);
    std::vector<double> y = noisyLoss(20000, 3);
    y[777] = NAN;
    SeriesSmoother batch, live;
    batch.update(y.data(), y.size(), o);
    std::mt19937 rng(4);
    std::uniform_int_distribution<size_t> chunk(1, 900);
    size_t n = 0;
    while (n < y.size()) {
        n = std::min(y.size(), n + chunk(rng));
        live.update(y.data(), n, o);  // a live run: the same buffer grows
    }
    compareSeries(live.values(), batch.values(), 1e-12);
}

void TestCurveSmoother::causalKernelsNeverRewriteHistory() {
    for (SmoothingKind kind : {SmoothingKind::Ema, SmoothingKind::RunningAverage}) {
        const std::vector<double> y = noisyLoss(5000, 5);
        SeriesSmoother s;
        s.update(y.data(), 2000, opts(kind, 0.8, 50));
        const std::vector<double> before = s.values();
        s.update(y.data(), 5000, opts(kind, 0.8, 50));
        QCOMPARE(s.lastRecomputeFrom(), size_t(2000));
        for (size_t i = 0; i < before.size(); ++i) QCOMPARE(s.values()[i], before[i]);
    }
}

void TestCurveSmoother::centredAverageRecomputesOnlyItsTail() {
    const std::vector<double> y = noisyLoss(5000, 6);
    SeriesSmoother s;
    s.update(y.data(), 2000, opts(SmoothingKind::CenteredAverage, 0, 41));
    s.update(y.data(), 5000, opts(SmoothingKind::CenteredAverage, 0, 41));
    QCOMPARE(s.lastRecomputeFrom(), size_t(2000 - 20));
}

void TestCurveSmoother::nonFiniteValuesAreSkipped() {
    std::vector<double> y = noisyLoss(400, 7);
    y[0] = NAN;
    y[100] = INFINITY;
    y[101] = NAN;
    for (SmoothingKind kind : {SmoothingKind::Ema, SmoothingKind::RunningAverage, SmoothingKind::CenteredAverage}) {
        SeriesSmoother s;
        s.update(y.data(), y.size(), opts(kind, 0.7, 9));
        QVERIFY(std::isnan(s.values()[0]) && std::isnan(s.values()[100]) && std::isnan(s.values()[101]));
        for (size_t i = 102; i < y.size(); ++i) QVERIFY(std::isfinite(s.values()[i]));
    }
    SeriesSmoother ema;
    ema.update(y.data(), y.size(), opts(SmoothingKind::Ema, 0.7));
    compareSeries(ema.values(), referenceEma(y, 0.7), 1e-11);
}

void TestCurveSmoother::longSeriesDoNotDrift() {
    // 200k points: the sliding sums are re-summed periodically; compare a few windows directly.
    const std::vector<double> y = noisyLoss(200000, 8);
    SeriesSmoother s;
    s.update(y.data(), y.size(), opts(SmoothingKind::RunningAverage, 0, 1000));
    for (size_t i : {size_t(999), size_t(123456), size_t(199999)}) {
        double sum = 0;
        for (size_t k = i - 999; k <= i; ++k) sum += y[k];
        QVERIFY(std::abs(s.values()[i] - sum / 1000) <= 1e-12 * (sum / 1000));
    }
}

void TestCurveSmoother::offPassesValuesThrough() {
    const std::vector<double> y = noisyLoss(100, 9);
    SeriesSmoother s;
    s.update(y.data(), y.size(), opts(SmoothingKind::Off));
    QCOMPARE(s.values(), y);
}

void TestCurveSmoother::optionsValidateTheirRanges() {
    std::string error;
    QVERIFY(opts(SmoothingKind::Ema, 0.999).isValid(&error));
    QVERIFY(!opts(SmoothingKind::Ema, 1.0).isValid(&error));
    QCOMPARE(QString::fromStdString(error), QStringLiteral("smoothing.emaWeight must be in [0, 0.999], got 1"));
    QVERIFY(!opts(SmoothingKind::RunningAverage, 0.5, 0).isValid(&error));
    QCOMPARE(QString::fromStdString(error), QStringLiteral("smoothing.window must be >= 1 point, got 0"));
}

void TestCurveSmoother::timeEmaDoesNotDependOnHowOftenARunLogged() {
    // A loss that drops from 0 to 1 after step 100, logged every step by one run and every 10 steps
    // by another: weighted by step distance both reach 1 - exp(-(s - 100) / tau) at step s (exactly,
    // for a step input); an index EMA would be 10x slower on the sparse run.
    SmoothingOptions o;
    o.kind = SmoothingKind::TimeEma;
    o.tau = 40;
    for (int every : {1, 10}) {
        std::vector<double> steps, y;
        for (int s = 0; s <= 300; s += every) {
            steps.push_back(s);
            y.push_back(s > 100 ? 1.0 : 0.0);
        }
        SeriesSmoother sm;
        sm.update(y.data(), y.size(), o, steps.data());
        for (size_t i = 0; i < y.size(); ++i) {
            const double expect = steps[i] > 100 ? 1.0 - std::exp(-(steps[i] - 100) / o.tau) : 0.0;
            QVERIFY2(std::abs(sm.values()[i] - expect) < 1e-12,
                     qPrintable(QStringLiteral("every %1, step %2").arg(every).arg(steps[i])));
        }
    }
    SmoothingOptions bad = o;
    bad.tau = 0;
    std::string error;
    QVERIFY(!bad.isValid(&error));
    QVERIFY(QString::fromStdString(error).contains(QStringLiteral("tau")));
}

void TestCurveSmoother::timeEmaOnEvenStepsIsAnEmaFromTheFirstValue() {
    // Unit steps: s_i = w s_(i-1) + (1 - w) y_i with w = exp(-1 / tau), s_0 = y_0; NaN skipped.
    std::mt19937 rng(4);
    std::normal_distribution<double> noise(3.0, 1.0);
    std::vector<double> y(500), steps(500);
    for (size_t i = 0; i < y.size(); ++i) {
        y[i] = i == 77 ? NAN : noise(rng);
        steps[i] = static_cast<double>(i);
    }
    SmoothingOptions o;
    o.kind = SmoothingKind::TimeEma;
    o.tau = 7.5;
    SeriesSmoother whole, parts;
    whole.update(y.data(), y.size(), o, steps.data());
    for (size_t n : {size_t(10), size_t(200), size_t(500)}) parts.update(y.data(), n, o, steps.data());
    const double w = std::exp(-1.0 / o.tau);
    double s = y[0], last = 0;
    for (size_t i = 0; i < y.size(); ++i) {
        if (std::isnan(y[i])) {
            QVERIFY(std::isnan(whole.values()[i]));
            continue;
        }
        if (i > 0) s = std::pow(w, steps[i] - last) * s + (1 - std::pow(w, steps[i] - last)) * y[i];
        last = steps[i];
        QVERIFY(std::abs(whole.values()[i] - s) < 1e-12);
        QCOMPARE(parts.values()[i], whole.values()[i]);
    }
}

QTEST_GUILESS_MAIN(TestCurveSmoother)
#include "tst_curve_smoother.moc"
