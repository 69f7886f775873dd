// SPDX-License-Identifier: MIT
#include "chart_style.h"

#include <QLogValueAxis>
#include <cmath>

#include <QAbstractAxis>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QPalette>

namespace seqscope::widgets {

void styleChart(QChartView* view, QChart* chart) {
    const QPalette pal = QApplication::palette();
    const bool dark = pal.color(QPalette::Window).lightness() < 128;
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundBrush(pal.color(QPalette::Base));
    chart->setPlotAreaBackgroundVisible(false);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setMargins(QMargins(6, 6, 6, 6));
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setLabelColor(pal.color(QPalette::Text));
    QFont titleFont = chart->titleFont();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.1);
    titleFont.setBold(true);
    chart->setTitleFont(titleFont);
    chart->setTitleBrush(pal.color(QPalette::Text));
    view->setRenderHint(QPainter::Antialiasing);
    view->setChart(chart);
}

void styleAxis(QAbstractAxis* axis) {
    const QPalette pal = QApplication::palette();
    axis->setLabelsColor(pal.color(QPalette::Text));
    axis->setTitleBrush(pal.color(QPalette::Text));
    QColor grid = pal.color(QPalette::Text);
    grid.setAlpha(40);
    axis->setGridLineColor(grid);
    QColor minor = grid;
    minor.setAlpha(18);
    axis->setMinorGridLineColor(minor);
}

bool archIsXlstm(const QString& arch) { return arch.compare(QLatin1String("xlstm"), Qt::CaseInsensitive) == 0; }

void setLogRange(QLogValueAxis* axis, double lo, double hi) {
    if (!(lo > 0) || !(hi > lo)) return;
    const double decades = std::log10(hi / lo);
    const double base = decades > 12 ? 1000.0 : decades > 7 ? 100.0 : axis->base();
    axis->setBase(base);
    const double lb = std::log(base);
    if (std::floor(std::log(hi) / lb) - std::ceil(std::log(lo) / lb) < 1) {
        lo = std::pow(base, std::floor(std::log(lo) / lb));
        hi = std::pow(base, std::ceil(std::log(hi) / lb));
        if (hi <= lo * base) hi = lo * base * base;
    }
    axis->setRange(lo, hi);
}

}  // namespace seqscope::widgets
