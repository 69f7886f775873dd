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
#include <cmath>

#include <fstream>

#include "storage/csv.h"
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

    // Issue 20: `runs export --metrics` writes every selected run's metrics at full resolution in one
    // long-format CSV; a run longer than one read page (20,000 rows) comes out whole and exact.
    void metricsExportIsOneLongFormatCsvOfTheSelectedRuns() {
        const QString db = path(QStringLiteral("metrics-export.db"));
        long long longRun = 0, sweepRun = 0, taggedRun = 0;
        const int steps = 12500;   // x 2 metrics = 25,000 rows: more than one page
        {
            auto store = std::move(*storage::Store::open(db.toStdString()));
            storage::SweepRecord sweep;
            sweep.name = "s1";
            const long long sweepId = *store->createSweep(sweep);
            storage::RunRecord r;
            r.arch = "xlstm";
            r.name = "long, \"quoted\"";
            longRun = *store->createRun(r);
            r.name = "in-sweep";
            r.sweepId = sweepId;
            sweepRun = *store->createRun(r);
            r.name = "tagged";
            r.sweepId = 0;
            r.tags = {"keep"};
            taggedRun = *store->createRun(r);
            std::vector<storage::MetricPoint> points;
            for (int s = 1; s <= steps; ++s) {
                points.push_back({s, 1024LL * s, 3.5e9 * s, 0.25 * s, "train_loss", 4.0 / std::sqrt(double(s))});
                points.push_back({s, 1024LL * s, 3.5e9 * s, 0.25 * s, "lr", 1e-3 * s / steps});
            }
            QVERIFY(store->appendMetrics(longRun, points).isOk());
            QVERIFY(store->appendMetrics(sweepRun, {{5, 50, 1e10, 1.5, "val_loss", 2.75}, {6, 60, 1.2e10, 1.75, "val_loss", NAN}}).isOk());
            QVERIFY(store->appendMetrics(taggedRun, {{1, 10, 1e9, 0.5, "train_loss", 3.0}}).isOk());
        }
        auto exportCsv = [&](const QStringList& selection, const QString& name) {
            const QString out = path(name);
            auto r = test::runCli(QStringList{"runs", "export", "--metrics", "--db", db, "--out", out, "--json"} + selection);
            if (r.exitCode != 0) qWarning("%s", qPrintable(r.err));
            auto records = storage::csv::parse(readAll(out).toStdString(), out.toStdString());
            return std::make_pair(r, records ? *records : std::vector<storage::csv::Record>());
        };

        const auto [all, rows] = exportCsv({}, QStringLiteral("all.csv"));
        QCOMPARE(all.exitCode, 0);
        QCOMPARE(parseJson(all).object().value(QStringLiteral("metric_rows")).toInt(), 2 * steps + 3);
        QCOMPARE(int(rows.size()), 1 + 2 * steps + 3);
        QStringList header;
        for (const auto& f : rows[0].fields) header << QString::fromStdString(f.text);
        QCOMPARE(header, (QStringList{"run_id", "run_name", "metric", "step", "tokens", "flops", "wall_time", "value"}));
        // Every row of the long run, values exact (shortest round-trip text), in logged order.
        double last = 0;
        for (int i = 0; i < 2 * steps; ++i) {
            const auto& f = rows[size_t(1 + i)].fields;
            QCOMPARE(f[0].text, std::to_string(longRun));
            QCOMPARE(f[1].text, std::string("long, \"quoted\""));
            const long long step = 1 + i / 2;
            QCOMPARE(f[2].text, std::string(i % 2 == 0 ? "train_loss" : "lr"));
            QCOMPARE(f[3].text, std::to_string(step));
            QCOMPARE(f[4].text, std::to_string(1024LL * step));
            QCOMPARE(std::stod(f[5].text), 3.5e9 * double(step));
            QCOMPARE(std::stod(f[6].text), 0.25 * double(step));
            const double expected = i % 2 == 0 ? 4.0 / std::sqrt(double(step)) : 1e-3 * double(step) / steps;
            QCOMPARE(std::stod(f[7].text), expected);
            last = std::stod(f[7].text);
        }
        QCOMPARE(last, 1e-3);
        // A NaN (diverged) value is an empty field.
        const auto& nanRow = rows[size_t(1 + 2 * steps + 1)].fields;
        QCOMPARE(nanRow[0].text, std::to_string(sweepRun));
        QCOMPARE(nanRow[7].text, std::string());

        // Selections: by id (option and positional), by sweep, by tag.
        const auto [byId, idRows] = exportCsv({"--run", QString::number(sweepRun), QString::number(taggedRun)}, QStringLiteral("ids.csv"));
        QCOMPARE(byId.exitCode, 0);
        QCOMPARE(int(idRows.size()), 1 + 3);
        const auto [bySweep, sweepRows] = exportCsv({"--sweep", "s1"}, QStringLiteral("sweep.csv"));
        QCOMPARE(bySweep.exitCode, 0);
        QCOMPARE(int(sweepRows.size()), 1 + 2);
        QCOMPARE(sweepRows[1].fields[1].text, std::string("in-sweep"));
        const auto [byTag, tagRows] = exportCsv({"--tag", "keep"}, QStringLiteral("tag.csv"));
        QCOMPARE(byTag.exitCode, 0);
        QCOMPARE(int(tagRows.size()), 2);
        QCOMPARE(tagRows[1].fields[0].text, std::to_string(taggedRun));

        // Mistakes: a missing run or sweep fails naming it and writes nothing; contradictions are usage errors.
        const QString none = path(QStringLiteral("none.csv"));
        auto missing = test::runCli({"runs", "export", "--metrics", "--run", "99", "--db", db, "--out", none});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains(QStringLiteral("run 99 does not exist")), qPrintable(missing.err));
        QVERIFY(!QFile::exists(none) && !QFile::exists(none + QStringLiteral(".part")));
        auto noSweep = test::runCli({"runs", "export", "--metrics", "--sweep", "nope", "--db", db, "--out", none});
        QCOMPARE(noSweep.exitCode, 1);
        QVERIFY2(noSweep.err.contains(QStringLiteral("nope")), qPrintable(noSweep.err));
        auto noMatch = test::runCli({"runs", "export", "--metrics", "--tag", "nobody", "--db", db, "--out", none});
        QCOMPARE(noMatch.exitCode, 1);
        QVERIFY2(noMatch.err.contains(QStringLiteral("no runs match")), qPrintable(noMatch.err));
        QVERIFY(!QFile::exists(none));
        QCOMPARE(test::runCli({"runs", "export", "--metrics", "--no-metrics", "--db", db, "--out", none}).exitCode, 2);
        QCOMPARE(test::runCli({"runs", "export", "--sweep", "s1", "--db", db, "--out", none}).exitCode, 2);
        QCOMPARE(test::runCli({"runs", "export", "--metrics", "--format", "json", "--db", db, "--out", none}).exitCode, 2);
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
