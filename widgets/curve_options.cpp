// SPDX-License-Identifier: MIT
// Validation of the loss-curve options; messages name the offending field and value.
#include "curve_options.h"

#include <cmath>
#include <sstream>

namespace seqscope::widgets {

namespace {
bool fail(std::string* error, const std::string& message) {
    if (error) *error = message;
    return false;
}
std::string num(double v) {
    std::ostringstream s;
    s << v;
    return s.str();
}
}  // namespace

bool SmoothingOptions::isValid(std::string* error) const {
    if (!(emaWeight >= 0.0 && emaWeight <= 0.999))
        return fail(error, "smoothing.emaWeight must be in [0, 0.999], got " + num(emaWeight));
    if (window < 1) return fail(error, "smoothing.window must be >= 1 point, got " + num(window));
    if (!(tau > 0) || !std::isfinite(tau))
        return fail(error, "smoothing.tau must be a finite number of steps > 0, got " + num(tau));
    return true;
}

bool RobustRangeOptions::isValid(std::string* error) const {
    if (!(lowerQuantile >= 0.0 && lowerQuantile < 0.5))
        return fail(error, "robust.lowerQuantile must be in [0, 0.5), got " + num(lowerQuantile));
    if (!(upperQuantile > 0.5 && upperQuantile <= 1.0))
        return fail(error, "robust.upperQuantile must be in (0.5, 1], got " + num(upperQuantile));
    if (!(margin >= 0.0 && margin <= 1.0)) return fail(error, "robust.margin must be in [0, 1], got " + num(margin));
    return true;
}

bool CurveViewOptions::isValid(std::string* error) const {
    if (!smoothing.isValid(error) || !robust.isValid(error)) return false;
    if (yMode == YRangeMode::Manual) {
        if (!std::isfinite(manualYMin) || !std::isfinite(manualYMax) || !(manualYMin < manualYMax))
            return fail(error, "manual y range needs finite min < max, got [" + num(manualYMin) + ", " +
                                   num(manualYMax) + "]");
        if (logY && manualYMin <= 0)
            return fail(error, "manual y range under log-y needs min > 0, got " + num(manualYMin));
    }
    return true;
}

}  // namespace seqscope::widgets
