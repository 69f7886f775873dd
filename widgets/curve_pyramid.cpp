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
    m_windows.clear();
    m_upper.clear();
    m_finiteBefore.clear();
    m_blocks = 0;
    m_size = 0;
}

size_t MinMaxPyramid::bytes() const {
    size_t total = m_finiteBefore.capacity() * sizeof(uint32_t);
    for (const auto& level : m_windows) total += level.capacity() * sizeof(Node);
    for (const auto& level : m_upper) total += level.capacity() * sizeof(Node);
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

const MinMaxPyramid::Node& MinMaxPyramid::node(size_t level, size_t index) const {
    return level <= kWindowLevels ? m_windows[level][index << level] : m_upper[level - kWindowLevels - 1][index];
}

size_t MinMaxPyramid::nodeCount(size_t level) const {
    if (level <= kWindowLevels) return level < m_windows.size() ? m_blocks >> level : 0;
    const size_t k = level - kWindowLevels - 1;
    return k < m_upper.size() ? m_upper[k].size() : 0;
}

void MinMaxPyramid::update(const double* v, size_t n, size_t validFrom) {
    // Drop everything that reaches past the still-valid prefix.
    const size_t keep = std::min({validFrom, n, m_size}) / kLeaf;  // blocks that stay
    if (m_windows.empty()) m_windows.resize(kWindowLevels + 1);
    for (size_t k = 0; k <= kWindowLevels; ++k) {
        const size_t width = size_t{1} << k;
        m_windows[k].resize(std::min(m_windows[k].size(), keep >= width ? keep - width + 1 : 0));
    }
    for (size_t k = 0; k < m_upper.size(); ++k)
        m_upper[k].resize(std::min(m_upper[k].size(), keep >> (k + kWindowLevels + 1)));
    m_finiteBefore.resize(std::min(m_finiteBefore.size(), keep + 1));
    m_size = n;
    m_blocks = n / kLeaf;

    if (m_finiteBefore.empty()) m_finiteBefore.push_back(0);
    std::vector<Node>& leaves = m_windows[0];
    for (size_t b = leaves.size(); b < m_blocks; ++b) {
        leaves.push_back(leaf(v, b * kLeaf));
        m_finiteBefore.push_back(m_finiteBefore.back() + leaves.back().finite);
    }
    // Window of 2^k blocks at i = the two windows of 2^(k-1) at i and i + 2^(k-1).
    for (size_t k = 1; k <= kWindowLevels; ++k) {
        const std::vector<Node>& below = m_windows[k - 1];
        std::vector<Node>& level = m_windows[k];
        const size_t half = size_t{1} << (k - 1);
        for (size_t i = level.size(); i + 2 * half <= m_blocks; ++i) {
            Node node = below[i];
            mergeInto(node, below[i + half]);
            level.push_back(node);
        }
    }
    for (size_t L = kWindowLevels + 1; nodeCount(L - 1) >= 2; ++L) {
        const size_t k = L - kWindowLevels - 1;
        if (m_upper.size() <= k) m_upper.emplace_back();
        std::vector<Node>& level = m_upper[k];
        for (size_t j = level.size(); 2 * j + 1 < nodeCount(L - 1); ++j) {
            Node node = this->node(L - 1, 2 * j);
            mergeInto(node, this->node(L - 1, 2 * j + 1));
            level.push_back(node);
        }
    }
}

namespace {
// Window level for a range of `blocks` blocks: the largest 2^k <= blocks, at most 2^kWindowLevels.
size_t windowLevel(size_t blocks) {
    size_t k = 0;
    while (k < MinMaxPyramid::kWindowLevels && (size_t{2} << k) <= blocks) ++k;
    return k;
}
}  // namespace

void MinMaxPyramid::prefetch(const double* v, size_t index, size_t span) const {
    if (index >= m_size) return;
    // Only what a query with an end at `index` reads: the raw values of the block around it (two
    // lines), the window that starts there and the one that ends there, and the block's count.
    const size_t block = index / kLeaf;
    prefetchLine(v + block * kLeaf);
    prefetchLine(v + std::min(m_size - 1, block * kLeaf + kLeaf - 1));
    if (m_blocks == 0) return;
    const size_t k = windowLevel(span / kLeaf);
    const std::vector<Node>& level = m_windows[k];
    if (!level.empty()) {
        prefetchLine(&level[std::min(block, level.size() - 1)]);
        const size_t width = size_t{1} << k;
        if (block + 1 >= width) prefetchLine(&level[std::min(block + 1 - width, level.size() - 1)]);
    }
    prefetchLine(&m_finiteBefore[std::min(block, m_blocks)]);
}

RangeExtremes MinMaxPyramid::query(const double* v, size_t a, size_t b) const {
    Acc acc;
    b = std::min(b, m_size);
    if (a >= b) return acc.e;
    if (b - a < 2 * kLeaf) {
        for (size_t i = a; i < b; ++i) acc.take(i, v[i]);
        return acc.e;
    }
    const size_t la = (a + kLeaf - 1) / kLeaf, rb = b / kLeaf;  // whole blocks [la, rb)
    for (size_t i = a; i < la * kLeaf; ++i) acc.take(i, v[i]);
    for (size_t i = rb * kLeaf; i < b; ++i) acc.take(i, v[i]);
    if (la >= rb) return acc.e;
    // Windows of 2^k blocks from la on, the last one ending at rb (it may overlap the one before):
    // an extreme seen twice is the same point, and equal values keep the lowest index, so overlap
    // changes nothing but the count, which comes from the prefix sums instead.
    const size_t edges = acc.e.count;
    const size_t k = windowLevel(rb - la), width = size_t{1} << k;
    const std::vector<Node>& level = m_windows[k];
    auto take = [&](const Node& n) { acc.merge(n.lo, n.loI, n.hi, n.hiI, n.finite); };
    for (size_t i = la; i + width < rb; i += width) take(level[i]);
    take(level[rb - width]);
    acc.e.count = edges + (m_finiteBefore[rb] - m_finiteBefore[la]);
    return acc.e;
}

size_t MinMaxPyramid::countNode(const double* v, size_t level, size_t index, double lo, double hi) const {
    const Node& n = node(level, index);
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
    // Bottom-up over the tree nodes (windows on multiples of their size, then the upper levels).
    size_t l = la, r = rb;
    for (size_t L = 0; l < r; ++L, l >>= 1, r >>= 1) {
        if (l & 1) count += countNode(v, L, l++, lo, hi);
        if (r & 1) count += countNode(v, L, --r, lo, hi);
    }
    return count;
}

}  // namespace seqscope::widgets
