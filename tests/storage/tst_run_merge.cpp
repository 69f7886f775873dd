// SPDX-License-Identifier: MIT
// Merging a run trained in a file of its own (a Slurm array task's) into the workspace
// (storage/run_merge.h): idempotent by run UUID, a progressed run adds only its new rows, a rewritten
// row replaces the old value, a corrupt file is refused with nothing written; and schema v4 gives
// every run a UUID, old databases included.
#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>

#include <fstream>

#include "storage/run_merge.h"
#include "storage/schema.h"
#include "storage/sqlite_handle.h"
#include "storage/store.h"

using namespace seqscope;
using namespace seqscope::storage;

namespace {

RunRecord makeRun(const std::string& uuid = {}) {
    RunRecord r;
    r.name = "task run";
    r.arch = "xlstm";
    r.configJson = R"({"d_model":16})";
    r.params = 1.5e4;
    r.ctx = 32;
    r.uuid = uuid;
    return r;
}

// Steps [from, to) of train_loss and lr.
std::vector<MetricPoint> points(long long from, long long to, double offset = 0) {
    std::vector<MetricPoint> p;
    for (long long s = from; s < to; ++s) {
        p.push_back({s, s * 128, 1e6 * s, 0.1 * s, "train_loss", 5.0 / (s + 1) + offset});
        p.push_back({s, s * 128, 1e6 * s, 0.1 * s, "lr", 3e-3});
    }
    return p;
}

std::unique_ptr<Store> open(const std::string& path) {
    auto s = Store::open(path);
    if (!s) qFatal("%s", s.status().message().c_str());
    return std::move(*s);
}

bool isUuid(const std::string& u) {
    if (u.size() != 36 || u[8] != '-' || u[13] != '-' || u[18] != '-' || u[23] != '-' || u[14] != '4') return false;
    return std::string("89ab").find(u[19]) != std::string::npos;
}

}  // namespace

class TestRunMerge : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_counter = 0;
    std::string path(const char* stem) { return m_dir.filePath(QStringLiteral("%1-%2.db").arg(stem).arg(++m_counter)).toStdString(); }

    // A task file with one run (steps [0, steps)) and a workspace knowing the same run, queued.
    struct Pair {
        std::string file;
        std::unique_ptr<Store> ws;
        std::string uuid;
        long long wsRun = 0;
    };
    Pair makePair(long long steps) {
        Pair p;
        p.file = path("task");
        p.ws = open(path("workspace"));
        auto id = p.ws->createRun(makeRun());
        if (!id) qFatal("%s", id.status().message().c_str());
        p.wsRun = *id;
        p.uuid = p.ws->run(*id)->uuid;
        auto task = open(p.file);
        auto tid = task->createRun(makeRun(p.uuid));
        if (!tid || !task->markRunStarted(*tid) || !task->appendMetrics(*tid, points(0, steps))) qFatal("cannot write the task file");
        return p;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void everyRunGetsAUuidAndOldDatabasesToo() {
        auto store = open(path("fresh"));
        auto a = store->createRun(makeRun());
        auto b = store->createRun(makeRun());
        QVERIFY(a && b);
        const std::string ua = store->run(*a)->uuid, ub = store->run(*b)->uuid;
        QVERIFY2(isUuid(ua), ua.c_str());
        QVERIFY(ua != ub);
        QCOMPARE(store->runByUuid(ub)->id, *b);
        QCOMPARE(store->runByUuid("no-such-uuid").status().code(), StatusCode::NotFound);
        QCOMPARE(store->createRun(makeRun(ua)).status().code(), StatusCode::InvalidArgument);   // taken

        // A schema-3 database with two runs opens with a distinct UUID for each.
        const std::string old = path("v3");
        {
            auto conn = sql::Connection::open(old, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
            QVERIFY(conn.isOk());
            QVERIFY(conn->exec("PRAGMA foreign_keys = OFF").isOk());
            QVERIFY(schema::migrate(*conn, 3).isOk());
            QVERIFY(conn->exec("INSERT INTO runs (arch, created_at) VALUES ('xlstm', 1), ('transformer', 2)").isOk());
        }
        auto upgraded = open(old);
        QCOMPARE(upgraded->schemaVersion(), schema::kSchemaVersion);
        auto runs = upgraded->runs();
        QCOMPARE(runs->size(), size_t(2));
        QVERIFY2(isUuid(runs->at(0).uuid) && isUuid(runs->at(1).uuid), runs->at(0).uuid.c_str());
        QVERIFY(runs->at(0).uuid != runs->at(1).uuid);
    }

    void secondMergeAddsNothing() {
        Pair p = makePair(10);
        auto snap = readRunSnapshot(p.file);
        QVERIFY2(snap.isOk(), snap.status().message().c_str());
        QCOMPARE(snap->points.size(), size_t(20));
        QCOMPARE(snap->metricCount, 20LL);
        auto first = mergeRunSnapshot(*p.ws, *snap);
        QVERIFY2(first.isOk(), first.status().message().c_str());
        QCOMPARE(first->runId, p.wsRun);
        QVERIFY(!first->created);
        QCOMPARE(first->added, 20LL);
        QCOMPARE(p.ws->run(p.wsRun)->status, RunStatus::Running);   // the state is mirrored
        std::ofstream(p.file + "-wal").close();   // an empty log, as a reader that just closed leaves it
        auto again = mergeRunSnapshot(*p.ws, *readRunSnapshot(p.file));
        QVERIFY(again.isOk());
        QCOMPARE(again->added, 0LL);
        QCOMPARE(again->replaced, 0LL);
        QCOMPARE(*p.ws->metricCount(p.wsRun), 20LL);
    }

    void progressedRunAddsOnlyItsNewRows() {
        Pair p = makePair(10);
        auto snap = readRunSnapshot(p.file);
        QVERIFY(mergeRunSnapshot(*p.ws, *snap).isOk());
        {
            auto task = open(p.file);
            QVERIFY(task->appendMetrics(1, points(10, 15)).isOk());
            QVERIFY(task->finishRun(1, RunStatus::Finished).isOk());
        }
        auto tail = readRunSnapshot(p.file, snap->lastSeq);   // the cursor: only rows after the last merge
        QVERIFY(tail.isOk());
        QCOMPARE(tail->points.size(), size_t(10));
        QCOMPARE(tail->points.front().step, 10LL);
        auto merged = mergeRunSnapshot(*p.ws, *tail);
        QCOMPARE(merged->added, 10LL);
        QCOMPARE(p.ws->run(p.wsRun)->status, RunStatus::Finished);
        // Without the cursor the whole file is compared: nothing is new.
        auto whole = mergeRunSnapshot(*p.ws, *readRunSnapshot(p.file));
        QCOMPARE(whole->added, 0LL);
        QCOMPARE(*p.ws->metricCount(p.wsRun), 30LL);
    }

    void rewrittenRowsReplaceTheOldValues() {
        Pair p = makePair(10);
        QVERIFY(mergeRunSnapshot(*p.ws, *readRunSnapshot(p.file)).isOk());
        {   // a resumed run rewrites steps 8 and 9 with other losses (REPLACE: new seqs)
            auto task = open(p.file);
            QVERIFY(task->appendMetrics(1, points(8, 10, 0.5)).isOk());
        }
        auto merged = mergeRunSnapshot(*p.ws, *readRunSnapshot(p.file));
        QCOMPARE(merged->added, 0LL);
        QCOMPARE(merged->replaced, 2LL);   // two train_loss values changed; lr did not
        auto rows = p.ws->metricsAfterStep({p.wsRun}, 8, {"train_loss"});
        QCOMPARE(rows->size(), size_t(1));
        QCOMPARE(rows->front().value, 5.0 / 10 + 0.5);
    }

    void unknownUuidAddsTheRunToTheSweep() {
        Pair p = makePair(3);
        auto ws = open(path("other-workspace"));
        SweepRecord sweep;
        sweep.name = "cluster";
        auto sweepId = ws->createSweep(sweep);
        auto merged = mergeRunSnapshot(*ws, *readRunSnapshot(p.file), *sweepId);
        QVERIFY2(merged.isOk(), merged.status().message().c_str());
        QVERIFY(merged->created);
        QCOMPARE(merged->added, 6LL);
        auto run = ws->runByUuid(p.uuid);
        QCOMPARE(run->sweepId, *sweepId);
        QCOMPARE(run->status, RunStatus::Running);
    }

    void corruptFileIsRefusedWithNothingWritten() {
        Pair p = makePair(2000);   // several pages of metrics
        const auto before = *p.ws->metricCount(p.wsRun);
        {
            std::fstream f(p.file, std::ios::in | std::ios::out | std::ios::binary);
            QVERIFY(f.good());
            f.seekp(3 * 4096);
            const std::string junk(3 * 4096, '\xA5');
            f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
        }
        auto snap = readRunSnapshot(p.file);
        QVERIFY(!snap.isOk());
        QCOMPARE(snap.status().code(), StatusCode::Corrupt);
        QVERIFY2(QString::fromStdString(snap.status().message()).contains(QStringLiteral("was not merged")), snap.status().message().c_str());
        QCOMPARE(*p.ws->metricCount(p.wsRun), before);
        QCOMPARE(p.ws->run(p.wsRun)->status, RunStatus::Queued);
    }

    void fileWithTwoRunsIsRefused() {
        const std::string file = path("two");
        {
            auto s = open(file);
            QVERIFY(s->createRun(makeRun()).isOk());
            QVERIFY(s->createRun(makeRun()).isOk());
        }
        auto snap = readRunSnapshot(file);
        QCOMPARE(snap.status().code(), StatusCode::Corrupt);
        QVERIFY2(QString::fromStdString(snap.status().message()).contains(QStringLiteral("holds 2 runs")), snap.status().message().c_str());
        QCOMPARE(readRunSnapshot(path("missing")).status().code(), StatusCode::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestRunMerge)
#include "tst_run_merge.moc"
