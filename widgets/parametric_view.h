// SPDX-License-Identifier: MIT
// The Parametric view: fit L(N, D) = E + (A N^-alpha + B D^-beta)^gamma to a source's runs and see
// the fit from four sides (iso-loss contours with iso-FLOP lines and the compute-optimal path, loss
// against compute, predicted against observed, residuals by budget) beside its coefficients, a
// leave-one-budget-out table and the Huber-delta sensitivity. The view draws what it is given and
// reports its selection; the app's ParametricController runs the fits on a worker thread.
// Changing the data (source, set, architecture) refits at once; fit options apply on "Fit".
#pragma once

#include <QList>
#include <QPair>
#include <QWidget>

#include "parametric_plot_data.h"
#include "scaling_plot_data.h"

class QBoxLayout;
class QCheckBox;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace seqscope::widgets {

class IsolossChartView;
class LossComputeChartView;
class ParametricSidePanel;
class PredictedChartView;
class ResidualChartView;
class SourceBox;

class ParametricView : public QWidget {
    Q_OBJECT
public:
    explicit ParametricView(QWidget* parent = nullptr);

    // The sources to offer; keeps the current one when still offered, else `preferred`, else the
    // first. Emits dataChanged.
    void setSources(const QList<SourceChoice>& sources, const QString& preferred);
    bool selectSource(const QString& key);
    // The experiment sets of the current source: (key, title); a key joins sets with '+'. Keeps the
    // current set when still there, else `preferred`, else the first. Emits no signal.
    void setSets(const QList<QPair<QString, QString>>& sets, const QString& preferred);
    bool selectSet(const QString& key);
    // Architectures of the current set; keeps the current one, else xLSTM, else the first.
    void setArchs(const QStringList& archs);
    void setRunsAvailable(bool available);   // enables "With your runs"
    void setFitOptions(const ParametricSelection& options);   // form, delta, grid, bootstrap
    ParametricSelection selection() const;

    void setFitting(bool fitting);           // Fit turns into Cancel; the progress bar shows
    void setProgress(int done, int total);
    void setMessage(const QString& text, bool error = false);   // inline status: "cancelled", errors
    void setPlot(const ParametricPlot& plot);

    // For tests and screenshots.
    const IsolossChartView* isolossChart() const { return m_isoloss; }
    const PredictedChartView* predictedChart() const { return m_predicted; }
    const ResidualChartView* residualChart() const { return m_residuals; }
    const LossComputeChartView* lossComputeChart() const { return m_lossCompute; }
    const ParametricSidePanel* sidePanel() const { return m_side; }
    QString message() const;
    const ParametricPlot& plot() const { return m_plot; }   // what is drawn (the CSV export's rows)
    bool fitting() const { return m_fitting; }

signals:
    void sourceChanged();   // a new source: the controller reloads points, sets and architectures
    void dataChanged();     // set, architecture or "with your runs": refit
    void fitRequested();    // the Fit button
    void cancelRequested(); // the Cancel button

private:
    void updateBudgetKey(const ParametricPlot& plot);

    SourceBox* m_source = nullptr;
    QComboBox* m_set = nullptr;
    QComboBox* m_arch = nullptr;
    QCheckBox* m_withRuns = nullptr;
    QComboBox* m_form = nullptr;
    QComboBox* m_delta = nullptr;
    QComboBox* m_grid = nullptr;
    QSpinBox* m_bootstrap = nullptr;
    QPushButton* m_fit = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_message = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_budgetKey = nullptr;
    IsolossChartView* m_isoloss = nullptr;
    LossComputeChartView* m_lossCompute = nullptr;
    PredictedChartView* m_predicted = nullptr;
    ResidualChartView* m_residuals = nullptr;
    ParametricSidePanel* m_side = nullptr;
    QBoxLayout* m_exportSlot = nullptr;
    ParametricPlot m_plot;
    bool m_fitting = false;
    bool m_initializing = false;   // no signals while the controls are refilled
};

}  // namespace seqscope::widgets
