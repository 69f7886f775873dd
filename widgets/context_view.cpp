// SPDX-License-Identifier: MIT
#include "context_view.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

#include "analysis_csv.h"
#include "chart_export.h"
#include "context_chart_view.h"
#include "context_exponent_view.h"
#include "source_box.h"

namespace seqscope::widgets {

ContextView::ContextView(QWidget* parent) : QWidget(parent) {
    auto* controls = new QHBoxLayout;
    m_sourceBox = new SourceBox(36, this);
    m_sourceBox->setObjectName(QStringLiteral("contextSource"));
    m_withRuns = new QCheckBox(tr("With your runs"), this);
    m_withRuns->setObjectName(QStringLiteral("contextWithRuns"));
    m_withRuns->setToolTip(tr("Fit this database's finished runs beside the source's, as series of their own"));
    m_withRuns->setChecked(true);
    m_withRuns->setEnabled(false);
    m_quantity = new QComboBox(this);
    m_quantity->setObjectName(QStringLiteral("contextQuantity"));
    m_quantity->addItem(tr("Parameters N*"));
    m_quantity->addItem(tr("Training tokens D*"));
    m_xlstm = new QCheckBox(tr("xLSTM"), this);
    m_transformer = new QCheckBox(tr("Transformer"), this);
    m_xlstm->setChecked(true);
    m_transformer->setChecked(true);
    m_fitting = new QLabel(this);
    m_fitting->setForegroundRole(QPalette::PlaceholderText);
    // Source on a row of its own (its titles are long), the plot options below: usable at small widths.
    auto* sourceRow = new QHBoxLayout;
    sourceRow->addWidget(new QLabel(tr("Source:"), this));
    sourceRow->addWidget(m_sourceBox);
    sourceRow->addSpacing(12);
    sourceRow->addWidget(m_withRuns);
    sourceRow->addStretch(1);
    controls->addWidget(new QLabel(tr("Optimum:"), this));
    controls->addWidget(m_quantity);
    controls->addSpacing(12);
    controls->addWidget(m_xlstm);
    controls->addWidget(m_transformer);
    controls->addSpacing(12);
    controls->addWidget(m_fitting);
    controls->addStretch(1);

    m_chart = new ContextChartView(this);
    m_exponents = new ContextExponentView(this);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_chart);
    splitter->addWidget(m_exponents);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    sourceRow->addWidget(makeExportButton(this, splitter, [this] { return contextPlotCsv(m_plot); }, QStringLiteral("context"),
                                          tr("Seqscope compute-optimal size against context length")));

    m_finding = new QLabel(this);
    m_finding->setObjectName(QStringLiteral("contextFinding"));
    m_finding->setTextFormat(Qt::RichText);
    m_finding->setWordWrap(true);
    m_finding->setTextInteractionFlags(Qt::TextSelectableByMouse);
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
    layout->addWidget(splitter, 1);
    layout->addWidget(m_finding);
    layout->addWidget(m_summary);
    layout->addWidget(m_source);

    auto changed = [this] {
        if (!m_initializing) emit selectionChanged();
    };
    connect(m_sourceBox, &QComboBox::currentIndexChanged, this, [this, changed] {
        updateSourceNote();
        changed();
    });
    connect(m_withRuns, &QCheckBox::toggled, this, changed);
    connect(m_quantity, &QComboBox::currentIndexChanged, this, changed);
    connect(m_xlstm, &QCheckBox::toggled, this, changed);
    connect(m_transformer, &QCheckBox::toggled, this, changed);
    updateSourceNote();
}

void ContextView::setSourceTitle(const QString& title) {
    m_sourceTitle = title;
    updateSourceNote();
}

void ContextView::updateSourceNote() {
    const QString title = m_sourceBox->count() > 0 ? m_sourceBox->currentText() : m_sourceTitle;
    m_source->setText(tr("Data: %1. Each point is one budget's IsoFLOP minimum at one context; lines are the fitted "
                         "laws across contexts. Circles and solid lines are xLSTM, squares and dashed lines Transformer; "
                         "your own runs are hollow triangles with dotted lines. Hover a point for its values.")
                          .arg(title.isEmpty() ? tr("none") : title));
}

void ContextView::setSources(const QList<SourceChoice>& sources, const QString& preferred) {
    m_withRuns->setEnabled(m_sourceBox->setSources(sources, preferred));
    updateSourceNote();
    emit selectionChanged();
}

bool ContextView::selectSource(const QString& key) { return m_sourceBox->selectKey(key); }

void ContextView::setFitting(bool fitting) { m_fitting->setText(fitting ? tr("Fitting...") : QString()); }

void ContextView::setLoadError(const QString& message) {
    m_finding->setText(tr("<b>Cannot load the context data:</b> %1").arg(message.toHtmlEscaped()));
    m_summary->clear();
}

ContextSelection ContextView::selection() const {
    ContextSelection sel;
    sel.source = m_sourceBox->currentKey();
    sel.withRuns = m_withRuns->isEnabled() && m_withRuns->isChecked();
    if (m_xlstm->isChecked()) sel.archs << QStringLiteral("xlstm");
    if (m_transformer->isChecked()) sel.archs << QStringLiteral("transformer");
    sel.tokens = m_quantity->currentIndex() == 1;
    return sel;
}

void ContextView::setPlot(const ContextPlot& plot) {
    m_plot = plot;
    const bool tokens = m_quantity->currentIndex() == 1;
    m_chart->setSeries(plot.series, tokens);
    m_exponents->setSeries(plot.series, tokens);
    m_finding->setText(plot.finding);
    m_summary->setText(plot.summary.isEmpty() && plot.finding.isEmpty() ? tr("No runs in this selection.") : plot.summary);
}

}  // namespace seqscope::widgets
