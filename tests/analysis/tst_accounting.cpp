// SPDX-License-Identifier: MIT
// Accounting against ../shared/reference/scaling-laws.md: parameter counts (section 3), training FLOPs
// (section 4.6), inference FLOPs/bytes and cache sizes (sections 12.5, 12.7), and against the released
// run tables in ../shared/data/xlstm_scaling (N and per-sequence FLOPs of every run with full dims).
// Tolerances follow the reference's rounding: exact where it prints integers, 1e-6 relative for its
// 7-digit values, 1e-4 for its 5-digit values.
#include <QFile>
#include <QtTest>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/accounting.h"
#include "analysis/builtin_datasets.h"
#include "analysis/inference_accounting.h"
#include "analysis/presets.h"
#include "storage/results_table.h"
#include "test_support.h"

using namespace seqscope::analysis;
using seqscope::test::fuzzyCompare;

Q_DECLARE_METATYPE(seqscope::analysis::Arch)

namespace {

// The section 3 configurations (training; chunk 64).
ModelShape paper(Arch arch, int d, int layers, int heads) {
    return makeShape(arch, d, layers, heads);
}

// Section 12.7 configurations: xLSTM chunk 128; Transformer FFN given (multiple of 128).
ModelShape inference(Arch arch, int d, int layers, int heads, int transformerFfn) {
    ShapeFactors f;
    f.chunk = 128;
    ModelShape s = makeShape(arch, d, layers, heads, f);
    if (arch == Arch::Transformer) s.ffnDim = transformerFfn;
    return s;
}

struct InfRow {
    const char* size;
    int d, layers, xHeads, tHeads, tFfn;
};
const InfRow kInf[] = {{"160M", 768, 12, 6, 12, 2048},   {"400M", 1024, 24, 4, 16, 2816},
                       {"830M", 1536, 24, 6, 16, 4096},  {"1.4B", 2048, 24, 8, 16, 5504},
                       {"2.7B", 2560, 32, 10, 32, 6912}, {"7B", 4096, 32, 8, 32, 11008}};


}  // namespace

class TestAccounting : public QObject {
    Q_OBJECT

private slots:
    // ---- Section 2: FFN rounding --------------------------------------------------------------
    void ffnRoundingMatchesSection2Table_data() {
        QTest::addColumn<int>("d");
        QTest::addColumn<int>("transformer");
        QTest::addColumn<int>("xlstm");
        QTest::addColumn<int>("transformer128");
        QTest::newRow("768") << 768 << 2048 << 2112 << 2048;
        QTest::newRow("1024") << 1024 << 2752 << 2752 << 2816;
        QTest::newRow("1536") << 1536 << 4096 << 4160 << 4096;
        QTest::newRow("2048") << 2048 << 5504 << 5504 << 5504;
        QTest::newRow("2560") << 2560 << 6848 << 6848 << 6912;
        QTest::newRow("4096") << 4096 << 10944 << 10944 << 11008;
    }
    void ffnRoundingMatchesSection2Table() {
        QFETCH(int, d);
        QFETCH(int, transformer);
        QFETCH(int, xlstm);
        QFETCH(int, transformer128);
        QCOMPARE(roundedFfnDim(d, 2.667, 64, FfnRounding::Floor), transformer);
        QCOMPARE(roundedFfnDim(d, 2.667, 64, FfnRounding::Ceil), xlstm);
        QCOMPARE(roundedFfnDim(d, 2.667, 128, FfnRounding::Floor), transformer128);
        QCOMPARE(makeShape(Arch::Transformer, d, 12, d / 64).ffnDim, transformer);
        QCOMPARE(makeShape(Arch::XLstm, d, 12, 4).ffnDim, xlstm);
    }

    // ---- Section 3: N ---------------------------------------------------------------------------
    void parameterCountsMatchSection3_data() {
        QTest::addColumn<Arch>("arch");
        QTest::addColumn<int>("d");
        QTest::addColumn<int>("layers");
        QTest::addColumn<int>("heads");
        QTest::addColumn<int>("dqk");
        QTest::addColumn<int>("dv");
        QTest::addColumn<int>("ffn");
        QTest::addColumn<qlonglong>("n");
        QTest::newRow("xLSTM-160M") << Arch::XLstm << 768 << 12 << 6 << 64 << 128 << 2112 << 164110224LL;
        QTest::newRow("xLSTM-400M") << Arch::XLstm << 1024 << 24 << 4 << 128 << 256 << 2752 << 406856896LL;
        QTest::newRow("xLSTM-830M") << Arch::XLstm << 1536 << 24 << 4 << 192 << 384 << 4160 << 841496256LL;
        QTest::newRow("xLSTM-1.4B") << Arch::XLstm << 2048 << 24 << 4 << 256 << 512 << 5504 << 1420839104LL;
        QTest::newRow("xLSTM-2.7B") << Arch::XLstm << 2560 << 32 << 5 << 256 << 512 << 6848 << 2780449600LL;
        QTest::newRow("xLSTM-7B") << Arch::XLstm << 4096 << 32 << 8 << 256 << 512 << 10944 << 6865424896LL;
        QTest::newRow("Llama-160M") << Arch::Transformer << 768 << 12 << 12 << 64 << 64 << 2048 << 162220800LL;
        QTest::newRow("Llama-400M") << Arch::Transformer << 1024 << 24 << 16 << 64 << 64 << 2752 << 406635520LL;
        QTest::newRow("Llama-830M") << Arch::Transformer << 1536 << 24 << 16 << 96 << 96 << 4096 << 834086400LL;
        QTest::newRow("Llama-1.4B") << Arch::Transformer << 2048 << 24 << 16 << 128 << 128 << 5504 << 1420396544LL;
        QTest::newRow("Llama-2.7B") << Arch::Transformer << 2560 << 32 << 32 << 80 << 80 << 6848 << 2779548160LL;
        QTest::newRow("Llama-7B") << Arch::Transformer << 4096 << 32 << 32 << 128 << 128 << 10944 << 6863196160LL;
    }
    void parameterCountsMatchSection3() {
        QFETCH(Arch, arch);
        QFETCH(int, d);
        QFETCH(int, layers);
        QFETCH(int, heads);
        QFETCH(int, dqk);
        QFETCH(int, dv);
        QFETCH(int, ffn);
        QFETCH(qlonglong, n);
        const ModelShape s = paper(arch, d, layers, heads);
        QCOMPARE(s.headDimQK, dqk);
        QCOMPARE(s.headDimV, dv);
        QCOMPARE(s.ffnDim, ffn);
        QCOMPARE(parameterCount(s), static_cast<long long>(n));
    }

    void xlstm7bParameterBreakdownMatchesCrossCheck() {
        const ParameterCount p = countParameters(paper(Arch::XLstm, 4096, 32, 8));
        QCOMPARE(p.perBlock, 201666576LL);
        QCOMPARE(p.embedding, 206045184LL);
        QCOMPARE(p.head, 206045184LL);
        QCOMPARE(p.finalNorm, 4096LL);
        QCOMPARE(p.embedding + p.head + p.blocks + p.finalNorm, p.total);
    }

    // ---- Section 4.6: training FLOPs ------------------------------------------------------------
    void trainingFlopsMatchSection46_data() {
        QTest::addColumn<Arch>("arch");
        QTest::addColumn<int>("d");
        QTest::addColumn<int>("layers");
        QTest::addColumn<int>("heads");
        QTest::addColumn<double>("c2048");
        QTest::addColumn<double>("c8192");
        QTest::addColumn<double>("c16384");
        QTest::newRow("xLSTM-160M") << Arch::XLstm << 768 << 12 << 6 << 1.567987e12 << 6.271948e12 << 1.254390e13;
        QTest::newRow("xLSTM-400M") << Arch::XLstm << 1024 << 24 << 4 << 4.474691e12 << 1.789876e13 << 3.579753e13;
        QTest::newRow("xLSTM-830M") << Arch::XLstm << 1536 << 24 << 4 << 9.611389e12 << 3.844556e13 << 7.689111e13;
        QTest::newRow("xLSTM-1.4B") << Arch::XLstm << 2048 << 24 << 4 << 1.656514e13 << 6.626057e13 << 1.325211e14;
        QTest::newRow("xLSTM-2.7B") << Arch::XLstm << 2560 << 32 << 5 << 3.320342e13 << 1.328137e14 << 2.656274e14;
        QTest::newRow("xLSTM-7B") << Arch::XLstm << 4096 << 32 << 8 << 8.282195e13 << 3.312878e14 << 6.625756e14;
        QTest::newRow("Llama-160M") << Arch::Transformer << 768 << 12 << 12 << 1.755165e12 << 9.858158e12 << 2.728297e13;
        QTest::newRow("Llama-400M") << Arch::Transformer << 1024 << 24 << 16 << 4.994516e12 << 2.754472e13 << 7.526720e13;
        QTest::newRow("Llama-830M") << Arch::Transformer << 1536 << 24 << 16 << 1.023987e13 << 5.223700e13 << 1.345474e14;
        QTest::newRow("Llama-1.4B") << Arch::Transformer << 2048 << 24 << 16 << 1.743731e13 << 8.473761e13 << 2.094442e14;
        QTest::newRow("Llama-2.7B") << Arch::Transformer << 2560 << 32 << 32 << 3.466711e13 << 1.637940e14 << 3.945895e14;
        QTest::newRow("Llama-7B") << Arch::Transformer << 4096 << 32 << 32 << 8.513485e13 << 3.805084e14 << 8.676006e14;
    }
    void trainingFlopsMatchSection46() {
        QFETCH(Arch, arch);
        QFETCH(int, d);
        QFETCH(int, layers);
        QFETCH(int, heads);
        QFETCH(double, c2048);
        QFETCH(double, c8192);
        QFETCH(double, c16384);
        const ModelShape s = paper(arch, d, layers, heads);
        const std::pair<long long, double> expected[] = {{2048, c2048}, {8192, c8192}, {16384, c16384}};
        for (const auto& [T, c] : expected) {
            const TrainingFlops f = trainingFlops(s, T);
            QVERIFY2(f.status.isOk(), f.status.message().c_str());
            QVERIFY2(fuzzyCompare(f.fwbwPerSequence, c, 1e-6),
                     qPrintable(QStringLiteral("T=%1: %2 vs %3").arg(T).arg(f.fwbwPerSequence, 0, 'g', 10).arg(c)));
            QCOMPARE(f.fwbwPerSequence, 3 * f.forwardPerSequence);
            QCOMPARE(f.fwbwPerToken * T, f.fwbwPerSequence);
        }
    }

    void exactPerSequenceValuesAreBitExact() {
        QCOMPARE(trainingFlops(paper(Arch::XLstm, 768, 12, 6), 8192).fwbwPerSequence, 6271948495872.0);
        QCOMPARE(trainingFlops(paper(Arch::Transformer, 768, 12, 12), 8192).fwbwPerSequence, 9858157903872.0);
    }

    void runComputeOfTokenParamRunMatches() {
        // xLSTM-160M, 3,500 steps x 128 sequences at T = 8192.
        const double c = trainingCompute(paper(Arch::XLstm, 768, 12, 6), 8192, 3500.0 * 128);
        QVERIFY(fuzzyCompare(c, 2.809833e18, 1e-6));
    }

    void mlstmCellPerTokenMatchesExactValues() {
        QCOMPARE(mlstmCellFlopsPerTokenPerHead(64, 128, 64), 59027.078125);
        QCOMPARE(mlstmCellFlopsPerTokenPerHead(256, 512, 64), 630233.078125);
        // Closed form of section 4.3 (exact for even Lc).
        for (int c : {16, 64, 128}) {
            const double dqk = 96, dv = 192;
            const double closed = 2 * c * (dqk + dv) + 4 * dqk * dv + 7 * dqk + 2 * dv + 11 * c + 17 +
                                  (2 * dqk * dv + 2 * dqk + 5) / c;
            QCOMPARE(mlstmCellFlopsPerTokenPerHead(96, 192, c), closed);
        }
    }

    void sequenceMixingPerTokenMatchesSection45() {
        const TrainingFlops x = trainingFlops(paper(Arch::XLstm, 4096, 32, 8), 8192);
        QVERIFY(fuzzyCompare(x.forward.sequenceMixing / 8192, 1.6134e8, 1e-4));
        const TrainingFlops t = trainingFlops(paper(Arch::Transformer, 4096, 32, 32), 8192);
        QVERIFY(fuzzyCompare(t.forward.sequenceMixing / 8192, 2.1685e9, 1e-4));
        // "the accounted C_fwbw for xLSTM-7B at T = 8192 is 5.89 N per token"
        QVERIFY(fuzzyCompare(x.fwbwPerToken / x.params, 5.89, 1e-3));
        QVERIFY(fuzzyCompare(x.ratioToHeuristic, 5.89 / 6, 1e-3));
        QCOMPARE(x.heuristicPerToken, 6.0 * 6865424896LL);
        QCOMPARE(heuristicCompute6ND(2.0, 3.0), 36.0);
    }

    void xlstmFlopsAreExactlyLinearInContext() {
        const ModelShape s = paper(Arch::XLstm, 1024, 24, 4);
        QCOMPARE(trainingFlops(s, 16384).fwbwPerSequence, 8 * trainingFlops(s, 2048).fwbwPerSequence);
        const ModelShape t = paper(Arch::Transformer, 1024, 24, 16);
        QVERIFY(trainingFlops(t, 16384).fwbwPerSequence > 8 * trainingFlops(t, 2048).fwbwPerSequence);
    }

    void chinchillaAttentionModeCountsTheFullScoreMatrix() {
        const ModelShape s = paper(Arch::Transformer, 768, 12, 12);
        TrainingFlopOptions o;
        o.attention = AttentionFlopMode::Chinchilla;
        const TrainingFlops c = trainingFlops(s, 8192, o);
        const TrainingFlops d = trainingFlops(s, 8192);
        const double T = 8192;
        QCOMPARE(c.forward.sequenceMixing, 12 * T * T * (4 * 768 + 3 * 12));
        QCOMPARE(d.forward.sequenceMixing, 12 * T * T * (2 * 768 + 2.5 * 12));
        QCOMPARE(c.forward.projections, d.forward.projections);
        AttentionFlopMode m;
        QVERIFY(parseAttentionFlopMode("distill", &m) && m == AttentionFlopMode::DistillScaling);
        QVERIFY(parseAttentionFlopMode("chinchilla", &m) && m == AttentionFlopMode::Chinchilla);
        QVERIFY(!parseAttentionFlopMode("causal", &m));
    }

    void contextNotMultipleOfChunkCountsPaddedChunks() {
        const ModelShape s = paper(Arch::XLstm, 768, 12, 6);
        const TrainingFlops exact = trainingFlops(s, 8192);
        QVERIFY(!exact.paddedToChunk);
        QCOMPARE(exact.chunks, 128LL);
        const TrainingFlops padded = trainingFlops(s, 8193);
        QVERIFY(padded.paddedToChunk);
        QCOMPARE(padded.chunks, 129LL);
        // The cell is charged for 129 full chunks, the projections for 8193 tokens.
        QCOMPARE(padded.forward.sequenceMixing, exact.forward.sequenceMixing * 129 / 128);
        QCOMPARE(padded.forward.projections, exact.forward.projections * 8193 / 8192);
        TrainingFlopOptions o;
        o.chunk = 128;
        QCOMPARE(trainingFlops(s, 8192, o).chunks, 64LL);
    }

    void invalidInputsAreRejectedWithTheOffendingValue() {
        ModelShape s = makeShape(Arch::Transformer, 768, 12, 5);
        TrainingFlops f = trainingFlops(s, 2048);
        QVERIFY(!f.status.isOk());
        QVERIFY2(f.status.message().find("heads (5)") != std::string::npos, f.status.message().c_str());
        f = trainingFlops(paper(Arch::XLstm, 768, 12, 6), 0);
        QCOMPARE(f.status.code(), seqscope::StatusCode::InvalidArgument);
        QVERIFY(f.status.message().find("context") != std::string::npos);
        s = makeShape(Arch::XLstm, -768, 12, 6);
        QVERIFY(!trainingFlops(s, 2048).status.isOk());
        TrainingFlopOptions o;
        o.backwardFactor = -1;
        QVERIFY(!trainingFlops(paper(Arch::XLstm, 768, 12, 6), 2048, o).status.isOk());
        QVERIFY(std::isnan(trainingCompute(makeShape(Arch::XLstm, 768, 0, 6), 2048, 1)));
    }

    // ---- Section 12.5: caches -------------------------------------------------------------------
    void cacheAndStateSizesMatchSection125() {
        const ModelShape llama = paper(Arch::Transformer, 4096, 32, 32);
        QCOMPARE(kvCacheBytesPerToken(llama, 2), 524288.0);
        QCOMPARE(kvCacheBytesPerToken(llama, 2) * 16384, 8.0 * 1024 * 1024 * 1024);
        const ModelShape x = paper(Arch::XLstm, 4096, 32, 8);
        QCOMPARE(recurrentStateValues(x), 33620224LL);
        QCOMPARE(kvCacheBytesPerToken(x, 2), 0.0);
        QCOMPARE(recurrentStateValues(llama), 0LL);
        const InferenceCosts c = inferenceCosts(x, 1, 16384);
        QVERIFY(fuzzyCompare(c.stateBytes, 134.5e6, 1e-3));   // fp32
        InferenceAccountingOptions bf16;
        bf16.bytesState = 2;
        QVERIFY(fuzzyCompare(inferenceCosts(x, 1, 16384, bf16).stateBytes, 67.2e6, 1e-3));
        QCOMPARE(inferenceCosts(llama, 2, 16384).kvCacheBytes, 2 * 8.0 * 1024 * 1024 * 1024);
    }

    // ---- Section 12.7: inference accounting -----------------------------------------------------
    void prefillFlopsMatchSection127_data() {
        QTest::addColumn<int>("row");
        QTest::addColumn<QVector<double>>("xlstm");
        QTest::addColumn<QVector<double>>("transformer");
        const QVector<double> x[] = {{3.6629e11, 1.4649e12, 2.9298e12}, {1.2856e12, 5.1420e12, 1.0284e13},
                                     {2.8757e12, 1.1502e13, 2.3005e13}, {5.0587e12, 2.0234e13, 4.0468e13},
                                     {1.0472e13, 4.1887e13, 8.3773e13}, {2.6787e13, 1.0715e14, 2.1429e14}};
        const QVector<double> t[] = {{4.5069e11, 3.0321e12, 9.3430e12}, {1.5367e12, 9.4255e12, 2.7595e13},
                                     {3.1915e12, 1.7653e13, 4.8337e13}, {5.5164e12, 2.8560e13, 7.4439e13},
                                     {1.1304e13, 5.6102e13, 1.4124e14}, {2.7973e13, 1.2921e14, 3.0461e14}};
        for (int i = 0; i < 6; ++i) QTest::newRow(kInf[i].size) << i << x[i] << t[i];
    }
    void prefillFlopsMatchSection127() {
        QFETCH(int, row);
        QFETCH(QVector<double>, xlstm);
        QFETCH(QVector<double>, transformer);
        const InfRow& r = kInf[row];
        const ModelShape x = inference(Arch::XLstm, r.d, r.layers, r.xHeads, 0);
        const ModelShape t = inference(Arch::Transformer, r.d, r.layers, r.tHeads, r.tFfn);
        const long long T[] = {2048, 8192, 16384};
        for (int i = 0; i < 3; ++i) {
            const double xf = inferenceCosts(x, 1, T[i]).prefillFlops, tf = inferenceCosts(t, 1, T[i]).prefillFlops;
            QVERIFY2(fuzzyCompare(xf, xlstm[i], 1e-4), qPrintable(QStringLiteral("xLSTM T=%1: %2").arg(T[i]).arg(xf)));
            QVERIFY2(fuzzyCompare(tf, transformer[i], 1e-4), qPrintable(QStringLiteral("Transformer T=%1: %2").arg(T[i]).arg(tf)));
        }
    }

    void prefillBytesAndStepsMatchSection127_data() {
        QTest::addColumn<int>("row");
        QTest::addColumn<double>("xPrefillBytes");
        QTest::addColumn<double>("tPrefillBytes");
        QTest::addColumn<double>("xStepFlops");
        QTest::addColumn<double>("xStepBytes");
        QTest::addColumn<QVector<double>>("tStepBytes");
        QTest::newRow("160M") << 0 << 4.7699e9 << 3.7327e9 << 2.5453e8 << 2.5630e8 << QVector<double>{4.7888e6, 3.0678e8, 6.0877e8};
        QTest::newRow("400M") << 1 << 1.3458e10 << 1.0098e10 << 7.2976e8 << 7.3734e8 << QVector<double>{1.3214e7, 8.1852e8, 1.6238e9};
        QTest::newRow("830M") << 2 << 2.0688e10 << 1.5430e10 << 1.5572e9 << 1.5687e9 << QVector<double>{2.4094e7, 1.2321e9, 2.4400e9};
        QTest::newRow("1.4B") << 3 << 2.8132e10 << 2.1241e10 << 2.6742e9 << 2.6896e9 << QVector<double>{3.8263e7, 1.6489e9, 3.2595e9};
        QTest::newRow("2.7B") << 4 << 4.7733e10 << 3.6379e10 << 5.3676e9 << 5.3936e9 << QVector<double>{7.3123e7, 2.7575e9, 5.4418e9};
        QTest::newRow("7B") << 5 << 8.9731e10 << 6.2958e10 << 1.3520e10 << 1.3595e10 << QVector<double>{1.6525e8, 4.4602e9, 8.7552e9};
    }
    void prefillBytesAndStepsMatchSection127() {
        QFETCH(int, row);
        QFETCH(double, xPrefillBytes);
        QFETCH(double, tPrefillBytes);
        QFETCH(double, xStepFlops);
        QFETCH(double, xStepBytes);
        QFETCH(QVector<double>, tStepBytes);
        const InfRow& r = kInf[row];
        const ModelShape x = inference(Arch::XLstm, r.d, r.layers, r.xHeads, 0);
        const ModelShape t = inference(Arch::Transformer, r.d, r.layers, r.tHeads, r.tFfn);
        QVERIFY(fuzzyCompare(inferenceCosts(x, 1, 8192).prefillBytes, xPrefillBytes, 1e-4));
        QVERIFY(fuzzyCompare(inferenceCosts(t, 1, 8192).prefillBytes, tPrefillBytes, 1e-4));
        for (long long T : {0LL, 8192LL, 16384LL}) {
            const InferenceCosts c = inferenceCosts(x, 1, T);
            QVERIFY(fuzzyCompare(c.stepFlops, xStepFlops, 1e-4));
            QVERIFY(fuzzyCompare(c.stepBytes, xStepBytes, 1e-4));   // "any T"
        }
        const long long T[] = {0, 8192, 16384};
        for (int i = 0; i < 3; ++i) {
            const InferenceCosts c = inferenceCosts(t, 1, T[i]);
            QCOMPARE(c.decode, DecodeAccounting::Repository);
            QVERIFY2(fuzzyCompare(c.stepBytes, tStepBytes[i], 1e-4),
                     qPrintable(QStringLiteral("T_pre=%1: %2").arg(T[i]).arg(c.stepBytes)));
        }
    }

    void physicalDecodeReadsAllWeightsAndTheWholeCache() {
        const InfRow& r = kInf[5];
        const ModelShape t = inference(Arch::Transformer, r.d, r.layers, r.tHeads, r.tFfn);
        InferenceAccountingOptions phys;
        phys.decode = DecodeAccounting::Physical;
        const double repo0 = inferenceCosts(t, 1, 0).stepBytes;
        const double phys0 = inferenceCosts(t, 1, 0, phys).stepBytes;
        // Physical mode charges every weight per step: about 2 bytes per parameter, ~50x the repository's.
        QVERIFY(phys0 > 2.0 * 6.5e9 && phys0 > 40 * repo0);
        // Each cached token adds exactly its K and V to the read traffic.
        const double step = inferenceCosts(t, 1, 1001, phys).stepBytes - inferenceCosts(t, 1, 1000, phys).stepBytes;
        QCOMPARE(step, kvCacheBytesPerToken(t, 2));
        // Batch scales the activation and cache traffic but not the weights.
        const double b1 = inferenceCosts(t, 1, 4096, phys).stepBytes, b2 = inferenceCosts(t, 2, 4096, phys).stepBytes;
        QVERIFY(b2 < 2 * b1 && b2 > b1);
        // xLSTM steps are the same in both conventions.
        const ModelShape x = inference(Arch::XLstm, r.d, r.layers, r.xHeads, 0);
        QCOMPARE(inferenceCosts(x, 4, 8192, phys).stepBytes, inferenceCosts(x, 4, 8192).stepBytes);
        QCOMPARE(inferenceCosts(x, 4, 8192, phys).stepFlops, inferenceCosts(x, 4, 8192).stepFlops);
        // Physical decode FLOPs: the new token attends to T_pre + 1 positions, no causal factor.
        const double f0 = inferenceCosts(t, 1, 0, phys).stepFlops, f1 = inferenceCosts(t, 1, 1, phys).stepFlops;
        QCOMPARE(f1 - f0, 32.0 * 32 * 2 * (128 + 128 + 2.5));
        QCOMPARE(f0, backboneFlopsPerToken(t, true) + 32.0 * 32 * 2 * (128 + 128 + 2.5));
    }

    void inferenceRejectsBadBatchAndPrefill() {
        const ModelShape x = paper(Arch::XLstm, 768, 12, 6);
        QVERIFY(!inferenceCosts(x, 0, 128).status.isOk());
        QVERIFY(!inferenceCosts(x, 1, -1).status.isOk());
        QVERIFY(inferenceCosts(x, 1, 0).status.isOk());
        InferenceAccountingOptions o;
        o.repositoryGenTokens = 0;
        QVERIFY(!inferenceCosts(x, 1, 128, o).status.isOk());
        QVERIFY(!inferenceCosts(makeShape(Arch::XLstm, 768, 12, 7), 1, 128).status.isOk());
    }

    // ---- Presets --------------------------------------------------------------------------------
    void paperPresetsHaveSection3ParameterCounts() {
        int paperCount = 0;
        for (const Preset& p : presets()) {
            std::string error;
            QVERIFY2(p.shape.isValid(&error), (p.name + ": " + error).c_str());
            if (p.referenceParams) {
                QCOMPARE(parameterCount(p.shape), p.referenceParams);
                ++paperCount;
            }
            if (p.shape.arch == Arch::XLstm) QCOMPARE(p.context % p.shape.chunk, 0LL);
            QVERIFY(p.context <= p.shape.maxContext);
        }
        QVERIFY(paperCount >= 12);
        QCOMPARE(findPreset("xlstm-7b")->referenceParams, 6865424896LL);
        QCOMPARE(findPreset("Transformer-160M")->shape.ffnDim, 2048);
        QCOMPARE(findPreset("transformer-2.7b-inf")->shape.ffnDim, 6912);
        QCOMPARE(findPreset("xlstm-830m-inf")->shape.heads, 6);
        QCOMPARE(findPreset("xlstm-830m-inf")->shape.chunk, 128);
        QVERIFY(findPreset("xlstm-9b") == nullptr);
        QVERIFY(presetNames().find("transformer-30m") != std::string::npos);
    }

    void cpuPresetsAreNearTheirNominalSize_data() {
        QTest::addColumn<QString>("size");
        QTest::addColumn<double>("nominal");
        QTest::newRow("1m") << "1m" << 1e6;
        QTest::newRow("3m") << "3m" << 3e6;
        QTest::newRow("10m") << "10m" << 10e6;
        QTest::newRow("30m") << "30m" << 30e6;
    }
    void cpuPresetsAreNearTheirNominalSize() {
        QFETCH(QString, size);
        QFETCH(double, nominal);
        for (const char* arch : {"xlstm-", "transformer-"}) {
            const Preset* p = findPreset(arch + size.toStdString());
            QVERIFY(p);
            QCOMPARE(p->shape.vocab, kByteVocab);
            const double n = static_cast<double>(parameterCount(p->shape));
            QVERIFY2(n > 0.75 * nominal && n < 1.25 * nominal, qPrintable(QStringLiteral("%1: N = %2").arg(size).arg(n)));
            QVERIFY(p->context >= 256 && p->context <= 1024);
        }
    }

    // ---- Released run tables (the built-in copy, so this runs on a clean clone) -------------------
    // Every released run of the paper (IsoFLOP sets at 2048, 8192 and 16384, the Chinchilla-FLOPs and
    // batch-size variants, and the token/param series): N from the shape is the released N, and C from
    // the accounting times batch and steps is the released C. The token/param table rounds N, D and
    // C to 6-7 significant digits; the IsoFLOP tables agree to 1e-12.
    void accountingReproducesReleasedRuns() {
        const auto* paper = seqscope::analysis::findBuiltinDataset("xlstm-paper");
        QVERIFY(paper);
        auto rows = seqscope::storage::parseResultsTable(paper->csv, "xlstm_paper.csv");
        QVERIFY2(rows, rows.status().message().c_str());
        std::map<std::string, int> checked;
        for (const auto& row : *rows) {
            const auto extra = nlohmann::json::parse(row.extraJson);
            const auto value = [&](const char* key) { return std::stod(extra.at(key).get<std::string>()); };
            Arch arch;
            QVERIFY(parseArch(row.arch, &arch));
            const ModelShape s = makeShape(arch, static_cast<int>(value("d_model")), static_cast<int>(value("n_layers")),
                                           static_cast<int>(value("n_heads")));
            const bool rounded = row.set.rfind("tokenparam", 0) == 0;
            const double tol = rounded ? 1e-6 : 1e-12;
            QVERIFY2(fuzzyCompare(static_cast<double>(parameterCount(s)), row.params, tol), row.run.c_str());
            TrainingFlopOptions o;
            if (row.set.find("chinchilla") != std::string::npos) o.attention = AttentionFlopMode::Chinchilla;
            const TrainingFlops f = trainingFlops(s, row.ctx, o);
            QVERIFY2(fuzzyCompare(f.fwbwPerSequence * value("gbs") * value("steps"), row.flops, tol), row.run.c_str());
            QVERIFY2(fuzzyCompare(value("gbs") * value("steps") * static_cast<double>(row.ctx), row.tokens, tol), row.run.c_str());
            ++checked[row.set];
        }
        // Every set, every row (the release's runs without a final loss are not in the table).
        const std::map<std::string, int> expected = {{"isoflop_ctx2048", 172}, {"isoflop_ctx8192", 255},
                                                     {"isoflop_ctx16384", 154}, {"isoflop_ctx8192_chinchilla_flops", 52},
                                                     {"isoflop_ctx8192_gbs256_ablation", 29}, {"tokenparam_ctx8192", 66}};
        QCOMPARE(checked, expected);
    }
};

QTEST_GUILESS_MAIN(TestAccounting)
#include "tst_accounting.moc"
