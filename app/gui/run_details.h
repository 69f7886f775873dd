// SPDX-License-Identifier: MIT
// The Runs panel's details of one run: status and reason, then its resolved config as a property
// list grouped as a person reads it (model, budget, data, optimisation, machine), with the raw JSON
// one click away (the "json" link; "properties" goes back).
#pragma once

#include <QCoreApplication>
#include <QString>

#include "storage/records.h"
#include "training/training_config.h"

namespace seqscope::gui {

inline constexpr const char* kDetailsJsonLink = "seqscope:details/json";
inline constexpr const char* kDetailsPropertiesLink = "seqscope:details/properties";

class RunDetails {
    Q_DECLARE_TR_FUNCTIONS(seqscope::gui::RunDetails)
public:
    static QString html(const storage::RunRecord& run, bool rawJson);

private:
    static QString properties(const training::TrainingConfig& config);
};

}  // namespace seqscope::gui
