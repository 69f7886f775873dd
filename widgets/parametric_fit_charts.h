// SPDX-License-Identifier: MIT
// The Parametric view's smaller charts, each drawing one aspect of a fit:
//   PredictedChartView     predicted against observed loss, with the identity line
//   ResidualChartView      residuals (observed / predicted - 1) against N, one series per budget
//   LossComputeChartView   observed loss against compute with the compute-optimal loss L*(C)
//   DeltaStripView         alpha, beta (and gamma) of fits at Huber deltas 1e-5 .. 1e-1
#pragma once

#include <QChartView>
#include <QColor>

#include "parametric_plot_data.h"

namespace seqscope::widgets {

class PredictedChartView : public QChartView {
    Q_OBJECT
public:
    explicit PredictedChartView(QWidget* parent = nullptr);
    void setPlot(const ParametricPlot& plot);
    int pointCount() const { return m_points; }

private:
    int m_points = 0;
};

class ResidualChartView : public QChartView {
    Q_OBJECT
public:
    explicit ResidualChartView(QWidget* parent = nullptr);
    void setPlot(const ParametricPlot& plot);
    int budgetSeriesCount() const { return m_series; }

private:
    int m_series = 0;
};

class LossComputeChartView : public QChartView {
    Q_OBJECT
public:
    explicit LossComputeChartView(QWidget* parent = nullptr);
    void setPlot(const ParametricPlot& plot);
};

class DeltaStripView : public QChartView {
    Q_OBJECT
public:
    explicit DeltaStripView(QWidget* parent = nullptr);
    void setPlot(const ParametricPlot& plot);
    int deltaCount() const { return m_deltas; }
    // Line colours of alpha, beta, gamma (the side panel's key uses them).
    static QColor exponentColor(int index);

private:
    int m_deltas = 0;
};

}  // namespace seqscope::widgets
