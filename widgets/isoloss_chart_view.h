// SPDX-License-Identifier: MIT
// Iso-loss chart of a parametric fit: the (N, D) plane on log axes with contours of the fitted
// L(N, D), the iso-FLOP lines D = C / (k N) of the data's budgets, the compute-optimal path
// (N*(C), D*(C)) and the observed points coloured by budget (the user's runs hollow triangles).
#pragma once

#include <QChartView>

#include "parametric_plot_data.h"

namespace seqscope::widgets {

class IsolossChartView : public QChartView {
    Q_OBJECT
public:
    explicit IsolossChartView(QWidget* parent = nullptr);
    void setPlot(const ParametricPlot& plot);   // replaces everything drawn
    int contourCount() const { return m_contours; }
    int isoFlopCount() const { return m_isoFlop; }
    int pathPoints() const { return m_path; }

private:
    int m_contours = 0, m_isoFlop = 0, m_path = 0;
};

}  // namespace seqscope::widgets
