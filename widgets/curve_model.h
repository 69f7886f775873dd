// SPDX-License-Identifier: MIT
// Full-resolution store of the plotted runs' curves (no QWidget): every point the app sends is kept,
// column-wise, so downsampling and smoothing always start from full resolution (anchors R1, R6).
// Append-only: a live run only adds points, and caches downstream extend instead of recomputing
// (anchors R3, R7). Memory is 40 bytes per point (20 runs x 200k points = 160 MB).
#pragma once

#include "curve_types.h"

#include <QVector>
#include <vector>

namespace seqscope::widgets {

struct RunSeries {
    RunCurveInfo info;
    // x candidates, column-wise; index with static_cast<int>(XAxisKind). RelativeTime has no column
    // (the pipeline derives it from WallTime), so xs[RelativeTime] stays empty.
    std::vector<double> xs[kXAxisKindCount];
    std::vector<double> value;
    quint64 generation = 0;  // bumped when this run's points are dropped; caches keyed on it rebuild

    size_t size() const { return value.size(); }
    qint64 lastStep() const { return value.empty() ? -1 : static_cast<qint64>(xs[0].back()); }
};

class CurveModel {
public:
    // Sets the plotted runs, in legend order. Runs whose key stays keep their points (labels and the
    // live flag are updated); runs not listed are dropped. Duplicate keys: the first one wins.
    void setRuns(const QVector<RunCurveInfo>& runs);
    // Appends points to run `key`, in step order. Points whose step is <= the run's last step are
    // skipped, so a controller may re-send an overlapping window safely. Returns the number of points
    // appended, or -1 if `key` is not a plotted run (points of unselected runs are ignored).
    qsizetype appendPoints(const QString& key, const QVector<CurvePoint>& points);
    // Drops every run's points (e.g. the metric changed) but keeps the runs.
    void clearPoints();

    int runCount() const { return static_cast<int>(m_runs.size()); }
    const RunSeries& run(int index) const { return m_runs[static_cast<size_t>(index)]; }
    int indexOf(const QString& key) const;
    qint64 totalPoints() const;
    // Bumped by every change; views compare it to know whether to redraw.
    quint64 revision() const { return m_revision; }

private:
    std::vector<RunSeries> m_runs;
    quint64 m_revision = 0;
    quint64 m_nextGeneration = 1;
};

}  // namespace seqscope::widgets
