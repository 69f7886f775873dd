// SPDX-License-Identifier: MIT
// IsoFLOP analysis (scaling-laws.md 7): budget assignment, parabola vertices, power laws with
// curve_fit-equivalent standard errors, bad-input messages, bootstrap determinism, and the
// reproduction of the released power laws (optimal_flop_param_token_tables.ipynb).
#include <QtTest>
#include <cmath>

#include "analysis/context_study.h"
#include "analysis/isoflop_fit.h"
#include "analysis/tokenparam_slopes.h"
#include "fit_test_data.h"
#include "test_support.h"

using namespace seqscope;
using namespace seqscope::analysis;

namespace {

// Noise-free IsoFLOP runs: loss is an exact parabola in log10 N around N* = A C^a, with D = C/(6N),
// so the parabola in log10 D is exact too (log10 D = log10(C/6) - log10 N).
std::vector<ScalingPoint> syntheticRuns(double A, double a, const std::vector<double>& budgets, int perBudget = 7) {
    std::vector<ScalingPoint> pts;
    int row = 2;
    for (double c : budgets) {
        const double nStar = A * std::pow(c, a);
        for (int i = 0; i < perBudget; ++i) {
            const double off = -0.6 + 1.2 * i / (perBudget - 1);   // log10 offset from N*
            ScalingPoint p;
            p.arch = "xlstm";
            p.ctx = 8192;
            p.params = nStar * std::pow(10.0, off);
            p.flops = c * (1.0 + 0.01 * (i % 3 - 1));               // within the 10% tolerance
            p.tokens = p.flops / (6.0 * p.params);
            p.loss = 2.0 + 5.0 / std::log10(c) + 0.3 * off * off;
            p.budget = c;
            p.sourceRow = row++;
            pts.push_back(p);
        }
    }
    return pts;
}

}  // namespace

class TestIsoflopFit : public QObject {
    Q_OBJECT
private slots:
    void recoversSyntheticOptimaAndPowerLaw() {
        const auto pts = syntheticRuns(0.1, 0.5, {1e18, 1e19, 1e20});
        const IsoflopFit fit = fitIsoflop(pts);
        QVERIFY2(fit.status.isOk(), fit.status.message().c_str());
        QCOMPARE(fit.budgets.size(), size_t(3));
        for (const auto& b : fit.budgets) {
            QVERIFY(b.usable);
            // The runs' C vary by +-1%, so N* is the parabola's vertex of the data actually given.
            QVERIFY2(test::fuzzyCompare(b.nOpt, 0.1 * std::sqrt(b.budget), 1e-9), std::to_string(b.nOpt).c_str());
            QVERIFY(test::fuzzyCompare(b.inN.a, 0.3, 1e-9));
        }
        QVERIFY(test::fuzzyCompare(fit.nOptLaw.a, 0.5, 1e-4));
        QVERIFY(test::fuzzyCompare(fit.nOptLaw.A, 0.1, 1e-2));
        QVERIFY(test::fuzzyCompare(fit.dOptLaw.a, 0.5, 1e-2));
    }

    void budgetComputeIsMeanOfAssignedRuns() {
        auto pts = syntheticRuns(0.1, 0.5, {1e19}, 5);
        double sum = 0;
        for (const auto& p : pts) sum += p.flops;
        const IsoflopFit fit = fitIsoflop(pts);
        QVERIFY(fit.status.isOk());
        QVERIFY(test::fuzzyCompare(fit.budgets[0].compute, sum / 5, 1e-15));
    }

    void toleranceIsStrict() {
        QCOMPARE(assignBudget(1.1e19, {1e19}, 0.1), 0.0);        // exactly 10% off: "extra"
        QCOMPARE(assignBudget(1.0999e19, {1e19}, 0.1), 1e19);
        QCOMPARE(assignBudget(0.9e19, {1e19}, 0.1), 0.0);
        QCOMPARE(assignBudget(2.9e19, {1e19, 3e19}, 0.1), 3e19);
    }

    void runsOutsideEveryBudgetAreNamed() {
        auto pts = syntheticRuns(0.1, 0.5, {1e19, 1e20});
        pts[3].flops = 3e19;   // row 5: lies within 10% of no listed budget
        IsoflopOptions o;
        o.budgets = {1e19, 1e20};
        const IsoflopFit fit = fitIsoflop(pts, o);
        QVERIFY(fit.status.isOk());
        QCOMPARE(fit.unassignedRows, std::vector<int>{5});
        bool named = false;
        for (const auto& w : fit.warnings) named |= w.find("row 5") != std::string::npos;
        QVERIFY(named);
    }

    void budgetWithTwoRunsIsSkippedWithRowsNamed() {
        auto pts = syntheticRuns(0.1, 0.5, {1e18, 1e19, 1e20});
        pts.resize(7 + 7 + 2);   // the 1e20 budget keeps rows 16 and 17
        const IsoflopFit fit = fitIsoflop(pts);
        QVERIFY(fit.status.isOk());
        QVERIFY(!fit.budgets[2].usable);
        bool named = false;
        for (const auto& w : fit.warnings)
            named |= w.find("only 2 run(s)") != std::string::npos && w.find("rows 16, 17") != std::string::npos;
        QVERIFY2(named, fit.full().c_str());
        QCOMPARE(fit.nOptLaw.points, 2);
    }

    void nanLossIsRejectedNamingTheRow() {
        auto pts = syntheticRuns(0.1, 0.5, {1e19});
        pts[4].loss = NAN;
        const IsoflopFit fit = fitIsoflop(pts);
        QVERIFY(!fit.status.isOk());
        QCOMPARE(fit.status.code(), StatusCode::InvalidArgument);
        QVERIFY2(fit.status.message().find("row 6: loss missing (NaN)") != std::string::npos, fit.status.message().c_str());
    }

    void nonPositiveParamsAreSkippedWhenAsked() {
        auto pts = syntheticRuns(0.1, 0.5, {1e19});
        pts[0].params = -5;
        IsoflopOptions o;
        o.invalidPoints = InvalidPointPolicy::Skip;
        const IsoflopFit fit = fitIsoflop(pts, o);
        QVERIFY(fit.status.isOk());
        QCOMPARE(fit.budgets[0].runs, 6);
        QVERIFY(!fit.warnings.empty() && fit.warnings[0].find("row 2: params N -5 (must be > 0)") != std::string::npos);
    }

    void concaveBudgetIsFlaggedNotReported() {
        auto pts = syntheticRuns(0.1, 0.5, {1e19});
        for (auto& p : pts) p.loss = 4.0 - p.loss;   // curvature a < 0
        const IsoflopFit fit = fitIsoflop(pts);
        QVERIFY(!fit.status.isOk());
        QVERIFY(!fit.budgets[0].inN.minimumValid);
        QVERIFY(std::isnan(fit.budgets[0].nOpt));
        QVERIFY(fit.budgets[0].inN.problem.find("<= 0") != std::string::npos);
    }

    void vertexOutsideSampledRangeIsFlagged() {
        std::vector<double> n = {1e8, 2e8, 4e8, 8e8}, l;
        for (double x : n) l.push_back(0.2 * std::pow(std::log10(x) - 10.0, 2));   // vertex at 1e10
        const Parabola p = fitLogParabola(n, l);
        QVERIFY(p.status.isOk());
        QVERIFY(!p.minimumValid);
        QVERIFY(p.problem.find("outside the sampled range") != std::string::npos);
    }

    void mixedArchitecturesAreRejected() {
        auto pts = syntheticRuns(0.1, 0.5, {1e19});
        pts[1].arch = "transformer";
        const IsoflopFit fit = fitIsoflop(pts);
        QVERIFY(!fit.status.isOk());
        QVERIFY(fit.status.message().find("mix architectures") != std::string::npos);
    }

    // Values from scipy.optimize.curve_fit (SciPy 1.10) on the same inputs.
    void parabolaMatchesCurveFit() {
        const std::vector<double> n = {1e8, 2e8, 3e8, 5e8, 8e8, 1.2e9}, l = {3.30, 3.21, 3.18, 3.17, 3.19, 3.24};
        const Parabola p = fitLogParabola(n, l);
        QVERIFY(test::fuzzyCompare(p.a, 0.32934782, 1e-6));
        QVERIFY(test::fuzzyCompare(p.b, -5.68569536, 1e-6));
        QVERIFY(test::fuzzyCompare(p.c, 27.7092454, 1e-6));
        QVERIFY(test::fuzzyCompare(p.aStdError, 0.0151395, 1e-5));
        QVERIFY(test::fuzzyCompare(p.bStdError, 0.25878246, 1e-5));
        QVERIFY(test::fuzzyCompare(p.cStdError, 1.10425011, 1e-5));
        QVERIFY(test::fuzzyCompare(p.vertexLog10, 8.631748963433054, 1e-6));   // curve_fit stops at ~1e-8
    }

    void powerLawMatchesCurveFitInLogSpace() {
        const PowerLawFit f = fitPowerLaw({6e18, 1e19, 3e19, 1e20, 6e20}, {2.3e8, 3.1e8, 5.4e8, 1.07e9, 2.4e9});
        QVERIFY(f.status.isOk());
        QVERIFY(test::fuzzyCompare(f.A, 0.05892123, 1e-6));
        QVERIFY(test::fuzzyCompare(f.a, 0.51149616, 1e-7));
        QVERIFY(test::fuzzyCompare(f.AStdError, 0.03523105, 1e-5));
        QVERIFY(test::fuzzyCompare(f.aStdError, 0.01323553, 1e-5));
    }

    void twoPointPowerLawHasNoStandardErrors() {
        const PowerLawFit f = fitPowerLaw({1e19, 1e20}, {1e8, 3e8});
        QVERIFY(f.status.isOk());
        QVERIFY(std::isnan(f.aStdError));
        QVERIFY(!f.warnings.empty());
        QVERIFY(!fitPowerLaw({1e19}, {1e8}).status.isOk());
    }

    void bootstrapIsDeterministicAndBracketsTheEstimate() {
        auto pts = syntheticRuns(0.1, 0.5, {1e19, 1e20}, 9);
        for (size_t i = 0; i < pts.size(); ++i) pts[i].loss += 0.004 * std::sin(3.0 * i);   // fixed "noise"
        IsoflopOptions o;
        o.bootstrap = 200;
        o.seed = 7;
        const IsoflopFit a = fitIsoflop(pts, o), b = fitIsoflop(pts, o);
        QVERIFY(a.status.isOk());
        for (size_t k = 0; k < a.budgets.size(); ++k) {
            QCOMPARE(a.budgets[k].nOptInterval.lo, b.budgets[k].nOptInterval.lo);
            QCOMPARE(a.budgets[k].nOptInterval.hi, b.budgets[k].nOptInterval.hi);
            QVERIFY(a.budgets[k].nOptInterval.lo <= a.budgets[k].nOpt && a.budgets[k].nOpt <= a.budgets[k].nOptInterval.hi);
        }
        o.seed = 8;
        const IsoflopFit c = fitIsoflop(pts, o);
        QVERIFY(c.budgets[0].nOptInterval.lo != a.budgets[0].nOptInterval.lo);
    }

    // optimal_flop_param_token_tables.ipynb (release 146fc5e): Transformer T = 8192, budgets in
    // [5e18, 2e20]: A' = 0.0023, a = 0.575, B' = 58.5, b = 0.424 (3 significant digits). The
    // Transformer losses are exact in the release, so the fit must agree to the printed digits.
    void reproducesPublishedTransformerLaws() {
        QString source;
        const auto pts = test::paperPoints("transformer", "isoflop_ctx8192", &source);
        if (pts.empty()) QSKIP("no xLSTM paper data (resources/datasets or ../shared/data)");
        IsoflopOptions o;
        o.budgets = {6e18, 1e19, 3e19, 1e20, 6e20};
        o.fitRangeLo = 5e18;
        o.fitRangeHi = 2e20;
        const IsoflopFit fit = fitIsoflop(pts, o);
        QVERIFY2(fit.status.isOk(), fit.status.message().c_str());
        QCOMPARE(fit.nOptLaw.points, 4);
        QVERIFY2(std::fabs(fit.nOptLaw.a - 0.575) < 0.0005, fit.brief().c_str());
        QVERIFY(std::fabs(fit.nOptLaw.A - 0.0023) < 0.00005);
        QVERIFY(std::fabs(fit.dOptLaw.a - 0.424) < 0.0005);
        QVERIFY(std::fabs(fit.dOptLaw.A - 58.5) < 0.05);
    }

    // Same notebook, context-specific laws over [5e18, 5e19] for the Transformer. The notebook prints
    // 3 significant digits; at T = 2048 our exponent is 0.55355 against a printed 0.553 (the only
    // entry off by more than the rounding), so exponents are checked to 1e-3. A prefactor moves by
    // ln(C) ~ 44 times an exponent change (A' = 0.00205 here against a printed 0.0021 at T = 8192),
    // so prefactors are checked to 5%.
    void reproducesPublishedContextLaws() {
        struct Row { long long ctx; double A, a, B, b; };
        const Row published[] = {{2048, 0.0069, 0.553, 74, 0.423}, {8192, 0.0021, 0.577, 65, 0.422},
                                 {16384, 0.0025, 0.569, 34.5, 0.432}};
        std::vector<ScalingPoint> all;
        for (const auto& r : published) {
            QString source;
            auto pts = test::paperPoints("transformer", "isoflop_ctx" + std::to_string(r.ctx), &source);
            if (pts.empty()) QSKIP("no xLSTM paper data (resources/datasets or ../shared/data)");
            all.insert(all.end(), pts.begin(), pts.end());
        }
        IsoflopOptions o;
        o.fitRangeLo = 5e18;
        o.fitRangeHi = 5e19;
        const ContextStudy st = fitContextStudy(all, o);
        QVERIFY2(st.status.isOk(), st.status.message().c_str());
        QCOMPARE(st.contexts.size(), size_t(3));
        for (size_t i = 0; i < 3; ++i) {
            const auto& f = st.perContext[i];
            const Row& r = published[i];
            QCOMPARE(st.contexts[i], r.ctx);
            const std::string what = std::to_string(r.ctx) + ": " + f.brief();
            QVERIFY2(std::fabs(f.nOptLaw.a - r.a) < 0.001, what.c_str());
            QVERIFY2(test::fuzzyCompare(f.nOptLaw.A, r.A, 0.05), what.c_str());
            QVERIFY2(std::fabs(f.dOptLaw.a - r.b) < 0.001, what.c_str());
            QVERIFY2(test::fuzzyCompare(f.dOptLaw.A, r.B, 0.05), what.c_str());
        }
        QVERIFY(!st.perBudget.empty());
        QCOMPARE(st.perBudget[0].contexts.size(), size_t(3));
        QVERIFY(st.perBudget[0].nOptLaw.status.isOk());
    }

    void tokenParamSlopesGroupWithinEighteenPercent() {
        QString source;
        const auto pts = test::paperPoints("xlstm", "tokenparam_ctx8192", &source);
        if (pts.empty()) QSKIP("no xLSTM paper data");
        const TokenParamSlopes s = fitTokenParamSlopes(pts);
        QVERIFY2(s.status.isOk(), s.status.message().c_str());
        QVERIFY(s.slopes.size() >= 5);
        for (const auto& x : s.slopes)
            if (x.law.status.isOk()) QVERIFY2(x.law.a < 0 && x.law.a > -0.2, s.brief().c_str());   // loss falls with C
        // What the name says: a run joins a preset ratio exactly when its D/N lies within 18 % of it.
        const auto ratioOf = [&](int row) -> double {
            for (const auto& p : pts)
                if (p.sourceRow == row) return p.tokens / p.params;
            return NAN;
        };
        int assigned = 0;
        for (const auto& x : s.slopes)
            for (int row : x.sourceRows) {
                QVERIFY2(std::fabs(ratioOf(row) / x.ratio - 1) <= analysis::kPaperRatioTolerance,
                         qPrintable(QStringLiteral("row %1: D/N %2 in the %3 group").arg(row).arg(ratioOf(row)).arg(x.ratio)));
                ++assigned;
            }
        for (int row : s.unassignedRows)
            for (double preset : analysis::kPaperTokenParamRatios)
                QVERIFY2(std::fabs(ratioOf(row) / preset - 1) > analysis::kPaperRatioTolerance,
                         qPrintable(QStringLiteral("row %1 (D/N %2) left out of the %3 group").arg(row).arg(ratioOf(row)).arg(preset)));
        QCOMPARE(assigned + int(s.unassignedRows.size()), int(pts.size()));
        QVERIFY(assigned > 0 && !s.unassignedRows.empty());   // the table has runs of both kinds
    }
};

QTEST_GUILESS_MAIN(TestIsoflopFit)
#include "tst_isoflop_fit.moc"
