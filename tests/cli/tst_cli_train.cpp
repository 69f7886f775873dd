// SPDX-License-Identifier: MIT
// `seqscope-cli train` and `seqscope-cli sweep` run as a user runs them (the built binary) on tiny
// models: metrics land in a temporary database, the resolved config and derived numbers are
// printed, bad input fails with exit 1 before a run is created, usage mistakes exit 2, and
// (slow entry, SEQSCOPE_SLOW_TESTS=1) a SIGTERM-cancelled run resumes to the end and a tiny
// IsoFLOP sweep trains its runs and records them with the sweep.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>


#include "storage/store.h"
#include "test_support.h"

using namespace seqscope;

namespace {

QJsonObject parseObject(const test::ProcessResult& r) { return QJsonDocument::fromJson(r.out.toUtf8()).object(); }

bool slowTests() { return qEnvironmentVariableIsSet("SEQSCOPE_SLOW_TESTS"); }

}  // namespace

class TestCliTrain : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString path(const QString& name) const { return m_dir.filePath(name); }

    QString corpus() { return test::wordCorpus(path(QStringLiteral("corpus.txt"))); }

    // A tiny model: d 32, one block, context 32, 4 sequences per step.
    QStringList tiny(const QString& db) {
        return {"train", "--arch", "xlstm", "--d-model", "32", "--layers", "1", "--ctx", "32", "--batch", "4",
                "--eval-tokens", "256", "--threads", "1", "--data", corpus(), "--db", db};
    }

    static std::unique_ptr<storage::Store> open(const QString& db) {
        storage::StoreOptions o;
        o.createIfMissing = false;
        auto s = storage::Store::open(db.toStdString(), o);
        return s ? std::move(*s) : nullptr;
    }

private Q_SLOTS:
    void trainStreamsMetricsIntoTheDatabase() {
        const QString db = path(QStringLiteral("train.db"));
        auto args = tiny(db);
        args << "--tokens" << "1280" << "--json" << "--tag" << "smoke";   // 10 steps of 128 tokens
        const auto r = test::runCli(args);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject j = parseObject(r);
        QCOMPARE(j["status"].toString(), QStringLiteral("finished"));
        QCOMPARE(j["plan"].toObject()["steps"].toInt(), 10);
        QCOMPARE(j["result"].toObject()["steps"].toInt(), 10);
        QVERIFY(r.err.isEmpty());   // no progress bar with --json
        const long long id = j["run_id"].toInteger();

        auto store = open(db);
        QVERIFY(store);
        auto run = store->run(id);
        QVERIFY(run.isOk());
        QCOMPARE(run->status, storage::RunStatus::Finished);
        QCOMPARE(run->arch, std::string("xlstm"));
        QCOMPARE(run->tags, std::vector<std::string>{"smoke"});
        QVERIFY(run->params > 0 && run->flopsPerToken > 0);
        auto summary = store->metricSummary(id);
        QVERIFY(summary.isOk());
        std::map<std::string, storage::MetricSummary> byName;
        for (const auto& m : *summary) byName[m.name] = m;
        QCOMPARE(byName["train_loss"].count, 10LL);
        QCOMPARE(byName["train_loss"].lastStep, 10LL);
        QCOMPARE(byName["lr"].count, 10LL);
        QCOMPARE(byName["grad_norm"].count, 10LL);
        QVERIFY(byName["val_loss"].count >= 1);
        QCOMPARE(byName["val_loss"].lastValue, j["result"].toObject()["final_val_loss"].toDouble());
    }

    void humanOutputShowsTheResolvedConfigAndProgress() {
        auto args = tiny(path(QStringLiteral("human.db")));
        args << "--tokens" << "640";
        const auto r = test::runCli(args);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        for (const char* s : {"params      N = ", "per token", "tokens/step = 4 x 32", "-> 5 steps", "warm-up", "finished"})
            QVERIFY2(r.out.contains(QLatin1String(s)), qPrintable(r.out));
        QVERIFY2(r.err.contains(QStringLiteral("step 5/5")), qPrintable(r.err));
    }

    void planOnlyTrainsNothing() {
        const QString db = path(QStringLiteral("plan.db"));
        auto args = tiny(db);
        args << "--flops" << "1e10" << "--plan-only" << "--json";
        const auto r = test::runCli(args);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(parseObject(r)["plan"].toObject()["steps"].toInt() > 0);
        QVERIFY(!QFile::exists(db));
    }

    void badInputFailsBeforeARunIsCreated_data() {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing corpus") << QStringList{"--tokens", "1280", "--data", "/nonexistent/corpus.txt"} << 1
                                        << "does not exist";
        QTest::newRow("budget below one step") << QStringList{"--tokens", "50"} << 1 << "below one optimizer step";
        QTest::newRow("unwritable checkpoint dir")
            << QStringList{"--tokens", "1280", "--checkpoint-dir", "/proc/seqscope-no/ckpt"} << 1 << "checkpoint directory";
        QTest::newRow("invalid config") << QStringList{"--tokens", "1280", "--lr", "-1"} << 1 << "learning rate";
        QTest::newRow("heads do not divide d") << QStringList{"--tokens", "1280", "--heads", "3"} << 1 << "heads";
        QTest::newRow("two budgets") << QStringList{"--tokens", "1280", "--flops", "1e9"} << 2 << "cannot be combined";
        QTest::newRow("no budget") << QStringList{} << 2 << "one of --tokens";
        QTest::newRow("unknown preset") << QStringList{"--tokens", "1280", "--preset", "xlstm-9t"} << 1 << "unknown preset";
    }
    void badInputFailsBeforeARunIsCreated() {
        QFETCH(QStringList, extra);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const QString db = path(QStringLiteral("bad-%1.db").arg(QTest::currentDataTag()).replace(' ', '-'));
        auto args = tiny(db);
        if (extra.contains(QStringLiteral("--preset")))   // --preset replaces the dims
            args = QStringList{"train", "--ctx", "32", "--data", corpus(), "--db", db};
        if (extra.contains(QStringLiteral("--data"))) args.remove(args.indexOf(QStringLiteral("--data")), 2);
        const auto r = test::runCli(args + extra);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY2(!QFile::exists(db), "no database (and no run) before the checks pass");
    }

    void sweepPlanListsSizesStepsAndEstimates() {
        const auto r = test::runCli({"sweep", "isoflop", "--budgets", "3e9,1e10", "--ctx", "32", "--sizes", "3", "--arch",
                                     "xlstm,transformer", "--data", corpus(), "--plan-only", "--json", "--db",
                                     path(QStringLiteral("sweepplan.db"))});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject j = parseObject(r);
        const QJsonArray runs = j["runs"].toArray();
        QCOMPARE(runs.size(), 12);   // 2 budgets x 2 archs x 3 sizes
        QVERIFY(j["estimated_seconds"].toDouble() > 0);
        for (const auto& v : runs) {
            const QJsonObject run = v.toObject();
            const QJsonObject plan = run["plan"].toObject();
            // Steps come from the FLOP accounting: C within half a step of the budget.
            const double c = plan["flops"].toDouble(), budget = run["budget"].toDouble();
            const double perStep = plan["flops_per_sequence"].toDouble() * plan["sequences_per_step"].toDouble();
            QVERIFY2(std::fabs(c - budget) <= perStep / 2 + 1, qPrintable(run["label"].toString()));
        }
        // Sizes of one budget increase and differ.
        QVERIFY(runs[0].toObject()["params"].toDouble() < runs[1].toObject()["params"].toDouble());
        QVERIFY(runs[1].toObject()["params"].toDouble() < runs[2].toObject()["params"].toDouble());
        QVERIFY(!QFile::exists(path(QStringLiteral("sweepplan.db"))));
    }

    // --- slow (SEQSCOPE_SLOW_TESTS=1) -----------------------------------------------------------------
    void terminatedRunIsCancelledAndResumesToTheEnd() {
        if (!slowTests()) QSKIP("slow: set SEQSCOPE_SLOW_TESTS=1 (ctest -L slow)");
        const QString db = path(QStringLiteral("cancel.db"));
        auto args = tiny(db);
        args << "--tokens" << QString::number(128 * 3000) << "--json";
        QProcess p;
        p.start(QStringLiteral(SEQSCOPE_CLI_PATH), args);
        QVERIFY(p.waitForStarted());
        // Wait until the run has logged a few steps, then ask it to stop as Ctrl-C would.
        long long runId = 0;
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 120000 && runId == 0) {
            QTest::qWait(200);
            if (auto store = open(db)) {
                auto runs = store->runs();
                if (runs.isOk() && !runs->empty()) {
                    auto n = store->metricCount(runs->front().id);
                    if (n.isOk() && *n > 20) runId = runs->front().id;
                }
            }
        }
        QVERIFY(runId > 0);
        p.terminate();   // SIGTERM, handled like SIGINT
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 1);
        const QJsonObject cancelled = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        QCOMPARE(cancelled["status"].toString(), QStringLiteral("cancelled"));
        const int stoppedAt = cancelled["result"].toObject()["steps"].toInt();
        QVERIFY(stoppedAt > 0 && stoppedAt < 3000);
        QVERIFY(QFile::exists(cancelled["result"].toObject()["checkpoint"].toString()));
        {
            auto store = open(db);
            QCOMPARE(store->run(runId)->status, storage::RunStatus::Cancelled);
        }
        const auto resumed = test::runCli({"train", "--resume", QString::number(runId), "--db", db, "--json"}, 600000);
        QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err));
        QCOMPARE(parseObject(resumed)["result"].toObject()["steps"].toInt(), 3000);
        auto store = open(db);
        QCOMPARE(store->run(runId)->status, storage::RunStatus::Finished);
        std::map<std::string, long long> counts;
        const auto summary = store->metricSummary(runId);
        QVERIFY(summary.isOk());
        for (const auto& m : *summary) counts[m.name] = m.count;
        QCOMPARE(counts["train_loss"], 3000LL);   // every step once: rewritten steps replace, not duplicate
        // A finished run is not resumed again.
        const auto again = test::runCli({"train", "--resume", QString::number(runId), "--db", db});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains(QStringLiteral("already finished")), qPrintable(again.err));
    }

    void lockedDatabaseFailsTheRunAndKeepsCommittedMetrics() {
        if (!slowTests()) QSKIP("slow: set SEQSCOPE_SLOW_TESTS=1 (ctest -L slow)");
        const QString db = path(QStringLiteral("locked.db"));
        auto args = tiny(db);
        args << "--tokens" << QString::number(128 * 100000) << "--json";
        QProcess p;
        p.start(QStringLiteral(SEQSCOPE_CLI_PATH), args);
        QVERIFY(p.waitForStarted());
        long long runId = 0, before = 0;
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 120000 && runId == 0) {
            QTest::qWait(200);
            if (auto store = open(db)) {
                auto runs = store->runs();
                if (runs.isOk() && !runs->empty()) {
                    auto n = store->metricCount(runs->front().id);
                    if (n.isOk() && *n > 20) {
                        runId = runs->front().id;
                        before = *n;
                    }
                }
            }
        }
        QVERIFY(runId > 0);
        // Another writer holds the database until the trainer gives up (busy timeout 5 s per try).
        sqlite3* lock = nullptr;
        QCOMPARE(sqlite3_open(db.toUtf8().constData(), &lock), SQLITE_OK);
        QCOMPARE(sqlite3_exec(lock, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr), SQLITE_OK);
        const bool ended = p.waitForFinished(120000);
        sqlite3_exec(lock, "ROLLBACK", nullptr, nullptr, nullptr);
        sqlite3_close(lock);
        if (!ended) {
            p.kill();
            p.waitForFinished();
        }
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(ended, qPrintable(err));
        QCOMPARE(p.exitCode(), 1);
        QVERIFY2(err.contains(QStringLiteral("locked")), qPrintable(err));
        const QJsonObject j = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        QCOMPARE(j["result"].toObject()["outcome"].toString(), QStringLiteral("failed"));
        // Committed metrics stay; the run is not left `running` (failed, or interrupted when even the
        // final status could not be written while the lock was held).
        auto store = open(db);
        QVERIFY(store);
        QVERIFY(*store->metricCount(runId) >= before);
        const auto status = store->run(runId)->status;
        QVERIFY2(status == storage::RunStatus::Failed || status == storage::RunStatus::Interrupted,
                 storage::toString(status));
        QVERIFY(store->check()->integrityOk);
        QVERIFY(QFile::exists(j["result"].toObject()["checkpoint"].toString()));   // resumable
    }

    void tinyIsoflopSweepTrainsAndRecordsItsRuns() {
        if (!slowTests()) QSKIP("slow: set SEQSCOPE_SLOW_TESTS=1 (ctest -L slow)");
        const QString db = path(QStringLiteral("sweep.db"));
        const auto r = test::runCli({"sweep", "isoflop", "--budgets", "2e9", "--ctx", "32", "--sizes", "3", "--arch",
                                     "xlstm", "--batch", "4", "--threads", "1", "--data", corpus(), "--name", "tiny",
                                     "--json", "--db", db},
                                    600000);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject j = parseObject(r);
        QCOMPARE(j["runs"].toArray().size(), 3);
        for (const auto& v : j["runs"].toArray()) QCOMPARE(v.toObject()["status"].toString(), QStringLiteral("finished"));
        QCOMPARE(j["fits"].toArray().size(), 1);   // one (arch, ctx) group, fitted (stored only if a parabola has a minimum)
        auto store = open(db);
        auto sweep = store->sweepByName("tiny");
        QVERIFY(sweep.isOk());
        storage::RunFilter f;
        f.sweepId = sweep->id;
        QCOMPARE(store->runs(f)->size(), size_t(3));
    }
};

QTEST_GUILESS_MAIN(TestCliTrain)
#include "tst_cli_train.moc"
