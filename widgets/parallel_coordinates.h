// SPDX-License-Identifier: MIT
// Parallel coordinates (issue 20): one vertical axis per chosen field, one polyline per run. Numeric
// axes are linear, or logarithmic when every value is positive and they span more than a decade;
// text fields become categorical axes (sorted values, evenly spaced). Dragging along an axis brushes
// a range; the runs inside every brush are "brushed" and reported, so the owner can select them.
// A click on an axis without dragging clears its brush. Hovering a line shows its run and values.
// Painted by hand: hundreds of runs times a dozen axes is cheap with QPainter, and brushing needs
// the axis geometry anyway.
#pragma once

#include <QColor>
#include <QList>
#include <QStringList>
#include <QVector>
#include <QWidget>
#include <optional>

namespace seqscope::widgets {

struct ParallelAxis {
    QString title;
    QVector<double> numbers;   // one per line (NaN = missing); used when `texts` is empty
    QStringList texts;         // one per line for a categorical axis (empty string = missing)
};

struct ParallelLine {
    qint64 id = 0;             // run id
    QString label;             // "#7 xlstm d=64", first line of the hover readout
    QColor color;
};

class ParallelCoordinates : public QWidget {
    Q_OBJECT
public:
    explicit ParallelCoordinates(QWidget* parent = nullptr);

    // Replaces lines and axes; brushes are dropped (their axes may be gone).
    void setData(const QVector<ParallelLine>& lines, const QVector<ParallelAxis>& axes);
    // Runs drawn emphasised (the Runs panel's selection); no signal.
    void setHighlighted(const QList<qint64>& ids);
    // Brush axis `axis` to the values [from, to] (axis units; categories by index), as a drag does,
    // and report the brushed runs. clearBrushes() drops every brush (and reports nothing).
    void setBrush(int axis, double from, double to);
    void clearBrushes();
    QList<qint64> brushedRuns() const;           // runs inside every brush; empty without brushes
    bool hasBrushes() const;

    // Geometry and scales, for tests and readouts.
    int axisCount() const { return int(m_axes.size()); }
    bool axisIsLog(int axis) const { return m_axes[axis].log; }
    bool axisIsCategorical(int axis) const { return !m_axes[axis].categories.isEmpty(); }
    double axisMin(int axis) const { return m_axes[axis].lo; }
    double axisMax(int axis) const { return m_axes[axis].hi; }
    QStringList axisCategories(int axis) const { return m_axes[axis].categories; }
    double axisX(int axis) const;
    double valueY(int axis, double value) const;  // widget y of a value (category index) on an axis
    QString readout(int line) const;              // the hover text of a line

signals:
    void brushedRunsChanged(const QList<qint64>& ids);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    struct Axis {
        QString title;
        bool log = false;
        double lo = 0, hi = 1;       // numeric range (category indices for a categorical axis)
        QStringList categories;      // non-empty: categorical
        std::optional<std::pair<double, double>> brush;   // normalised [0,1], low to high
    };
    double normalised(int axis, double value) const;      // 0 at the bottom, 1 at the top
    double yOf(double t) const;
    double tOf(double y) const;
    int axisAt(const QPointF& pos) const;
    int lineAt(const QPointF& pos) const;
    QRectF plotRect() const;
    void drawAxis(QPainter& p, int axis) const;

    QVector<ParallelLine> m_lines;
    QVector<Axis> m_axes;
    QVector<QVector<double>> m_t;   // [line][axis] normalised position, NaN = missing
    QVector<ParallelAxis> m_source;
    QList<qint64> m_highlighted;
    int m_dragAxis = -1;
    double m_dragFrom = 0;
    int m_hoverLine = -1;
};

}  // namespace seqscope::widgets
