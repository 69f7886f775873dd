// SPDX-License-Identifier: MIT
#include "check/check_report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace seqscope::kernels::check {

void Report::line(bool ok, const std::string& what) {
    std::printf("%s: %s\n", ok ? "PASS" : "FAIL", what.c_str());
    std::fflush(stdout);
    (ok ? passed : failed)++;
}

void Report::relErr(const std::string& what, const ErrorStats& err, double tol) {
    char buf[96];
    std::snprintf(buf, sizeof buf, " max abs err %.3g, rel err %.3g (tol %.2g)", err.maxAbs, err.rel, tol);
    line(std::isfinite(err.rel) && std::isfinite(err.maxAbs) && err.rel < tol, what + buf);
}

ErrorStats errors(const std::vector<float>& x, const std::vector<double>& ref) {
    return errorStats(std::vector<double>(x.begin(), x.end()), ref);
}
ErrorStats errors(const std::vector<float>& x, const std::vector<float>& ref) {
    return errors(x, std::vector<double>(ref.begin(), ref.end()));
}

void checkWritten(Report& r, const std::string& label,
                  const std::vector<std::pair<const char*, const std::vector<float>*>>& outs) {
    size_t bad = 0, total = 0;
    std::string which;
    for (const auto& [name, v] : outs) {
        const size_t n = static_cast<size_t>(std::count_if(v->begin(), v->end(), [](float e) { return !std::isfinite(e); }));
        total += v->size();
        if (n) {
            bad += n;
            which += std::string(" ") + name + "=" + std::to_string(n);
        }
    }
    r.line(bad == 0, label + " every element written and finite (" + std::to_string(total) + " checked)" +
                         (bad ? ";" + which : ""));
}

void shortcutError(Report& r, const std::string& label, const RefGrads& shortcut, const RefGrads& exact, double bound) {
    const std::pair<const char*, std::vector<double> RefGrads::*> grads[] = {
        {"dq", &RefGrads::dq}, {"dk", &RefGrads::dk}, {"dv", &RefGrads::dv},
        {"di", &RefGrads::di}, {"df", &RefGrads::df}, {"dC0", &RefGrads::dc0}};
    std::string text = label + " shortcut (n, m constant) vs exact gradient, max abs / rel err:";
    bool ok = true;
    for (const auto& [name, member] : grads) {
        const ErrorStats err = errorStats(shortcut.*member, exact.*member);
        char buf[64];
        std::snprintf(buf, sizeof buf, " %s %.3g / %.3g", name, err.maxAbs, err.rel);
        text += buf;
        ok = ok && std::isfinite(err.rel) && err.rel < bound;
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, " (bound %.0e)", bound);
    r.line(ok, text + buf);
}

}  // namespace seqscope::kernels::check
