// SPDX-License-Identifier: MIT
// The run service (engine/runs): one place decides a run's defaults and derived values, one place
// owns its status changes, one pool schedules its worker processes. Through the LibTorch-free
// public headers; the CLI is started as a user would for the worker path.
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <fstream>

#include "analysis/accounting.h"
#include "common/metric_names.h"
#include "runs/run_estimate.h"
#include "runs/run_executor.h"
#include "runs/run_resolver.h"
#include "runs/worker_pool.h"
#include "storage/store.h"
#include "test_support.h"
#include "training/device_peaks.h"
#include "training/sweep_plan.h"

using namespace seqscope;

namespace {

// Starts nothing: records what the pool asked for.
class FakeLauncher : public runs::WorkerLauncher {
public:
    Result<long long> start(const runs::WorkerJob& job) override {
        if (failNext) {
            failNext = false;
            return Status::io("no processes left");
        }
        started.push_back(job.runId);
        return nextHandle++;
    }
    void terminate(long long handle) override { terminated.push_back(handle); }
    std::vector<long long> started, terminated;
    long long nextHandle = 1;
    bool failNext = false;
};

runs::RunRequest tinyRequest(const std::string& data) {
    runs::RunRequest r;
    r.arch = "xlstm";
    r.dModel = 32;
    r.layers = 1;
    r.context = 32;
    r.budget = 1280;
    r.batchSequences = 4;
    r.evalTokens = 256;
    r.threads = 1;
    r.data = data;
    return r;
}

}  // namespace

class TestRunService : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    QString path(const QString& name) const { return m_dir.filePath(name); }
    std::string corpus(const QString& name = QStringLiteral("corpus.txt")) {
        const QString p = path(name);
        if (!QFile::exists(p)) {
            std::ofstream out(p.toStdString());
            for (int i = 0; i < 4000; ++i) out << "the cat sat on a mat and the dog ran far away. ";
        }
        return p.toStdString();
    }

    // A queued run of `request` in database `db` (resolved with the data checked, as at Start).
    static long long queuedRun(const std::string& db, const runs::RunRequest& request) {
        runs::ResolveOptions o;
        o.dbPath = db;
        auto run = runs::resolveRun(request, o);
        if (!run) qFatal("resolveRun: %s", run.status().message().c_str());
        auto store = storage::Store::open(db);
        auto id = runs::createRun(**store, db, &*run);
        if (!id) qFatal("createRun: %s", id.status().message().c_str());
        return *id;
    }

private Q_SLOTS:
    void defaultsAreDecidedOnce() {
        // A context below the xLSTM's chunk gets a smaller chunk (once the CLI did, the GUI did not).
        runs::RunRequest r;
        r.preset = "xlstm-1m";
        r.context = 32;
        r.budget = 2e5;
        runs::ResolveOptions preview;
        preview.checkData = false;
        preview.checkCheckpointRoot = false;
        auto run = runs::resolveRun(r, preview);
        QVERIFY2(run, run.status().message().c_str());
        QCOMPARE(run->config.shape.chunk, training::chunkForContext(32));
        QCOMPARE(run->config.context, 32LL);
        // The batch gives about a hundred steps, a power of two of sequences.
        QCOMPARE(run->config.batchTokens, runs::defaultBatchTokens(2e5, 32));
        QCOMPARE(runs::defaultBatchTokens(2e5, 32), 1024LL);
        QVERIFY(run->plan.steps >= runs::kDefaultTargetSteps);
        QCOMPARE(runs::defaultBatchTokens(1e12, 256), runs::kMaxDefaultBatchTokens);
        QCOMPARE(runs::defaultBatchTokens(10, 256), 256LL);   // at least one sequence
        // Validation capped at a quarter of the training tokens; checkpoints every tenth of a long run.
        QCOMPARE(run->config.evalTokens, runs::defaultEvalTokens(run->plan.tokens, 32));
        QVERIFY(run->config.evalTokens <= run->plan.tokens / 4 + 32);
        QCOMPARE(run->config.checkpointEvery, runs::defaultCheckpointEvery(run->plan.steps));
        QCOMPARE(runs::defaultCheckpointEvery(50), 0LL);
        QCOMPARE(runs::defaultCheckpointEvery(5000), 500LL);
        // The learning rate: the paper's for the size.
        QCOMPARE(run->config.lr, training::paperPeakLearningRate(analysis::Arch::XLstm, double(run->plan.params)));
        // The record carries the resolved config.
        QCOMPARE(run->record.status, storage::RunStatus::Queued);
        QCOMPARE(run->record.configJson, training::trainingConfigToJson(run->config));
        QCOMPARE(run->record.params, double(run->plan.params));
        // What is asked for wins over every default.
        r.batchTokens = 2048;
        r.lr = 1e-3;
        r.evalTokens = 4096;
        r.checkpointEvery = 7;
        run = runs::resolveRun(r, preview);
        QVERIFY(run);
        QCOMPARE(run->config.batchTokens, 2048LL);
        QCOMPARE(run->config.lr, 1e-3);
        QCOMPARE(run->config.evalTokens, 4096LL);
        QCOMPARE(run->config.checkpointEvery, 7LL);
    }

    void badRequestsNameTheField_data() {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown preset") << "preset" << "unknown preset 'xlstm-9t'";
        QTest::newRow("heads") << "heads" << "heads (3) must divide the width d_model (32)";
        QTest::newRow("no model") << "model" << "give a preset, or an architecture";
        QTest::newRow("budget") << "budget" << "budget (tokens) must be a positive number";
        QTest::newRow("below one step") << "step" << "below one optimizer step";
        QTest::newRow("missing data") << "data" << "does not exist";
        QTest::newRow("too big for this machine") << "memory" << "more than the";
    }
    void badRequestsNameTheField() {
        QFETCH(QString, what);
        QFETCH(QString, message);
        runs::RunRequest r = tinyRequest(corpus());
        if (what == "preset") r.preset = "xlstm-9t", r.arch.clear(), r.dModel = r.layers = 0;
        if (what == "heads") r.heads = 3;
        if (what == "model") r.arch.clear();
        if (what == "budget") r.budget = -1;
        if (what == "step") r.budget = 10;
        if (what == "data") r.data = path(QStringLiteral("nowhere.txt")).toStdString();
        if (what == "memory") r.dModel = 8192, r.layers = 96, r.heads = 64;   // ~80B parameters: ~1.2 TB of state
        runs::ResolveOptions o;
        o.dbPath = path(QStringLiteral("bad.db")).toStdString();
        auto run = runs::resolveRun(r, o);
        QVERIFY(!run);
        QVERIFY2(QString::fromStdString(run.status().message()).contains(message), run.status().message().c_str());
    }

    // Defect of issue 14: a worker that refused a run before training left it `queued` forever.
    void runRefusedBeforeTrainingEndsFailedWithTheReason() {
        const std::string db = path(QStringLiteral("refused.db")).toStdString();
        const std::string data = corpus(QStringLiteral("goes-away.txt"));
        const long long id = queuedRun(db, tinyRequest(data));
        QVERIFY(QFile::remove(QString::fromStdString(data)));   // the data is gone before a worker starts
        // The worker path exactly: `seqscope-cli train --resume ID`.
        const auto cli = test::runCli({"train", "--resume", QString::number(id), "--db", QString::fromStdString(db)});
        QCOMPARE(cli.exitCode, 1);
        QVERIFY2(cli.err.contains(QStringLiteral("does not exist")), qPrintable(cli.err));
        auto store = storage::Store::open(db);
        auto rec = (*store)->run(id);
        QVERIFY(rec);
        QCOMPARE(int(rec->status), int(storage::RunStatus::Failed));
        QVERIFY2(QString::fromStdString(rec->failureReason).contains(QString::fromStdString(data)), rec->failureReason.c_str());
    }

    void finishedRunIsRefusedAndLeftAlone() {
        const std::string db = path(QStringLiteral("done.db")).toStdString();
        const long long id = queuedRun(db, tinyRequest(corpus()));
        {
            auto store = storage::Store::open(db);
            QVERIFY((*store)->markRunStarted(id));
            QVERIFY((*store)->finishRun(id, storage::RunStatus::Finished));
        }
        const auto r = runs::executeRun(db, id);
        QVERIFY(r.refused);
        QVERIFY(!r.status);
        auto store = storage::Store::open(db);
        QCOMPARE(int((*store)->run(id)->status), int(storage::RunStatus::Finished));
        QVERIFY((*store)->run(id)->failureReason.empty());
    }

    void executeRunTrainsAndRecordsEveryMetricName() {
        const std::string db = path(QStringLiteral("exec.db")).toStdString();
        const long long id = queuedRun(db, tinyRequest(corpus()));
        const auto r = runs::executeRun(db, id);
        QVERIFY2(r.status, r.status.message().c_str());
        QCOMPARE(int(r.runStatus), int(storage::RunStatus::Finished));
        auto store = storage::Store::open(db);
        QCOMPARE(int((*store)->run(id)->status), int(storage::RunStatus::Finished));
        auto summary = (*store)->metricSummary(id);
        QVERIFY(summary);
        QStringList names;
        for (const auto& m : *summary) names << QString::fromStdString(m.name);
        for (const char* name : {metrics::kTrainLoss, metrics::kValLoss, metrics::kLearningRate, metrics::kGradNorm,
                                 metrics::kTokensPerSecond, metrics::kFlopsPerSecond})
            QVERIFY2(names.contains(QLatin1String(name)), qPrintable(names.join(',')));
    }

    void poolRunsAtMostNWorkersAndCancelsAlike() {
        FakeLauncher launcher;
        runs::WorkerPool pool(&launcher, 2);
        for (long long id = 1; id <= 4; ++id) pool.enqueue(runs::trainJob(id, "x.db", std::nullopt, id <= 3 ? 9 : 0));
        QCOMPARE(launcher.started, (std::vector<long long>{1, 2}));
        QCOMPARE(pool.runningCount(), 2);
        QCOMPARE(pool.queuedCount(), 2);
        // Queued: dropped. Running: SIGTERM through the launcher.
        QCOMPARE(pool.cancelRun(4), runs::WorkerPool::Cancelled::Dequeued);
        QCOMPARE(pool.cancelRun(2), runs::WorkerPool::Cancelled::Terminating);
        QCOMPARE(launcher.terminated, std::vector<long long>{2});
        QCOMPARE(pool.cancelRun(42), runs::WorkerPool::Cancelled::Nothing);
        // An exit frees a worker for the next job.
        auto job = pool.workerExited(1);
        QVERIFY(job && job->runId == 1);
        QCOMPARE(launcher.started, (std::vector<long long>{1, 2, 3}));
        QVERIFY(pool.hasSweep(9));
        QCOMPARE(pool.cancelSweep(9), std::vector<long long>{});   // 2 and 3 run: terminated, nothing queued
        QVERIFY(!pool.workerExited(77));
        pool.workerExited(2);
        pool.workerExited(3);
        QVERIFY(pool.idle());
        // A job that cannot start is reported and dropped; the next one still starts.
        launcher.failNext = true;
        std::vector<long long> failed;
        pool.onStartFailed = [&](const runs::WorkerJob& j, const Status&) { failed.push_back(j.runId); };
        pool.enqueue(runs::trainJob(5, "x.db"));
        pool.enqueue(runs::trainJob(6, "x.db"));
        QCOMPARE(failed, std::vector<long long>{5});
        QCOMPARE(pool.runningRunIds(), std::vector<long long>{6});
        // The worker command line is built here, not by the front ends.
        const auto args = runs::trainJob(6, "x.db", 3).arguments;
        QCOMPARE(args, (std::vector<std::string>{"train", "--resume", "6", "--db", "x.db", "--json", "--threads", "3"}));
    }

    void workerThatDiedLeavesNoPendingRun() {
        const std::string db = path(QStringLiteral("settle.db")).toStdString();
        auto store = storage::Store::open(db);
        QVERIFY(store);
        storage::RunRecord rec;
        rec.arch = "xlstm";
        auto queued = (*store)->createRun(rec);
        auto running = (*store)->createRun(rec);
        auto finished = (*store)->createRun(rec);
        QVERIFY((*store)->finishRun(*finished, storage::RunStatus::Finished));
        QCOMPARE(*runs::settleAfterWorker(**store, *queued, "worker killed by signal 9"), storage::RunStatus::Failed);
        QCOMPARE((*store)->run(*queued)->failureReason, std::string("worker killed by signal 9"));
        QCOMPARE(*runs::settleAfterWorker(**store, *running, "stopped", /*cancelled=*/true), storage::RunStatus::Cancelled);
        QCOMPARE(*runs::settleAfterWorker(**store, *finished, "ignored"), storage::RunStatus::Finished);
    }

    void throughputIsFittedToFinishedRuns() {
        // Finished runs of three sizes whose wall time follows work.flops / a + work.tokens / b
        // exactly: the fit recovers a and b.
        const std::string db = path(QStringLiteral("rates.db")).toStdString();
        auto store = storage::Store::open(db);
        const double a = 4e10, b = 2e5;
        runs::ResolveOptions preview;
        preview.checkData = false;
        preview.checkCheckpointRoot = false;
        for (int d : {32, 64, 128}) {
            runs::RunRequest r = tinyRequest("fortunes");
            r.dModel = d;
            r.heads = 1;
            r.budget = 1e5;
            auto run = runs::resolveRun(r, preview);
            QVERIFY2(run, run.status().message().c_str());
            const runs::RunWork w = runs::runWork(run->config, run->plan);
            storage::RunRecord rec = run->record;
            rec.status = storage::RunStatus::Finished;
            rec.startedAt = 1000;
            rec.endedAt = 1000 + w.flops / a + w.tokens / b;
            QVERIFY((*store)->createRun(rec));
        }
        const auto t = runs::measuredThroughput(**store, "cpu");
        QVERIFY(test::fuzzyCompare(t.flopsPerSecond, a, 1e-6));
        QVERIFY(test::fuzzyCompare(t.tokensPerSecond, b, 1e-6));
        QVERIFY2(QString::fromStdString(t.source).contains(QStringLiteral("3 finished runs")), t.source.c_str());
        QVERIFY(!runs::measuredThroughput(**store, "cuda").known());
        // An estimate from these rates is the same formula forwards.
        auto run = runs::resolveRun(tinyRequest("fortunes"), preview);
        const runs::RunWork w = runs::runWork(run->config, run->plan);
        QVERIFY(test::fuzzyCompare(runs::estimateRun(run->config, run->plan, t).seconds, w.flops / a + w.tokens / b, 1e-6));
    }

    void utilisationPeakIsLookedUpByExactDeviceName() {
        // H100 SXM and PCIe differ; a name that is only similar is not guessed.
        QCOMPARE(training::denseBf16PeakFlops("NVIDIA H100 80GB HBM3"), 989.4e12);
        QCOMPARE(training::denseBf16PeakFlops("NVIDIA H100 PCIe"), 756.0e12);
        QCOMPARE(training::denseBf16PeakFlops("NVIDIA H200"), 989.4e12);
        QCOMPARE(training::denseBf16PeakFlops("NVIDIA H100"), 0.0);
        QCOMPARE(training::denseBf16PeakFlops(""), 0.0);
    }

    void probeMeasuresTheActualTensors() {
        runs::ResolveOptions preview;
        preview.checkData = false;
        preview.checkCheckpointRoot = false;
        auto run = runs::resolveRun(tinyRequest(corpus()), preview);
        QVERIFY(run);
        const auto probe = runs::probeRun(run->config);
        QVERIFY2(probe.status, probe.status.message().c_str());
        // float32 weights; gradients as large; AdamW keeps two moments.
        QCOMPARE(probe.parameterBytes, 4 * run->plan.params);
        QCOMPARE(probe.gradientBytes, probe.parameterBytes);
        QCOMPARE(probe.optimizerBytes, 2 * probe.parameterBytes);
        QVERIFY(probe.stepSeconds > 0 && probe.flopsPerSecond > 0);
        const auto e = runs::estimateRun(run->config, run->plan, runs::probeThroughput(probe), &probe);
        QVERIFY(std::isfinite(e.seconds) && e.seconds > 0);
        QCOMPARE(e.parameterBytes, double(probe.parameterBytes));
        // Without a probe the estimate says what it does not know.
        const auto bare = runs::estimateRun(run->config, run->plan, {});
        QVERIFY(std::isnan(bare.seconds));
        QVERIFY(!bare.activationsMeasured);
    }
};

QTEST_GUILESS_MAIN(TestRunService)
#include "tst_run_service.moc"
