// SPDX-License-Identifier: MIT
// Plain values the Parametric view draws. The app's ParametricController fills them from the
// engine's parametric L(N, D) fit and its checks, so widgets stay free of engine types.
#pragma once

#include <QPointF>
#include <QString>
#include <QStringList>
#include <QVector>

namespace seqscope::widgets {

// What the Parametric view asks for: the controls' state.
struct ParametricSelection {
    QString source;              // workspace/scaling_sources.h key: "xlstm-paper", "runs", "sweep:3", ...
    QStringList sets;            // experiment sets fitted together, e.g. {"tokenparam_ctx8192"}
    QString arch;                // one architecture per fit
    bool fitGamma = false;       // false: Chinchilla sum (gamma = 1); true: gamma fitted
    double huberDelta = 1e-3;    // on log-loss residuals
    QString grid = QStringLiteral("paper");   // "paper" | "epoch" | "coarse"
    int bootstrap = 0;           // resamples; 0 = none
    bool withRuns = false;       // draw the user's finished runs of this architecture (not fitted)
};

// One observed point and the law's prediction of it.
struct ParametricPoint {
    double n = 0, d = 0, c = 0, loss = 0;   // N, D, C (FLOPs), observed final loss
    double predicted = 0;                   // L(N, D) of the fit
    double budget = 0;                      // its budget group (FLOPs), 0 = none
    bool own = false;                       // the user's run (hollow triangle)
    qint64 runId = 0;                       // the user's run id (a click selects it); 0 for dataset rows
    QString tip;                            // hover text: run id/name, N, D, C, loss
};

// A curve in the (N, D) plane or the (C, L) plane, with its label ("L = 2.60", "1e20").
struct ParametricLine {
    QVector<QPointF> points;
    double value = 0;                       // the loss of a contour, the compute of an iso-FLOP line
    QString label;
};

// A fitted coefficient with its bootstrap interval (hasInterval when bootstrap > 0).
struct ParametricCoefficient {
    QString name;                           // "E", "alpha", ...
    double value = 0;
    bool hasInterval = false;
    double lo = 0, hi = 0;
    QString key;                            // stable name for exports: "E", "alpha", "a_opt", ...
};

// One leave-one-budget-out row: fitted without `budget`, predicting its points.
struct HoldoutRow {
    bool ok = false;
    QString error;                          // why there is no prediction
    double budget = 0;
    int heldOut = 0, trainedOn = 0;
    double meanObserved = 0, meanPredicted = 0;
    double meanRelError = 0, maxAbsRelError = 0;   // fractions (0.01 = 1 %)
    double alpha = 0, beta = 0;             // exponents of the fit without the budget
};

// The optimum at one Huber delta.
struct DeltaRow {
    bool ok = false;
    double delta = 0;
    double alpha = 0, beta = 0, gamma = 1;
};

struct ParametricPlot {
    bool ok = false;
    QString error;                          // why there is no fit (ok = false)
    QString title;                          // what was fitted: "xLSTM, tokenparam_ctx8192 (35 runs)"
    QString arch;                           // "xlstm" | "transformer" | other: the dataset points' marker
    bool gammaFitted = false;
    double huberDelta = 1e-3;
    QVector<ParametricPoint> points;        // the fitted points
    QVector<ParametricPoint> overlay;       // the user's runs drawn beside them (not fitted)
    QVector<double> budgets;                // budget groups present, ascending (colours by rank)
    QVector<ParametricLine> contours;       // iso-loss lines in (N, D)
    QVector<ParametricLine> isoFlop;        // D = C / (k N) at each budget, in (N, D)
    QVector<QPointF> optimalPath;           // (N*, D*) over the compute range
    QVector<QPointF> optimalLoss;           // (C, L(N*, D*))
    QVector<ParametricCoefficient> coefficients;
    QVector<HoldoutRow> holdouts;           // largest budget first
    QVector<DeltaRow> deltas;               // ascending delta
    double flopsPerParamToken = 6;          // k of C = k N D used for iso-FLOP lines and the path
    QString summary;                        // rich text: fit quality, warnings
};

}  // namespace seqscope::widgets
