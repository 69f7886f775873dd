// SPDX-License-Identifier: MIT
#include "source_choices.h"

#include "workspace/scaling_sources.h"

namespace seqscope::gui {

Result<SourceChoices> sourceChoices(storage::Store& store) {
    auto sources = workspace::listScalingSources(store);
    if (!sources) return sources.status();
    SourceChoices out;
    for (const auto& s : *sources) {
        out.choices.append({QString::fromStdString(s.key), QString::fromStdString(s.title), s.runs});
        out.haveRuns = out.haveRuns || s.key == "runs";
    }
    return out;
}

}  // namespace seqscope::gui
