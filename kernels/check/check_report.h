// SPDX-License-Identifier: MIT
// PASS/FAIL lines of kernels_check. Every comparison prints its max abs and relative error.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "check/mlstm_reference.h"

namespace seqscope::kernels::check {

struct Report {
    int passed = 0, failed = 0;
    void line(bool ok, const std::string& what);
    // passes when the relative error ||x - ref|| / ||ref|| is finite and below tol
    void relErr(const std::string& what, const ErrorStats& err, double tol);
};

ErrorStats errors(const std::vector<float>& x, const std::vector<double>& ref);
ErrorStats errors(const std::vector<float>& x, const std::vector<float>& ref);

// One line: every element of the named outputs was written (outputs start as NaN) and is finite.
void checkWritten(Report& r, const std::string& label,
                  const std::vector<std::pair<const char*, const std::vector<float>*>>& outs);

// One line per backward case: the "n, m constant" shortcut's error against the exact gradient for each
// of dq, dk, dv, di, df, dC0; passes when every relative error is below bound.
void shortcutError(Report& r, const std::string& label, const RefGrads& shortcut, const RefGrads& exact, double bound);

}  // namespace seqscope::kernels::check
