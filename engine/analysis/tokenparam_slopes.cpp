// SPDX-License-Identifier: MIT
// Loss-compute slopes at fixed token/parameter ratio (scaling-laws.md 10).
#include "analysis/tokenparam_slopes.h"

#include <cmath>
#include <sstream>

#include "analysis/fit_common.h"

namespace seqscope::analysis {

TokenParamSlopes fitTokenParamSlopes(const std::vector<ScalingPoint>& input, std::vector<double> presetRatios,
                                     double tolerance) {
    TokenParamSlopes r;
    std::vector<ScalingPoint> points;
    Status s = screenPoints(input, kNeedParams | kNeedTokens | kNeedFlops | kNeedLoss, InvalidPointPolicy::Reject, &points,
                            &r.warnings);
    if (s.isOk()) s = requireSingleFamily(points, true, false);
    if (!s.isOk()) {
        r.status = s;
        return r;
    }
    std::vector<TokenParamSlope> groups(presetRatios.size());
    std::vector<std::vector<double>> c(presetRatios.size()), l(presetRatios.size());
    for (size_t g = 0; g < presetRatios.size(); ++g) groups[g].ratio = presetRatios[g];
    for (const auto& p : points) {
        const double ratio = p.tokens / p.params;
        int best = -1;
        for (size_t g = 0; g < presetRatios.size(); ++g) {
            const double rel = std::fabs(ratio - presetRatios[g]) / presetRatios[g];
            if (rel < tolerance && (best < 0 || rel < std::fabs(ratio - presetRatios[best]) / presetRatios[best]))
                best = static_cast<int>(g);
        }
        if (best < 0) {
            r.unassignedRows.push_back(p.sourceRow);
            continue;
        }
        groups[best].sourceRows.push_back(p.sourceRow);
        c[best].push_back(p.flops);
        l[best].push_back(p.loss);
    }
    for (size_t g = 0; g < groups.size(); ++g) {
        if (groups[g].sourceRows.empty()) continue;
        groups[g].law = fitPowerLaw(c[g], l[g]);
        if (!groups[g].law.status.isOk())
            r.warnings.push_back("ratio " + fmt(groups[g].ratio) + ": " + groups[g].law.status.message());
        r.slopes.push_back(groups[g]);
    }
    if (r.slopes.empty()) r.status = Status::invalid("no run lies within " + fmt(100 * tolerance) + "% of a preset ratio");
    return r;
}

std::string TokenParamSlopes::brief() const {
    if (!status.isOk()) return "token/param slopes failed: " + status.message() + "\n";
    std::ostringstream o;
    for (const auto& s : slopes)
        o << "  D/N = " << fmt(s.ratio) << " (" << s.sourceRows.size() << " runs): "
          << (s.law.status.isOk() ? "slope " + fmt(s.law.a, 4) + (std::isfinite(s.law.aStdError) ? " +- " + fmt(s.law.aStdError, 2) : "")
                                  : s.law.status.message())
          << "\n";
    return o.str();
}

}  // namespace seqscope::analysis
