// SPDX-License-Identifier: MIT
// Latency against context: time to first token or decode step time over the prefill length (log2
// axis), one line per model, xLSTM solid and Transformer dashed, shades by model size.
#pragma once

#include <QChartView>
#include <QColor>
#include <QPointF>
#include <QVector>

namespace seqscope::widgets {

struct LatencySeries {
    QString label;              // legend, e.g. "xLSTM 7B"
    QString arch;               // "xlstm" | "transformer": line style
    QColor color;
    QVector<QPointF> points;    // (prefill tokens > 0, milliseconds > 0)
};

class LatencyChartView : public QChartView {
    Q_OBJECT
public:
    explicit LatencyChartView(QWidget* parent = nullptr);
    void setSeries(const QVector<LatencySeries>& series, const QString& yTitle, bool logY);
    int seriesCount() const { return m_count; }

private:
    int m_count = 0;
};

// Shade `index` of `count` of an architecture's colour: small models light, large ones dark.
QColor archShade(const QString& arch, int index, int count);

}  // namespace seqscope::widgets
