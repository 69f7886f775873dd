// SPDX-License-Identifier: MIT
#include "calculator_view.h"

#include <QComboBox>
#include <QFont>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QPixmap>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <cmath>

#include "calculator_charts.h"
#include "calculator_format.h"

namespace seqscope::widgets {
namespace {

enum class Kind { Count, Flops, Bytes, Ms };

struct RowSpec {
    CalculatorView::Quantity q;
    double CalculatorArch::*value;
    Kind kind;
};

// Table order; a section heading precedes the rows whose index is in sectionStarts().
const RowSpec kRows[] = {
    {CalculatorView::Params, &CalculatorArch::params, Kind::Count},
    {CalculatorView::Projections, &CalculatorArch::projections, Kind::Flops},
    {CalculatorView::FeedForward, &CalculatorArch::feedForward, Kind::Flops},
    {CalculatorView::SequenceMixing, &CalculatorArch::sequenceMixing, Kind::Flops},
    {CalculatorView::Logits, &CalculatorArch::logits, Kind::Flops},
    {CalculatorView::ForwardPerToken, &CalculatorArch::forwardPerToken, Kind::Flops},
    {CalculatorView::FwbwPerToken, &CalculatorArch::fwbwPerToken, Kind::Flops},
    {CalculatorView::SixN, &CalculatorArch::sixN, Kind::Flops},
    {CalculatorView::TrainingCompute, &CalculatorArch::trainingCompute, Kind::Flops},
    {CalculatorView::SixND, &CalculatorArch::sixND, Kind::Flops},
    {CalculatorView::Weights, &CalculatorArch::weightBytes, Kind::Bytes},
    {CalculatorView::Gradients, &CalculatorArch::gradientBytes, Kind::Bytes},
    {CalculatorView::Optimizer, &CalculatorArch::optimizerBytes, Kind::Bytes},
    {CalculatorView::Activations, &CalculatorArch::activationBytes, Kind::Bytes},
    {CalculatorView::TrainingMemory, nullptr, Kind::Bytes},
    {CalculatorView::PrefillFlops, &CalculatorArch::prefillFlops, Kind::Flops},
    {CalculatorView::Cache, &CalculatorArch::cacheBytes, Kind::Bytes},
    {CalculatorView::InferenceMemory, &CalculatorArch::inferenceMemory, Kind::Bytes},
    {CalculatorView::StepFlops, &CalculatorArch::stepFlops, Kind::Flops},
    {CalculatorView::StepBytes, &CalculatorArch::stepBytes, Kind::Bytes},
    {CalculatorView::StepH100, &CalculatorArch::stepMsH100, Kind::Ms},
    {CalculatorView::StepLocal, &CalculatorArch::stepMsLocal, Kind::Ms},
    {CalculatorView::OptimalParams, &CalculatorArch::optimalParams, Kind::Count},
    {CalculatorView::OptimalTokens, &CalculatorArch::optimalTokens, Kind::Count},
};

double valueOf(const RowSpec& row, const CalculatorArch& a) {
    if (!a.valid) return NAN;
    if (row.q == CalculatorView::TrainingMemory) return a.weightBytes + a.gradientBytes + a.optimizerBytes + a.activationBytes;
    return a.*row.value;
}

QString format(Kind kind, double v) {
    switch (kind) {
        case Kind::Count: return formatCount(v);
        case Kind::Flops: return formatFlops(v);
        case Kind::Bytes: return formatBytes(v);
        case Kind::Ms: return formatMs(v);
    }
    return {};
}

// Parses "1e22", "3.3e9", "2,000,000" in C or the user's locale; NaN when it is no positive number.
double parseAmount(const QString& text) {
    bool ok = false;
    double v = QLocale::c().toDouble(text.trimmed(), &ok);
    if (!ok) v = QLocale().toDouble(text.trimmed(), &ok);
    return ok && v > 0 && std::isfinite(v) ? v : NAN;
}

QString amountText(double v) { return QString::number(v, 'g', 4); }

int log2Of(long long v) { return v > 0 ? int(std::lround(std::log2(double(v)))) : 0; }

}  // namespace

CalculatorView::CalculatorView(QWidget* parent) : QWidget(parent) {
    auto* controls = new QWidget(this);
    buildControls(controls);
    buildTable();
    m_flops = new FlopSplitChart(this);
    m_memory = new ContextMemoryChart(this);
    auto* charts = new QSplitter(Qt::Vertical, this);
    charts->addWidget(m_flops);
    charts->addWidget(m_memory);
    charts->setStretchFactor(0, 2);
    charts->setStretchFactor(1, 3);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_table);
    split->addWidget(charts);
    split->setStretchFactor(0, 5);
    split->setStretchFactor(1, 6);
    split->setChildrenCollapsible(false);

    m_headline = new QLabel(this);
    m_headline->setObjectName(QStringLiteral("calculatorHeadline"));
    m_headline->setWordWrap(true);
    QFont big = m_headline->font();
    big.setPointSizeF(big.pointSizeF() * 1.15);
    m_headline->setFont(big);
    m_sources = new QLabel(this);
    m_sources->setWordWrap(true);
    m_sources->setForegroundRole(QPalette::PlaceholderText);
    QFont small = m_sources->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_sources->setFont(small);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(controls);
    layout->addWidget(m_headline);
    layout->addWidget(split, 1);
    layout->addWidget(m_sources);
    inputsToKnobs();
}

void CalculatorView::buildControls(QWidget* box) {
    auto slider = [box](int lo, int hi) {
        auto* s = new QSlider(Qt::Horizontal, box);
        s->setRange(lo, hi);
        s->setMinimumWidth(60);
        return s;
    };
    auto spin = [box](int lo, int hi, int step = 1) {
        auto* s = new QSpinBox(box);
        s->setRange(lo, hi);
        s->setSingleStep(step);
        s->setGroupSeparatorShown(true);
        s->setAccelerated(true);
        return s;
    };
    m_preset = new QComboBox(box);
    m_preset->setObjectName(QStringLiteral("calculatorPreset"));
    m_preset->setToolTip(tr("The paper's scaling-study sizes (vocabulary 50,304) and the small byte-level sizes this "
                            "machine trains (vocabulary 260)"));
    m_widthSlider = slider(1, 128);
    m_width = spin(16, 16384, 64);
    m_width->setObjectName(QStringLiteral("calculatorWidth"));
    m_width->setToolTip(tr("Model width d (the slider moves in steps of 64)"));
    m_depthSlider = slider(1, 96);
    m_depth = spin(1, 256);
    m_depth->setObjectName(QStringLiteral("calculatorDepth"));
    m_depth->setToolTip(tr("Number of blocks L"));
    m_xlstmHeads = spin(1, 512);
    m_xlstmHeads->setObjectName(QStringLiteral("calculatorXlstmHeads"));
    m_xlstmHeads->setToolTip(tr("xLSTM heads: d_qk = d/(2H), d_v = d/H (the paper uses 4-8 wide heads)"));
    m_transformerHeads = spin(1, 512);
    m_transformerHeads->setObjectName(QStringLiteral("calculatorTransformerHeads"));
    m_transformerHeads->setToolTip(tr("Transformer heads: d_h = d/H (the paper uses d_h = 64)"));
    m_contextSlider = slider(6, 20);
    m_context = spin(1, 1 << 22, 1024);
    m_context->setObjectName(QStringLiteral("calculatorContext"));
    m_context->setToolTip(tr("Context T: training sequence length and prefill length (the slider moves in powers of two)"));
    m_batchSlider = slider(0, 10);
    m_batch = spin(1, 65536);
    m_batch->setObjectName(QStringLiteral("calculatorBatch"));
    m_batch->setToolTip(tr("Sequences per batch B (training memory and inference)"));
    m_precision = new QComboBox(box);
    m_precision->setObjectName(QStringLiteral("calculatorPrecision"));
    m_precision->addItem(tr("fp32 (4 bytes)"), QStringLiteral("fp32"));
    m_precision->addItem(tr("bf16 (2 bytes)"), QStringLiteral("bf16"));
    m_precision->addItem(tr("fp8 (1 byte)"), QStringLiteral("fp8"));
    m_precision->setToolTip(tr("Bytes per weight, activation and KV-cache value; the mLSTM state stays fp32"));
    m_tokens = new QLineEdit(box);
    m_tokens->setObjectName(QStringLiteral("calculatorTokens"));
    m_tokens->setToolTip(tr("Training token budget D, e.g. 3.3e9"));
    m_tokens->setMaximumWidth(110);
    m_compute = new QLineEdit(box);
    m_compute->setObjectName(QStringLiteral("calculatorCompute"));
    m_compute->setToolTip(tr("Compute budget C in FLOPs, e.g. 1e22: what model size and data it buys under each fitted law"));
    m_compute->setMaximumWidth(110);

    auto* grid = new QGridLayout(box);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(8);
    grid->setVerticalSpacing(4);
    auto label = [box](const QString& text) { return new QLabel(text, box); };
    grid->addWidget(label(tr("Preset:")), 0, 0);
    grid->addWidget(m_preset, 0, 1, 1, 2);
    grid->addWidget(label(tr("Precision:")), 0, 3);
    grid->addWidget(m_precision, 0, 4, 1, 2);
    grid->addWidget(label(tr("Width d:")), 1, 0);
    grid->addWidget(m_widthSlider, 1, 1);
    grid->addWidget(m_width, 1, 2);
    grid->addWidget(label(tr("Context T:")), 1, 3);
    grid->addWidget(m_contextSlider, 1, 4);
    grid->addWidget(m_context, 1, 5);
    grid->addWidget(label(tr("Depth L:")), 2, 0);
    grid->addWidget(m_depthSlider, 2, 1);
    grid->addWidget(m_depth, 2, 2);
    grid->addWidget(label(tr("Batch B:")), 2, 3);
    grid->addWidget(m_batchSlider, 2, 4);
    grid->addWidget(m_batch, 2, 5);
    auto* heads = new QHBoxLayout;
    heads->addWidget(label(tr("xLSTM")));
    heads->addWidget(m_xlstmHeads);
    heads->addSpacing(8);
    heads->addWidget(label(tr("Transformer")));
    heads->addWidget(m_transformerHeads);
    heads->addStretch(1);
    grid->addWidget(label(tr("Heads:")), 3, 0);
    grid->addLayout(heads, 3, 1, 1, 2);
    auto* budgets = new QHBoxLayout;
    budgets->addWidget(label(tr("Tokens D")));
    budgets->addWidget(m_tokens);
    budgets->addSpacing(8);
    budgets->addWidget(label(tr("Compute C")));
    budgets->addWidget(m_compute);
    budgets->addStretch(1);
    grid->addWidget(label(tr("Budgets:")), 3, 3);
    grid->addLayout(budgets, 3, 4, 1, 2);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(4, 1);

    // Sliders move their field; fields set the inputs.
    connect(m_widthSlider, &QSlider::valueChanged, this, [this](int v) { if (!m_initializing) m_width->setValue(v * 64); });
    connect(m_depthSlider, &QSlider::valueChanged, this, [this](int v) { if (!m_initializing) m_depth->setValue(v); });
    connect(m_contextSlider, &QSlider::valueChanged, this, [this](int v) { if (!m_initializing) m_context->setValue(1 << v); });
    connect(m_batchSlider, &QSlider::valueChanged, this, [this](int v) { if (!m_initializing) m_batch->setValue(1 << v); });
    for (QSpinBox* s : {m_width, m_depth, m_xlstmHeads, m_transformerHeads, m_context, m_batch})
        connect(s, &QSpinBox::valueChanged, this, &CalculatorView::knobsToInputs);
    connect(m_precision, &QComboBox::currentIndexChanged, this, &CalculatorView::knobsToInputs);
    connect(m_tokens, &QLineEdit::textChanged, this, &CalculatorView::knobsToInputs);
    connect(m_compute, &QLineEdit::textChanged, this, &CalculatorView::knobsToInputs);
    connect(m_preset, &QComboBox::activated, this, [this](int index) {
        const QString key = m_preset->itemData(index).toString();
        if (!key.isEmpty()) applyPreset(key);
    });
}

QString CalculatorView::formula(Quantity q) const {
    switch (q) {
        case Params:
            return tr("N = 2Vd (embedding and untied head) + L · block + d. Block, Transformer: dH(2d_qk + d_v) + dH·d_v "
                      "+ 3dF + 2d; xLSTM: dH(2d_qk + d_v) + 2dH + 2H + 2dH·d_v + 3dF + 2d + H·d_v (paper, section 3)");
        case Projections:
            return tr("L · [2dH(2d_qk + d_v) + 2dH·d_v] per token: Q, K, V and the out-projection. The xLSTM adds the "
                      "input and forget gates (4dH) and the output gate (2dH·d_v + H·d_v)");
        case FeedForward: return tr("L · (6dF + 2F) per token: the SwiGLU up, gate and down matmuls and the gating");
        case SequenceMixing:
            return tr("Transformer: L · T · H · (d_qk + d_v + 2.5), the causal half of the T×T attention scores: it grows "
                      "with T. xLSTM: L · H · C_chunk(d_qk, d_v, L_c) / L_c, the chunkwise mLSTM cell: the same at every T");
        case Logits: return tr("2dV per token: the output projection to the vocabulary");
        case ForwardPerToken:
            return tr("C_fw(T) / T: projections + feed-forward + sequence mixing + logits (embedding lookups, norms and "
                      "residual adds excluded, section 4.1)");
        case FwbwPerToken: return tr("C_fwbw = 3 · C_fw: the backward pass costs twice the forward pass");
        case SixN: return tr("6N: the Kaplan / Chinchilla rule of thumb, for comparison; no fit uses it");
        case TrainingCompute: return tr("C = C_fwbw per token × D: the training compute of the token budget");
        case SixND: return tr("6 · N · D: the rule of thumb for the same budget");
        case Weights: return tr("N × bytes per weight of the chosen precision");
        case Gradients: return tr("N × bytes per weight: one gradient per weight");
        case Optimizer: return tr("AdamW: two fp32 moments (8 bytes per weight), plus fp32 master weights (4 bytes) below fp32");
        case Activations:
            return tr("B · T tokens × the activation bytes a forward pass moves per token (section 12.4), which the "
                      "backward pass needs; the xLSTM adds its per-chunk states B·L·H·⌈T/L_c⌉·(d_qk·d_v + d_qk + 1)·4 bytes. "
                      "Attention is taken as memory-efficient (no T×T matrix). An estimate");
        case TrainingMemory: return tr("weights + gradients + optimizer state + activations");
        case PrefillFlops:
            return tr("B · [T · backbone per token + sequence mixing + logits of the last token] (section 12.3; "
                      "attention causal factor 0.65, mLSTM intra-chunk factor 0.75)");
        case Cache:
            return tr("Transformer KV cache: 2 · L · H · d_h · bytes per token and sequence, × B · T: it grows with T. "
                      "xLSTM state: L · H · (d_qk·d_v + d_qk + 1) values × 4 bytes × B: the same at every T");
        case InferenceMemory: return tr("weights + KV cache (Transformer) or recurrent state (xLSTM) at context T");
        case StepFlops:
            return tr("One decode step for B sequences: backbone and head, plus attention over the T cached positions "
                      "(Transformer) or one recurrent mLSTM step (xLSTM); physical accounting");
        case StepBytes:
            return tr("One decode step reads every weight once and, for the Transformer, the whole KV cache "
                      "(physical accounting, section 12.4)");
        case StepH100:
            return tr("step = bytes / β_eff + ε + B · ε_bp, fitted to the paper's H100 decode measurements of this "
                      "architecture (all sizes pooled; section 12.2)");
        case StepLocal:
            return tr("step = bytes / β_eff + ε + B · ε_bp, fitted to the benchmarks in this database "
                      "(Inference view or seqscope-cli bench inference)");
        case OptimalParams:
            return tr("N* = A · C^a: the compute-optimal model size for budget C under the frontier law fitted in the "
                      "Scaling view");
        case OptimalTokens: return tr("D* = B · C^b: the compute-optimal number of training tokens for budget C");
        case QuantityCount: break;
    }
    return {};
}

void CalculatorView::buildTable() {
    m_table = new QTableWidget(this);
    m_table->setObjectName(QStringLiteral("calculatorTable"));
    m_table->setColumnCount(3);
    m_table->setHorizontalHeaderLabels({tr("Quantity"), tr("xLSTM"), tr("Transformer")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setFocusPolicy(Qt::NoFocus);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->setMinimumWidth(280);

    const QStringList labels = {tr("Parameters N"), tr("Projections"), tr("Feed-forward"), tr("Attention / mLSTM cell"),
                                tr("Logits"), tr("Forward, total"), tr("Forward + backward"), tr("6N rule"),
                                tr("Training FLOPs for D"), tr("6ND rule"), tr("Weights"), tr("Gradients"),
                                tr("Optimizer state"), tr("Activations"), tr("Total"), tr("Prefill FLOPs"),
                                tr("KV cache / state"), tr("Weights + cache"), tr("FLOPs"), tr("Bytes read"),
                                tr("Time, H100 model"), tr("Time, this machine"), tr("Optimal size N*"),
                                tr("Optimal tokens D*")};
    const QMap<int, QString> sections = {{Params, tr("Model")},
                                         {Projections, tr("FLOPs per token (forward)")},
                                         {TrainingCompute, tr("Training budget")},
                                         {Weights, tr("Training memory at T, B")},
                                         {PrefillFlops, tr("Inference at context T")},
                                         {StepFlops, tr("One decode step")},
                                         {OptimalParams, tr("What compute C buys")}};
    m_rowOf.fill(-1, QuantityCount);
    int row = 0;
    QFont bold = m_table->font();
    bold.setBold(true);
    for (const RowSpec& spec : kRows) {
        if (sections.contains(spec.q)) {
            m_table->insertRow(row);
            auto* heading = new QTableWidgetItem(sections.value(spec.q));
            heading->setFont(bold);
            heading->setBackground(palette().alternateBase());
            m_table->setItem(row, 0, heading);
            m_table->setSpan(row, 0, 1, 3);
            ++row;
        }
        m_table->insertRow(row);
        auto* name = new QTableWidgetItem(QStringLiteral("   ") + labels.value(spec.q));
        name->setToolTip(formula(spec.q));
        if (spec.q >= Projections && spec.q <= Logits) {   // the table is the bar chart's legend
            QPixmap swatch(12, 12);
            swatch.fill(flopPartColor(spec.q - Projections));
            name->setIcon(QIcon(swatch));
        }
        m_table->setItem(row, 0, name);
        for (int c = 1; c <= 2; ++c) {
            auto* item = new QTableWidgetItem;
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            item->setToolTip(formula(spec.q));
            m_table->setItem(row, c, item);
        }
        m_rowOf[spec.q] = row++;
    }
}

void CalculatorView::setPresets(const QVector<CalculatorPreset>& presets) {
    m_presets = presets;
    const bool was = m_initializing;
    m_initializing = true;
    m_preset->clear();
    m_preset->addItem(tr("Custom"), QString());   // shown while the knobs match no preset
    for (const CalculatorPreset& p : m_presets) m_preset->addItem(p.title, p.key);
    m_initializing = was;
    updatePresetBox();
}

bool CalculatorView::applyPreset(const QString& key) {
    for (const CalculatorPreset& p : m_presets) {
        if (p.key != key) continue;
        CalculatorInputs in = m_inputs;
        in.dModel = p.dModel;
        in.layers = p.layers;
        in.xlstmHeads = p.xlstmHeads;
        in.transformerHeads = p.transformerHeads;
        in.vocab = p.vocab;
        in.context = p.context;
        if (p.tokens > 0) in.tokens = p.tokens;
        setInputs(in);
        return true;
    }
    return false;
}

void CalculatorView::setInputs(const CalculatorInputs& inputs) {
    m_inputs = inputs;
    inputsToKnobs();
    emit inputsChanged(m_inputs);
}

void CalculatorView::inputsToKnobs() {
    m_initializing = true;
    m_width->setValue(m_inputs.dModel);
    m_widthSlider->setValue(std::max(1, m_inputs.dModel / 64));
    m_depth->setValue(m_inputs.layers);
    m_depthSlider->setValue(m_inputs.layers);
    m_xlstmHeads->setValue(m_inputs.xlstmHeads);
    m_transformerHeads->setValue(m_inputs.transformerHeads);
    m_context->setValue(int(m_inputs.context));
    m_contextSlider->setValue(log2Of(m_inputs.context));
    m_batch->setValue(int(m_inputs.batch));
    m_batchSlider->setValue(log2Of(m_inputs.batch));
    m_precision->setCurrentIndex(std::max(0, m_precision->findData(m_inputs.precision)));
    if (parseAmount(m_tokens->text()) != m_inputs.tokens) m_tokens->setText(amountText(m_inputs.tokens));
    if (parseAmount(m_compute->text()) != m_inputs.compute) m_compute->setText(amountText(m_inputs.compute));
    updatePresetBox();
    m_initializing = false;
}

void CalculatorView::knobsToInputs() {
    if (m_initializing) return;
    CalculatorInputs in = m_inputs;
    in.dModel = m_width->value();
    in.layers = m_depth->value();
    in.xlstmHeads = m_xlstmHeads->value();
    in.transformerHeads = m_transformerHeads->value();
    in.context = m_context->value();
    in.batch = m_batch->value();
    in.precision = m_precision->currentData().toString();
    const double tokens = parseAmount(m_tokens->text()), compute = parseAmount(m_compute->text());
    m_tokens->setStyleSheet(std::isnan(tokens) ? QStringLiteral("border: 2px solid #D55E00;") : QString());
    m_compute->setStyleSheet(std::isnan(compute) ? QStringLiteral("border: 2px solid #D55E00;") : QString());
    if (!std::isnan(tokens)) in.tokens = tokens;
    if (!std::isnan(compute)) in.compute = compute;
    if (in == m_inputs) return;
    m_inputs = in;
    m_initializing = true;   // keep the sliders beside their fields without feedback
    m_widthSlider->setValue(std::max(1, in.dModel / 64));
    m_depthSlider->setValue(in.layers);
    m_contextSlider->setValue(log2Of(in.context));
    m_batchSlider->setValue(log2Of(in.batch));
    updatePresetBox();
    m_initializing = false;
    emit inputsChanged(m_inputs);
}

// Selects the preset the knobs match, else "Custom" (item 0); the list itself is built once.
void CalculatorView::updatePresetBox() {
    int current = 0;
    for (int i = 0; i < m_presets.size(); ++i) {
        const CalculatorPreset& p = m_presets[i];
        if (p.dModel == m_inputs.dModel && p.layers == m_inputs.layers && p.xlstmHeads == m_inputs.xlstmHeads &&
            p.transformerHeads == m_inputs.transformerHeads && p.vocab == m_inputs.vocab)
            current = i + 1;
    }
    if (m_preset->count() == 0) return;
    const bool was = m_initializing;
    m_initializing = true;
    m_preset->setItemText(0, tr("Custom (vocabulary %L1)").arg(m_inputs.vocab));
    m_preset->setCurrentIndex(current);
    m_initializing = was;
}

void CalculatorView::setResult(const CalculatorResult& result) {
    m_result = result;
    fillTable();
    m_flops->setValues(result.xlstm, result.transformer);
    m_memory->setValues(result.xlstm, result.transformer);
    updateNotes();
}

double CalculatorView::shownValue(Quantity q, bool xlstm) const {
    for (const RowSpec& spec : kRows)
        if (spec.q == q) return valueOf(spec, xlstm ? m_result.xlstm : m_result.transformer);
    return NAN;
}

void CalculatorView::fillTable() {
    // One change notification for the whole table: per cell, the size-to-contents columns would
    // re-measure every row 48 times (most of a knob change's cost).
    QAbstractItemModel* model = m_table->model();
    const bool blocked = model->blockSignals(true);
    for (const RowSpec& spec : kRows) {
        const int row = m_rowOf[spec.q];
        for (int c = 1; c <= 2; ++c) {
            const CalculatorArch& a = c == 1 ? m_result.xlstm : m_result.transformer;
            const double v = valueOf(spec, a);
            QString text = format(spec.kind, v);
            const double own = spec.q == OptimalParams ? a.ownOptimalParams : spec.q == OptimalTokens ? a.ownOptimalTokens : NAN;
            if (std::isfinite(own)) text = tr("%1 (your runs: %2)").arg(text, formatCount(own));
            QTableWidgetItem* item = m_table->item(row, c);
            item->setText(text);
            item->setData(Qt::UserRole, v);
            item->setToolTip(a.valid ? tr("%1\n\n= %2").arg(formula(spec.q), QLocale().toString(v, 'g', 6))
                                     : a.error);
        }
    }
    model->blockSignals(blocked);
    emit model->dataChanged(model->index(0, 1), model->index(model->rowCount() - 1, 2));
}

void CalculatorView::updateNotes() {
    const CalculatorArch& x = m_result.xlstm;
    const CalculatorArch& t = m_result.transformer;
    QString headline;
    if (!x.valid || !t.valid) {
        headline = tr("<b>Check the shape:</b> %1").arg((x.valid ? t.error : x.error).toHtmlEscaped());
    } else {
        const double share = 100.0 * t.sequenceMixing / t.forwardPerToken, xShare = 100.0 * x.sequenceMixing / x.forwardPerToken;
        headline = tr("At %1 tokens of context the Transformer's KV cache (<b>%2</b>) is <b>%3×</b> the xLSTM's state "
                      "(<b>%4</b>); attention is %5 % of its forward FLOPs, the mLSTM cell %6 %. Double T and the "
                      "cache and the attention share grow; the state stays.")
                       .arg(formatTokens(double(m_inputs.context)), formatBytes(t.cacheBytes))
                       .arg(x.cacheBytes > 0 ? t.cacheBytes / x.cacheBytes : 0.0, 0, 'f', t.cacheBytes >= 10 * x.cacheBytes ? 0 : 1)
                       .arg(formatBytes(x.cacheBytes))
                       .arg(share, 0, 'f', 1)
                       .arg(xShare, 0, 'f', 1);
    }
    m_headline->setText(headline);
    m_sources->setText(tr("Hover any number for its formula. Decode step time: %1; %2. What C buys: %3.")
                           .arg(m_result.h100Source, m_result.localSource, m_result.lawSource));
}

}  // namespace seqscope::widgets
