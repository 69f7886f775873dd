// SPDX-License-Identifier: MIT
// Comparing runs in the Runs panel and the params view (issue 20), offscreen against a store of six
// runs (three widths x two seeds): group keys and labels handed to the loss chart, config-field and
// final-metric columns (numeric sort, filter, remembered), the config diff, and the params view's
// points, axes and brushing, which selects runs in the Runs panel and so on the loss chart.
#include <QHeaderView>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

#include "common/metric_names.h"
#include "config_diff.h"
#include "loss_chart_view.h"
#include "parallel_coordinates.h"
#include "params_controller.h"
#include "params_view.h"
#include "run_browser.h"
#include "run_table_model.h"
#include "runs_controller.h"
#include "settings.h"
#include "storage/store.h"

using namespace seqscope;

namespace {

struct FixtureRun {
    int dModel;
    int seed;
    double lr;
    const char* data;
    double finalVal;   // last val_loss
    double bestVal;    // lowest val_loss
};

// Widths 8, 16 and 128 (so a numeric sort differs from a text sort), two seeds each.
const FixtureRun kRuns[] = {{8, 1, 1e-3, "fortunes", 2.60, 2.60},     {8, 2, 1e-3, "fortunes", 2.64, 2.64},
                            {16, 1, 3e-3, "fortunes", 2.30, 2.30},    {16, 2, 3e-3, "fortunes", 2.34, 2.34},
                            {128, 1, 3e-2, "fortunes-b", 2.05, 2.05}, {128, 2, 3e-2, "fortunes-b", 2.12, 1.98}};

QList<long long> ids(std::initializer_list<long long> list) { return QList<long long>(list); }

QList<long long> sorted(QList<long long> list) {
    std::sort(list.begin(), list.end());
    return list;
}

}  // namespace

class TestRunGroupingPanel : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<storage::Store> m_store;
    std::vector<long long> m_ids;   // store ids of kRuns, in order

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);   // Settings go to a throwaway location
        QCoreApplication::setOrganizationName(QStringLiteral("seqscope-test"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_run_grouping_panel"));
        gui::Settings::setRunColumns({});
        QVERIFY(m_dir.isValid());
        m_store = std::move(*storage::Store::open(m_dir.filePath(QStringLiteral("runs.db")).toStdString()));
        for (const FixtureRun& f : kRuns) {
            storage::RunRecord r;
            r.arch = "xlstm";
            r.name = "d" + std::to_string(f.dModel) + "-s" + std::to_string(f.seed);
            r.params = 1000.0 * f.dModel;
            r.configJson = QStringLiteral(R"({"lr":%1,"seed":%2,"data":"%3","checkpoint_dir":"/c/%4","model":{"arch":"xlstm","d_model":%5}})")
                               .arg(f.lr)
                               .arg(f.seed)
                               .arg(QLatin1String(f.data))
                               .arg(r.name.c_str())
                               .arg(f.dModel)
                               .toStdString();
            const long long id = *m_store->createRun(r);
            const double first = f.bestVal < f.finalVal ? f.bestVal : f.finalVal + 0.05;   // the best is not always the last
            QVERIFY(m_store->appendMetrics(id, {{10, 10240, 1e9, 1, metrics::kTrainLoss, f.finalVal + 0.3},
                                                {10, 10240, 1e9, 1, metrics::kValLoss, first},
                                                {20, 20480, 2e9, 2, metrics::kTrainLoss, f.finalVal + 0.1},
                                                {20, 20480, 2e9, 2, metrics::kValLoss, f.finalVal}})
                        .isOk());
            QVERIFY(m_store->finishRun(id, storage::RunStatus::Finished).isOk());
            m_ids.push_back(id);
        }
    }

    void groupByEverythingButTheSeedGivesTheChartOneKeyPerWidth() {
        widgets::RunBrowser browser;
        widgets::LossChartView chart;
        gui::RunsController runs(&browser, &chart);
        runs.setStore(m_store.get());
        browser.selectRuns(QList<long long>(m_ids.begin(), m_ids.end()));
        QCOMPARE(runs.curveInfos().size(), 6);
        for (const auto& info : runs.curveInfos()) QVERIFY(info.group.isEmpty());   // no grouping by default

        runs.setGroupBy({}, true);
        QHash<QString, QList<long long>> members;
        QHash<QString, QString> labels;
        for (const auto& info : runs.curveInfos()) {
            members[info.group] << info.key.toLongLong();
            labels[info.group] = info.groupLabel;
        }
        QCOMPARE(members.size(), 3);
        const QString key8 = QStringLiteral("data=fortunes;lr=0.001;model.arch=xlstm;model.d_model=8");
        QVERIFY2(members.contains(key8), qPrintable(members.keys().join(QLatin1Char('|'))));
        QCOMPARE(sorted(members[key8]), ids({m_ids[0], m_ids[1]}));
        QCOMPARE(labels[key8], QStringLiteral("data=fortunes lr=0.001 d_model=8 (2 runs)"));

        // By the seed: two groups across widths; the label names only what differs.
        runs.setGroupBy({QStringLiteral("seed")}, false);
        members.clear();
        for (const auto& info : runs.curveInfos()) members[info.group] << info.key.toLongLong();
        QCOMPARE(members.size(), 2);
        QCOMPARE(sorted(members[QStringLiteral("seed=1")]), ids({m_ids[0], m_ids[2], m_ids[4]}));
        QCOMPARE(runs.curveInfos().first().groupLabel.endsWith(QStringLiteral("(3 runs)")), true);

        // Within the selection only: two runs of one width are one group "all runs".
        browser.selectRuns(ids({m_ids[2], m_ids[3]}));
        runs.setGroupBy({}, true);
        QCOMPARE(runs.curveInfos().size(), 2);
        QCOMPARE(runs.curveInfos()[0].group, runs.curveInfos()[1].group);
        QCOMPARE(runs.curveInfos()[0].groupLabel, QStringLiteral("all runs (2 runs)"));
        runs.setGroupBy({}, false);
        QVERIFY(runs.curveInfos()[0].group.isEmpty());
    }

    void configAndMetricColumnsSortNumericallyFilterAndAreRemembered() {
        widgets::RunBrowser browser;
        widgets::LossChartView chart;
        gui::RunsController runs(&browser, &chart);
        runs.setStore(m_store.get());
        browser.selectRuns(ids({m_ids[1], m_ids[4]}));
        auto* model = runs.model();
        const QString dKey = QStringLiteral("config:model.d_model");
        runs.setExtraColumns({dKey, QLatin1String(gui::kBestValLossColumn), QStringLiteral("config:data"), QStringLiteral("bogus")});
        QCOMPARE(model->extraColumns(), (QStringList{dKey, QLatin1String(gui::kBestValLossColumn), QStringLiteral("config:data")}));
        QCOMPARE(gui::Settings::runColumns(), model->extraColumns());
        // Adding columns keeps the selection.
        QCOMPARE(sorted(browser.selectedRunIds()), ids({m_ids[1], m_ids[4]}));
        const int dCol = gui::RunTableModel::ColumnCount, bestCol = dCol + 1;
        QCOMPARE(model->headerData(dCol, Qt::Horizontal, Qt::DisplayRole).toString(), QStringLiteral("model.d_model"));
        QCOMPARE(model->headerData(bestCol, Qt::Horizontal, Qt::DisplayRole).toString(), QStringLiteral("Best val loss"));

        // Sorted by width: 8, 8, 16, 16, 128, 128 (text order would put "128" before "16" and "8").
        QTableView* table = browser.table();
        table->sortByColumn(dCol, Qt::AscendingOrder);
        QStringList widths;
        for (int row = 0; row < table->model()->rowCount(); ++row) widths << table->model()->index(row, dCol).data().toString();
        QCOMPARE(widths, (QStringList{"8", "8", "16", "16", "128", "128"}));
        // Best val loss: run 6's best (1.98) is below its last value, so it sorts first.
        table->sortByColumn(bestCol, Qt::AscendingOrder);
        QCOMPARE(table->model()->index(0, bestCol).data().toString(), QStringLiteral("1.9800"));
        QCOMPARE(table->model()->index(0, 0).data(gui::RunTableModel::RunIdRole).toLongLong(), m_ids[5]);

        // The filter box matches the added columns: only the two runs on "fortunes-b".
        browser.setFilterText(QStringLiteral("fortunes-b"));
        QCOMPARE(table->model()->rowCount(), 2);
        runs.setExtraColumns({dKey});
        QCOMPARE(table->model()->rowCount(), 0);   // the data column is gone, so nothing matches
        browser.setFilterText({});
        QCOMPARE(gui::Settings::runColumns(), QStringList{dKey});

        // A new panel starts with the remembered columns.
        widgets::RunBrowser browser2;
        gui::RunsController runs2(&browser2, &chart);
        QCOMPARE(runs2.model()->extraColumns(), QStringList{dKey});
        runs.setExtraColumns({});
    }

    // A live run's row is rebuilt every second; its config fields must survive the rebuild.
    void liveRunsKeepTheirConfigColumnsAcrossRefreshes() {
        auto store = std::move(*storage::Store::open(m_dir.filePath(QStringLiteral("live.db")).toStdString()));
        storage::RunRecord r;
        r.arch = "xlstm";
        r.configJson = R"({"lr":0.25})";
        const long long id = *store->createRun(r);   // queued: live
        widgets::RunBrowser browser;
        widgets::LossChartView chart;
        gui::RunsController runs(&browser, &chart);
        runs.setStore(store.get());
        runs.setExtraColumns({QStringLiteral("config:lr")});
        for (int refresh = 0; refresh < 2; ++refresh) {
            runs.refreshNow();
            const int row = runs.model()->rowOf(id);
            QCOMPARE(runs.model()->index(row, gui::RunTableModel::ColumnCount).data().toString(), QStringLiteral("0.25"));
        }
        runs.setExtraColumns({});
        runs.setStore(nullptr);
    }

    void compareConfigsShowsOnlyDifferingFieldsUntilShowAll() {
        widgets::RunBrowser browser;
        widgets::LossChartView chart;
        gui::RunsController runs(&browser, &chart);
        runs.setStore(m_store.get());
        QVERIFY(runs.compareConfigs(ids({m_ids[0]})) == nullptr);   // one run: nothing to compare
        std::unique_ptr<widgets::ConfigDiffView> view(runs.compareConfigs(ids({m_ids[0], m_ids[3]})));
        QVERIFY(view);
        QTableWidget* t = view->table();
        QCOMPARE(t->columnCount(), 2);
        QCOMPARE(t->horizontalHeaderItem(0)->text(), QStringLiteral("#%1 d8-s1").arg(m_ids[0]));
        QStringList fields;
        for (int r = 0; r < t->rowCount(); ++r) fields << t->verticalHeaderItem(r)->text();
        QCOMPARE(fields, (QStringList{"checkpoint_dir", "lr", "model.d_model", "seed"}));
        QCOMPARE(t->item(2, 0)->text(), QStringLiteral("8"));
        QCOMPARE(t->item(2, 1)->text(), QStringLiteral("16"));
        QCOMPARE(t->item(1, 1)->text(), QStringLiteral("0.003"));
        view->setShowAll(true);
        QCOMPARE(t->rowCount(), 6);   // + data and model.arch, which agree
        QCOMPARE(t->verticalHeaderItem(0)->text(), QStringLiteral("checkpoint_dir"));
        QCOMPARE(t->verticalHeaderItem(1)->text(), QStringLiteral("data"));
        QCOMPARE(t->item(1, 0)->text(), t->item(1, 1)->text());
    }

    void paramsViewPlotsFinalLossAgainstAFieldWithLogAxesAcrossDecades() {
        widgets::ParamsView view;
        gui::ParamsController controller(&view);
        controller.setStore(m_store.get());
        QCOMPARE(view.loss(), widgets::ParamsLoss::FinalVal);
        // Offered fields vary between runs; the checkpoint folder (one per run) is not offered.
        QVERIFY(view.fields().contains(QStringLiteral("model.d_model")));
        QVERIFY(view.fields().contains(QStringLiteral("N")));
        QVERIFY(!view.fields().contains(QStringLiteral("model.arch")));
        QVERIFY(!view.fields().contains(QStringLiteral("checkpoint_dir")));
        QCOMPARE(view.xField(), QStringLiteral("N"));

        view.setXField(QStringLiteral("lr"));   // 1e-3 .. 3e-2: more than a decade
        QVERIFY(view.xIsLog());
        QVERIFY(!view.yIsLog());
        QCOMPARE(view.plottedRuns().size(), 6);
        for (int i = 0; i < 6; ++i) {
            const int k = int(std::find(m_ids.begin(), m_ids.end(), view.plottedRuns()[i]) - m_ids.begin());
            QCOMPARE(view.scatterPoints()[i], QPointF(kRuns[k].lr, kRuns[k].finalVal));
        }
        view.setLoss(widgets::ParamsLoss::BestVal);
        const int last = int(view.plottedRuns().indexOf(m_ids[5]));
        QCOMPARE(view.scatterPoints()[last].y(), 1.98);
        view.setXField(QStringLiteral("seed"));   // 1 .. 2: linear
        QVERIFY(!view.xIsLog());
        view.setLoss(widgets::ParamsLoss::FinalVal);

        // Parallel coordinates: the chosen fields, then the loss axis.
        view.setAxisFields({QStringLiteral("model.d_model"), QStringLiteral("data"), QStringLiteral("lr")});
        widgets::ParallelCoordinates* pc = view.parallel();
        QCOMPARE(pc->axisCount(), 4);
        QVERIFY(pc->axisIsLog(0));                 // widths 8 .. 128
        QVERIFY(pc->axisIsCategorical(1));
        QCOMPARE(pc->axisCategories(1), (QStringList{"fortunes", "fortunes-b"}));
        QCOMPARE(pc->axisMin(3), 2.05);
        QCOMPARE(pc->axisMax(3), 2.64);
    }

    void brushingAnAxisSelectsRunsInThePanelAndOnTheChart() {
        widgets::RunBrowser browser;
        widgets::LossChartView chart;
        gui::RunsController runs(&browser, &chart);
        runs.setStore(m_store.get());
        widgets::ParamsView view;
        gui::ParamsController controller(&view);
        controller.setStore(m_store.get());
        // As the workbench links them.
        connect(&view, &widgets::ParamsView::runsSelected, &browser, &widgets::RunBrowser::selectRuns);
        connect(&browser, &widgets::RunBrowser::selectionChanged, &view, &widgets::ParamsView::setSelectedRuns);
        view.setAxisFields({QStringLiteral("model.d_model"), QStringLiteral("data")});
        widgets::ParallelCoordinates* pc = view.parallel();
        view.resize(1300, 520);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(pc->width() > 400);
        QSignalSpy selected(&view, &widgets::ParamsView::runsSelected);

        // Drag down the width axis from 20 to below its end: the runs of widths 8 and 16.
        const int x = int(pc->axisX(0));
        QTest::mousePress(pc, Qt::LeftButton, {}, QPoint(x, int(pc->valueY(0, 20))));
        QTest::mouseMove(pc, QPoint(x, int(pc->valueY(0, 12))));
        QTest::mouseRelease(pc, Qt::LeftButton, {}, QPoint(x, int(pc->valueY(0, 6))));
        QCOMPARE(selected.count(), 1);
        const QList<long long> small = ids({m_ids[0], m_ids[1], m_ids[2], m_ids[3]});
        QCOMPARE(sorted(browser.selectedRunIds()), small);
        QList<long long> plotted;
        for (const auto& info : runs.curveInfos()) plotted << info.key.toLongLong();
        QCOMPARE(sorted(plotted), small);   // the loss chart follows the Runs panel

        // A second brush on the data axis narrows it: widths 8..16 and data "fortunes-b" is nobody.
        pc->setBrush(1, 1, 1);
        QCOMPARE(selected.count(), 2);
        QVERIFY(selected.last().first().value<QList<qint64>>().isEmpty());
        // Clicking the data axis drops its brush: back to the four runs.
        const int x1 = int(pc->axisX(1));
        QTest::mouseClick(pc, Qt::LeftButton, {}, QPoint(x1, int(pc->valueY(1, 0.5))));
        QCOMPARE(selected.count(), 3);
        QCOMPARE(sorted(browser.selectedRunIds()), small);
        // The panel's selection comes back to the view: a line's hover text names the run and values.
        QVERIFY(pc->readout(0).contains(QStringLiteral("d8-s1")));
        QVERIFY(pc->readout(0).contains(QStringLiteral("model.d_model: 8")));
    }
};

QTEST_MAIN(TestRunGroupingPanel)
#include "tst_run_grouping_panel.moc"
