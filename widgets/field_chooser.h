// SPDX-License-Identifier: MIT
// A dialog to pick config fields (issue 20): a filterable list of checkable field paths, in the
// order given. Used for the Runs panel's "Group by..." (with the one-click "Everything but the
// seed") and for the axes of the params view's parallel coordinates.
#pragma once

#include <QDialog>
#include <QStringList>

class QLineEdit;
class QListWidget;

namespace seqscope::widgets {

class FieldChooser : public QDialog {
    Q_OBJECT
public:
    FieldChooser(const QString& title, const QStringList& fields, const QStringList& checked, QWidget* parent = nullptr);
    // Adds a button that accepts the dialog at once with allButSeedChosen() true.
    void offerAllButSeed();
    QStringList checkedFields() const;   // in the list's order
    bool allButSeedChosen() const { return m_allButSeed; }
    QListWidget* list() const { return m_list; }

private:
    QLineEdit* m_filter;
    QListWidget* m_list;
    bool m_allButSeed = false;
};

}  // namespace seqscope::widgets
