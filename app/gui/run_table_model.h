// SPDX-License-Identifier: MIT
// The runs of the open database as a table model: one row per run with status, size, budget and
// final losses. Fed by RunsController from periodic store reads; updates rows in place so the
// selection and sorting survive refreshes.
#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <vector>

#include "storage/records.h"

namespace seqscope::gui {

struct RunRow {
    storage::RunRecord run;
    double trainLoss = qQNaN();      // last logged train_loss
    double valLoss = qQNaN();        // last logged val_loss
    long long lastStep = 0;
    long long tokens = 0;            // tokens at the last logged step (D so far)
    double flops = 0;                // FLOPs at the last logged step
};

class RunTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Id, Name, Arch, Status, Params, Tokens, Flops, Context, TrainLoss, ValLoss, Tags, Created, ColumnCount };
    enum Role { RunIdRole = Qt::UserRole + 1, SortRole, ConfigRole, DetailsRole };

    explicit RunTableModel(QObject* parent = nullptr);
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // Replaces the rows: unchanged runs keep their row, changed ones emit dataChanged, new ones are
    // appended, vanished ones removed.
    void setRows(std::vector<RunRow> rows);
    const RunRow* rowForId(long long id) const;
    int rowOf(long long id) const;

    static QString statusText(storage::RunStatus status);
    static QString humanCount(double value);   // 1.2M, 3.4B, 6.0e18

private:
    std::vector<RunRow> m_rows;
    QHash<long long, int> m_index;
};

}  // namespace seqscope::gui
