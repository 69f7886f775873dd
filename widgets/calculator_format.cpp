// SPDX-License-Identifier: MIT
#include "calculator_format.h"

#include <QCoreApplication>
#include <QLocale>
#include <cmath>

namespace seqscope::widgets {
namespace {

// value with an SI prefix from {"", k, M, G, T, P, E} and `unit` appended; "–" when unknown.
QString withPrefix(double value, const QString& unit, const char* const* prefixes, int count) {
    if (!std::isfinite(value)) return QStringLiteral("–");
    int p = 0;
    double v = value;
    while (std::abs(v) >= 999.95 && p + 1 < count) v /= 1000.0, ++p;
    const QString number = QLocale().toString(v, 'f', std::abs(v) >= 99.95 ? 0 : std::abs(v) >= 9.995 ? 1 : 2);
    const QString prefix = QString::fromUtf8(prefixes[p]);
    return unit.isEmpty() && prefix.isEmpty() ? number : number + QLatin1Char(' ') + prefix + unit;
}

}  // namespace

QString formatCount(double value) {
    static const char* const prefixes[] = {"", "K", "M", "B", "T", "Q"};
    return withPrefix(value, {}, prefixes, 6).trimmed();
}

QString formatFlops(double value) {
    static const char* const prefixes[] = {"", "k", "M", "G", "T", "P", "E", "Z", "Y"};
    return withPrefix(value, QCoreApplication::translate("CalculatorFormat", "FLOP"), prefixes, 9);
}

QString formatBytes(double value) {
    static const char* const prefixes[] = {"", "k", "M", "G", "T", "P"};
    return withPrefix(value, QCoreApplication::translate("CalculatorFormat", "B"), prefixes, 6);
}

QString formatMs(double value) {
    if (!std::isfinite(value)) return QStringLiteral("–");
    const QLocale locale;
    if (value >= 1000) return QCoreApplication::translate("CalculatorFormat", "%1 s").arg(locale.toString(value / 1000.0, 'f', 2));
    if (value < 1) return QCoreApplication::translate("CalculatorFormat", "%1 µs").arg(locale.toString(value * 1000.0, 'f', 0));
    return QCoreApplication::translate("CalculatorFormat", "%1 ms").arg(locale.toString(value, 'f', value >= 100 ? 0 : value >= 10 ? 1 : 2));
}

QString formatTokens(double tokens) {
    if (!std::isfinite(tokens)) return QStringLiteral("–");
    const QLocale locale;
    if (tokens >= 1048576 && std::fmod(tokens, 1048576) == 0) return QCoreApplication::translate("CalculatorFormat", "%1M").arg(locale.toString(tokens / 1048576, 'f', 0));
    if (tokens >= 1024 && std::fmod(tokens, 1024) == 0) return QCoreApplication::translate("CalculatorFormat", "%1K").arg(locale.toString(tokens / 1024, 'f', 0));
    if (tokens >= 1e6) return QCoreApplication::translate("CalculatorFormat", "%1M").arg(locale.toString(tokens / 1048576, 'f', 1));
    if (tokens >= 1e4) return QCoreApplication::translate("CalculatorFormat", "%1K").arg(locale.toString(tokens / 1024, 'f', 0));
    return locale.toString(tokens, 'f', 0);
}

}  // namespace seqscope::widgets
