// SPDX-License-Identifier: MIT
// MetricsWriter under the conditions issue 3 names: a writer process SIGKILLed mid-batch (the
// reopened file passes integrity_check and holds every row committed before the kill, and the
// run is marked interrupted), a writer and a live reader at once, and two writer processes plus a
// reader on one file. The writer processes are storage_writer_child (deterministic point stream).
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <map>
#include <thread>

#include "storage/metrics_writer.h"
#include "storage/store.h"
#include "storage_test_points.h"
#include "test_support.h"

using namespace seqscope;
using namespace seqscope::storage;

namespace {

std::unique_ptr<Store> openOrFail(const std::string& path) {
    auto store = Store::open(path);
    if (!store) qFatal("Store::open(%s): %s", path.c_str(), store.status().message().c_str());
    return std::move(*store);
}

// Checks that run `runId` holds exactly the first n points of the stream; returns n (or -1).
long long verifyPrefix(Store& store, long long runId, QString* why) {
    auto names = store.metricNames();
    auto rows = store.metricsAfterStep({runId}, -1);
    if (!names || !rows) {
        *why = QString::fromStdString((names ? rows.status() : names.status()).message());
        return -1;
    }
    std::map<int, std::string> byId;
    for (const auto& n : *names) byId[n.id] = n.name;
    const long long n = static_cast<long long>(rows->size());
    for (const auto& r : *rows) {
        const long long index = test::pointIndex(r.step, byId[r.nameId]);
        if (index < 0 || index >= n) {
            *why = QStringLiteral("row step %1 %2 is not among the first %3 points").arg(r.step).arg(QString::fromStdString(byId[r.nameId])).arg(n);
            return -1;
        }
        if (r.value != test::pointAt(index).value) {
            *why = QStringLiteral("row %1 has value %2, expected %3").arg(index).arg(r.value).arg(test::pointAt(index).value);
            return -1;
        }
    }
    return n;
}

}  // namespace

class TestMetricsWriter : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::string dbPath(const char* name) const { return m_dir.filePath(QString::fromLatin1(name)).toStdString(); }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void killedWriterLosesNoCommittedRow() {
        const std::string db = dbPath("killed.db");
        openOrFail(db);   // create the file before the first child, as a workspace would be
        auto* rng = QRandomGenerator::global();
        for (int round = 0; round < 5; ++round) {
            QProcess child;
            child.start(QStringLiteral(SEQSCOPE_STORAGE_CHILD), {QString::fromStdString(db), QStringLiteral("forever")});
            QVERIFY2(child.waitForStarted(10000), qPrintable(child.errorString()));
            long long runId = 0, lastCommitted = 0;
            int commitsSeen = 0;
            const int commitsBeforeKill = 2 + static_cast<int>(rng->bounded(10));
            QString buffer;
            while (commitsSeen < commitsBeforeKill) {
                QVERIFY2(child.waitForReadyRead(30000), qPrintable(QString::fromUtf8(child.readAllStandardError())));
                buffer += QString::fromUtf8(child.readAllStandardOutput());
                qsizetype nl;
                while ((nl = buffer.indexOf(QLatin1Char('\n'))) >= 0) {
                    const QStringList words = buffer.left(nl).split(QLatin1Char(' '));
                    buffer.remove(0, nl + 1);
                    if (words.value(0) == QLatin1String("run")) runId = words.value(1).toLongLong();
                    if (words.value(0) == QLatin1String("committed")) {
                        lastCommitted = words.value(1).toLongLong();
                        ++commitsSeen;
                    }
                }
            }
            // A little more writing, so the kill falls at a random point of a batch.
            QThread::usleep(rng->bounded(20000));
            child.kill();   // SIGKILL
            QVERIFY(child.waitForFinished(10000));
            QCOMPARE(child.exitStatus(), QProcess::CrashExit);
            buffer += QString::fromUtf8(child.readAllStandardOutput());
            for (const QString& line : buffer.split(QLatin1Char('\n')))
                if (line.startsWith(QLatin1String("committed "))) lastCommitted = line.mid(10).toLongLong();
            QVERIFY(runId > 0);

            auto store = openOrFail(db);
            auto report = store->check();
            QVERIFY2(report.isOk(), report.status().message().c_str());
            QVERIFY2(report->integrityOk, report->integrityMessages.front().c_str());
            QString why;
            const long long present = verifyPrefix(*store, runId, &why);
            QVERIFY2(present >= 0, qPrintable(why));
            QVERIFY2(present >= lastCommitted,
                     qPrintable(QStringLiteral("round %1: %2 rows present, %3 reported committed").arg(round).arg(present).arg(lastCommitted)));
            auto run = store->run(runId);
            QVERIFY(run.isOk());
            QCOMPARE(QString::fromLatin1(toString(run->status)), QStringLiteral("interrupted"));
            QVERIFY(std::count(store->interruptedOnOpen().begin(), store->interruptedOnOpen().end(), runId) == 1);
        }
    }

    void readerSeesEveryRowOnceWhileWriterCommits() {
        const std::string db = dbPath("live.db");
        auto setup = openOrFail(db);
        RunRecord run;
        run.arch = "transformer";
        auto runId = setup->createRun(run);
        QVERIFY(runId.isOk());
        constexpr long long kRows = 60000;

        MetricsWriterOptions options;
        options.maxLatencyMs = 10;
        options.maxBatchRows = 1000;
        auto writer = MetricsWriter::open(db, *runId, options);
        QVERIFY2(writer.isOk(), writer.status().message().c_str());
        std::atomic<bool> writing{true};
        std::thread producer([&] {
            for (long long i = 0; i < kRows; ++i) {
                const auto p = test::pointAt(i);
                (void)(*writer)->append(p.step, 0, 0, 0, p.name, p.value);
                if (i % 500 == 0) std::this_thread::sleep_for(std::chrono::microseconds(200));
            }
            writing = false;
        });

        auto reader = openOrFail(db);   // its own connection, as the GUI has
        std::vector<MetricCursor> cursors{{*runId, 0}};
        long long seen = 0, lastSeq = 0, polls = 0;
        bool ordered = true;
        std::string readError;
        auto poll = [&] {
            auto rows = reader->metricsAfterSeq(cursors);
            if (!rows) {
                readError = rows.status().message();
                return;
            }
            for (const auto& r : *rows) {
                ordered = ordered && r.seq > lastSeq;
                lastSeq = r.seq;
            }
            seen += static_cast<long long>(rows->size());
            ++polls;
        };
        while (writing) {
            poll();
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
        producer.join();
        QVERIFY((*writer)->close().isOk());
        poll();
        QVERIFY2(readError.empty(), readError.c_str());
        QVERIFY(ordered);
        QCOMPARE(seen, kRows);
        QCOMPARE((*writer)->committedRows(), kRows);
        QVERIFY2((*writer)->commits() > 1, "the writer should have committed in several batches");
        QVERIFY(polls > 1);
    }

    void backgroundThreadCommitsWithoutFlush() {
        const std::string db = dbPath("background.db");
        auto store = openOrFail(db);
        RunRecord run;
        run.arch = "xlstm";
        auto runId = store->createRun(run);
        QVERIFY(runId.isOk());
        auto writer = MetricsWriter::open(db, *runId);
        QVERIFY(writer.isOk());
        QVERIFY((*writer)->append(1, 0, 0, 0, "train_loss", 3.5).isOk());
        // No flush: the writer thread must commit on its own (default 250 ms latency).
        QTRY_COMPARE_WITH_TIMEOUT(store->metricCount(*runId).value(), 1LL, 10000);
    }

    void inlineWriterCommitsOnAppendWhenDue() {
        const std::string db = dbPath("inline.db");
        auto store = openOrFail(db);
        RunRecord run;
        run.arch = "xlstm";
        auto runId = store->createRun(run);
        MetricsWriterOptions options;
        options.backgroundThread = false;
        options.maxBatchRows = 10;
        auto writer = MetricsWriter::open(db, *runId, options);
        QVERIFY(writer.isOk());
        for (int i = 0; i < 25; ++i) QVERIFY((*writer)->append(i, 0, 0, 0, "lr", 1e-3).isOk());
        QCOMPARE((*writer)->committedRows(), 20LL);   // two full batches, committed by append()
        QCOMPARE((*writer)->pendingRows(), 5LL);
        QVERIFY((*writer)->flush().isOk());
        QCOMPARE(store->metricCount(*runId).value(), 25LL);
        QVERIFY((*writer)->close().isOk());
        QVERIFY(!(*writer)->append(30, 0, 0, 0, "lr", 1e-3).isOk());
    }

    void lockedDatabaseKeepsRowsQueuedUntilItCanCommit() {
        const std::string db = dbPath("locked.db");
        auto store = openOrFail(db);
        RunRecord run;
        run.arch = "xlstm";
        const long long runId = *store->createRun(run);
        MetricsWriterOptions options;
        options.backgroundThread = false;
        options.busyTimeoutMs = 50;
        auto writer = MetricsWriter::open(db, runId, options);
        QVERIFY(writer.isOk());
        for (int i = 0; i < 100; ++i) QVERIFY((*writer)->append(i, 0, 0, 0, "train_loss", 1.0 / (i + 1)).isOk());

        // Another connection holds the write lock (a long import, say) past the busy timeout.
        Status held = store->transact([&]() -> Status {
            Status s = (*writer)->flush();
            if (s.isOk() || s.code() != StatusCode::IoError) return Status::invalid("flush should have failed: " + s.message());
            if (s.message().find("locked") == std::string::npos) return Status::invalid("unexpected error: " + s.message());
            return Status::ok();
        });
        QVERIFY2(held.isOk(), held.message().c_str());
        QCOMPARE((*writer)->pendingRows(), 100LL);   // nothing dropped
        QCOMPARE((*writer)->committedRows(), 0LL);
        QCOMPARE(store->metricCount(runId).value(), 0LL);

        QVERIFY((*writer)->flush().isOk());          // the lock is gone: everything lands
        QCOMPARE(store->metricCount(runId).value(), 100LL);
        QCOMPARE((*writer)->pendingRows(), 0LL);
    }

    void writerRefusesMissingRun() {
        auto writer = MetricsWriter::open(dbPath("missing-run.db"), 42);
        QVERIFY(!writer.isOk());
        QCOMPARE(writer.status().code(), StatusCode::NotFound);
    }

    void twoWriterProcessesAndAReaderShareOneFile() {
        const std::string db = dbPath("shared.db");
        auto reader = openOrFail(db);
        constexpr int kRows = 30000;
        QProcess a, b;
        for (QProcess* p : {&a, &b}) {
            p->start(QStringLiteral(SEQSCOPE_STORAGE_CHILD), {QString::fromStdString(db), QStringLiteral("count"), QString::number(kRows)});
            QVERIFY(p->waitForStarted(10000));
        }
        // Read while both write; the reader must never fail with "database is locked".
        long long reads = 0;
        while (a.state() != QProcess::NotRunning || b.state() != QProcess::NotRunning) {
            auto runs = reader->runs();
            QVERIFY2(runs.isOk(), runs.status().message().c_str());
            auto count = reader->metricCount();
            QVERIFY2(count.isOk(), count.status().message().c_str());
            ++reads;
            a.waitForFinished(5);
            b.waitForFinished(5);
        }
        for (QProcess* p : {&a, &b}) {
            QCOMPARE(p->exitStatus(), QProcess::NormalExit);
            QVERIFY2(p->exitCode() == 0, p->readAllStandardError().constData());
        }
        auto runs = reader->runs();
        QVERIFY(runs.isOk());
        QCOMPARE(runs->size(), size_t(2));
        for (const auto& run : *runs) {
            QCOMPARE(QString::fromLatin1(toString(run.status)), QStringLiteral("finished"));
            QString why;
            QCOMPARE(verifyPrefix(*reader, run.id, &why), static_cast<long long>(kRows));
        }
        QVERIFY(reads > 0);
    }
};

QTEST_GUILESS_MAIN(TestMetricsWriter)
#include "tst_metrics_writer.moc"
