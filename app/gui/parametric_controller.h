// SPDX-License-Identifier: MIT
// Feeds the Parametric view: loads a scaling source's points (the same source keys as the Scaling
// view: a dataset, runs, sweep:ID, tag:TAG), offers its experiment sets and architectures, and runs
// the parametric fit with its checks (parametric_job.h) on a worker thread, never on the GUI thread.
// One fit runs at a time: a newer request cancels the one in flight and runs next; the user's
// Cancel stops it and keeps the previous plot. Progress is polled from the worker's counter.
// Successful fits are stored in the `fits` table with their provenance. runsChanged() reloads the
// run-based sources and refits when the shown source is made of runs.
#pragma once

#include <QHash>
#include <QObject>
#include <QStringList>
#include <atomic>
#include <memory>
#include <vector>

#include "analysis/parametric_fit.h"
#include "analysis/scaling_point.h"
#include "parametric_plot_data.h"

class QThread;
class QTimer;

namespace seqscope::storage {
class Store;
}
namespace seqscope::widgets {
class ParametricView;
}

namespace seqscope::gui {

struct ParametricJob;
struct ParametricOutcome;

class ParametricController : public QObject {
    Q_OBJECT
public:
    explicit ParametricController(widgets::ParametricView* view, QObject* parent = nullptr);
    ~ParametricController() override;   // cancels a fit in flight and waits for it

    // The workspace (not owned; null detaches). Lists its sources, selects `source` when offered
    // (else the paper's dataset) and fits.
    void setStore(storage::Store* store, const QString& source = QStringLiteral("xlstm-paper"));
    void runsChanged();
    bool selectSource(const QString& key);

    void fit();      // refit with the view's selection (supersedes a fit in flight)
    void cancel();   // stop the fit in flight; the previous plot stays
    bool fitting() const { return m_worker != nullptr; }

    // What the last successful fit used and found (tests compare with fitParametric directly).
    const std::vector<analysis::ScalingPoint>& fittedPoints() const { return m_fittedPoints; }
    const analysis::ParametricFit& lastFit() const { return m_lastFit; }
    const widgets::ParametricPlot& lastPlot() const { return m_lastPlot; }
    long long lastStoredFitId() const { return m_lastFitId; }
    // The points the view's current selection fits (set, architecture, included rows).
    std::vector<analysis::ScalingPoint> selectedPoints() const;

signals:
    void fitStarted();    // a fit left for the worker thread
    void plotReady();     // a new fit reached the view
    void fitFinished();   // the fit in flight ended (drawn, failed or cancelled); nothing runs now

private:
    void loadSource();
    void refreshSets();
    void refreshArchs();
    void startFit();
    void finished(quint64 generation, const std::shared_ptr<ParametricOutcome>& outcome,
                  const std::shared_ptr<ParametricJob>& job);

    widgets::ParametricView* m_view = nullptr;
    storage::Store* m_store = nullptr;
    QString m_sourceKey;                            // whose points m_points holds
    bool m_sourceIsRuns = false;
    std::vector<analysis::ScalingPoint> m_points;   // the selected source
    std::vector<analysis::ScalingPoint> m_runs;     // the user's finished runs (overlay)
    QHash<QString, QString> m_runNames;             // run id -> name
    QThread* m_worker = nullptr;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    std::shared_ptr<std::atomic<int>> m_done, m_total;
    QTimer* m_poll = nullptr;
    quint64 m_generation = 0;
    bool m_pending = false;                         // a newer request arrived while fitting
    bool m_userCancelled = false;
    std::vector<analysis::ScalingPoint> m_fittedPoints;
    analysis::ParametricFit m_lastFit;
    widgets::ParametricPlot m_lastPlot;
    long long m_lastFitId = 0;
};

}  // namespace seqscope::gui
