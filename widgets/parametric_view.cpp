// SPDX-License-Identifier: MIT
#include "parametric_view.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "analysis_csv.h"
#include "chart_export.h"
#include "chart_style.h"
#include "isoloss_chart_view.h"
#include "parametric_chart_support.h"
#include "source_box.h"
#include "parametric_fit_charts.h"
#include "parametric_side_panel.h"

namespace seqscope::widgets {
namespace {

QLabel* caption(const QString& text, QWidget* parent) { return new QLabel(text, parent); }

}  // namespace

ParametricView::ParametricView(QWidget* parent) : QWidget(parent) {
    m_source = new SourceBox(22, this);   // a bounded width keeps the window usable at 1280 pixels
    m_source->setObjectName(QStringLiteral("parametricSource"));
    m_set = new QComboBox(this);
    m_set->setObjectName(QStringLiteral("parametricSet"));
    m_set->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_set->setMinimumContentsLength(16);
    m_arch = new QComboBox(this);
    m_arch->setObjectName(QStringLiteral("parametricArch"));
    m_withRuns = new QCheckBox(tr("With your runs"), this);
    m_withRuns->setToolTip(tr("Draw this database's finished runs of the architecture beside the source's, "
                              "predicted by the source's law (not fitted)"));
    m_withRuns->setChecked(true);
    m_withRuns->setEnabled(false);
    auto* dataRow = new QHBoxLayout;
    dataRow->addWidget(caption(tr("Source:"), this));
    dataRow->addWidget(m_source);
    dataRow->addSpacing(10);
    dataRow->addWidget(caption(tr("Runs:"), this));
    dataRow->addWidget(m_set);
    dataRow->addSpacing(10);
    dataRow->addWidget(caption(tr("Architecture:"), this));
    dataRow->addWidget(m_arch);
    dataRow->addSpacing(10);
    dataRow->addWidget(m_withRuns);
    dataRow->addStretch(1);

    m_form = new QComboBox(this);
    m_form->addItem(tr("Chinchilla (\u03b3 = 1)"), false);
    m_form->addItem(tr("\u03b3 fitted"), true);
    m_form->setToolTip(tr("L = E + (A N^-\u03b1 + B D^-\u03b2)^\u03b3, fitted in log-sum-exp form; the Chinchilla "
                          "form fixes \u03b3 = 1"));
    m_delta = new QComboBox(this);
    for (double d : {1e-5, 1e-4, 1e-3, 1e-2, 1e-1}) m_delta->addItem(QString::number(d, 'g', 1), d);
    m_delta->setCurrentIndex(2);
    m_delta->setToolTip(tr("Huber threshold on log-loss residuals (the paper: 1e-3)"));
    m_grid = new QComboBox(this);
    m_grid->addItem(tr("Paper"), QStringLiteral("paper"));
    m_grid->addItem(tr("Epoch"), QStringLiteral("epoch"));
    m_grid->addItem(tr("Coarse"), QStringLiteral("coarse"));
    m_grid->setItemData(0, tr("The xLSTM paper's grid: 2,000 starts, 8,000 with \u03b3"), Qt::ToolTipRole);
    m_grid->setItemData(1, tr("Epoch AI's Chinchilla grid: 4,500 starts (\u03b3 starts at 1)"), Qt::ToolTipRole);
    m_grid->setItemData(2, tr("A quick look: 108 starts, 216 with \u03b3"), Qt::ToolTipRole);
    m_grid->setToolTip(tr("Initialisation grid: one local fit from every start, the lowest objective wins"));
    m_bootstrap = new QSpinBox(this);
    m_bootstrap->setRange(0, 4000);
    m_bootstrap->setSingleStep(100);
    m_bootstrap->setSpecialValueText(tr("none"));
    m_bootstrap->setToolTip(tr("Bootstrap resamples for the coefficients' 95 % intervals (Epoch AI used 4,000)"));
    m_fit = new QPushButton(tr("Fit"), this);
    m_fit->setObjectName(QStringLiteral("parametricFit"));
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(160);
    m_progress->setTextVisible(true);
    m_progress->setVisible(false);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("parametricMessage"));
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);   // long messages must not widen the window
    auto* fitRow = new QHBoxLayout;
    fitRow->addWidget(caption(tr("Form:"), this));
    fitRow->addWidget(m_form);
    fitRow->addSpacing(10);
    fitRow->addWidget(caption(tr("Huber \u03b4:"), this));
    fitRow->addWidget(m_delta);
    fitRow->addSpacing(10);
    fitRow->addWidget(caption(tr("Start grid:"), this));
    fitRow->addWidget(m_grid);
    fitRow->addSpacing(10);
    fitRow->addWidget(caption(tr("Bootstrap:"), this));
    fitRow->addWidget(m_bootstrap);
    fitRow->addSpacing(10);
    fitRow->addWidget(m_fit);
    fitRow->addWidget(m_progress);
    fitRow->addWidget(m_message, 1);

    m_title = new QLabel(this);
    m_title->setTextFormat(Qt::RichText);
    m_budgetKey = new QLabel(this);
    m_budgetKey->setTextFormat(Qt::RichText);
    m_budgetKey->setWordWrap(true);
    auto* keyRow = new QHBoxLayout;
    keyRow->addWidget(m_title);
    keyRow->addSpacing(16);
    keyRow->addWidget(m_budgetKey, 1);
    m_exportSlot = keyRow;   // the Export button joins once the charts exist

    m_isoloss = new IsolossChartView(this);
    m_lossCompute = new LossComputeChartView(this);
    m_predicted = new PredictedChartView(this);
    m_residuals = new ResidualChartView(this);
    auto* charts = new QWidget(this);
    auto* grid = new QGridLayout(charts);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(4);
    grid->addWidget(m_isoloss, 0, 0);
    grid->addWidget(m_lossCompute, 0, 1);
    grid->addWidget(m_predicted, 1, 0);
    grid->addWidget(m_residuals, 1, 1);
    m_side = new ParametricSidePanel(this);
    m_side->setMinimumWidth(250);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(charts);
    splitter->addWidget(m_side);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    m_exportSlot->addWidget(makeExportButton(this, splitter, [this] { return parametricPlotCsv(m_plot); },
                                             QStringLiteral("parametric"), tr("Seqscope parametric L(N, D) fit")));

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(dataRow);
    layout->addLayout(fitRow);
    layout->addLayout(keyRow);
    layout->addWidget(splitter, 1);

    connect(m_source, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_initializing) emit sourceChanged();
    });
    for (QComboBox* box : {m_set, m_arch})
        connect(box, &QComboBox::currentIndexChanged, this, [this] {
            if (!m_initializing) emit dataChanged();
        });
    connect(m_withRuns, &QCheckBox::toggled, this, [this] {
        if (!m_initializing) emit dataChanged();
    });
    auto optionsChanged = [this] {
        if (!m_initializing && !m_fitting) setMessage(tr("Options changed: press Fit to refit."));
    };
    connect(m_form, &QComboBox::currentIndexChanged, this, optionsChanged);
    connect(m_delta, &QComboBox::currentIndexChanged, this, optionsChanged);
    connect(m_grid, &QComboBox::currentIndexChanged, this, optionsChanged);
    connect(m_bootstrap, &QSpinBox::valueChanged, this, optionsChanged);
    connect(m_fit, &QPushButton::clicked, this, [this] { emit m_fitting ? cancelRequested() : fitRequested(); });
}

void ParametricView::setSources(const QList<SourceChoice>& sources, const QString& preferred) {
    m_source->setSources(sources, preferred);
    emit sourceChanged();
}

bool ParametricView::selectSource(const QString& key) { return m_source->selectKey(key); }   // emits sourceChanged when it differs

void ParametricView::setSets(const QList<QPair<QString, QString>>& sets, const QString& preferred) {
    m_initializing = true;
    const QString previous = m_set->currentData().toString();
    m_set->clear();
    for (const auto& [key, title] : sets) m_set->addItem(title, key);
    int index = m_set->findData(previous);
    if (index < 0) index = m_set->findData(preferred);
    m_set->setCurrentIndex(std::max(0, index));
    m_initializing = false;
}

bool ParametricView::selectSet(const QString& key) {
    const int index = m_set->findData(key);
    if (index < 0) return false;
    m_set->setCurrentIndex(index);
    return true;
}

void ParametricView::setArchs(const QStringList& archs) {
    m_initializing = true;
    const QString previous = m_arch->currentData().toString();
    m_arch->clear();
    for (const QString& a : archs)
        m_arch->addItem(archIsXlstm(a) ? tr("xLSTM") : a == QLatin1String("transformer") ? tr("Transformer") : a, a);
    int index = m_arch->findData(previous);
    if (index < 0) index = m_arch->findData(QStringLiteral("xlstm"));
    m_arch->setCurrentIndex(std::max(0, index));
    m_initializing = false;
}

void ParametricView::setRunsAvailable(bool available) {
    m_initializing = true;
    m_withRuns->setEnabled(available);
    m_initializing = false;
}

void ParametricView::setFitOptions(const ParametricSelection& o) {
    m_initializing = true;
    m_form->setCurrentIndex(o.fitGamma ? 1 : 0);
    int delta = m_delta->findData(o.huberDelta);
    if (delta < 0) {
        m_delta->addItem(QString::number(o.huberDelta, 'g', 3), o.huberDelta);
        delta = m_delta->count() - 1;
    }
    m_delta->setCurrentIndex(delta);
    m_grid->setCurrentIndex(std::max(0, m_grid->findData(o.grid)));
    m_bootstrap->setValue(o.bootstrap);
    m_initializing = false;
}

ParametricSelection ParametricView::selection() const {
    ParametricSelection s;
    s.source = m_source->currentKey();
    const QString set = m_set->currentData().toString();
    if (!set.isEmpty()) s.sets = set.split(QLatin1Char('+'));
    s.arch = m_arch->currentData().toString();
    s.fitGamma = m_form->currentData().toBool();
    s.huberDelta = m_delta->currentData().toDouble();
    s.grid = m_grid->currentData().toString();
    s.bootstrap = m_bootstrap->value();
    s.withRuns = m_withRuns->isEnabled() && m_withRuns->isChecked();
    return s;
}

void ParametricView::setFitting(bool fitting) {
    m_fitting = fitting;
    m_fit->setText(fitting ? tr("Cancel") : tr("Fit"));
    m_progress->setVisible(fitting);
    if (fitting) {
        m_progress->setRange(0, 0);   // busy until the first progress report
        setMessage(tr("Fitting..."));
    }
}

void ParametricView::setProgress(int done, int total) {
    if (total <= 0) return;
    m_progress->setRange(0, total);
    m_progress->setValue(std::clamp(done, 0, total));
}

void ParametricView::setMessage(const QString& text, bool error) {
    m_message->setText(error ? QStringLiteral("<span style='color:#c0392b'>%1</span>").arg(text.toHtmlEscaped())
                             : text.toHtmlEscaped());
    m_message->setToolTip(text);
}

QString ParametricView::message() const { return m_message->toolTip(); }

void ParametricView::updateBudgetKey(const ParametricPlot& plot) {
    // One key for all four charts: the charts themselves carry no per-budget legend, which at
    // ordinary widths would be elided or cover data.
    const QString shape = archIsXlstm(plot.arch) ? QStringLiteral("\u25cf") : QStringLiteral("\u25a0");
    QStringList entries;
    for (double b : plot.budgets)
        entries << QStringLiteral("<span style='color:%1'>%2</span>&nbsp;%3")
                       .arg(budgetColorOf(plot.budgets, b).name(), shape, budgetLabel(b));
    bool own = false;
    for (const auto& p : plot.points + plot.overlay) own = own || p.own;
    QString html = entries.isEmpty() ? QString() : tr("Budget (FLOPs): %1").arg(entries.join(QStringLiteral("&nbsp; ")));
    if (own) html += tr("&nbsp;&nbsp; \u25b3 your runs");
    m_budgetKey->setText(html);
}

void ParametricView::setPlot(const ParametricPlot& plot) {
    m_plot = plot;
    m_title->setText(plot.ok ? QStringLiteral("<b>%1</b>").arg(plot.title.toHtmlEscaped()) : QString());
    updateBudgetKey(plot);
    m_isoloss->setPlot(plot);
    m_lossCompute->setPlot(plot);
    m_predicted->setPlot(plot);
    m_residuals->setPlot(plot);
    m_side->setPlot(plot);
}

}  // namespace seqscope::widgets
