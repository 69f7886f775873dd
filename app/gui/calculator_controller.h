// SPDX-License-Identifier: MIT
// Feeds the Calculator view: turns its knobs into both architectures' shapes (makeShape with the
// paper's factors, as `seqscope-cli flops --arch ... --d-model ...` does) and every number through
// the engine (analysis/model_costs.h, which gathers accounting.h and inference_accounting.h).
// Decode step times come from the runtime model (analysis/runtime_model.h) fitted once per
// architecture, all sizes pooled, to the paper's H100 measurements and to this database's own
// benchmark points, both in physical decode accounting; compute budgets go through the frontier
// laws the Scaling view fitted (setFrontier). Everything runs on the GUI thread: one update is a
// few microseconds of arithmetic (bench/calculator_update).
#pragma once

#include <QObject>
#include <QVector>

#include "analysis/runtime_model.h"
#include "calculator_data.h"
#include "scaling_plot_data.h"

namespace seqscope::storage {
class Store;
}
namespace seqscope::widgets {
class CalculatorView;
}

namespace seqscope::gui {

class CalculatorController : public QObject {
    Q_OBJECT
public:
    // Feeds `view` (not owned; may be null for tests of the numbers alone).
    explicit CalculatorController(widgets::CalculatorView* view = nullptr, QObject* parent = nullptr);

    // The database whose benchmark points give "this machine's" step times (null: none).
    void setStore(storage::Store* store);
    // The compute-optimal frontier laws to answer "what does C buy" (the Scaling view's plot).
    void setFrontier(const QVector<widgets::FrontierSeries>& frontier, const QString& title);

    // Every number for `inputs`, synchronously.
    widgets::CalculatorResult compute(const widgets::CalculatorInputs& inputs) const;
    // The paper's six scaling-study sizes and the four CPU sizes, both architectures each.
    static QVector<widgets::CalculatorPreset> presets();

private:
    void update();

    widgets::CalculatorView* m_view = nullptr;
    analysis::StepFit m_h100[2];    // [0] xLSTM, [1] Transformer
    analysis::StepFit m_local[2];
    int m_h100Points[2] = {0, 0};
    int m_localPoints[2] = {0, 0};
    QString m_h100Problem;
    QVector<widgets::FrontierSeries> m_frontier;
    QString m_frontierTitle;
};

}  // namespace seqscope::gui
