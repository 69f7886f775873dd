// SPDX-License-Identifier: MIT
// Data and training-config pieces that need no LibTorch (engine/data, training_config, lr_schedule):
// tokenizer round trip, fortunes splitting, uint16 token files with and without llm.c's header,
// synthetic tasks and their accuracy metric, deterministic batches, LR schedule values and the
// derived plan (steps from the FLOP accounting, a budget below one step refused).
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>
#include <cmath>
#include <fstream>

#include "analysis/accounting.h"
#include "analysis/presets.h"
#include "data/batch_source.h"
#include "data/corpus.h"
#include "data/synthetic_tasks.h"
#include "data/tokenizer.h"
#include "test_support.h"
#include "training/lr_schedule.h"
#include "training/sweep_plan.h"
#include "training/training_config.h"

using namespace seqscope;

namespace {

void writeFile(const QString& path, const std::string& text) {
    std::ofstream out(path.toStdString(), std::ios::binary);
    out << text;
}

training::TrainingConfig tinyConfig() {
    training::TrainingConfig c;
    c.shape = analysis::findPreset("xlstm-1m")->shape;
    c.context = 64;
    c.shape.maxContext = 64;
    c.batchSequences = 8;
    c.budgetKind = training::BudgetKind::Tokens;
    c.budget = 8 * 64 * 100;
    return c;
}

}  // namespace

class TestTrainingData : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void tokenizerRoundTripsEveryByte() {
        std::string text;
        for (int b = 0; b < 256; ++b) text.push_back(static_cast<char>(b));
        text += "héllo wörld\n";
        const auto tokens = data::ByteTokenizer::encode(text, true, true);
        QCOMPARE(tokens.size(), text.size() + 2);
        QCOMPARE(int(tokens.front()), data::kBosToken);
        QCOMPARE(int(tokens.back()), data::kEosToken);
        QCOMPARE(data::ByteTokenizer::decode(tokens), text);
        QCOMPARE(data::ByteTokenizer::decode({72, 105, data::kSepToken}, true), std::string("Hi<sep>"));
        QCOMPARE(data::ByteTokenizer::vocabSize(), analysis::kByteVocab);
    }

    void fortunesSplitOnPercentLines() {
        const auto f = data::splitFortunes("one\nline two\n%\n\n%\r\nthree%not a separator\n%\n");
        QCOMPARE(f.size(), size_t(2));
        QCOMPARE(f[0], std::string("one\nline two\n"));
        QCOMPARE(f[1], std::string("three%not a separator\n"));
    }

    void defaultCorpusIsTheInstalledFortunes() {
        if (!QFileInfo::exists(QString::fromLatin1(data::kDefaultFortunesDir)))
            QSKIP("Debian's fortunes package is not installed here");
        auto c = data::loadFortunes();
        QVERIFY2(c.isOk(), c.status().message().c_str());
        QVERIFY(c->documents > 1000);
        QCOMPARE(c->vocab, data::kByteVocabSize);
        QVERIFY(c->valDocuments * 25 > c->documents && c->valDocuments * 15 < c->documents);   // ~5%
        QVERIFY(c->train.size() > 1000000);
    }

    void missingFortunesNameThePackage() {
        data::CorpusOptions o;
        o.fortunesDir = "/nonexistent/fortunes";
        auto c = data::loadCorpus("fortunes", o);
        QVERIFY(!c.isOk());
        QCOMPARE(c.status().code(), StatusCode::NotFound);
        QVERIFY2(c.status().message().find("`fortunes` package") != std::string::npos, c.status().message().c_str());
    }

    void emptyTextCorpusIsRefused() {
        QTemporaryDir dir;
        const QString path = dir.filePath("empty.txt");
        writeFile(path, "");
        auto c = data::loadCorpus(path.toStdString());
        QVERIFY(!c.isOk());
        QVERIFY2(c.status().message().find("is empty") != std::string::npos, c.status().message().c_str());
    }

    void validationSplitIsSeedIndependentAndFixed() {
        int held = 0;
        for (int i = 0; i < 100; ++i) held += data::isValidationDocument(i, 0.05) ? 1 : 0;
        QCOMPARE(held, 5);
        QVERIFY(data::isValidationDocument(19, 0.05));
        QVERIFY(!data::isValidationDocument(18, 0.05));
    }

    void tokenFileWithoutHeaderReadsLittleEndian() {
        QTemporaryDir dir;
        const QString path = dir.filePath("train.bin");
        // 300 = 0x012c -> bytes 2c 01; 7 -> 07 00.
        std::string bytes;
        for (int i = 0; i < 100; ++i) bytes += std::string("\x2c\x01\x07\x00", 4);
        writeFile(path, bytes);
        auto c = data::loadCorpus(path.toStdString());
        QVERIFY2(c.isOk(), c.status().message().c_str());
        QVERIFY(!c->hadHeader);
        QCOMPARE(c->vocab, 301);   // max token + 1
        QCOMPARE(c->train.size() + c->val.size(), size_t(200));
        QCOMPARE(int(c->train[0]), 300);
        QCOMPARE(int(c->train[1]), 7);
        QCOMPARE(c->val.size(), size_t(10));   // the tail 5%
    }

    void tokenFileWithLlmcHeaderUsesItsCountAndVocab() {
        QTemporaryDir dir;
        const QString path = dir.filePath("val.bin");
        std::vector<data::Token> tokens;
        for (int i = 0; i < 400; ++i) tokens.push_back(static_cast<data::Token>(i % 50));
        QVERIFY(data::writeTokenFile(path.toStdString(), tokens, true, 50304).isOk());
        QCOMPARE(QFileInfo(path).size(), qint64(1024 + 800));
        auto c = data::loadCorpus(path.toStdString());
        QVERIFY2(c.isOk(), c.status().message().c_str());
        QVERIFY(c->hadHeader);
        QCOMPARE(c->vocab, 50304);
        QCOMPARE(int(c->train[49]), 49);
        // The vocabulary given by the caller wins over the header.
        data::CorpusOptions o;
        o.vocab = 60;
        QCOMPARE(data::loadCorpus(path.toStdString(), o)->vocab, 60);
    }

    void tokenFileErrorsNameTheProblem() {
        QTemporaryDir dir;
        // A header whose count disagrees with the file size.
        const QString bad = dir.filePath("bad.bin");
        QVERIFY(data::writeTokenFile(bad.toStdString(), std::vector<data::Token>(100, 1), true).isOk());
        std::ofstream(bad.toStdString(), std::ios::binary | std::ios::app) << "xx";
        auto c = data::loadCorpus(bad.toStdString());
        QCOMPARE(c.status().code(), StatusCode::Corrupt);
        QVERIFY2(c.status().message().find("header says 100 tokens") != std::string::npos, c.status().message().c_str());
        // A token outside the given vocabulary names its index.
        const QString big = dir.filePath("big.bin");
        std::vector<data::Token> t(100, 3);
        t[42] = 999;
        QVERIFY(data::writeTokenFile(big.toStdString(), t, false).isOk());
        data::CorpusOptions o;
        o.vocab = 260;
        auto d = data::loadCorpus(big.toStdString(), o);
        QVERIFY(!d.isOk());
        QVERIFY2(d.status().message().find("token 999 at index 42") != std::string::npos, d.status().message().c_str());
        // Odd size.
        const QString odd = dir.filePath("odd.bin");
        writeFile(odd, "abc");
        QVERIFY2(data::loadCorpus(odd.toStdString()).status().message().find("odd") != std::string::npos, "odd size");
    }

    void mqarScoresOnlyQueriedValues() {
        data::SyntheticTaskOptions o;
        o.kind = data::SyntheticTaskKind::AssociativeRecall;
        o.pairs = 4;
        o.keyVocab = 16;
        std::string error;
        QVERIFY2(o.isValid(31, &error), error.c_str());
        const auto s = data::makeSyntheticSequence(o, 31, 7);
        QCOMPARE(s.tokens.size(), size_t(32));
        int scored = 0;
        for (size_t i = 0; i < s.tokens.size(); ++i) {
            if (!s.scored[i]) continue;
            ++scored;
            // The scored value follows a query key; the same key-value pair is among the first 4 pairs.
            const int key = s.tokens[i - 1], value = s.tokens[i];
            bool found = false;
            for (int p = 0; p < 4; ++p) found |= s.tokens[2 * p] == key && s.tokens[2 * p + 1] == value;
            QVERIFY(found);
            QVERIFY(i >= 8);
        }
        QCOMPARE(scored, 4);
        // Deterministic in the seed.
        QCOMPARE(data::makeSyntheticSequence(o, 31, 7).tokens, s.tokens);
        QVERIFY(data::makeSyntheticSequence(o, 31, 8).tokens != s.tokens);
    }

    void selectiveCopyAnswersAreTheDataInOrder() {
        auto o = data::parseSyntheticSpec("selective-copy:tokens=5,vocab=10");
        QVERIFY(o.isOk());
        const auto s = data::makeSyntheticSequence(*o, 40, 3);
        std::vector<int> scattered, answers;
        size_t sep = 0;
        for (size_t i = 0; i < s.tokens.size(); ++i)
            if (s.tokens[i] == data::kSepToken) sep = i;
        QVERIFY(sep > 0);
        for (size_t i = 0; i < sep; ++i)
            if (s.tokens[i] != data::kPadToken) scattered.push_back(s.tokens[i]);
        for (size_t i = 0; i < s.tokens.size(); ++i)
            if (s.scored[i]) answers.push_back(s.tokens[i]);
        QCOMPARE(answers.size(), size_t(5));
        QCOMPARE(answers, scattered);
        QVERIFY(!data::parseSyntheticSpec("selective-copy:depth=3").isOk());
        std::string error;
        QVERIFY(!o->isValid(9, &error));   // 2 * 5 + 1 tokens do not fit 9 + 1
        QVERIFY2(error.find("too short") != std::string::npos, error.c_str());
    }

    void accuracyCountsOnlyScoredPositions() {
        long long n = 0;
        QCOMPARE(data::maskedAccuracy({1, 2, 3, 4}, {1, -1, 0, 4}, &n), 2.0 / 3.0);
        QCOMPARE(n, 3LL);
        QVERIFY(std::isnan(data::maskedAccuracy({1}, {-1})));
    }

    void batchesAreAPureFunctionOfSeedAndIndex() {
        data::TokenCorpus c;
        c.name = "counting";
        c.vocab = 260;
        for (int i = 0; i < 5000; ++i) c.train.push_back(static_cast<data::Token>(i % 251));
        for (int i = 0; i < 500; ++i) c.val.push_back(static_cast<data::Token>(i % 7));
        auto a = data::makeCorpusBatchSource(c, 16, 11);
        auto b = data::makeCorpusBatchSource(c, 16, 11);
        auto other = data::makeCorpusBatchSource(c, 16, 12);
        QVERIFY(a.isOk() && b.isOk() && other.isOk());
        data::Batch whole, tail, x;
        (*a)->trainBatch(0, 8, &whole);
        (*b)->trainBatch(5, 3, &tail);   // sequences 5..7 fetched alone are the same
        QCOMPARE(std::vector<std::int64_t>(whole.inputs.begin() + 5 * 16, whole.inputs.end()), tail.inputs);
        for (int t = 0; t < 15; ++t) QCOMPARE(whole.targets[static_cast<size_t>(t)], whole.inputs[static_cast<size_t>(t + 1)]);
        (*other)->trainBatch(0, 8, &x);
        QVERIFY(x.inputs != whole.inputs);
        // Validation windows ignore the seed.
        data::Batch va, vb;
        (*a)->valBatch(0, 4, &va);
        (*other)->valBatch(0, 4, &vb);
        QCOMPARE(va.inputs, vb.inputs);
        QCOMPARE((*a)->valSequences(), (500LL - 1) / 16);
        // Too little data for one sequence is an error, before any training.
        QVERIFY(!data::makeCorpusBatchSource(c, 600, 1).isOk());
    }

    void lrScheduleWarmsUpThenDecaysToTenPercent() {
        training::LrSchedule s{1e-3, 10, 111, 0.1};
        QCOMPARE(s.at(0), 1e-4);
        QCOMPARE(s.at(4), 5e-4);
        QCOMPARE(s.at(9), 1e-3);
        QCOMPARE(s.at(10), 1e-3);                       // cosine starts at the peak
        QVERIFY(qAbs(s.at(60) - 5.5e-4) < 1e-12);         // half way: (peak + final) / 2
        QVERIFY(qAbs(s.at(110) - 1e-4) < 1e-15);          // last step: 0.1 x peak
        QVERIFY(qAbs(s.at(500) - 1e-4) < 1e-15);
        for (long long i = 11; i < 111; ++i) QVERIFY(s.at(i) <= s.at(i - 1));
    }

    void planDerivesStepsFromTheFlopAccounting() {
        auto c = tinyConfig();
        c.budgetKind = training::BudgetKind::Flops;
        const double perSeq = analysis::trainingFlops(c.shape, 64).fwbwPerSequence;
        c.budget = perSeq * 8 * 37;   // exactly 37 steps of 8 sequences
        const auto p = training::planTraining(c);
        QVERIFY2(p.status.isOk(), p.status.message().c_str());
        QCOMPARE(p.steps, 37LL);
        QCOMPARE(p.tokensPerStep, 512LL);
        QVERIFY(qAbs(p.flops / c.budget - 1) < 1e-12);
        QCOMPARE(p.warmupSteps, 3LL);
        QCOMPARE(p.params, analysis::parameterCount(c.shape));
        c.budgetKind = training::BudgetKind::TokenParamRatio;
        c.budget = 2;
        QCOMPARE(training::planTraining(c).steps, std::llround(2.0 * p.params / 512));
    }

    void budgetBelowOneStepIsRefused() {
        auto c = tinyConfig();
        c.budget = 100;   // tokens, one step is 512
        const auto p = training::planTraining(c);
        QVERIFY(!p.status.isOk());
        QVERIFY2(p.status.message().find("below one optimizer step of 512 tokens") != std::string::npos,
                 p.status.message().c_str());
    }

    void invalidConfigNamesTheField() {
        auto c = tinyConfig();
        c.lr = -1;
        std::string error;
        QVERIFY(!c.isValid(&error));
        QVERIFY2(error.find("learning rate") != std::string::npos, error.c_str());
        c = tinyConfig();
        c.context = 128;   // above max_context 64
        QVERIFY(!c.isValid(&error));
        QVERIFY2(error.find("max_context") != std::string::npos, error.c_str());
        c = tinyConfig();
        c.device = "tpu";
        QVERIFY(!c.isValid(&error));
        QVERIFY2(error.find("tpu") != std::string::npos, error.c_str());
    }

    void configRoundTripsThroughJson() {
        auto c = tinyConfig();
        c.data = "synthetic:mqar:pairs=4";
        c.seed = 1234567890123ull;
        c.lr = 1.5e-3;
        auto back = training::trainingConfigFromJson(training::trainingConfigToJson(c));
        QVERIFY2(back.isOk(), back.status().message().c_str());
        QCOMPARE(training::trainingConfigToJson(*back), training::trainingConfigToJson(c));
        QCOMPARE(back->seed, c.seed);
        QVERIFY(!training::trainingConfigFromJson("[1]").isOk());
        // Found by fuzz_config_json: numbers that do not fit their field are refused, not converted
        // (converting 2.7e127 to int is undefined behaviour).
        std::string huge = training::trainingConfigToJson(c);
        huge.replace(huge.find("\"d_model\":"), 10, "\"d_model\":2.7e127,\"x\":");
        auto refused = training::trainingConfigFromJson(huge);
        QVERIFY(!refused.isOk());
        QVERIFY2(refused.status().message().find("\"d_model\" must be a whole number in range") != std::string::npos,
                 refused.status().message().c_str());
        std::string fractional = training::trainingConfigToJson(c);
        fractional.replace(fractional.find("\"seed\":"), 7, "\"seed\":1.5,\"y\":");
        QVERIFY(!training::trainingConfigFromJson(fractional).isOk());
    }

    void ladderGrowsAndKeepsEachArchitecturesProportions() {
        for (auto arch : {analysis::Arch::XLstm, analysis::Arch::Transformer}) {
            const auto ladder = training::sizeLadder(arch, 260, 128);
            QVERIFY(ladder.size() > 20);
            long long previous = 0;
            for (const auto& s : ladder) {
                std::string error;
                QVERIFY2(s.isValid(&error), error.c_str());
                const long long n = analysis::parameterCount(s);
                QVERIFY2(n > previous, s.describe().c_str());
                previous = n;
                QCOMPARE(s.maxContext, 128);
                QVERIFY(s.ffnDim >= 2.6 * s.dModel && s.ffnDim <= 3.5 * s.dModel);   // FFN ~2.667 d
                if (arch == analysis::Arch::XLstm) QCOMPARE(s.headDimQK * 2, s.headDimV);   // qk factor 0.5
            }
            // The paper's 160M model is on the ladder with its own heads.
            const bool has160m = std::any_of(ladder.begin(), ladder.end(), [&](const analysis::ModelShape& s) {
                return s.dModel == 768 && s.layers == 12 && s.heads == (arch == analysis::Arch::XLstm ? 6 : 12);
            });
            QVERIFY(has160m);
        }
    }

    void isoflopPlanCentresSizesOnTheTargetRatio() {
        training::SweepOptions o;
        o.archs = {analysis::Arch::XLstm, analysis::Arch::Transformer};
        o.contexts = {128};
        o.budgets = {1e12, 1e13};
        o.sizes = 5;
        o.targetRatio = 20;
        o.base.batchTokens = 4096;
        const auto p = training::planIsoflopSweep(o);
        QVERIFY2(p.status.isOk(), p.status.message().c_str());
        QCOMPARE(p.runs.size(), size_t(20));
        for (size_t g = 0; g < p.runs.size(); g += 5) {
            std::vector<double> ratios;
            for (size_t i = g; i < g + 5; ++i) {
                const auto& r = p.runs[i];
                QVERIFY2(r.plan.status.isOk(), r.plan.status.message().c_str());
                QCOMPARE(r.config.budgetKind, training::BudgetKind::Flops);
                QVERIFY(std::fabs(r.plan.flops - r.budget) <= 0.5 * r.plan.sequencesPerStep * r.plan.flopsPerSequence);
                if (i > g) QVERIFY(r.plan.params > p.runs[i - 1].plan.params);
                ratios.push_back(r.plan.tokenParamRatio);
            }
            // Smallest model over, largest under the target: the optimum is bracketed.
            QVERIFY(ratios.front() > 20 && ratios.back() < 20);
        }
        // No rate given: the time is unknown, not made up; with rates, every run's time adds up.
        QVERIFY(p.totalFlops > 0 && std::isnan(p.estimatedSeconds));
        auto timed = p;
        training::estimateSweepTime(&timed, 3e10, 1.5e5, "test rates");
        double sum = 0;
        for (const auto& r : timed.runs) {
            QVERIFY(r.estimatedSeconds > r.plan.flops / 3e10);   // validation and the token term on top
            sum += r.estimatedSeconds;
        }
        QVERIFY(test::fuzzyCompare(timed.estimatedSeconds, sum, 1e-12));
        QCOMPARE(timed.timeSource, std::string("test rates"));
    }

    void tokenParamPlanTrainsEachSizeToEachRatio() {
        training::SweepOptions o;
        o.archs = {analysis::Arch::XLstm};
        o.contexts = {64};
        o.ratios = {10, 40};
        o.sizeTargets = {3e4, 1e5};
        o.base.batchTokens = 1024;
        const auto p = training::planTokenParamSweep(o);
        QVERIFY2(p.status.isOk(), p.status.message().c_str());
        QCOMPARE(p.runs.size(), size_t(4));
        for (const auto& r : p.runs) QVERIFY(std::fabs(r.plan.tokenParamRatio / r.budget - 1) < 0.1);
        o.ratios = {};
        QVERIFY(!training::planTokenParamSweep(o).status.isOk());
    }
};

QTEST_GUILESS_MAIN(TestTrainingData)
#include "tst_training_data.moc"
