// SPDX-License-Identifier: MIT
// The IsoFLOP sweep dialog: budgets, contexts, architectures and sizes per budget, with the plan
// table (configuration, N, D, steps, FLOPs, estimated time) recomputed as values change by the same
// planner as `seqscope-cli sweep isoflop --plan-only`, before anything starts. The training
// controller creates and queues exactly this plan.
#pragma once

#include <QDialog>
#include <QStringList>

#include "runs/run_estimate.h"
#include "training/sweep_plan.h"

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace seqscope::gui {

class SweepDialog : public QDialog {
    Q_OBJECT
public:
    explicit SweepDialog(QWidget* parent = nullptr);
    // Rates measured on this machine for the time estimate; when unknown the dialog times one probe
    // step of the sweep's median run (runs/run_estimate.h).
    void setThroughput(const runs::Throughput& throughput);
    // The options for the current values (the engine's sweep defaults for everything the dialog does
    // not ask); false with *error naming the invalid value.
    bool options(training::SweepOptions* options, QString* error) const;
    // The plan for the current values, with time estimates; status not ok names the invalid value.
    training::SweepPlan plan() const;
    int plannedRuns() const;
    QString problemText() const;

private:
    void replan();

    QLineEdit* m_budgets = nullptr;
    QLineEdit* m_contexts = nullptr;
    QCheckBox* m_xlstm = nullptr;
    QCheckBox* m_transformer = nullptr;
    QSpinBox* m_sizes = nullptr;
    QTableWidget* m_table = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_problem = nullptr;
    QPushButton* m_start = nullptr;
    runs::Throughput m_throughput;
    mutable runs::Throughput m_probed;      // the last probe's rates, reused while the shapes stay
    mutable std::string m_probedKey;
};

}  // namespace seqscope::gui
