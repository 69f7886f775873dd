// SPDX-License-Identifier: MIT
#include "main_window.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>

#include "common/version.h"
#include "settings.h"

namespace seqscope::gui {

MainWindow::MainWindow(const QString& databasePath, QWidget* parent) : QMainWindow(parent) {
    setWindowTitle(tr("Seqscope"));
    setObjectName(QStringLiteral("SeqscopeMainWindow"));
    setDockOptions(AnimatedDocks | AllowNestedDocks | AllowTabbedDocks);

    m_views = new QTabWidget(this);
    m_views->setDocumentMode(true);
    m_views->setObjectName(QStringLiteral("views"));
    setCentralWidget(m_views);
    connect(m_views, &QTabWidget::currentChanged, this, [](int index) { Settings::setCurrentView(index); });

    m_databaseLabel = new QLabel(this);
    m_activityLabel = new QLabel(tr("Idle"), this);
    statusBar()->addWidget(m_activityLabel, 1);
    statusBar()->addPermanentWidget(m_databaseLabel);

    buildMenus();
    setDatabasePath(databasePath);
    resize(1280, 800);
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open Database..."), this, &MainWindow::openDatabaseDialog);
    open->setShortcut(QKeySequence::Open);
    file->addSeparator();
    // View files: the shown view, its source, filters, ranges and selection (slides for a lecture).
    const QString viewFilter = tr("Seqscope views (*.seqview.json *.json);;All files (*)");
    file->addAction(tr("Open &View..."), this, [this, viewFilter] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open View"), QString(), viewFilter);
        if (!path.isEmpty()) emit openViewRequested(path);
    });
    QAction* saveView = file->addAction(tr("&Save View..."), this, [this, viewFilter] {
        QString path = QFileDialog::getSaveFileName(this, tr("Save View"), currentViewId() + QStringLiteral(".seqview.json"),
                                                    viewFilter);
        if (!path.isEmpty()) emit saveViewRequested(path);
    });
    saveView->setShortcut(QKeySequence::Save);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);

    m_runsMenu = menuBar()->addMenu(tr("&Runs"));
    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_panelsMenu = m_viewMenu->addMenu(tr("&Panels"));
    QMenu* theme = m_viewMenu->addMenu(tr("&Theme"));
    auto* themes = new QActionGroup(this);
    const QList<QPair<QString, QString>> choices = {{QStringLiteral("system"), tr("Follow &System")},
                                                    {QStringLiteral("light"), tr("&Light")},
                                                    {QStringLiteral("dark"), tr("&Dark")}};
    for (const auto& [key, label] : choices) {
        QAction* a = theme->addAction(label);
        a->setCheckable(true);
        a->setChecked(Settings::theme() == key);
        themes->addAction(a);
        connect(a, &QAction::triggered, this, [this, key = key] {
            Settings::setTheme(key);
            emit themeRequested(key);
        });
    }
    m_viewMenu->addSeparator();

    QMenu* help = m_helpMenu = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Seqscope"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::addView(const QString& id, const QString& title, QWidget* view) {
    view->setObjectName(id);
    m_views->addTab(view, title);
    m_viewIds << id;
    const int index = m_viewIds.size() - 1;
    QAction* show = m_viewMenu->addAction(title, this, [this, index] { m_views->setCurrentIndex(index); });
    if (index < 9) show->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + index)));
    restoreLayout();
}

void MainWindow::addDock(const QString& id, const QString& title, QWidget* panel, Qt::DockWidgetArea area,
                         const QString& tabifyWith) {
    auto* dock = new QDockWidget(title, this);
    dock->setObjectName(id);   // saveState() needs stable object names
    dock->setWidget(panel);
    addDockWidget(area, dock);
    for (QDockWidget* other : m_docks)
        if (other->objectName() == tabifyWith) tabifyDockWidget(other, dock);
    if (id == QLatin1String("launcher")) {
        QAction* show = m_runsMenu->addAction(tr("&New Run..."), this, [dock, panel] {
            dock->show();
            dock->raise();
            panel->setFocus();
        });
        show->setShortcut(QKeySequence::New);
    }
    m_docks << dock;
    m_panelsMenu->addAction(dock->toggleViewAction());
    restoreLayout();
}

void MainWindow::addViewAlias(const QString& alias, const QString& id, std::function<void()> onShow) {
    m_aliases.insert(alias, {id, std::move(onShow)});
}

bool MainWindow::showView(const QString& id) {
    const auto alias = m_aliases.constFind(id);
    const int index = m_viewIds.indexOf(alias != m_aliases.constEnd() ? alias->id : id);
    if (index < 0) return false;
    m_views->setCurrentIndex(index);
    if (alias != m_aliases.constEnd() && alias->onShow) alias->onShow();
    return true;
}

QString MainWindow::currentViewId() const {
    const int index = m_views->currentIndex();
    return index >= 0 && index < m_viewIds.size() ? m_viewIds[index] : QString();
}

QStringList MainWindow::viewIds() const {
    QStringList ids = m_viewIds;
    for (auto it = m_aliases.constBegin(); it != m_aliases.constEnd(); ++it) ids << it.key();
    return ids;
}

void MainWindow::restoreLayout() {
    // Restore once the window has content; later additions keep their default place.
    if (m_layoutRestored) return;
    m_layoutRestored = true;
    QTimer::singleShot(0, this, [this] {
        restoreGeometry(Settings::windowGeometry());
        const QByteArray state = Settings::windowState();
        m_needsDefaultDockSizes = state.isEmpty() || !restoreState(state);
        const int view = Settings::currentView();
        if (view >= 0 && view < m_views->count()) m_views->setCurrentIndex(view);
    });
}

void MainWindow::beginLoading(const QString& id) { m_loading.insert(id); }

void MainWindow::endLoading(const QString& id) {
    m_loading.remove(id);
    if (m_loading.isEmpty()) QTimer::singleShot(0, this, &MainWindow::runReadyCallbacks);
}

void MainWindow::whenReady(std::function<void()> callback) {
    m_readyCallbacks << std::move(callback);
    // Let queued layout and restoreLayout() run before deciding we are ready.
    QTimer::singleShot(0, this, [this] {
        if (m_loading.isEmpty()) runReadyCallbacks();
    });
}

void MainWindow::runReadyCallbacks() {
    const auto callbacks = std::exchange(m_readyCallbacks, {});
    for (const auto& cb : callbacks) cb();
}

void MainWindow::setDatabasePath(const QString& path) {
    m_databasePath = path;
    m_databaseLabel->setText(tr("Database: %1").arg(path));
    m_databaseLabel->setToolTip(path);
}

void MainWindow::setActivityText(const QString& text) { m_activityLabel->setText(text); }

void MainWindow::openDatabaseDialog() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Seqscope Database"), m_databasePath,
                                                      tr("Seqscope databases (*.db *.sqlite);;All files (*)"));
    if (!path.isEmpty()) emit openDatabaseRequested(path);
}

void MainWindow::showAbout() {
    QMessageBox::about(this, tr("About Seqscope"),
                       tr("<h3>Seqscope %1</h3><p>A workbench for comparing sequence architectures - xLSTM "
                          "(mLSTM blocks) against Transformers - after <i>xLSTM Scaling Laws: Competitive "
                          "Performance with Linear Time-Complexity</i> (Beck et al., arXiv 2510.02228).</p>"
                          "<p>Built-in data: the paper's released runs and Epoch AI's Chinchilla "
                          "replication points (Besiroglu et al., arXiv 2404.10102).</p>")
                           .arg(QString::fromLatin1(kVersion)));
}

void MainWindow::showEvent(QShowEvent* event) {
    QMainWindow::showEvent(event);
    // Dock sizes only apply once the window is laid out, hence here rather than in addDock().
    QTimer::singleShot(0, this, [this] {
        if (!m_needsDefaultDockSizes) return;
        m_needsDefaultDockSizes = false;
        QList<int> widths;
        for (int i = 0; i < m_docks.size(); ++i) widths << 440;
        resizeDocks(m_docks, widths, Qt::Horizontal);
        if (!m_docks.isEmpty()) m_docks.first()->raise();
    });
}

void MainWindow::closeEvent(QCloseEvent* event) {
    Settings::setWindowGeometry(saveGeometry());
    Settings::setWindowState(saveState());
    event->accept();
}

}  // namespace seqscope::gui
