// SPDX-License-Identifier: MIT
// Context-length study: IsoFLOP analysis per context and N*(T), D*(T) laws per budget (scaling-laws.md 11).
#include "analysis/context_study.h"

#include <map>
#include <set>
#include <sstream>

namespace seqscope::analysis {

ContextStudy fitContextStudy(const std::vector<ScalingPoint>& points, const IsoflopOptions& options) {
    ContextStudy st;
    std::vector<int> noCtx;
    std::map<long long, std::vector<ScalingPoint>> byCtx;
    for (const auto& p : points) {
        if (p.ctx <= 0) {
            noCtx.push_back(p.sourceRow);
            continue;
        }
        byCtx[p.ctx].push_back(p);
    }
    if (!noCtx.empty()) {
        st.status = Status::invalid("context study: " + std::to_string(noCtx.size()) + " run(s) have no context length (" +
                                    describeRows(noCtx) + ")");
        return st;
    }
    Status fam = requireSingleFamily(points, true, false);
    if (!fam.isOk()) {
        st.status = fam;
        return st;
    }
    if (byCtx.size() < 2) {
        st.status = Status::invalid("context study needs runs at two or more context lengths, got " +
                                    std::to_string(byCtx.size()));
        return st;
    }
    std::map<double, ContextBudgetLaw> laws;
    for (auto& [ctx, pts] : byCtx) {
        st.contexts.push_back(ctx);
        IsoflopFit f = fitIsoflop(pts, options);
        for (const auto& w : f.warnings) st.warnings.push_back("T = " + std::to_string(ctx) + ": " + w);
        if (!f.status.isOk()) st.warnings.push_back("T = " + std::to_string(ctx) + ": " + f.status.message());
        for (const auto& b : f.budgets) {
            if (!b.usable) continue;
            ContextBudgetLaw& law = laws[b.budget];
            law.budget = b.budget;
            law.contexts.push_back(ctx);
            law.nOpt.push_back(b.nOpt);
            law.dOpt.push_back(b.dOpt);
            law.lossOpt.push_back(b.lossOpt);
        }
        st.perContext.push_back(std::move(f));
    }
    for (auto& [h, law] : laws) {
        if (law.contexts.size() < 2) {
            law.nOptLaw.status = law.dOptLaw.status =
                Status::invalid("budget " + fmt(h, 3) + " has a valid minimum at only one context");
        } else {
            std::vector<double> t(law.contexts.begin(), law.contexts.end());
            law.nOptLaw = fitPowerLaw(t, law.nOpt);
            law.dOptLaw = fitPowerLaw(t, law.dOpt);
        }
        st.perBudget.push_back(law);
    }
    return st;
}

std::string ContextStudy::brief() const {
    if (!status.isOk()) return "context study failed: " + status.message() + "\n";
    std::ostringstream o;
    o << "Context study over T = ";
    for (size_t i = 0; i < contexts.size(); ++i) o << (i ? ", " : "") << contexts[i];
    o << "\n";
    for (size_t i = 0; i < contexts.size(); ++i)
        o << "  T = " << contexts[i] << ": " << perContext[i].nOptLaw.brief("N*", "C") << "; "
          << perContext[i].dOptLaw.brief("D*", "C") << "\n";
    for (const auto& l : perBudget)
        o << "  budget " << fmt(l.budget, 3) << ": " << l.nOptLaw.brief("N*", "T") << "; " << l.dOptLaw.brief("D*", "T") << "\n";
    return o.str();
}

}  // namespace seqscope::analysis
