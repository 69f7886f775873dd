// SPDX-License-Identifier: MIT
// The Context view: how the compute-optimal model size N* (or token count D*) moves with the context
// length T at fixed compute, per budget and architecture (scaling-laws.md 11), with the exponents of
// the fitted laws side by side and the finding stated from them. The view draws what it is given
// (setSources, setPlot) and reports its selection; the app's ContextController does the fits.
#pragma once

#include <QList>
#include <QWidget>

#include "context_plot_data.h"
#include "scaling_plot_data.h"

class QCheckBox;
class QComboBox;
class QLabel;

namespace seqscope::widgets {

class ContextChartView;
class ContextExponentView;
class SourceBox;

class ContextView : public QWidget {
    Q_OBJECT
public:
    explicit ContextView(QWidget* parent = nullptr);
    // The sources to offer; keeps the current one when still offered, else selects `preferred`,
    // else the first. Emits selectionChanged.
    void setSources(const QList<SourceChoice>& sources, const QString& preferred);
    bool selectSource(const QString& key);
    void setSourceTitle(const QString& title);   // fixed data without a source list
    void setFitting(bool fitting);                // "Fitting..." beside the controls while a fit runs
    void setLoadError(const QString& message);
    void setPlot(const ContextPlot& plot);
    ContextSelection selection() const;
    ContextChartView* chart() const { return m_chart; }
    ContextExponentView* exponents() const { return m_exponents; }
    const ContextPlot& plot() const { return m_plot; }   // what is drawn (the CSV export's rows)

signals:
    void selectionChanged();

private:
    void updateSourceNote();

    SourceBox* m_sourceBox = nullptr;
    QCheckBox* m_withRuns = nullptr;
    QLabel* m_fitting = nullptr;
    QString m_sourceTitle;
    QComboBox* m_quantity = nullptr;
    QCheckBox* m_xlstm = nullptr;
    QCheckBox* m_transformer = nullptr;
    ContextChartView* m_chart = nullptr;
    ContextExponentView* m_exponents = nullptr;
    QLabel* m_finding = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_source = nullptr;
    ContextPlot m_plot;
    bool m_initializing = false;   // no selectionChanged while the controls are refilled
};

}  // namespace seqscope::widgets
