// SPDX-License-Identifier: MIT
// Run browser panel: a filterable, sortable table of runs (any item model), multi-selection to
// overlay curves, and a details pane the owner fills. Actions (delete, export, tag) are requests
// the owner carries out; the panel itself never touches the database.
#pragma once

#include <QUrl>
#include <QWidget>

class QAbstractItemModel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
class QTextBrowser;

namespace seqscope::widgets {

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

signals:
    void selectionChanged(const QList<long long>& ids);
    void deleteRequested(const QList<long long>& ids);
    void exportRequested(const QList<long long>& ids);
    void tagRequested(const QList<long long>& ids);
    void cancelRequested(const QList<long long>& ids);
    void detailsLinkActivated(const QUrl& url);   // a link in the details pane (the owner decides)

private:
    void showContextMenu(const QPoint& pos);

    QLineEdit* m_filter = nullptr;
    QTableView* m_table = nullptr;
    QTextBrowser* m_details = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    int m_idRole = Qt::UserRole;
    bool m_sized = false;
};

}  // namespace seqscope::widgets
