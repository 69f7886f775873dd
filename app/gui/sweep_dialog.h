// SPDX-License-Identifier: MIT
// The IsoFLOP sweep dialog: budgets, contexts, architectures and sizes per budget, with the plan
// table (configuration, N, D, steps, FLOPs, estimated time) recomputed as values change, exactly as
// `seqscope-cli sweep isoflop --plan-only` prints it, before anything starts.
#pragma once

#include <QDialog>
#include <QStringList>

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
    // The plan for the current values; status not ok names the invalid value.
    training::SweepPlan plan() const;
    // Arguments for `seqscope-cli` that run this sweep (without --db).
    QStringList commandArguments() const;
    int plannedRuns() const;
    QString problemText() const;

private:
    bool readOptions(training::SweepOptions* options, QString* error) const;
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
};

}  // namespace seqscope::gui
