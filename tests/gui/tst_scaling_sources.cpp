// SPDX-License-Identifier: MIT
// The Scaling view on a real workspace (issue 13): the source list offers the datasets and the
// user's runs, sweeps and tags; the user's finished runs are drawn and fitted beside the paper's as
// series of their own; a run that finishes later appears without user action (fits on a worker
// thread); loose runs are grouped into budgets; an imported copy of the paper's Transformer T=8192
// IsoFLOP rows fits exactly like the built-in dataset.
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>
#include <cmath>

#include "analysis/builtin_datasets.h"
#include "analysis/isoflop_fit.h"
#include "common/metric_names.h"
#include "scaling_controller.h"
#include "scaling_view.h"
#include "storage/results_table.h"
#include "training/training_config.h"
#include "workspace/scaling_sources.h"
#include "workspace/workspace.h"

using namespace seqscope;

namespace {

// A finished run of an xLSTM of width d at FLOP budget H with a loss that is a parabola in log N
// (minimum at N = 3e4 per budget, lower for larger budgets): what a small IsoFLOP sweep gives.
long long addFinishedRun(storage::Store& store, int d, double budget, const std::string& tag, long long sweepId = 0) {
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
    r.tags = {tag};
    r.sweepId = sweepId;
    auto id = store.createRun(r);
    if (!id) qFatal("createRun: %s", id.status().message().c_str());
    const double x = std::log10(double(plan.params) / 3e4);
    const double loss = 3.0 - 0.1 * std::log10(budget / 1e11) + 0.4 * x * x;
    storage::MetricPoint m;
    m.step = plan.steps;
    m.name = metrics::kValLoss;
    m.value = loss;
    if (Status s = store.appendMetrics(*id, {m}); !s) qFatal("metrics: %s", s.message().c_str());
    if (Status s = store.finishRun(*id, storage::RunStatus::Finished); !s) qFatal("finish: %s", s.message().c_str());
    return *id;
}

bool waitForPlot(gui::ScalingController& controller) {
    QSignalSpy ready(&controller, &gui::ScalingController::plotReady);
    return ready.wait(20000);
}

int ownRuns(const widgets::ScalingView& view, gui::ScalingController& controller) {
    const auto plot = controller.plot(view.selection());
    int n = 0;
    for (const auto& c : plot.curves)
        if (c.own) n += int(c.runs.size());
    return n;
}

}  // namespace

class TestScalingSources : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void runsAppearBesideThePaperAndUpdateLive() {
        auto ws = workspace::openWorkspace(m_dir.filePath(QStringLiteral("live.db")).toStdString());
        QVERIFY2(ws, ws.status().message().c_str());
        storage::Store& store = **ws;
        for (double budget : {3e11, 1e12})
            for (int d : {16, 24, 32, 48, 64}) addFinishedRun(store, d, budget, "demo");

        auto sources = workspace::listScalingSources(store);
        QVERIFY(sources);
        QStringList keys;
        for (const auto& s : *sources) keys << QString::fromStdString(s.key);
        QVERIFY2(keys.contains(QStringLiteral("xlstm-paper")) && keys.contains(QStringLiteral("chinchilla")) &&
                     keys.contains(QStringLiteral("runs")) && keys.contains(QStringLiteral("tag:demo")),
                 qPrintable(keys.join(QLatin1Char(','))));

        widgets::ScalingView view;
        view.resize(1200, 700);
        gui::ScalingController controller(&view);
        QSignalSpy ready(&controller, &gui::ScalingController::plotReady);
        controller.setStore(&store);
        QVERIFY(ready.wait(20000));
        QVERIFY(!controller.fitting() || ready.wait(20000));
        QCOMPARE(view.selection().source, QStringLiteral("xlstm-paper"));
        QVERIFY(view.selection().withRuns);
        // The paper's curves and the user's ten runs in two budgets of five, each budget fitted.
        const auto plot = controller.plot(view.selection());
        int paperCurves = 0, ownCurves = 0;
        for (const auto& c : plot.curves) (c.own ? ownCurves : paperCurves)++;
        QVERIFY(paperCurves >= 5);
        QCOMPARE(ownCurves, 2);
        QCOMPARE(ownRuns(view, controller), 10);
        QVERIFY(std::any_of(plot.frontier.begin(), plot.frontier.end(),
                            [](const auto& f) { return f.own && f.group == QStringLiteral("your runs, T = 128"); }));
        bool ownFrontier = false;
        for (const auto& f : plot.frontier) ownFrontier = ownFrontier || (f.own && f.optima.size() == 2);
        QVERIFY(ownFrontier);

        // A run finishing later (as a sweep's would) appears and is refitted without user action.
        addFinishedRun(store, 40, 1e12, "demo");
        controller.runsChanged();
        QVERIFY(waitForPlot(controller));
        QCOMPARE(ownRuns(view, controller), 11);

        // The runs as the source itself, and a tag.
        QVERIFY(controller.selectSource(QStringLiteral("tag:demo")));
        QVERIFY(waitForPlot(controller));
        const auto tagged = controller.plot(view.selection());
        int runs = 0;
        for (const auto& c : tagged.curves) runs += int(c.runs.size());
        QCOMPARE(runs, 11);
        QVERIFY(!controller.selectSource(QStringLiteral("tag:nope")));
    }

    void looseRunsAreGroupedIntoBudgets() {
        std::vector<analysis::ScalingPoint> points(6);
        const double flops[] = {1.00e12, 1.05e12, 0.97e12, 3.1e12, 2.95e12, 5e13};
        for (size_t i = 0; i < points.size(); ++i) points[i].flops = flops[i];
        points[5].budget = 5e13;   // a sweep's own label is kept
        workspace::groupRunBudgets(points);
        QCOMPARE(points[0].budget, points[1].budget);
        QCOMPARE(points[0].budget, points[2].budget);
        QVERIFY(std::abs(points[0].budget - 1e12) / 1e12 < 0.05);
        QCOMPARE(points[3].budget, points[4].budget);
        QVERIFY(points[3].budget != points[0].budget);
        QCOMPARE(points[5].budget, 5e13);
    }

    void importedCopyOfThePaperRowsFitsLikeTheBuiltIn() {
        auto ws = workspace::openWorkspace(m_dir.filePath(QStringLiteral("copy.db")).toStdString());
        QVERIFY(ws);
        storage::Store& store = **ws;
        const auto* builtin = analysis::findBuiltinDataset("xlstm-paper");
        auto rows = storage::parseResultsTable(builtin->csv, "xlstm_paper.csv");
        QVERIFY(rows);
        std::vector<storage::ResultRow> copy;
        for (const auto& r : *rows)
            if (r.arch == "transformer" && r.set == "isoflop_ctx8192") copy.push_back(r);
        QVERIFY(copy.size() > 20);
        storage::ReferenceDatasetInfo info;
        info.name = "my-transformer-8192";
        info.title = "Transformer T=8192 rows, imported";
        QVERIFY(store.importReferenceDataset(info, copy));

        const auto fitOf = [&](const std::string& source) {
            auto points = workspace::loadSourcePoints(store, *workspace::parseScalingSource(source));
            if (!points) qFatal("%s", points.status().message().c_str());
            std::vector<analysis::ScalingPoint> chosen;
            for (auto& p : *points)
                if (p.arch == "transformer" && p.set == "isoflop_ctx8192" && p.included) chosen.push_back(p);
            analysis::IsoflopOptions o;
            analysis::paperBudgetRange("isoflop_ctx8192", &o.fitRangeLo, &o.fitRangeHi);
            return analysis::fitIsoflop(chosen, o);
        };
        const auto mine = fitOf("my-transformer-8192"), paper = fitOf("xlstm-paper");
        QVERIFY(mine.status.isOk() && paper.status.isOk());
        QCOMPARE(mine.nOptLaw.a, paper.nOptLaw.a);
        QCOMPARE(mine.nOptLaw.A, paper.nOptLaw.A);
        QCOMPARE(mine.dOptLaw.a, paper.dOptLaw.a);
        QCOMPARE(mine.budgets.size(), paper.budgets.size());
    }

    void badSourcesAreRefusedNamingTheForm() {
        QVERIFY(!workspace::parseScalingSource(""));
        QVERIFY(QString::fromStdString(workspace::parseScalingSource("sweep:").status().message()).contains(QStringLiteral("sweep:")));
        QCOMPARE(workspace::parseScalingSource("tag:x")->kind, workspace::ScalingSource::Kind::Tag);
        QCOMPARE(workspace::parseScalingSource("runs")->key(), std::string("runs"));
    }
};

QTEST_MAIN(TestScalingSources)
#include "tst_scaling_sources.moc"
