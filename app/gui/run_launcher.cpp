// SPDX-License-Identifier: MIT
#include "run_launcher.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "analysis/model_shape.h"
#include "analysis/presets.h"

namespace seqscope::gui {
namespace {

const char* kCustom = "custom";

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
    m_context->setValue(256);
    m_budgetKind = new QComboBox(this);
    m_budgetKind->addItem(tr("Tokens D"), QStringLiteral("tokens"));
    m_budgetKind->addItem(tr("Training FLOPs C"), QStringLiteral("flops"));
    m_budgetKind->addItem(tr("Tokens per parameter D/N"), QStringLiteral("ratio"));
    m_budget = new QLineEdit(QStringLiteral("2e5"), this);
    m_data = new QComboBox(this);
    m_data->setEditable(true);
    m_data->addItem(QStringLiteral("fortunes"));
    m_data->addItem(QStringLiteral("synthetic:mqar"));
    m_data->addItem(QStringLiteral("synthetic:selective-copy"));
    m_data->setToolTip(tr("fortunes (built-in English corpus), synthetic:mqar, synthetic:selective-copy, a text "
                          "file path, or tokens:PATH for uint16 token files"));
    m_lr = new QLineEdit(QStringLiteral("3e-3"), this);
    m_batchTokens = new QSpinBox(this);
    m_batchTokens->setRange(64, 1 << 24);
    m_batchTokens->setSingleStep(1024);
    m_batchTokens->setValue(4096);
    m_seed = new QSpinBox(this);
    m_seed->setRange(0, 1 << 30);
    m_seed->setValue(1);
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
        const auto* preset = analysis::findPreset(m_preset->currentData().toString().toStdString());
        const bool custom = !preset;
        m_dModel->setEnabled(custom);
        m_layers->setEnabled(custom);
        m_heads->setEnabled(custom);
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
        const auto cfg = config(&error);
        if (error.isEmpty()) emit startRequested(cfg, runName());
    });
    emit m_preset->currentIndexChanged(m_preset->currentIndex());
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
    m_preset->addItem(tr("Custom dimensions"), QString::fromLatin1(kCustom));
    m_initializing = false;
    m_preset->setCurrentIndex(0);
}

void RunLauncher::setMeasuredFlopsPerSecond(double flopsPerSecond) {
    m_flopsPerSecond = flopsPerSecond;
    updateFeedback();
}

void RunLauncher::setCudaAvailable(bool available) {
    const int index = m_device->findData(QStringLiteral("cuda"));
    if (available && index < 0) m_device->addItem(tr("CUDA GPU"), QStringLiteral("cuda"));
    if (!available && index >= 0) m_device->removeItem(index);
}

training::TrainingConfig RunLauncher::config(QString* error) const {
    error->clear();
    training::TrainingConfig c;
    analysis::Arch arch = analysis::Arch::XLstm;
    analysis::parseArch(m_arch->currentData().toString().toStdString(), &arch);
    const auto* preset = analysis::findPreset(m_preset->currentData().toString().toStdString());
    if (preset) {
        c.shape = preset->shape;
        c.preset = preset->name;
    } else {
        analysis::ShapeFactors factors;
        factors.vocab = analysis::kByteVocab;
        if (m_heads->value() <= 0 || m_dModel->value() % m_heads->value() != 0) {
            *error = tr("Heads (%1) must divide the width d_model (%2).").arg(m_heads->value()).arg(m_dModel->value());
            return c;
        }
        c.shape = analysis::makeShape(arch, m_dModel->value(), m_layers->value(), m_heads->value(), factors);
    }
    c.context = m_context->value();
    c.shape.maxContext = std::max<int>(c.shape.maxContext, int(c.context));
    bool ok = false;
    c.budget = QLocale::c().toDouble(m_budget->text().trimmed(), &ok);
    if (!ok || !(c.budget > 0)) {
        *error = tr("Budget '%1' is not a positive number (e.g. 2e5).").arg(m_budget->text());
        return c;
    }
    training::parseBudgetKind(m_budgetKind->currentData().toString().toStdString(), &c.budgetKind);
    c.lr = QLocale::c().toDouble(m_lr->text().trimmed(), &ok);
    if (!ok || !(c.lr > 0)) {
        *error = tr("Learning rate '%1' is not a positive number (e.g. 3e-3).").arg(m_lr->text());
        return c;
    }
    c.batchTokens = m_batchTokens->value();
    c.seed = std::uint64_t(m_seed->value());
    c.data = m_data->currentText().trimmed().toStdString();
    c.device = m_device->currentData().toString().toStdString();
    std::string why;
    if (!c.isValid(&why)) {
        *error = QString::fromStdString(why);
        return c;
    }
    const training::TrainingPlan plan = training::planTraining(c);
    if (!plan.status.isOk()) {
        *error = QString::fromStdString(plan.status.message());
        return c;
    }
    // About ten validation passes run per run; cap each at a quarter of the training tokens so a
    // tiny exploratory run is not dominated by evaluation (whole sequences, at least one).
    c.evalTokens = std::clamp<long long>(static_cast<long long>(plan.tokens / 4), c.context, c.evalTokens);
    return c;
}

QString RunLauncher::runName() const { return m_name->text().trimmed(); }

void RunLauncher::updateFeedback() {
    QString error;
    const training::TrainingConfig c = config(&error);
    m_validation->setText(error);
    m_start->setEnabled(error.isEmpty());
    if (!error.isEmpty()) {
        m_feedback->clear();
        return;
    }
    const training::TrainingPlan plan = training::planTraining(c);
    const QLocale locale;
    // Weights, gradients and two Adam moments in float32, plus activations kept for the backward
    // pass (about 34 d bytes per token and block for these blocks, in float32).
    const double stateBytes = 16.0 * double(plan.params);
    const double activationBytes = 34.0 * 4.0 * double(c.shape.dModel) * double(c.shape.layers) * double(plan.tokensPerStep) / std::max<long long>(1, plan.accumulation);
    const double seconds = m_flopsPerSecond > 0 ? plan.flops / m_flopsPerSecond : NAN;
    m_feedback->setText(
        tr("<table>"
           "<tr><td>Parameters N</td><td align=right><b>%1</b></td></tr>"
           "<tr><td>FLOPs per token</td><td align=right>%2</td></tr>"
           "<tr><td>Steps &times; tokens/step</td><td align=right>%3 &times; %4</td></tr>"
           "<tr><td>Tokens D (D/N)</td><td align=right>%5 (%6)</td></tr>"
           "<tr><td>Training FLOPs C</td><td align=right><b>%7</b></td></tr>"
           "<tr><td>Estimated time</td><td align=right>%8</td></tr>"
           "<tr><td>Estimated memory</td><td align=right>%9</td></tr></table>")
            .arg(locale.toString(plan.params))
            .arg(QString::number(plan.flopsPerToken, 'e', 3))
            .arg(locale.toString(plan.steps))
            .arg(locale.toString(plan.tokensPerStep))
            .arg(QString::number(plan.tokens, 'e', 3))
            .arg(plan.tokenParamRatio, 0, 'f', 1)
            .arg(QString::number(plan.flops, 'e', 3))
            .arg(m_flopsPerSecond > 0 ? formatSeconds(seconds) : tr("unknown until a run has finished here"))
            .arg(formatBytes(stateBytes + activationBytes)));
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
QString RunLauncher::feedbackText() const { return m_feedback->text(); }
QString RunLauncher::validationText() const { return m_validation->text(); }
bool RunLauncher::canStart() const { return m_start->isEnabled(); }

}  // namespace seqscope::gui
