// SPDX-License-Identifier: MIT
// Plain values the scaling charts draw. The app's scaling controller fills them from the engine's
// IsoFLOP fits, so widgets stay free of engine types (and of LibTorch).
#pragma once

#include <QColor>
#include <QPointF>
#include <QString>
#include <QStringList>
#include <QVector>

namespace seqscope::widgets {

// One IsoFLOP budget of one architecture: its runs, fitted parabola and minimum.
struct IsoflopCurve {
    QString arch;                 // "xlstm" | "transformer" | other label
    bool own = false;             // the user's runs (drawn hollow, named "your runs")
    double budget = 0;            // nominal budget H (FLOPs), used for the colour and the legend
    QVector<QPointF> runs;        // (x, loss); x is N or D
    QVector<QString> runNames;    // tooltip per run, same order as `runs` (may be empty)
    bool hasParabola = false;     // loss = a (log10 x)^2 + b log10 x + c on [log10Min, log10Max]
    double a = 0, b = 0, c = 0;
    double log10Min = 0, log10Max = 0;
    bool hasOptimum = false;
    QPointF optimum;              // (x*, L*)
};

// Compute-optimal points of one architecture and the fitted power law x* = A C^a.
struct FrontierSeries {
    QString arch;
    bool own = false;             // the user's runs
    QString group;                // "" for the source's; "your runs, T = 256" for the user's
    QVector<QPointF> optima;      // (C, x*) of the budgets the law was fitted to
    QVector<QPointF> unfitted;    // (C, x*) of budgets outside the fit range (drawn hollow)
    bool hasLaw = false;
    double A = 0, a = 0, aStdError = 0;
};

// What the Scaling view asks for: the controls' state.
struct ScalingSelection {
    QString source;              // workspace/scaling_sources.h key: "xlstm-paper", "runs", "sweep:3", ...
    bool withRuns = false;       // also draw and fit the user's finished runs beside the source's
    QString set;                 // experiment set, e.g. "isoflop_ctx8192"
    QStringList archs;           // architectures to fit and draw
    bool xIsTokens = false;      // false: loss against N; true: loss against D
    bool includeExcluded = false;// also use runs the paper's filters drop
    bool paperBudgetRange = true;// power laws over the paper's budgets only
};

// What it draws for a selection.
struct ScalingPlot {
    QVector<IsoflopCurve> curves;
    QVector<FrontierSeries> frontier;
    QString summary;             // rich text: fitted laws and warnings per architecture
    int runsUsed = 0;
    double paperRangeLo = 0, paperRangeHi = 0;   // the paper's budget range for this set (FLOPs)
};

// One entry of the Source selector.
struct SourceChoice {
    QString key;                 // "xlstm-paper", "runs", "sweep:3", "tag:demo"
    QString title;               // "xLSTM Scaling Laws (Beck et al. 2025)", "Sweep demo (40 runs)"
    bool runs = false;           // made of this database's runs
};

// Sequential colour for budget `index` of `count` (dark blue to yellow, after viridis).
QColor budgetColor(int index, int count);
// "6e18", "1e20": the short budget label used in legends.
QString budgetLabel(double flops);

}  // namespace seqscope::widgets
