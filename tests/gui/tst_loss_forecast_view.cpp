// SPDX-License-Identifier: MIT
// Forecast bands on the Loss Curves chart (issue 13), offscreen: a band handed to the chart is drawn
// from the run's last point to its planned last step in the run's colour, the automatic x range
// reaches it, the toolbar's Forecast toggle hides it, and a metric change drops it. Then the whole
// path: ForecastController reads a stored run in training, fits it on its worker thread and hands
// the chart a band that ends at the run's planned last step.
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <cmath>
#include <utility>
#include <vector>

#include "analysis/loss_forecast.h"
#include "common/metric_names.h"
#include "forecast_controller.h"
#include "loss_chart_canvas.h"
#include "loss_chart_forecast.h"
#include "loss_chart_toolbar.h"
#include "loss_chart_view.h"
#include "run_colors.h"
#include "storage/store.h"
#include "training/lr_schedule.h"
#include "training/training_config.h"

using namespace seqscope;
using namespace seqscope::widgets;

namespace {

QVector<CurvePoint> fixtureCurve(int steps) {
    QVector<CurvePoint> pts;
    for (int s = 1; s <= steps; ++s) {
        CurvePoint p;
        p.step = s;
        p.tokens = 1024.0 * s;
        p.flops = 3e8 * s;
        p.wallTime = 1000 + 0.1 * s;
        p.value = 2.0 + 3.0 / std::sqrt(double(s));
        pts.push_back(p);
    }
    return pts;
}

ForecastBand fixtureBand(int from, int to) {
    ForecastBand b;
    for (int s = from; s <= to; s += 10) {
        b.steps.push_back(s);
        const double mid = 2.0 + 3.0 / std::sqrt(double(s)) - 0.05 * (s - from) / double(to - from);
        b.mid.push_back(mid);
        b.lo.push_back(mid - 0.02 - 0.1 * (s - from) / double(to - from));
        b.hi.push_back(mid + 0.02 + 0.1 * (s - from) / double(to - from));
    }
    return b;
}

}  // namespace

class TestLossForecastView : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void bandIsDrawnFromTheLastPointToThePlannedEnd() {
        LossChartView view;
        view.resize(900, 600);
        view.show();
        view.setMetric(QStringLiteral("train_loss"));
        view.setRuns({{QStringLiteral("7"), QStringLiteral("run 7"), true, {}, {}}});
        view.appendPoints(QStringLiteral("7"), fixtureCurve(200));
        view.setForecast(QStringLiteral("7"), fixtureBand(200, 500));
        view.flushUpdates();
        // Off by default: nothing drawn, the x range ends at the data.
        QVERIFY(view.canvas()->forecastItem()->bands().isEmpty());
        QVERIFY(view.frame().x1 < 250);

        QSignalSpy shown(&view, &LossChartView::forecastsShownChanged);
        view.toolbar()->forecastButton()->click();
        QCOMPARE(shown.count(), 1);
        QVERIFY(view.forecastsShown());
        view.flushUpdates();
        const auto& bands = view.canvas()->forecastItem()->bands();
        QCOMPARE(bands.size(), 1);
        QCOMPARE(bands[0].color, runColor(QStringLiteral("7")));
        QCOMPARE(bands[0].mid.front().x(), 200.0);
        QCOMPARE(bands[0].mid.back().x(), 500.0);
        QVERIFY(bands[0].lo.back().y() < bands[0].mid.back().y() && bands[0].mid.back().y() < bands[0].hi.back().y());
        QVERIFY2(view.frame().x1 >= 500, qPrintable(QString::number(view.frame().x1)));

        // On the tokens axis the band ends at the planned step's tokens (1024 per step here).
        CurveViewOptions o = view.options();
        o.xAxis = XAxisKind::Tokens;
        QVERIFY(view.setOptions(o));
        view.flushUpdates();
        QCOMPARE(view.canvas()->forecastItem()->bands()[0].mid.back().x(), 1024.0 * 500);

        view.toolbar()->forecastButton()->click();
        view.flushUpdates();
        QVERIFY(view.canvas()->forecastItem()->bands().isEmpty());
        view.setForecastsShown(true);
        view.setMetric(QStringLiteral("val_loss"));   // bands belong to one metric
        QVERIFY(view.forecasts().isEmpty());
        // A band that is not a band (lo above mid) is refused.
        ForecastBand bad = fixtureBand(200, 500);
        bad.lo[0] = bad.mid[0] + 1;
        view.setForecast(QStringLiteral("7"), bad);
        QVERIFY(view.forecasts().isEmpty());
    }

    void controllerForecastsAStoredRunInTraining() {
        auto store = storage::Store::open(m_dir.filePath(QStringLiteral("f.db")).toStdString());
        QVERIFY2(store, store.status().message().c_str());
        training::TrainingConfig c;
        c.shape = analysis::makeShape(analysis::Arch::XLstm, 48, 2, 1);
        c.shape.vocab = 260;
        c.context = 128;
        c.budgetKind = training::BudgetKind::TokenParamRatio;
        c.budget = 10;
        c.batchTokens = 1024;
        const auto plan = training::planTraining(c);
        QVERIFY(plan.status);
        storage::RunRecord r;
        r.name = "live";
        r.arch = "xlstm";
        r.ctx = 128;
        r.configJson = training::trainingConfigToJson(c);
        auto id = (*store)->createRun(r);
        QVERIFY(id);
        // Half of the run, following the annealing law of its own schedule.
        const training::LrSchedule schedule{c.lr, plan.warmupSteps, plan.steps, c.finalLrFactor};
        std::vector<double> lr(size_t(plan.steps)), s1, s2;
        for (long long s = 0; s < plan.steps; ++s) lr[size_t(s)] = schedule.at(s);
        analysis::annealingAreas(lr, plan.warmupSteps, 0.999, &s1, &s2);
        std::vector<storage::MetricPoint> points;
        QVector<CurvePoint> chartPoints;
        for (long long s = 1; s <= plan.steps / 2; ++s) {
            storage::MetricPoint m;
            m.step = s;
            m.tokens = s * plan.tokensPerStep;
            m.name = metrics::kTrainLoss;
            m.value = 1.5 + 2.0 * std::pow(std::max(s1[size_t(s)], 0.5), -0.5) - 2e-4 * s2[size_t(s)] + 0.01 * std::sin(double(s));
            points.push_back(m);
            chartPoints.push_back({s, double(m.tokens), 0, 1000 + 0.1 * double(s), m.value});
        }
        QVERIFY((*store)->appendMetrics(*id, points));

        LossChartView view;
        view.resize(900, 600);
        view.setMetric(QStringLiteral("train_loss"));
        const QString key = QString::number(*id);
        view.setRuns({{key, QStringLiteral("live"), true, {}, {}}});
        view.appendPoints(key, chartPoints);
        gui::ForecastController controller(&view);
        controller.setStore(store->get());
        QSignalSpy done(&controller, &gui::ForecastController::finished);
        view.setForecastsShown(true);   // queues the plotted run at once
        QVERIFY(controller.busy());
        QVERIFY(done.wait(20000));
        QVERIFY(view.forecasts().contains(key));
        const ForecastBand& band = view.forecasts()[key];
        QCOMPARE(band.steps.front(), plan.steps / 2);
        QCOMPARE(band.steps.back(), plan.steps);
        view.flushUpdates();
        QCOMPARE(view.canvas()->forecastItem()->bands().size(), 1);
        QVERIFY(view.frame().x1 >= double(plan.steps));
        // The automatic y range shows the forecast's final interval (the ring is never clipped).
        QVERIFY(view.frame().y0 <= band.lo.back() && band.hi.back() <= view.frame().y1);
        QVERIFY(!band.hasLaw);   // no finished runs of its family yet
        controller.setStore(nullptr);   // detaching drops the bands
        QVERIFY(view.forecasts().isEmpty());
    }

    void lawForecastFromFinishedRunsOfTheFamily() {
        auto store = storage::Store::open(m_dir.filePath(QStringLiteral("law.db")).toStdString());
        QVERIFY2(store, store.status().message().c_str());
        // Finished xLSTM runs at T = 128 whose final losses follow a known law L(N, D).
        const auto law = [](double n, double d) { return 1.5 + 60.0 / std::pow(n, 0.35) + 200.0 / std::pow(d, 0.3); };
        const auto config = [](int d, double ratio) {
            training::TrainingConfig c;
            c.shape = analysis::makeShape(analysis::Arch::XLstm, d, 2, 1);
            c.shape.vocab = 260;
            c.context = 128;
            c.budgetKind = training::BudgetKind::TokenParamRatio;
            c.budget = ratio;
            c.batchTokens = 1024;
            return c;
        };
        for (const auto& [d, ratio] : std::vector<std::pair<int, double>>{{32, 5}, {32, 20}, {48, 5}, {48, 20}, {64, 10}, {64, 40}, {96, 5}, {96, 20}}) {
            const training::TrainingConfig c = config(d, ratio);
            const auto plan = training::planTraining(c);
            QVERIFY(plan.status);
            storage::RunRecord r;
            r.name = "done";
            r.arch = "xlstm";
            r.ctx = 128;
            r.params = double(plan.params);
            r.configJson = training::trainingConfigToJson(c);
            auto id = (*store)->createRun(r);
            QVERIFY(id);
            storage::MetricPoint m;
            m.step = plan.steps;
            m.name = metrics::kValLoss;
            m.value = law(double(plan.params), double(plan.steps * plan.tokensPerStep));
            QVERIFY((*store)->appendMetrics(*id, {m}));
            QVERIFY((*store)->finishRun(*id, storage::RunStatus::Finished));
        }
        // A run in training, half-way, with validation passes (so the chart's val_loss has a forecast).
        const training::TrainingConfig c = config(64, 20);
        const auto plan = training::planTraining(c);
        storage::RunRecord r;
        r.name = "live";
        r.arch = "xlstm";
        r.ctx = 128;
        r.params = double(plan.params);
        r.configJson = training::trainingConfigToJson(c);
        auto id = (*store)->createRun(r);
        QVERIFY(id);
        std::vector<storage::MetricPoint> points;
        QVector<CurvePoint> chartPoints;
        for (long long s = 1; s <= plan.steps / 2; ++s) {
            storage::MetricPoint m;
            m.step = s;
            m.tokens = s * plan.tokensPerStep;
            m.name = metrics::kTrainLoss;
            m.value = 2.0 + 3.0 / std::sqrt(double(s));
            points.push_back(m);
            if (s % 20 == 0) {
                m.name = metrics::kValLoss;
                m.value += 0.05;
                points.push_back(m);
                chartPoints.push_back({s, double(m.tokens), 0, 1000 + 0.1 * double(s), m.value});
            }
        }
        QVERIFY((*store)->appendMetrics(*id, points));
        LossChartView view;
        view.resize(900, 600);
        view.setMetric(QStringLiteral("val_loss"));
        const QString key = QString::number(*id);
        view.setRuns({{key, QStringLiteral("live"), true, {}, {}}});
        view.appendPoints(key, chartPoints);
        gui::ForecastController controller(&view);
        controller.setStore(store->get());
        QSignalSpy done(&controller, &gui::ForecastController::finished);
        view.setForecastsShown(true);
        QVERIFY(done.wait(60000));
        QVERIFY(view.forecasts().contains(key));
        const ForecastBand& band = view.forecasts()[key];
        QVERIFY(band.hasLaw);
        const double truth = law(double(plan.params), double(plan.steps * plan.tokensPerStep));
        QVERIFY2(std::fabs(band.lawMid / truth - 1) < 0.02, qPrintable(QStringLiteral("%1 vs %2").arg(band.lawMid).arg(truth)));
        QVERIFY(band.lawLo <= band.lawMid && band.lawMid <= band.lawHi);
        view.flushUpdates();
        QVERIFY(view.canvas()->forecastItem()->bands().front().hasLaw);
    }
};

QTEST_MAIN(TestLossForecastView)
#include "tst_loss_forecast_view.moc"
