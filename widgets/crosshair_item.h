// SPDX-License-Identifier: MIT
// Hover crosshair of the loss chart: a vertical line at the cursor's x, a dot on every run's drawn
// line there, and a box listing each run's value sorted by value (anchors R20; TensorBoard #1019).
// Pinned readouts stay put while the mouse moves on and are drawn with a pin mark.
#pragma once

#include <QColor>
#include <QGraphicsItem>
#include <QString>
#include <QVector>

namespace seqscope::widgets {

class CrosshairItem : public QGraphicsItem {
public:
    struct Row {
        QColor color;
        QString label;
        QString value;     // formatted, as drawn
        QString detail;    // e.g. "raw 3.214" (may be empty)
        qreal sceneY = 0;  // y of the run's point in parent coordinates (for the dot); NaN = no dot
    };

    explicit CrosshairItem(QGraphicsItem* parent = nullptr);

    // plotArea and x in parent coordinates; header e.g. "step 12,000".
    void setContent(const QRectF& plotArea, qreal x, const QString& header, QVector<Row> rows, bool pinned);
    void setPalette(const QColor& text, const QColor& base, const QColor& line);

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QRectF boxRect() const;

    QRectF m_area;
    qreal m_x = 0;
    QString m_header;
    QVector<Row> m_rows;
    bool m_pinned = false;
    QColor m_text = Qt::black, m_base = Qt::white, m_line = Qt::gray;
};

}  // namespace seqscope::widgets
