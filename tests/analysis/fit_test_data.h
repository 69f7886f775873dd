// SPDX-License-Identifier: MIT
// Published data for the fit tests: the built-in results tables in resources/datasets when present,
// otherwise the raw release files in ../shared/data. Tests QSKIP when neither exists.
#pragma once

#include <QString>
#include <string>
#include <vector>

#include "analysis/scaling_point.h"

namespace seqscope::test {

// Runs of the xLSTM paper kept by the paper's filters (included = 1), one architecture
// ("xlstm" | "transformer") and experiment set ("isoflop_ctx8192", "tokenparam_ctx8192", ...).
// Empty when no data file is available; *source names the file used.
std::vector<analysis::ScalingPoint> paperPoints(const std::string& arch, const std::string& set, QString* source);

// Epoch AI's 245 Chinchilla points minus the 5 highest losses (240), D = C / (6N).
std::vector<analysis::ScalingPoint> chinchillaPoints(QString* source);

}  // namespace seqscope::test
