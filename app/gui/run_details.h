// SPDX-License-Identifier: MIT
// The Runs panel's details of one run: status and reason, then its resolved config as a property
// list grouped as a person reads it (model, budget, data, optimisation, machine), with the raw JSON
// one click away (the "json" link; "properties" goes back).
#pragma once

#include <QString>

#include "storage/records.h"

namespace seqscope::gui {

inline constexpr const char* kDetailsJsonLink = "seqscope:details/json";
inline constexpr const char* kDetailsPropertiesLink = "seqscope:details/properties";

QString runDetailsHtml(const storage::RunRecord& run, bool rawJson);

}  // namespace seqscope::gui
