// SPDX-License-Identifier: MIT
// The runs of the open database as a table model: one row per run with status, size, budget and
// final losses, then any extra columns the user picked (issue 20): a config field ("config:lr",
// "config:model.d_model") or a final metric (kBestValLossColumn). Fed by RunsController from periodic
// store reads; updates rows in place so the selection and sorting survive refreshes.
#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QStringList>
#include <vector>

#include "runs/config_fields.h"
#include "storage/records.h"

namespace seqscope::gui {

struct RunRow {
    storage::RunRecord run;
    double trainLoss = qQNaN();      // last logged train_loss
    double valLoss = qQNaN();        // last logged val_loss
    double bestValLoss = qQNaN();    // lowest logged val_loss
    long long lastStep = 0;
    long long tokens = 0;            // tokens at the last logged step (D so far)
    double flops = 0;                // FLOPs at the last logged step
    runs::FlatConfig config;         // the run's config JSON as flat fields; empty when it does not parse
};

inline constexpr const char* kConfigColumnPrefix = "config:";   // + a flat field path
inline constexpr const char* kBestValLossColumn = "metric:best_val_loss";

class RunTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Id, Name, Arch, Status, Params, Tokens, Flops, Context, TrainLoss, ValLoss, Tags, Created, ColumnCount };
    // FieldNamesRole: the row's config field names (QStringList), for the column and group-by menus.
    enum Role { RunIdRole = Qt::UserRole + 1, SortRole, ConfigRole, DetailsRole, FieldNamesRole };

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
    const std::vector<RunRow>& rows() const { return m_rows; }

    // Extra columns after the built-in ones, by key (kConfigColumnPrefix + path, kBestValLossColumn).
    // Unknown keys are dropped. Config columns sort numerically when every value present is a number.
    void setExtraColumns(const QStringList& keys);
    QStringList extraColumns() const { return m_extra; }
    static QString extraColumnTitle(const QString& key);

    static QString statusText(storage::RunStatus status);
    static QString humanCount(double value);   // 1.2M, 3.4B, 6.0e18

private:
    QVariant extraData(const RunRow& row, int extra, int role) const;
    void updateNumericColumns();

    std::vector<RunRow> m_rows;
    QStringList m_extra;
    std::vector<bool> m_extraNumeric;   // per extra column
    QHash<long long, int> m_index;
};

}  // namespace seqscope::gui
