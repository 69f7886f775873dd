// SPDX-License-Identifier: MIT
// The Scaling view: pick an experiment set (context), architectures and N or D; see every run's
// IsoFLOP profile with its fitted parabola and the compute-optimal frontier with its power law and
// bootstrap band, a coefficient table, and what a typed compute budget buys under each law.
// The view draws what it is given (setSets, setPlot) and reports its selection; the app's
// ScalingController does the fits.
#pragma once

#include <QWidget>

#include "scaling_plot_data.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableWidget;
class QToolButton;

namespace seqscope::widgets {

class IsoflopChartView;
class SourceBox;
class FrontierChartView;

class ScalingView : public QWidget {
    Q_OBJECT
public:
    explicit ScalingView(QWidget* parent = nullptr);
    // The experiment sets to offer (IsoFLOP sets are listed; token/param sets are not profiles).
    // Keeps the current set when it is still there, else context 8192, else the first.
    void setSets(const QStringList& sets);
    // The sources to offer (datasets and this database's runs); keeps the current one when it is
    // still offered, else selects `preferred`, else the first. Emits selectionChanged.
    void setSources(const QList<SourceChoice>& sources, const QString& preferred);
    bool selectSource(const QString& key);
    void setRunsAvailable(bool available);   // enables "With your runs" (setSources does this too)
    void setSourceTitle(const QString& title);
    void setFitting(bool fitting);   // "Fitting..." beside the controls while a fit runs
    void setNote(const QString& text);   // a short message beside the controls ("Saved as fit 12")
    void setLoadError(const QString& message);
    void setPlot(const ScalingPlot& plot);
    // Rings the minima or frontier points `highlight` names and dims the rest of that chart (the
    // tour's "look here"); the charts keep it across refits. An empty highlight clears it.
    void setHighlight(const ScalingHighlight& highlight);
    const ScalingHighlight& highlight() const { return m_highlight; }
    ScalingSelection selection() const;
    // Selects an experiment set by name ("isoflop_ctx8192"); false when absent.
    bool selectSet(const QString& set);
    const ScalingPlot& plot() const { return m_plot; }
    // Sets the filters of `sel` (architectures, axis, "with your runs", excluded runs, budget range;
    // not the source or set, which have their own setters) and refits once.
    void setFilters(const ScalingSelection& sel);
    // Leaves a point (its pointKey) out of the fits, or brings it back; refits.
    void togglePoint(const QString& key);

    // "What does budget C buy": N* and D* of `compute` under every drawn frontier's laws.
    void setBudgetQuery(double compute);
    double budgetQuery() const;   // the typed budget (FLOPs); 0 when it is not a positive number
    QTableWidget* coefficientTable() const { return m_coefficients; }
    QTableWidget* budgetTable() const { return m_budgetTable; }
    FrontierChartView* frontierChart() const { return m_frontier; }
    IsoflopChartView* isoflopChart() const { return m_isoflop; }

    // Exports: both charts side by side as PNG (at `scale` x the on-screen size) or SVG, and the
    // drawn data as CSV (scalingPlotCsv). False with a message in *error when the file cannot be written.
    bool exportPng(const QString& path, qreal scale, QString* error) const;
    bool exportSvg(const QString& path, QString* error) const;
    bool exportCsv(const QString& path, QString* error) const;

signals:
    void selectionChanged();
    void saveFitRequested();          // "Save Fit": store the drawn laws in the fits table

private:
    void updateSourceNote();
    void updateCoefficients();
    void updateBudgetAnswer();

    SourceBox* m_sourceBox = nullptr;
    QCheckBox* m_withRuns = nullptr;
    QLabel* m_fitting = nullptr;
    QString m_sourceTitle;           // setSourceTitle's, for fixed data without a source list
    QComboBox* m_set = nullptr;
    QComboBox* m_axis = nullptr;
    QCheckBox* m_xlstm = nullptr;
    QCheckBox* m_transformer = nullptr;
    QCheckBox* m_excluded = nullptr;
    QCheckBox* m_paperRange = nullptr;
    QLabel* m_source = nullptr;
    QLabel* m_summary = nullptr;
    IsoflopChartView* m_isoflop = nullptr;
    FrontierChartView* m_frontier = nullptr;
    QWidget* m_charts = nullptr;            // both charts, for the image exports
    QTableWidget* m_coefficients = nullptr; // one row per frontier: exponents with errors and intervals
    QLineEdit* m_budget = nullptr;          // "1e22"
    QTableWidget* m_budgetTable = nullptr;  // what the typed budget buys under each law
    QToolButton* m_export = nullptr;
    QToolButton* m_save = nullptr;
    ScalingPlot m_plot;
    ScalingHighlight m_highlight;
    QSet<QString> m_leftOut;                // points left out of the fits (Shift+click)
    bool m_initializing = false;   // no selectionChanged while the controls are refilled
};

}  // namespace seqscope::widgets
