// SPDX-License-Identifier: MIT
// The run launcher as a new user drives it: live feedback from the run service, validation that
// names the bad value, the same stored run as `seqscope-cli train` for the same inputs, a run
// started from the form that trains in a worker process, reaches the database and shows up in the
// loss chart, and a run the worker refuses that ends failed with the reason in the Runs panel.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTextDocument>
#include <QSpinBox>
#include <QSignalSpy>
#include <QtTest>

#include "loss_chart_view.h"
#include "main_window.h"
#include "run_browser.h"
#include "run_details.h"
#include "run_table_model.h"
#include "run_launcher.h"
#include "training_controller.h"
#include "sweep_dialog.h"
#include "test_support.h"
#include "storage/store.h"
#include "workbench.h"

using namespace seqscope;

class TestRunLauncher : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void feedbackShowsParametersAndFlops() {
        gui::RunLauncher launcher;
        launcher.setArch(QStringLiteral("xlstm"));
        launcher.setPreset(QStringLiteral("xlstm-1m"));
        launcher.setBudget(QStringLiteral("tokens"), 2e5);
        QVERIFY(launcher.canStart());
        QString error;
        const auto plan = launcher.preview(&error).plan;
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(plan.params > 0);
        // The numbers shown are the plan's (digits only: the locale decides the separators).
        QString digits = launcher.feedbackText();
        digits.remove(QLatin1Char(',')).remove(QLatin1Char('.')).remove(QChar(0x202F)).remove(QChar(0xA0));
        QVERIFY2(digits.contains(QString::number(plan.params)), qPrintable(launcher.feedbackText()));
        QVERIFY(launcher.feedbackText().contains(QString::number(plan.flops, 'e', 3)));
        // Time and memory come from a probe step of this very run when nothing has run here yet.
        QTRY_VERIFY_WITH_TIMEOUT(!launcher.probing(), 60000);
        QVERIFY2(launcher.feedbackText().contains(QStringLiteral("one-step probe")), qPrintable(launcher.feedbackText()));
        QVERIFY2(launcher.feedbackText().contains(QStringLiteral("activations")), qPrintable(launcher.feedbackText()));
        QVERIFY2(!launcher.feedbackText().contains(QStringLiteral("unknown")), qPrintable(launcher.feedbackText()));
    }

    void invalidValuesAreNamedAndBlockStart() {
        gui::RunLauncher launcher;
        launcher.setBudget(QStringLiteral("tokens"), 2e5);
        launcher.setPreset(QStringLiteral("custom"));
        QVERIFY(launcher.canStart());   // the custom form starts from the preset's valid dimensions
        auto* heads = launcher.findChild<QSpinBox*>(QStringLiteral("heads"));
        auto* width = launcher.findChild<QSpinBox*>(QStringLiteral("dModel"));
        QVERIFY(heads && width);
        width->setValue(100);
        heads->setValue(3);
        QVERIFY(!launcher.canStart());
        QVERIFY2(launcher.validationText().contains(QStringLiteral("Heads (3) must divide the width d_model (100)")),
                 qPrintable(launcher.validationText()));
        heads->setValue(4);
        QVERIFY2(launcher.canStart(), qPrintable(launcher.validationText()));
        auto* budget = launcher.findChild<QLineEdit*>(QStringLiteral("budget"));
        QVERIFY(budget);
        budget->setText(QStringLiteral("lots"));
        QVERIFY(!launcher.canStart());
        QVERIFY2(launcher.validationText().contains(QStringLiteral("'lots'")), qPrintable(launcher.validationText()));
    }

    void sweepDialogShowsThePlanTheCliRuns() {
        gui::SweepDialog dialog;
        const int runs = dialog.plannedRuns();
        QVERIFY(runs > 0);
        auto* table = dialog.findChild<QTableWidget*>();
        QVERIFY(table);
        QCOMPARE(table->rowCount(), runs);
        // The same plan from the command line with the same budgets and its defaults: both front ends
        // take every other value from the engine's sweep defaults.
        const auto cli = test::runCli({"sweep", "isoflop", "--budgets", "1e12,3e12", "--plan-only", "--json", "--db",
                                       m_dir.filePath(QStringLiteral("plan.db"))});
        QCOMPARE(cli.exitCode, 0);
        const auto doc = QJsonDocument::fromJson(cli.out.toUtf8());
        QVERIFY2(doc.isObject(), qPrintable(cli.out.left(400)));
        const QJsonArray cliRuns = doc.object().value(QStringLiteral("runs")).toArray();
        const auto plan = dialog.plan();
        QCOMPARE(cliRuns.size(), int(plan.runs.size()));
        for (int i = 0; i < cliRuns.size(); ++i) {
            const QJsonObject p = cliRuns[i].toObject()["plan"].toObject();
            QCOMPARE(p["steps"].toInteger(), plan.runs[size_t(i)].plan.steps);
            QCOMPARE(p["tokens_per_step"].toInteger(), plan.runs[size_t(i)].plan.tokensPerStep);
        }
        // Estimated from this machine (a probe step), never an assumed constant.
        QVERIFY(plan.estimatedSeconds > 0);
        QVERIFY2(QString::fromStdString(plan.timeSource).contains(QStringLiteral("probe")), plan.timeSource.c_str());
        auto* budgets = dialog.findChildren<QLineEdit*>().value(0);
        QVERIFY(budgets);
        budgets->setText(QStringLiteral("1e12,lots"));
        QCOMPARE(dialog.plannedRuns(), 0);
        QVERIFY2(dialog.problemText().contains(QStringLiteral("'1e12,lots'")), qPrintable(dialog.problemText()));
    }

    // Issue 14: the GUI's launcher and `seqscope-cli train` with the same inputs store the same run.
    void launcherAndCliStoreIdenticalConfigs() {
        const QString db = m_dir.filePath(QStringLiteral("same.db"));
        gui::TrainingController controller;
        auto store = storage::Store::open(db.toStdString());
        QVERIFY(store);
        controller.setStore(store->get());
        gui::RunLauncher launcher;
        launcher.setArch(QStringLiteral("xlstm"));
        launcher.setPreset(QStringLiteral("xlstm-1m"));
        launcher.setContext(32);   // below the chunk: both must shrink it alike
        launcher.setBudget(QStringLiteral("tokens"), 2e5);
        QString error;
        runs::RunRequest request = launcher.request(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        controller.setMaxWorkers(1);
        const long long id = controller.enqueue(request, &error);
        QVERIFY2(id > 0, qPrintable(error));
        controller.cancel(id);
        const auto cli = test::runCli({"train", "--preset", "xlstm-1m", "--ctx", "32", "--tokens", "2e5", "--seed", "1",
                                       "--plan-only", "--json", "--db", db});
        QVERIFY2(cli.exitCode == 0, qPrintable(cli.err));
        QJsonObject fromCli = QJsonDocument::fromJson(cli.out.toUtf8()).object()["config"].toObject();
        auto rec = (*store)->run(id);
        QVERIFY(rec);
        QJsonObject fromGui = QJsonDocument::fromJson(QByteArray::fromStdString(rec->configJson)).object();
        // Only where the checkpoints go depends on the run id (the plan-only run has none).
        QVERIFY(fromGui.value(QStringLiteral("checkpoint_dir")).toString().endsWith(QStringLiteral("/run-%1").arg(id)));
        fromGui.remove(QStringLiteral("checkpoint_dir"));
        fromCli.remove(QStringLiteral("checkpoint_dir"));
        QCOMPARE(QJsonDocument(fromGui).toJson(), QJsonDocument(fromCli).toJson());
    }

    void runStartedFromTheLauncherReachesDatabaseAndChart() {
        const QString db = m_dir.filePath(QStringLiteral("gui.db"));
        gui::MainWindow window(db);
        gui::Workbench workbench(&window);
        QString error;
        QVERIFY2(workbench.openDatabase(db, &error), qPrintable(error));
        auto* launcher = window.findChild<gui::RunLauncher*>();
        auto* chart = window.findChild<widgets::LossChartView*>();
        QVERIFY(launcher && chart);
        launcher->setArch(QStringLiteral("transformer"));
        launcher->setPreset(QStringLiteral("transformer-1m"));
        launcher->setContext(64);
        launcher->setBudget(QStringLiteral("tokens"), 4096);
        QVERIFY2(launcher->canStart(), qPrintable(launcher->validationText()));
        launcher->setRunName(QStringLiteral("from the gui"));
        QString requestError;
        emit launcher->startRequested(launcher->request(&requestError));

        auto store = storage::Store::open(db.toStdString());
        QVERIFY(store);
        auto runStatus = [&]() {
            auto runs = (*store)->runs();
            return runs && runs->size() == 1 ? runs->front().status : storage::RunStatus::Queued;
        };
        QTRY_VERIFY_WITH_TIMEOUT(storage::isTerminal(runStatus()), 600000);
        auto runs = (*store)->runs();
        QCOMPARE(runs->front().name, std::string("from the gui"));
        QCOMPARE(int(runs->front().status), int(storage::RunStatus::Finished));
        // The chart tails the new run (auto-selected as the newest) and receives its losses.
        QTRY_VERIFY_WITH_TIMEOUT(chart->model().runCount() == 1 && chart->model().totalPoints() > 0, 10000);
    }

    // Issue 18: an odd but valid name and tags are shown as they are stored (the Runs table and the
    // details pane, which escapes them for its rich text).
    void oddNamesShowUnchangedInTheRunsPanel() {
        gui::RunTableModel model;
        gui::RunRow row;
        row.run.id = 7;
        row.run.arch = "xlstm";
        row.run.name = "a \"quoted\", <b>not bold</b> & 'odd'; \u00e9\u4e2d";
        row.run.tags = {"semi;colon", "<tag>"};
        model.setRows({row});
        QCOMPARE(model.index(0, gui::RunTableModel::Name).data().toString().toStdString(), row.run.name);
        QVERIFY(model.index(0, gui::RunTableModel::Tags).data().toString().contains(QStringLiteral("semi;colon")));
        const QString html = gui::RunDetails::html(row.run, false);
        QTextDocument doc;
        doc.setHtml(html);
        QVERIFY2(doc.toPlainText().contains(QString::fromStdString(row.run.name)), qPrintable(doc.toPlainText()));
    }

    // Issue 18: a worker that hangs is noticed (no new metrics for the stall time), and cancel ends it;
    // the run is recorded cancelled, not left running.
    void stalledWorkerIsReportedAndCanBeCancelled() {
        const QString hang = m_dir.filePath(QStringLiteral("hanging-worker.sh"));
        {
            QFile f(hang);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("#!/bin/sh\nexec sleep 600\n");
        }
        QFile::setPermissions(hang, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        qputenv("SEQSCOPE_WORKER_PROGRAM", hang.toUtf8());
        const QString db = m_dir.filePath(QStringLiteral("stalled.db"));
        auto store = storage::Store::open(db.toStdString());
        QVERIFY(store);
        long long id = 0;
        {
            gui::TrainingController controller;
            controller.setStore(store->get());
            controller.setStallSeconds(1);
            QSignalSpy stalled(&controller, &gui::TrainingController::workerStalled);
            gui::RunLauncher launcher;
            launcher.setArch(QStringLiteral("transformer"));
            launcher.setPreset(QStringLiteral("transformer-1m"));
            launcher.setBudget(QStringLiteral("tokens"), 4096);
            QString error;
            id = controller.enqueue(launcher.request(&error), &error);
            QVERIFY2(id > 0, qPrintable(error));
            QTRY_VERIFY_WITH_TIMEOUT(stalled.count() == 1, 15000);
            QCOMPARE(stalled.first().at(0).toLongLong(), id);
            QVERIFY(controller.cancel(id));
            QTRY_VERIFY_WITH_TIMEOUT(controller.runningRunIds().isEmpty(), 15000);
        }
        qunsetenv("SEQSCOPE_WORKER_PROGRAM");
        auto rec = (*store)->run(id);
        QCOMPARE(int(rec->status), int(storage::RunStatus::Cancelled));
    }

    // Issue 14's defect: a run the worker refuses (its data vanished after it was queued) ends
    // `failed` with the reason, shown in the Runs panel, instead of staying queued forever.
    void refusedRunEndsFailedWithTheReasonInTheRunsPanel() {
        const QString db = m_dir.filePath(QStringLiteral("refused.db"));
        const QString data = m_dir.filePath(QStringLiteral("vanishing.txt"));
        {
            QFile f(data);
            QVERIFY(f.open(QIODevice::WriteOnly));
            for (int i = 0; i < 2000; ++i) f.write("the cat sat on a mat and the dog ran far away. ");
        }
        gui::MainWindow window(db);
        gui::Workbench workbench(&window);
        QString error;
        QVERIFY2(workbench.openDatabase(db, &error), qPrintable(error));
        auto* launcher = window.findChild<gui::RunLauncher*>();
        auto* controller = window.findChild<gui::TrainingController*>();
        QVERIFY(launcher && controller);
        // A first run keeps the one worker busy while the second's data disappears.
        launcher->setArch(QStringLiteral("transformer"));
        launcher->setPreset(QStringLiteral("transformer-1m"));
        launcher->setContext(64);
        launcher->setBudget(QStringLiteral("tokens"), 4096);
        launcher->setData(data);
        const long long first = controller->enqueue(launcher->request(&error), &error);
        const long long second = controller->enqueue(launcher->request(&error), &error);
        QVERIFY2(first > 0 && second > 0, qPrintable(error));
        QVERIFY(QFile::remove(data));
        auto store = storage::Store::open(db.toStdString());
        auto status = [&](long long id) { return (*store)->run(id)->status; };
        QTRY_VERIFY_WITH_TIMEOUT(storage::isTerminal(status(second)), 600000);
        QCOMPARE(int(status(second)), int(storage::RunStatus::Failed));
        const QString reason = QString::fromStdString((*store)->run(second)->failureReason);
        QVERIFY2(reason.contains(data), qPrintable(reason));
        // The Runs panel shows it: status column tooltip and the details.
        auto* browser = window.findChild<widgets::RunBrowser*>();
        QVERIFY(browser);
        QTRY_VERIFY_WITH_TIMEOUT([&] {
            browser->selectRuns({second});
            auto* details = browser->findChild<QTextBrowser*>();
            return details && details->toPlainText().contains(data);
        }(), 10000);
    }
};

QTEST_MAIN(TestRunLauncher)
#include "tst_run_launcher.moc"
