// SPDX-License-Identifier: MIT
// IsoFLOP chart: final loss against model size (or tokens) on a log axis, one colour per compute
// budget, the fitted parabola through each budget's runs and its minimum marked. Architectures share
// the axes and differ by marker (xLSTM circles, Transformer squares) and line style (solid, dashed).
// A point standing for replicate runs (other seeds) carries a one-standard-deviation error bar.
#pragma once

#include <QChartView>

#include "scaling_plot_data.h"

class QXYSeries;

namespace seqscope::widgets {

class IsoflopChartView : public QChartView {
    Q_OBJECT
public:
    explicit IsoflopChartView(QWidget* parent = nullptr);
    // Replaces everything drawn. `xTitle` names the x quantity ("Parameters N"); `leftOut` are points
    // the user left out of the fits (grey crosses).
    void setCurves(const QVector<IsoflopCurve>& curves, const QString& xTitle, const ScalingPlot::LeftOut& leftOut = {});
    int curveCount() const { return m_curves.size(); }
    int errorBarCount() const { return m_errorBars; }   // replicate groups drawn with a spread (tests)
    // Rings the minima (stars) the highlight names and dims the rest; kept across setCurves. Only a
    // Minima highlight applies to this chart; any other draws it plainly.
    void setHighlight(const ScalingHighlight& highlight);
    const ScalingHighlight& highlight() const { return m_highlight; }
    int highlightCount() const { return m_highlighted; }   // stars ringed (tests)

signals:
    // Shift+click on a point: leave it out of the fits, or bring it back (its pointKey).
    void pointToggled(const QString& key);

private:
    void attachToggles(QXYSeries* series, const QVector<QString>& keys);

    QVector<IsoflopCurve> m_curves;
    QString m_xTitle;
    ScalingPlot::LeftOut m_leftOut;
    ScalingHighlight m_highlight;
    int m_errorBars = 0;
    int m_highlighted = 0;
};

}  // namespace seqscope::widgets
