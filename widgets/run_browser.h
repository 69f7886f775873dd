// SPDX-License-Identifier: MIT
// Run browser panel: a filterable, sortable table of runs (any item model), multi-selection to
// overlay curves, and a details pane the owner fills. Actions (delete, export, tag, compare configs)
// are requests the owner carries out; the panel itself never touches the database. Issue 20: a
// header menu adds config fields and final metrics as columns, and "Group by" picks the config
// fields whose shared values make runs one group on the loss chart.
#pragma once

#include <QPair>
#include <QUrl>
#include <QWidget>

class QAbstractItemModel;
class QToolButton;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
class QTextBrowser;

namespace seqscope::widgets {

inline constexpr const char* kConfigColumnPrefix = "config:";   // column key of a config field: prefix + path

class RunBrowser : public QWidget {
    Q_OBJECT
public:
    explicit RunBrowser(QWidget* parent = nullptr);
    // `idRole` yields the run id (qlonglong) on every cell; `sortRole` the value to sort by.
    void setModel(QAbstractItemModel* model, int idRole, int sortRole);
    QList<long long> selectedRunIds() const;
    void selectRuns(const QList<long long>& ids);
    void setDetailsHtml(const QString& html);
    QTableView* table() const { return m_table; }
    void setFilterText(const QString& text);

    // The role that yields a row's config field names (QStringList); the column and group-by menus
    // offer the fields of the visible rows.
    void setFieldNamesRole(int role) { m_fieldNamesRole = role; }
    QStringList visibleConfigFields() const;   // sorted union over the rows that pass the filter
    // Extra columns: besides config fields, these (key, title) pairs are offered, e.g. final metrics.
    void setExtraColumnChoices(const QList<QPair<QString, QString>>& choices) { m_extraChoices = choices; }
    // The chosen extra column keys (the owner applies them to the model); the header menu reflects them.
    void setExtraColumns(const QStringList& keys) { m_extraColumns = keys; }
    QStringList extraColumns() const { return m_extraColumns; }
    // What the Group button shows: the fields, or "everything but the seed".
    void setGroupBy(const QStringList& fields, bool allButSeed);
    void showHeaderMenu(const QPoint& pos);   // the column chooser (also on right-click of the header)

signals:
    void selectionChanged(const QList<long long>& ids);
    void deleteRequested(const QList<long long>& ids);
    void exportRequested(const QList<long long>& ids);
    void tagRequested(const QList<long long>& ids);
    void cancelRequested(const QList<long long>& ids);
    void detailsLinkActivated(const QUrl& url);   // a link in the details pane (the owner decides)
    void compareConfigsRequested(const QList<long long>& ids);
    void extraColumnsChanged(const QStringList& keys);                  // the user picked columns
    void groupByChanged(const QStringList& fields, bool allButSeed);     // empty and false: no grouping

private:
    void showContextMenu(const QPoint& pos);
    void chooseGroupFields();
    void toggleExtraColumn(const QString& key, bool on);
    void reselectWholeRows();

    QLineEdit* m_filter = nullptr;
    QTableView* m_table = nullptr;
    QTextBrowser* m_details = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QToolButton* m_group = nullptr;
    int m_idRole = Qt::UserRole;
    int m_fieldNamesRole = -1;
    QList<QPair<QString, QString>> m_extraChoices;
    QStringList m_extraColumns;
    QStringList m_groupFields;
    bool m_groupAllButSeed = false;
    bool m_sized = false;
};

}  // namespace seqscope::widgets
