// SPDX-License-Identifier: MIT
// Turns a scaling source (a reference dataset, or this database's finished runs: all, a sweep, a
// tag; workspace/scaling_sources.h) into what the Scaling view draws: per-architecture IsoFLOP fits
// at one context, with the user's runs optionally drawn and fitted beside the source's as series
// of their own. Fits run on a worker thread, never on the GUI thread; a newer selection supersedes a
// fit in flight, and the view shows "fitting" meanwhile. runsChanged() reloads the run-based
// sources, so a sweep's finishing run appears and the parabolas and frontier refit by themselves.
#pragma once

#include <QMap>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <vector>

#include "analysis/scaling_point.h"
#include "scaling_plot_data.h"
#include "scaling_view.h"

class QThread;

namespace seqscope::storage {
class Store;
}

namespace seqscope::gui {

using widgets::ScalingPlot;
using widgets::ScalingSelection;

class ScalingController : public QObject {
    Q_OBJECT
public:
    // Feeds `view` (not owned; may be null for tests of the fits alone).
    explicit ScalingController(widgets::ScalingView* view = nullptr, QObject* parent = nullptr);
    ~ScalingController() override;

    // The workspace the sources come from (not owned; null detaches). Lists its sources in the
    // view, selects `source` when it exists (else the paper's dataset) and fits.
    void setStore(storage::Store* store, const QString& source = QStringLiteral("xlstm-paper"));
    // Finished runs were added or removed: reload the run-based sources and refit.
    void runsChanged();
    bool selectSource(const QString& key);

    // Fixed data instead of a store (tests): `points` are the selected source's, `runs` the user's.
    void setPoints(std::vector<analysis::ScalingPoint> points, const QString& sourceTitle = {},
                   std::vector<analysis::ScalingPoint> runs = {});
    void setLoadError(const QString& message);
    QStringList sets() const;                       // experiment sets present, IsoFLOP sets first
    QStringList archsIn(const QString& set) const;
    ScalingPlot plot(const ScalingSelection& selection) const;   // synchronous, for tests
    bool fitting() const { return m_worker != nullptr; }
    // Stores the drawn fit in the workspace's `fits` table, one row per frontier (scaling_fit_record.h).
    // Returns the new ids; empty with *error set when there is no store, nothing fitted, or a write failed.
    QList<qint64> saveFit(QString* error);

    // The fit behind a plot: `source` points, and the user's `runs` fitted as series of their own.
    static ScalingPlot computePlot(const ScalingSelection& selection, const std::vector<analysis::ScalingPoint>& source,
                                   const std::vector<analysis::ScalingPoint>& runs);

signals:
    void fitStarted();  // a fit left for the worker thread
    void plotReady();   // a fitted plot reached the view
    void fitStored();   // saveFit added rows to the fits table

private:
    void refresh();
    void load(const QString& key);
    std::vector<analysis::ScalingPoint> overlayFor(const ScalingSelection& selection) const;
    void startFit();
    void fitFinished(quint64 generation, const ScalingPlot& plot);

    widgets::ScalingView* m_view = nullptr;
    storage::Store* m_store = nullptr;
    QString m_sourceKey;                           // whose points m_points holds
    std::vector<analysis::ScalingPoint> m_points;  // the selected source
    std::vector<analysis::ScalingPoint> m_runs;    // the user's finished runs (overlay)
    QThread* m_worker = nullptr;
    quint64 m_generation = 0;
    bool m_pending = false;                        // a newer selection arrived while fitting
};

}  // namespace seqscope::gui
