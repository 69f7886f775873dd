// SPDX-License-Identifier: MIT
#include "source_box.h"

#include <QSignalBlocker>
#include <algorithm>

namespace seqscope::widgets {

SourceBox::SourceBox(int minimumChars, QWidget* parent) : QComboBox(parent) {
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    setMinimumContentsLength(minimumChars);
    connect(this, &QComboBox::currentIndexChanged, this, [this] { setToolTip(currentText()); });
}

bool SourceBox::setSources(const QList<SourceChoice>& sources, const QString& preferred) {
    const QSignalBlocker block(this);
    const QString previous = currentKey();
    clear();
    bool runs = false;
    for (const auto& s : sources) {
        addItem(s.title, s.key);
        runs = runs || s.key == QLatin1String("runs");
    }
    int index = findData(previous);
    if (index < 0) index = findData(preferred);
    setCurrentIndex(std::max(0, index));
    setToolTip(currentText());
    return runs;
}

bool SourceBox::selectKey(const QString& key) {
    const int index = findData(key);
    if (index < 0) return false;
    setCurrentIndex(index);
    return true;
}

}  // namespace seqscope::widgets
