// SPDX-License-Identifier: MIT
// Feeds the Context view: loads a scaling source's IsoFLOP sets at every context (a reference
// dataset, or this database's finished runs: all, a sweep, a tag; workspace/scaling_sources.h), runs
// the context study (analysis/context_study.h) per architecture on a worker thread, with the user's
// runs as a group of their own beside a dataset, and records each fit in the store's `fits` table
// (kind "context", with its source, options and the program version), once per distinct result.
// A newer selection supersedes a fit in flight; runsChanged() reloads run-based sources and refits.
#pragma once

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>
#include <QVector>
#include <vector>

#include "analysis/scaling_point.h"
#include "context_plot_data.h"

class QThread;

namespace seqscope::storage {
class Store;
}
namespace seqscope::widgets {
class ContextView;
}

namespace seqscope::gui {

using widgets::ContextPlot;
using widgets::ContextSelection;

// One fit to record: the `fits` row's fields as JSON text.
struct ContextFitRecord {
    QString label, selectionJson, paramsJson, optionsJson;
    QVector<long long> inputRuns;   // the runs it used, when the points are runs
};

// A plot and the fits behind it.
struct ContextOutcome {
    ContextPlot plot;
    QVector<ContextFitRecord> fits;
};

class ContextController : public QObject {
    Q_OBJECT
public:
    // Feeds `view` (not owned; may be null for tests of the fits alone).
    explicit ContextController(widgets::ContextView* view = nullptr, QObject* parent = nullptr);
    ~ContextController() override;

    // The workspace the sources come from (not owned; null detaches). Lists its sources in the view,
    // selects `source` when it exists (else the first) and fits.
    void setStore(storage::Store* store, const QString& source = QStringLiteral("xlstm-paper"));
    // Finished runs were added or removed: reload the run-based sources and refit.
    void runsChanged();
    bool selectSource(const QString& key);

    // Fixed data instead of a store (tests): `points` are the source's, `runs` the user's.
    void setPoints(std::vector<analysis::ScalingPoint> points, const QString& sourceTitle = {},
                   std::vector<analysis::ScalingPoint> runs = {});
    ContextPlot plot(const ContextSelection& selection) const;   // synchronous, for tests
    bool fitting() const { return m_worker != nullptr; }
    long long lastStoredFit() const { return m_lastStoredFit; }  // id of the last fit recorded, 0 if none

    // The fits behind a plot: the `source` points (run-based when `sourceIsRuns`) and the user's
    // `runs` beside them. The paper's data use its context-study budget range [5e18, 5e19].
    static ContextOutcome compute(const ContextSelection& selection, const std::vector<analysis::ScalingPoint>& source,
                                  bool sourceIsRuns, const std::vector<analysis::ScalingPoint>& runs);
    // True for IsoFLOP sets at one context ("isoflop_ctx8192"), not ablations or token/param sets.
    static bool isContextSet(const std::string& set);

signals:
    void fitStarted();  // a fit left for the worker thread
    void plotReady();   // a fitted plot reached the view

private:
    void refresh();
    void load(const QString& key);
    void startFit();
    void fitFinished(quint64 generation, const ContextOutcome& outcome);
    void storeFits(const QVector<ContextFitRecord>& fits);
    std::vector<analysis::ScalingPoint> overlayFor(const ContextSelection& selection) const;
    void setLoadError(const QString& message);

    widgets::ContextView* m_view = nullptr;
    storage::Store* m_store = nullptr;
    QString m_sourceKey;                           // whose points m_points holds
    bool m_sourceIsRuns = false;
    std::vector<analysis::ScalingPoint> m_points;  // the selected source
    std::vector<analysis::ScalingPoint> m_runs;    // the user's finished runs (overlay)
    QThread* m_worker = nullptr;
    quint64 m_generation = 0;
    bool m_pending = false;                        // a newer selection arrived while fitting
    long long m_lastStoredFit = 0;
};

}  // namespace seqscope::gui
