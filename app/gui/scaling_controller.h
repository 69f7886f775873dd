// SPDX-License-Identifier: MIT
// Turns result rows (a built-in dataset or the user's finished runs) into what the scaling charts
// draw: per-architecture IsoFLOP fits at one context, converted to widget plot values. IsoFLOP fits
// take milliseconds, so they run on the GUI thread when a selection changes.
#pragma once

#include <QObject>
#include <QStringList>
#include <vector>

#include "analysis/scaling_point.h"
#include "scaling_plot_data.h"

namespace seqscope::gui {

struct ScalingSelection {
    QString set;                 // experiment set, e.g. "isoflop_ctx8192"
    QStringList archs;           // architectures to fit and draw
    bool xIsTokens = false;      // false: loss against N; true: loss against D
    bool includeExcluded = false;// also use runs the paper's filters drop
    bool paperBudgetRange = true;// power laws over the paper's budgets only (see paperBudgetRange())
};

// The budgets the paper's power laws use (scaling-laws.md 7.4): [5e18, 2e20] at context 8192 (the
// 6e20 budget is shown but not fitted), [5e18, 5e19] for the three-budget sets at other contexts.
void paperBudgetRange(const QString& set, double* lo, double* hi);

struct ScalingPlot {
    QVector<widgets::IsoflopCurve> curves;
    QVector<widgets::FrontierSeries> frontier;
    QString summary;             // rich text: fitted laws and warnings per architecture
    int runsUsed = 0;
};

class ScalingController : public QObject {
    Q_OBJECT
public:
    explicit ScalingController(QObject* parent = nullptr);
    void setPoints(std::vector<analysis::ScalingPoint> points);
    QStringList sets() const;                       // experiment sets present, IsoFLOP sets first
    QStringList archsIn(const QString& set) const;
    ScalingPlot plot(const ScalingSelection& selection) const;

private:
    std::vector<analysis::ScalingPoint> m_points;
};

}  // namespace seqscope::gui
