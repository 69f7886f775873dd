// SPDX-License-Identifier: MIT
// Group statistics against numpy on a fixture: three runs logged at different x, interpolated onto
// a shared grid. Reference values from numpy 2.4 (np.interp per member, NaN outside its extent):
//   a = stack of interpolated members; per grid x over the covering members:
//   mean = col.mean(), std = np.std(col, ddof=1), stderr = std / sqrt(n), min / max.
// The chart documents ddof = 1 (sample std of seeds); numpy's default ddof = 0 is checked to differ.
#include "curve_groups.h"
#include "curve_model.h"
#include "curve_pipeline.h"
#include "run_colors.h"

#include <QTest>
#include <cmath>

using namespace seqscope::widgets;

namespace {

struct Fixture {
    std::vector<double> ua{0, 1, 2, 3, 4}, va{4.0, 3.0, 2.5, 2.2, 2.0};
    std::vector<double> ub{0, 0.5, 1.5, 3.5}, vb{4.2, 3.6, 2.9, 2.1};
    std::vector<double> uc{1, 2, 5}, vc{3.3, 2.7, 1.9};
    std::vector<double> grid{0.25, 1.0, 1.75, 2.5, 3.25, 4.5};
    std::vector<GroupMember> members() const {
        return {{ua.data(), va.data(), ua.size()}, {ub.data(), vb.data(), ub.size()}, {uc.data(), vc.data(), uc.size()}};
    }
};

struct Expected {
    int n;
    double mean, std, stderr_, min, max;
};
// numpy output for the fixture (see the header comment); the last grid x is covered by one run.
const Expected kNumpy[] = {
    {2, 3.825, 0.10606601717798238, 0.07500000000000018, 3.75, 3.9000000000000004},
    {3, 3.1833333333333336, 0.16072751268321586, 0.09279607271383367, 3.0, 3.3},
    {3, 2.7583333333333333, 0.11814539065631521, 0.06821127309893708, 2.625, 2.85},
    {3, 2.472222222222222, 0.11097213530798992, 0.06406979219261556, 2.35, 2.566666666666667},
    {3, 2.238888888888889, 0.11344765475923393, 0.06549903401417545, 2.1500000000000004, 2.3666666666666667},
};

bool near(double a, double b) { return std::abs(a - b) <= 1e-12 * std::max(1.0, std::abs(b)); }

}  // namespace

class TestCurveGroups : public QObject {
    Q_OBJECT
private slots:
    void bandEqualsNumpyMeanAndStd_data();
    void bandEqualsNumpyMeanAndStd();
    void stdUsesDdofOneNotNumpysDefault();
    void fewerThanTwoRunsDrawNothing();
    void nonFiniteValuesDoNotCount();
    void pipelineDrawsOneMeanCurveWithBandPerGroup();
};

void TestCurveGroups::bandEqualsNumpyMeanAndStd_data() {
    QTest::addColumn<int>("band");
    QTest::newRow("std") << static_cast<int>(BandKind::StdDev);
    QTest::newRow("stderr") << static_cast<int>(BandKind::StdError);
    QTest::newRow("min-max") << static_cast<int>(BandKind::MinMax);
}

void TestCurveGroups::bandEqualsNumpyMeanAndStd() {
    QFETCH(int, band);
    const Fixture f;
    const GroupStatistics s = groupStatistics(f.members(), f.grid, static_cast<BandKind>(band));
    QCOMPARE(s.x, f.grid);
    for (size_t k = 0; k < 5; ++k) {
        const Expected& e = kNumpy[k];
        QCOMPARE(s.count[k], e.n);
        QVERIFY2(near(s.mean[k], e.mean), qPrintable(QString::number(s.mean[k], 'g', 17)));
        double lo = e.min, hi = e.max;
        if (band == static_cast<int>(BandKind::StdDev)) {
            lo = e.mean - e.std;
            hi = e.mean + e.std;
        } else if (band == static_cast<int>(BandKind::StdError)) {
            lo = e.mean - e.stderr_;
            hi = e.mean + e.stderr_;
        }
        QVERIFY2(near(s.lo[k], lo), qPrintable(QStringLiteral("k=%1 lo %2 vs %3").arg(k).arg(s.lo[k], 0, 'g', 17).arg(lo, 0, 'g', 17)));
        QVERIFY2(near(s.hi[k], hi), qPrintable(QStringLiteral("k=%1 hi %2 vs %3").arg(k).arg(s.hi[k], 0, 'g', 17).arg(hi, 0, 'g', 17)));
    }
    QCOMPARE(s.count[5], 1);
    QVERIFY(std::isnan(s.mean[5]) && std::isnan(s.lo[5]) && std::isnan(s.hi[5]));
}

void TestCurveGroups::stdUsesDdofOneNotNumpysDefault() {
    // np.std([3.75, 3.9]) (ddof=0) = 0.075: the chart's half-band is sqrt(2) times that.
    const Fixture f;
    const GroupStatistics s = groupStatistics(f.members(), f.grid, BandKind::StdDev);
    QVERIFY(near(s.hi[0] - s.mean[0], 0.075 * std::sqrt(2.0)));
    QVERIFY(!near(s.hi[0] - s.mean[0], 0.075));
}

void TestCurveGroups::fewerThanTwoRunsDrawNothing() {
    const Fixture f;
    std::vector<GroupMember> one{f.members()[0]};
    const GroupStatistics s = groupStatistics(one, f.grid, BandKind::StdDev);
    for (double m : s.mean) QVERIFY(std::isnan(m));
    const GroupStatistics single = groupStatistics(one, f.grid, BandKind::StdDev, 1);
    QCOMPARE(single.mean[1], 3.0);  // minRuns 1: the run itself, no spread
    QCOMPARE(single.lo[1], 3.0);
}

void TestCurveGroups::nonFiniteValuesDoNotCount() {
    Fixture f;
    f.vb[2] = NAN;  // B's point at x = 1.5: B cannot be interpolated on (0.5, 3.5)
    const GroupStatistics s = groupStatistics(f.members(), f.grid, BandKind::MinMax);
    QCOMPARE(s.count[0], 2);  // 0.25: A, B (between 0 and 0.5, both finite)
    QCOMPARE(s.count[2], 2);  // 1.75: A, C
    QVERIFY(near(s.mean[2], (2.625 + 2.85) / 2));  // A and C interpolated at 1.75
}

void TestCurveGroups::pipelineDrawsOneMeanCurveWithBandPerGroup() {
    // Three seeds in a group and one ungrouped run: the frame has a group entry whose line is the
    // mean of the seeds at each pixel column centre, and the members are not drawn by default.
    CurveModel model;
    QVector<RunCurveInfo> infos;
    for (int r = 0; r < 3; ++r)
        infos.push_back({QStringLiteral("s%1").arg(r), QStringLiteral("seed %1").arg(r), false, QStringLiteral("g"),
                         QStringLiteral("xlstm (3 seeds)")});
    infos.push_back({QStringLiteral("solo"), QStringLiteral("solo"), false, {}, {}});
    model.setRuns(infos);
    for (int r = 0; r < 4; ++r) {
        QVector<CurvePoint> pts;
        for (int i = 0; i <= 1000; ++i) pts.push_back({i, i * 10.0, i * 1e9, 1.7e9 + i, 5.0 + r + std::sin(i * 0.01)});
        model.appendPoints(infos[r].key, pts);
    }
    CurvePipeline pipeline(&model);
    const PlotFrame frame = pipeline.compute(200, 100);
    const PlottedRun* group = nullptr;
    int members = 0;
    for (const PlottedRun& run : frame.runs) {
        if (run.isGroup) group = &run;
        if (run.group == QLatin1String("g") && !run.isGroup) {
            ++members;
            QVERIFY(run.line.isEmpty() && !run.inLegend);
        }
    }
    QVERIFY(group);
    QCOMPARE(members, 3);
    QCOMPARE(group->label, QStringLiteral("xlstm (3 seeds)"));
    QCOMPARE(group->groupMinN, 3);
    QVERIFY(group->line.size() >= 190);
    QCOMPARE(group->bandLo.size(), group->line.size());
    for (qsizetype i = 0; i < group->line.size(); ++i) {
        const double x = group->line[i].x();
        const double expect = 6.0 + std::sin(x * 0.01);  // mean of 5, 6, 7 + sin: linear interpolation error only
        QVERIFY2(std::abs(group->line[i].y() - expect) < 1e-4, qPrintable(QString::number(x)));
        QVERIFY(near(group->bandHi[i].y() - group->line[i].y(), 1.0));  // std of {5, 6, 7} + c, ddof 1
    }
    // The readout still lists each seed (in the group colour) beside the ungrouped run; hiding the
    // group removes its seeds from it.
    const QVector<ReadoutEntry> readout = pipeline.readoutAt(500, 1);
    QCOMPARE(readout.size(), 4);
    QCOMPARE(readout[0].color, runColor(QStringLiteral("g")));
    pipeline.setHidden(QStringLiteral("g"), true);
    pipeline.compute(200, 100);
    QCOMPARE(pipeline.readoutAt(500, 1).size(), 1);
}

QTEST_APPLESS_MAIN(TestCurveGroups)
#include "tst_curve_groups.moc"
