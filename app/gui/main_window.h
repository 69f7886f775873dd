// SPDX-License-Identifier: MIT
// The workbench window: views as tabs in the centre (loss curves, scaling, inference, ...), panels as
// docks around them (runs, details), menus, and a status bar saying what runs. Views and docks plug
// in through addView()/addDock(); layout and the current view persist through Settings.
#pragma once

#include <QHash>
#include <QMainWindow>
#include <QSet>
#include <functional>

class QLabel;
class QTabWidget;
class QActionGroup;
class QDockWidget;
class QDockWidget;

namespace seqscope::gui {

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(const QString& databasePath, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Adds a central view. `id` is the stable name used by --view and Settings ("loss", "scaling").
    void addView(const QString& id, const QString& title, QWidget* view);
    // `tabifyWith`: id of an existing dock to share a tabbed place with (saves width).
    void addDock(const QString& id, const QString& title, QWidget* panel, Qt::DockWidgetArea area,
                 const QString& tabifyWith = {});
    // Another name for a view ("isoflop" and "frontier" show "scaling"); `onShow` runs after it is
    // shown, e.g. to switch the view into the mode the alias names.
    void addViewAlias(const QString& alias, const QString& id, std::function<void()> onShow = {});
    bool showView(const QString& id);          // false when no view or alias has that id
    QStringList viewIds() const;               // ids and aliases
    QString currentViewId() const;             // the id of the view shown (never an alias)
    QMenu* helpMenu() const { return m_helpMenu; }
    QMenu* runsMenu() const { return m_runsMenu; }

    // Views that load asynchronously call beginLoading() first and endLoading() when drawn, so
    // --screenshot waits for them.
    void beginLoading(const QString& id);
    void endLoading(const QString& id);
    void whenReady(std::function<void()> callback);

    void setDatabasePath(const QString& path);
    void setActivityText(const QString& text);  // status bar: what is running

signals:
    void openDatabaseRequested(const QString& path);
    // File -> Save View / Open View chose a file (view_state.h); the workbench writes or applies it.
    void saveViewRequested(const QString& path);
    void openViewRequested(const QString& path);
    void themeRequested(const QString& theme);

protected:
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void buildMenus();
    void restoreLayout();
    void openDatabaseDialog();
    void showAbout();
    void runReadyCallbacks();

    QTabWidget* m_views = nullptr;
    QStringList m_viewIds;
    struct ViewAlias {
        QString id;
        std::function<void()> onShow;
    };
    QHash<QString, ViewAlias> m_aliases;
    QList<QDockWidget*> m_docks;
    QMenu* m_viewMenu = nullptr;
    QMenu* m_runsMenu = nullptr;
    QMenu* m_panelsMenu = nullptr;
    QMenu* m_helpMenu = nullptr;
    QLabel* m_databaseLabel = nullptr;
    QLabel* m_activityLabel = nullptr;
    QString m_databasePath;
    QSet<QString> m_loading;
    QList<std::function<void()>> m_readyCallbacks;
    bool m_layoutRestored = false;
    bool m_needsDefaultDockSizes = true;
};

}  // namespace seqscope::gui
