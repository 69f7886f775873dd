// SPDX-License-Identifier: MIT
// The one place where engine and storage Status values become translated, user-facing text.
#pragma once

#include <QString>

#include "common/status.h"

namespace seqscope::gui {

// "<kind>: <message>", the kind translated (the message names the input and stays as written).
QString statusText(const Status& status);

}  // namespace seqscope::gui
