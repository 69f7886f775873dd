// SPDX-License-Identifier: MIT
// IsoFLOP chart: final loss against model size (or tokens) on a log axis, one colour per compute
// budget, the fitted parabola through each budget's runs and its minimum marked. Architectures share
// the axes and differ by marker (xLSTM circles, Transformer squares) and line style (solid, dashed).
#pragma once

#include <QChartView>

#include "scaling_plot_data.h"

namespace seqscope::widgets {

class IsoflopChartView : public QChartView {
    Q_OBJECT
public:
    explicit IsoflopChartView(QWidget* parent = nullptr);
    // Replaces everything drawn. `xTitle` names the x quantity ("Parameters N").
    void setCurves(const QVector<IsoflopCurve>& curves, const QString& xTitle);
    int curveCount() const { return m_curves.size(); }

private:
    QVector<IsoflopCurve> m_curves;
};

}  // namespace seqscope::widgets
