// SPDX-License-Identifier: MIT
// Plain values between the Calculator view (knobs in, numbers out) and the app's calculator
// controller, which computes every number with the engine's accounting. No engine types here.
#pragma once

#include <QPointF>
#include <QString>
#include <QVector>
#include <cmath>

namespace seqscope::widgets {

// The knobs. Both architectures share width, depth, context, batch and precision; heads differ
// (the paper's xLSTMs use a few wide heads, its Transformers d/64 heads).
struct CalculatorInputs {
    int dModel = 768;
    int layers = 12;
    int xlstmHeads = 6;
    int transformerHeads = 12;
    int vocab = 50304;
    long long context = 8192;
    long long batch = 1;
    QString precision = QStringLiteral("bf16");   // "fp32" | "bf16" | "fp8"
    double tokens = 20.0 * 164e6;                 // training token budget D
    double compute = 1e22;                        // compute budget C for "what it buys"
    bool operator==(const CalculatorInputs& o) const {
        return dModel == o.dModel && layers == o.layers && xlstmHeads == o.xlstmHeads &&
               transformerHeads == o.transformerHeads && vocab == o.vocab && context == o.context && batch == o.batch &&
               precision == o.precision && tokens == o.tokens && compute == o.compute;
    }
    bool operator!=(const CalculatorInputs& o) const { return !(*this == o); }
};

// A ready-made pair of sizes (the paper's scaling-study sizes, the local CPU sizes).
struct CalculatorPreset {
    QString key;      // "160m", "cpu-10m"
    QString title;    // "Paper 160M (d 768, 12 blocks)"
    int dModel = 0, layers = 0, xlstmHeads = 0, transformerHeads = 0, vocab = 0;
    long long context = 0;
    double tokens = 0;   // a token budget to go with it (about 20 tokens per parameter)
};

// Where one architecture fits in a GPU's memory.
struct CapacityFit {
    double capacityBytes = 0;    // 24, 48, 80, 141 GB (1e9 bytes)
    double longestContext = 0;   // tokens; -1: any context fits; 0: the weights alone do not fit
};

// Everything shown for one architecture; NaN where a number is not available.
struct CalculatorArch {
    bool valid = false;
    QString error;                       // why not valid ("heads must divide d")
    QString shapeText;                   // "xlstm d=768 L=12 H=6 qk=64 v=128 F=2112 V=50304"
    double params = NAN;
    // forward FLOPs per token, split (sum = forwardPerToken)
    double projections = NAN, feedForward = NAN, sequenceMixing = NAN, logits = NAN;
    double forwardPerToken = NAN, fwbwPerToken = NAN, sixN = NAN;
    double trainingCompute = NAN, sixND = NAN;          // for the token budget D
    // training memory at (T, B)
    double weightBytes = NAN, gradientBytes = NAN, optimizerBytes = NAN, activationBytes = NAN;
    // inference at (B, T), physical decode
    double prefillFlops = NAN;
    double cacheBytes = NAN;             // KV cache (Transformer) or state (xLSTM) of the batch
    double inferenceMemory = NAN;        // weights + cache
    double stepFlops = NAN, stepBytes = NAN;
    double stepMsH100 = NAN;             // runtime model fitted to the paper's H100 measurements
    double stepMsLocal = NAN;            // runtime model fitted to this database's benchmarks
    // what the compute budget buys under the fitted frontier laws (NaN: no law)
    double optimalParams = NAN, optimalTokens = NAN;
    double ownOptimalParams = NAN, ownOptimalTokens = NAN;   // the user's runs' laws
    QVector<QPointF> memoryCurve;        // (context, inference memory bytes), 1K..1M tokens
    QVector<CapacityFit> fits;
};

struct CalculatorResult {
    CalculatorArch xlstm, transformer;
    QString h100Source;    // "fitted to 120 H100 decode steps" or why not
    QString localSource;   // "fitted to 12 benchmark points on this machine" or "no benchmarks yet"
    QString lawSource;     // "IsoFLOP frontier of xlstm-paper, context 8192" or "no frontier fitted"
};

}  // namespace seqscope::widgets
