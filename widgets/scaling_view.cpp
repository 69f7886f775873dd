// SPDX-License-Identifier: MIT
#include "scaling_view.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>
#include <algorithm>

#include "frontier_chart_view.h"
#include "isoflop_chart_view.h"

namespace seqscope::widgets {
namespace {

// "isoflop_ctx8192" -> "IsoFLOP, context 8192"; unknown names are shown as they are.
QString describeSet(const QString& set) {
    QString text = set;
    const int ctx = set.indexOf(QLatin1String("ctx"));
    QString context;
    if (ctx >= 0) {
        int end = ctx + 3;
        while (end < set.size() && set.at(end).isDigit()) ++end;
        context = set.mid(ctx + 3, end - ctx - 3);
    }
    if (set.startsWith(QLatin1String("isoflop")) && !context.isEmpty()) {
        text = ScalingView::tr("IsoFLOP, context %1").arg(context);
        if (set.contains(QLatin1String("chinchilla"))) text += ScalingView::tr(" (Chinchilla attention FLOPs)");
        if (set.contains(QLatin1String("gbs256"))) text += ScalingView::tr(" (batch-size ablation)");
    } else if (set.startsWith(QLatin1String("tokenparam")) && !context.isEmpty()) {
        text = ScalingView::tr("Token/parameter ratios, context %1").arg(context);
    }
    return text;
}

}  // namespace

ScalingView::ScalingView(QWidget* parent) : QWidget(parent) {
    auto* sourceRow = new QHBoxLayout;
    m_sourceBox = new QComboBox(this);
    m_sourceBox->setObjectName(QStringLiteral("scalingSource"));
    m_sourceBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_withRuns = new QCheckBox(tr("With your runs"), this);
    m_withRuns->setObjectName(QStringLiteral("withRuns"));
    m_withRuns->setToolTip(tr("Draw this database's finished runs beside the source's, fitted as series of their own"));
    m_withRuns->setChecked(true);
    m_withRuns->setEnabled(false);
    m_fitting = new QLabel(this);
    m_fitting->setForegroundRole(QPalette::PlaceholderText);
    sourceRow->addWidget(new QLabel(tr("Source:"), this));
    sourceRow->addWidget(m_sourceBox);
    sourceRow->addSpacing(12);
    sourceRow->addWidget(m_withRuns);
    sourceRow->addSpacing(12);
    sourceRow->addWidget(m_fitting);
    sourceRow->addStretch(1);
    auto* controls = new QHBoxLayout;
    m_set = new QComboBox(this);
    m_set->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_axis = new QComboBox(this);
    m_axis->addItem(tr("Parameters N"));
    m_axis->addItem(tr("Training tokens D"));
    m_xlstm = new QCheckBox(tr("xLSTM"), this);
    m_transformer = new QCheckBox(tr("Transformer"), this);
    m_xlstm->setChecked(true);
    m_transformer->setChecked(true);
    m_excluded = new QCheckBox(tr("Include runs the paper's filters drop"), this);
    m_paperRange = new QCheckBox(tr("Paper's budget range for the power law"), this);
    m_paperRange->setChecked(true);
    controls->addWidget(new QLabel(tr("Experiment:"), this));
    controls->addWidget(m_set);
    controls->addSpacing(12);
    controls->addWidget(new QLabel(tr("x axis:"), this));
    controls->addWidget(m_axis);
    controls->addSpacing(12);
    controls->addWidget(m_xlstm);
    controls->addWidget(m_transformer);
    controls->addStretch(1);
    // Fit options on their own row so the window stays usable at small widths.
    auto* fitOptions = new QHBoxLayout;
    fitOptions->addWidget(m_excluded);
    fitOptions->addSpacing(12);
    fitOptions->addWidget(m_paperRange);
    fitOptions->addStretch(1);

    m_isoflop = new IsoflopChartView(this);
    m_frontier = new FrontierChartView(this);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_isoflop);
    splitter->addWidget(m_frontier);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    m_summary = new QLabel(this);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_source = new QLabel(this);
    m_source->setWordWrap(true);
    m_source->setForegroundRole(QPalette::PlaceholderText);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(sourceRow);
    layout->addLayout(controls);
    layout->addLayout(fitOptions);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_summary);
    layout->addWidget(m_source);

    auto changed = [this] {
        if (!m_initializing) emit selectionChanged();
    };
    connect(m_set, &QComboBox::currentIndexChanged, this, changed);
    connect(m_sourceBox, &QComboBox::currentIndexChanged, this, [this, changed] {
        updateSourceNote();
        changed();
    });
    connect(m_withRuns, &QCheckBox::toggled, this, changed);
    connect(m_axis, &QComboBox::currentIndexChanged, this, changed);
    connect(m_xlstm, &QCheckBox::toggled, this, changed);
    connect(m_transformer, &QCheckBox::toggled, this, changed);
    connect(m_excluded, &QCheckBox::toggled, this, changed);
    connect(m_paperRange, &QCheckBox::toggled, this, changed);
}

void ScalingView::setSourceTitle(const QString& title) {
    m_sourceTitle = title;
    updateSourceNote();
}

void ScalingView::updateSourceNote() {
    const QString title = m_sourceBox->count() > 0 ? m_sourceBox->currentText() : m_sourceTitle;
    m_source->setText(tr("Data: %1. Stars mark each budget's fitted minimum; circles are xLSTM runs, squares "
                         "Transformer runs; your own runs are drawn hollow (triangles); hollow frontier points lie "
                         "outside the power law's budget range.").arg(title));
}

void ScalingView::setSources(const QList<SourceChoice>& sources, const QString& preferred) {
    m_initializing = true;
    const QString previous = m_sourceBox->currentData().toString();
    m_sourceBox->clear();
    bool runs = false;
    for (const auto& s : sources) {
        m_sourceBox->addItem(s.title, s.key);
        runs = runs || s.key == QLatin1String("runs");
    }
    int index = m_sourceBox->findData(previous);
    if (index < 0) index = m_sourceBox->findData(preferred);
    m_sourceBox->setCurrentIndex(std::max(0, index));
    m_withRuns->setEnabled(runs);
    m_initializing = false;
    updateSourceNote();
    emit selectionChanged();
}

bool ScalingView::selectSource(const QString& key) {
    const int index = m_sourceBox->findData(key);
    if (index < 0) return false;
    m_sourceBox->setCurrentIndex(index);
    return true;
}

void ScalingView::setFitting(bool fitting) { m_fitting->setText(fitting ? tr("Fitting...") : QString()); }

void ScalingView::setLoadError(const QString& message) {
    m_summary->setText(tr("<b>Cannot load the scaling data:</b> %1").arg(message.toHtmlEscaped()));
}

bool ScalingView::selectSet(const QString& set) {
    const int index = m_set->findData(set);
    if (index < 0) return false;
    m_set->setCurrentIndex(index);
    return true;
}

void ScalingView::setSets(const QStringList& sets) {
    m_initializing = true;
    const QString previous = m_set->currentData().toString();
    m_set->clear();
    for (const QString& set : sets)
        if (set.startsWith(QLatin1String("isoflop")) || !set.startsWith(QLatin1String("tokenparam")))
            m_set->addItem(describeSet(set), set);
    int index = m_set->findData(previous.isEmpty() ? QStringLiteral("isoflop_ctx8192") : previous);
    m_set->setCurrentIndex(index >= 0 ? index : 0);
    m_initializing = false;
    emit selectionChanged();
}

ScalingSelection ScalingView::selection() const {
    ScalingSelection sel;
    sel.source = m_sourceBox->currentData().toString();
    sel.withRuns = m_withRuns->isEnabled() && m_withRuns->isChecked();
    sel.set = m_set->currentData().toString();
    if (m_xlstm->isChecked()) sel.archs << QStringLiteral("xlstm");
    if (m_transformer->isChecked()) sel.archs << QStringLiteral("transformer");
    sel.xIsTokens = m_axis->currentIndex() == 1;
    sel.includeExcluded = m_excluded->isChecked();
    sel.paperBudgetRange = m_paperRange->isChecked();
    return sel;
}

void ScalingView::setPlot(const ScalingPlot& plot) {
    const bool xIsTokens = m_axis->currentIndex() == 1;
    m_paperRange->setToolTip(tr("Fit N*(C) and D*(C) over budgets from %1 to %2 FLOPs, as the paper does; "
                                "budgets outside are drawn hollow.").arg(budgetLabel(plot.paperRangeLo), budgetLabel(plot.paperRangeHi)));
    const QString xTitle = xIsTokens ? tr("Training tokens D") : tr("Parameters N");
    m_isoflop->setCurves(plot.curves, xTitle);
    m_frontier->setSeries(plot.frontier, xIsTokens ? tr("Compute-optimal D*") : tr("Compute-optimal N*"));
    m_summary->setText(plot.summary.isEmpty() ? tr("No runs in this selection.") : plot.summary);
}

}  // namespace seqscope::widgets
