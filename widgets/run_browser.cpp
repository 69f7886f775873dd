// SPDX-License-Identifier: MIT
#include "run_browser.h"

#include <QAction>
#include <algorithm>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>
#include <set>

#include "field_chooser.h"

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
    // Group runs on the loss chart by config fields: one click for "everything but the seed".
    m_group = new QToolButton(this);
    m_group->setObjectName(QStringLiteral("groupBy"));
    m_group->setPopupMode(QToolButton::InstantPopup);
    auto* groupMenu = new QMenu(m_group);
    groupMenu->addAction(tr("No Grouping"), this, [this] {
        setGroupBy({}, false);
        emit groupByChanged({}, false);
    });
    groupMenu->addAction(tr("Everything but the Seed"), this, [this] {
        setGroupBy({}, true);
        emit groupByChanged({}, true);
    });
    groupMenu->addAction(tr("Group by..."), this, &RunBrowser::chooseGroupFields);
    m_group->setMenu(groupMenu);
    setGroupBy({}, false);

    auto* top = new QHBoxLayout;
    top->addWidget(m_filter, 1);
    top->addWidget(m_group);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);

    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);   // any column
    m_table->setModel(m_proxy);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_table, &QWidget::customContextMenuRequested, this, &RunBrowser::showContextMenu);
    m_table->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table->horizontalHeader(), &QWidget::customContextMenuRequested, this, &RunBrowser::showHeaderMenu);
    connect(m_proxy, &QAbstractItemModel::columnsInserted, this, &RunBrowser::reselectWholeRows);
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
    // Added or removed columns change what the filter matches: filter again.
    connect(model, &QAbstractItemModel::columnsInserted, m_proxy, &QSortFilterProxyModel::invalidate);
    connect(model, &QAbstractItemModel::columnsRemoved, m_proxy, &QSortFilterProxyModel::invalidate);
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
    QAction* compare = menu.addAction(tr("Compare Configs"), this, [this, ids] { emit compareConfigsRequested(ids); });
    compare->setEnabled(ids.size() >= 2);
    if (ids.size() < 2) compare->setToolTip(tr("Select two or more runs"));
    menu.addSeparator();
    menu.addAction(tr("Delete %n Run(s)", nullptr, int(ids.size())), this, [this, ids] { emit deleteRequested(ids); });
    menu.exec(m_table->viewport()->mapToGlobal(pos));
}

QStringList RunBrowser::visibleConfigFields() const {
    std::set<QString> names;
    if (m_fieldNamesRole >= 0)
        for (int row = 0; row < m_proxy->rowCount(); ++row)
            for (const QString& f : m_proxy->index(row, 0).data(m_fieldNamesRole).toStringList()) names.insert(f);
    return {names.begin(), names.end()};
}

void RunBrowser::setGroupBy(const QStringList& fields, bool allButSeed) {
    m_groupFields = fields;
    m_groupAllButSeed = allButSeed;
    if (allButSeed) m_group->setText(tr("Group: all but seed"));
    else if (fields.isEmpty()) m_group->setText(tr("Group: none"));
    else m_group->setText(tr("Group: %1").arg(fields.join(QStringLiteral(", "))));
    m_group->setToolTip(tr("Runs sharing these config values are drawn as one mean curve with a band"));
}

void RunBrowser::chooseGroupFields() {
    FieldChooser chooser(tr("Group Runs By"), visibleConfigFields(), m_groupFields, this);
    chooser.offerAllButSeed();
    if (chooser.exec() != QDialog::Accepted) return;
    const QStringList fields = chooser.allButSeedChosen() ? QStringList() : chooser.checkedFields();
    setGroupBy(fields, chooser.allButSeedChosen());
    emit groupByChanged(fields, chooser.allButSeedChosen());
}

void RunBrowser::toggleExtraColumn(const QString& key, bool on) {
    QStringList keys = m_extraColumns;
    keys.removeAll(key);
    if (on) keys << key;
    m_extraColumns = keys;
    emit extraColumnsChanged(keys);
}

// Fields nest by their first path component ("model.d_model" under "model"), so a long config
// stays a short menu.
void RunBrowser::showHeaderMenu(const QPoint& pos) {
    QMenu menu(this);
    menu.addSection(tr("Final Metrics"));
    for (const auto& [key, title] : m_extraChoices) {
        QAction* a = menu.addAction(title, this, [this, key = key](bool on) { toggleExtraColumn(key, on); });
        a->setCheckable(true);
        a->setChecked(m_extraColumns.contains(key));
    }
    menu.addSection(tr("Config Fields"));
    QHash<QString, QMenu*> submenus;
    for (const QString& field : visibleConfigFields()) {
        const QString key = QLatin1String(kConfigColumnPrefix) + field;
        const int dot = field.indexOf(QLatin1Char('.'));
        QMenu* parent = &menu;
        if (dot > 0) {
            QMenu*& sub = submenus[field.left(dot)];
            if (!sub) sub = menu.addMenu(field.left(dot));
            parent = sub;
        }
        QAction* a = parent->addAction(dot > 0 ? field.mid(dot + 1) : field, this, [this, key](bool on) { toggleExtraColumn(key, on); });
        a->setCheckable(true);
        a->setChecked(m_extraColumns.contains(key));
    }
    if (!m_extraColumns.isEmpty()) {
        menu.addSeparator();
        menu.addAction(tr("Remove Added Columns"), this, [this] {
            m_extraColumns.clear();
            emit extraColumnsChanged({});
        });
    }
    menu.exec(m_table->horizontalHeader()->mapToGlobal(pos));
}

// Rows stay selected when columns are added: a row counts as selected only if all its columns are,
// so the selection is widened to the new columns.
void RunBrowser::reselectWholeRows() {
    QItemSelection rows;
    for (const QItemSelectionRange& range : m_table->selectionModel()->selection())
        rows.select(m_proxy->index(range.top(), 0), m_proxy->index(range.bottom(), m_proxy->columnCount() - 1));
    if (!rows.isEmpty()) m_table->selectionModel()->select(rows, QItemSelectionModel::Select);
}

}  // namespace seqscope::widgets
