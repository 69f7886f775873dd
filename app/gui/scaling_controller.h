// SPDX-License-Identifier: MIT
// Turns result rows (a built-in dataset or the user's finished runs) into what the Scaling view
// draws: per-architecture IsoFLOP fits at one context, converted to widget plot values, refitted
// whenever the view's selection changes. IsoFLOP fits of the paper's data take milliseconds, so
// they run on the GUI thread.
#pragma once

#include <QObject>
#include <QStringList>
#include <vector>

#include "analysis/scaling_point.h"
#include "scaling_plot_data.h"
#include "scaling_view.h"

namespace seqscope::gui {

using widgets::ScalingPlot;
using widgets::ScalingSelection;

class ScalingController : public QObject {
    Q_OBJECT
public:
    // Feeds `view` (not owned; may be null for tests of the fits alone).
    explicit ScalingController(widgets::ScalingView* view = nullptr, QObject* parent = nullptr);
    // Replaces the data (a dataset's result rows as scaling points) and redraws the view.
    void setPoints(std::vector<analysis::ScalingPoint> points, const QString& sourceTitle = {});
    void setLoadError(const QString& message);
    QStringList sets() const;                       // experiment sets present, IsoFLOP sets first
    QStringList archsIn(const QString& set) const;
    ScalingPlot plot(const ScalingSelection& selection) const;

private:
    void refresh();

    widgets::ScalingView* m_view = nullptr;
    std::vector<analysis::ScalingPoint> m_points;
};

}  // namespace seqscope::gui
