// SPDX-License-Identifier: MIT
#include "scaling_view.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSplitter>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "analysis_csv.h"
#include "chart_export.h"
#include "chart_style.h"
#include "frontier_chart_view.h"
#include "isoflop_chart_view.h"
#include "source_box.h"

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

QString seriesName(const FrontierSeries& s) {
    const QString arch = archIsXlstm(s.arch) ? ScalingView::tr("xLSTM")
                         : s.arch == QLatin1String("transformer") ? ScalingView::tr("Transformer") : s.arch;
    return s.group.isEmpty() ? arch : ScalingView::tr("%1, %2").arg(arch, s.group);
}

// "0.512 [0.49, 0.53]": the exponent and its bootstrap interval (the regression's standard error is
// in the tooltip; without resamples it is shown instead of the interval).
QString exponentText(const PowerLaw& law) {
    if (!law.valid) return ScalingView::tr("not fitted");
    if (!law.samples.isEmpty())
        return ScalingView::tr("%1 [%2, %3]").arg(law.a, 0, 'f', 3).arg(law.aLo, 0, 'f', 2).arg(law.aHi, 0, 'f', 2);
    return std::isfinite(law.aStdError) ? ScalingView::tr("%1 ± %2").arg(law.a, 0, 'f', 3).arg(law.aStdError, 0, 'f', 3)
                                        : QString::number(law.a, 'f', 3);
}

// "1.31e10": %g without the exponent's "+" and leading zeros, so table cells stay narrow.
QString compact(double v, int digits) {
    QString text = QString::number(v, 'g', digits);
    text.replace(QLatin1String("e+0"), QLatin1String("e")).replace(QLatin1String("e+"), QLatin1String("e"));
    return text.replace(QLatin1String("e-0"), QLatin1String("e-"));
}

// "1.31e10 [1.2e10-1.4e10]" for a law at C, with the bootstrap interval when there is one.
QString valueAt(const PowerLaw& law, double compute) {
    if (!law.valid) return QStringLiteral("-");
    QString text = compact(law.at(compute), 3);
    double lo = 0, hi = 0;
    if (law.intervalAt(compute, &lo, &hi)) text += QStringLiteral(" [%1-%2]").arg(compact(lo, 2), compact(hi, 2));
    return text;
}

void fitTableHeight(QTableWidget* table);

QTableWidget* makeTable(QWidget* parent, const QStringList& headers) {
    auto* table = new QTableWidget(0, int(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionMode(QAbstractItemView::NoSelection);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    table->setWordWrap(false);
    table->setAlternatingRowColors(true);
    fitTableHeight(table);
    return table;
}

// Tall enough for its rows (at least two), no empty band below them.
void fitTableHeight(QTableWidget* table) {
    const int rows = std::max(2, table->rowCount());
    const int row = table->verticalHeader()->defaultSectionSize();
    table->setFixedHeight(table->horizontalHeader()->sizeHint().height() + rows * row + 2 * table->frameWidth());
}

}  // namespace

ScalingView::ScalingView(QWidget* parent) : QWidget(parent) {
    auto* sourceRow = new QHBoxLayout;
    m_sourceBox = new SourceBox(36, this);   // long titles elided, so the view fits 1280 px
    m_sourceBox->setObjectName(QStringLiteral("scalingSource"));
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
    connect(m_isoflop, &IsoflopChartView::pointToggled, this, [this](const QString& key) { togglePoint(key); });
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_isoflop);
    splitter->addWidget(m_frontier);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    m_charts = new QWidget(this);
    auto* chartsLayout = new QVBoxLayout(m_charts);
    chartsLayout->setContentsMargins(0, 0, 0, 0);
    chartsLayout->addWidget(splitter);

    m_export = makeExportButton(this, m_charts, [this] { return scalingPlotCsv(m_plot); }, QStringLiteral("scaling"),
                                tr("Seqscope IsoFLOP profiles and compute-optimal frontier"));
    m_export->setObjectName(QStringLiteral("scalingExport"));
    m_save = new QToolButton(this);
    m_save->setText(tr("Save Fit"));
    m_save->setToolTip(tr("Store the drawn laws with their source and options in the workspace (Fits panel)"));
    m_save->setObjectName(QStringLiteral("scalingSaveFit"));
    connect(m_save, &QToolButton::clicked, this, &ScalingView::saveFitRequested);
    sourceRow->addWidget(m_save);
    sourceRow->addWidget(m_export);

    // The laws at a glance, and what a budget buys under each: below the charts, side by side.
    m_coefficients = makeTable(this, {tr("Frontier"), tr("N* exponent a"), tr("D* exponent b"), tr("Budgets / runs")});
    m_coefficients->setObjectName(QStringLiteral("frontierCoefficients"));
    m_coefficients->horizontalHeader()->setSectionResizeMode(3, QHeaderView::ResizeToContents);
    m_coefficients->setToolTip(tr("Power laws N* = A·C^a and D* = B·C^b: the least-squares exponent and, in "
                                  "brackets, its 95 % interval over refits with the runs resampled within each budget."));
    m_budget = new QLineEdit(this);
    m_budget->setObjectName(QStringLiteral("budgetQuery"));
    m_budget->setPlaceholderText(QStringLiteral("1e22"));
    m_budget->setText(QStringLiteral("1e22"));
    m_budget->setMaximumWidth(110);
    m_budgetTable = makeTable(this, {tr("Frontier"), tr("N* [95 %]"), tr("D* [95 %]"), tr("D*/N*")});
    m_budgetTable->horizontalHeader()->setSectionResizeMode(3, QHeaderView::ResizeToContents);
    m_budgetTable->setObjectName(QStringLiteral("budgetAnswer"));
    connect(m_budget, &QLineEdit::textChanged, this, &ScalingView::updateBudgetAnswer);
    auto* budgetBox = new QVBoxLayout;
    auto* budgetRow = new QHBoxLayout;
    budgetRow->addWidget(new QLabel(tr("What does a budget of"), this));
    budgetRow->addWidget(m_budget);
    budgetRow->addWidget(new QLabel(tr("FLOPs buy?"), this));
    budgetRow->addStretch(1);
    budgetBox->addLayout(budgetRow);
    budgetBox->addWidget(m_budgetTable);
    auto* tables = new QHBoxLayout;
    tables->addWidget(m_coefficients, 1);
    tables->addLayout(budgetBox, 1);

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
    layout->addWidget(m_charts, 1);
    layout->addLayout(tables);
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
                         "outside the power law's budget range. Shift+click a run to leave it out of the fit "
                         "(grey), again to bring it back.").arg(title));
}

void ScalingView::setSources(const QList<SourceChoice>& sources, const QString& preferred) {
    m_withRuns->setEnabled(m_sourceBox->setSources(sources, preferred));
    updateSourceNote();
    emit selectionChanged();
}

bool ScalingView::selectSource(const QString& key) { return m_sourceBox->selectKey(key); }

void ScalingView::setRunsAvailable(bool available) { m_withRuns->setEnabled(available); }

void ScalingView::setFitting(bool fitting) { m_fitting->setText(fitting ? tr("Fitting...") : QString()); }

void ScalingView::setFilters(const ScalingSelection& sel) {
    m_initializing = true;   // one selectionChanged for all of them
    m_xlstm->setChecked(sel.archs.contains(QLatin1String("xlstm")));
    m_transformer->setChecked(sel.archs.contains(QLatin1String("transformer")));
    m_axis->setCurrentIndex(sel.xIsTokens ? 1 : 0);
    if (m_withRuns->isEnabled()) m_withRuns->setChecked(sel.withRuns);
    m_excluded->setChecked(sel.includeExcluded);
    m_paperRange->setChecked(sel.paperBudgetRange);
    m_leftOut = sel.leftOut;
    m_initializing = false;
    emit selectionChanged();
}

void ScalingView::togglePoint(const QString& key) {
    if (!m_leftOut.remove(key)) m_leftOut.insert(key);
    emit selectionChanged();
}

void ScalingView::setNote(const QString& text) { m_fitting->setText(text); }

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
    sel.source = m_sourceBox->currentKey();
    sel.withRuns = m_withRuns->isEnabled() && m_withRuns->isChecked();
    sel.set = m_set->currentData().toString();
    if (m_xlstm->isChecked()) sel.archs << QStringLiteral("xlstm");
    if (m_transformer->isChecked()) sel.archs << QStringLiteral("transformer");
    sel.xIsTokens = m_axis->currentIndex() == 1;
    sel.includeExcluded = m_excluded->isChecked();
    sel.paperBudgetRange = m_paperRange->isChecked();
    sel.leftOut = m_leftOut;
    return sel;
}

void ScalingView::setPlot(const ScalingPlot& plot) {
    const bool xIsTokens = m_axis->currentIndex() == 1;
    m_paperRange->setToolTip(tr("Fit N*(C) and D*(C) over budgets from %1 to %2 FLOPs, as the paper does; "
                                "budgets outside are drawn hollow.").arg(budgetLabel(plot.paperRangeLo), budgetLabel(plot.paperRangeHi)));
    const QString xTitle = xIsTokens ? tr("Training tokens D") : tr("Parameters N");
    m_plot = plot;
    m_isoflop->setCurves(plot.curves, xTitle, plot.leftOut);
    m_frontier->setSeries(plot.frontier, xIsTokens ? tr("Compute-optimal D*") : tr("Compute-optimal N*"), xIsTokens);
    m_summary->setText(plot.curves.isEmpty() && plot.summary.isEmpty() ? tr("No runs in this selection.") : plot.summary);
    m_summary->setVisible(!m_summary->text().isEmpty());
    updateCoefficients();
    updateBudgetAnswer();
}

void ScalingView::setHighlight(const ScalingHighlight& highlight) {
    m_highlight = highlight;
    m_isoflop->setHighlight(highlight);    // each chart redraws only when its highlight changes and
    m_frontier->setHighlight(highlight);   // reapplies it itself when setPlot hands it new data
}

void ScalingView::updateCoefficients() {
    m_coefficients->setRowCount(0);
    for (const auto& f : m_plot.frontier) {
        const int row = m_coefficients->rowCount();
        m_coefficients->insertRow(row);
        const QStringList cells = {seriesName(f), exponentText(f.nLaw), exponentText(f.dLaw),
                                   QStringLiteral("%1 / %2").arg(f.budgets).arg(f.runs)};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            item->setToolTip(cells[c]);
            m_coefficients->setItem(row, c, item);
        }
        if (f.nLaw.valid)
            m_coefficients->item(row, 1)->setToolTip(tr("N* = %1 · C^%2, standard error of a %3, 95 % bootstrap interval %4")
                                                         .arg(QString::number(f.nLaw.A, 'g', 4)).arg(f.nLaw.a, 0, 'f', 4)
                                                         .arg(f.nLaw.aStdError, 0, 'f', 4).arg(cells[1]));
        if (f.dLaw.valid)
            m_coefficients->item(row, 2)->setToolTip(tr("D* = %1 · C^%2, standard error of b %3, 95 % bootstrap interval %4")
                                                         .arg(QString::number(f.dLaw.A, 'g', 4)).arg(f.dLaw.a, 0, 'f', 4)
                                                         .arg(f.dLaw.aStdError, 0, 'f', 4).arg(cells[2]));
    }
    fitTableHeight(m_coefficients);
}

void ScalingView::setBudgetQuery(double compute) { m_budget->setText(QString::number(compute, 'g', 3)); }

double ScalingView::budgetQuery() const {
    bool ok = false;
    const double compute = m_budget->text().trimmed().toDouble(&ok);
    return ok && std::isfinite(compute) && compute > 0 ? compute : 0.0;
}

void ScalingView::updateBudgetAnswer() {
    m_budgetTable->setRowCount(0);
    const double compute = budgetQuery();
    const bool valid = compute > 0;
    m_budget->setStyleSheet(valid || m_budget->text().isEmpty() ? QString() : QStringLiteral("color: #c0392b"));
    m_budget->setToolTip(valid ? QString() : tr("Type a positive number of FLOPs, e.g. 1e22"));
    if (!valid) return;
    for (const auto& f : m_plot.frontier) {
        if (!f.nLaw.valid && !f.dLaw.valid) continue;
        const int row = m_budgetTable->rowCount();
        m_budgetTable->insertRow(row);
        const QString ratio = f.nLaw.valid && f.dLaw.valid ? QString::number(f.dLaw.at(compute) / f.nLaw.at(compute), 'f', 1) : QStringLiteral("-");
        const QStringList cells = {seriesName(f), valueAt(f.nLaw, compute), valueAt(f.dLaw, compute), ratio};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            item->setToolTip(cells[c]);   // the whole text when the column is narrow
            m_budgetTable->setItem(row, c, item);
        }
    }
    fitTableHeight(m_budgetTable);
}

bool ScalingView::exportPng(const QString& path, qreal scale, QString* error) const {
    return exportWidgetPng(m_charts, path, scale, error);
}

bool ScalingView::exportSvg(const QString& path, QString* error) const {
    return exportWidgetSvg(m_charts, path, tr("Seqscope IsoFLOP profiles and compute-optimal frontier"), error);
}

bool ScalingView::exportCsv(const QString& path, QString* error) const {
    return writeTextFile(path, scalingPlotCsv(m_plot), error);
}

}  // namespace seqscope::widgets
