// SPDX-License-Identifier: MIT
// Compute-optimal frontier: the IsoFLOP minima x*(C) of each architecture on log-log axes with the
// fitted power law x* = A C^a drawn across the union of all series' budgets (so two laws compare at
// the same C), its bootstrap band shaded, the exponent in the legend, a readout on hover.
#pragma once

#include <QChartView>

#include "scaling_plot_data.h"

namespace seqscope::widgets {

class FrontierChartView : public QChartView {
    Q_OBJECT
public:
    explicit FrontierChartView(QWidget* parent = nullptr);
    // `tokens`: the y quantity is D* (each series' dLaw is drawn), else N* (nLaw).
    void setSeries(const QVector<FrontierSeries>& series, const QString& yTitle, bool tokens = false);
    int bandCount() const { return m_bands; }   // shaded bootstrap bands drawn (tests)
    // Rings the frontier points the highlight names and dims the rest; kept across setSeries. Only a
    // Frontier highlight applies to this chart; any other draws it plainly.
    void setHighlight(const ScalingHighlight& highlight);
    const ScalingHighlight& highlight() const { return m_highlight; }
    int highlightCount() const { return m_highlighted; }   // points ringed (tests)

private:
    QVector<FrontierSeries> m_series;
    QString m_yTitle;        // "N*", for the hover readout
    QString m_axisTitle;     // setSeries' yTitle, to redraw
    bool m_tokens = false;
    ScalingHighlight m_highlight;
    int m_bands = 0;
    int m_highlighted = 0;
};

}  // namespace seqscope::widgets
