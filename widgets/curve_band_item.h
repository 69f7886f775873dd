// SPDX-License-Identifier: MIT
// Filled bands of the loss chart's seed groups (issue 20): for each group the area between its
// band's lower and upper edge (mean -/+ std or stderr, or min to max; curve_groups.h), in the
// group's colour, faded, under the mean lines. Points are in display space; the item maps them
// to the plot area (PlotOverlayItem). Vector drawing, so SVG and PDF exports keep the bands.
#pragma once

#include <QColor>
#include <QPointF>
#include <QVector>

#include "plot_overlay_item.h"

namespace seqscope::widgets {

class CurveBandItem : public PlotOverlayItem {
public:
    struct Band {
        QColor color;
        QVector<QPointF> lo, hi;  // same x, increasing
    };
    static constexpr int kFillAlpha = 60;  // of 255

    explicit CurveBandItem(QGraphicsItem* parent = nullptr);
    void setBands(QVector<Band> bands);
    const QVector<Band>& bands() const { return m_bands; }

    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QVector<Band> m_bands;
};

}  // namespace seqscope::widgets
