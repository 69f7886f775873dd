// SPDX-License-Identifier: MIT
#include "field_chooser.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace seqscope::widgets {

FieldChooser::FieldChooser(const QString& title, const QStringList& fields, const QStringList& checked, QWidget* parent)
    : QDialog(parent), m_filter(new QLineEdit(this)), m_list(new QListWidget(this)) {
    setWindowTitle(title);
    m_filter->setPlaceholderText(tr("Filter fields"));
    m_filter->setClearButtonEnabled(true);
    for (const QString& f : fields) {
        auto* item = new QListWidgetItem(f, m_list);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(checked.contains(f) ? Qt::Checked : Qt::Unchecked);
    }
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString& text) {
        for (int i = 0; i < m_list->count(); ++i)
            m_list->item(i)->setHidden(!m_list->item(i)->text().contains(text, Qt::CaseInsensitive));
    });
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton* none = buttons->addButton(tr("Clear"), QDialogButtonBox::ResetRole);
    connect(none, &QPushButton::clicked, this, [this] {
        for (int i = 0; i < m_list->count(); ++i) m_list->item(i)->setCheckState(Qt::Unchecked);
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    resize(360, 480);
}

void FieldChooser::offerAllButSeed() {
    auto* button = new QPushButton(tr("Everything but the Seed"), this);
    button->setObjectName(QStringLiteral("allButSeed"));
    button->setToolTip(tr("Group runs that differ only in their seed (and checkpoint folder)"));
    connect(button, &QPushButton::clicked, this, [this] {
        m_allButSeed = true;
        accept();
    });
    static_cast<QVBoxLayout*>(layout())->insertWidget(1, button);
}

QStringList FieldChooser::checkedFields() const {
    QStringList out;
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->checkState() == Qt::Checked) out << m_list->item(i)->text();
    return out;
}

}  // namespace seqscope::widgets
