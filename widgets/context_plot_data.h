// SPDX-License-Identifier: MIT
// Plain values the Context view draws: per architecture and budget, the compute-optimal N*, D*, L*
// at each context T and the fitted laws N*(T) = A T^a, D*(T) = B T^b (scaling-laws.md 11). The app's
// context controller fills them from the engine's context study, so widgets stay free of engine types.
#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

namespace seqscope::widgets {

// x*(T) = A T^a over one budget's contexts; `ok` false with `problem` saying why it was not fitted.
struct ContextLaw {
    bool ok = false;
    double A = 0, a = 0, aStdError = 0;
    QString problem;
};

// One context's IsoFLOP minimum at one budget.
struct ContextOptimum {
    double ctx = 0;               // T (tokens)
    double nOpt = 0, dOpt = 0, lossOpt = 0;
};

// One (architecture, budget) of one group: the minima across contexts and their laws.
struct ContextSeries {
    QString arch;                 // "xlstm" | "transformer" | other label
    bool own = false;             // the user's runs (drawn hollow, dotted law, named "yours")
    QString group;                // "" for the source's; "your runs" for the user's beside a dataset
    double budget = 0;            // nominal budget H (FLOPs): the colour and the legend
    QVector<ContextOptimum> optima;   // ascending T
    ContextLaw nLaw, dLaw;
};

// What the Context view asks for: the controls' state.
struct ContextSelection {
    QString source;               // workspace/scaling_sources.h key: "xlstm-paper", "runs", "sweep:3", ...
    bool withRuns = false;        // also fit and draw the user's finished runs beside a dataset's
    QStringList archs;            // architectures to fit and draw
    bool tokens = false;          // false: N*; true: D*
};

// What it draws for a selection.
struct ContextPlot {
    QVector<ContextSeries> series;
    QString finding;              // rich text: the headline comparison, from the fitted exponents
    QString summary;              // rich text: exponents per budget, skipped budgets, errors
    int runsUsed = 0;
};

}  // namespace seqscope::widgets
