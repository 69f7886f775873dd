// SPDX-License-Identifier: MIT
// A view file (File -> Save View / Open View, `seqscope --open-view FILE`): which view is shown,
// its source, filters, ranges and selection, and the Calculator's knobs, as a small JSON document a
// lecturer can prepare as slides. Every field but the view is optional; a missing field leaves
// that part of the workbench as it is. Format (version 1):
//   {"format": "seqscope-view", "version": 1, "view": "scaling", "title": "...",
//    "source": "xlstm-paper",
//    "filters": {"set": "isoflop_ctx8192", "archs": ["xlstm", "transformer"], "x_axis": "params",
//                "with_runs": true, "include_excluded": false, "paper_budget_range": true},
//    "ranges": {"budget_flops": 1e22, "loss_log_x": false, "loss_log_y": true, "loss_y": [2.5, 4]},
//    "selection": {"runs": [3, 4]},
//    "calculator": {"d_model": 768, "layers": 12, "xlstm_heads": 6, "transformer_heads": 12,
//                   "vocab": 50304, "context": 8192, "batch": 1, "precision": "bf16",
//                   "tokens": 3.3e9, "compute": 1e22}}
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

#include "calculator_data.h"

namespace seqscope::gui {

struct ScalingFilters {
    QString set;                 // experiment set ("isoflop_ctx8192"); empty = leave
    QStringList archs;           // architectures drawn
    bool xIsTokens = false;      // x axis: false N, true D
    bool withRuns = true;
    bool includeExcluded = false;
    bool paperBudgetRange = true;
    bool operator==(const ScalingFilters& o) const {
        return set == o.set && archs == o.archs && xIsTokens == o.xIsTokens && withRuns == o.withRuns &&
               includeExcluded == o.includeExcluded && paperBudgetRange == o.paperBudgetRange;
    }
};

struct LossRanges {
    bool logX = false, logY = false;
    std::optional<std::pair<double, double>> y;   // manual y range; none = robust automatic
    bool operator==(const LossRanges& o) const { return logX == o.logX && logY == o.logY && y == o.y; }
};

struct ViewState {
    QString view;                                  // a MainWindow view id or alias ("scaling", "calculator")
    QString title;                                 // a caption shown in the status bar (slides)
    std::optional<QString> source;                 // scaling source key
    std::optional<ScalingFilters> filters;
    std::optional<double> budgetFlops;             // the Scaling view's "what does C buy"
    std::optional<LossRanges> lossRanges;
    std::optional<QList<qint64>> selectedRuns;
    std::optional<widgets::CalculatorInputs> calculator;
    bool operator==(const ViewState& o) const {
        return view == o.view && title == o.title && source == o.source && filters == o.filters &&
               budgetFlops == o.budgetFlops && lossRanges == o.lossRanges && selectedRuns == o.selectedRuns &&
               calculator == o.calculator;
    }
};

inline constexpr int kViewFileVersion = 1;

QByteArray viewStateToJson(const ViewState& state);
// Parses a view file; false with a translated *error naming the field at fault.
bool viewStateFromJson(const QByteArray& json, ViewState* state, QString* error);
bool saveViewState(const QString& path, const ViewState& state, QString* error);
bool loadViewState(const QString& path, ViewState* state, QString* error);

}  // namespace seqscope::gui
