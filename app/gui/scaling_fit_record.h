// SPDX-License-Identifier: MIT
// What "Save Fit" in the Scaling view stores: one `fits` row (kind "isoflop") per drawn frontier, with
// the same provenance the CLI records (source, set, architecture, filters, program version), the laws
// N*(C) and D*(C) with their bootstrap intervals, and the budgets' minima.
#pragma once

#include "scaling_plot_data.h"
#include "storage/records.h"

namespace seqscope::gui {

storage::FitRecord isoflopFitRecord(const widgets::FrontierSeries& frontier, const widgets::ScalingSelection& selection);

}  // namespace seqscope::gui
