// SPDX-License-Identifier: MIT
#include "scaling_plot_data.h"

#include <QGuiApplication>
#include <QPalette>
#include <QtMath>
#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace seqscope::widgets {

QString pointKey(bool own, const QString& run, int sourceRow) {
    return QStringLiteral("%1|%2#%3").arg(own ? QStringLiteral("own") : QStringLiteral("src"), run).arg(sourceRow);
}

double PowerLaw::at(double compute) const { return A * std::pow(compute, a); }

bool PowerLaw::intervalAt(double compute, double* lo, double* hi) const {
    if (samples.size() < 10) return false;
    std::vector<double> v;
    v.reserve(size_t(samples.size()));
    for (const QPointF& s : samples) v.push_back(std::exp(s.x() + s.y() * std::log(compute)));
    std::sort(v.begin(), v.end());
    // numpy's default (linear) percentile, as the engine's intervals use.
    auto q = [&v](double p) {
        const double pos = p * double(v.size() - 1);
        const size_t i = size_t(std::floor(pos));
        const double f = pos - double(i);
        return i + 1 < v.size() ? v[i] + (v[i + 1] - v[i]) * f : v[i];
    };
    *lo = q((1 - confidence) / 2);
    *hi = q(1 - (1 - confidence) / 2);
    return true;
}

QColor budgetColor(int index, int count) {
    // Five viridis anchors; linear interpolation in between keeps neighbouring budgets distinct.
    static const std::array<QColor, 5> anchors = {QColor(0x44, 0x01, 0x54), QColor(0x3b, 0x52, 0x8b),
                                                  QColor(0x21, 0x91, 0x8c), QColor(0x5e, 0xc9, 0x62),
                                                  QColor(0xe0, 0xc8, 0x1a)};
    double t = count <= 1 ? 0.0 : std::clamp(double(index) / double(count - 1), 0.0, 1.0);
    // On a dark background viridis' darkest purple all but vanishes: start a fifth of the way in.
    if (QGuiApplication::palette().color(QPalette::Base).lightness() < 128) t = 0.2 + 0.8 * t;
    const double pos = t * (anchors.size() - 1);
    const int i = std::min(int(pos), int(anchors.size()) - 2);
    const double f = pos - i;
    auto mix = [f](int x, int y) { return int(std::lround(x + (y - x) * f)); };
    return QColor(mix(anchors[i].red(), anchors[i + 1].red()), mix(anchors[i].green(), anchors[i + 1].green()),
                  mix(anchors[i].blue(), anchors[i + 1].blue()));
}

QString budgetLabel(double flops) {
    if (flops <= 0) return QStringLiteral("?");
    const int exponent = int(std::floor(std::log10(flops)));
    const double mantissa = flops / std::pow(10.0, exponent);
    return QStringLiteral("%1e%2").arg(QString::number(mantissa, 'g', 2)).arg(exponent);
}

}  // namespace seqscope::widgets
