// SPDX-License-Identifier: MIT
#include "tour_steps.h"

#include <QCoreApplication>

namespace seqscope::gui {
namespace {

ViewState scaling(const QStringList& archs, bool tokens, double budget) {
    ViewState s;
    s.view = QStringLiteral("scaling");
    s.source = QStringLiteral("xlstm-paper");
    ScalingFilters f;
    f.set = QStringLiteral("isoflop_ctx8192");
    f.archs = archs;
    f.xIsTokens = tokens;
    f.withRuns = false;
    s.filters = f;
    s.budgetFlops = budget;
    return s;
}

ViewState view(const QString& id) {
    ViewState s;
    s.view = id;
    s.source = QStringLiteral("xlstm-paper");
    return s;
}

ViewState calculator(int d, int layers, int xlstmHeads, int transformerHeads, long long context) {
    ViewState s;
    s.view = QStringLiteral("calculator");
    widgets::CalculatorInputs in;
    in.dModel = d, in.layers = layers, in.xlstmHeads = xlstmHeads, in.transformerHeads = transformerHeads;
    in.context = context;
    s.calculator = in;
    return s;
}

// Rings the IsoFLOP minima (stars) or the frontier points of every drawn architecture.
widgets::ScalingHighlight ring(widgets::ScalingHighlight::Kind kind) {
    widgets::ScalingHighlight h;
    h.kind = kind;
    return h;
}

}  // namespace

QVector<TourStep> tourSteps() {
    const QStringList both = {QStringLiteral("xlstm"), QStringLiteral("transformer")};
    const QStringList xlstm = {QStringLiteral("xlstm")};
    const auto minima = ring(widgets::ScalingHighlight::Kind::Minima);
    const auto frontier = ring(widgets::ScalingHighlight::Kind::Frontier);
    return {
        {QStringLiteral("isoflop"), QCoreApplication::translate("TourSteps", "IsoFLOP parabolas"),
         QCoreApplication::translate("TourSteps", "Each colour is one compute budget: at fixed compute, loss against model size is a parabola in log N. "
            "Its minimum is the best model size for that budget."),
         scaling(xlstm, false, 1e22), TryItKind::IsoflopSweep, minima},
        {QStringLiteral("lower-loss"), QCoreApplication::translate("TourSteps", "Lower loss at equal compute"),
         QCoreApplication::translate("TourSteps", "Compare the parabolas of the same colour: at every budget the xLSTM's minimum lies below the "
            "Transformer's. Equal compute buys the xLSTM a lower loss."),
         scaling(both, false, 1e22), TryItKind::IsoflopSweep, minima},
        {QStringLiteral("frontier"), QCoreApplication::translate("TourSteps", "Compute-optimal frontiers"),
         QCoreApplication::translate("TourSteps", "The right chart joins the minima: the optimal model size grows as a power law N* = A·C^a, a straight "
            "line per architecture on log axes."),
         scaling(both, false, 1e22), TryItKind::IsoflopSweep, frontier},
        {QStringLiteral("larger-optimum"), QCoreApplication::translate("TourSteps", "A larger optimal xLSTM"),
         QCoreApplication::translate("TourSteps", "The table below the charts answers what 10^23 FLOPs buy: the compute-optimal xLSTM is larger than the "
            "compute-optimal Transformer. At equal compute the xLSTM puts more of it into parameters."),
         scaling(both, false, 1e23), TryItKind::IsoflopSweep, {}},
        {QStringLiteral("tokens"), QCoreApplication::translate("TourSteps", "The same runs against data"),
         QCoreApplication::translate("TourSteps", "With training tokens on the x axis the parabolas' minima give D*, the data each architecture wants "
            "for a budget. N* and D* together spend the budget: C is about 6 N D."),
         scaling(both, true, 1e23), TryItKind::IsoflopSweep, minima},
        {QStringLiteral("context"), QCoreApplication::translate("TourSteps", "The context study"),
         QCoreApplication::translate("TourSteps", "The IsoFLOP study at training contexts of 2K, 8K and 16K tokens: as T grows, the Transformer's "
            "compute-optimal size falls much faster than the xLSTM's. Its attention cost grows with T and takes "
            "compute away from parameters."),
         view(QStringLiteral("context")), TryItKind::ContextSweep, {}},
        {QStringLiteral("parametric"), QCoreApplication::translate("TourSteps", "One law for all runs"),
         QCoreApplication::translate("TourSteps", "The parametric fit L(N, D) = E + (A N^-α + B D^-β)^γ describes every run at once. Its iso-loss "
            "contours and efficient frontier agree with the IsoFLOP analysis."),
         view(QStringLiteral("parametric")), TryItKind::IsoflopSweep, {}},
        {QStringLiteral("inference"), QCoreApplication::translate("TourSteps", "Inference cost against context"),
         QCoreApplication::translate("TourSteps", "The paper's H100 measurements: the Transformer's decode step slows down as the context grows, the "
            "xLSTM's stays flat. The ratio under the chart grows with context."),
         view(QStringLiteral("inference")), TryItKind::Benchmark, {}},
        {QStringLiteral("state-vs-cache"), QCoreApplication::translate("TourSteps", "State against KV cache"),
         QCoreApplication::translate("TourSteps", "A Transformer keeps keys and values of every past token, an xLSTM a fixed-size state. Drag Context T "
            "and watch the dashed line cross the GPU sizes while the solid one stays flat."),
         calculator(2048, 24, 4, 16, 32768), TryItKind::Benchmark, {}},
        {QStringLiteral("linear-time"), QCoreApplication::translate("TourSteps", "Linear against quadratic"),
         QCoreApplication::translate("TourSteps", "At 128K tokens attention is most of a 7B Transformer's FLOPs per token, while the mLSTM cell stays a "
            "small constant share. This is the linear time complexity in the paper's title."),
         calculator(4096, 32, 8, 32, 131072), TryItKind::Benchmark, {}},
    };
}

}  // namespace seqscope::gui
