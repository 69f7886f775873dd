// SPDX-License-Identifier: MIT
// Nice ticks (1-2-5 linear, 1..9 / 1-2-5 / decade log, calendar-ish durations) and unit-aware labels;
// see axis_ticks.h.
#include "axis_ticks.h"

#include <QDateTime>
#include <QSet>
#include <algorithm>
#include <array>
#include <cmath>

namespace seqscope::widgets {

namespace {

double niceStep(double span, int target) {
    const double raw = span / std::max(1, target);
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (m * mag >= raw) return m * mag;
    return 10 * mag;
}

double niceDurationStep(double span, int target) {
    static const std::array<double, 22> steps = {1,     2,     5,     10,    15,     30,     60,    120,
                                                 300,   600,   900,   1800,  3600,   7200,   10800, 21600,
                                                 43200, 86400, 172800, 604800, 1209600, 2592000};
    const double raw = span / std::max(1, target);
    for (double s : steps)
        if (s >= raw) return s;
    return niceStep(span, target);
}

// `sig` significant digits, trailing zeros dropped; exponent form outside [1e-4, 1e6).
QString numberSig(double x, int sig) {
    if (x == 0) return QStringLiteral("0");
    const int e = static_cast<int>(std::floor(std::log10(std::abs(x))));
    if (e >= 6 || e < -4) {
        QString s = QString::number(x, 'e', std::clamp(sig - 1, 0, 12));
        s.replace(QLatin1String("e+0"), QLatin1String("e")).replace(QLatin1String("e+"), QLatin1String("e"));
        s.replace(QLatin1String("e-0"), QLatin1String("e-"));
        // 2.50e-5 -> 2.5e-5
        const int ePos = s.indexOf(QLatin1Char('e'));
        QString mant = s.left(ePos);
        if (mant.contains(QLatin1Char('.'))) {
            while (mant.endsWith(QLatin1Char('0'))) mant.chop(1);
            if (mant.endsWith(QLatin1Char('.'))) mant.chop(1);
        }
        return mant + s.mid(ePos);
    }
    QString s = QString::number(x, 'f', std::clamp(sig - 1 - e, 0, 12));
    if (s.contains(QLatin1Char('.'))) {
        while (s.endsWith(QLatin1Char('0'))) s.chop(1);
        if (s.endsWith(QLatin1Char('.'))) s.chop(1);
    }
    return s;
}

QString si(double v, int precision, const char* const* suffixes, int count) {
    const double a = std::abs(v);
    int k = 0;
    while (k + 1 < count && a >= std::pow(1000.0, k + 1) * (1 - 1e-12)) ++k;
    return numberSig(v / std::pow(1000.0, k), precision) + QLatin1String(suffixes[k]);
}

QString duration(double seconds, int precision) {
    const bool neg = seconds < 0;
    double s = std::abs(seconds);
    QString out;
    if (s < 60) {
        out = numberSig(s, std::max(2, precision)) + QLatin1String("s");
    } else {
        const qint64 total = static_cast<qint64>(std::llround(s));
        const qint64 d = total / 86400, h = (total % 86400) / 3600, m = (total % 3600) / 60, sec = total % 60;
        QStringList parts;
        if (d) parts << QStringLiteral("%1d").arg(d);
        if (h) parts << QStringLiteral("%1h").arg(h);
        if (m && d == 0) parts << QStringLiteral("%1m").arg(m);
        if (sec && d == 0 && h == 0) parts << QStringLiteral("%1s").arg(sec);
        out = parts.isEmpty() ? QStringLiteral("0s") : parts.join(QLatin1Char(' '));
    }
    return neg ? QLatin1Char('-') + out : out;
}

}  // namespace

QString formatTickValue(double v, TickFormat format, int precision) {
    static const char* const countSuffix[] = {"", "k", "M", "G", "T"};
    static const char* const tokenSuffix[] = {"", "k", "M", "B", "T"};
    if (!std::isfinite(v)) return QStringLiteral("–");
    precision = std::clamp(precision, 1, 15);
    switch (format) {
    case TickFormat::Count:
        if (std::abs(v) < 1e4 && v == std::round(v)) return QString::number(static_cast<qint64>(v));
        return si(v, precision, countSuffix, 5);
    case TickFormat::Tokens:
        return si(v, precision, tokenSuffix, 5);
    case TickFormat::Flops:
        return numberSig(v, precision);  // exponent form from 1e6 on: 1.5e18
    case TickFormat::Duration:
        return duration(v, precision);
    case TickFormat::ClockTime: {
        const QDateTime t = QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(std::llround(v * 1000.0)));
        return precision > 4 ? t.toString(QStringLiteral("MM-dd HH:mm")) : t.toString(QStringLiteral("HH:mm:ss"));
    }
    case TickFormat::Value:
        return numberSig(v, precision);
    }
    return QString::number(v);
}

namespace {

// Decimal places that tell ticks `step` apart (0.25 -> 2, 0.5 -> 1, 50000 -> 0).
int stepDecimals(double step) {
    int d = 0;
    while (d < 12 && std::abs(step * std::pow(10.0, d) - std::round(step * std::pow(10.0, d))) > 1e-6 * step * std::pow(10.0, d)) ++d;
    return d;
}

// Significant digits of `v` needed to show it with `decimals` decimal places.
int sigFor(double v, int decimals) {
    if (v == 0) return 1;
    return std::max(1, static_cast<int>(std::floor(std::log10(std::abs(v)))) + 1 + decimals);
}

QVector<AxisTick> labelled(const QVector<double>& dataValues, const QVector<double>& positions, TickFormat format,
                           int decimals, bool clock) {
    QVector<AxisTick> ticks;
    for (int extra = 0; extra <= 12; ++extra) {
        ticks.clear();
        QSet<QString> seen;
        bool unique = true;
        for (int i = 0; i < dataValues.size(); ++i) {
            // Clock labels switch between "HH:mm:ss" (precision <= 4) and "MM-dd HH:mm".
            const int precision = clock ? decimals : sigFor(dataValues[i], decimals + extra);
            const QString label = formatTickValue(dataValues[i], format, precision);
            unique = unique && !seen.contains(label);
            seen.insert(label);
            ticks.push_back({positions[i], label});
        }
        if (unique || clock) break;
    }
    return ticks;
}

}  // namespace

QVector<AxisTick> makeTicks(double lo, double hi, bool log, int target, TickFormat format) {
    QVector<AxisTick> none;
    if (!(hi > lo) || !std::isfinite(lo) || !std::isfinite(hi)) return none;
    target = std::clamp(target, 2, 30);
    QVector<double> values, positions;

    auto linear = [&](double a, double b, bool mapLog) {
        const bool time = format == TickFormat::Duration || format == TickFormat::ClockTime;
        const double step = time ? niceDurationStep(b - a, target) : niceStep(b - a, target);
        for (double t = std::ceil(a / step) * step; t <= b + step * 1e-9; t += step) {
            const double v = std::abs(t) < step * 1e-9 ? 0.0 : t;
            if (mapLog && v <= 0) continue;
            values.push_back(v);
            positions.push_back(mapLog ? std::log10(v) : v);
        }
        return step;
    };

    if (!log) {
        const double step = linear(lo, hi, false);
        const bool clock = format == TickFormat::ClockTime;
        return labelled(values, positions, format, clock ? (hi - lo > 86400 ? 5 : 4) : stepDecimals(step), clock);
    }

    const double decades = hi - lo;
    if (decades < 1.0) {
        // Less than a decade: plain nice values read better than sparse powers of ten.
        const double step = linear(std::pow(10.0, lo), std::pow(10.0, hi), true);
        return labelled(values, positions, format, stepDecimals(step), false);
    }
    static const QVector<QVector<double>> mantissas = {{1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 5}, {1, 3}, {1}};
    const int k0 = static_cast<int>(std::floor(lo)), k1 = static_cast<int>(std::ceil(hi));
    for (const QVector<double>& set : mantissas) {
        values.clear();
        positions.clear();
        for (int k = k0; k <= k1; ++k)
            for (double m : set) {
                const double p = k + std::log10(m);
                if (p >= lo - 1e-12 && p <= hi + 1e-12) {
                    values.push_back(m * std::pow(10.0, k));
                    positions.push_back(p);
                }
            }
        if (values.size() <= target && values.size() >= 2) return labelled(values, positions, format, 0, false);
    }
    // Many decades: every n-th power of ten.
    values.clear();
    positions.clear();
    const int stride = std::max(1, static_cast<int>(std::ceil(decades / target)));
    for (int k = (k0 / stride) * stride; k <= k1; k += stride)
        if (k >= lo - 1e-12 && k <= hi + 1e-12) {
            values.push_back(std::pow(10.0, k));
            positions.push_back(k);
        }
    return labelled(values, positions, format, 0, false);
}

}  // namespace seqscope::widgets
