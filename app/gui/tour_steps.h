// SPDX-License-Identifier: MIT
// The tour's script: the paper's findings in ten steps on the built-in data. Each step is a view
// state (view_state.h: which view, source, filters, budget, Calculator knobs), at most two
// sentences on what to look at, and a "try it yourself" that shows the same effect on this
// machine in minutes: a mini IsoFLOP sweep, a sweep at two contexts, or a CPU inference benchmark.
#pragma once

#include <QString>
#include <QVector>

#include "scaling_plot_data.h"
#include "view_state.h"

namespace seqscope::gui {

enum class TryItKind {
    IsoflopSweep,    // both architectures, two budgets, context 256 (planDemoSweep)
    ContextSweep,    // both architectures, one budget, contexts 128 and 512
    Benchmark,       // seqscope-cli bench inference of the CPU 3M pair at 256, 1024, 4096 tokens
};

struct TourStep {
    QString id;          // stable: "isoflop", "frontier", ... (tests, docs/tour.md screenshots)
    QString title;
    QString text;        // what to look at: at most two sentences
    ViewState state;
    TryItKind tryIt = TryItKind::IsoflopSweep;
    widgets::ScalingHighlight highlight;   // what the Scaling view rings for this step (none by default)
};

QVector<TourStep> tourSteps();

// Target time of a "try it yourself" sweep on this machine.
inline constexpr double kTryItSeconds = 300;

}  // namespace seqscope::gui
