// SPDX-License-Identifier: MIT
// Filled bands of the loss chart's seed groups (issue 20): for each group the area between its
// band's lower and upper edge (mean -/+ std or stderr, or min to max; curve_groups.h), in the
// group's colour, faded, under the mean lines. Points are in display space; the item maps them
// to the plot area like EnvelopeItem. Vector drawing, so SVG and PDF exports keep the bands.
#pragma once

#include <QColor>
#include <QGraphicsItem>
#include <QPointF>
#include <QVector>

namespace seqscope::widgets {

class CurveBandItem : public QGraphicsItem {
public:
    struct Band {
        QColor color;
        QVector<QPointF> lo, hi;  // same x, increasing
    };
    static constexpr int kFillAlpha = 60;  // of 255

    explicit CurveBandItem(QGraphicsItem* parent = nullptr);
    void setGeometry(const QRectF& plotArea, double x0, double x1, double y0, double y1);
    void setBands(QVector<Band> bands);
    const QVector<Band>& bands() const { return m_bands; }

    QRectF boundingRect() const override { return m_area; }
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QRectF m_area;
    double m_x0 = 0, m_x1 = 1, m_y0 = 0, m_y1 = 1;
    QVector<Band> m_bands;
};

}  // namespace seqscope::widgets
