// SPDX-License-Identifier: MIT
#include "run_table_model.h"

#include <QApplication>
#include <QDateTime>
#include <QLocale>
#include <QPalette>
#include <QStyle>
#include <cmath>

#include "run_colors.h"

namespace seqscope::gui {
namespace {

bool sameRow(const RunRow& a, const RunRow& b) {
    const auto& x = a.run;
    const auto& y = b.run;
    auto eq = [](double u, double v) { return (std::isnan(u) && std::isnan(v)) || u == v; };
    return x.status == y.status && x.name == y.name && x.tags == y.tags && x.notes == y.notes &&
           x.failureReason == y.failureReason && x.endedAt == y.endedAt && a.lastStep == b.lastStep &&
           eq(a.trainLoss, b.trainLoss) && eq(a.valLoss, b.valLoss) && eq(a.bestValLoss, b.bestValLoss) &&
           x.configJson == y.configJson;
}

QIcon statusIcon(storage::RunStatus status) {
    QStyle* style = QApplication::style();
    switch (status) {
    case storage::RunStatus::Queued: return style->standardIcon(QStyle::SP_MediaPause);
    case storage::RunStatus::Running: return style->standardIcon(QStyle::SP_MediaPlay);
    case storage::RunStatus::Finished: return style->standardIcon(QStyle::SP_DialogApplyButton);
    case storage::RunStatus::Failed: return style->standardIcon(QStyle::SP_MessageBoxCritical);
    case storage::RunStatus::Diverged: return style->standardIcon(QStyle::SP_MessageBoxWarning);
    case storage::RunStatus::Cancelled: return style->standardIcon(QStyle::SP_DialogCancelButton);
    case storage::RunStatus::Interrupted: return style->standardIcon(QStyle::SP_BrowserStop);
    }
    return {};
}

}  // namespace

RunTableModel::RunTableModel(QObject* parent) : QAbstractTableModel(parent) {}

int RunTableModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }
int RunTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount + int(m_extra.size()); }

QString RunTableModel::statusText(storage::RunStatus status) {
    switch (status) {
    case storage::RunStatus::Queued: return tr("queued");
    case storage::RunStatus::Running: return tr("running");
    case storage::RunStatus::Finished: return tr("finished");
    case storage::RunStatus::Failed: return tr("failed");
    case storage::RunStatus::Diverged: return tr("diverged");
    case storage::RunStatus::Cancelled: return tr("cancelled");
    case storage::RunStatus::Interrupted: return tr("interrupted");
    }
    return {};
}

QString RunTableModel::humanCount(double v) {
    if (!std::isfinite(v) || v <= 0) return QStringLiteral("-");
    if (v >= 1e15) return QString::number(v, 'e', 1);
    const char* suffix[] = {"", "K", "M", "B", "T"};
    int i = 0;
    while (v >= 1000 && i < 4) {
        v /= 1000;
        ++i;
    }
    return QLocale().toString(v, 'f', v < 10 && i > 0 ? 1 : 0) + QLatin1String(suffix[i]);
}

QVariant RunTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= int(m_rows.size())) return {};
    const RunRow& r = m_rows[size_t(index.row())];
    const auto& run = r.run;
    const QLocale locale;
    if (role == RunIdRole) return run.id;
    if (role == ConfigRole) return QString::fromStdString(run.configJson);
    if (role == FieldNamesRole) {
        QStringList names;
        for (const auto& [path, value] : r.config) names << QString::fromStdString(path);
        return names;
    }
    if (index.column() >= ColumnCount) return extraData(r, index.column() - ColumnCount, role);
    if (role == Qt::DecorationRole) {
        if (index.column() == Status) return statusIcon(run.status);
        if (index.column() == Name) return widgets::runColor(QString::number(run.id));
        return {};
    }
    if (role == Qt::ToolTipRole && index.column() == Status && !run.failureReason.empty())
        return QString::fromStdString(run.failureReason);
    if (role == Qt::TextAlignmentRole)
        return index.column() >= Params && index.column() <= ValLoss ? int(Qt::AlignRight | Qt::AlignVCenter)
                                                                      : int(Qt::AlignLeft | Qt::AlignVCenter);
    if (role == SortRole) {
        switch (index.column()) {
        case Id: return run.id;
        case Params: return run.params;
        case Tokens: return double(r.tokens);
        case Flops: return r.flops;
        case Context: return run.ctx;
        case TrainLoss: return std::isnan(r.trainLoss) ? 1e300 : r.trainLoss;
        case ValLoss: return std::isnan(r.valLoss) ? 1e300 : r.valLoss;
        case Created: return run.createdAt;
        default: break;
        }
        role = Qt::DisplayRole;
    }
    if (role != Qt::DisplayRole) return {};
    switch (index.column()) {
    case Id: return run.id;
    case Name: return QString::fromStdString(run.name.empty() ? run.arch : run.name);
    case Arch: return QString::fromStdString(run.arch);
    case Status: return statusText(run.status);
    case Params: return humanCount(run.params);
    case Tokens: return humanCount(double(r.tokens));
    case Flops: return r.flops > 0 ? QString::number(r.flops, 'e', 2) : QStringLiteral("-");
    case Context: return run.ctx > 0 ? locale.toString(run.ctx) : QStringLiteral("-");
    case TrainLoss: return std::isnan(r.trainLoss) ? QStringLiteral("-") : QString::number(r.trainLoss, 'f', 4);
    case ValLoss: return std::isnan(r.valLoss) ? QStringLiteral("-") : QString::number(r.valLoss, 'f', 4);
    case Tags: {
        QStringList tags;
        for (const auto& t : run.tags) tags << QString::fromStdString(t);
        return tags.join(QStringLiteral(", "));
    }
    case Created:
        return run.createdAt > 0 ? QDateTime::fromSecsSinceEpoch(qint64(run.createdAt)).toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                                 : QString();
    default: return {};
    }
}

QVariant RunTableModel::extraData(const RunRow& row, int extra, int role) const {
    const QString& key = m_extra[extra];
    const bool numeric = m_extraNumeric[size_t(extra)];
    if (role == Qt::TextAlignmentRole)
        return numeric ? int(Qt::AlignRight | Qt::AlignVCenter) : int(Qt::AlignLeft | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != SortRole) return {};
    if (key == QLatin1String(kBestValLossColumn)) {
        if (role == SortRole) return std::isnan(row.bestValLoss) ? 1e300 : row.bestValLoss;
        return std::isnan(row.bestValLoss) ? QStringLiteral("-") : QString::number(row.bestValLoss, 'f', 4);
    }
    const auto it = row.config.find(key.mid(int(qstrlen(kConfigColumnPrefix))).toStdString());
    if (role == SortRole && numeric) return it == row.config.end() ? 1e300 : it->second.number;   // missing sorts last
    if (it == row.config.end()) return role == SortRole ? QString() : QStringLiteral("-");
    return QString::fromStdString(it->second.text);
}

QString RunTableModel::extraColumnTitle(const QString& key) {
    if (key == QLatin1String(kBestValLossColumn)) return tr("Best val loss");
    return key.mid(int(qstrlen(kConfigColumnPrefix)));
}

void RunTableModel::setExtraColumns(const QStringList& keys) {
    QStringList valid;
    for (const QString& k : keys)
        if ((k == QLatin1String(kBestValLossColumn) ||
             (k.startsWith(QLatin1String(kConfigColumnPrefix)) && k.size() > int(qstrlen(kConfigColumnPrefix)))) &&
            !valid.contains(k))
            valid << k;
    if (valid == m_extra) return;
    // Columns are removed and inserted rather than reset, so views keep their rows and selection.
    if (!m_extra.isEmpty()) {
        beginRemoveColumns({}, ColumnCount, ColumnCount + int(m_extra.size()) - 1);
        m_extra.clear();
        m_extraNumeric.clear();
        endRemoveColumns();
    }
    if (valid.isEmpty()) return;
    beginInsertColumns({}, ColumnCount, ColumnCount + int(valid.size()) - 1);
    m_extra = valid;
    updateNumericColumns();
    endInsertColumns();
}

// A config column sorts by number when every run that has the field holds a number there.
void RunTableModel::updateNumericColumns() {
    m_extraNumeric.assign(size_t(m_extra.size()), true);
    for (int c = 0; c < int(m_extra.size()); ++c) {
        if (m_extra[c] == QLatin1String(kBestValLossColumn)) continue;
        const std::string path = m_extra[c].mid(int(qstrlen(kConfigColumnPrefix))).toStdString();
        bool any = false;
        for (const auto& row : m_rows) {
            const auto it = row.config.find(path);
            if (it == row.config.end()) continue;
            any = true;
            if (!it->second.isNumber()) {
                m_extraNumeric[size_t(c)] = false;
                break;
            }
        }
        if (!any) m_extraNumeric[size_t(c)] = false;
    }
}

QVariant RunTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    if (section >= ColumnCount && section < columnCount()) return extraColumnTitle(m_extra[section - ColumnCount]);
    switch (section) {
    case Id: return tr("ID");
    case Name: return tr("Name");
    case Arch: return tr("Architecture");
    case Status: return tr("Status");
    case Params: return tr("N");
    case Tokens: return tr("D");
    case Flops: return tr("FLOPs");
    case Context: return tr("Context");
    case TrainLoss: return tr("Train loss");
    case ValLoss: return tr("Val loss");
    case Tags: return tr("Tags");
    case Created: return tr("Created");
    default: return {};
    }
}

void RunTableModel::setRows(std::vector<RunRow> rows) {
    QHash<long long, int> incoming;
    for (int i = 0; i < int(rows.size()); ++i) incoming.insert(rows[size_t(i)].run.id, i);
    // Remove vanished runs, from the bottom so indices stay valid.
    for (int i = int(m_rows.size()) - 1; i >= 0; --i)
        if (!incoming.contains(m_rows[size_t(i)].run.id)) {
            beginRemoveRows({}, i, i);
            m_rows.erase(m_rows.begin() + i);
            endRemoveRows();
        }
    m_index.clear();
    for (int i = 0; i < int(m_rows.size()); ++i) m_index.insert(m_rows[size_t(i)].run.id, i);
    std::vector<RunRow> added;
    for (auto& row : rows) {
        auto it = m_index.find(row.run.id);
        if (it == m_index.end()) {
            added.push_back(std::move(row));
            continue;
        }
        RunRow& old = m_rows[size_t(*it)];
        if (!sameRow(old, row)) {
            old = std::move(row);
            emit dataChanged(index(*it, 0), index(*it, columnCount() - 1));
        }
    }
    if (!added.empty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        for (auto& row : added) {
            m_index.insert(row.run.id, int(m_rows.size()));
            m_rows.push_back(std::move(row));
        }
        endInsertRows();
    }
    updateNumericColumns();
}

const RunRow* RunTableModel::rowForId(long long id) const {
    auto it = m_index.find(id);
    return it == m_index.end() ? nullptr : &m_rows[size_t(*it)];
}

int RunTableModel::rowOf(long long id) const { return m_index.value(id, -1); }

}  // namespace seqscope::gui
