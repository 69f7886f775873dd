// SPDX-License-Identifier: MIT
// Stable run colours shared by every view: a run keeps its colour in the loss chart, the run table
// and the scaling plots because the colour is a pure function of the run's key, not of list order.
#pragma once

#include <QColor>
#include <QString>

namespace seqscope::widgets {

// A colour from a perceptually distinct palette (Okabe-Ito extended): numeric keys (run ids) take
// consecutive slots, other keys are hashed.
QColor runColor(const QString& key);
// Architecture colours used by the scaling views: xLSTM and Transformer are always the same hue.
QColor archColor(const QString& arch);

}  // namespace seqscope::widgets
