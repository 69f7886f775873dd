// SPDX-License-Identifier: MIT
// Saving what a view draws: any widget (one chart or several side by side) as PNG at a chosen scale or
// as SVG, and text (CSV) atomically. Used by the analysis views' "Export" menus, so every view exports
// the same way. Errors come back as translated messages naming the file.
#pragma once

#include <QString>
#include <functional>

class QToolButton;
class QWidget;

namespace seqscope::widgets {

bool exportWidgetPng(const QWidget* widget, const QString& path, qreal scale, QString* error);
bool exportWidgetSvg(const QWidget* widget, const QString& path, const QString& title, QString* error);
bool writeTextFile(const QString& path, const QString& text, QString* error);

// Asks for a file name (suggesting `baseName` + suffix in the documents folder); "" when cancelled.
QString askExportPath(QWidget* parent, const QString& title, const QString& baseName, const QString& filter,
                      const QString& suffix);

// An "Export" button whose menu saves `charts` as PNG (2x) or SVG and `csv()` (exactly the drawn
// numbers) as CSV, asking for file names under `baseName`; failures are shown in a message box.
QToolButton* makeExportButton(QWidget* parent, QWidget* charts, std::function<QString()> csv, const QString& baseName,
                              const QString& svgTitle);

}  // namespace seqscope::widgets
