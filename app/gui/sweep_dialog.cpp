// SPDX-License-Identifier: MIT
#include "sweep_dialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>
#include <cmath>

#include "run_table_model.h"

namespace seqscope::gui {
namespace {

bool parseNumbers(const QString& text, std::vector<double>* values) {
    values->clear();
    for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const double v = QLocale::c().toDouble(part.trimmed(), &ok);
        if (!ok || !(v > 0)) return false;
        values->push_back(v);
    }
    return !values->empty();
}

}  // namespace

SweepDialog::SweepDialog(QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("IsoFLOP Sweep"));
    // The form starts from the engine's sweep defaults (training/sweep_plan.h).
    const training::SweepOptions defaults;
    QStringList budgets, contexts;
    for (double b : training::exampleIsoflopBudgets()) budgets << QString::number(b, 'g', 3);
    for (long long t : defaults.contexts) contexts << QString::number(t);
    m_budgets = new QLineEdit(budgets.join(QLatin1Char(',')), this);
    m_contexts = new QLineEdit(contexts.join(QLatin1Char(',')), this);
    m_xlstm = new QCheckBox(tr("xLSTM"), this);
    m_transformer = new QCheckBox(tr("Transformer"), this);
    m_xlstm->setChecked(true);
    m_transformer->setChecked(true);
    m_sizes = new QSpinBox(this);
    m_sizes->setRange(3, 12);
    m_sizes->setValue(defaults.sizes);
    auto* archs = new QHBoxLayout;
    archs->addWidget(m_xlstm);
    archs->addWidget(m_transformer);
    archs->addStretch(1);
    auto* form = new QFormLayout;
    form->addRow(tr("FLOP budgets"), m_budgets);
    form->addRow(tr("Contexts"), m_contexts);
    form->addRow(tr("Architectures"), archs);
    form->addRow(tr("Sizes per budget"), m_sizes);

    m_table = new QTableWidget(this);
    m_table->setColumnCount(9);
    m_table->setHorizontalHeaderLabels({tr("Architecture"), tr("Context"), tr("Budget"), tr("N"), tr("Shape"),
                                        tr("Steps"), tr("Tokens D"), tr("D/N"), tr("Estimated time")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #c0392b;"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_start = buttons->addButton(tr("&Start Sweep"), QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_summary);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    resize(900, 560);

    for (QLineEdit* e : {m_budgets, m_contexts}) connect(e, &QLineEdit::textChanged, this, &SweepDialog::replan);
    for (QCheckBox* c : {m_xlstm, m_transformer}) connect(c, &QCheckBox::toggled, this, &SweepDialog::replan);
    connect(m_sizes, &QSpinBox::valueChanged, this, &SweepDialog::replan);
    replan();
}

void SweepDialog::setThroughput(const runs::Throughput& throughput) {
    m_throughput = throughput;
    replan();
}

bool SweepDialog::options(training::SweepOptions* o, QString* error) const {
    if (!parseNumbers(m_budgets->text(), &o->budgets)) {
        *error = tr("Budgets '%1' are not positive numbers separated by commas (e.g. 1e12,3e12).").arg(m_budgets->text());
        return false;
    }
    std::vector<double> contexts;
    if (!parseNumbers(m_contexts->text(), &contexts)) {
        *error = tr("Contexts '%1' are not positive whole numbers separated by commas.").arg(m_contexts->text());
        return false;
    }
    o->contexts.clear();
    for (double c : contexts) o->contexts.push_back(static_cast<long long>(c));
    o->archs.clear();
    if (m_xlstm->isChecked()) o->archs.push_back(analysis::Arch::XLstm);
    if (m_transformer->isChecked()) o->archs.push_back(analysis::Arch::Transformer);
    o->sizes = m_sizes->value();
    std::string why;
    if (!o->isValid("isoflop", &why)) {
        *error = QString::fromStdString(why);
        return false;
    }
    return true;
}

training::SweepPlan SweepDialog::plan() const {
    training::SweepOptions o;
    QString error;
    if (!options(&o, &error)) {
        training::SweepPlan invalid;
        invalid.status = Status::invalid(error.toStdString());
        return invalid;
    }
    training::SweepPlan p = training::planIsoflopSweep(o);
    if (!p.status) return p;
    if (m_throughput.general()) {
        training::estimateSweepTime(&p, m_throughput.flopsPerSecond, m_throughput.tokensPerSecond, m_throughput.source);
        return p;
    }
    // Nothing general has run here yet: probe the sweep's smallest and largest model (small models
    // of one sequence, a blink) and keep the rates while the sizes stay.
    std::string key;
    for (const auto& r : p.runs) key += r.config.shape.describe() + "@" + std::to_string(r.config.context) + ";";
    if (key != m_probedKey) {
        m_probed = runs::sweepThroughput(p, nullptr);
        m_probedKey = key;
    }
    training::estimateSweepTime(&p, m_probed.flopsPerSecond, m_probed.tokensPerSecond, m_probed.source);
    return p;
}

void SweepDialog::replan() {
    const training::SweepPlan p = plan();
    m_problem->setText(p.status.isOk() ? QString() : QString::fromStdString(p.status.message()));
    m_start->setEnabled(p.status.isOk() && p.runnable() > 0);
    m_table->setRowCount(p.status.isOk() ? int(p.runs.size()) : 0);
    if (!p.status.isOk()) {
        m_summary->clear();
        return;
    }
    const QLocale locale;
    for (int row = 0; row < int(p.runs.size()); ++row) {
        const auto& r = p.runs[size_t(row)];
        const auto& s = r.config.shape;
        const bool ok = r.plan.status.isOk();
        const QStringList cells = {
            QString::fromLatin1(analysis::archName(s.arch)), locale.toString(r.config.context), QString::number(r.budget, 'g', 3),
            RunTableModel::humanCount(double(r.plan.params)),
            tr("d=%1 L=%2 H=%3").arg(s.dModel).arg(s.layers).arg(s.heads),
            ok ? locale.toString(r.plan.steps) : QString::fromStdString(r.plan.status.message()),
            RunTableModel::humanCount(r.plan.tokens), QString::number(r.plan.tokenParamRatio, 'f', 1),
            std::isfinite(r.estimatedSeconds) ? tr("%1 min").arg(r.estimatedSeconds / 60.0, 0, 'f', 1) : tr("unknown")};
        for (int c = 0; c < cells.size(); ++c) m_table->setItem(row, c, new QTableWidgetItem(cells[c]));
    }
    m_table->resizeColumnsToContents();
    QString summary = tr("%1 runs (%2 runnable), %3 training FLOPs, about %4 min (%5).")
                          .arg(p.runs.size())
                          .arg(p.runnable())
                          .arg(QString::number(p.totalFlops, 'e', 2))
                          .arg(p.estimatedSeconds / 60.0, 0, 'f', 1)
                          .arg(QString::fromStdString(p.timeSource));
    for (const auto& w : p.warnings) summary += QStringLiteral("\n") + QString::fromStdString(w);
    m_summary->setText(summary);
}

int SweepDialog::plannedRuns() const {
    const auto p = plan();
    return p.status.isOk() ? p.runnable() : 0;
}

QString SweepDialog::problemText() const { return m_problem->text(); }

}  // namespace seqscope::gui
