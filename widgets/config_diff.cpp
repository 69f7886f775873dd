// SPDX-License-Identifier: MIT
#include "config_diff.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace seqscope::widgets {

ConfigDiffView::ConfigDiffView(QWidget* parent)
    : QDialog(parent), m_summary(new QLabel(this)), m_showAll(new QCheckBox(tr("Show all fields"), this)),
      m_table(new QTableWidget(this)) {
    setWindowTitle(tr("Compare Configs"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    connect(m_showAll, &QCheckBox::toggled, this, &ConfigDiffView::rebuild);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_showAll);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(720, 480);
}

void ConfigDiffView::setData(const QStringList& runs, const QVector<ConfigDiffField>& fields) {
    m_runs = runs;
    m_fields = fields;
    rebuild();
}

void ConfigDiffView::setShowAll(bool all) { m_showAll->setChecked(all); }
bool ConfigDiffView::showsAll() const { return m_showAll->isChecked(); }

void ConfigDiffView::rebuild() {
    const bool all = m_showAll->isChecked();
    int differing = 0;
    for (const auto& f : m_fields) differing += f.differs ? 1 : 0;
    m_summary->setText(tr("%1 of %n field(s) differ between %2 runs.", nullptr, int(m_fields.size()))
                           .arg(differing)
                           .arg(m_runs.size()));
    m_table->clear();
    m_table->setColumnCount(int(m_runs.size()));
    m_table->setHorizontalHeaderLabels(m_runs);
    QStringList fieldNames;
    QVector<const ConfigDiffField*> shown;
    for (const auto& f : m_fields)
        if (all || f.differs) {
            shown << &f;
            fieldNames << f.field;
        }
    m_table->setRowCount(int(shown.size()));
    m_table->setVerticalHeaderLabels(fieldNames);
    QFont bold = m_table->font();
    bold.setBold(true);
    for (int r = 0; r < int(shown.size()); ++r)
        for (int c = 0; c < int(m_runs.size()); ++c) {
            const ConfigDiffField& f = *shown[r];
            const bool present = c < f.present.size() && f.present[c];
            auto* item = new QTableWidgetItem(present ? f.values.value(c) : QStringLiteral("\u2014"));
            if (f.differs) item->setFont(bold);   // with "show all", the differing rows stand out
            if (!present) item->setToolTip(tr("This run's config has no such field"));
            m_table->setItem(r, c, item);
        }
    m_table->resizeColumnsToContents();
}

}  // namespace seqscope::widgets
