// SPDX-License-Identifier: MIT
// The run launcher as a new user drives it: live feedback from the FLOP accounting, validation that
// names the bad value, and a run started from the form that trains in a worker process, reaches
// the database and shows up in the loss chart.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QTableWidget>
#include <QSpinBox>
#include <QtTest>

#include "loss_chart_view.h"
#include "main_window.h"
#include "run_launcher.h"
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
        const auto config = launcher.config(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const auto plan = training::planTraining(config);
        QVERIFY(plan.params > 0);
        // The numbers shown are the plan's (digits only: the locale decides the separators).
        QString digits = launcher.feedbackText();
        digits.remove(QLatin1Char(',')).remove(QLatin1Char('.')).remove(QChar(0x202F)).remove(QChar(0xA0));
        QVERIFY2(digits.contains(QString::number(plan.params)), qPrintable(launcher.feedbackText()));
        QVERIFY(launcher.feedbackText().contains(QString::number(plan.flops, 'e', 3)));
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
        // The same plan from the command line the dialog will run.
        const auto cli = test::runCli(dialog.commandArguments() + QStringList{QStringLiteral("--plan-only"),
                                                                              QStringLiteral("--json")});
        QCOMPARE(cli.exitCode, 0);
        const auto doc = QJsonDocument::fromJson(cli.out.toUtf8());
        QVERIFY2(doc.isObject(), qPrintable(cli.out.left(400)));
        QCOMPARE(doc.object().value(QStringLiteral("runs")).toArray().size(), runs);
        auto* budgets = dialog.findChildren<QLineEdit*>().value(0);
        QVERIFY(budgets);
        budgets->setText(QStringLiteral("1e12,lots"));
        QCOMPARE(dialog.plannedRuns(), 0);
        QVERIFY2(dialog.problemText().contains(QStringLiteral("'1e12,lots'")), qPrintable(dialog.problemText()));
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
        QString configError;
        emit launcher->startRequested(launcher->config(&configError), QStringLiteral("from the gui"));

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
};

QTEST_MAIN(TestRunLauncher)
#include "tst_run_launcher.moc"
