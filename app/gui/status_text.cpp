// SPDX-License-Identifier: MIT
#include "status_text.h"

#include <QCoreApplication>

namespace seqscope::gui {

QString statusText(const Status& status) {
    const char* context = "seqscope::gui::StatusText";
    QString kind;
    switch (status.code()) {
    case StatusCode::Ok: return QCoreApplication::translate(context, "OK");
    case StatusCode::InvalidArgument: kind = QCoreApplication::translate(context, "Invalid input"); break;
    case StatusCode::NotFound: kind = QCoreApplication::translate(context, "Not found"); break;
    case StatusCode::IoError: kind = QCoreApplication::translate(context, "File or database error"); break;
    case StatusCode::Incompatible: kind = QCoreApplication::translate(context, "Incompatible file"); break;
    case StatusCode::Corrupt: kind = QCoreApplication::translate(context, "Damaged file"); break;
    case StatusCode::Cancelled: kind = QCoreApplication::translate(context, "Cancelled"); break;
    case StatusCode::Diverged: kind = QCoreApplication::translate(context, "Training diverged"); break;
    case StatusCode::Unavailable: kind = QCoreApplication::translate(context, "Not available"); break;
    case StatusCode::Internal: kind = QCoreApplication::translate(context, "Internal error"); break;
    }
    return kind + QStringLiteral(": ") + QString::fromStdString(status.message());
}

}  // namespace seqscope::gui
