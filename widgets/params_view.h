// SPDX-License-Identifier: MIT
// The hyperparameter view (issue 20, `--view params`): every run with a final loss, as a scatter of
// that loss against one hyperparameter (log axes when the values span more than a decade) and as
// parallel coordinates over several fields with the loss as the last axis. Dragging along an axis
// brushes runs; clicking a point picks one. Both report the runs (runsSelected) so the owner can
// select them in the Runs panel, whose selection comes back through setSelectedRuns. Fields are the
// run's flat config fields plus N, D and C; only fields that vary between the runs are offered.
#pragma once

#include <QMap>
#include <QVector>
#include <QWidget>
#include <cmath>

class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QScatterSeries;

namespace seqscope::widgets {

class ParallelCoordinates;

struct ParamsRun {
    qint64 id = 0;
    QString name;                   // run name (or architecture)
    QString arch;                   // marker shape: xLSTM circles, others squares
    QMap<QString, QString> text;    // field -> value as text (flat config paths, "N", "D", "C")
    QMap<QString, double> number;   // field -> value, for the fields whose value is a number
    double finalValLoss = NAN;      // last val_loss
    double bestValLoss = NAN;       // lowest val_loss
    double finalTrainLoss = NAN;    // last train_loss
};

enum class ParamsLoss { FinalVal = 0, BestVal, FinalTrain };

class ParamsView : public QWidget {
    Q_OBJECT
public:
    explicit ParamsView(QWidget* parent = nullptr);

    // Replaces the runs; the chosen loss, x field and axes stay when they still apply.
    void setRuns(const QVector<ParamsRun>& runs);
    void setLoss(ParamsLoss loss);
    void setXField(const QString& field);              // a numeric field of fields()
    void setAxisFields(const QStringList& fields);     // parallel-coordinate axes before the loss axis
    void setSelectedRuns(const QList<qint64>& ids);    // the Runs panel's selection; no signal

    QStringList fields() const { return m_fields; }    // fields that vary, in offer order
    QString xField() const { return m_xField; }
    QStringList axisFields() const { return m_axisFields; }
    ParamsLoss loss() const { return m_loss; }
    // The scatter as drawn: (x, loss) per plotted run, in the order of plottedRuns().
    QVector<QPointF> scatterPoints() const { return m_points; }
    QList<qint64> plottedRuns() const { return m_plotted; }
    bool xIsLog() const { return m_xLog; }
    bool yIsLog() const { return m_yLog; }
    QChart* scatterChart() const { return m_chart; }
    ParallelCoordinates* parallel() const { return m_parallel; }
    QString lossTitle() const;

signals:
    void runsSelected(const QList<qint64>& ids);

private:
    double lossOf(const ParamsRun& run) const;
    void updateFields();
    void rebuildScatter();
    void rebuildParallel();
    void chooseAxes();

    QComboBox* m_lossBox;
    QComboBox* m_xBox;
    QLabel* m_note;
    QChartView* m_chartView;
    QChart* m_chart;
    QScatterSeries* m_selectedSeries = nullptr;
    ParallelCoordinates* m_parallel;
    QVector<ParamsRun> m_runs;
    QStringList m_fields, m_numericFields;
    QString m_xField;
    QStringList m_axisFields;
    bool m_axesChosen = false;   // the user picked axes: keep them across refreshes
    bool m_lossChosen = false;   // the user picked the loss: runs without val_loss do not switch it
    ParamsLoss m_loss = ParamsLoss::FinalVal;
    QVector<QPointF> m_points;
    QList<qint64> m_plotted;
    QList<qint64> m_selected;
    bool m_xLog = false, m_yLog = false;
};

}  // namespace seqscope::widgets
