// SPDX-License-Identifier: MIT
// The source selector every analysis view shows (scaling_sources.h keys: datasets, "runs",
// "sweep:ID", "tag:TAG"): refilling keeps the current source when it is still offered, long titles
// are elided in the box and shown whole in the list and the tooltip.
#pragma once

#include <QComboBox>
#include <QList>

#include "scaling_plot_data.h"

namespace seqscope::widgets {

class SourceBox : public QComboBox {
    Q_OBJECT
public:
    // `minimumChars`: the width the box keeps however long a title is.
    explicit SourceBox(int minimumChars, QWidget* parent = nullptr);
    // Replaces the entries without emitting currentIndexChanged; keeps the current key when still
    // offered, else selects `preferred`, else the first. Returns whether "runs" (this database's
    // finished runs) is among them.
    bool setSources(const QList<SourceChoice>& sources, const QString& preferred);
    bool selectKey(const QString& key);   // false when not offered
    QString currentKey() const { return currentData().toString(); }
};

}  // namespace seqscope::widgets
