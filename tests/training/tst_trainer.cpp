// SPDX-License-Identifier: MIT
// The trainer through its public, LibTorch-free API (training/trainer.h) on tiny models: a resumed
// run reproduces the uninterrupted run's losses exactly (CPU, same threads), cancel writes a
// checkpoint and ends Cancelled, a huge learning rate ends Diverged at the step where it happens,
// synthetic tasks report accuracy, and bad input fails before any work.
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <fstream>

#include "analysis/model_shape.h"
#include "data/tokenizer.h"
#include "training/trainer.h"

using namespace seqscope;
using training::TrainingOutcome;

namespace {

// Records everything; optionally cancels once `cancelAfter` steps are done.
class Recorder : public training::TrainingObserver {
public:
    void onStart(const training::TrainingStart& s) override {
        started = true;
        start = s;
    }
    void onStep(const training::StepProgress& p) override {
        steps.push_back(p.step);
        losses.push_back(p.trainLoss);
        lrs.push_back(p.lr);
    }
    void onEval(const training::EvalProgress& e) override {
        evalSteps.push_back(e.step);
        valLosses.push_back(e.valLoss);
        accuracies.push_back(e.valAccuracy);
    }
    void onCheckpoint(const std::string& path, long long step) override {
        checkpoints.push_back(path);
        checkpointSteps.push_back(step);
    }
    void onFinish(const training::TrainingResult& r) override {
        finished = true;
        outcome = r.outcome;
    }
    bool shouldStop() override { return cancelAfter > 0 && static_cast<long long>(steps.size()) >= cancelAfter; }

    long long cancelAfter = 0;
    bool started = false, finished = false;
    training::TrainingStart start;
    TrainingOutcome outcome = TrainingOutcome::Failed;
    std::vector<long long> steps, evalSteps, checkpointSteps;
    std::vector<double> losses, lrs, valLosses, accuracies;
    std::vector<std::string> checkpoints;
};

// Deterministic pseudo-text: enough for the validation split at context 32.
std::string writeCorpus(const QTemporaryDir& dir) {
    const std::string path = dir.filePath("corpus.txt").toStdString();
    std::ofstream out(path);
    const char* words[] = {"the ", "cat ", "sat ", "on ", "a ", "mat ", "and ", "dog ", "ran ", "far ", "away. ", "\n"};
    unsigned x = 12345;
    for (int i = 0; i < 20000; ++i) {
        x = x * 1103515245u + 12345u;
        out << words[(x >> 16) % 12];
    }
    return path;
}

training::TrainingConfig tinyConfig(analysis::Arch arch, const std::string& data) {
    training::TrainingConfig c;
    analysis::ShapeFactors f;
    f.vocab = data::kByteVocabSize;
    f.chunk = 16;
    f.maxContext = 32;
    c.shape = analysis::makeShape(arch, 32, 1, 2, f);
    c.context = 32;
    c.batchSequences = 4;
    c.microBatch = 2;   // two accumulated passes per step
    c.budgetKind = training::BudgetKind::Tokens;
    c.budget = 8 * 4 * 32;   // 8 steps
    c.lr = 3e-3;
    c.evalEvery = 4;
    c.evalTokens = 256;
    c.data = data;
    c.threads = 1;
    c.seed = 5;
    return c;
}

}  // namespace

class TestTrainer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void resumedRunReproducesTheUninterruptedLosses_data() {
        QTest::addColumn<int>("arch");
        QTest::newRow("xlstm") << int(analysis::Arch::XLstm);
        QTest::newRow("transformer") << int(analysis::Arch::Transformer);
    }
    void resumedRunReproducesTheUninterruptedLosses() {
        QFETCH(int, arch);
        QTemporaryDir dir;
        const auto config = tinyConfig(static_cast<analysis::Arch>(arch), writeCorpus(dir));

        Recorder full;
        const auto a = training::runTraining(config, &full);
        QVERIFY2(a.status.isOk(), a.status.message().c_str());
        QCOMPARE(a.outcome, TrainingOutcome::Finished);
        QCOMPARE(full.losses.size(), size_t(8));
        QVERIFY(full.losses.back() < full.losses.front());   // it learns something
        QCOMPARE(full.evalSteps, (std::vector<long long>{4, 8}));
        QCOMPARE(a.finalValLoss, full.valLosses.back());

        auto interrupted = config;
        interrupted.checkpointDir = dir.filePath("ckpt").toStdString();
        Recorder first;
        first.cancelAfter = 3;
        const auto b = training::runTraining(interrupted, &first);
        QCOMPARE(b.outcome, TrainingOutcome::Cancelled);
        QCOMPARE(b.status.code(), StatusCode::Cancelled);
        QCOMPARE(b.steps, 3LL);
        QVERIFY(first.finished);
        QCOMPARE(first.checkpointSteps, (std::vector<long long>{3}));
        const auto info = training::readCheckpointInfo(b.checkpointPath);
        QVERIFY2(info.status.isOk(), info.status.message().c_str());
        QCOMPARE(info.step, 3LL);
        QCOMPARE(info.sequences, 12LL);

        Recorder second;
        const auto c = training::runTraining(interrupted, &second, b.checkpointPath);
        QVERIFY2(c.status.isOk(), c.status.message().c_str());
        QVERIFY(second.start.resumed);
        QCOMPARE(second.start.startStep, 3LL);
        QCOMPARE(second.steps, (std::vector<long long>{4, 5, 6, 7, 8}));
        std::vector<double> joined = first.losses;
        joined.insert(joined.end(), second.losses.begin(), second.losses.end());
        QCOMPARE(joined.size(), full.losses.size());
        for (size_t i = 0; i < joined.size(); ++i)
            QVERIFY2(joined[i] == full.losses[i], qPrintable(QStringLiteral("step %1: %2 vs %3")
                                                                 .arg(i + 1)
                                                                 .arg(joined[i], 0, 'g', 17)
                                                                 .arg(full.losses[i], 0, 'g', 17)));
        QCOMPARE(c.finalValLoss, a.finalValLoss);
        // A finished run does not leave its checkpoint behind.
        QVERIFY(!QFileInfo::exists(QString::fromStdString(b.checkpointPath)));
    }

    void hugeLearningRateDivergesAtThatStep() {
        QTemporaryDir dir;
        auto config = tinyConfig(analysis::Arch::Transformer, writeCorpus(dir));
        config.lr = 1e4;
        config.warmupSteps = 0;
        config.gradClip = 0;
        config.budget = 40 * 4 * 32;
        Recorder r;
        const auto result = training::runTraining(config, &r);
        QCOMPARE(result.outcome, TrainingOutcome::Diverged);
        QCOMPARE(result.status.code(), StatusCode::Diverged);
        QVERIFY(result.steps < 40);
        QCOMPARE(r.steps.back(), result.steps);   // the diverging step is reported
        QVERIFY2(result.reason.find("at step " + std::to_string(result.steps)) != std::string::npos, result.reason.c_str());
    }

    void syntheticTaskReportsAccuracy() {
        auto config = tinyConfig(analysis::Arch::XLstm, "synthetic:mqar:pairs=4,keys=16");
        config.budget = 4 * 4 * 32;
        Recorder r;
        const auto result = training::runTraining(config, &r);
        QVERIFY2(result.status.isOk(), result.status.message().c_str());
        QVERIFY(result.finalValAccuracy >= 0 && result.finalValAccuracy <= 1);
        QCOMPARE(r.accuracies.back(), result.finalValAccuracy);
    }

    void badInputFailsBeforeAnyWork_data() {
        QTest::addColumn<QString>("what");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing corpus") << "corpus" << int(StatusCode::NotFound) << "does not exist";
        QTest::newRow("unwritable checkpoint dir") << "checkpoint" << int(StatusCode::IoError) << "checkpoint directory";
        QTest::newRow("budget below one step") << "budget" << int(StatusCode::InvalidArgument) << "below one optimizer step";
        QTest::newRow("vocab smaller than the data's") << "vocab" << int(StatusCode::InvalidArgument) << "exceeds the model's vocab";
        QTest::newRow("synthetic task does not fit") << "synthetic" << int(StatusCode::InvalidArgument) << "too short";
    }
    void badInputFailsBeforeAnyWork() {
        QFETCH(QString, what);
        QFETCH(int, code);
        QFETCH(QString, message);
        QTemporaryDir dir;
        auto config = tinyConfig(analysis::Arch::XLstm, writeCorpus(dir));
        if (what == "corpus") config.data = dir.filePath("nope.txt").toStdString();
        if (what == "checkpoint") {
            std::ofstream(dir.filePath("file").toStdString()) << "x";
            config.checkpointDir = dir.filePath("file/sub").toStdString();
        }
        if (what == "budget") config.budget = 10;
        if (what == "vocab") {
            config.shape.vocab = 100;
        }
        if (what == "synthetic") config.data = "synthetic:selective-copy:tokens=20";
        Recorder r;
        const auto result = training::runTraining(config, &r);
        QCOMPARE(result.outcome, TrainingOutcome::Failed);
        QCOMPARE(int(result.status.code()), code);
        QVERIFY2(result.status.message().find(message.toStdString()) != std::string::npos, result.status.message().c_str());
        QVERIFY(!r.started);
        QVERIFY(r.finished);
    }

    void resumeRefusesAChangedConfigAndForeignFiles() {
        QTemporaryDir dir;
        auto config = tinyConfig(analysis::Arch::XLstm, writeCorpus(dir));
        config.checkpointDir = dir.filePath("ckpt").toStdString();
        Recorder r;
        r.cancelAfter = 2;
        const auto a = training::runTraining(config, &r);
        QCOMPARE(a.outcome, TrainingOutcome::Cancelled);
        auto changed = config;
        changed.lr = 1e-3;
        const auto b = training::runTraining(changed, nullptr, a.checkpointPath);
        QCOMPARE(b.status.code(), StatusCode::Incompatible);
        QVERIFY2(b.status.message().find("lr differs") != std::string::npos, b.status.message().c_str());

        const std::string foreign = dir.filePath("foreign.pt").toStdString();
        std::ofstream(foreign) << "not a checkpoint";
        const auto c = training::runTraining(config, nullptr, foreign);
        QCOMPARE(c.outcome, TrainingOutcome::Failed);
        QVERIFY(!training::readCheckpointInfo(foreign).status.isOk());
    }

    void failingObserverEndsTheRunWithItsReason() {
        class Failing : public Recorder {
        public:
            Status health() override {
                return steps.size() >= 2 ? Status::io("database is locked") : Status();
            }
        };
        QTemporaryDir dir;
        auto config = tinyConfig(analysis::Arch::XLstm, writeCorpus(dir));
        config.checkpointDir = dir.filePath("ckpt").toStdString();
        Failing f;
        const auto result = training::runTraining(config, &f);
        QCOMPARE(result.outcome, TrainingOutcome::Failed);
        QCOMPARE(result.status.message(), std::string("database is locked"));
        QCOMPARE(result.steps, 2LL);
        QCOMPARE(training::readCheckpointInfo(result.checkpointPath).step, 2LL);   // resumable
    }
};

QTEST_GUILESS_MAIN(TestTrainer)
#include "tst_trainer.moc"
