// SPDX-License-Identifier: MIT
// Light and dark palettes on the Fusion style. "system" follows the platform's colour scheme
// (Qt 6.4 has no QStyleHints::colorScheme yet, so the window colour's lightness decides).
#pragma once

#include <QString>

class QApplication;

namespace seqscope::gui {

// Applies "light", "dark" or "system" to the application; returns true when the result is dark.
bool applyTheme(QApplication& app, const QString& theme);

}  // namespace seqscope::gui
