// SPDX-License-Identifier: MIT
// Context chart: compute-optimal N* (or D*) against context length T on log-log axes, one series per
// (architecture, budget) with its fitted law x*(T) = A T^a drawn across the contexts. Budgets take the
// Scaling view's colours; architectures its markers and line styles (xLSTM circles and solid lines,
// Transformer squares and dashes, the user's runs hollow triangles and dotted lines).
#pragma once

#include <QChartView>

#include "context_plot_data.h"

namespace seqscope::widgets {

class ContextChartView : public QChartView {
    Q_OBJECT
public:
    explicit ContextChartView(QWidget* parent = nullptr);
    // Replaces everything drawn; `tokens` draws D* instead of N*.
    void setSeries(const QVector<ContextSeries>& series, bool tokens);

private:
    QVector<ContextSeries> m_series;
};

}  // namespace seqscope::widgets
