// SPDX-License-Identifier: MIT
#include "run_colors.h"

#include <QCryptographicHash>
#include <array>

namespace seqscope::widgets {

QColor runColor(const QString& key) {
    // Okabe-Ito plus six well-separated extras: distinguishable for common colour-vision deficiencies.
    static const std::array<QColor, 14> palette = {
        QColor(0x00, 0x72, 0xB2), QColor(0xD5, 0x5E, 0x00), QColor(0x00, 0x9E, 0x73), QColor(0xCC, 0x79, 0xA7),
        QColor(0xE6, 0x9F, 0x00), QColor(0x56, 0xB4, 0xE9), QColor(0xF0, 0xE4, 0x42), QColor(0x88, 0x88, 0x88),
        QColor(0x88, 0x22, 0x55), QColor(0x11, 0x77, 0x33), QColor(0x44, 0xAA, 0x99), QColor(0x99, 0x99, 0x33),
        QColor(0xAA, 0x44, 0x99), QColor(0x66, 0x66, 0xCC)};
    // Run ids are sequential: consecutive runs (the ones compared most) get distinct palette slots.
    bool numeric = false;
    const qlonglong id = key.toLongLong(&numeric);
    if (numeric && id >= 0) return palette[size_t(id % qlonglong(palette.size()))];
    // Other keys: a cryptographic hash, not qHash, which is seeded per process; colours must survive restarts.
    const QByteArray digest = QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Md5);
    const auto index = static_cast<unsigned char>(digest.at(0)) % palette.size();
    return palette[index];
}

QColor archColor(const QString& arch) {
    if (arch.compare(QLatin1String("xlstm"), Qt::CaseInsensitive) == 0) return QColor(0x00, 0x72, 0xB2);
    if (arch.compare(QLatin1String("transformer"), Qt::CaseInsensitive) == 0) return QColor(0xD5, 0x5E, 0x00);
    return runColor(arch);
}

}  // namespace seqscope::widgets
