// SPDX-License-Identifier: MIT
#include "calculator_charts.h"

#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QCursor>
#include <QGraphicsSimpleTextItem>
#include <QStackedBarSeries>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QToolTip>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

#include "calculator_format.h"
#include "chart_style.h"
#include "run_colors.h"

namespace seqscope::widgets {
namespace {

double partOf(const CalculatorArch& a, int part) {
    switch (part) {
        case 0: return a.projections;
        case 1: return a.feedForward;
        case 2: return a.sequenceMixing;
        default: return a.logits;
    }
}

constexpr double kMinLog2 = 10, kMaxLog2 = 20;   // 1K .. 1M tokens

}  // namespace

QColor flopPartColor(int part) {
    // Okabe-Ito hues that differ from the architecture colours (blue, vermillion) and from each other
    // under the common colour-vision deficiencies.
    static const QColor colors[4] = {QColor(0x56, 0xB4, 0xE9), QColor(0x00, 0x9E, 0x73), QColor(0xE6, 0x9F, 0x00),
                                     QColor(0xCC, 0x79, 0xA7)};
    return colors[std::clamp(part, 0, 3)];
}

// ---- FLOPs per token, stacked ------------------------------------------------------------------

FlopSplitChart::FlopSplitChart(QWidget* parent) : QChartView(parent) {
    setMinimumSize(240, 150);
    auto* chart = new QChart;
    styleChart(this, chart);
    chart->legend()->hide();   // the Calculator's table rows carry the same colours
    QFont title = chart->titleFont();
    title.setPointSizeF(font().pointSizeF());
    chart->setTitleFont(title);
    m_series = new QStackedBarSeries;
    const QStringList names = {tr("Projections"), tr("Feed-forward"), tr("Attention / mLSTM cell"), tr("Logits")};
    for (int p = 0; p < 4; ++p) {
        auto* set = new QBarSet(names[p]);
        set->setColor(flopPartColor(p));
        set->setBorderColor(QApplication::palette().color(QPalette::Base));
        set->append({0.0, 0.0});
        m_series->append(set);
        m_sets << set;
        connect(set, &QBarSet::hovered, this, [this, p, names](bool on, int bar) {
            if (!on) return QToolTip::hideText();
            const double total = m_values[0][bar] + m_values[1][bar] + m_values[2][bar] + m_values[3][bar];
            QToolTip::showText(QCursor::pos(), tr("%1, %2: %3 per token (%4 % of the forward pass)")
                                                   .arg(bar == 0 ? tr("xLSTM") : tr("Transformer"), names[p],
                                                        formatFlops(m_values[p][bar]))
                                                   .arg(total > 0 ? 100.0 * m_values[p][bar] / total : 0.0, 0, 'f', 1),
                               this);
        });
    }
    m_series->setBarWidth(0.6);
    chart->addSeries(m_series);
    auto* categories = new QBarCategoryAxis;
    categories->append({tr("xLSTM"), tr("Transformer")});
    m_axis = new QValueAxis;
    m_axis->setLabelFormat(QStringLiteral("%.3g"));
    m_axis->setTickCount(5);
    styleAxis(categories);
    styleAxis(m_axis);
    chart->addAxis(categories, Qt::AlignBottom);
    chart->addAxis(m_axis, Qt::AlignLeft);
    m_series->attachAxis(categories);
    m_series->attachAxis(m_axis);
}

void FlopSplitChart::setValues(const CalculatorArch& xlstm, const CalculatorArch& transformer) {
    double top = 0;
    for (int b = 0; b < 2; ++b) {
        const CalculatorArch& a = b == 0 ? xlstm : transformer;
        double total = 0;
        for (int p = 0; p < 4; ++p) {
            m_values[p][b] = a.valid && std::isfinite(partOf(a, p)) ? partOf(a, p) : 0.0;
            total += m_values[p][b];
        }
        top = std::max(top, total);
    }
    // One SI unit for the axis, so its labels stay short ("GFLOP per token").
    static const char* const units[] = {"", "k", "M", "G", "T", "P"};
    int u = 0;
    m_scale = 1;
    while (top / m_scale >= 1000 && u < 5) m_scale *= 1000, ++u;
    for (int p = 0; p < 4; ++p)
        for (int b = 0; b < 2; ++b) m_sets[p]->replace(b, m_values[p][b] / m_scale);
    // Four intervals of a round step (1, 1.25, ..., 7.5 x 10^k): few labels, so a short chart stays legible.
    const double span = top > 0 ? top / m_scale : 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(span / 4)));
    double step = magnitude;
    for (double m : {1.0, 1.25, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 7.5, 10.0})
        if (m * magnitude * 4 >= span) {
            step = m * magnitude;
            break;
        }
    if (m_axis->max() != 4 * step) m_axis->setRange(0, 4 * step);
    const QString title = tr("Forward FLOPs per token (%1FLOP)").arg(QString::fromLatin1(units[u]));
    if (chart()->title() != title) chart()->setTitle(title);   // a new title lays the chart out again
}

double FlopSplitChart::value(int part, int bar) const {
    return part >= 0 && part < 4 && bar >= 0 && bar < 2 ? m_values[part][bar] : NAN;
}

// ---- Memory against context --------------------------------------------------------------------

ContextMemoryChart::ContextMemoryChart(QWidget* parent) : QChartView(parent) {
    setMinimumSize(240, 200);
    auto* chart = new QChart;
    styleChart(this, chart);
    chart->setTitle(tr("Inference memory against context"));
    m_x = new QCategoryAxis;
    m_x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    for (int e = 10; e <= 20; e += 2) m_x->append(formatTokens(std::ldexp(1.0, e)), e);
    m_x->setRange(kMinLog2, kMaxLog2);
    m_x->setTitleText(tr("Context (tokens)"));
    m_y = new QLogValueAxis;
    m_y->setBase(10);
    m_y->setLabelFormat(QStringLiteral("%g"));
    m_y->setTitleText(tr("GB"));
    styleAxis(m_x);
    styleAxis(m_y);
    chart->addAxis(m_x, Qt::AlignBottom);
    chart->addAxis(m_y, Qt::AlignLeft);

    QColor grey = QApplication::palette().color(QPalette::Text);
    grey.setAlpha(110);
    for (double gb : capacitiesGB()) {
        auto* line = new QLineSeries;
        line->setPen(QPen(grey, 1.2, Qt::DotLine));
        line->append({QPointF(kMinLog2, gb), QPointF(kMaxLog2, gb)});
        chart->addSeries(line);
        line->attachAxis(m_x);
        line->attachAxis(m_y);
        for (QLegendMarker* m : chart->legend()->markers(line)) m->setVisible(false);
        m_capacity << line;
        auto* label = new QGraphicsSimpleTextItem(tr("%1 GB").arg(gb), chart);
        label->setBrush(QApplication::palette().color(QPalette::Text));
        m_capacityLabels << label;
    }
    m_xlstm = new QLineSeries;
    m_xlstm->setName(tr("xLSTM: weights + state"));
    m_xlstm->setPen(QPen(archColor(QStringLiteral("xlstm")), 3, Qt::SolidLine));
    m_transformer = new QLineSeries;
    m_transformer->setName(tr("Transformer: weights + KV cache"));
    m_transformer->setPen(QPen(archColor(QStringLiteral("transformer")), 3, Qt::DashLine));
    m_limits = new QScatterSeries;
    m_limits->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    m_limits->setMarkerSize(11);
    m_limits->setColor(archColor(QStringLiteral("transformer")));
    m_limits->setBorderColor(QApplication::palette().color(QPalette::Text));
    for (QXYSeries* s : {static_cast<QXYSeries*>(m_xlstm), static_cast<QXYSeries*>(m_transformer),
                         static_cast<QXYSeries*>(m_limits)}) {
        chart->addSeries(s);
        s->attachAxis(m_x);
        s->attachAxis(m_y);
    }
    for (QLegendMarker* m : chart->legend()->markers(m_limits)) m->setVisible(false);
    connect(m_limits, &QScatterSeries::hovered, this, [this](const QPointF& at, bool on) {
        if (!on) return QToolTip::hideText();
        for (int i = 0; i < m_limits->count() && i < m_limitTips.size(); ++i)
            if (std::abs(m_limits->at(i).x() - at.x()) < 0.3 && std::abs(std::log10(m_limits->at(i).y() / at.y())) < 0.1)
                return QToolTip::showText(QCursor::pos(), m_limitTips[i], this);
    });
    connect(chart, &QChart::plotAreaChanged, this, &ContextMemoryChart::placeLabels);
}

void ContextMemoryChart::setValues(const CalculatorArch& xlstm, const CalculatorArch& transformer) {
    double lo = 1e300, hi = 200;   // keep the largest card (141 GB) in view
    auto fill = [&](QLineSeries* line, const CalculatorArch& a) {
        QList<QPointF> points;
        if (a.valid)
            for (const QPointF& p : a.memoryCurve) {
                if (!(p.x() > 0 && p.y() > 0)) continue;
                const double gb = p.y() / 1e9;
                points << QPointF(std::log2(p.x()), gb);
                lo = std::min(lo, gb);
                hi = std::max(hi, gb);
            }
        line->replace(points);
    };
    fill(m_xlstm, xlstm);
    fill(m_transformer, transformer);
    QList<QPointF> limits;
    m_limitTips.clear();
    for (const CalculatorArch* a : {&transformer, &xlstm}) {
        const QString name = a == &xlstm ? tr("xLSTM") : tr("Transformer");
        for (const CapacityFit& f : a->fits) {
            const double gb = f.capacityBytes / 1e9;
            if (f.longestContext > 0 && std::log2(f.longestContext) >= kMinLog2 && std::log2(f.longestContext) <= kMaxLog2) {
                limits << QPointF(std::log2(f.longestContext), gb);
                m_limitTips << tr("%1 fits in %2 GB up to %3 tokens of context").arg(name).arg(gb).arg(formatTokens(f.longestContext));
            }
        }
    }
    m_limits->replace(limits);
    setLogRange(m_y, lo < 1e300 ? lo / 2 : 0.01, hi * 2);
    placeLabels();
}

void ContextMemoryChart::resizeEvent(QResizeEvent* event) {
    QChartView::resizeEvent(event);
    placeLabels();
}

void ContextMemoryChart::placeLabels() {
    for (int i = 0; i < m_capacity.size(); ++i) {
        const QPointF right = chart()->mapToPosition(QPointF(kMaxLog2, capacitiesGB()[i]), m_capacity[i]);
        QGraphicsSimpleTextItem* label = m_capacityLabels[i];
        const QRectF box = label->boundingRect();
        // Alternate sides: neighbouring cards are close on a log axis.
        const double x = i % 2 == 0 ? right.x() - box.width() - 4 : chart()->plotArea().left() + 4;
        label->setPos(x, right.y() - box.height());
        label->setVisible(chart()->plotArea().contains(right - QPointF(1, 0)));
    }
}

}  // namespace seqscope::widgets
