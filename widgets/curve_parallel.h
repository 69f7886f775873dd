// SPDX-License-Identifier: MIT
// parallelFor for the loss chart's per-frame work (issue 20): per-run envelopes and per-column
// rasterisation are independent, so a frame uses every core. A dedicated pool, not the global one:
// a long task there (a fit) must never stall a frame. The calling thread works too, so the call
// returns as soon as all items are done even when the pool is slow to start.
#pragma once

#include <QSemaphore>
#include <QThread>
#include <QThreadPool>
#include <algorithm>
#include <atomic>

namespace seqscope::widgets {

inline QThreadPool& chartThreadPool() {
    static QThreadPool* pool = [] {
        auto* p = new QThreadPool;  // leaked on purpose: must outlive every static that draws
        p->setMaxThreadCount(std::max(1, QThread::idealThreadCount() - 1));
        p->setExpiryTimeout(-1);
        return p;
    }();
    return *pool;
}

// True on the pool's threads while they run parallelFor items.
inline thread_local bool tInChartPool = false;

// Calls f(i) for every i in [0, n), items handed out one at a time; returns when all are done.
// Called from inside an item it runs serially (a helper queued behind its own caller would never
// start).
template <class F>
void parallelFor(int n, F&& f) {
    const int helpers = tInChartPool ? 0 : std::min(n - 1, chartThreadPool().maxThreadCount());
    if (helpers <= 0) {
        for (int i = 0; i < n; ++i) f(i);
        return;
    }
    std::atomic<int> next{0};
    auto work = [&] {
        for (int i = next.fetch_add(1); i < n; i = next.fetch_add(1)) f(i);
    };
    QSemaphore done;
    for (int h = 0; h < helpers; ++h)
        chartThreadPool().start([&] {
            tInChartPool = true;
            work();
            tInChartPool = false;
            done.release();
        });
    work();
    done.acquire(helpers);
}

}  // namespace seqscope::widgets
