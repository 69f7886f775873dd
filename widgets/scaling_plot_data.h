// SPDX-License-Identifier: MIT
// Plain values the scaling charts draw. The app's scaling controller fills them from the engine's
// IsoFLOP fits, so widgets stay free of engine types (and of LibTorch).
#pragma once

#include <QColor>
#include <QPointF>
#include <QSet>
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
    QVector<qint64> runIds;       // the user's run id per point (0 for a dataset row; may be empty)
    QVector<double> runSpread;    // standard deviation of the point's replicate runs (0: one run)
    QVector<int> runCounts;       // replicate runs behind each point (1: a single run)
    QVector<QString> runKeys;     // pointKey of each point: Shift+click leaves it out of the fit
    bool hasParabola = false;     // loss = a (log10 x)^2 + b log10 x + c on [log10Min, log10Max]
    double a = 0, b = 0, c = 0;
    double log10Min = 0, log10Max = 0;
    bool hasOptimum = false;
    QPointF optimum;              // (x*, L*)
};

// A fitted power law y = A C^a with its bootstrap resamples (empty when none were drawn).
struct PowerLaw {
    bool valid = false;
    double A = 0, a = 0, aStdError = 0;   // least-squares estimate and the regression's error of a
    double aLo = 0, aHi = 0;              // bootstrap percentile interval of a (valid when samples exist)
    QVector<QPointF> samples;             // (ln A, a) of each resample's law
    double confidence = 0.95;
    double at(double compute) const;
    // Percentile interval of A C^a over the resamples; false when there are fewer than 10.
    bool intervalAt(double compute, double* lo, double* hi) const;
};

// Compute-optimal points of one architecture and the fitted power law x* = A C^a.
struct FrontierSeries {
    QString arch;
    bool own = false;             // the user's runs
    QString group;                // "" for the source's; "your runs, T = 256" for the user's
    QVector<QPointF> optima;      // (C, x*) of the budgets the law was fitted to
    QVector<QPointF> unfitted;    // (C, x*) of budgets outside the fit range (drawn hollow)
    bool hasLaw = false;
    double A = 0, a = 0, aStdError = 0;   // the drawn axis' law (N* or D*), as nLaw or dLaw
    PowerLaw nLaw, dLaw;                  // both laws, for the coefficient table and "what C buys"
    int budgets = 0, runs = 0;            // what the laws were fitted to
    const PowerLaw& drawn(bool xIsTokens) const { return xIsTokens ? dLaw : nLaw; }
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
    QSet<QString> leftOut;       // pointKey of points the user left out of the fits (drawn greyed)
};

// What the Scaling view emphasises (the tour's "look here"): the fitted minima (stars) of the IsoFLOP
// chart or the points of the frontier chart, of one architecture or all. Highlighted items get a
// thick ring in the palette's highlight colour (a shape cue, not hue alone, for colour-blind readers)
// and the rest of that chart is dimmed; an empty highlight draws everything as usual.
struct ScalingHighlight {
    enum class Kind { None, Minima, Frontier };
    Kind kind = Kind::None;
    QString arch;                // "xlstm", "transformer"; empty: every architecture
    bool isEmpty() const { return kind == Kind::None; }
    bool covers(Kind k, const QString& a) const { return kind == k && (arch.isEmpty() || arch == a); }
    bool operator==(const ScalingHighlight& o) const { return kind == o.kind && arch == o.arch; }
    static constexpr qreal kDimAlpha = 0.4;   // alpha of what is not highlighted while a highlight is set
};

// What it draws for a selection.
struct ScalingPlot {
    QVector<IsoflopCurve> curves;
    QVector<FrontierSeries> frontier;
    QString summary;             // rich text: fitted laws and warnings per architecture
    bool xIsTokens = false;      // the x quantity of the IsoFLOP curves and the drawn frontier
    int runsUsed = 0;
    double paperRangeLo = 0, paperRangeHi = 0;   // the paper's budget range for this set (FLOPs)
    struct LeftOut {             // points the user left out of the fits, drawn greyed
        QVector<QPointF> points; // (x, loss)
        QVector<QString> keys;   // pointKey
        QVector<QString> names;  // hover text
    } leftOut;
};

// Identifies a point across refits: its source's run name or id and row, and whether it is one of
// the user's runs ("own|12#12", "src|xlstm_ctx2048_nb24...#7").
QString pointKey(bool own, const QString& run, int sourceRow);

// One entry of the Source selector.
struct SourceChoice {
    QString key;                 // "xlstm-paper", "runs", "sweep:3", "tag:demo"
    QString title;               // "xLSTM Scaling Laws (Beck et al. 2025)", "Sweep demo (40 runs)"
    bool runs = false;           // made of this database's runs
};

// Sequential colour for budget `index` of `count` (dark blue to yellow, after viridis; with a dark
// application palette the darkest fifth is skipped so every budget stays visible).
QColor budgetColor(int index, int count);
// "6e18", "1e20": the short budget label used in legends.
QString budgetLabel(double flops);

}  // namespace seqscope::widgets
