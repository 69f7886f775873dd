// SPDX-License-Identifier: MIT
#include "scaling_plot_data.h"

#include <QtMath>
#include <algorithm>
#include <array>

namespace seqscope::widgets {

QColor budgetColor(int index, int count) {
    // Five viridis anchors; linear interpolation in between keeps neighbouring budgets distinct.
    static const std::array<QColor, 5> anchors = {QColor(0x44, 0x01, 0x54), QColor(0x3b, 0x52, 0x8b),
                                                  QColor(0x21, 0x91, 0x8c), QColor(0x5e, 0xc9, 0x62),
                                                  QColor(0xe0, 0xc8, 0x1a)};
    const double t = count <= 1 ? 0.0 : std::clamp(double(index) / double(count - 1), 0.0, 1.0);
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
