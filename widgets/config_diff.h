// SPDX-License-Identifier: MIT
// Config diff of two or more runs (issue 20): one column per run, one row per config field, only
// the fields that differ unless "Show all fields" is ticked. Values are given as text; a field a run
// lacks shows as a dash. The diff itself is computed by the owner (runs/config_fields).
#pragma once

#include <QDialog>
#include <QStringList>
#include <QVector>

class QCheckBox;
class QLabel;
class QTableWidget;

namespace seqscope::widgets {

struct ConfigDiffField {
    QString field;                // flat path, "model.d_model"
    QStringList values;           // one per run, in column order
    QVector<bool> present;        // false where the run has no such field
    bool differs = false;
};

class ConfigDiffView : public QDialog {
    Q_OBJECT
public:
    explicit ConfigDiffView(QWidget* parent = nullptr);
    // `runs` are the column titles; `fields` every field of any run (sorted), each with its values.
    void setData(const QStringList& runs, const QVector<ConfigDiffField>& fields);
    void setShowAll(bool all);
    bool showsAll() const;
    QTableWidget* table() const { return m_table; }

private:
    void rebuild();

    QLabel* m_summary;
    QCheckBox* m_showAll;
    QTableWidget* m_table;
    QStringList m_runs;
    QVector<ConfigDiffField> m_fields;
};

}  // namespace seqscope::widgets
