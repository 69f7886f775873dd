// SPDX-License-Identifier: MIT
// The Calculator view (`seqscope --view calculator`): knobs for width, depth, heads, context,
// batch, precision and the token and compute budgets, with presets (the paper's sizes, the CPU
// sizes), and both architectures side by side: parameters, FLOPs per token by kind, training
// compute and memory, inference memory against context, the decode step's FLOPs, bytes and
// predicted time, and what a compute budget buys. Every number shows its formula on hover.
// The view draws what the app's CalculatorController computes (inputsChanged -> setResult).
#pragma once

#include <QVector>
#include <QWidget>

#include "calculator_data.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QSlider;
class QSpinBox;
class QTableWidget;

namespace seqscope::widgets {

class ContextMemoryChart;
class FlopSplitChart;

class CalculatorView : public QWidget {
    Q_OBJECT
public:
    // The quantities in the table, top to bottom (section headings are not rows of this list).
    enum Quantity {
        Params, Projections, FeedForward, SequenceMixing, Logits, ForwardPerToken, FwbwPerToken, SixN,
        TrainingCompute, SixND, Weights, Gradients, Optimizer, Activations, TrainingMemory,
        PrefillFlops, Cache, InferenceMemory, StepFlops, StepBytes, StepH100, StepLocal,
        OptimalParams, OptimalTokens, QuantityCount
    };

    explicit CalculatorView(QWidget* parent = nullptr);

    void setPresets(const QVector<CalculatorPreset>& presets);
    bool applyPreset(const QString& key);        // false when no preset has that key
    // Sets every knob at once and emits inputsChanged once.
    void setInputs(const CalculatorInputs& inputs);
    const CalculatorInputs& inputs() const { return m_inputs; }

    void setResult(const CalculatorResult& result);
    const CalculatorResult& result() const { return m_result; }

    // The raw number shown for `q` of an architecture (NaN when "–"), and its formula (the tooltip).
    double shownValue(Quantity q, bool xlstm) const;
    QString formula(Quantity q) const;
    QTableWidget* table() const { return m_table; }
    FlopSplitChart* flopChart() const { return m_flops; }
    ContextMemoryChart* memoryChart() const { return m_memory; }

signals:
    void inputsChanged(const CalculatorInputs& inputs);

private:
    void buildControls(QWidget* box);
    void buildTable();
    void knobsToInputs();        // a knob moved
    void inputsToKnobs();        // m_inputs -> knobs, without feedback
    void updatePresetBox();
    void fillTable();
    void updateNotes();

    CalculatorInputs m_inputs;
    CalculatorResult m_result;
    QVector<CalculatorPreset> m_presets;
    QComboBox* m_preset = nullptr;
    QSlider* m_widthSlider = nullptr;
    QSpinBox* m_width = nullptr;
    QSlider* m_depthSlider = nullptr;
    QSpinBox* m_depth = nullptr;
    QSpinBox* m_xlstmHeads = nullptr;
    QSpinBox* m_transformerHeads = nullptr;
    QSlider* m_contextSlider = nullptr;   // log2 T
    QSpinBox* m_context = nullptr;
    QSlider* m_batchSlider = nullptr;     // log2 B
    QSpinBox* m_batch = nullptr;
    QComboBox* m_precision = nullptr;
    QLineEdit* m_tokens = nullptr;
    QLineEdit* m_compute = nullptr;
    QTableWidget* m_table = nullptr;
    QVector<int> m_rowOf;                 // table row of each Quantity
    FlopSplitChart* m_flops = nullptr;
    ContextMemoryChart* m_memory = nullptr;
    QLabel* m_headline = nullptr;         // the one-sentence takeaway
    QLabel* m_sources = nullptr;          // where the step times and laws come from
    bool m_initializing = false;
};

}  // namespace seqscope::widgets
