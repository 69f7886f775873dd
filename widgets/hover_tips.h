// SPDX-License-Identifier: MIT
// Hover readouts for chart series: while the pointer is on a marker (or a line), a tooltip shows the
// text given for the nearest point of the series, in screen distance so log axes behave. And run
// picks: clicking a point that stands for one of the user's runs announces the run on the
// application-wide RunPicker, which the workbench connects to the Runs panel, so every chart selects
// runs the same way without each view forwarding a signal.
#pragma once

#include <QObject>
#include <QStringList>
#include <QVector>

class QPointF;
class QXYSeries;

namespace seqscope::widgets {

// The point of `series` (among its first `limit`) nearest `at` on screen; -1 when there is none.
int nearestPoint(QXYSeries* series, const QPointF& at, int limit);

// `tips` holds one text per point, in the series' order (append the points first). A series without
// tips (or after its chart is gone) shows nothing.
void attachHoverTips(QXYSeries* series, const QStringList& tips);

class RunPicker : public QObject {
    Q_OBJECT
public:
    static RunPicker* instance();
signals:
    void runPicked(qint64 runId);
};

// `runIds` holds one run id per point (0: not a run of this database); a click on a point with an id
// emits RunPicker::runPicked.
void attachRunPicks(QXYSeries* series, const QVector<qint64>& runIds);

}  // namespace seqscope::widgets
