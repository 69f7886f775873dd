// SPDX-License-Identifier: MIT
// View files for the workbench (view_state.h): what is captured from which view, and how it is put
// back through each view's own setters (the Scaling view's source, set and filters, the loss chart's
// ranges, the Runs panel's selection, the Calculator's knobs).
#include <algorithm>

#include "calculator_view.h"
#include "loss_chart_view.h"
#include "main_window.h"
#include "run_browser.h"
#include "scaling_controller.h"
#include "scaling_view.h"
#include "view_state.h"
#include "workbench.h"

namespace seqscope::gui {

ViewState Workbench::captureViewState() const {
    ViewState s;
    s.view = m_window->currentViewId();
    const widgets::ScalingSelection sel = m_scaling->selection();
    s.source = sel.source;
    ScalingFilters f;
    f.set = sel.set;
    f.archs = sel.archs;
    f.xIsTokens = sel.xIsTokens;
    f.withRuns = sel.withRuns;
    f.includeExcluded = sel.includeExcluded;
    f.paperBudgetRange = sel.paperBudgetRange;
    s.filters = f;
    if (const double c = m_scaling->budgetQuery(); c >= 1) s.budgetFlops = c;
    const widgets::CurveViewOptions& options = m_lossChart->options();
    LossRanges ranges;
    ranges.logX = options.logX;
    ranges.logY = options.logY;
    if (options.yMode == widgets::YRangeMode::Manual) ranges.y = std::make_pair(options.manualYMin, options.manualYMax);
    s.lossRanges = ranges;
    QList<qint64> runs;
    for (long long id : m_browser->selectedRunIds()) runs << id;
    std::sort(runs.begin(), runs.end());   // a selection is a set; files compare and diff stably
    s.selectedRuns = runs;
    s.calculator = m_calculator->inputs();
    return s;
}

bool Workbench::applyViewState(const ViewState& s, QString* error) {
    if (!m_window->viewIds().contains(s.view)) {
        *error = tr("the view file names view '%1', which this workbench does not have (views: %2)")
                     .arg(s.view, m_window->viewIds().join(QStringLiteral(", ")));
        return false;
    }
    if (s.source && !selectScalingSource(*s.source)) {
        *error = tr("the view file's source '%1' is not in this database").arg(*s.source);
        return false;
    }
    if (s.filters) {
        const ScalingFilters& f = *s.filters;
        if (!f.set.isEmpty() && !m_scaling->selectSet(f.set)) {
            *error = tr("the view file's experiment set '%1' is not in source '%2'").arg(f.set, m_scaling->selection().source);
            return false;
        }
        widgets::ScalingSelection filters = m_scaling->selection();
        filters.archs = f.archs;
        filters.xIsTokens = f.xIsTokens;
        filters.withRuns = f.withRuns;
        filters.includeExcluded = f.includeExcluded;
        filters.paperBudgetRange = f.paperBudgetRange;
        m_scaling->setFilters(filters);
    }
    if (s.budgetFlops) m_scaling->setBudgetQuery(*s.budgetFlops);
    if (s.lossRanges) {
        widgets::CurveViewOptions options = m_lossChart->options();
        options.logX = s.lossRanges->logX;
        options.logY = s.lossRanges->logY;
        if (s.lossRanges->y) {
            options.yMode = widgets::YRangeMode::Manual;
            options.manualYMin = s.lossRanges->y->first;
            options.manualYMax = s.lossRanges->y->second;
        } else if (options.yMode == widgets::YRangeMode::Manual) {
            options.yMode = widgets::YRangeMode::Robust;
        }
        if (!m_lossChart->setOptions(options)) {
            *error = tr("the view file's loss-chart ranges are not valid (a log axis needs positive values)");
            return false;
        }
    }
    if (s.selectedRuns) m_browser->selectRuns(QList<long long>(s.selectedRuns->begin(), s.selectedRuns->end()));
    if (s.calculator) m_calculator->setInputs(*s.calculator);
    m_window->showView(s.view);
    if (!s.title.isEmpty()) m_window->setActivityText(s.title);
    return true;
}

bool Workbench::openViewFile(const QString& path, QString* error) {
    ViewState state;
    return loadViewState(path, &state, error) && applyViewState(state, error);
}

}  // namespace seqscope::gui
