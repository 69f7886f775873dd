// SPDX-License-Identifier: MIT
// The stages of the pruned grid search (StartSearch::Pruned, parametric_fit.h), and the thread
// pool both searches run their starts on. Every choice is a pure function of the start outcomes
// with ties broken by start index, so the search does not depend on the thread count.
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <vector>

#include "analysis/parametric_fit.h"

namespace seqscope::analysis {

// Runs work(k) for k = 0 .. count-1 on `threads` std::threads (the caller's included), handing out
// items one at a time. Stops handing out items once *cancel (optional) is true. Returns how many ran.
size_t runOnPool(size_t count, int threads, const std::atomic<bool>* cancel, const std::function<void(size_t)>& work);

// The survivors of the screening: of `candidates` (indices into `outcomes`, the starts still
// running after it), up to `count` with a finite objective, lowest objective first (ties: lower
// index). A candidate whose end point matches one already chosen (every parameter within
// `sameTolerance` * max(1, |x|)) is skipped: both would run on along the same path.
std::vector<size_t> selectSurvivors(const std::vector<StartOutcome>& outcomes, const std::vector<size_t>& candidates,
                                    int count, double sameTolerance = 1e-9);

}  // namespace seqscope::analysis
