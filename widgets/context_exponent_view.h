// SPDX-License-Identifier: MIT
// The context study's finding at a glance: the exponent a of x*(T) = A T^a for every budget (x axis,
// one category per budget) and architecture, with its standard error as a bar and a line at zero.
// Budgets keep their colours and architectures their markers from the N*(T) chart. A Transformer well
// below the line and an xLSTM near it is the paper's result (scaling-laws.md 11).
#pragma once

#include <QChartView>

#include "context_plot_data.h"

namespace seqscope::widgets {

class ContextExponentView : public QChartView {
    Q_OBJECT
public:
    explicit ContextExponentView(QWidget* parent = nullptr);
    // Draws the N* laws' exponents, or the D* laws' when `tokens`; series without a law are left out.
    void setSeries(const QVector<ContextSeries>& series, bool tokens);
};

}  // namespace seqscope::widgets
