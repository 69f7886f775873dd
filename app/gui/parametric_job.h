// SPDX-License-Identifier: MIT
// One parametric fit as the Parametric view asks for it, run start to finish on a worker thread:
// the L(N, D) fit from the chosen grid, optional bootstrap, the leave-one-budget-out refits of the
// three largest budgets and the Huber-delta sweep (9 deltas, 1e-5 .. 1e-1), then the plain plot
// values the widgets draw. Also the `fits` table record that keeps its provenance (source,
// selection, options, program version), written the way `seqscope-cli fit parametric` writes it.
#pragma once

#include <QHash>
#include <QString>
#include <atomic>
#include <functional>
#include <vector>

#include "analysis/parametric_bootstrap.h"
#include "analysis/parametric_checks.h"
#include "analysis/parametric_fit.h"
#include "analysis/scaling_point.h"
#include "parametric_plot_data.h"
#include "storage/records.h"

namespace seqscope::gui {

struct ParametricJob {
    widgets::ParametricSelection selection;
    QString sourceTitle;                           // for the plot's title
    bool ownPoints = false;                        // the source is made of this database's runs
    std::vector<analysis::ScalingPoint> points;    // the runs to fit (one architecture)
    std::vector<analysis::ScalingPoint> overlay;   // the user's runs drawn beside them, not fitted
    QHash<QString, QString> runNames;              // run id -> name, for hover text
    int holdoutBudgets = 3;                        // leave-one-budget-out rows (largest first)
    int deltaCount = 9;                            // Huber deltas log-spaced over [1e-5, 1e-1]
};

struct ParametricOutcome {
    Status status;                                 // Cancelled when the user (or a newer fit) stopped it
    analysis::ParametricFit fit;
    analysis::ParametricBootstrap bootstrap;
    std::vector<analysis::BudgetHoldout> holdouts;
    std::vector<analysis::DeltaFit> deltas;
    widgets::ParametricPlot plot;
};

// The fit options a selection asks for (grid by name: paper, epoch, coarse).
analysis::ParametricOptions fitOptionsFor(const widgets::ParametricSelection& selection);

// Runs everything. `cancel` may be null; `progress(done, total)` (may be empty) is called from
// worker threads with a monotone `done` over all stages.
ParametricOutcome runParametricJob(const ParametricJob& job, const std::atomic<bool>* cancel,
                                   const std::function<void(int done, int total)>& progress);

// The `fits` row of a successful outcome: kind "parametric", selection with source and version.
storage::FitRecord fitRecordFor(const ParametricJob& job, const ParametricOutcome& outcome);

}  // namespace seqscope::gui
