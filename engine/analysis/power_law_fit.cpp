// SPDX-License-Identifier: MIT
// Log-log linear regression for power laws (scaling-laws.md 7.4, 10, 11).
#include "analysis/power_law_fit.h"

#include <cmath>

#include "analysis/fit_common.h"

namespace seqscope::analysis {

double PowerLawFit::evaluate(double xValue) const { return A * std::pow(xValue, a); }

double PowerLawFit::inverse(double yValue) const { return std::pow(yValue / A, 1.0 / a); }

std::string PowerLawFit::brief(const std::string& yName, const std::string& xName) const {
    if (!status.isOk()) return yName + "(" + xName + "): " + status.message();
    std::string s = yName + " = " + fmt(A, 4) + " * " + xName + "^" + fmt(a, 4) + "  (exponent " + fmt(a, 4);
    if (std::isfinite(aStdError)) s += " +- " + fmt(aStdError, 2);
    s += ", " + std::to_string(points) + " points)";
    return s;
}

PowerLawFit fitPowerLaw(const std::vector<double>& x, const std::vector<double>& y) {
    PowerLawFit f;
    f.A = f.a = f.AStdError = f.aStdError = f.lnAStdError = f.covLnAa = f.rSquared = NAN;
    if (x.size() != y.size()) {
        f.status = Status(StatusCode::Internal, "power law: x and y differ in length");
        return f;
    }
    for (size_t i = 0; i < x.size(); ++i) {
        if (!(std::isfinite(x[i]) && x[i] > 0 && std::isfinite(y[i]) && y[i] > 0)) {
            f.status = Status::invalid("power law: point " + std::to_string(i + 1) + " (x = " + fmt(x[i], 6) +
                                       ", y = " + fmt(y[i], 6) + ") is not positive and finite");
            return f;
        }
    }
    f.x = x;
    f.y = y;
    f.points = static_cast<int>(x.size());
    if (x.size() < 2) {
        f.status = Status::invalid("power law: needs at least 2 points, got " + std::to_string(x.size()));
        return f;
    }
    // Centre ln x for numerical stability (ln C ~ 44 makes X^T X badly conditioned otherwise).
    const double n = static_cast<double>(x.size());
    double mx = 0, my = 0;
    for (size_t i = 0; i < x.size(); ++i) {
        mx += std::log(x[i]);
        my += std::log(y[i]);
    }
    mx /= n;
    my /= n;
    double sxx = 0, sxy = 0, syy = 0;
    for (size_t i = 0; i < x.size(); ++i) {
        const double dx = std::log(x[i]) - mx, dy = std::log(y[i]) - my;
        sxx += dx * dx;
        sxy += dx * dy;
        syy += dy * dy;
    }
    if (!(sxx > 0)) {
        f.status = Status::invalid("power law: all x values are equal (" + fmt(x[0], 6) + "); the exponent is undefined");
        return f;
    }
    const double slope = sxy / sxx;
    const double intercept = my - slope * mx;
    double ssr = 0;
    for (size_t i = 0; i < x.size(); ++i) {
        const double r = std::log(y[i]) - (intercept + slope * std::log(x[i]));
        ssr += r * r;
    }
    f.a = slope;
    f.A = std::exp(intercept);
    f.rSquared = syy > 0 ? 1.0 - ssr / syy : 1.0;
    if (x.size() > 2) {
        const double s2 = ssr / (n - 2.0);
        f.aStdError = std::sqrt(s2 / sxx);
        f.lnAStdError = std::sqrt(s2 * (1.0 / n + mx * mx / sxx));
        f.covLnAa = -s2 * mx / sxx;
        f.AStdError = f.A * f.lnAStdError;
    } else {
        f.warnings.push_back("only 2 points: the line passes through both, standard errors are undefined");
    }
    return f;
}

}  // namespace seqscope::analysis
