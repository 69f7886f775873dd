// SPDX-License-Identifier: MIT
// A full disk, for real (issue 18): a small tmpfs is mounted (root only; elsewhere every function
// skips and says why), filled to the last few kilobytes, and Seqscope writes into it as a user would:
// a training run streaming metrics, a run checkpointing, an export and an import. Each must fail
// with a message that says the disk is full, leave the database passing integrity_check, and keep
// every row committed before the disk filled up.
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStorageInfo>
#include <QTemporaryDir>
#include <QtTest>


#include "runs/run_resolver.h"
#include "storage/store.h"
#include "store_checks.h"
#include "test_support.h"
#include "workspace/workspace.h"

using namespace seqscope;

class TestDiskFull : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_mount;
    bool m_mounted = false;

    static bool run(const QString& program, const QStringList& args) {
        QProcess p;
        p.start(program, args);
        return p.waitForFinished(30000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    }
    // Fills the tmpfs with a filler file until only about `leave` bytes are free.
    void fill(qint64 leave) {
        QFile filler(m_mount + QStringLiteral("/filler-%1").arg(QDateTime::currentMSecsSinceEpoch()));
        QVERIFY(filler.open(QIODevice::WriteOnly | QIODevice::Unbuffered));   // so the free space read is exact
        const QByteArray block(4096, 'x');
        while (QStorageInfo(m_mount).bytesAvailable() > leave + block.size())
            if (filler.write(block) != block.size()) break;
        filler.close();
    }
    QString corpus() const { return test::wordCorpus(m_dir.filePath(QStringLiteral("corpus.txt"))); }
    // A queued run on the tmpfs database: tiny, thousands of steps, so its metrics outgrow any slack.
    long long queuedRun(const std::string& db, const std::string& checkpointRoot, long long checkpointEvery) {
        runs::RunRequest r;
        r.arch = "xlstm";
        r.dModel = 16;
        r.layers = 1;
        r.heads = 1;
        r.context = 16;
        r.batchSequences = 1;
        r.budget = 16 * 4000;
        r.evalTokens = 16;
        r.evalEvery = 1000;
        r.threads = 1;
        r.lr = 1e-3;
        r.data = corpus().toStdString();
        r.checkpointRoot = checkpointRoot;
        r.checkpointEvery = checkpointEvery;
        runs::ResolveOptions o;
        o.dbPath = db;
        auto run = runs::resolveRun(r, o);
        if (!run) qFatal("resolveRun: %s", run.status().message().c_str());
        auto store = workspace::openWorkspace(db);
        if (!store) qFatal("openWorkspace: %s", store.status().message().c_str());
        auto id = runs::createRun(**store, db, &*run);
        if (!id) qFatal("createRun: %s", id.status().message().c_str());
        return *id;
    }
    // Read-only: a full disk must not keep anyone from looking at the database.
    static std::unique_ptr<storage::Store> openReadOnly(const std::string& db) {
        storage::StoreOptions o;
        o.readOnly = true;
        auto store = storage::Store::open(db, o);
        if (!store) qFatal("open %s: %s", db.c_str(), store.status().message().c_str());
        return std::move(*store);
    }
    static long long metricRows(const std::string& db, long long runId) {
        auto n = openReadOnly(db)->metricCount(runId);
        return n ? *n : -1;
    }
    void removeFillers() {
        for (const QString& f : QDir(m_mount).entryList({QStringLiteral("filler-*")}, QDir::Files)) QFile::remove(m_mount + "/" + f);
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_mount = m_dir.filePath(QStringLiteral("full"));
        QVERIFY(QDir().mkpath(m_mount));
        m_mounted = run(QStringLiteral("mount"), {"-t", "tmpfs", "-o", "size=6m", "tmpfs", m_mount});
        corpus();
    }
    void cleanupTestCase() {
        if (m_mounted) run(QStringLiteral("umount"), {m_mount});
    }
    void init() {
        if (!m_mounted) QSKIP("cannot mount a tmpfs here (needs root, as in CI); the disk-full tests did not run");
    }

    // Metrics stream into a database on a disk that fills up: the run stops, saying the disk is full;
    // the file opens (read-only while the disk is full, normally once there is room), passes
    // integrity_check, and keeps every row committed before. The run's end may not fit on the disk
    // either: then it reads `running` until the next open with room marks it `interrupted`.
    void metricsOnAFullDiskStopTheRunAndKeepCommittedRows() {
        const std::string db = (m_mount + QStringLiteral("/metrics.db")).toStdString();
        const long long id = queuedRun(db, m_dir.filePath(QStringLiteral("ckpt")).toStdString(), 0);
        fill(256 * 1024);
        const auto r = test::runCli({"train", "--resume", QString::number(id), "--db", QString::fromStdString(db)}, 600000);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("full")), qPrintable(r.err.right(800)));
        const long long rows = metricRows(db, id);
        QVERIFY2(rows > 0, qPrintable(QString::number(rows)));
        {   // still full: a read-write open works too (the marking waits for room)
            auto store = storage::Store::open(db);
            QVERIFY2(store, store.status().message().c_str());
        }
        removeFillers();
        test::verifyIntact(db);
        QCOMPARE(metricRows(db, id), rows);
        auto rec = storage::Store::open(db).value()->run(id);
        QVERIFY2(rec->status == storage::RunStatus::Failed || rec->status == storage::RunStatus::Interrupted,
                 storage::toString(rec->status));
        QVERIFY(!rec->failureReason.empty());
    }

    // The checkpoint folder is on the full disk: the run fails naming the checkpoint.
    void checkpointOnAFullDiskFailsTheRun() {
        const std::string db = m_dir.filePath(QStringLiteral("ckpt-run.db")).toStdString();
        const long long id = queuedRun(db, m_mount.toStdString() + "/checkpoints", 50);
        QVERIFY(QDir().mkpath(m_mount + QStringLiteral("/checkpoints/run-%1").arg(id)));
        fill(12 * 1024);   // room for the folder check, not for a checkpoint (about 25 kB)
        const auto r = test::runCli({"train", "--resume", QString::number(id), "--db", QString::fromStdString(db)}, 600000);
        QCOMPARE(r.exitCode, 1);   // before the fix LibTorch's writer aborted the process (exit 134)
        QVERIFY2(r.err.contains(QStringLiteral("No space left on device")), qPrintable(r.err.right(800)));
        QVERIFY(!QFile::exists(m_mount + QStringLiteral("/checkpoints/run-%1/checkpoint.pt.tmp").arg(id)));
        removeFillers();
        test::verifyIntact(db);
        auto store = storage::Store::open(db);
        auto rec = (*store)->run(id);
        QCOMPARE(int(rec->status), int(storage::RunStatus::Failed));
        QVERIFY2(QString::fromStdString(rec->failureReason).contains(QStringLiteral("writing checkpoint")), rec->failureReason.c_str());
        QVERIFY(metricRows(db, id) > 0);   // the steps before the checkpoint were recorded
    }

    // An export onto the full disk fails with the reason; an import into a database on it changes nothing.
    void exportAndImportOnAFullDisk() {
        const QString source = m_dir.filePath(QStringLiteral("source.db"));
        const long long id = queuedRun(source.toStdString(), m_dir.filePath(QStringLiteral("ckpt2")).toStdString(), 0);
        auto trained = test::runCli({"train", "--resume", QString::number(id), "--db", source}, 600000);
        QVERIFY2(trained.exitCode == 0, qPrintable(trained.err.right(800)));
        // A database on the disk about to be full receives the import below.
        const std::string target = (m_mount + QStringLiteral("/import-target.db")).toStdString();
        const size_t runsBefore = workspace::openWorkspace(target).value()->runs()->size();
        fill(4 * 1024);
        const QString out = m_mount + QStringLiteral("/export.json");
        const auto exported = test::runCli({"runs", "export", "--out", out, "--db", source});
        QCOMPARE(exported.exitCode, 1);
        QVERIFY2(exported.err.contains(QStringLiteral("No space left on device")), qPrintable(exported.err));
        QVERIFY(!QFile::exists(out));   // nothing half-written left behind
        // The same export elsewhere, imported into a database that lives on the full disk.
        const QString bundle = m_dir.filePath(QStringLiteral("bundle.json"));
        QCOMPARE(test::runCli({"runs", "export", "--out", bundle, "--db", source}).exitCode, 0);
        const auto imported = test::runCli({"runs", "import", bundle, "--db", QString::fromStdString(target)});
        QCOMPARE(imported.exitCode, 1);
        // Not even its small shared-memory file fits: the message says so instead of calling the file corrupt.
        QVERIFY2(imported.err.contains(QStringLiteral("disk is full")) && !imported.err.contains(QStringLiteral("corrupt")),
                 qPrintable(imported.err));
        removeFillers();
        test::verifyIntact(target);
        QCOMPARE(openReadOnly(target)->runs()->size(), runsBefore);
    }
};

QTEST_GUILESS_MAIN(TestDiskFull)
#include "tst_disk_full.moc"
