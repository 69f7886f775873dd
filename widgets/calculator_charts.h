// SPDX-License-Identifier: MIT
// The Calculator's two charts. Both are built once and updated in place (bar values replaced,
// series replace()d), so a slider drag redraws within a frame.
//   FlopSplitChart:     forward FLOPs per token of both architectures as stacked columns
//                       (projections, feed-forward, attention / mLSTM cell, logits).
//   ContextMemoryChart: inference memory (weights + KV cache or mLSTM state) against context,
//                       1K to 1M tokens, with the 24/48/80/141 GB cards drawn across it and the
//                       point where each architecture stops fitting marked.
#pragma once

#include <QChartView>
#include <QVector>

#include "calculator_data.h"

class QBarSet;
class QCategoryAxis;
class QGraphicsSimpleTextItem;
class QStackedBarSeries;
class QLineSeries;
class QLogValueAxis;
class QScatterSeries;
class QValueAxis;

namespace seqscope::widgets {

// Colour of FLOP part `part` (0 projections, 1 feed-forward, 2 attention / mLSTM cell, 3 logits).
QColor flopPartColor(int part);

class FlopSplitChart : public QChartView {
    Q_OBJECT
public:
    explicit FlopSplitChart(QWidget* parent = nullptr);
    void setValues(const CalculatorArch& xlstm, const CalculatorArch& transformer);
    // The value drawn for part `part` (0 projections .. 3 logits) of bar `bar` (0 xLSTM, 1 Transformer), in FLOPs.
    double value(int part, int bar) const;

private:
    QStackedBarSeries* m_series = nullptr;
    QVector<QBarSet*> m_sets;
    QValueAxis* m_axis = nullptr;
    double m_scale = 1;   // FLOPs per axis unit
    double m_values[4][2] = {};
};

class ContextMemoryChart : public QChartView {
    Q_OBJECT
public:
    explicit ContextMemoryChart(QWidget* parent = nullptr);
    void setValues(const CalculatorArch& xlstm, const CalculatorArch& transformer);
    static QVector<double> capacitiesGB() { return {24, 48, 80, 141}; }

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void placeLabels();

    QLineSeries* m_xlstm = nullptr;
    QLineSeries* m_transformer = nullptr;
    QScatterSeries* m_limits = nullptr;         // where the Transformer stops fitting a card
    QVector<QLineSeries*> m_capacity;
    QVector<QGraphicsSimpleTextItem*> m_capacityLabels;
    QCategoryAxis* m_x = nullptr;               // log2(context), labelled 1K..1M
    QLogValueAxis* m_y = nullptr;               // GB
    QStringList m_limitTips;
};

}  // namespace seqscope::widgets
