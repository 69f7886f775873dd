// SPDX-License-Identifier: MIT
// Refit time of the Scaling view (issue 13): what a click costs (toggling an architecture, the axis,
// the budget range) is one ScalingController::computePlot on the worker thread. Measured for the
// paper's largest IsoFLOP set with both architectures, and for 500 synthetic runs in 10 budgets per
// architecture drawn beside it as "your runs". Median and max of 30 repeats, wall time: the fit
// (worker thread) and drawing it (ScalingView::setPlot plus a repaint, GUI thread, offscreen).
//   QT_QPA_PLATFORM=offscreen build/bench/scaling_refit
#include <QApplication>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <random>

#include "analysis/builtin_datasets.h"
#include "scaling_controller.h"
#include "scaling_view.h"
#include "storage/results_table.h"
#include "workspace/scaling_points.h"

using namespace seqscope;

namespace {

std::vector<analysis::ScalingPoint> paperPoints() {
    auto rows = storage::parseResultsTable(analysis::findBuiltinDataset("xlstm-paper")->csv, "xlstm_paper.csv");
    workspace::PointFilter filter;
    filter.includeExcluded = true;
    return rows ? workspace::toScalingPoints(*rows, filter) : std::vector<analysis::ScalingPoint>{};
}

// `perArch` runs per architecture in 10 budgets from 1e11 to 1e13, loss a noisy parabola in log N.
std::vector<analysis::ScalingPoint> syntheticRuns(int perArch) {
    std::mt19937 rng(7);
    std::normal_distribution<double> noise(0, 0.01);
    std::vector<analysis::ScalingPoint> out;
    for (const char* arch : {"xlstm", "transformer"})
        for (int i = 0; i < perArch; ++i) {
            analysis::ScalingPoint p;
            p.arch = arch;
            p.set = "isoflop_ctx8192";
            p.ctx = 8192;
            p.budget = 1e11 * std::pow(10.0, 2.0 * (i % 10) / 9.0);
            p.flops = p.budget;
            const double x = -0.6 + 1.2 * (i / 10) / std::max(1, perArch / 10 - 1);
            p.params = 0.1 * std::sqrt(p.flops) * std::pow(10.0, x);
            p.tokens = p.flops / (6 * p.params);
            p.loss = 3.0 - 0.1 * std::log10(p.budget) + 0.3 * x * x + noise(rng);
            p.run = std::to_string(out.size() + 1);
            p.sourceRow = static_cast<int>(out.size() + 1);
            out.push_back(p);
        }
    return out;
}

void measure(const char* what, const std::vector<analysis::ScalingPoint>& source,
             const std::vector<analysis::ScalingPoint>& runs) {
    widgets::ScalingSelection sel;
    sel.source = QStringLiteral("xlstm-paper");
    sel.set = QStringLiteral("isoflop_ctx8192");
    sel.archs = {QStringLiteral("xlstm"), QStringLiteral("transformer")};
    sel.withRuns = !runs.empty();
    widgets::ScalingView view;
    view.resize(1400, 800);
    std::vector<double> fitMs, drawMs;
    int curves = 0;
    using Clock = std::chrono::steady_clock;
    const auto msSince = [](Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); };
    for (int r = 0; r < 30; ++r) {
        sel.xIsTokens = r % 2 == 1;   // alternate the axis, as a user toggling it would
        auto t0 = Clock::now();
        const auto plot = gui::ScalingController::computePlot(sel, source, runs);
        fitMs.push_back(msSince(t0));
        t0 = Clock::now();
        view.setPlot(plot);
        (void)view.grab();   // lays out and paints both charts
        drawMs.push_back(msSince(t0));
        curves = int(plot.curves.size());
    }
    std::sort(fitMs.begin(), fitMs.end());
    std::sort(drawMs.begin(), drawMs.end());
    size_t points = 0;
    for (const auto& p : source) points += p.set == "isoflop_ctx8192";
    std::printf("%-36s %4zu + %4zu points, %2d curves: fit median %6.2f ms (max %6.2f), draw median %6.1f ms (max %6.1f)\n",
                what, points, runs.size(), curves, fitMs[fitMs.size() / 2], fitMs.back(), drawMs[drawMs.size() / 2],
                drawMs.back());
}

}  // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    std::printf("bench/scaling_refit: one Scaling view refit (ScalingController::computePlot), 30 repeats\n");
    const auto paper = paperPoints();
    measure("paper T=8192, both architectures", paper, {});
    measure("paper T=8192 + 500 of your runs", paper, syntheticRuns(250));
    measure("paper T=8192 + 1000 of your runs", paper, syntheticRuns(500));
    return 0;
}
