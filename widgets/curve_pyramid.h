// SPDX-License-Identifier: MIT
// Min/max pyramid of one series (issue 20): the extremes of any index range [a, b) from a few
// precomputed blocks plus at most 2 x kLeaf raw values, instead of b - a reads. The envelope
// downsampler asks it once per pixel column, which makes a frame O(columns x runs).
// Layout: level 0 holds the extremes of every block of kLeaf values; level k (1 <= k <= kWindowLevels)
// holds the extremes of *every* run of 2^k consecutive blocks (a sparse table), so a range of up to
// 2^(kWindowLevels+1) blocks is two overlapping windows: two node reads, one at each end, whatever
// the zoom. (A plain pyramid reads about two nodes per level, each another cache miss: that was most
// of a frame at 1M points per run.) Above kWindowLevels the levels are a plain pyramid again (nodes
// on multiples of their size), used by wider ranges and by countOutside's descent. Counts come from
// a prefix sum per block, since overlapping windows cannot be added.
// Built incrementally as points arrive (append-only, or truncate-and-extend when a smoother
// rewrites its tail). Memory: 32-byte nodes, (kWindowLevels + 1) x n / kLeaf of them plus the
// small upper levels: 12 bytes per point (the raw data is 40). Ties keep the lowest index, as a
// left-to-right scan with strict < does. Non-finite values are skipped (never an extreme, not counted).
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
    static constexpr size_t kWindowLevels = 5;  // sparse-table levels: windows of 2..32 blocks

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
    // the raw values of the block around it and the windows that start or end there.
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
    // Tree node `index` of `level` (covering blocks [index << level, (index + 1) << level)).
    const Node& node(size_t level, size_t index) const;
    size_t nodeCount(size_t level) const;
    size_t countNode(const double* v, size_t level, size_t index, double lo, double hi) const;

    std::vector<std::vector<Node>> m_windows;  // [k][i]: blocks [i, i + 2^k), k <= kWindowLevels
    std::vector<std::vector<Node>> m_upper;    // [k - kWindowLevels - 1][j]: blocks [j << k, (j + 1) << k)
    std::vector<uint32_t> m_finiteBefore;      // finite values in blocks [0, i)
    size_t m_blocks = 0;                       // whole blocks covered
    size_t m_size = 0;
};

}  // namespace seqscope::widgets
