// SPDX-License-Identifier: MIT
// Workbench: owns the open workspace (the Store) and wires it to the window's views. Opening another
// database replaces the store and refreshes every view; a file that cannot be opened leaves the
// current workspace as it was and says why.
#pragma once

#include <QObject>

class QProcess;
#include <memory>

#include "runs/run_request.h"
#include "training/sweep_plan.h"

namespace seqscope::storage {
class Store;
}
namespace seqscope::widgets {
class InferenceView;
class CalculatorView;
class OverviewView;
class ScalingView;
class ParametricView;
class ContextView;
class ParamsView;
class RunBrowser;
class LossChartView;
}

namespace seqscope::gui {

class FitsController;
class ClusterController;
class ForecastController;
class MainWindow;
class RunLauncher;
class RunsController;
class TrainingController;
class ScalingController;
class ParametricController;
class ContextController;
class ParamsController;
class CalculatorController;
class DashboardController;
class TourController;
struct ViewState;

class Workbench : public QObject {
    Q_OBJECT
public:
    explicit Workbench(MainWindow* window);
    ~Workbench() override;

    // Opens (or creates) the database and shows it. On failure returns false with a translated
    // message in *error; the previous workspace, if any, stays open.
    bool openDatabase(const QString& path, QString* error);
    // The Scaling and Context views' source (workspace/scaling_sources.h key); false when the database has none such.
    bool selectScalingSource(const QString& key);

    // View files (view_state.h; implemented in workbench_view_state.cpp): the workbench's current
    // view, source, filters, ranges, selection and Calculator knobs, and back. applyViewState
    // returns false with a translated *error naming the first field it cannot apply (an unknown
    // view, source or set); what came before it is applied.
    ViewState captureViewState() const;
    bool applyViewState(const ViewState& state, QString* error);
    bool openViewFile(const QString& path, QString* error);

    // Teaching and demo mode (issue 19).
    storage::Store* store() const { return m_store.get(); }
    // Queues a sweep planned elsewhere (the demo, the tour's "try it"); the number of runs, or 0 with *error.
    int queueSweep(const training::SweepOptions& options, const training::SweepPlan& plan, QString* error);
    // Benchmark points were added by another process: reload the Inference view and the Calculator's local model.
    void reloadMeasurements();
    TourController* tour() const { return m_tour; }
    // The step `--view tour` starts at (0-based).
    void setTourStart(int step) { m_tourStart = step; }

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
    ForecastController* m_forecast = nullptr;   // loss-chart forecast bands
    widgets::ParametricView* m_parametric = nullptr;
    ParametricController* m_parametricController = nullptr;
    widgets::ContextView* m_context = nullptr;
    ContextController* m_contextController = nullptr;
    widgets::ParamsView* m_params = nullptr;
    ParamsController* m_paramsController = nullptr;
    widgets::InferenceView* m_inference;
    widgets::RunBrowser* m_browser = nullptr;
    widgets::LossChartView* m_lossChart = nullptr;
    widgets::CalculatorView* m_calculator = nullptr;
    CalculatorController* m_calculatorController = nullptr;
    DashboardController* m_dashboard = nullptr;
    TourController* m_tour = nullptr;
    int m_tourStart = 0;
    RunsController* m_runs;
    FitsController* m_fits = nullptr;
    ClusterController* m_cluster = nullptr;   // Slurm sweeps: collected while open (issue 17)
    TrainingController* m_training;
    RunLauncher* m_launcher;
    std::unique_ptr<storage::Store> m_store;
    QProcess* m_benchmark = nullptr;
    int m_lastRunning = 0;                 // runs training at the last poll   // `seqscope-cli bench inference --checkpoint`, one at a time
};

}  // namespace seqscope::gui
