// SPDX-License-Identifier: MIT
#include "settings.h"

#include <QSettings>

namespace seqscope::gui::Settings {
namespace {
QSettings store() { return QSettings(); }   // organisation/application names are set in main()
}  // namespace

QByteArray windowGeometry() { return store().value(QStringLiteral("window/geometry")).toByteArray(); }
void setWindowGeometry(const QByteArray& g) { store().setValue(QStringLiteral("window/geometry"), g); }
QByteArray windowState() { return store().value(QStringLiteral("window/state")).toByteArray(); }
void setWindowState(const QByteArray& s) { store().setValue(QStringLiteral("window/state"), s); }
QString lastDatabase() { return store().value(QStringLiteral("workspace/database")).toString(); }
void setLastDatabase(const QString& p) { store().setValue(QStringLiteral("workspace/database"), p); }
QString theme() { return store().value(QStringLiteral("appearance/theme"), QStringLiteral("system")).toString(); }
void setTheme(const QString& t) { store().setValue(QStringLiteral("appearance/theme"), t); }
int currentView() { return store().value(QStringLiteral("window/view"), 0).toInt(); }
void setCurrentView(int i) { store().setValue(QStringLiteral("window/view"), i); }
QStringList runColumns() { return store().value(QStringLiteral("runs/columns")).toStringList(); }
void setRunColumns(const QStringList& k) { store().setValue(QStringLiteral("runs/columns"), k); }
int parallelRuns() { return store().value(QStringLiteral("runs/parallel"), 0).toInt(); }
void setParallelRuns(int w) { store().setValue(QStringLiteral("runs/parallel"), w); }

}  // namespace seqscope::gui::Settings
