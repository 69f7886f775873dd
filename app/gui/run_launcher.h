// SPDX-License-Identifier: MIT
// The run launcher: a form for a training run with live feedback as values change (parameters,
// FLOPs per token, total FLOPs, steps, estimated time and memory) and inline validation that names
// the invalid value. "Start" hands a validated TrainingConfig to whoever listens (the training
// controller queues it); the form itself never trains.
#pragma once

#include <QWidget>

#include "training/training_config.h"

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;

namespace seqscope::gui {

class RunLauncher : public QWidget {
    Q_OBJECT
public:
    explicit RunLauncher(QWidget* parent = nullptr);

    // Measured training throughput on this machine (FLOP/s), used for the time estimate; 0 = unknown.
    void setMeasuredFlopsPerSecond(double flopsPerSecond);
    void setCudaAvailable(bool available);

    // The configuration the form describes; *error names the first invalid value (empty when valid).
    training::TrainingConfig config(QString* error) const;
    QString runName() const;

    // Form access for tests and scripted demos.
    void setArch(const QString& arch);
    void setPreset(const QString& preset);
    void setBudget(const QString& kind, double value);   // kind: tokens | flops | ratio
    void setContext(int context);
    QString feedbackText() const;
    QString validationText() const;
    bool canStart() const;

signals:
    void startRequested(const seqscope::training::TrainingConfig& config, const QString& name);

private:
    void fillPresets();
    void updateFeedback();

    QComboBox* m_arch = nullptr;
    QComboBox* m_preset = nullptr;
    QSpinBox* m_dModel = nullptr;
    QSpinBox* m_layers = nullptr;
    QSpinBox* m_heads = nullptr;
    QSpinBox* m_context = nullptr;
    QComboBox* m_budgetKind = nullptr;
    QLineEdit* m_budget = nullptr;
    QComboBox* m_data = nullptr;
    QLineEdit* m_lr = nullptr;
    QSpinBox* m_batchTokens = nullptr;
    QSpinBox* m_seed = nullptr;
    QComboBox* m_device = nullptr;
    QLineEdit* m_name = nullptr;
    QLabel* m_feedback = nullptr;
    QLabel* m_validation = nullptr;
    QPushButton* m_start = nullptr;
    double m_flopsPerSecond = 0;
    bool m_initializing = false;
};

}  // namespace seqscope::gui
