// SPDX-License-Identifier: MIT
// The Fits panel (issue 13): fits stored by the CLI and by the Scaling view's "Save Fit" are listed
// newest first with their provenance; the saved record carries the drawn laws exactly, with the
// source, set and program version; deleting one removes only that row.
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include "common/version.h"
#include "fits_controller.h"
#include "fits_panel.h"
#include "scaling_controller.h"
#include "scaling_view.h"
#include "storage/store.h"
#include "workspace/workspace.h"

using namespace seqscope;

class TestFitsPanel : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void listsSavesAndDeletesFits() {
        auto ws = workspace::openWorkspace(m_dir.filePath(QStringLiteral("fits.db")).toStdString());
        QVERIFY(ws);
        storage::Store& store = **ws;
        // A fit the CLI stored earlier.
        storage::FitRecord cli;
        cli.kind = "parametric";
        cli.label = "parametric xlstm tokenparam_ctx8192";
        cli.selectionJson = R"({"source":"xlstm-paper","runs":35,"seqscope_version":"0.0.1"})";
        cli.paramsJson = R"({"alpha":0.5})";
        cli.objective = 8.5e-5;
        QVERIFY(store.addFit(cli));

        widgets::FitsPanel panel;
        gui::FitsController fits(&panel);
        fits.setStore(&store);
        QCOMPARE(panel.table()->rowCount(), 1);
        QCOMPARE(panel.table()->item(0, 2)->text(), QStringLiteral("xlstm-paper"));

        // "Save Fit" in the Scaling view on the paper's data: one row per frontier (xLSTM, Transformer).
        widgets::ScalingView view;
        gui::ScalingController scaling(&view);
        connect(&scaling, &gui::ScalingController::fitStored, &fits, &gui::FitsController::refresh);
        QSignalSpy ready(&scaling, &gui::ScalingController::plotReady);
        scaling.setStore(&store, QStringLiteral("xlstm-paper"));
        QVERIFY(ready.wait(20000));
        while (scaling.fitting()) QVERIFY(ready.wait(20000));
        QString error;
        const QList<qint64> ids = scaling.saveFit(&error);
        QVERIFY2(ids.size() == 2, qPrintable(error));
        QCOMPARE(panel.table()->rowCount(), 3);
        QCOMPARE(panel.table()->item(0, 0)->text().toLongLong(), ids.last());   // newest first

        auto stored = store.fits();
        QVERIFY(stored);
        const storage::FitRecord& rec = stored->at(1);   // the xLSTM frontier
        QCOMPARE(rec.kind, std::string("isoflop"));
        const QJsonObject sel = QJsonDocument::fromJson(QByteArray::fromStdString(rec.selectionJson)).object();
        QCOMPARE(sel.value(QStringLiteral("source")).toString(), QStringLiteral("xlstm-paper"));
        QCOMPARE(sel.value(QStringLiteral("set")).toString(), QStringLiteral("isoflop_ctx8192"));
        QCOMPARE(sel.value(QStringLiteral("seqscope_version")).toString(), QString::fromLatin1(kVersion));
        const QJsonObject params = QJsonDocument::fromJson(QByteArray::fromStdString(rec.paramsJson)).object();
        const QJsonObject law = params.value(QStringLiteral("n_opt_law")).toObject();
        QCOMPARE(law.value(QStringLiteral("a")).toDouble(), view.plot().frontier[0].nLaw.a);
        QCOMPARE(law.value(QStringLiteral("A")).toDouble(), view.plot().frontier[0].nLaw.A);
        QVERIFY(law.value(QStringLiteral("a_interval")).isArray());

        QVERIFY(panel.selectFit(ids.first()));
        QVERIFY(panel.detailsText().contains(QStringLiteral("n_opt_law")));
        QVERIFY(panel.detailsText().contains(QStringLiteral("xlstm-paper")));

        fits.deleteFit(ids.first());
        QCOMPARE(panel.table()->rowCount(), 2);
        QCOMPARE(store.fits()->size(), size_t(2));
    }

    void nothingToSaveSaysWhy() {
        widgets::ScalingView view;
        gui::ScalingController scaling(&view);
        QString error;
        QVERIFY(scaling.saveFit(&error).isEmpty());
        QVERIFY(!error.isEmpty());
    }
};

QTEST_MAIN(TestFitsPanel)
#include "tst_fits_panel.moc"
