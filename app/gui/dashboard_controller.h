// SPDX-License-Identifier: MIT
// Feeds the Overview dashboard: the workspace and machine facts, the runs training and queued with
// progress (steps stored / planned steps) and ETA (elapsed time scaled by progress; a queued run's
// from this machine's measured rates), the last finished runs with their final validation loss,
// live thumbnails of other views (re-grabbed every few seconds while the Overview is shown), and
// the demo: planDemoSweep sized to this machine, queued through the TrainingController.
#pragma once

#include <QMap>
#include <QObject>
#include <QPointer>

namespace seqscope::storage {
class Store;
}
namespace seqscope::widgets {
class OverviewView;
struct OverviewFacts;
}

class QTimer;

namespace seqscope::gui {

class MainWindow;
class TrainingController;

class DashboardController : public QObject {
    Q_OBJECT
public:
    DashboardController(MainWindow* window, widgets::OverviewView* view, TrainingController* training,
                        QObject* parent = nullptr);

    void setStore(storage::Store* store);   // not owned; null detaches
    // Views whose pictures the thumbnails show, by the Overview's thumbnail id.
    void setThumbnailSource(const QString& id, QWidget* view);
    void refresh();            // facts and runs now
    void refreshThumbnails();  // pictures now
    // Plans the demo for this machine and queues it; returns the number of runs, or 0 with *error.
    int startDemo(QString* error);

    // The facts the Overview shows (exposed for tests).
    widgets::OverviewFacts facts() const;

signals:
    void demoStarted(int runs);

private:
    MainWindow* m_window;
    widgets::OverviewView* m_view;
    TrainingController* m_training;
    storage::Store* m_store = nullptr;
    QMap<QString, QPointer<QWidget>> m_sources;
    QTimer* m_timer = nullptr;
    int m_ticks = 0;
};

}  // namespace seqscope::gui
