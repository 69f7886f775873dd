// SPDX-License-Identifier: MIT
// The Inference view: time to first token and decode step time against context, for the paper's
// H100 measurements (built in) or the benchmark points in this database (`seqscope-cli bench
// inference`), with the Transformer/xLSTM ratio at each context for the largest pair of models.
#pragma once

#include <QVector>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;

namespace seqscope::widgets {

class LatencyChartView;

struct LatencyPoint {
    QString arch;            // "xlstm" | "transformer"
    QString model;           // "xlstm_7b", "xlstm-10m", ...
    double params = 0;       // N, orders models within an architecture
    long long batch = 1;
    long long prefill = 0;   // tokens
    double ttftMs = 0;       // NaN or <= 0: failed / out of memory
    double stepMs = 0;
};

class InferenceView : public QWidget {
    Q_OBJECT
public:
    explicit InferenceView(QWidget* parent = nullptr);
    void setReference(QVector<LatencyPoint> points, const QString& description);
    void setMeasured(QVector<LatencyPoint> points);
    QString ratioText() const;
    int plottedSeries() const;

    // Imported models (`seqscope-cli model import`) that can be benchmarked on this machine, by
    // name; "Benchmark" emits benchmarkRequested. setBenchmarkStatus shows progress or the outcome
    // and, while `busy`, disables the button.
    void setModels(const QStringList& names);
    void setBenchmarkStatus(const QString& text, bool busy);
    void showMeasured();

signals:
    void benchmarkRequested(const QString& model);

private:
    void refillBatches();
    void redraw();
    const QVector<LatencyPoint>& current() const;

    QVector<LatencyPoint> m_reference, m_measured;
    QString m_referenceDescription;
    QComboBox* m_source = nullptr;
    QComboBox* m_metric = nullptr;
    QComboBox* m_batch = nullptr;
    widgets::LatencyChartView* m_chart = nullptr;
    QLabel* m_ratio = nullptr;
    QComboBox* m_model = nullptr;
    QPushButton* m_benchmark = nullptr;
    QLabel* m_benchmarkStatus = nullptr;
    bool m_benchmarkBusy = false;
    bool m_initializing = false;
};

}  // namespace seqscope::widgets
