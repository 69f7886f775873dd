// SPDX-License-Identifier: MIT
// The run launcher: a form that fills a runs::RunRequest, with live feedback from the run service as
// values change (the resolved run's parameters, FLOPs, steps; time and memory from
// runs/run_estimate.h) and inline validation that names the invalid value. Empty fields mean the
// service's defaults. "Start" hands the request to whoever listens (the training controller
// resolves and queues it); the form itself decides no default and never trains.
#pragma once

#include <QPointer>
#include <QVector>
#include <QWidget>

#include "runs/run_estimate.h"
#include "runs/run_resolver.h"

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QThread;
class QTimer;

namespace seqscope::gui {

// A model directory imported into the database (`model import`), offered as a starting point.
struct ImportedModel {
    QString name;
    QString path;
    QString arch;   // "xlstm" | "transformer"
    int dModel = 0, layers = 0, heads = 0;
};

class RunLauncher : public QWidget {
    Q_OBJECT
public:
    explicit RunLauncher(QWidget* parent = nullptr);
    ~RunLauncher() override;

    // Training throughput measured on this machine (runs::measuredThroughput), for the time estimate.
    // When unknown, the launcher times one probe step of the run in the background instead.
    void setThroughput(const runs::Throughput& throughput);
    void setCudaAvailable(bool available);
    // Imported models appear in the model list of their architecture; choosing one starts the run
    // from its weights (RunRequest::initFrom) with its shape.
    void setImportedModels(const QVector<ImportedModel>& models);

    // The request the form describes; *error names the first value the form cannot read (empty
    // when it reads); the run service checks the rest.
    runs::RunRequest request(QString* error) const;
    // The request resolved for a preview (no data loaded); the first problem in *error.
    runs::ResolvedRun preview(QString* error) const;

    // Form access for tests and scripted demos.
    void setArch(const QString& arch);
    void setPreset(const QString& preset);
    void setBudget(const QString& kind, double value);   // kind: tokens | flops | ratio
    void setContext(int context);
    void setData(const QString& data);
    void setRunName(const QString& name);
    QString feedbackText() const;
    QString validationText() const;
    bool canStart() const;
    bool probing() const;

signals:
    void startRequested(const seqscope::runs::RunRequest& request);

private:
    void fillPresets();
    void updateFeedback();
    void startProbe();
    void probeFinished(const training::TrainingConfig& config, const training::StepProbe& probe);

    QVector<ImportedModel> m_models;
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
    runs::Throughput m_throughput;          // measured on this machine; unknown until runs finished
    // The last probe step and the config it measured (its numbers apply while the model and batch
    // are the same); a probe runs on its own thread, one at a time, after typing pauses.
    training::StepProbe m_probe;
    std::string m_probeKey;
    QTimer* m_probeTimer = nullptr;
    QPointer<QThread> m_probeThread;
    bool m_initializing = false;
};

}  // namespace seqscope::gui
