// SPDX-License-Identifier: MIT
// The Scaling view: pick an experiment set (context), architectures and N or D; see every run's
// IsoFLOP profile with its fitted parabola and the compute-optimal frontier with its power law.
// The view draws what it is given (setSets, setPlot) and reports its selection; the app's
// ScalingController does the fits.
#pragma once

#include <QWidget>

#include "scaling_plot_data.h"

class QCheckBox;
class QComboBox;
class QLabel;

namespace seqscope::widgets {

class IsoflopChartView;
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
    void setSourceTitle(const QString& title);
    void setFitting(bool fitting);   // "Fitting..." beside the controls while a fit runs
    void setLoadError(const QString& message);
    void setPlot(const ScalingPlot& plot);
    ScalingSelection selection() const;
    // Selects an experiment set by name ("isoflop_ctx8192"); false when absent.
    bool selectSet(const QString& set);

signals:
    void selectionChanged();

private:
    void updateSourceNote();

    QComboBox* m_sourceBox = nullptr;
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
    bool m_initializing = false;   // no selectionChanged while the controls are refilled
};

}  // namespace seqscope::widgets
