// SPDX-License-Identifier: MIT
// M4 envelope per pixel column; see envelope_downsampler.h.
#include "envelope_downsampler.h"

#include "curve_pyramid.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

namespace seqscope::widgets {

bool isNonDecreasing(const double* u, size_t n) {
    for (size_t i = 0; i < n; ++i) {
        if (std::isnan(u[i])) return false;
        if (i > 0 && u[i] < u[i - 1]) return false;
    }
    return true;
}

namespace {
inline bool finite(double y) { return std::abs(y) <= std::numeric_limits<double>::max(); }  // not NaN/inf

struct Slot {
    size_t first = 0, min = 0, max = 0, last = 0, count = 0;
};

void push(Envelope& out, const double* u, const double* v, size_t i) {
    out.indices.push_back(i);
    out.us.push_back(u[i]);
    out.vs.push_back(v[i]);
}

// x of the pyramid path: read, or computed for an exact progression (bit-identical to the read).
struct XAt {
    const double* u;
    ArithmeticX x;
    double operator[](size_t i) const { return x.exact ? x.at(i) : u[i]; }
};

void push(Envelope& out, const XAt& u, size_t i, double value) {
    out.indices.push_back(i);
    out.us.push_back(u[i]);
    out.vs.push_back(value);
}

void addColumn(Envelope& out, const Slot& s, double minValue, double maxValue, int column, size_t begin) {
    out.columns.push_back({column, s.first, s.min, s.max, s.last, s.count, minValue, maxValue, begin,
                           out.indices.size()});
    out.maxPerColumn = std::max(out.maxPerColumn, s.count);
}

void addColumn(Envelope& out, const double* v, const Slot& s, int column, size_t begin) {
    addColumn(out, s, v[s.min], v[s.max], column, begin);
}

// First index in [a, hi) whose u is not left of the column edge (`left(u)` true for a prefix),
// searched outwards from `guess`: evenly logged runs land on it in one or two probes, uneven ones
// gallop, then bisect, so a column costs O(log of its width) reads near its start, not O(log n).
template <class U, class Left>
size_t findEdge(const U& u, size_t a, size_t hi, size_t guess, Left left) {
    size_t g = std::clamp(guess, a, hi);
    size_t lo = a, up = hi;  // answer in [lo, up]
    if (g < hi && left(u[g])) {
        lo = g + 1;
        for (size_t step = 1; lo < hi; step *= 2) {
            const size_t probe = std::min(hi, lo + step) - 1;
            if (!left(u[probe])) {
                up = probe;
                break;
            }
            lo = probe + 1;
        }
    } else {
        up = g;
        for (size_t step = 1; up > a; step *= 2) {
            const size_t probe = up - std::min(step, up - a);
            if (left(u[probe])) {
                lo = probe + 1;
                break;
            }
            up = probe;
        }
    }
    while (lo < up) {  // std::partition_point over [lo, up), for any indexable u
        const size_t mid = lo + (up - lo) / 2;
        if (left(u[mid]))
            lo = mid + 1;
        else
            up = mid;
    }
    return lo;
}

void emitColumn(const Slot& s, int column, const double* u, const double* v, Envelope& out) {
    size_t idx[4] = {s.first, s.min, s.max, s.last};
    std::sort(idx, idx + 4);
    const size_t unique = static_cast<size_t>(std::unique(idx, idx + 4) - idx);
    const size_t begin = out.indices.size();
    for (size_t k = 0; k < unique; ++k) push(out, u, v, idx[k]);
    addColumn(out, v, s, column, begin);
}

// The same from the pyramid's answer: the extremes' values come with it, so only their x is read
// (v[min] and v[max] would be two more cache misses per column).
void emitColumn(const Slot& s, double minValue, double maxValue, int column, const XAt& u, const double* v,
                Envelope& out) {
    const size_t begin = out.indices.size();
    size_t prev = SIZE_MAX;
    auto emit = [&](size_t i) {
        if (i == prev) return;
        prev = i;
        if (i == s.min)
            push(out, u, i, minValue);
        else if (i == s.max)
            push(out, u, i, maxValue);
        else
            push(out, u, i, v[i]);  // first or last: next to the column edge, already in cache
    };
    // Index order: first <= min, max <= last.
    emit(s.first);
    emit(std::min(s.min, s.max));
    emit(std::max(s.min, s.max));
    emit(s.last);
    addColumn(out, s, minValue, maxValue, column, begin);
}

// Visible slice [lo, hi) of sorted u and where each column's edge falls if its points were evenly
// spaced: the start for findEdge's search.
struct ColumnGrid {
    size_t lo = 0, hi = 0;
    double u0 = 0, scale = 1, uLo = 0, density = 0;
    int columns = 1;
    ColumnGrid(const double* u, size_t n, const EnvelopeRequest& request, bool sorted)
        : hi(n), u0(request.u0), columns(std::max(1, request.columns)) {
        scale = columns / (request.u1 - request.u0);
        if (sorted) {
            lo = static_cast<size_t>(std::lower_bound(u, u + n, request.u0) - u);
            hi = static_cast<size_t>(std::upper_bound(u, u + n, request.u1) - u);
        }
        uLo = lo < hi ? u[lo] : u0;
        density = (lo + 1 < hi && u[hi - 1] > uLo) ? (hi - 1 - lo) / (u[hi - 1] - uLo) : 0.0;
    }
    size_t guessEdge(int c) const {  // first index of column c + 1
        const double at = lo + (u0 + (c + 1) / scale - uLo) * density;
        return at > static_cast<double>(lo) ? static_cast<size_t>(std::min(at, static_cast<double>(hi))) : lo;
    }
    template <class U>
    size_t edgeAfter(const U& u, int c, size_t a) const {  // end of column c, which starts at a
        if (c + 1 >= columns) return hi;
        const double edge = c + 1;
        return findEdge(u, a, hi, std::max(a, guessEdge(c)), [&](double x) { return (x - u0) * scale < edge; });
    }
    // starts[c] = first index of column c, starts[columns] = hi; prefetching the edges ahead.
    std::vector<size_t> starts(const XAt& u) const {
        constexpr int kAhead = 6;
        std::vector<size_t> out(static_cast<size_t>(columns) + 1, hi);
        out[0] = lo;
        size_t a = lo;
        for (int c = 0; c < columns && a < hi; ++c) {
            if (c + kAhead + 1 < columns && !u.x.exact) {
                const size_t g = guessEdge(c + kAhead);
                if (g > 0) prefetchLine(u.u + g - 1);
                prefetchLine(u.u + g);
            }
            a = out[static_cast<size_t>(c) + 1] = edgeAfter(u, c, a);
        }
        return out;
    }
};
}  // namespace

std::vector<size_t> columnStarts(const double* u, size_t n, const EnvelopeRequest& request) {
    if (n == 0 || !(request.u1 > request.u0) || !std::isfinite(request.u0) || !std::isfinite(request.u1)) return {};
    return ColumnGrid(u, n, request, true).starts(XAt{u, request.x});
}

Envelope downsampleEnvelope(const double* u, const double* v, size_t n, const EnvelopeRequest& request,
                            bool sorted) {
    Envelope out;
    out.sortedInput = sorted;
    const int columns = std::max(1, request.columns);
    const double u0 = request.u0, u1 = request.u1;
    if (n == 0 || !(u1 > u0) || !std::isfinite(u0) || !std::isfinite(u1)) return out;
    const double scale = columns / (u1 - u0);
    const ColumnGrid grid(u, n, request, sorted);
    const size_t lo = grid.lo, hi = grid.hi;
    auto drawable = [&](size_t i) { return std::isfinite(u[i]) && std::isfinite(v[i]); };
    if (!request.keepAll) {
        const size_t most = 4 * static_cast<size_t>(columns) + 2;
        out.indices.reserve(most);
        out.us.reserve(most);
        out.vs.reserve(most);
        out.columns.reserve(static_cast<size_t>(columns));
    }

    // Left neighbour: the last drawable point before the slice.
    if (sorted && request.linkNeighbours) {
        for (size_t i = lo; i-- > 0;)
            if (drawable(i)) {
                push(out, u, v, i);
                break;
            }
    }

    const MinMaxPyramid* pyramid = request.pyramid && request.pyramid->size() >= hi ? request.pyramid : nullptr;

    if (sorted && pyramid && !request.keepAll) {
        // Each column's extremes from O(log n) pyramid blocks: the same slots as the scan below.
        // Two passes (slots, then points) with prefetching kAhead columns ahead: a column costs
        // a handful of cache misses (edge, blocks, its points), which overlap this way.
        constexpr int kAhead = 6;
        const size_t span = static_cast<size_t>((hi - lo) / columns) + 1;  // points per column, on average
        const XAt ux{u, request.x};
        // Column edges: the caller's (shared by the series drawn on this x) or searched here.
        std::vector<size_t> own;
        const std::vector<size_t>* starts = request.starts;
        if (!starts || starts->size() != static_cast<size_t>(columns) + 1 || starts->front() != lo ||
            starts->back() != hi) {
            own = grid.starts(ux);
            starts = &own;
        }
        const size_t* edge = starts->data();
        struct PyramidSlot {
            int column;
            Slot slot;
            double minValue, maxValue;
        };
        std::vector<PyramidSlot> slots;
        slots.reserve(static_cast<size_t>(columns));
        for (int c = 0; c < columns && edge[c] < hi; ++c) {
            if (c + kAhead < columns) pyramid->prefetch(v, edge[c + kAhead], span);
            const size_t a = edge[c], b = edge[c + 1];
            if (a == b) continue;
            const RangeExtremes e = pyramid->query(v, a, b);
            if (e.count > 0) {
                size_t first = a, last = b - 1;
                while (!finite(v[first])) ++first;
                while (!finite(v[last])) --last;
                slots.push_back({c, Slot{first, e.minIndex, e.maxIndex, last, e.count}, e.minValue, e.maxValue});
                out.visiblePoints += e.count;
            }
        }
        for (size_t k = 0; k < slots.size(); ++k) {
            if (k + kAhead < slots.size()) {
                const Slot& next = slots[k + kAhead].slot;
                if (!ux.x.exact) {
                    prefetchLine(u + next.min);
                    prefetchLine(u + next.max);
                }
            }
            const PyramidSlot& p = slots[k];
            emitColumn(p.slot, p.minValue, p.maxValue, p.column, ux, v, out);
        }
    } else if (sorted) {
        // Sorted x: each column is a contiguous index slice. Find its end by binary search with the
        // same expression the unsorted path uses per point (so both bucket identically), then scan
        // only values: a tight, branch-predictable loop (~1 ns per point).
        size_t a = lo;
        for (int c = 0; c < columns && a < hi; ++c) {
            const size_t b = grid.edgeAfter(u, c, a);
            Slot slot;
            const size_t begin = out.indices.size();
            if (request.keepAll) {
                for (size_t i = a; i < b; ++i)
                    if (finite(v[i])) push(out, u, v, i);
            }
            // First and last drawable point, then min/max over the slice between them. NaN compares
            // false, so it can never become an extreme; only infinities need the explicit test. The
            // strict comparisons keep the first of equal extremes, as the unsorted path does.
            size_t first = a;
            while (first < b && !finite(v[first])) ++first;
            if (first < b) {
                size_t last = b - 1;
                while (!finite(v[last])) --last;
                double minV = v[first], maxV = minV;
                size_t minI = first, maxI = first, skipped = 0;
                for (size_t i = first + 1; i <= last; ++i) {
                    const double y = v[i];
                    if (!finite(y)) {
                        ++skipped;
                        continue;
                    }
                    if (y < minV) {
                        minV = y;
                        minI = i;
                    }
                    if (y > maxV) {
                        maxV = y;
                        maxI = i;
                    }
                }
                slot = {first, minI, maxI, last, last - first + 1 - skipped};
            }
            a = b;
            if (slot.count == 0) continue;
            out.visiblePoints += slot.count;
            if (request.keepAll)
                addColumn(out, v, slot, c, begin);
            else
                emitColumn(slot, c, u, v, out);
        }
    } else {
        std::vector<Slot> slots(static_cast<size_t>(columns));
        for (size_t i = 0; i < n; ++i) {
            if (!drawable(i) || u[i] < u0 || u[i] > u1) continue;
            int c = static_cast<int>((u[i] - u0) * scale);
            c = std::clamp(c, 0, columns - 1);
            Slot& s = slots[static_cast<size_t>(c)];
            if (s.count == 0) {
                s.first = s.min = s.max = i;
            } else {
                if (v[i] < v[s.min]) s.min = i;
                if (v[i] > v[s.max]) s.max = i;
            }
            s.last = i;
            ++s.count;
            ++out.visiblePoints;
        }
        for (int c = 0; c < columns; ++c) {
            const Slot& s = slots[static_cast<size_t>(c)];
            if (s.count == 0) continue;
            if (request.keepAll)
                addColumn(out, v, s, c, 0);  // points are added below, in x order
            else
                emitColumn(s, c, u, v, out);
        }
    }
    if (request.keepAll && !sorted) {
        // Unsorted raw mode: draw in x order so the line does not jump back and forth.
        std::vector<size_t> visible;
        for (size_t i = 0; i < n; ++i)
            if (drawable(i) && u[i] >= u0 && u[i] <= u1) visible.push_back(i);
        std::stable_sort(visible.begin(), visible.end(), [&](size_t a, size_t b) { return u[a] < u[b]; });
        for (size_t i : visible) push(out, u, v, i);
    }

    if (sorted && request.linkNeighbours) {
        for (size_t i = hi; i < n; ++i)
            if (drawable(i)) {
                push(out, u, v, i);
                break;
            }
    }
    return out;
}

}  // namespace seqscope::widgets
