// SPDX-License-Identifier: MIT
// Value types the loss-curve view is fed with. The app controller converts rows of the SQLite store
// into these; widgets never see the store. One CurvePoint carries every x candidate (step, tokens,
// FLOPs, wall time) so switching the x axis never needs a reload (issue 7, anchors R11).
#pragma once

#include <QString>
#include <QtGlobal>

namespace seqscope::widgets {

struct CurvePoint {
    qint64 step = 0;       // optimizer step, 0-based; strictly increasing within a run
    double tokens = 0;     // training tokens seen when the value was logged (count)
    double flops = 0;      // training FLOPs spent so far (FLOPs, engine accounting; never 6ND by default)
    double wallTime = 0;   // seconds since the Unix epoch (UTC) when the value was logged
    double value = 0;      // metric value, e.g. loss in nats/token; non-finite values are kept, never drawn
};

struct RunCurveInfo {
    QString key;           // stable run key (the store's run id): identity and colour (runColor)
    QString label;         // legend text, e.g. "xlstm-160M lr3e-3"; empty = key
    bool live = false;     // still streaming: the legend marks it
    QString group;         // group key; runs sharing a non-empty key are drawn as one mean curve with a band
    QString groupLabel;    // legend text of the group, e.g. "xlstm d=64 lr=3e-3 (3 seeds)"
};

// What the x axis shows. RelativeTime is wallTime minus the run's first wallTime.
enum class XAxisKind { Step = 0, Tokens, Flops, WallTime, RelativeTime };
constexpr int kXAxisKindCount = 5;

}  // namespace seqscope::widgets
