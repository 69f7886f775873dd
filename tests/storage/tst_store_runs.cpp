// SPDX-License-Identifier: MIT
// Runs and metrics through the Store API: the run life cycle, tags and filters, interrupted-run
// detection by host + pid + process start, and both metric read paths (after step, after seq).
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "storage/process_identity.h"
#include "storage/store.h"
#include "test_support.h"

using namespace seqscope;
using namespace seqscope::storage;

namespace {

RunRecord makeRun(const std::string& name, const std::string& arch = "xlstm") {
    RunRecord r;
    r.name = name;
    r.arch = arch;
    r.configJson = R"({"d_model":768,"layers":12})";
    r.params = 1.6e8;
    r.flopsPerToken = 6 * 1.6e8;
    r.flopsPerSequence = 6 * 1.6e8 * 2048;
    r.ctx = 2048;
    r.dataset = "synthetic";
    r.device = "cpu";
    r.seed = 7;
    return r;
}

// The pid of a process that has exited and been reaped.
long long deadPid() {
    QProcess p;
    p.start(QStringLiteral("true"), {});
    p.waitForFinished(10000);
    const long long pid = p.processId();
    return pid > 0 ? pid : 999999;
}

}  // namespace

class TestStoreRuns : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_counter = 0;
    std::unique_ptr<Store> freshStore() {
        auto store = Store::open(m_dir.filePath(QStringLiteral("runs-%1.db").arg(++m_counter)).toStdString());
        if (!store) qFatal("%s", store.status().message().c_str());
        return std::move(*store);
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void runLifeCycleRecordsTimesAndProcess() {
        auto store = freshStore();
        auto id = store->createRun(makeRun("a"));
        QVERIFY2(id.isOk(), id.status().message().c_str());
        auto run = store->run(*id);
        QCOMPARE(QString::fromLatin1(toString(run->status)), QStringLiteral("queued"));
        QVERIFY(run->createdAt > 1.6e9);
        QCOMPARE(run->startedAt, 0.0);
        QVERIFY(!run->seqscopeVersion.empty());
        QCOMPARE(QString::fromStdString(run->configJson), QStringLiteral(R"({"d_model":768,"layers":12})"));

        QVERIFY(store->markRunStarted(*id).isOk());
        run = store->run(*id);
        QCOMPARE(QString::fromLatin1(toString(run->status)), QStringLiteral("running"));
        QCOMPARE(run->pid, currentProcess().pid);
        QCOMPARE(run->host, currentProcess().host);
        QVERIFY(run->startedAt > 0);

        QCOMPARE(store->finishRun(*id, RunStatus::Running).code(), StatusCode::InvalidArgument);
        QVERIFY(store->finishRun(*id, RunStatus::Diverged, "loss became NaN at step 812").isOk());
        run = store->run(*id);
        QCOMPARE(QString::fromLatin1(toString(run->status)), QStringLiteral("diverged"));
        QCOMPARE(QString::fromStdString(run->failureReason), QStringLiteral("loss became NaN at step 812"));
        QVERIFY(run->endedAt >= run->startedAt);
        QCOMPARE(store->finishRun(12345, RunStatus::Finished).code(), StatusCode::NotFound);
    }

    void refusesInvalidRuns_data() {
        QTest::addColumn<QString>("field");
        QTest::newRow("empty arch") << QStringLiteral("arch");
        QTest::newRow("config not an object") << QStringLiteral("configJson");
        QTest::newRow("negative ctx") << QStringLiteral("ctx");
        QTest::newRow("NaN params") << QStringLiteral("params");
    }
    void refusesInvalidRuns() {
        QFETCH(QString, field);
        auto store = freshStore();
        RunRecord run = makeRun("bad");
        if (field == QLatin1String("arch")) run.arch.clear();
        if (field == QLatin1String("configJson")) run.configJson = "[1,2]";
        if (field == QLatin1String("ctx")) run.ctx = -1;
        if (field == QLatin1String("params")) run.params = NAN;
        auto id = store->createRun(run);
        QCOMPARE(id.status().code(), StatusCode::InvalidArgument);
        QVERIFY2(id.status().message().find(field.toStdString()) != std::string::npos, id.status().message().c_str());
        QCOMPARE(store->runs()->size(), size_t(0));
    }

    // Names, tags and notes from outside: awkward but valid text round-trips byte for byte; bytes that
    // are not UTF-8 and control characters in labels are refused at the door (issue 18: a name with
    // a 0xFF byte was stored and then made `runs list --json` abort for every run).
    void labelsRoundTripOrAreRefused() {
        auto store = freshStore();
        RunRecord run = makeRun("x");
        run.name = "quotes \"'` ; DROP TABLE runs; -- \u00e9\u4e2d\U0001F600 " + std::string(5000, 'n');
        run.tags = {"semi;colon", "sp ace", "\u00fc"};
        run.notes = "line one\nline two\ttabbed";
        auto id = store->createRun(run);
        QVERIFY2(id.isOk(), id.status().message().c_str());
        auto back = store->run(*id);
        QCOMPARE(back->name, run.name);
        QCOMPARE(back->notes, run.notes);
        QCOMPARE(back->tags.size(), size_t(3));
        const std::vector<std::pair<std::string, std::string>> refused = {
            {"bad \xff name", "not valid UTF-8"},        {"overlong \xc0\xaf", "not valid UTF-8"},
            {"surrogate \xed\xa0\x80", "not valid UTF-8"}, {"cut \xe4\xb8", "not valid UTF-8"},
            {"new\nline", "control character"},          {std::string("nul\0byte", 8), "control character"}};
        for (const auto& [name, why] : refused) {
            RunRecord bad = makeRun("bad");
            bad.name = name;
            auto r = store->createRun(bad);
            QCOMPARE(r.status().code(), StatusCode::InvalidArgument);
            QVERIFY2(r.status().message().find("run name: ") != std::string::npos &&
                         r.status().message().find(why) != std::string::npos,
                     r.status().message().c_str());
            QCOMPARE(store->addRunTags(*id, {name}).code(), StatusCode::InvalidArgument);
        }
        QCOMPARE(store->setRunNotes(*id, "bad \xff").code(), StatusCode::InvalidArgument);
        QCOMPARE(store->runs()->size(), size_t(1));
        QCOMPARE(store->run(*id)->tags.size(), size_t(3));
    }

    void filtersByStatusArchTagAndSweep() {
        auto store = freshStore();
        auto sweep = store->createSweep({0, "isoflop-1e18", R"({"budgets":[1e18]})", "", 0});
        QVERIFY(sweep.isOk());
        QCOMPARE(store->createSweep({0, "isoflop-1e18", "{}", "", 0}).status().code(), StatusCode::InvalidArgument);
        RunRecord a = makeRun("a"), b = makeRun("b", "transformer"), c = makeRun("c");
        a.tags = {"baseline", "ctx2k"};
        b.sweepId = *sweep;
        c.sweepId = *sweep;
        c.tags = {"ctx2k"};
        const long long ia = *store->createRun(a), ib = *store->createRun(b), ic = *store->createRun(c);
        QVERIFY(store->finishRun(ib, RunStatus::Finished).isOk());

        auto ids = [&](const RunFilter& f) {
            std::vector<long long> out;
            auto runs = store->runs(f);   // keep the Result alive: range-for over value() of a temporary dangles
            for (const auto& r : *runs) out.push_back(r.id);
            return out;
        };
        RunFilter f;
        QCOMPARE(ids(f), (std::vector<long long>{ia, ib, ic}));
        f.arch = "xlstm";
        QCOMPARE(ids(f), (std::vector<long long>{ia, ic}));
        f = {};
        f.status = RunStatus::Finished;
        QCOMPARE(ids(f), (std::vector<long long>{ib}));
        f = {};
        f.tag = "ctx2k";
        QCOMPARE(ids(f), (std::vector<long long>{ia, ic}));
        f = {};
        f.sweepId = *sweep;
        QCOMPARE(ids(f), (std::vector<long long>{ib, ic}));
        f = {};
        f.limit = 2;
        QCOMPARE(ids(f), (std::vector<long long>{ib, ic}));   // the newest two, still in id order

        QVERIFY(store->addRunTags(ia, {"best", "baseline"}).isOk());
        QVERIFY(store->removeRunTags(ia, {"ctx2k", "absent"}).isOk());
        QCOMPARE(store->run(ia)->tags, (std::vector<std::string>{"baseline", "best"}));
        QCOMPARE(store->addRunTags(999, {"x"}).code(), StatusCode::NotFound);
    }

    void deleteRunRemovesItsMetricsAndTags() {
        auto store = freshStore();
        RunRecord r = makeRun("doomed");
        r.tags = {"t"};
        const long long id = *store->createRun(r);
        const long long keep = *store->createRun(makeRun("kept"));
        QVERIFY(store->appendMetrics(id, {{1, 0, 0, 0, "train_loss", 3.0}, {2, 0, 0, 0, "train_loss", 2.9}}).isOk());
        QVERIFY(store->appendMetrics(keep, {{1, 0, 0, 0, "train_loss", 3.1}}).isOk());
        QVERIFY(store->deleteRun(id).isOk());
        QCOMPARE(store->run(id).status().code(), StatusCode::NotFound);
        QCOMPARE(store->metricCount().value(), 1LL);
        QCOMPARE(store->deleteRun(id).code(), StatusCode::NotFound);
        QVERIFY(store->check()->foreignKeyProblems == 0);
    }

    void marksRunsOfDeadProcessesInterrupted() {
        const std::string db = m_dir.filePath(QStringLiteral("interrupted.db")).toStdString();
        const ProcessIdentity self = currentProcess();
        long long dead = 0, alive = 0, otherHost = 0, recycledPid = 0;
        {
            auto store = Store::open(db);
            QVERIFY(store.isOk());
            RunRecord r = makeRun("dead");
            r.status = RunStatus::Running;
            r.host = self.host;
            r.pid = deadPid();
            r.startedAt = 1.7e9;
            dead = *(*store)->createRun(r);
            QVERIFY((*store)->appendMetrics(dead, {{5, 0, 0, 12.5, "train_loss", 3.0}, {6, 0, 0, 15.0, "train_loss", 2.9}}).isOk());
            r.name = "alive";
            r.pid = self.pid;
            r.processStart = self.startTicks;
            alive = *(*store)->createRun(r);
            r.name = "other host";
            r.host = "a-machine-we-cannot-see";
            r.pid = deadPid();
            otherHost = *(*store)->createRun(r);
            if (self.startTicks != 0) {   // only where /proc gives start times
                r.name = "recycled pid";
                r.host = self.host;
                r.pid = self.pid;
                r.processStart = self.startTicks + 1;   // our pid, but not our process
                recycledPid = *(*store)->createRun(r);
            }
        }
        auto store = Store::open(db);
        QVERIFY(store.isOk());
        std::vector<long long> expected{dead};
        if (recycledPid) expected.push_back(recycledPid);
        QCOMPARE((*store)->interruptedOnOpen(), expected);
        auto run = (*store)->run(dead);
        QCOMPARE(QString::fromLatin1(toString(run->status)), QStringLiteral("interrupted"));
        QVERIFY2(run->failureReason.find("process " + std::to_string(run->pid)) != std::string::npos, run->failureReason.c_str());
        QCOMPARE(run->endedAt, 1.7e9 + 15.0);   // start + the last metric's wall time
        QCOMPARE(QString::fromLatin1(toString((*store)->run(alive)->status)), QStringLiteral("running"));
        QCOMPARE(QString::fromLatin1(toString((*store)->run(otherHost)->status)), QStringLiteral("running"));
        QCOMPARE((*store)->check()->interruptedRuns, expected);
    }

    void readsMetricsAfterStepAndAfterSeq() {
        auto store = freshStore();
        const long long a = *store->createRun(makeRun("a")), b = *store->createRun(makeRun("b"));
        std::vector<MetricPoint> pa, pb;
        for (long long step = 0; step < 10; ++step) {
            pa.push_back({step, step * 100, step * 1e9, step * 0.5, "train_loss", 5.0 - 0.1 * step});
            pa.push_back({step, step * 100, step * 1e9, step * 0.5, "lr", 1e-3});
            pb.push_back({step, step * 100, step * 1e9, step * 0.5, "train_loss", 6.0 - 0.1 * step});
        }
        QVERIFY(store->appendMetrics(a, pa).isOk());
        QVERIFY(store->appendMetrics(b, pb).isOk());

        auto after = store->metricsAfterStep({a, b}, 7);
        QVERIFY(after.isOk());
        QCOMPARE(after->size(), size_t(2 * 2 + 2));
        QCOMPARE(after->front().runId, a);
        QCOMPARE(after->front().step, 8LL);
        QCOMPARE(after->back().runId, b);
        QCOMPARE(after->back().step, 9LL);
        auto onlyLoss = store->metricsAfterStep({a}, -1, {"train_loss", "never_logged"});
        QCOMPARE(onlyLoss->size(), size_t(10));
        QCOMPARE(store->metricsAfterStep({a}, -1, {"never_logged"})->size(), size_t(0));

        std::vector<MetricCursor> cursors{{a, 0}, {b, 0}};
        QCOMPARE(store->metricsAfterSeq(cursors, {}, 5)->size(), size_t(10));   // 5 per run
        QCOMPARE(store->metricsAfterSeq(cursors)->size(), size_t(30 - 10));
        QCOMPARE(store->metricsAfterSeq(cursors)->size(), size_t(0));   // nothing new

        // Rewriting a step (a resumed run) replaces the value and shows up as new to live readers.
        QVERIFY(store->appendMetrics(a, {{9, 900, 9e9, 4.5, "train_loss", 1.25}, {10, 1000, 1e10, 5.0, "train_loss", 1.2}}).isOk());
        auto fresh = store->metricsAfterSeq(cursors);
        QCOMPARE(fresh->size(), size_t(2));
        QCOMPARE(fresh->front().value, 1.25);
        QCOMPARE(store->metricCount(a).value(), 21LL);
        auto summary = store->metricSummary(a);
        QVERIFY(summary.isOk());
        QCOMPARE(summary->size(), size_t(2));
        QCOMPARE(QString::fromStdString(summary->at(1).name), QStringLiteral("train_loss"));
        QCOMPARE(summary->at(1).count, 11LL);
        QCOMPARE(summary->at(1).lastStep, 10LL);
        QCOMPARE(summary->at(1).lastValue, 1.2);
        QCOMPARE(summary->at(1).minValue, 1.2);
    }

    void readerSeesCommitsMadeAfterItsEarlierQueries() {
        // A query whose statement stayed mid-iteration would pin the reader's WAL snapshot, and
        // every later read on that connection would miss new commits.
        const std::string db = m_dir.filePath(QStringLiteral("snapshot.db")).toStdString();
        auto writer = std::move(*Store::open(db));
        auto reader = std::move(*Store::open(db));
        const long long id = *writer->createRun(makeRun("live"));
        QVERIFY(writer->appendMetrics(id, {{1, 0, 0, 0, "train_loss", 3.0}}).isOk());
        QVERIFY(reader->metricSummary(id).isOk());   // looks the run up, then aggregates
        QVERIFY(reader->run(id).isOk());
        QCOMPARE(reader->metricNames()->size(), size_t(1));
        QVERIFY(writer->appendMetrics(id, {{2, 0, 0, 0, "train_loss", 2.9}, {2, 0, 0, 0, "lr", 1e-3}}).isOk());
        QCOMPARE(reader->metricCount(id).value(), 3LL);
        QCOMPARE(reader->metricSummary(id)->size(), size_t(2));
        QCOMPARE(reader->metricNames()->size(), size_t(2));
    }

    void keepsNanMetricValues() {
        auto store = freshStore();
        const long long id = *store->createRun(makeRun("nan"));
        QVERIFY(store->appendMetrics(id, {{1, 0, 0, 0, "train_loss", NAN}}).isOk());
        auto rows = store->metricsAfterStep({id}, -1);
        QCOMPARE(rows->size(), size_t(1));
        QVERIFY(std::isnan(rows->front().value));
    }

    void appendMetricsIsAllOrNothing() {
        auto store = freshStore();
        const long long id = *store->createRun(makeRun("atomic"));
        QCOMPARE(store->appendMetrics(id, {{1, 0, 0, 0, "train_loss", 3.0}, {2, 0, 0, 0, "", 2.0}}).code(),
                 StatusCode::InvalidArgument);
        QCOMPARE(store->appendMetrics(999, {{1, 0, 0, 0, "train_loss", 3.0}}).code(), StatusCode::NotFound);
        QCOMPARE(store->metricCount().value(), 0LL);
        Status rolledBack = store->transact([&]() -> Status {
            if (Status s = store->appendMetrics(id, {{1, 0, 0, 0, "brand_new_metric", 3.0}}); !s) return s;
            return Status::invalid("caller gave up");
        });
        QCOMPARE(rolledBack.code(), StatusCode::InvalidArgument);
        QCOMPARE(store->metricCount().value(), 0LL);
        QCOMPARE(store->metricNames()->size(), size_t(0));
        // The rolled-back name must not linger in the store's name cache.
        QVERIFY(store->appendMetrics(id, {{1, 0, 0, 0, "brand_new_metric", 3.0}}).isOk());
        QCOMPARE(store->metricsAfterStep({id}, -1, {"brand_new_metric"})->size(), size_t(1));
    }
};

QTEST_GUILESS_MAIN(TestStoreRuns)
#include "tst_store_runs.moc"
