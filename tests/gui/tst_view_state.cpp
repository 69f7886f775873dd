// SPDX-License-Identifier: MIT
// View files (File -> Save View / Open View, seqscope --open-view): every field survives a save ->
// open round trip, both as JSON and through a live workbench (captured, written, opened in a fresh
// workbench, captured again); a bad file is refused with the field at fault named.
#include <QTemporaryDir>
#include <QtTest>

#include "main_window.h"
#include "storage/store.h"
#include "view_state.h"
#include "workbench.h"
#include "workspace/workspace.h"

using namespace seqscope;
using gui::ViewState;

namespace {

ViewState everyField() {
    ViewState s;
    s.view = QStringLiteral("calculator");
    s.title = QStringLiteral("Lecture 3: the KV cache");
    s.source = QStringLiteral("xlstm-paper");
    gui::ScalingFilters f;
    f.set = QStringLiteral("isoflop_ctx2048");
    f.archs = {QStringLiteral("xlstm")};
    f.xIsTokens = true;
    f.withRuns = false;
    f.includeExcluded = true;
    f.paperBudgetRange = false;
    s.filters = f;
    s.budgetFlops = 3e21;
    gui::LossRanges l;
    l.logX = true;
    l.logY = true;
    l.y = std::make_pair(2.25, 4.5);
    s.lossRanges = l;
    s.selectedRuns = QList<qint64>{2, 3};
    widgets::CalculatorInputs c;
    c.dModel = 1024, c.layers = 24, c.xlstmHeads = 4, c.transformerHeads = 16, c.vocab = 260;
    c.context = 131072, c.batch = 8, c.precision = QStringLiteral("fp8"), c.tokens = 8.1e9, c.compute = 2.5e21;
    s.calculator = c;
    return s;
}

}  // namespace

class TestViewState : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void jsonRoundTripKeepsEveryField() {
        const ViewState saved = everyField();
        ViewState opened;
        QString error;
        QVERIFY2(gui::viewStateFromJson(gui::viewStateToJson(saved), &opened, &error), qPrintable(error));
        QVERIFY(opened == saved);
        // Through a file, as File -> Save View and Open View do.
        const QString path = m_dir.filePath(QStringLiteral("every.seqview.json"));
        QVERIFY2(gui::saveViewState(path, saved, &error), qPrintable(error));
        ViewState fromFile;
        QVERIFY2(gui::loadViewState(path, &fromFile, &error), qPrintable(error));
        QVERIFY(fromFile == saved);
        // A minimal file sets only the view; everything else stays as it is.
        ViewState minimal;
        QVERIFY(gui::viewStateFromJson(R"({"format": "seqscope-view", "version": 1, "view": "scaling"})", &minimal, &error));
        QCOMPARE(minimal.view, QStringLiteral("scaling"));
        QVERIFY(!minimal.source && !minimal.filters && !minimal.calculator && !minimal.selectedRuns);
    }

    void badFilesNameTheFieldAtFault_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not JSON") << QByteArray("{view") << QStringLiteral("JSON error");
        QTest::newRow("another format") << QByteArray(R"({"format": "x", "version": 1, "view": "a"})") << QStringLiteral("format");
        QTest::newRow("a newer version") << QByteArray(R"({"format": "seqscope-view", "version": 9, "view": "a"})")
                                         << QStringLiteral("version 9");
        QTest::newRow("no view") << QByteArray(R"({"format": "seqscope-view", "version": 1})") << QStringLiteral("'view'");
        QTest::newRow("archs not a list")
            << QByteArray(R"({"format": "seqscope-view", "version": 1, "view": "a", "filters": {"set": "s", "archs": "xlstm"}})")
            << QStringLiteral("filters.archs");
        QTest::newRow("unknown precision")
            << QByteArray(R"({"format": "seqscope-view", "version": 1, "view": "a", "calculator": {"d_model": 768, "layers": 12,
                 "xlstm_heads": 6, "transformer_heads": 12, "vocab": 50304, "context": 8192, "batch": 1, "precision": "fp16",
                 "tokens": 1e9, "compute": 1e21}})")
            << QStringLiteral("calculator.precision");
        QTest::newRow("fractional width")
            << QByteArray(R"({"format": "seqscope-view", "version": 1, "view": "a", "calculator": {"d_model": 767.5}})")
            << QStringLiteral("calculator.d_model");
        QTest::newRow("reversed loss range")
            << QByteArray(R"({"format": "seqscope-view", "version": 1, "view": "a", "ranges": {"loss_y": [4, 2]}})")
            << QStringLiteral("ranges.loss_y");
        QTest::newRow("negative run id")
            << QByteArray(R"({"format": "seqscope-view", "version": 1, "view": "a", "selection": {"runs": [-1]}})")
            << QStringLiteral("selection.runs");
    }

    void badFilesNameTheFieldAtFault() {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        ViewState s;
        QString error;
        QVERIFY(!gui::viewStateFromJson(json, &s, &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
    }

    void workbenchSavesAndReopensEveryField() {
        const QString db = m_dir.filePath(QStringLiteral("views.db"));
        {
            auto store = workspace::openWorkspace(db.toStdString());
            QVERIFY(store);
            for (int i = 0; i < 3; ++i) {
                storage::RunRecord r;
                r.name = "run " + std::to_string(i);
                r.arch = "xlstm";
                r.status = storage::RunStatus::Finished;
                QVERIFY((*store)->createRun(r));
            }
        }
        const ViewState wanted = everyField();
        const QString path = m_dir.filePath(QStringLiteral("lecture.seqview.json"));
        {
            gui::MainWindow window(db);
            gui::Workbench workbench(&window);
            QString error;
            QVERIFY2(workbench.openDatabase(db, &error), qPrintable(error));
            QVERIFY2(workbench.applyViewState(wanted, &error), qPrintable(error));
            ViewState captured = workbench.captureViewState();
            QCOMPARE(captured.view, wanted.view);
            captured.title = wanted.title;   // a caption is shown, not read back from the window
            QVERIFY2(captured == wanted, gui::viewStateToJson(captured).constData());
            QVERIFY2(gui::saveViewState(path, captured, &error), qPrintable(error));
        }
        // A fresh workbench opened at that file (what seqscope --open-view does) shows the same.
        gui::MainWindow window(db);
        gui::Workbench workbench(&window);
        QString error;
        QVERIFY2(workbench.openDatabase(db, &error), qPrintable(error));
        QVERIFY2(workbench.openViewFile(path, &error), qPrintable(error));
        ViewState reopened = workbench.captureViewState();
        reopened.title = wanted.title;
        QVERIFY2(reopened == wanted, gui::viewStateToJson(reopened).constData());
        QCOMPARE(window.currentViewId(), QStringLiteral("calculator"));
    }

    void workbenchRefusesWhatItDoesNotHave() {
        const QString db = m_dir.filePath(QStringLiteral("refuse.db"));
        gui::MainWindow window(db);
        gui::Workbench workbench(&window);
        QString error;
        QVERIFY(workbench.openDatabase(db, &error));
        ViewState s;
        s.view = QStringLiteral("no-such-view");
        QVERIFY(!workbench.applyViewState(s, &error));
        QVERIFY2(error.contains(QLatin1String("no-such-view")), qPrintable(error));
        s.view = QStringLiteral("scaling");
        s.source = QStringLiteral("sweep:99");
        QVERIFY(!workbench.applyViewState(s, &error));
        QVERIFY2(error.contains(QLatin1String("sweep:99")), qPrintable(error));
        s.source.reset();
        s.filters = gui::ScalingFilters{QStringLiteral("isoflop_ctx999"), {}, false, true, false, true};
        QVERIFY(!workbench.applyViewState(s, &error));
        QVERIFY2(error.contains(QLatin1String("isoflop_ctx999")), qPrintable(error));
    }
};

QTEST_MAIN(TestViewState)
#include "tst_view_state.moc"
