// SPDX-License-Identifier: MIT
// The public LanguageModel API (models/language_model.h, no LibTorch here): bad input is refused
// before allocation with a message naming the value, parameter counts come from the module and
// equal the accounting formula, the Transformer KV cache grows with context while the xLSTM state
// does not, decoding is deterministic for a seed, and parameter archives round-trip.
#include <QTemporaryDir>
#include <QTest>

#include "analysis/accounting.h"
#include "analysis/presets.h"
#include "models/language_model.h"

using namespace seqscope;
using namespace seqscope::engine;

namespace {

analysis::ModelShape tiny(analysis::Arch arch, int maxContext = 64) {
    analysis::ShapeFactors f;
    f.vocab = 50;
    f.chunk = 8;
    f.maxContext = maxContext;
    return analysis::makeShape(arch, 32, 2, 2, f);
}

std::unique_ptr<LanguageModel> create(const analysis::ModelShape& shape, uint64_t seed = 0) {
    ModelOptions o;
    o.seed = seed;
    auto r = LanguageModel::create(shape, o);
    if (!r) qFatal("create: %s", r.status().message().c_str());
    return std::move(r.value());
}

#define EXPECT_REFUSED(status, fragment)                                                                  \
    do {                                                                                                  \
        const Status s_ = (status);                                                                       \
        QVERIFY2(!s_.isOk(), "expected a refusal");                                                       \
        QVERIFY2(s_.message().find(fragment) != std::string::npos,                                        \
                 qPrintable(QStringLiteral("message '%1' lacks '%2'").arg(QString::fromStdString(s_.message()), \
                                                                          QStringLiteral(fragment))));    \
    } while (0)

}  // namespace

class TestLanguageModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void refusesHeadsNotDividingWidth() {
        auto shape = analysis::makeShape(analysis::Arch::Transformer, 100, 2, 3);
        EXPECT_REFUSED(LanguageModel::create(shape).status(), "heads (3) must divide d_model (100)");
    }

    void refusesNonPositiveSizes_data() {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("zero layers") << "layers" << "layers must be positive, got 0";
        QTest::newRow("negative vocab") << "vocab" << "vocab must be positive, got -5";
        QTest::newRow("zero chunk") << "chunk" << "chunk must be positive, got 0";
        QTest::newRow("zero context") << "context" << "max_context must be positive, got 0";
    }
    void refusesNonPositiveSizes() {
        QFETCH(QString, field);
        QFETCH(QString, fragment);
        auto shape = tiny(analysis::Arch::XLstm);
        if (field == "layers") shape.layers = 0;
        if (field == "vocab") shape.vocab = -5;
        if (field == "chunk") shape.chunk = 0;
        if (field == "context") shape.maxContext = 0;
        const Status s = LanguageModel::create(shape).status();
        QVERIFY(!s.isOk());
        QVERIFY2(QString::fromStdString(s.message()).contains(fragment), s.message().c_str());
    }

    void refusesContextLongerThanSupported() {
        auto shape = tiny(analysis::Arch::Transformer);
        shape.maxContext = 1 << 21;
        EXPECT_REFUSED(LanguageModel::create(shape).status(), "max_context 2097152 is longer than supported (1048576)");
    }

    void refusesPromptLongerThanTransformerContext() {
        auto lm = create(tiny(analysis::Arch::Transformer, 16));
        EXPECT_REFUSED(lm->prefill(std::vector<int>(17, 1), 1).status(),
                       "prompt of 17 tokens is longer than the model's context (16)");
        auto pre = lm->prefill(std::vector<int>(16, 1), 1);
        QVERIFY(pre);
        EXPECT_REFUSED(lm->step({1}, pre->state).status(), "context 17 is longer than the model's (16)");
    }

    void refusesTokenIdsOutsideVocabulary() {
        auto lm = create(tiny(analysis::Arch::XLstm));
        EXPECT_REFUSED(lm->prefill({1, 2, 3, 4, 50, 6}, 2).status(),
                       "token id 50 at row 1, position 1 is outside the vocabulary [0, 50)");
        EXPECT_REFUSED(lm->prefill({1, -1}, 1).status(), "token id -1 at row 0, position 1");
        EXPECT_REFUSED(lm->prefill({1, 2, 3}, 2).status(), "3 tokens do not split into 2 rows");
        auto pre = lm->prefill({1, 2, 3, 4}, 2);
        QVERIFY(pre);
        EXPECT_REFUSED(lm->step({7, 99}, pre->state).status(), "token id 99 at row 1");
        EXPECT_REFUSED(lm->step({7}, pre->state).status(), "one token per row: 1 tokens for 2 rows");
    }

    void refusesBfloat16OnCpu() {
        ModelOptions o;
        o.dtype = ComputeDtype::BFloat16;
        EXPECT_REFUSED(LanguageModel::create(tiny(analysis::Arch::XLstm), o).status(), "dtype bfloat16 needs device cuda");
    }

    void refusesModelsOverTheWeightBudget() {
        ModelOptions o;
        o.maxParameterGiB = 1.0;
        EXPECT_REFUSED(LanguageModel::create(analysis::findPreset("xlstm-7b")->shape, o).status(), "GiB of float32 weights");
    }

    void refusesStateOfAnotherModel() {
        auto a = create(tiny(analysis::Arch::XLstm));
        auto b = create(tiny(analysis::Arch::XLstm));
        auto pre = a->prefill({1, 2}, 1);
        QVERIFY(pre);
        EXPECT_REFUSED(b->step({3}, pre->state).status(), "belongs to another model");
    }

    void parameterCountComesFromModuleAndEqualsFormula() {
        for (const char* name : {"xlstm-1m", "transformer-1m", "xlstm-3m", "transformer-3m"}) {
            auto lm = create(analysis::findPreset(name)->shape);
            QCOMPARE(lm->parameterCount(), analysis::parameterCount(lm->shape()));
        }
    }

    // KV cache bytes = 2 * layers * B * H * T * d_h * 4; the xLSTM (C, n, m) is constant.
    void kvCacheGrowsWhileXlstmStateStaysConstant() {
        auto tf = create(tiny(analysis::Arch::Transformer));
        auto xl = create(tiny(analysis::Arch::XLstm));
        auto tPre = tf->prefill(std::vector<int>(10, 3), 1);
        auto xPre = xl->prefill(std::vector<int>(10, 3), 1);
        QVERIFY(tPre && xPre);
        const auto& ts = tf->shape();
        const auto& xs = xl->shape();
        auto kvBytes = [&](long long t) { return 2LL * ts.layers * ts.heads * t * ts.headDimQK * 4; };
        const long long xlstmBytes =
            xs.layers * (xs.heads * (1LL * xs.headDimQK * xs.headDimV + xs.headDimQK + 1)) * 4;
        QCOMPARE(tPre->state.bytes(), kvBytes(10));
        QCOMPARE(xPre->state.bytes(), xlstmBytes);
        for (int n = 0; n < 20; ++n) {
            QVERIFY(tf->step({n % 50}, tPre->state));
            QVERIFY(xl->step({n % 50}, xPre->state));
        }
        QCOMPARE(tPre->state.position(), 30LL);
        QCOMPARE(tPre->state.bytes(), kvBytes(30));
        QCOMPARE(xPre->state.bytes(), xlstmBytes);
    }

    // Greedy generate equals argmax-feeding by hand; sampling depends on the seed only.
    void generateIsDeterministic() {
        auto lm = create(tiny(analysis::Arch::XLstm), 3);
        const std::vector<int> prompt = {5, 9, 13};
        auto greedy = lm->generate(prompt, 6, 0.0, 1);
        QVERIFY(greedy);
        QCOMPARE(greedy->tokens.size(), size_t(6));
        auto pre = lm->prefill(prompt, 1);
        QVERIFY(pre);
        std::vector<int> byHand = {pre->logits.argmax(0)};
        while (byHand.size() < 6) {
            auto logits = lm->step({byHand.back()}, pre->state);
            QVERIFY(logits);
            byHand.push_back(logits->argmax(0));
        }
        QVERIFY(greedy->tokens == byHand);
        auto s1 = lm->generate(prompt, 12, 1.5, 42);
        auto s2 = lm->generate(prompt, 12, 1.5, 42);
        QVERIFY(s1 && s2);
        QVERIFY(s1->tokens == s2->tokens);
        for (int t : s1->tokens) QVERIFY(t >= 0 && t < 50);
    }

    void clonedStateDecodesIndependently() {
        auto lm = create(tiny(analysis::Arch::Transformer));
        auto pre = lm->prefill({1, 2, 3}, 1);
        QVERIFY(pre);
        DecodeState copy = pre->state.clone();
        auto a = lm->step({4}, pre->state);
        QVERIFY(lm->step({7}, pre->state));
        auto b = lm->step({4}, copy);
        QVERIFY(a && b);
        QVERIFY(a->values == b->values);
        QCOMPARE(copy.position(), 4LL);
        QCOMPARE(pre->state.position(), 5LL);
    }

    void parameterArchiveRoundTrips() {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("params.pt")).toStdString();
        auto a = create(tiny(analysis::Arch::Transformer), 1);
        auto b = create(tiny(analysis::Arch::Transformer), 2);
        QVERIFY(a->saveParameters(path));
        auto before = b->prefill({1, 2, 3}, 1);
        QVERIFY(b->loadParameters(path));
        auto la = a->prefill({1, 2, 3}, 1), lb = b->prefill({1, 2, 3}, 1);
        QVERIFY(la && lb && before);
        QVERIFY(la->logits.values == lb->logits.values);
        QVERIFY(before->logits.values != lb->logits.values);
        auto other = create(tiny(analysis::Arch::XLstm));
        EXPECT_REFUSED(other->loadParameters(path), "is missing");
        EXPECT_REFUSED(other->loadParameters(dir.filePath(QStringLiteral("absent.pt")).toStdString()),
                       "not a Seqscope parameter archive");
    }
};

QTEST_GUILESS_MAIN(TestLanguageModel)
#include "tst_language_model.moc"
