// SPDX-License-Identifier: MIT
// Every persistent GUI setting, one typed getter/setter per key (after LabPlot's Settings.h), so
// no string keys are scattered through the code.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace seqscope::gui::Settings {

QByteArray windowGeometry();
void setWindowGeometry(const QByteArray& geometry);
QByteArray windowState();                      // dock layout
void setWindowState(const QByteArray& state);
QString lastDatabase();                        // empty: the default database
void setLastDatabase(const QString& path);
QString theme();                               // "system" | "light" | "dark"
void setTheme(const QString& theme);
int currentView();
void setCurrentView(int index);
QStringList runColumns();                      // extra Runs panel columns (RunTableModel keys), in order
void setRunColumns(const QStringList& keys);
int parallelRuns();                            // worker processes training at once; 0 = the pool's default
void setParallelRuns(int workers);

}  // namespace seqscope::gui::Settings
