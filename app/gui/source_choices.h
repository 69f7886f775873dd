// SPDX-License-Identifier: MIT
// The entries of an analysis view's Source box: every scaling source of the workspace
// (workspace::listScalingSources) as plain values, and whether "runs" (finished runs) is among them.
#pragma once

#include <QList>

#include "common/status.h"
#include "scaling_plot_data.h"

namespace seqscope::storage {
class Store;
}

namespace seqscope::gui {

struct SourceChoices {
    QList<widgets::SourceChoice> choices;
    bool haveRuns = false;   // the database has finished runs ("runs" is offered)
};

Result<SourceChoices> sourceChoices(storage::Store& store);

}  // namespace seqscope::gui
