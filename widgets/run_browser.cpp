// SPDX-License-Identifier: MIT
#include "run_browser.h"

#include <QAction>
#include <algorithm>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace seqscope::widgets {

RunBrowser::RunBrowser(QWidget* parent) : QWidget(parent) {
    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter runs by name, architecture, status or tag"));
    m_filter->setClearButtonEnabled(true);
    m_table = new QTableView(this);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setSortingEnabled(true);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->setWordWrap(false);
    m_details = new QTextBrowser(this);
    m_details->setOpenLinks(false);
    connect(m_details, &QTextBrowser::anchorClicked, this, &RunBrowser::detailsLinkActivated);
    m_details->setPlaceholderText(tr("Select a run to see its configuration."));

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_filter);
    layout->addWidget(splitter, 1);

    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);   // any column
    m_table->setModel(m_proxy);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_table, &QWidget::customContextMenuRequested, this, &RunBrowser::showContextMenu);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { emit selectionChanged(selectedRunIds()); });

    auto* del = new QAction(tr("Delete Selected Runs"), this);
    del->setShortcut(QKeySequence::Delete);
    del->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(del, &QAction::triggered, this, [this] {
        if (!selectedRunIds().isEmpty()) emit deleteRequested(selectedRunIds());
    });
    addAction(del);
}

void RunBrowser::setModel(QAbstractItemModel* model, int idRole, int sortRole) {
    m_idRole = idRole;
    m_proxy->setSourceModel(model);
    m_proxy->setSortRole(sortRole);
    m_table->sortByColumn(0, Qt::DescendingOrder);   // newest run first
    // Size the columns to the first rows that arrive (the model is usually empty at this point).
    connect(model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_sized) return;
        m_sized = true;
        m_table->resizeColumnsToContents();
        // Long run names must not push status, size and losses out of sight.
        for (int c = 0; c < m_table->model()->columnCount(); ++c)
            m_table->setColumnWidth(c, std::min(m_table->columnWidth(c), 180));
    });
}

QList<long long> RunBrowser::selectedRunIds() const {
    QList<long long> ids;
    for (const QModelIndex& index : m_table->selectionModel()->selectedRows())
        ids << index.data(m_idRole).toLongLong();
    return ids;
}

void RunBrowser::selectRuns(const QList<long long>& ids) {
    QItemSelection selection;
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex index = m_proxy->index(row, 0);
        if (ids.contains(index.data(m_idRole).toLongLong()))
            selection.select(index, m_proxy->index(row, m_proxy->columnCount() - 1));
    }
    m_table->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
}

void RunBrowser::setDetailsHtml(const QString& html) { m_details->setHtml(html); }
void RunBrowser::setFilterText(const QString& text) { m_filter->setText(text); }

void RunBrowser::showContextMenu(const QPoint& pos) {
    const QList<long long> ids = selectedRunIds();
    if (ids.isEmpty()) return;
    QMenu menu(this);
    menu.addAction(tr("Cancel Training"), this, [this, ids] { emit cancelRequested(ids); });
    menu.addAction(tr("Add Tag..."), this, [this, ids] { emit tagRequested(ids); });
    menu.addAction(tr("Export as JSON..."), this, [this, ids] { emit exportRequested(ids); });
    menu.addSeparator();
    menu.addAction(tr("Delete %n Run(s)", nullptr, int(ids.size())), this, [this, ids] { emit deleteRequested(ids); });
    menu.exec(m_table->viewport()->mapToGlobal(pos));
}

}  // namespace seqscope::widgets
