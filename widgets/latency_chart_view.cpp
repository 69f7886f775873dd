// SPDX-License-Identifier: MIT
#include "latency_chart_view.h"

#include <QChart>
#include <QLegend>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <limits>

#include "chart_style.h"
#include "run_colors.h"

namespace seqscope::widgets {

QColor archShade(const QString& arch, int index, int count) {
    const QColor base = archColor(arch);
    const double t = count <= 1 ? 0.5 : double(index) / double(count - 1);
    // lighter(175) for the smallest model down to darker(160) for the largest.
    return t < 0.5 ? base.lighter(int(175 - 150 * t)) : base.darker(int(100 + 120 * (t - 0.5)));
}

LatencyChartView::LatencyChartView(QWidget* parent) : QChartView(parent) {
    setMinimumSize(360, 280);
    setSeries({}, tr("Milliseconds"), true);
}

void LatencyChartView::setSeries(const QVector<LatencySeries>& series, const QString& yTitle, bool logY) {
    m_count = 0;
    auto* chart = new QChart;
    styleChart(this, chart);
    chart->setTitle(tr("Latency against context"));
    auto* xAxis = new QLogValueAxis;
    xAxis->setBase(2);
    xAxis->setLabelFormat(QStringLiteral("%.0f"));
    xAxis->setTitleText(tr("Prefill length (tokens)"));
    QAbstractAxis* yAxis = nullptr;
    if (logY) {
        auto* y = new QLogValueAxis;
        y->setLabelFormat(QStringLiteral("%.3g"));
        y->setMinorTickCount(8);
        yAxis = y;
    } else {
        auto* y = new QValueAxis;
        y->setLabelFormat(QStringLiteral("%.3g"));
        yAxis = y;
    }
    yAxis->setTitleText(yTitle);
    styleAxis(xAxis);
    styleAxis(yAxis);
    chart->addAxis(xAxis, Qt::AlignBottom);
    chart->addAxis(yAxis, Qt::AlignLeft);

    double xMin = std::numeric_limits<double>::infinity(), xMax = 0, yMin = xMin, yMax = 0;
    for (const auto& s : series) {
        auto* line = new QLineSeries;
        line->setName(s.label);
        line->setPen(QPen(s.color, 2.2, s.arch == QLatin1String("transformer") ? Qt::DashLine : Qt::SolidLine));
        line->setPointsVisible(true);
        for (const QPointF& p : s.points) {
            if (p.x() <= 0 || !(p.y() > 0) || !std::isfinite(p.y())) continue;
            line->append(p);
            xMin = std::min(xMin, p.x());
            xMax = std::max(xMax, p.x());
            yMin = std::min(yMin, p.y());
            yMax = std::max(yMax, p.y());
        }
        if (line->count() == 0) {
            delete line;
            continue;
        }
        chart->addSeries(line);
        line->attachAxis(xAxis);
        line->attachAxis(yAxis);
        ++m_count;
    }
    if (xMax <= 0) {
        xMin = 128, xMax = 16384, yMin = 1, yMax = 100;
    }
    xAxis->setRange(xMin / 1.2, xMax * 1.2);
    if (logY)   // a CPU benchmark spanning 0.1-0.3 ms still reads off the axis
        setLogRange(static_cast<QLogValueAxis*>(yAxis), yMin / 1.3, yMax * 1.3);
    else
        yAxis->setRange(0, yMax * 1.08);
    chart->legend()->setAlignment(Qt::AlignRight);
}

}  // namespace seqscope::widgets
