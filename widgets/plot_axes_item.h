// SPDX-License-Identifier: MIT
// The loss chart's axes, drawn by the chart itself (issue 20): grid lines, the plot's left and
// bottom edges, tick labels and the two titles. Qt Charts' QCategoryAxis rebuilt its categories,
// relaid out the chart and shaped every label again on each zoom or streaming frame (~10 ms of a
// 1,350-px frame, more than the curves); here a label is shaped once into a QStaticText and a frame
// only moves it. The Qt Charts axes stay, hidden, to map the series that Qt Charts still strokes.
// The item paints in the margins around the plot area; requiredMargins() says how wide they must be.
#pragma once

#include "axis_ticks.h"
#include "plot_overlay_item.h"

#include <QColor>
#include <QFont>
#include <QHash>
#include <QMargins>
#include <QStaticText>
#include <QVector>

namespace seqscope::widgets {

class PlotAxesItem : public PlotOverlayItem {
public:
    explicit PlotAxesItem(QGraphicsItem* parent = nullptr);

    // Ticks in display space (labels drawn only for ticks inside the visible range).
    void setTicks(const QVector<AxisTick>& x, const QVector<AxisTick>& y);
    void setTitles(const QString& x, const QString& y);
    void setColors(const QColor& text, const QColor& grid);
    void setFonts(const QFont& labels, const QFont& titles);

    const QVector<AxisTick>& xTicks() const { return m_xTicks; }
    const QVector<AxisTick>& yTicks() const { return m_yTicks; }
    const QString& xTitle() const { return m_xTitle; }
    const QString& yTitle() const { return m_yTitle; }

    // Room outside the plot area the labels and titles need: left (y labels and title) and bottom
    // (x labels and title), in item units.
    int requiredLeft() const;
    int requiredBottom() const;

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    const QStaticText& label(const QString& text);  // shaped once, kept while it is on an axis
    void pruneLabels();

    QVector<AxisTick> m_xTicks, m_yTicks;
    QString m_xTitle, m_yTitle;
    QColor m_text, m_grid;
    QFont m_labelFont, m_titleFont;
    QHash<QString, QStaticText> m_labels;
};

}  // namespace seqscope::widgets
