// SPDX-License-Identifier: MIT
// Min/max pyramid of one series (issue 20): level 0 holds the extremes of every block of kLeaf
// consecutive values, level L+1 merges pairs of level-L blocks. Built incrementally as points arrive
// (append-only, or truncate-and-extend when a smoother rewrites its tail), so the extremes of any
// index range [a, b) cost O(log n) node reads plus at most 2 x kLeaf raw values, instead of b - a.
// The envelope downsampler asks it once per pixel column, which makes a frame O(columns x runs).
// Memory: 32-byte nodes, n / kLeaf * (1 + 1/2 + 1/4 ...) of them = 4 bytes per point (the raw data
// is 40 bytes per point). Ties keep the lowest index, as a left-to-right scan with strict < does.
// Non-finite values are skipped (never an extreme, not counted).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace seqscope::widgets {

// Software prefetch (a no-op where the compiler has none): the envelope walks a few pixel columns
// ahead so the cache misses of neighbouring columns overlap instead of queueing.
inline void prefetchLine(const void* p) {
#if defined(__GNUC__) || defined(__clang__)
    __builtin_prefetch(p);
#else
    (void)p;
#endif
}

struct RangeExtremes {
    size_t count = 0;           // finite values in the range
    size_t minIndex = 0, maxIndex = 0;
    double minValue = 0, maxValue = 0;  // valid when count > 0
};

class MinMaxPyramid {
public:
    static constexpr size_t kLeaf = 16;  // values per level-0 block: two cache lines of raw values

    // Brings the pyramid to v[0..n). Values below `validFrom` must be those of the last update (a
    // causal smoother's history); blocks touching [validFrom, n) are rebuilt. Also shrinks when n
    // is below the covered size.
    void update(const double* v, size_t n, size_t validFrom = SIZE_MAX);
    void reset();
    size_t size() const { return m_size; }
    size_t bytes() const;  // memory held by the nodes

    // Extremes of v[a, b) (v: the array the pyramid was built from, b <= size()).
    RangeExtremes query(const double* v, size_t a, size_t b) const;
    // Hints the cache to load what a query of about `span` points with an end near `index` reads:
    // the raw values next to it and the blocks either side of it at each level.
    void prefetch(const double* v, size_t index, size_t span) const;
    // Finite values of v[a, b) outside [lo, hi]: descends only into blocks that straddle a limit.
    size_t countOutside(const double* v, size_t a, size_t b, double lo, double hi) const;

private:
    struct Node {
        double lo, hi;       // extremes of the block's finite values (+inf / -inf when none)
        uint32_t loI, hiI;   // their indices
        uint32_t finite;     // finite values in the block
        uint32_t pad;
    };
    static Node leaf(const double* v, size_t begin);
    static void mergeInto(Node& into, const Node& right);  // `right` follows `into` in index order
    size_t countNode(const double* v, size_t level, size_t index, double lo, double hi) const;

    std::vector<std::vector<Node>> m_levels;
    size_t m_size = 0;
};

}  // namespace seqscope::widgets
