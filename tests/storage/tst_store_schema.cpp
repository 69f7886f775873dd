// SPDX-License-Identifier: MIT
// The file-level promises of storage/store.h: migration from schema v1, refusal of newer schemas,
// foreign, random and corrupt files left byte-for-byte unchanged, the sqlite3 command-line client
// reading our files, and reference datasets staying read-only.
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>

#include "storage/schema.h"
#include "storage/sqlite_handle.h"
#include "storage/store.h"
#include "test_support.h"

using namespace seqscope;
using namespace seqscope::storage;

namespace {

QByteArray fileBytes(const std::string& path) {
    QFile f(QString::fromStdString(path));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeBytes(const std::string& path, const QByteArray& bytes) {
    QFile f(QString::fromStdString(path));
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes), bytes.size());
}

QByteArray randomBytes(int size) {
    QByteArray bytes(size, '\0');
    for (auto& b : bytes) b = static_cast<char>(QRandomGenerator::global()->bounded(256));
    return bytes;
}

// Raw SQL on a file, bypassing the Store (to build old or foreign files).
void rawExec(const std::string& path, const std::string& sqlText) {
    auto conn = sql::Connection::open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    QVERIFY2(conn.isOk(), conn.status().message().c_str());
    Status s = conn->exec(sqlText);
    QVERIFY2(s.isOk(), s.message().c_str());
}

}  // namespace

class TestStoreSchema : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::string path(const QString& name) const { return m_dir.filePath(name).toStdString(); }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void createsNewDatabaseAtLatestSchema() {
        const std::string db = path(QStringLiteral("sub/dir/new.db"));
        auto store = Store::open(db);
        QVERIFY2(store.isOk(), store.status().message().c_str());
        QCOMPARE((*store)->schemaVersion(), schema::kSchemaVersion);
        auto report = (*store)->check();
        QVERIFY(report.isOk());
        QVERIFY(report->integrityOk);
        QCOMPARE(QString::fromStdString(report->journalMode), QStringLiteral("wal"));
    }

    void initialisesZeroByteFile() {
        const std::string db = path(QStringLiteral("empty.db"));
        writeBytes(db, QByteArray());
        auto store = Store::open(db);
        QVERIFY2(store.isOk(), store.status().message().c_str());
        QCOMPARE((*store)->schemaVersion(), schema::kSchemaVersion);
    }

    void migratesVersion1KeepingEveryRowInOrder() {
        const std::string db = path(QStringLiteral("v1.db"));
        {
            auto conn = sql::Connection::open(db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
            QVERIFY(conn.isOk());
            Status s = schema::migrate(*conn, 1);
            QVERIFY2(s.isOk(), s.message().c_str());
        }
        rawExec(db, R"sql(
            INSERT INTO runs (id, name, arch, params, ctx, status, created_at, started_at, host, pid)
                VALUES (1, 'old-a', 'xlstm', 1.25e8, 2048, 'finished', 1700000000, 1700000001, 'h', 7),
                       (2, 'old-b', 'transformer', 3.5e8, 8192, 'running', 1700000100, 1700000101, 'elsewhere', 9);
            INSERT INTO run_tags VALUES (1, 'baseline'), (2, 'sweep-x');
            INSERT INTO metrics (run_id, step, name, tokens, flops, wall_time, value) VALUES
                (1, 10, 'train_loss', 100, 1e12, 0.5, 4.0),
                (2, 10, 'val_loss',   100, 1e12, 0.6, 4.5),
                (1, 10, 'lr',         100, 1e12, 0.5, 0.001),
                (1, 20, 'train_loss', 200, 2e12, 1.0, 3.5),
                (2, 20, 'train_loss', 200, 2e12, 1.2, NULL);
            INSERT INTO fits (kind, input_runs_json, params_json, objective, created_at)
                VALUES ('parametric', '[1,2]', '{"E":1.7}', 0.01, 1700000200);
            PRAGMA user_version = 1;
        )sql");
        QCOMPARE(fileBytes(db).isEmpty(), false);

        auto store = Store::open(db);
        QVERIFY2(store.isOk(), store.status().message().c_str());
        QCOMPARE((*store)->schemaVersion(), schema::kSchemaVersion);
        auto names = (*store)->metricNames();
        QVERIFY(names.isOk());
        QStringList nameList;
        for (const auto& n : *names) nameList << QString::fromStdString(n.name);
        QCOMPARE(nameList, (QStringList{QStringLiteral("lr"), QStringLiteral("train_loss"), QStringLiteral("val_loss")}));

        // Insertion order survives as seq: a live reader starting from 0 sees the v1 order.
        std::vector<MetricCursor> cursors{{1, 0}, {2, 0}};
        auto rows = (*store)->metricsAfterSeq(cursors);
        QVERIFY(rows.isOk());
        QCOMPARE(rows->size(), size_t(5));
        QCOMPARE((*rows)[0].value, 4.0);
        QCOMPARE((*rows)[1].value, 0.001);
        QCOMPARE((*rows)[2].value, 3.5);
        QCOMPARE((*rows)[3].value, 4.5);
        QVERIFY(std::isnan((*rows)[4].value));
        QVERIFY((*rows)[0].seq < (*rows)[1].seq && (*rows)[1].seq < (*rows)[2].seq);
        QCOMPARE((*rows)[2].tokens, 200LL);
        QCOMPARE((*rows)[2].flops, 2e12);

        auto run = (*store)->run(1);
        QVERIFY(run.isOk());
        QCOMPARE(run->params, 1.25e8);
        QCOMPARE(run->tags, std::vector<std::string>{"baseline"});
        QCOMPARE(run->processStart, 0LL);
        auto other = (*store)->run(2);
        QCOMPARE(QString::fromLatin1(toString(other->status)), QStringLiteral("running"));   // another host: left alone
        auto fits = (*store)->fits();
        QCOMPARE(fits->size(), size_t(1));
        QCOMPARE(fits->front().inputRuns, (std::vector<long long>{1, 2}));
        BenchmarkPoint point;   // table added by v2
        point.batch = 1;
        QVERIFY((*store)->addBenchmarkPoint(point).isOk());
        QVERIFY((*store)->check()->integrityOk);
    }

    void failedMigrationLeavesVersion1Untouched() {
        const std::string db = path(QStringLiteral("v1-broken.db"));
        {
            auto conn = sql::Connection::open(db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
            QVERIFY(schema::migrate(*conn, 1).isOk());
        }
        // A metric of a run that does not exist: the v2 foreign key check must refuse the upgrade.
        rawExec(db, "INSERT INTO metrics (run_id, step, name, value) VALUES (99, 1, 'train_loss', 1.0)");
        auto store = Store::open(db);
        QVERIFY(!store.isOk());
        QCOMPARE(store.status().code(), StatusCode::Corrupt);
        QVERIFY2(store.status().message().find("foreign keys") != std::string::npos, store.status().message().c_str());
        auto conn = sql::Connection::open(db, SQLITE_OPEN_READONLY);
        QCOMPARE(conn->scalar("PRAGMA user_version").value(), 1LL);
        QCOMPARE(conn->scalar("SELECT count(*) FROM metrics WHERE name = 'train_loss'").value(), 1LL);
        QCOMPARE(conn->scalar("SELECT count(*) FROM sqlite_master WHERE name = 'metric_names'").value(), 0LL);
    }

    void refusesNewerSchema() {
        const std::string db = path(QStringLiteral("newer.db"));
        QVERIFY(Store::open(db).isOk());
        rawExec(db, "PRAGMA user_version = 99");
        const QByteArray before = fileBytes(db);
        auto store = Store::open(db);
        QVERIFY(!store.isOk());
        QCOMPARE(store.status().code(), StatusCode::Incompatible);
        const std::string& message = store.status().message();
        QVERIFY2(message.find("newer Seqscope") != std::string::npos && message.find("99") != std::string::npos, message.c_str());
        QCOMPARE(fileBytes(db), before);
    }

    void leavesForeignFilesByteForByteUnchanged_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("expectedCode");
        QTest::addColumn<QString>("expectedText");
        QTest::newRow("random bytes") << randomBytes(64 * 1024) << int(StatusCode::Incompatible) << QStringLiteral("not a Seqscope database");
        QTest::newRow("text file") << QByteArray("arch,params,loss\nxlstm,1,2\n") << int(StatusCode::Incompatible) << QStringLiteral("no SQLite header");
        QByteArray header("SQLite format 3\0", 16);
        QTest::newRow("SQLite header, random body") << header + randomBytes(8192) << int(StatusCode::Corrupt) << QStringLiteral("corrupt");
    }
    void leavesForeignFilesByteForByteUnchanged() {
        QFETCH(QByteArray, content);
        QFETCH(int, expectedCode);
        QFETCH(QString, expectedText);
        const std::string db = path(QStringLiteral("foreign-%1.bin").arg(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('_')));
        writeBytes(db, content);
        auto store = Store::open(db);
        QVERIFY(!store.isOk());
        QCOMPARE(int(store.status().code()), expectedCode);
        QVERIFY2(store.status().message().find(expectedText.toStdString()) != std::string::npos, store.status().message().c_str());
        QVERIFY2(store.status().message().find("left unchanged") != std::string::npos, store.status().message().c_str());
        QCOMPARE(fileBytes(db), content);
        for (const char* suffix : {"-wal", "-shm", "-journal"})
            QVERIFY2(!QFile::exists(QString::fromStdString(db + suffix)), suffix);
    }

    void leavesOtherProgramsSqliteDatabaseUnchanged() {
        const std::string db = path(QStringLiteral("other-app.sqlite"));
        rawExec(db, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('keep me');");
        const QByteArray before = fileBytes(db);
        auto store = Store::open(db);
        QVERIFY(!store.isOk());
        QCOMPARE(store.status().code(), StatusCode::Incompatible);
        QVERIFY2(store.status().message().find("another program") != std::string::npos, store.status().message().c_str());
        QCOMPARE(fileBytes(db), before);
        QVERIFY(!QFile::exists(QString::fromStdString(db + "-wal")));
    }

    void readOnlyOpenNeverCreatesOrMigrates() {
        const std::string missing = path(QStringLiteral("never-created.db"));
        StoreOptions ro;
        ro.readOnly = true;
        auto store = Store::open(missing, ro);
        QCOMPARE(store.status().code(), StatusCode::NotFound);
        QVERIFY(!QFile::exists(QString::fromStdString(missing)));

        const std::string db = path(QStringLiteral("ro.db"));
        QVERIFY(Store::open(db).isOk());
        auto reader = Store::open(db, ro);
        QVERIFY2(reader.isOk(), reader.status().message().c_str());
        RunRecord run;
        run.arch = "xlstm";
        auto created = (*reader)->createRun(run);
        QVERIFY(!created.isOk());
        QVERIFY2(created.status().message().find("read-only") != std::string::npos, created.status().message().c_str());
    }

    void sqliteCommandLineClientReadsTheDatabase() {
        const QString sqlite3 = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
        if (sqlite3.isEmpty()) QSKIP("the sqlite3 command-line client is not installed");
        const std::string db = path(QStringLiteral("cli-readable.db"));
        auto store = Store::open(db);
        QVERIFY(store.isOk());
        RunRecord run;
        run.arch = "xlstm";
        run.name = "readable";
        auto id = (*store)->createRun(run);
        QVERIFY(id.isOk());
        std::vector<MetricPoint> points;
        for (int i = 0; i < 100; ++i) points.push_back({i, i * 10LL, 1e9 * i, 0.1 * i, i % 2 ? "train_loss" : "lr", 1.0 / (i + 1)});
        QVERIFY((*store)->appendMetrics(*id, points).isOk());
        // The Store stays open: the client must read through the WAL like any other reader.
        QProcess p;
        p.start(sqlite3, {QStringLiteral("-readonly"), QString::fromStdString(db),
                          QStringLiteral("PRAGMA integrity_check; PRAGMA application_id; PRAGMA user_version;"
                                         " SELECT count(*) FROM metrics; SELECT name FROM runs;"
                                         " SELECT group_concat(name, '+') FROM (SELECT name FROM metric_names ORDER BY name);")});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        const QStringList lines = QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines, (QStringList{QStringLiteral("ok"), QString::number(schema::kApplicationId),
                                     QString::number(schema::kSchemaVersion), QStringLiteral("100"),
                                     QStringLiteral("readable"), QStringLiteral("lr+train_loss")}));
    }

    void referenceDatasetsAreReadOnly() {
        const std::string db = path(QStringLiteral("reference.db"));
        auto store = Store::open(db);
        QVERIFY(store.isOk());
        ReferenceDatasetInfo info;
        info.name = "paper";
        info.title = "Paper table";
        info.source = "arXiv 2510.02228";
        info.citation = "Beck et al.";
        std::vector<ResultRow> rows(3);
        for (size_t i = 0; i < rows.size(); ++i) {
            rows[i].arch = "xlstm";
            rows[i].params = 1e8 * (i + 1);
            rows[i].loss = 3.0 - 0.1 * i;
            rows[i].tokens = 2e9;
            rows[i].extraJson = R"({"note":"x"})";
            rows[i].sourceLine = static_cast<int>(i + 2);
        }
        QVERIFY((*store)->importReferenceDataset(info, rows).isOk());
        QVERIFY((*store)->importReferenceDataset(info, rows).isOk());   // same name and size: no-op
        rows.pop_back();
        Status changed = (*store)->importReferenceDataset(info, rows);
        QCOMPARE(changed.code(), StatusCode::Incompatible);
        QVERIFY2(changed.message().find("read-only") != std::string::npos, changed.message().c_str());

        auto back = (*store)->resultRows("paper");
        QVERIFY(back.isOk());
        QCOMPARE(back->size(), size_t(3));
        QCOMPARE(back->at(1).params, 2e8);
        QVERIFY(std::isnan(back->at(1).flops));
        QCOMPARE(back->at(2).sourceLine, 4);
        QCOMPARE(QString::fromStdString(back->at(0).extraJson), QStringLiteral(R"({"note":"x"})"));
        auto datasets = (*store)->referenceDatasets();
        QCOMPARE(datasets->size(), size_t(1));
        QCOMPARE(datasets->front().rowCount, 3LL);
        QCOMPARE(QString::fromStdString(datasets->front().citation), QStringLiteral("Beck et al."));
        QCOMPARE((*store)->resultRows("nope").status().code(), StatusCode::NotFound);

        // Not even raw SQL may change them: the schema's triggers refuse.
        auto conn = sql::Connection::open(db, SQLITE_OPEN_READWRITE);
        Status update = conn->exec("UPDATE reference_points SET loss = 0");
        QVERIFY(!update.isOk());
        QVERIFY2(update.message().find("read-only") != std::string::npos, update.message().c_str());
        QVERIFY(!conn->exec("DELETE FROM reference_datasets").isOk());
        QCOMPARE(conn->scalar("SELECT count(*) FROM reference_points").value(), 3LL);
    }
};

QTEST_GUILESS_MAIN(TestStoreSchema)
#include "tst_store_schema.moc"
