// SPDX-License-Identifier: MIT
// Pool and survivor selection of the parametric grid search (parametric_search.h).
#include "analysis/parametric_search.h"

#include <algorithm>
#include <cmath>
#include <thread>

namespace seqscope::analysis {

size_t runOnPool(size_t count, int threads, const std::atomic<bool>* cancel, const std::function<void(size_t)>& work) {
    std::atomic<size_t> next{0}, ran{0};
    auto worker = [&]() {
        for (size_t k = next.fetch_add(1); k < count; k = next.fetch_add(1)) {
            if (cancel && cancel->load()) break;
            work(k);
            ran.fetch_add(1);
        }
    };
    std::vector<std::thread> pool;
    const int n = std::max(1, std::min<int>(threads, static_cast<int>(count)));
    for (int t = 1; t < n; ++t) pool.emplace_back(worker);
    worker();
    for (auto& th : pool) th.join();
    return ran.load();
}

namespace {

bool samePoint(const ParametricParams& p, const ParametricParams& q, double tol) {
    const double x[6] = {p.a, p.b, p.e, p.alpha, p.beta, p.gamma};
    const double y[6] = {q.a, q.b, q.e, q.alpha, q.beta, q.gamma};
    for (int j = 0; j < 6; ++j)
        if (!(std::fabs(x[j] - y[j]) <= tol * std::max(1.0, std::fabs(x[j])))) return false;
    return true;
}

}  // namespace

std::vector<size_t> selectSurvivors(const std::vector<StartOutcome>& outcomes, const std::vector<size_t>& candidates,
                                    int count, double sameTolerance) {
    std::vector<size_t> ranked;
    ranked.reserve(candidates.size());
    for (size_t k : candidates)
        if (std::isfinite(outcomes[k].objective)) ranked.push_back(k);
    std::sort(ranked.begin(), ranked.end(), [&](size_t i, size_t j) {
        return outcomes[i].objective != outcomes[j].objective ? outcomes[i].objective < outcomes[j].objective : i < j;
    });
    std::vector<size_t> chosen;
    for (size_t k : ranked) {
        if (static_cast<int>(chosen.size()) >= count) break;
        const bool seen = std::any_of(chosen.begin(), chosen.end(), [&](size_t c) {
            return samePoint(outcomes[c].fitted, outcomes[k].fitted, sameTolerance);
        });
        if (!seen) chosen.push_back(k);
    }
    return chosen;
}

}  // namespace seqscope::analysis
