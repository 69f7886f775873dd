// SPDX-License-Identifier: MIT
// Workbench: owns the open workspace (the Store) and wires it to the window's views. Opening another
// database replaces the store and refreshes every view; a file that cannot be opened leaves the
// current workspace as it was and says why.
#pragma once

#include <QObject>

class QProcess;
#include <memory>

#include "runs/run_request.h"

namespace seqscope::storage {
class Store;
}
namespace seqscope::widgets {
class InferenceView;
class OverviewView;
class ScalingView;
}

namespace seqscope::gui {

class MainWindow;
class RunLauncher;
class RunsController;
class TrainingController;
class ScalingController;

class Workbench : public QObject {
    Q_OBJECT
public:
    explicit Workbench(MainWindow* window);
    ~Workbench() override;

    // Opens (or creates) the database and shows it. On failure returns false with a translated
    // message in *error; the previous workspace, if any, stays open.
    bool openDatabase(const QString& path, QString* error);
    // The Scaling view's source (workspace/scaling_sources.h key); false when the database has none such.
    bool selectScalingSource(const QString& key);

private:
    void refreshOverview();
    void loadScalingData();
    void loadInferenceData();
    void loadImportedModels();
    void benchmarkModel(const QString& name);
    void startRun(const runs::RunRequest& request);
    void updateMeasuredThroughput();
    QWidget* buildLossView(QWidget* chart);

    MainWindow* m_window;
    widgets::OverviewView* m_overview;
    widgets::ScalingView* m_scaling;
    ScalingController* m_scalingController;
    widgets::InferenceView* m_inference;
    RunsController* m_runs;
    TrainingController* m_training;
    RunLauncher* m_launcher;
    std::unique_ptr<storage::Store> m_store;
    QProcess* m_benchmark = nullptr;
    int m_lastRunning = 0;                 // runs training at the last poll   // `seqscope-cli bench inference --checkpoint`, one at a time
};

}  // namespace seqscope::gui
