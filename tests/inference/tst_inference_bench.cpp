// SPDX-License-Identifier: MIT
// The inference benchmark runner (inference/inference_bench.h) and the decode facts it measures, on
// small CPU models through the LibTorch-free public headers: decoding after a prefill reproduces a
// single forward pass; the xLSTM state is the same size at every context while the KV cache grows
// linearly; points past the time limit or over the memory budget are returned as failed / oom and
// the sweep goes on. No timing is asserted here: how the decode step grows with context is measured
// by `seqscope-cli bench inference` (docs/benchmarks.md, "Inference").
#include <QTest>

#include <cmath>
#include <cstdlib>

#include "analysis/presets.h"
#include "inference/inference_bench.h"
#include "models/language_model.h"

using namespace seqscope;
using namespace seqscope::engine;

namespace {

analysis::ModelShape preset(const char* name, int maxContext) {
    const analysis::Preset* p = analysis::findPreset(name);
    if (!p) qFatal("no preset %s", name);
    analysis::ModelShape s = p->shape;
    s.maxContext = maxContext;
    return s;
}

std::unique_ptr<LanguageModel> create(const analysis::ModelShape& shape) {
    auto r = LanguageModel::create(shape);
    if (!r) qFatal("create: %s", r.status().message().c_str());
    return std::move(r.value());
}

std::vector<int> tokens(int batch, int length, int vocab, unsigned seed) {
    std::vector<int> t(static_cast<size_t>(batch) * length);
    for (auto& v : t) {
        seed = seed * 1664525u + 1013904223u;
        v = static_cast<int>((seed >> 8) % static_cast<unsigned>(vocab));
    }
    return t;
}

// max |a - b| relative to max |a|.
double relativeDifference(const Logits& a, const Logits& b) {
    double diff = 0, scale = 0;
    for (size_t i = 0; i < a.values.size(); ++i) {
        diff = std::max(diff, static_cast<double>(std::abs(a.values[i] - b.values[i])));
        scale = std::max(scale, static_cast<double>(std::abs(a.values[i])));
    }
    return diff / scale;
}

InferenceBenchOptions quick() {
    InferenceBenchOptions o;
    o.prefills = {32};
    o.decodeSteps = 2;
    o.repeats = 1;
    o.warmupRepeats = 0;
    o.threads = 1;
    return o;
}

}  // namespace

class TestInferenceBench : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void decodeAfterPrefillReproducesFullForward_data() {
        QTest::addColumn<QString>("model");
        QTest::newRow("xlstm") << "xlstm-1m";
        QTest::newRow("transformer") << "transformer-1m";
    }
    void decodeAfterPrefillReproducesFullForward() {
        // prefill(N + j) must give the logits of prefill(N) followed by j steps, for every j <= k.
        QFETCH(QString, model);
        const int batch = 2, n = 100, k = 6;   // N not a multiple of the chunk (64)
        auto lm = create(preset(model.toUtf8().constData(), 256));
        const int vocab = lm->shape().vocab;
        const std::vector<int> all = tokens(batch, n + k, vocab, 7);
        auto slice = [&](int length) {
            std::vector<int> out;
            for (int b = 0; b < batch; ++b)
                out.insert(out.end(), all.begin() + b * (n + k), all.begin() + b * (n + k) + length);
            return out;
        };
        auto prefix = lm->prefill(slice(n), batch);
        QVERIFY2(prefix.isOk(), prefix.status().message().c_str());
        DecodeState state = std::move(prefix->state);
        for (int j = 1; j <= k; ++j) {
            std::vector<int> next;
            for (int b = 0; b < batch; ++b) next.push_back(all[static_cast<size_t>(b * (n + k) + n + j - 1)]);
            auto stepped = lm->step(next, state);
            QVERIFY2(stepped.isOk(), stepped.status().message().c_str());
            auto full = lm->prefill(slice(n + j), batch);
            QVERIFY2(full.isOk(), full.status().message().c_str());
            const double rel = relativeDifference(full->logits, *stepped);
            QVERIFY2(rel < 1e-4, qPrintable(QStringLiteral("j = %1: relative difference %2").arg(j).arg(rel)));
        }
        QCOMPARE(state.position(), static_cast<long long>(n + k));
    }

    void xlstmStateIsConstantWhileKvCacheGrowsLinearly() {
        auto x = create(preset("xlstm-1m", 2048));
        auto t = create(preset("transformer-1m", 2048));
        long long xBytes = -1, tBytes256 = 0;
        for (int length : {256, 512, 2048}) {
            const std::vector<int> prompt = tokens(1, length, analysis::kByteVocab, 3);
            auto xs = x->prefill(prompt, 1);
            auto ts = t->prefill(prompt, 1);
            QVERIFY(xs.isOk() && ts.isOk());
            if (xBytes < 0) xBytes = xs->state.bytes();
            QCOMPARE(xs->state.bytes(), xBytes);
            if (length == 256) tBytes256 = ts->state.bytes();
            QCOMPARE(ts->state.bytes(), tBytes256 * (length / 256));
            // float32 K and V: 2 * L * H * d_h * T * 4 bytes
            const auto& s = t->shape();
            QCOMPARE(ts->state.bytes(), 2LL * s.layers * s.heads * s.headDimQK * length * 4);
        }
        QVERIFY(xBytes > 0);
    }

    void runnerRecordsStateBytesAndTimings() {
        InferenceBenchOptions o = quick();
        o.prefills = {64, 256};
        o.repeats = 2;
        std::vector<InferenceBenchPoint> seen;
        auto r = runInferenceBench({{"x", preset("xlstm-1m", 256), {}}, {"t", preset("transformer-1m", 256), {}}}, o,
                                   [&](const InferenceBenchPoint& p) { seen.push_back(p); });
        QVERIFY2(r.isOk(), r.status().message().c_str());
        QCOMPARE(r->size(), size_t(4));
        QCOMPARE(seen.size(), size_t(4));
        // interleaved: (64, x), (64, t), (256, x), (256, t)
        QCOMPARE((*r)[1].label, std::string("t"));
        QCOMPARE((*r)[2].prefill, 256LL);
        for (const auto& p : *r) {
            QVERIFY2(p.status == "ok", p.message.c_str());
            QCOMPARE(p.ttftMs.count, 2);
            QVERIFY(p.ttftMs.min > 0 && p.ttftMs.min <= p.ttftMs.median && p.ttftMs.median <= p.ttftMs.max);
            QVERIFY(p.stepMs.median > 0);
            QVERIFY(p.prefillTokensPerSecond > 0 && p.decodeTokensPerSecond > 0);
            QVERIFY(p.params > 0);
            QVERIFY(!p.memoryMethod.empty());
        }
        QCOMPARE((*r)[0].stateBytesAfterPrefill, (*r)[2].stateBytesAfterPrefill);           // xLSTM
        QCOMPARE((*r)[3].stateBytesAfterPrefill, 4 * (*r)[1].stateBytesAfterPrefill);       // KV cache
        QCOMPARE((*r)[3].stateBytesAfterDecode, (*r)[3].stateBytesAfterPrefill * (256 + 2) / 256);
    }

    void timeLimitTurnsPointsIntoFailuresAndSweepContinues() {
        InferenceBenchOptions o = quick();
        o.prefills = {256, 512};
        o.decodeSteps = 8;
        o.timeLimitSeconds = 0.001;
        auto r = runInferenceBench({{"x", preset("xlstm-1m", 256), {}}, {"t", preset("transformer-1m", 256), {}}}, o);
        QVERIFY2(r.isOk(), r.status().message().c_str());
        QCOMPARE(r->size(), size_t(4));
        for (const auto& p : *r) {
            QCOMPARE(p.status, std::string("failed"));
            QVERIFY2(p.message.find("time limit 0.001 s exceeded") != std::string::npos, p.message.c_str());
            QVERIFY(std::isnan(p.ttftMs.median) && std::isnan(p.stepMs.median));
        }
    }

    void predictedMemoryOverBudgetIsStoredAsOom() {
        InferenceBenchOptions o = quick();
        o.memoryFraction = 1e-9;   // any point exceeds this share of the available memory
        auto r = runInferenceBench({{"t", preset("transformer-1m", 256), {}}}, o);
        QVERIFY(r.isOk());
        QCOMPARE(r->size(), size_t(1));
        QCOMPARE(r->front().status, std::string("oom"));
        QVERIFY2(r->front().message.find("predicted") != std::string::npos, r->front().message.c_str());
    }

    void refusesBadOptionsBeforeRunning() {
        InferenceBenchOptions o = quick();
        o.prefills = {0};
        auto r = runInferenceBench({{"x", preset("xlstm-1m", 256), {}}}, o);
        QVERIFY(!r.isOk());
        QCOMPARE(r.status().code(), StatusCode::InvalidArgument);
        QVERIFY2(r.status().message().find("prefill length") != std::string::npos, r.status().message().c_str());
        o = quick();
        o.decodeSteps = 0;
        std::string error;
        QVERIFY(!o.isValid(&error));
        QVERIFY(error.find("decode steps") != std::string::npos);
        QVERIFY(!runInferenceBench({}, quick()).isOk());
    }

    void timingSummaryHasQuartiles() {
        const TimingSummary s = summarizeTimings({5, 1, 3, NAN, 2, 4});
        QCOMPARE(s.count, 5);
        QCOMPARE(s.median, 3.0);
        QCOMPARE(s.min, 1.0);
        QCOMPARE(s.max, 5.0);
        QCOMPARE(s.q1, 2.0);
        QCOMPARE(s.q3, 4.0);
        QVERIFY(std::isnan(summarizeTimings({}).median));
    }

    void hardwareRatesArePositive() {
        InferenceBenchOptions o = quick();
        const HardwareRates h = measureHardwareRates(o);
        QVERIFY2(h.status.isOk(), h.status.message().c_str());
        QVERIFY(h.matmulFlopsPerSecond > 0 && std::isfinite(h.matmulFlopsPerSecond));
        QVERIFY(h.bandwidthBytesPerSecond > 0 && std::isfinite(h.bandwidthBytesPerSecond));
        const MachineInfo m = machineInfo(o);
        QCOMPARE(m.threads, 1);
        QVERIFY(!m.cpuModel.empty() && !m.torchVersion.empty());
    }
};

QTEST_GUILESS_MAIN(TestInferenceBench)
#include "tst_inference_bench.moc"
