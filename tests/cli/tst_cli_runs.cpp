// SPDX-License-Identifier: MIT
// `seqscope-cli runs ...` and `seqscope-cli db check` run as a user runs them (the built binary):
// JSON output, exit codes, file:line:column errors, and a non-Seqscope file given as --db left
// byte-for-byte unchanged.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>

#include <fstream>

#include "storage/interchange.h"
#include "storage/schema.h"
#include "storage/store.h"
#include "test_support.h"

using namespace seqscope;

namespace {

QJsonDocument parseJson(const test::ProcessResult& r) { return QJsonDocument::fromJson(r.out.toUtf8()); }

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

}  // namespace

class TestCliRuns : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString path(const QString& name) const { return m_dir.filePath(name); }

    // An export file with two runs, written through the storage API.
    QString writeExport() {
        const QString dbPath = path(QStringLiteral("source.db"));
        auto store = std::move(*storage::Store::open(dbPath.toStdString()));
        storage::RunRecord a;
        a.name = "xl";
        a.arch = "xlstm";
        a.params = 1.6e8;
        storage::RunRecord b = a;
        b.name = "tf";
        b.arch = "transformer";
        const long long ia = *store->createRun(a), ib = *store->createRun(b);
        (void)store->finishRun(ia, storage::RunStatus::Finished);
        (void)store->finishRun(ib, storage::RunStatus::Failed, "out of memory");
        (void)store->appendMetrics(ia, {{1, 10, 1e9, 0.1, "train_loss", 4.0}, {2, 20, 2e9, 0.2, "train_loss", 3.5}});
        auto bundle = storage::loadBundle(*store, {});
        const QString file = path(QStringLiteral("export.json"));
        std::ofstream out(file.toStdString());
        if (!storage::writeBundleJson(*bundle, out).isOk()) qFatal("writing the export failed");
        return file;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void dbCheckReportsSchemaAndIntegrityOfNewDatabase() {
        const QString db = path(QStringLiteral("fresh/check.db"));
        auto r = test::runCli({QStringLiteral("db"), QStringLiteral("check"), QStringLiteral("--db"), db, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject j = parseJson(r).object();
        QCOMPARE(j.value(QStringLiteral("schema_version")).toInt(), storage::schema::kSchemaVersion);
        QCOMPARE(j.value(QStringLiteral("integrity_ok")).toBool(), true);
        QCOMPARE(j.value(QStringLiteral("journal_mode")).toString(), QStringLiteral("wal"));
        QCOMPARE(j.value(QStringLiteral("counts")).toObject().value(QStringLiteral("runs")).toInt(), 0);
        auto human = test::runCli({QStringLiteral("db"), QStringLiteral("check"), QStringLiteral("--db"), db});
        QCOMPARE(human.exitCode, 0);
        QVERIFY2(human.out.contains(QStringLiteral("integrity     ok")), qPrintable(human.out));
        QVERIFY2(human.out.contains(QStringLiteral("schema        version %1").arg(storage::schema::kSchemaVersion)), qPrintable(human.out));
    }

    void importListShowTagExportDelete() {
        const QString db = path(QStringLiteral("work.db"));
        const QString dbArg = QStringLiteral("--db=") + db;
        auto imported = test::runCli({QStringLiteral("runs"), QStringLiteral("import"), writeExport(), dbArg, QStringLiteral("--json")});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        QCOMPARE(parseJson(imported).object().value(QStringLiteral("metric_rows")).toInt(), 2);

        auto list = test::runCli({QStringLiteral("runs"), QStringLiteral("list"), dbArg, QStringLiteral("--json")});
        QCOMPARE(list.exitCode, 0);
        const QJsonArray runs = parseJson(list).array();
        QCOMPARE(runs.size(), 2);
        QCOMPARE(runs.at(1).toObject().value(QStringLiteral("failure_reason")).toString(), QStringLiteral("out of memory"));
        auto failed = test::runCli({QStringLiteral("runs"), QStringLiteral("list"), dbArg, QStringLiteral("--status"), QStringLiteral("failed")});
        QCOMPARE(failed.exitCode, 0);
        QVERIFY2(failed.out.contains(QStringLiteral("tf")) && !failed.out.contains(QStringLiteral("xlstm")), qPrintable(failed.out));

        auto show = test::runCli({QStringLiteral("runs"), QStringLiteral("show"), QStringLiteral("1"), dbArg, QStringLiteral("--json")});
        QCOMPARE(show.exitCode, 0);
        const QJsonArray metrics = parseJson(show).object().value(QStringLiteral("metrics")).toArray();
        QCOMPARE(metrics.size(), 1);
        QCOMPARE(metrics.at(0).toObject().value(QStringLiteral("last_value")).toDouble(), 3.5);

        auto tag = test::runCli({QStringLiteral("runs"), QStringLiteral("tag"), QStringLiteral("1"), QStringLiteral("2"), dbArg,
                                 QStringLiteral("--add"), QStringLiteral("paper,ctx2k"), QStringLiteral("--json")});
        QVERIFY2(tag.exitCode == 0, qPrintable(tag.err));
        auto untag = test::runCli({QStringLiteral("runs"), QStringLiteral("tag"), QStringLiteral("2"), dbArg,
                                   QStringLiteral("--remove"), QStringLiteral("paper"), QStringLiteral("--json")});
        QCOMPARE(parseJson(untag).array().at(0).toObject().value(QStringLiteral("tags")).toArray(), QJsonArray{QStringLiteral("ctx2k")});
        auto byTag = test::runCli({QStringLiteral("runs"), QStringLiteral("list"), dbArg, QStringLiteral("--tag=paper"), QStringLiteral("--json")});
        QCOMPARE(parseJson(byTag).array().size(), 1);

        const QString exported = path(QStringLiteral("again.json"));
        auto exp = test::runCli({QStringLiteral("runs"), QStringLiteral("export"), QStringLiteral("1"), dbArg, QStringLiteral("--out"), exported});
        QVERIFY2(exp.exitCode == 0, qPrintable(exp.err));
        QVERIFY(readAll(exported).contains("\"train_loss\""));
        const QString csvDir = path(QStringLiteral("again-csv"));
        auto expCsv = test::runCli({QStringLiteral("runs"), QStringLiteral("export"), dbArg, QStringLiteral("--out"), csvDir, QStringLiteral("--format=csv")});
        QVERIFY2(expCsv.exitCode == 0, qPrintable(expCsv.err));
        QVERIFY(QFile::exists(csvDir + QStringLiteral("/runs.csv")));
        auto reimport = test::runCli({QStringLiteral("runs"), QStringLiteral("import"), csvDir, dbArg, QStringLiteral("--json")});
        QVERIFY2(reimport.exitCode == 0, qPrintable(reimport.err));
        QCOMPARE(parseJson(reimport).object().value(QStringLiteral("runs")).toInt(), 2);

        auto del = test::runCli({QStringLiteral("runs"), QStringLiteral("delete"), QStringLiteral("1"), dbArg, QStringLiteral("--json")});
        QVERIFY2(del.exitCode == 0, qPrintable(del.err));
        auto missing = test::runCli({QStringLiteral("runs"), QStringLiteral("show"), QStringLiteral("1"), dbArg});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains(QStringLiteral("seqscope-cli runs show: no run with id 1")), qPrintable(missing.err));
    }

    // Issue 18: names and tags with quotes, commas, semicolons, non-ASCII letters and great length come
    // back byte for byte through the JSON and CSV exports and imports, and through `runs list --json`.
    void oddNamesRoundTripThroughExportsAndListings() {
        const std::string name = "a \"quoted\", 'odd'; name \u00e9\u4e2d " + std::string(3000, 'n');
        const std::vector<std::string> tags = {"with,comma", "semi;colon", "\"quote\"", "back\\slash;"};
        const QString source = path(QStringLiteral("odd-source.db"));
        {
            auto store = std::move(*storage::Store::open(source.toStdString()));
            storage::RunRecord r;
            r.name = name;
            r.arch = "xlstm";
            r.tags = tags;
            QVERIFY(store->createRun(r));
        }
        for (const QString& format : {QStringLiteral("json"), QStringLiteral("csv")}) {
            const QString out = path(QStringLiteral("odd-export.") + format);
            QCOMPARE(test::runCli({"runs", "export", "--out", out, "--format", format, "--db", source}).exitCode, 0);
            const QString target = path(QStringLiteral("odd-target-%1.db").arg(format));
            const auto imported = test::runCli({"runs", "import", out, "--db", target});
            QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
            auto store = std::move(*storage::Store::open(target.toStdString()));
            auto runs = store->runs();
            QCOMPARE(runs->size(), size_t(1));
            QCOMPARE(runs->front().name, name);
            auto back = runs->front().tags;
            std::sort(back.begin(), back.end());
            auto expected = tags;
            std::sort(expected.begin(), expected.end());
            QCOMPARE(back, expected);
            const auto listed = test::runCli({"runs", "list", "--json", "--db", target});
            QCOMPARE(listed.exitCode, 0);
            QCOMPARE(parseJson(listed).array().at(0).toObject().value(QStringLiteral("name")).toString().toStdString(), name);
        }
    }

    void importErrorsNameFileLineColumnAndWriteNothing() {
        const QString db = path(QStringLiteral("strict.db"));
        const QString bad = path(QStringLiteral("bad.json"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"format\": \"seqscope-export\", \"format_version\": 1,\n\"runs\": [{\"id\": 1, \"arch\": \"xlstm\"},\n {\"id\": 2, \"arch\": 7}]}");
        f.close();
        auto r = test::runCli({QStringLiteral("runs"), QStringLiteral("import"), bad, QStringLiteral("--db"), db});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(bad + QStringLiteral(":3:20: \"arch\" must be a string")), qPrintable(r.err));
        auto list = test::runCli({QStringLiteral("runs"), QStringLiteral("list"), QStringLiteral("--db"), db, QStringLiteral("--json")});
        QCOMPARE(parseJson(list).array().size(), 0);

        const QString table = path(QStringLiteral("table.csv"));
        QFile t(table);
        QVERIFY(t.open(QIODevice::WriteOnly));
        t.write("arch,params,loss,tokens\nxlstm,1e8,3.0,2e9\ntransformer,1e8,oops,2e9\n");
        t.close();
        auto rt = test::runCli({QStringLiteral("runs"), QStringLiteral("import"), table, QStringLiteral("--db"), db, QStringLiteral("--dataset"), QStringLiteral("ext")});
        QCOMPARE(rt.exitCode, 1);
        QVERIFY2(rt.err.contains(table + QStringLiteral(":3:17: loss 'oops' is not a finite number")), qPrintable(rt.err));
        auto noDataset = test::runCli({QStringLiteral("runs"), QStringLiteral("import"), table, QStringLiteral("--db"), db});
        QCOMPARE(noDataset.exitCode, 2);
    }

    void importsResultsTableAsReadOnlyDataset() {
        const QString db = path(QStringLiteral("dataset.db"));
        const QString table = path(QStringLiteral("good.csv"));
        QFile t(table);
        QVERIFY(t.open(QIODevice::WriteOnly));
        t.write("arch,params,loss,flops,ctx\nxlstm,1e8,3.0,1e18,2048\ntransformer,1e8,3.1,1e18,2048\n");
        t.close();
        auto r = test::runCli({QStringLiteral("runs"), QStringLiteral("import"), table, QStringLiteral("--db"), db,
                               QStringLiteral("--dataset"), QStringLiteral("ext"), QStringLiteral("--citation"), QStringLiteral("me")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        auto check = test::runCli({QStringLiteral("db"), QStringLiteral("check"), QStringLiteral("--db"), db, QStringLiteral("--json")});
        const QJsonObject counts = parseJson(check).object().value(QStringLiteral("counts")).toObject();
        QCOMPARE(counts.value(QStringLiteral("reference_datasets")).toInt(), 1);
        QCOMPARE(counts.value(QStringLiteral("reference_points")).toInt(), 2);
    }

    void foreignFileAsDbIsLeftByteForByteUnchanged_data() {
        QTest::addColumn<QStringList>("command");
        QTest::newRow("runs list") << QStringList{QStringLiteral("runs"), QStringLiteral("list")};
        QTest::newRow("db check") << QStringList{QStringLiteral("db"), QStringLiteral("check")};
        QTest::newRow("runs import") << QStringList{QStringLiteral("runs"), QStringLiteral("import"), QStringLiteral("EXPORT")};
        QTest::newRow("runs delete") << QStringList{QStringLiteral("runs"), QStringLiteral("delete"), QStringLiteral("1")};
    }
    void foreignFileAsDbIsLeftByteForByteUnchanged() {
        QFETCH(QStringList, command);
        const QString file = path(QStringLiteral("random-%1.bin").arg(QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-'))));
        QByteArray bytes(32 * 1024, '\0');
        for (auto& b : bytes) b = static_cast<char>(QRandomGenerator::global()->bounded(256));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
        f.close();
        for (QString& word : command)
            if (word == QLatin1String("EXPORT")) word = writeExport();
        auto r = test::runCli(command + QStringList{QStringLiteral("--db"), file});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("is not a Seqscope database")) && r.err.contains(QStringLiteral("left unchanged")), qPrintable(r.err));
        QCOMPARE(readAll(file), bytes);
        for (const char* suffix : {"-wal", "-shm", "-journal"}) QVERIFY(!QFile::exists(file + QLatin1String(suffix)));
    }

    void usageMistakesExitTwo() {
        const QString db = path(QStringLiteral("usage.db"));
        QCOMPARE(test::runCli({QStringLiteral("runs"), QStringLiteral("tag"), QStringLiteral("1"), QStringLiteral("--db"), db}).exitCode, 2);
        QCOMPARE(test::runCli({QStringLiteral("runs"), QStringLiteral("show"), QStringLiteral("--db"), db}).exitCode, 2);
        QCOMPARE(test::runCli({QStringLiteral("runs"), QStringLiteral("show"), QStringLiteral("x1"), QStringLiteral("--db"), db}).exitCode, 2);
        QCOMPARE(test::runCli({QStringLiteral("runs"), QStringLiteral("list"), QStringLiteral("--status=paused"), QStringLiteral("--db"), db}).exitCode, 2);
        QCOMPARE(test::runCli({QStringLiteral("runs"), QStringLiteral("export"), QStringLiteral("--db"), db}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliRuns)
#include "tst_cli_runs.moc"
