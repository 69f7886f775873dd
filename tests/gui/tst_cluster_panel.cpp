// SPDX-License-Identifier: MIT
// The Cluster panel (issue 17): a workspace's Slurm sweep, written through the Store API as
// `sweep ... --slurm` records it, is listed with its job, partition, tasks by state and each task's
// Slurm state text; the controller names the `sweep collect|cancel` command lines, picks the sweeps
// that still need collecting, signals runs that ended, and reports a failed collect (a real
// seqscope-cli run: with no Slurm and no run files it exits 1, which the panel shows).
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include "cluster_controller.h"
#include "cluster_panel.h"
#include "storage/store.h"
#include "workspace/workspace.h"

using namespace seqscope;

namespace {

struct Fixture {
    std::unique_ptr<storage::Store> store;
    long long sweepId = 0;
    std::vector<long long> runIds;
};

// Three array tasks of job 4242: running, pending (queued), completed (finished).
Fixture makeWorkspace(const QString& path) {
    Fixture f;
    auto ws = workspace::openWorkspace(path.toStdString());
    if (!ws) qFatal("open: %s", ws.status().message().c_str());
    f.store = std::move(*ws);
    storage::SweepRecord sweep;
    sweep.name = "iso-cluster";
    f.sweepId = *f.store->createSweep(sweep);
    storage::ClusterSweepRecord cluster;
    cluster.sweepId = f.sweepId;
    cluster.folder = "/shared/sweeps/iso-cluster";
    cluster.optionsJson = R"({"partition":"gpu","gpus_per_run":1,"cpus_per_run":8})";
    if (!f.store->putClusterSweep(cluster)) qFatal("putClusterSweep");
    const char* states[] = {"RUNNING", "PENDING", "COMPLETED"};
    for (int i = 0; i < 3; ++i) {
        storage::RunRecord run;
        run.name = "iso-cluster-" + std::to_string(i);
        run.arch = "xlstm";
        run.sweepId = f.sweepId;
        const long long id = *f.store->createRun(run);
        f.runIds.push_back(id);
        if (i != 1 && !f.store->markRunStarted(id)) qFatal("markRunStarted");
        if (i == 2 && !f.store->finishRun(id, storage::RunStatus::Finished)) qFatal("finishRun");
        storage::ClusterTaskRecord task;
        task.sweepId = f.sweepId;
        task.arrayTask = i;
        task.runUuid = f.store->run(id)->uuid;
        task.runFile = "/shared/sweeps/iso-cluster/runs/task-" + std::to_string(i) + ".db";
        task.jobId = "4242";
        task.slurmState = states[i];
        if (!f.store->putClusterTask(task)) qFatal("putClusterTask");
    }
    return f;
}

QString cell(QTableWidget* t, int row, int column) {
    return t->item(row, column) ? t->item(row, column)->text() : QString();
}

}  // namespace

class TestClusterPanel : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void listsSweepsAndTasksWithTheirStates() {
        Fixture f = makeWorkspace(m_dir.filePath(QStringLiteral("list.db")));
        widgets::ClusterPanel panel;
        gui::ClusterController controller(&panel);
        controller.setCollectInterval(0);
        controller.setStore(f.store.get());

        QTableWidget* sweeps = panel.sweepTable();
        QCOMPARE(sweeps->rowCount(), 1);
        QCOMPARE(cell(sweeps, 0, 0), QStringLiteral("iso-cluster"));
        QCOMPARE(cell(sweeps, 0, 1), QStringLiteral("4242"));
        QCOMPARE(cell(sweeps, 0, 2), QStringLiteral("gpu"));
        const QString counts = cell(sweeps, 0, 3);
        QVERIFY2(counts.contains(QStringLiteral("1 queued")) && counts.contains(QStringLiteral("1 running")) &&
                     counts.contains(QStringLiteral("1 finished")),
                 qPrintable(counts));
        QVERIFY(!panel.emptyHint()->isVisibleTo(&panel));
        QCOMPARE(panel.selectedSweep(), qint64(f.sweepId));

        QTableWidget* tasks = panel.taskTable();
        QCOMPARE(tasks->rowCount(), 3);
        QCOMPARE(cell(tasks, 0, 1).toLongLong(), f.runIds[0]);
        QCOMPARE(cell(tasks, 0, 2), QStringLiteral("iso-cluster-0"));
        QCOMPARE(cell(tasks, 0, 3), QStringLiteral("running (slurm 4242_0)"));
        QCOMPARE(cell(tasks, 1, 3), QStringLiteral("queued (slurm 4242_1 PENDING)"));
        QCOMPARE(cell(tasks, 2, 3), QStringLiteral("finished (slurm 4242_2 COMPLETED)"));
        QCOMPARE(cell(tasks, 2, 4), QStringLiteral("not yet"));

        // Unfinished tasks: collected. Every run finished: collected once more, to fit, until fitted.
        QCOMPARE(controller.sweepsToCollect(), QList<qint64>{f.sweepId});
        QVERIFY(f.store->finishRun(f.runIds[0], storage::RunStatus::Finished));
        QVERIFY(f.store->markRunStarted(f.runIds[1]));
        QVERIFY(f.store->finishRun(f.runIds[1], storage::RunStatus::Finished));
        QCOMPARE(controller.sweepsToCollect(), QList<qint64>{f.sweepId});
        auto cluster = f.store->clusterSweep(f.sweepId);
        QVERIFY(cluster);
        cluster->fittedAt = 1.0e9;
        QVERIFY(f.store->putClusterSweep(*cluster));
        QCOMPARE(controller.sweepsToCollect(), QList<qint64>{});
    }

    void signalsRunsThatEnded() {
        Fixture f = makeWorkspace(m_dir.filePath(QStringLiteral("ended.db")));
        widgets::ClusterPanel panel;
        gui::ClusterController controller(&panel);
        controller.setCollectInterval(0);
        QSignalSpy changed(&controller, &gui::ClusterController::runsChanged);
        controller.setStore(f.store.get());
        QCOMPARE(changed.count(), 0);   // the first look is not a change
        QVERIFY(f.store->finishRun(f.runIds[1], storage::RunStatus::Cancelled));
        controller.refresh();
        QCOMPARE(changed.count(), 0);   // cancelled: no new point for the scaling charts
        QVERIFY(f.store->finishRun(f.runIds[0], storage::RunStatus::Finished));
        controller.refresh();
        QCOMPARE(changed.count(), 1);
        controller.refresh();
        QCOMPARE(changed.count(), 1);
        // Every run ended, one cancelled: it waits for `sweep resume`, nothing to collect or fit.
        QCOMPARE(controller.sweepsToCollect(), QList<qint64>{});
    }

    void buildsCommandLines() {
        QCOMPARE(gui::ClusterController::collectArguments(QStringLiteral("iso-2k"), QStringLiteral("/shared/study.db")),
                 (QStringList{QStringLiteral("sweep"), QStringLiteral("collect"), QStringLiteral("iso-2k"), QStringLiteral("--db"),
                              QStringLiteral("/shared/study.db"), QStringLiteral("--json")}));
        QCOMPARE(gui::ClusterController::cancelArguments(QStringLiteral("iso-2k"), QStringLiteral("/shared/study.db")),
                 (QStringList{QStringLiteral("sweep"), QStringLiteral("cancel"), QStringLiteral("iso-2k"), QStringLiteral("--db"),
                              QStringLiteral("/shared/study.db")}));
    }

    void reportsAFailedCollect() {
        Fixture f = makeWorkspace(m_dir.filePath(QStringLiteral("fail.db")));
        widgets::ClusterPanel panel;
        gui::ClusterController controller(&panel);
        controller.setCollectInterval(0);
        controller.setStore(f.store.get());
        QSignalSpy done(&controller, &gui::ClusterController::commandFinished);
        emit panel.collectRequested(f.sweepId);
        QVERIFY(controller.busy());
        QCOMPARE(cell(panel.sweepTable(), 0, 4), QStringLiteral("collecting..."));
        QVERIFY(done.wait(60000));
        QCOMPARE(done.at(0).at(0).toLongLong(), f.sweepId);
        QCOMPARE(done.at(0).at(1).toBool(), false);   // the run files do not exist: skipped, exit 1
        const QString problem = panel.sweepTable()->item(0, 0)->toolTip();
        QVERIFY2(problem.startsWith(QStringLiteral("exit 1: ")) && problem.contains(QStringLiteral("skipped")), qPrintable(problem));
        QCOMPARE(cell(panel.sweepTable(), 0, 4), QStringLiteral("not yet"));   // no successful collect
    }

    void cancelAsksTheControllerAfterConfirming() {
        Fixture f = makeWorkspace(m_dir.filePath(QStringLiteral("cancel.db")));
        widgets::ClusterPanel panel;
        panel.setConfirmCancel(false);
        QSignalSpy cancel(&panel, &widgets::ClusterPanel::cancelRequested);
        gui::ClusterController controller(&panel);
        controller.setCollectInterval(0);
        controller.setStore(f.store.get());
        QSignalSpy done(&controller, &gui::ClusterController::commandFinished);
        QPushButton* button = nullptr;
        for (auto* b : panel.findChildren<QPushButton*>())
            if (b->text() == QStringLiteral("Cancel Sweep")) button = b;
        QVERIFY(button && button->isEnabled());
        button->click();
        QCOMPARE(cancel.count(), 1);
        QCOMPARE(cancel.at(0).at(0).toLongLong(), f.sweepId);
        QVERIFY(controller.busy());   // `sweep cancel` started
        QVERIFY(done.wait(60000));
    }

    void emptyWorkspaceExplainsHowToSubmit() {
        auto ws = workspace::openWorkspace(m_dir.filePath(QStringLiteral("empty.db")).toStdString());
        QVERIFY(ws);
        widgets::ClusterPanel panel;
        gui::ClusterController controller(&panel);
        controller.setCollectInterval(0);
        controller.setStore(ws->get());
        QCOMPARE(panel.sweepTable()->rowCount(), 0);
        QVERIFY(panel.emptyHint()->isVisibleTo(&panel));
        QVERIFY(panel.emptyHint()->text().contains(QStringLiteral("--slurm")));
        QVERIFY(controller.sweepsToCollect().isEmpty());
    }
};

QTEST_MAIN(TestClusterPanel)
#include "tst_cluster_panel.moc"
