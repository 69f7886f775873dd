// SPDX-License-Identifier: MIT
// Update cost of the Calculator view (issue 19): one knob change = the controller's engine numbers
// for both architectures (CalculatorController::compute) plus the view's update (table, stacked
// bars, memory curve) and, separately, a repaint of the whole view (QWidget::grab, offscreen). 400
// changes that alternate the context (1K..1M) and the width (256..4096), as a slider drag would.
//   QT_QPA_PLATFORM=offscreen build/bench/calculator_update
#include <QApplication>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

#include "calculator_controller.h"
#include "calculator_view.h"

using namespace seqscope;

namespace {

using Clock = std::chrono::steady_clock;
double msSince(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

void report(const char* what, std::vector<double> ms) {
    std::sort(ms.begin(), ms.end());
    std::printf("%-44s median %7.3f ms   p95 %7.3f ms   max %7.3f ms\n", what, ms[ms.size() / 2], ms[ms.size() * 95 / 100],
                ms.back());
}

}  // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    widgets::CalculatorView view;
    gui::CalculatorController controller(&view);
    view.resize(1400, 860);
    view.show();
    QApplication::processEvents();
    std::printf("bench/calculator_update: 400 knob changes, both architectures (%s)\n", qPrintable(QApplication::platformName()));

    std::vector<double> computeMs, updateMs, paintMs;
    widgets::CalculatorInputs in = view.inputs();
    for (int i = 0; i < 400; ++i) {
        if (i % 2 == 0) in.context = 1LL << (10 + (i / 2) % 11);
        else in.dModel = 256 * (1 + (i / 2) % 16), in.xlstmHeads = 4, in.transformerHeads = in.dModel / 64;
        auto t0 = Clock::now();
        const auto result = controller.compute(in);
        computeMs.push_back(msSince(t0));
        t0 = Clock::now();
        view.setInputs(in);   // emits inputsChanged -> controller computes -> view.setResult
        updateMs.push_back(msSince(t0));
        t0 = Clock::now();
        (void)view.grab();    // lays out and paints the table and both charts
        paintMs.push_back(msSince(t0));
        if (!result.xlstm.valid || !result.transformer.valid) {
            std::fprintf(stderr, "invalid shape at change %d: %s%s\n", i, qPrintable(result.xlstm.error),
                         qPrintable(result.transformer.error));
            return 1;
        }
    }
    report("engine numbers (CalculatorController::compute)", computeMs);
    report("knob change -> numbers shown (setInputs)", updateMs);
    report("repaint of the whole view (grab)", paintMs);
    std::vector<double> total(updateMs.size());
    for (size_t i = 0; i < total.size(); ++i) total[i] = updateMs[i] + paintMs[i];
    report("change + repaint", total);
    return 0;
}
