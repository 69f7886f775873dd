// SPDX-License-Identifier: MIT
// The Parametric view's side panel: the fitted coefficients (with bootstrap intervals when there
// are resamples), the leave-one-budget-out table (the largest budget first: fitted without it,
// how well the law predicts it) and the Huber-delta sensitivity strip.
#pragma once

#include <QWidget>

#include "parametric_plot_data.h"

class QLabel;
class QTableWidget;

namespace seqscope::widgets {

class DeltaStripView;

class ParametricSidePanel : public QWidget {
    Q_OBJECT
public:
    explicit ParametricSidePanel(QWidget* parent = nullptr);
    void setPlot(const ParametricPlot& plot);
    void clear(const QString& message);   // no fit yet, or it failed

    const QTableWidget* holdoutTable() const { return m_holdouts; }
    const DeltaStripView* deltaStrip() const { return m_deltaStrip; }
    QString coefficientText() const;

private:
    QLabel* m_coefficients = nullptr;
    QTableWidget* m_holdouts = nullptr;
    QLabel* m_deltaTitle = nullptr;
    DeltaStripView* m_deltaStrip = nullptr;
};

}  // namespace seqscope::widgets
