// SPDX-License-Identifier: MIT
// Compute-optimal frontier: the IsoFLOP minima x*(C) of each architecture on log-log axes with the
// fitted power law x* = A C^a drawn across the budgets, the exponent in the legend.
#pragma once

#include <QChartView>

#include "scaling_plot_data.h"

namespace seqscope::widgets {

class FrontierChartView : public QChartView {
    Q_OBJECT
public:
    explicit FrontierChartView(QWidget* parent = nullptr);
    void setSeries(const QVector<FrontierSeries>& series, const QString& yTitle);

private:
    QVector<FrontierSeries> m_series;
};

}  // namespace seqscope::widgets
