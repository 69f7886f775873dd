// SPDX-License-Identifier: MIT
// Power law y = A * x^a fitted by ordinary least squares of ln y on ln x, as the reference's
// fit_power_law(fit_in_log_space=True) does (scaling-laws.md 7.4): a is the slope, A = exp(intercept).
// Standard errors are scipy curve_fit's sqrt(diag(pcov)) for the parameters (A, a): the residual
// variance SSR/(n-2) times (X^T X)^-1, with A's error carried through exp (A * se(ln A)), which is what
// curve_fit returns at the optimum. Used by the IsoFLOP laws, the context study and the slopes.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"

namespace seqscope::analysis {

struct PowerLawFit {
    Status status;
    double A = 0.0;              // prefactor
    double a = 0.0;              // exponent
    double AStdError = 0.0;      // standard error of A (NaN when n = 2: no degrees of freedom left)
    double aStdError = 0.0;      // standard error of a
    double lnAStdError = 0.0;    // standard error of ln A
    double covLnAa = 0.0;        // covariance of (ln A, a)
    double rSquared = 0.0;       // coefficient of determination in log space
    int points = 0;
    std::vector<double> x, y;    // the points that entered the fit
    std::vector<std::string> warnings;

    double evaluate(double xValue) const;   // A * x^a
    double inverse(double yValue) const;    // x with A * x^a = y
    // "N* = 1.23e-2 * C^0.512 (a = 0.512 +- 0.010, 4 points)"
    std::string brief(const std::string& yName = "y", const std::string& xName = "x") const;
};

// Fits y = A x^a; x and y must be positive and finite, at least two points with distinct x.
PowerLawFit fitPowerLaw(const std::vector<double>& x, const std::vector<double>& y);

}  // namespace seqscope::analysis
