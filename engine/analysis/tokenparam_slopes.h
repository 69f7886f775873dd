// SPDX-License-Identifier: MIT
// Over-training slopes (scaling-laws.md 10): runs are assigned to a preset token/parameter ratio
// when D/N lies within 18% of it (load_data/token_param_ratio.py), and per ratio the line
// ln L = s ln C + i is fitted across model sizes, i.e. the power law L = e^i C^s.
#pragma once

#include <string>
#include <vector>

#include "analysis/power_law_fit.h"
#include "analysis/scaling_point.h"

namespace seqscope::analysis {

struct TokenParamSlope {
    double ratio = 0;            // preset D/N
    std::vector<int> sourceRows;
    PowerLawFit law;             // L = A C^s (law.a is the slope s)
};

struct TokenParamSlopes {
    Status status;
    std::vector<TokenParamSlope> slopes;
    std::vector<int> unassignedRows;
    std::vector<std::string> warnings;
    std::string brief() const;
};

// The paper's preset ratios and the relative distance within which a run belongs to one.
inline const std::vector<double> kPaperTokenParamRatios = {22, 44, 110, 220, 550, 1100};
inline constexpr double kPaperRatioTolerance = 0.18;

TokenParamSlopes fitTokenParamSlopes(const std::vector<ScalingPoint>& points,
                                     std::vector<double> presetRatios = kPaperTokenParamRatios,
                                     double tolerance = kPaperRatioTolerance);

}  // namespace seqscope::analysis
