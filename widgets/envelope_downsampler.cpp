// SPDX-License-Identifier: MIT
// M4 envelope per pixel column; see envelope_downsampler.h.
#include "envelope_downsampler.h"

#include <algorithm>
#include <cmath>

namespace seqscope::widgets {

bool isNonDecreasing(const double* u, size_t n) {
    for (size_t i = 0; i < n; ++i) {
        if (std::isnan(u[i])) return false;
        if (i > 0 && u[i] < u[i - 1]) return false;
    }
    return true;
}

namespace {
struct Slot {
    size_t first, min, max, last, count = 0;
};

void emitColumn(const Slot& s, int column, Envelope& out) {
    size_t idx[4] = {s.first, s.min, s.max, s.last};
    std::sort(idx, idx + 4);
    const size_t unique = static_cast<size_t>(std::unique(idx, idx + 4) - idx);
    out.indices.insert(out.indices.end(), idx, idx + unique);
    out.columns.push_back({column, s.first, s.min, s.max, s.last, s.count});
    out.maxPerColumn = std::max(out.maxPerColumn, s.count);
}
}  // namespace

Envelope downsampleEnvelope(const double* u, const double* v, size_t n, const EnvelopeRequest& request,
                            bool sorted) {
    Envelope out;
    out.sortedInput = sorted;
    const int columns = std::max(1, request.columns);
    const double u0 = request.u0, u1 = request.u1;
    if (n == 0 || !(u1 > u0) || !std::isfinite(u0) || !std::isfinite(u1)) return out;
    const double scale = columns / (u1 - u0);

    size_t lo = 0, hi = n;
    if (sorted) {
        lo = static_cast<size_t>(std::lower_bound(u, u + n, u0) - u);
        hi = static_cast<size_t>(std::upper_bound(u, u + n, u1) - u);
    }
    auto drawable = [&](size_t i) { return std::isfinite(u[i]) && std::isfinite(v[i]); };

    // Left neighbour: the last drawable point before the slice.
    if (sorted && request.linkNeighbours) {
        for (size_t i = lo; i-- > 0;)
            if (drawable(i)) {
                out.indices.push_back(i);
                break;
            }
    }

    std::vector<Slot> slots(static_cast<size_t>(columns));
    for (size_t i = lo; i < hi; ++i) {
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
        if (request.keepAll && sorted) out.indices.push_back(i);
    }
    for (int c = 0; c < columns; ++c) {
        const Slot& s = slots[static_cast<size_t>(c)];
        if (s.count == 0) continue;
        if (request.keepAll) {
            out.columns.push_back({c, s.first, s.min, s.max, s.last, s.count});
            out.maxPerColumn = std::max(out.maxPerColumn, s.count);
        } else {
            emitColumn(s, c, out);
        }
    }
    if (request.keepAll && !sorted) {
        // Unsorted raw mode: draw in x order so the line does not jump back and forth.
        std::vector<size_t> visible;
        for (size_t i = 0; i < n; ++i)
            if (drawable(i) && u[i] >= u0 && u[i] <= u1) visible.push_back(i);
        std::stable_sort(visible.begin(), visible.end(), [&](size_t a, size_t b) { return u[a] < u[b]; });
        out.indices.insert(out.indices.end(), visible.begin(), visible.end());
    }

    if (sorted && request.linkNeighbours) {
        for (size_t i = hi; i < n; ++i)
            if (drawable(i)) {
                out.indices.push_back(i);
                break;
            }
    }
    return out;
}

}  // namespace seqscope::widgets
