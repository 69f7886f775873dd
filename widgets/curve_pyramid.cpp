// SPDX-License-Identifier: MIT
// Incremental min/max pyramid; see curve_pyramid.h.
#include "curve_pyramid.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace seqscope::widgets {

namespace {
inline bool finite(double y) { return std::abs(y) <= std::numeric_limits<double>::max(); }  // not NaN/inf

// Running extremes with the lowest-index tie-break, so merge order does not matter.
struct Acc {
    RangeExtremes e;
    void take(size_t i, double y) {
        if (!finite(y)) return;
        if (e.count++ == 0) {
            e.minIndex = e.maxIndex = i;
            e.minValue = e.maxValue = y;
            return;
        }
        if (y < e.minValue || (y == e.minValue && i < e.minIndex)) {
            e.minValue = y;
            e.minIndex = i;
        }
        if (y > e.maxValue || (y == e.maxValue && i < e.maxIndex)) {
            e.maxValue = y;
            e.maxIndex = i;
        }
    }
    void merge(double lo, size_t loI, double hi, size_t hiI, size_t count) {
        if (count == 0) return;
        if (e.count == 0) {
            e = {count, loI, hiI, lo, hi};
            return;
        }
        e.count += count;
        if (lo < e.minValue || (lo == e.minValue && loI < e.minIndex)) {
            e.minValue = lo;
            e.minIndex = loI;
        }
        if (hi > e.maxValue || (hi == e.maxValue && hiI < e.maxIndex)) {
            e.maxValue = hi;
            e.maxIndex = hiI;
        }
    }
};
}  // namespace

void MinMaxPyramid::reset() {
    m_levels.clear();
    m_size = 0;
}

size_t MinMaxPyramid::bytes() const {
    size_t total = 0;
    for (const auto& level : m_levels) total += level.capacity() * sizeof(Node);
    return total;
}

MinMaxPyramid::Node MinMaxPyramid::leaf(const double* v, size_t begin) {
    Node n{INFINITY, -INFINITY, 0, 0, 0, 0};
    for (size_t i = begin; i < begin + kLeaf; ++i) {
        const double y = v[i];
        if (!finite(y)) continue;
        // Ascending order with strict comparisons keeps the first of equal extremes.
        if (n.finite++ == 0 || y < n.lo) {
            n.lo = y;
            n.loI = static_cast<uint32_t>(i);
        }
        if (n.finite == 1 || y > n.hi) {
            n.hi = y;
            n.hiI = static_cast<uint32_t>(i);
        }
    }
    return n;
}

void MinMaxPyramid::mergeInto(Node& into, const Node& right) {
    if (right.finite == 0) return;
    if (into.finite == 0) {
        into = right;
        return;
    }
    into.finite += right.finite;
    if (right.lo < into.lo) {  // equal: the left (lower) index stays
        into.lo = right.lo;
        into.loI = right.loI;
    }
    if (right.hi > into.hi) {
        into.hi = right.hi;
        into.hiI = right.hiI;
    }
}

void MinMaxPyramid::update(const double* v, size_t n, size_t validFrom) {
    const size_t keep = std::min({validFrom, n, m_size});
    // Drop blocks that reach past the still-valid prefix.
    size_t block = kLeaf;
    for (auto& level : m_levels) {
        level.resize(std::min(level.size(), keep / block));
        block *= 2;
    }
    m_size = n;
    if (m_levels.empty()) m_levels.emplace_back();
    std::vector<Node>& leaves = m_levels[0];
    for (size_t b = leaves.size(); (b + 1) * kLeaf <= n; ++b) leaves.push_back(leaf(v, b * kLeaf));
    for (size_t L = 1; m_levels[L - 1].size() >= 2; ++L) {
        if (m_levels.size() <= L) m_levels.emplace_back();
        const std::vector<Node>& below = m_levels[L - 1];
        std::vector<Node>& level = m_levels[L];
        for (size_t k = level.size(); 2 * k + 1 < below.size(); ++k) {
            Node node = below[2 * k];
            mergeInto(node, below[2 * k + 1]);
            level.push_back(node);
        }
    }
}

void MinMaxPyramid::prefetch(const double* v, size_t index, size_t span) const {
    if (index >= m_size) return;
    // The raw values either side of the edge (a query scans up to kLeaf - 1 on each side).
    const size_t from = index >= kLeaf ? index - kLeaf : 0;
    for (size_t i = from; i < std::min(m_size, index + kLeaf); i += 8) prefetchLine(v + i);
    // The blocks next to the edge at every level a range of `span` points reads.
    size_t block = index / kLeaf;
    for (size_t L = 0; L < m_levels.size() && (kLeaf << L) <= 2 * span; ++L, block /= 2) {
        const std::vector<Node>& level = m_levels[L];
        if (level.empty()) break;
        const size_t k = std::min(block, level.size() - 1);
        prefetchLine(&level[k]);
        if (k > 0) prefetchLine(&level[k - 1]);
        if (k + 1 < level.size()) prefetchLine(&level[k + 1]);
    }
}

RangeExtremes MinMaxPyramid::query(const double* v, size_t a, size_t b) const {
    Acc acc;
    b = std::min(b, m_size);
    if (a >= b) return acc.e;
    if (b - a < 2 * kLeaf) {
        for (size_t i = a; i < b; ++i) acc.take(i, v[i]);
        return acc.e;
    }
    const size_t la = (a + kLeaf - 1) / kLeaf, rb = b / kLeaf;  // whole leaf blocks [la, rb)
    for (size_t i = a; i < la * kLeaf; ++i) acc.take(i, v[i]);
    for (size_t i = rb * kLeaf; i < b; ++i) acc.take(i, v[i]);
    // Bottom-up segment-tree walk: the odd block at either end is taken whole, the rest climbs.
    size_t l = la, r = rb;
    for (size_t L = 0; l < r; ++L, l >>= 1, r >>= 1) {
        const std::vector<Node>& level = m_levels[L];
        if (l & 1) {
            const Node& n = level[l++];
            acc.merge(n.lo, n.loI, n.hi, n.hiI, n.finite);
        }
        if (r & 1) {
            const Node& n = level[--r];
            acc.merge(n.lo, n.loI, n.hi, n.hiI, n.finite);
        }
    }
    return acc.e;
}

size_t MinMaxPyramid::countNode(const double* v, size_t level, size_t index, double lo, double hi) const {
    const Node& n = m_levels[level][index];
    if (n.finite == 0 || (n.lo >= lo && n.hi <= hi)) return 0;
    if (n.lo > hi || n.hi < lo) return n.finite;
    if (level == 0) {
        size_t count = 0;
        for (size_t i = index * kLeaf; i < (index + 1) * kLeaf; ++i)
            if (finite(v[i]) && (v[i] > hi || v[i] < lo)) ++count;
        return count;
    }
    return countNode(v, level - 1, 2 * index, lo, hi) + countNode(v, level - 1, 2 * index + 1, lo, hi);
}

size_t MinMaxPyramid::countOutside(const double* v, size_t a, size_t b, double lo, double hi) const {
    b = std::min(b, m_size);
    size_t count = 0;
    auto raw = [&](size_t from, size_t to) {
        for (size_t i = from; i < to; ++i)
            if (finite(v[i]) && (v[i] > hi || v[i] < lo)) ++count;
    };
    if (a >= b) return 0;
    if (b - a < 2 * kLeaf) {
        raw(a, b);
        return count;
    }
    const size_t la = (a + kLeaf - 1) / kLeaf, rb = b / kLeaf;
    raw(a, la * kLeaf);
    raw(rb * kLeaf, b);
    size_t l = la, r = rb;
    for (size_t L = 0; l < r; ++L, l >>= 1, r >>= 1) {
        if (l & 1) count += countNode(v, L, l++, lo, hi);
        if (r & 1) count += countNode(v, L, --r, lo, hi);
    }
    return count;
}

}  // namespace seqscope::widgets
