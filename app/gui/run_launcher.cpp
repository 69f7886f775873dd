// SPDX-License-Identifier: MIT
#include "run_launcher.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <cstring>

#include "analysis/model_shape.h"
#include "analysis/presets.h"
#include "runs/run_resolver.h"
#include "status_text.h"

namespace seqscope::gui {
namespace {

const char* kCustom = "custom";
const char* kModelPrefix = "model:";   // data of an imported model entry: "model:" + its directory

QString formatSeconds(double s) {
    if (!std::isfinite(s) || s <= 0) return RunLauncher::tr("unknown");
    if (s < 90) return RunLauncher::tr("%1 s").arg(s, 0, 'f', 0);
    if (s < 5400) return RunLauncher::tr("%1 min").arg(s / 60, 0, 'f', 1);
    return RunLauncher::tr("%1 h").arg(s / 3600, 0, 'f', 1);
}

QString formatBytes(double b) {
    if (b >= 1024.0 * 1024 * 1024) return RunLauncher::tr("%1 GiB").arg(b / (1024.0 * 1024 * 1024), 0, 'f', 1);
    return RunLauncher::tr("%1 MiB").arg(b / (1024.0 * 1024), 0, 'f', 0);
}

}  // namespace

RunLauncher::RunLauncher(QWidget* parent) : QWidget(parent) {
    m_arch = new QComboBox(this);
    m_arch->addItem(tr("xLSTM"), QStringLiteral("xlstm"));
    m_arch->addItem(tr("Transformer"), QStringLiteral("transformer"));
    m_preset = new QComboBox(this);
    m_dModel = new QSpinBox(this);
    m_dModel->setRange(8, 8192);
    m_dModel->setSingleStep(32);
    m_layers = new QSpinBox(this);
    m_layers->setRange(1, 128);
    m_heads = new QSpinBox(this);
    m_heads->setRange(1, 128);
    m_context = new QSpinBox(this);
    m_context->setRange(8, 65536);
    m_context->setSingleStep(64);
    m_context->setValue(int(runs::kDefaultContext));
    m_budgetKind = new QComboBox(this);
    m_budgetKind->addItem(tr("Tokens D"), QStringLiteral("tokens"));
    m_budgetKind->addItem(tr("Training FLOPs C"), QStringLiteral("flops"));
    m_budgetKind->addItem(tr("Tokens per parameter D/N"), QStringLiteral("ratio"));
    m_budget = new QLineEdit(QString::number(runs::kExampleTokenBudget, 'g', 3), this);
    m_data = new QComboBox(this);
    m_data->setEditable(true);
    m_data->addItem(QString::fromLatin1(runs::kDefaultData));
    m_data->addItem(QStringLiteral("synthetic:mqar"));
    m_data->addItem(QStringLiteral("synthetic:selective-copy"));
    m_data->setToolTip(tr("fortunes (built-in English corpus), synthetic:mqar, synthetic:selective-copy, a text "
                          "file path, or tokens:PATH for uint16 token files"));
    m_lr = new QLineEdit(this);
    m_lr->setPlaceholderText(tr("automatic (the paper's for the size)"));
    m_batchTokens = new QSpinBox(this);
    m_batchTokens->setRange(0, 1 << 24);
    m_batchTokens->setSingleStep(1024);
    m_batchTokens->setSpecialValueText(tr("automatic"));   // 0: the run service's default
    m_batchTokens->setValue(0);
    m_seed = new QSpinBox(this);
    m_seed->setRange(0, 1 << 30);
    m_seed->setValue(int(training::TrainingConfig{}.seed));
    m_device = new QComboBox(this);
    m_device->addItem(tr("CPU"), QStringLiteral("cpu"));
    m_name = new QLineEdit(this);
    m_name->setPlaceholderText(tr("automatic"));
    // Stable names for tests and accessibility tools.
    m_arch->setObjectName(QStringLiteral("arch"));
    m_preset->setObjectName(QStringLiteral("preset"));
    m_dModel->setObjectName(QStringLiteral("dModel"));
    m_layers->setObjectName(QStringLiteral("layers"));
    m_heads->setObjectName(QStringLiteral("heads"));
    m_context->setObjectName(QStringLiteral("context"));
    m_budget->setObjectName(QStringLiteral("budget"));
    m_lr->setObjectName(QStringLiteral("lr"));
    m_batchTokens->setObjectName(QStringLiteral("batchTokens"));
    m_data->setObjectName(QStringLiteral("data"));

    auto* form = new QFormLayout;
    form->addRow(tr("Architecture"), m_arch);
    form->addRow(tr("Model"), m_preset);
    form->addRow(tr("Width d_model"), m_dModel);
    form->addRow(tr("Blocks"), m_layers);
    form->addRow(tr("Heads"), m_heads);
    form->addRow(tr("Context"), m_context);
    form->addRow(tr("Budget in"), m_budgetKind);
    form->addRow(tr("Budget"), m_budget);
    form->addRow(tr("Data"), m_data);
    form->addRow(tr("Peak learning rate"), m_lr);
    form->addRow(tr("Tokens per step"), m_batchTokens);
    form->addRow(tr("Seed"), m_seed);
    form->addRow(tr("Device"), m_device);
    form->addRow(tr("Run name"), m_name);

    m_feedback = new QLabel(this);
    m_feedback->setTextFormat(Qt::RichText);
    m_feedback->setWordWrap(true);
    m_validation = new QLabel(this);
    m_validation->setWordWrap(true);
    m_validation->setStyleSheet(QStringLiteral("color: #c0392b;"));
    m_start = new QPushButton(tr("&Start Run"), this);
    m_start->setDefault(true);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_feedback);
    layout->addWidget(m_validation);
    layout->addWidget(m_start);
    layout->addStretch(1);

    fillPresets();
    auto changed = [this] {
        if (!m_initializing) updateFeedback();
    };
    connect(m_arch, &QComboBox::currentIndexChanged, this, [this] {
        fillPresets();
        updateFeedback();
    });
    connect(m_preset, &QComboBox::currentIndexChanged, this, [this] {
        const QString choice = m_preset->currentData().toString();
        const auto* preset = analysis::findPreset(choice.toStdString());
        const bool custom = choice == QLatin1String(kCustom);
        m_dModel->setEnabled(custom);
        m_layers->setEnabled(custom);
        m_heads->setEnabled(custom);
        for (const ImportedModel& m : m_models)
            if (choice == QLatin1String(kModelPrefix) + m.path) {
                m_initializing = true;
                m_dModel->setValue(m.dModel);
                m_layers->setValue(m.layers);
                m_heads->setValue(m.heads);
                m_initializing = false;
            }
        if (preset) {
            m_initializing = true;
            m_dModel->setValue(preset->shape.dModel);
            m_layers->setValue(preset->shape.layers);
            m_heads->setValue(preset->shape.heads);
            m_context->setValue(int(std::min<long long>(preset->context, m_context->maximum())));
            m_initializing = false;
        }
        updateFeedback();
    });
    for (QSpinBox* box : {m_dModel, m_layers, m_heads, m_context, m_batchTokens, m_seed})
        connect(box, &QSpinBox::valueChanged, this, changed);
    for (QLineEdit* edit : {m_budget, m_lr}) connect(edit, &QLineEdit::textChanged, this, changed);
    connect(m_budgetKind, &QComboBox::currentIndexChanged, this, changed);
    connect(m_data, &QComboBox::currentTextChanged, this, changed);
    connect(m_device, &QComboBox::currentIndexChanged, this, changed);
    connect(m_start, &QPushButton::clicked, this, [this] {
        QString error;
        const auto r = request(&error);
        if (error.isEmpty()) emit startRequested(r);
    });
    m_probeTimer = new QTimer(this);
    m_probeTimer->setSingleShot(true);
    m_probeTimer->setInterval(600);   // after typing pauses
    connect(m_probeTimer, &QTimer::timeout, this, &RunLauncher::startProbe);
    emit m_preset->currentIndexChanged(m_preset->currentIndex());
}

RunLauncher::~RunLauncher() {
    // A probe step still running only reports back through a guarded pointer; wait so it ends with us.
    if (m_probeThread) m_probeThread->wait();
}

void RunLauncher::fillPresets() {
    const QString arch = m_arch->currentData().toString();
    m_initializing = true;
    m_preset->clear();
    // CPU-sized models first: they are what this machine can train in minutes.
    std::vector<const analysis::Preset*> ordered;
    for (const char* family : {"cpu", "paper"})
        for (const auto& p : analysis::presets())
            if (p.family == family) ordered.push_back(&p);
    for (const analysis::Preset* preset : ordered) {
        const analysis::Preset& p = *preset;
        if (analysis::archName(p.shape.arch) != arch.toStdString()) continue;
        const QString label = p.family == "cpu" ? tr("%1 (CPU size)").arg(QString::fromStdString(p.name))
                                                : tr("%1 (paper)").arg(QString::fromStdString(p.name));
        m_preset->addItem(label, QString::fromStdString(p.name));
    }
    for (const ImportedModel& m : m_models)
        if (m.arch == arch) m_preset->addItem(tr("%1 (imported: continue training)").arg(m.name), QLatin1String(kModelPrefix) + m.path);
    m_preset->addItem(tr("Custom dimensions"), QString::fromLatin1(kCustom));
    m_initializing = false;
    m_preset->setCurrentIndex(0);
}

void RunLauncher::setImportedModels(const QVector<ImportedModel>& models) {
    const QString current = m_preset->currentData().toString();
    m_models = models;
    fillPresets();
    const int index = m_preset->findData(current);
    if (index >= 0) m_preset->setCurrentIndex(index);
}

void RunLauncher::setThroughput(const runs::Throughput& throughput) {
    m_throughput = throughput;
    updateFeedback();
}

void RunLauncher::setCudaAvailable(bool available) {
    const int index = m_device->findData(QStringLiteral("cuda"));
    if (available && index < 0) m_device->addItem(tr("CUDA GPU"), QStringLiteral("cuda"));
    if (!available && index >= 0) m_device->removeItem(index);
}

runs::RunRequest RunLauncher::request(QString* error) const {
    error->clear();
    runs::RunRequest r;
    r.arch = m_arch->currentData().toString().toStdString();
    const QString preset = m_preset->currentData().toString();
    if (preset.startsWith(QLatin1String(kModelPrefix))) {
        r.initFrom = preset.mid(int(std::strlen(kModelPrefix))).toStdString();
        r.arch.clear();   // the model's own
    } else if (preset != QLatin1String(kCustom)) {
        r.preset = preset.toStdString();
    } else {
        r.dModel = m_dModel->value();
        r.layers = m_layers->value();
        r.heads = m_heads->value();
        if (m_heads->value() <= 0 || m_dModel->value() % m_heads->value() != 0) {
            *error = tr("Heads (%1) must divide the width d_model (%2).").arg(m_heads->value()).arg(m_dModel->value());
            return r;
        }
    }
    r.context = m_context->value();
    bool ok = false;
    r.budget = QLocale::c().toDouble(m_budget->text().trimmed(), &ok);
    if (!ok || !(r.budget > 0)) {
        *error = tr("Budget '%1' is not a positive number (e.g. 2e5).").arg(m_budget->text());
        return r;
    }
    training::parseBudgetKind(m_budgetKind->currentData().toString().toStdString(), &r.budgetKind);
    if (!m_lr->text().trimmed().isEmpty()) {
        r.lr = QLocale::c().toDouble(m_lr->text().trimmed(), &ok);
        if (!ok || !(*r.lr > 0)) {
            *error = tr("Learning rate '%1' is not a positive number (e.g. 3e-3).").arg(m_lr->text());
            return r;
        }
    }
    if (m_batchTokens->value() > 0) r.batchTokens = m_batchTokens->value();
    r.seed = std::uint64_t(m_seed->value());
    r.data = m_data->currentText().trimmed().toStdString();
    r.device = m_device->currentData().toString().toStdString();
    r.name = m_name->text().trimmed().toStdString();
    r.tags = {"gui"};
    return r;
}

runs::ResolvedRun RunLauncher::preview(QString* error) const {
    const runs::RunRequest r = request(error);
    if (!error->isEmpty()) return {};
    runs::ResolveOptions o;
    o.checkData = false;   // the data is loaded once, at Start
    o.checkCheckpointRoot = false;
    auto resolved = runs::resolveRun(r, o);
    if (!resolved) {
        *error = statusText(resolved.status());
        return {};
    }
    return *resolved;
}

namespace {
// What a probe step's numbers depend on: the model, the context, the batch layout and the device.
std::string probeKey(const training::TrainingConfig& c, const training::TrainingPlan& p) {
    return c.shape.describe() + "|" + std::to_string(c.context) + "|" + std::to_string(p.sequencesPerStep) + "|" +
           std::to_string(p.microBatch) + "|" + c.device + "|" + (c.bf16 ? "bf16" : "fp32");
}
}  // namespace

void RunLauncher::startProbe() {
    QString error;
    const runs::ResolvedRun run = preview(&error);
    if (!error.isEmpty() || probeKey(run.config, run.plan) == m_probeKey) return;
    if (m_probeThread) {   // one at a time: try again when it ends
        m_probeTimer->start();
        return;
    }
    const training::TrainingConfig config = run.config;
    QPointer<RunLauncher> self(this);
    m_probeThread = QThread::create([self, config] {
        const training::StepProbe probe = runs::probeRun(config);
        QMetaObject::invokeMethod(
            qApp, [self, config, probe] {
                if (self) self->probeFinished(config, probe);
            },
            Qt::QueuedConnection);
    });
    connect(m_probeThread, &QThread::finished, m_probeThread, &QObject::deleteLater);
    m_probeThread->start(QThread::LowPriority);
}

void RunLauncher::probeFinished(const training::TrainingConfig& config, const training::StepProbe& probe) {
    m_probeKey = probeKey(config, training::planTraining(config));
    m_probe = probe;
    updateFeedback();
}

bool RunLauncher::probing() const { return m_probeThread || (m_probeTimer && m_probeTimer->isActive()); }

void RunLauncher::updateFeedback() {
    QString error;
    const runs::ResolvedRun run = preview(&error);
    m_validation->setText(error);
    m_start->setEnabled(error.isEmpty());
    if (!error.isEmpty()) {
        m_feedback->clear();
        return;
    }
    const training::TrainingConfig& c = run.config;
    const training::TrainingPlan& plan = run.plan;
    const bool probed = probeKey(c, plan) == m_probeKey;
    if (!probed && m_probeTimer) m_probeTimer->start();
    const bool probeOk = probed && m_probe.status.isOk();
    // Rates fitted to several finished runs suit any size; otherwise this run's own probe step.
    const runs::Throughput rate =
        m_throughput.general() ? m_throughput : (probeOk ? runs::probeThroughput(m_probe) : runs::Throughput{});
    const runs::RunEstimate e = runs::estimateRun(c, plan, rate, probeOk ? &m_probe : nullptr);
    const QLocale locale;
    const QString pending = probed ? tr("probe failed: %1").arg(QString::fromStdString(m_probe.status.message()).toHtmlEscaped())
                                   : tr("measuring one step...");
    const QString time = std::isfinite(e.seconds) && e.seconds > 0
                             ? tr("%1 <small>(%2)</small>").arg(formatSeconds(e.seconds), QString::fromStdString(e.timeSource))
                             : pending;
    const QString memory = probeOk ? tr("%1 <small>(weights and gradients %2, optimizer %3, activations %4)</small>")
                                         .arg(formatBytes(e.totalBytes()), formatBytes(e.parameterBytes + e.gradientBytes),
                                              formatBytes(e.optimizerBytes),
                                              e.activationsMeasured ? formatBytes(e.activationBytes) : tr("not measured"))
                                   : tr("%1 + activations (%2)").arg(formatBytes(e.totalBytes()), pending);
    m_feedback->setText(
        tr("<table>"
           "<tr><td>Parameters N</td><td align=right><b>%1</b></td></tr>"
           "<tr><td>FLOPs per token</td><td align=right>%2</td></tr>"
           "<tr><td>Steps &times; tokens/step</td><td align=right>%3 &times; %4</td></tr>"
           "<tr><td>Tokens D (D/N)</td><td align=right>%5 (%6)</td></tr>"
           "<tr><td>Training FLOPs C</td><td align=right><b>%7</b></td></tr>"
           "<tr><td>Peak learning rate</td><td align=right>%8</td></tr>"
           "<tr><td>Estimated time</td><td align=right>%9</td></tr>"
           "<tr><td>Estimated memory</td><td align=right>%10</td></tr></table>")
            .arg(locale.toString(plan.params))
            .arg(QString::number(plan.flopsPerToken, 'e', 3))
            .arg(locale.toString(plan.steps))
            .arg(locale.toString(plan.tokensPerStep))
            .arg(QString::number(plan.tokens, 'e', 3))
            .arg(plan.tokenParamRatio, 0, 'f', 1)
            .arg(QString::number(plan.flops, 'e', 3))
            .arg(QString::number(c.lr, 'g', 3))
            .arg(time)
            .arg(memory));
}

void RunLauncher::setArch(const QString& arch) { m_arch->setCurrentIndex(std::max(0, m_arch->findData(arch))); }
void RunLauncher::setPreset(const QString& preset) {
    const int index = m_preset->findData(preset);
    if (index >= 0) m_preset->setCurrentIndex(index);
}
void RunLauncher::setBudget(const QString& kind, double value) {
    m_budgetKind->setCurrentIndex(std::max(0, m_budgetKind->findData(kind)));
    m_budget->setText(QString::number(value, 'g', 6));
}
void RunLauncher::setContext(int context) { m_context->setValue(context); }
void RunLauncher::setData(const QString& data) { m_data->setEditText(data); }
void RunLauncher::setRunName(const QString& name) { m_name->setText(name); }
QString RunLauncher::feedbackText() const { return m_feedback->text(); }
QString RunLauncher::validationText() const { return m_validation->text(); }
bool RunLauncher::canStart() const { return m_start->isEnabled(); }

}  // namespace seqscope::gui
