// SPDX-License-Identifier: MIT
// The Parametric view on a real workspace (issue 13): the controller's fit on the built-in
// Chinchilla and xLSTM token/param data equals fitParametric called directly; the view draws
// contours, iso-FLOP lines, the compute-optimal path, predicted-against-observed points and one
// residual series per budget; a cancelled fit leaves the previous plot and says so; the
// leave-one-budget-out table's first row predicts the largest budget; the fit is stored in the
// fits table with its source and the program version. The coarse grid keeps it fast.
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>
#include <cmath>

#include "analysis/parametric_fit.h"
#include "common/metric_names.h"
#include "common/version.h"
#include "isoloss_chart_view.h"
#include "parametric_controller.h"
#include "parametric_fit_charts.h"
#include "parametric_job.h"
#include "parametric_side_panel.h"
#include "analysis_csv.h"
#include "parametric_view.h"
#include "scaling_plot_data.h"
#include "training/training_config.h"
#include "workspace/workspace.h"

using namespace seqscope;

namespace {

widgets::ParametricSelection coarse(bool gamma = false) {
    widgets::ParametricSelection o;
    o.fitGamma = gamma;
    o.grid = QStringLiteral("coarse");
    return o;
}

// A finished xLSTM run of width d at FLOP budget H whose final loss follows a Chinchilla law
// (E 1.8, A 40, alpha 0.34, B 60, beta 0.28): what a small sweep of the user's would give.
long long addFinishedRun(storage::Store& store, int d, double budget) {
    training::TrainingConfig c;
    c.shape = analysis::makeShape(analysis::Arch::XLstm, d, 2, 1);
    c.shape.vocab = 260;
    c.context = 128;
    c.budgetKind = training::BudgetKind::Flops;
    c.budget = budget;
    c.batchTokens = 2048;
    const auto plan = training::planTraining(c);
    if (!plan.status) qFatal("plan: %s", plan.status.message().c_str());
    storage::RunRecord r;
    r.name = "xlstm d" + std::to_string(d);
    r.arch = "xlstm";
    r.ctx = 128;
    r.params = double(plan.params);
    r.configJson = training::trainingConfigToJson(c);
    auto id = store.createRun(r);
    if (!id) qFatal("createRun: %s", id.status().message().c_str());
    storage::MetricPoint m;
    m.step = plan.steps;
    m.name = metrics::kValLoss;
    m.value = 1.8 + 40 * std::pow(double(plan.params), -0.34) + 60 * std::pow(plan.tokens, -0.28);
    if (Status s = store.appendMetrics(*id, {m}); !s) qFatal("metrics: %s", s.message().c_str());
    if (Status s = store.finishRun(*id, storage::RunStatus::Finished); !s) qFatal("finish: %s", s.message().c_str());
    return *id;
}

bool waitForFit(gui::ParametricController& controller) {
    QSignalSpy finished(&controller, &gui::ParametricController::fitFinished);
    while (controller.fitting() || finished.isEmpty())
        if (!finished.wait(60000)) return false;
    return !controller.fitting();
}

}  // namespace

class TestParametricView : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void initTestCase() {
        if (!analysis::parametricFitAvailable()) QSKIP("built without Ceres");
    }

    void chinchillaFitEqualsDirectFitAndIsDrawnAndStored() {
        auto ws = workspace::openWorkspace(m_dir.filePath(QStringLiteral("chinchilla.db")).toStdString());
        QVERIFY2(ws, ws.status().message().c_str());
        storage::Store& store = **ws;
        widgets::ParametricView view;
        view.resize(1400, 900);
        view.setFitOptions(coarse());
        gui::ParametricController controller(&view);
        controller.setStore(&store, QStringLiteral("chinchilla"));
        QVERIFY(waitForFit(controller));
        QCOMPARE(view.selection().source, QStringLiteral("chinchilla"));
        QCOMPARE(view.selection().arch, QStringLiteral("transformer"));

        // The same points and options through the engine directly give the same optimum, bit for bit.
        const auto points = controller.fittedPoints();
        QCOMPARE(points.size(), size_t(240));   // the 245 rows less the 5 Epoch drops
        const analysis::ParametricFit direct = analysis::fitParametric(points, gui::fitOptionsFor(view.selection()));
        QVERIFY2(direct.status.isOk(), direct.status.message().c_str());
        const auto& got = controller.lastFit().params;
        QCOMPARE(got.a, direct.params.a);
        QCOMPARE(got.b, direct.params.b);
        QCOMPARE(got.e, direct.params.e);
        QCOMPARE(got.alpha, direct.params.alpha);
        QCOMPARE(got.beta, direct.params.beta);
        QCOMPARE(controller.lastFit().objective, direct.objective);

        // The CSV export holds exactly the fit's numbers and every drawn point.
        const QStringList csv = widgets::parametricPlotCsv(view.plot()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QMap<QString, double> coefficients;
        int pointRows = 0;
        for (const QString& line : csv) {
            const QStringList cells = line.split(QLatin1Char(','));
            if (cells[0] == QLatin1String("coefficient")) coefficients[cells[1]] = cells[8].toDouble();
            pointRows += line.startsWith(QLatin1String("point,"));
        }
        QCOMPARE(coefficients.value(QStringLiteral("alpha")), got.alpha);
        QCOMPARE(coefficients.value(QStringLiteral("beta")), got.beta);
        QCOMPARE(coefficients.value(QStringLiteral("E")), got.E());
        QCOMPARE(pointRows, 240);

        // What is drawn.
        const auto& plot = controller.lastPlot();
        QVERIFY(plot.ok);
        QVERIFY(plot.budgets.size() >= 4);
        QVERIFY(view.isolossChart()->contourCount() >= 3);
        QCOMPARE(view.isolossChart()->isoFlopCount(), int(plot.budgets.size()));
        QVERIFY(view.isolossChart()->pathPoints() > 10);
        QCOMPARE(view.predictedChart()->pointCount(), 240);
        QCOMPARE(view.residualChart()->budgetSeriesCount(), int(plot.budgets.size()));
        for (const auto& p : plot.points)
            QVERIFY(std::fabs(p.predicted - got.loss(p.n, p.d)) < 1e-12);
        // The compute-optimal path lies on the fitted law's optimum: N*/D* from the closed form.
        const QPointF mid = plot.optimalPath[plot.optimalPath.size() / 2];
        const double k = plot.flopsPerParamToken;
        const double g = std::pow(got.alpha * got.A() / (got.beta * got.B()), 1.0 / (got.alpha + got.beta));
        const double c = k * mid.x() * mid.y();
        QVERIFY(std::fabs(mid.x() / (g * std::pow(c / k, got.beta / (got.alpha + got.beta))) - 1) < 1e-6);

        // Leave-one-budget-out: the first row leaves out the largest budget and predicts its runs.
        QVERIFY(!plot.holdouts.isEmpty());
        const auto& h = plot.holdouts.front();
        QVERIFY2(h.ok, qPrintable(h.error));
        QCOMPARE(h.budget, plot.budgets.back());
        int largest = 0;
        double observed = 0;
        for (const auto& p : plot.points)
            if (p.budget == h.budget) ++largest, observed += p.loss;
        QCOMPARE(h.heldOut, largest);
        QCOMPARE(h.trainedOn + h.heldOut, 240);
        QVERIFY(std::fabs(h.meanObserved - observed / largest) < 1e-12);
        QVERIFY2(std::fabs(h.meanRelError) < 0.1, qPrintable(QString::number(h.meanRelError)));
        QVERIFY(h.meanPredicted != h.meanObserved);
        QCOMPARE(view.sidePanel()->holdoutTable()->rowCount(), int(plot.holdouts.size()));
        QCOMPARE(view.sidePanel()->holdoutTable()->item(0, 0)->text(), widgets::budgetLabel(h.budget));
        QVERIFY(view.sidePanel()->holdoutTable()->item(0, 0)->font().bold());

        // The delta strip: nine deltas from 1e-5 to 1e-1; at the fit's own delta it is the fit.
        QCOMPARE(plot.deltas.size(), 9);
        QCOMPARE(view.sidePanel()->deltaStrip()->deltaCount(), 9);
        const auto at = std::find_if(plot.deltas.begin(), plot.deltas.end(),
                                     [](const widgets::DeltaRow& d) { return std::fabs(d.delta / 1e-3 - 1) < 1e-9; });
        QVERIFY(at != plot.deltas.end());
        QVERIFY(std::fabs(at->alpha - got.alpha) < 1e-4 && std::fabs(at->beta - got.beta) < 1e-4);

        // Stored with its provenance.
        auto fits = store.fits();
        QVERIFY(fits && !fits->empty());
        const auto& rec = fits->back();
        QCOMPARE(rec.id, controller.lastStoredFitId());
        QCOMPARE(rec.kind, std::string("parametric"));
        const QJsonObject sel = QJsonDocument::fromJson(QByteArray::fromStdString(rec.selectionJson)).object();
        QCOMPARE(sel.value(QStringLiteral("source")).toString(), QStringLiteral("chinchilla"));
        QCOMPARE(sel.value(QStringLiteral("seqscope_version")).toString(), QString::fromLatin1(kVersion));
        QCOMPARE(sel.value(QStringLiteral("runs")).toInt(), 240);
        const QJsonObject params = QJsonDocument::fromJson(QByteArray::fromStdString(rec.paramsJson)).object();
        QCOMPARE(params.value(QStringLiteral("alpha")).toDouble(), got.alpha);
        const QJsonObject options = QJsonDocument::fromJson(QByteArray::fromStdString(rec.optionsJson)).object();
        QCOMPARE(options.value(QStringLiteral("grid")).toString(), QStringLiteral("coarse"));
        QCOMPARE(options.value(QStringLiteral("gamma")).toString(), QStringLiteral("1"));

        // Cancel: a long fit stopped at once leaves the previous plot and says "cancelled".
        const QString before = view.sidePanel()->coefficientText();
        const long long storedBefore = controller.lastStoredFitId();
        widgets::ParametricSelection slow;
        slow.fitGamma = true;
        slow.grid = QStringLiteral("paper");
        view.setFitOptions(slow);
        QSignalSpy ready(&controller, &gui::ParametricController::plotReady);
        controller.fit();
        QVERIFY(controller.fitting());
        QVERIFY(view.fitting());
        controller.cancel();
        QVERIFY(waitForFit(controller));
        QVERIFY2(view.message().contains(QStringLiteral("cancelled")), qPrintable(view.message()));
        QCOMPARE(ready.count(), 0);
        QCOMPARE(view.sidePanel()->coefficientText(), before);
        QCOMPARE(view.predictedChart()->pointCount(), 240);
        QCOMPARE(controller.lastStoredFitId(), storedBefore);
        QVERIFY(!view.fitting());
    }

    // The paper's token/param set has no budget labels: points are grouped by compute, each group
    // gets one residual series, and gamma can be fitted.
    void tokenParamSetGroupsByComputeAndFitsGamma() {
        auto ws = workspace::openWorkspace(m_dir.filePath(QStringLiteral("paper.db")).toStdString());
        QVERIFY2(ws, ws.status().message().c_str());
        widgets::ParametricView view;
        view.resize(1280, 720);
        widgets::ParametricSelection options = coarse(true);
        options.bootstrap = 40;
        view.setFitOptions(options);
        // It fits beside the Runs dock in a 1280-pixel window, whatever the messages say.
        QVERIFY2(view.minimumSizeHint().width() <= 900, qPrintable(QString::number(view.minimumSizeHint().width())));
        gui::ParametricController controller(&view);
        controller.setStore(ws->get());
        QVERIFY(waitForFit(controller));
        QCOMPARE(view.selection().sets, QStringList{QStringLiteral("tokenparam_ctx8192")});
        QCOMPARE(view.selection().arch, QStringLiteral("xlstm"));
        QCOMPARE(controller.fittedPoints().size(), size_t(35));
        const analysis::ParametricFit direct =
            analysis::fitParametric(controller.fittedPoints(), gui::fitOptionsFor(view.selection()));
        QCOMPARE(controller.lastFit().params.gamma, direct.params.gamma);
        QCOMPARE(controller.lastFit().params.alpha, direct.params.alpha);
        const auto& plot = controller.lastPlot();
        QVERIFY(plot.gammaFitted);
        QVERIFY(plot.budgets.size() >= 5);   // 2.8e18 .. 8.5e22 in half-decade groups
        QCOMPARE(view.residualChart()->budgetSeriesCount(), int(plot.budgets.size()));
        for (const auto& p : plot.points) QVERIFY(plot.budgets.contains(p.budget));
        // Bootstrap intervals beside every coefficient, in the panel and in the stored fit.
        QCOMPARE(plot.coefficients.size(), 8);   // E, A, B, alpha, beta, gamma, a, b
        for (const auto& c : plot.coefficients) QVERIFY2(c.hasInterval && c.lo < c.hi, qPrintable(c.name));
        QVERIFY(view.sidePanel()->coefficientText().contains(QStringLiteral("interval")));
        auto fits = (*ws)->fits();
        QVERIFY(fits && !fits->empty());
        const QJsonObject params = QJsonDocument::fromJson(QByteArray::fromStdString(fits->back().paramsJson)).object();
        QVERIFY(params.value(QStringLiteral("intervals")).toObject().contains(QStringLiteral("alpha")));
    }

    // The user's runs as the source: drawn as theirs (hollow, "run #ID" in the hover text), fitted,
    // stored with the run ids, and refitted when a run finishes.
    void runsSourceRefitsWhenARunFinishes() {
        auto ws = workspace::openWorkspace(m_dir.filePath(QStringLiteral("runs.db")).toStdString());
        QVERIFY2(ws, ws.status().message().c_str());
        storage::Store& store = **ws;
        for (double budget : {3e11, 1e12})
            for (int d : {16, 24, 32, 48, 64}) addFinishedRun(store, d, budget);
        widgets::ParametricView view;
        view.setFitOptions(coarse());
        gui::ParametricController controller(&view);
        controller.setStore(&store, QStringLiteral("runs"));
        QVERIFY(waitForFit(controller));
        QCOMPARE(view.selection().source, QStringLiteral("runs"));
        QCOMPARE(controller.fittedPoints().size(), size_t(10));
        const auto& plot = controller.lastPlot();
        QVERIFY2(plot.ok, qPrintable(plot.error + view.message()));
        QCOMPARE(plot.budgets.size(), 2);
        QCOMPARE(view.residualChart()->budgetSeriesCount(), 2);
        for (const auto& p : plot.points) {
            QVERIFY(p.own);
            QVERIFY2(p.tip.contains(QStringLiteral("run #")) && p.tip.contains(QStringLiteral("xlstm d")), qPrintable(p.tip));
        }
        // Exact data of a Chinchilla law: the fit finds its exponents.
        QVERIFY2(std::fabs(controller.lastFit().params.alpha - 0.34) < 0.02, qPrintable(QString::number(controller.lastFit().params.alpha)));
        auto fits = store.fits();
        QVERIFY(fits && !fits->empty());
        QCOMPARE(fits->back().inputRuns.size(), size_t(10));

        addFinishedRun(store, 40, 1e12);
        controller.runsChanged();
        QVERIFY(waitForFit(controller));
        QCOMPARE(controller.fittedPoints().size(), size_t(11));

        // Beside the paper's xLSTM fit, the user's runs are drawn (predicted by the paper's law), not fitted.
        QVERIFY(controller.selectSource(QStringLiteral("xlstm-paper")));
        QVERIFY(waitForFit(controller));
        QVERIFY(view.selection().withRuns);
        QCOMPARE(controller.fittedPoints().size(), size_t(35));
        QCOMPARE(controller.lastPlot().overlay.size(), 11);
        for (const auto& p : controller.lastPlot().overlay) QVERIFY(p.own && p.predicted > 0);
        for (const auto& p : controller.lastPlot().points) QVERIFY(!p.own);
    }
};

QTEST_MAIN(TestParametricView)
#include "tst_parametric_view.moc"
