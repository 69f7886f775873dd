// SPDX-License-Identifier: MIT
// Mean and band of a group of runs on a shared x grid; see curve_groups.h.
#include "curve_groups.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace seqscope::widgets {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

std::vector<double> columnCentres(double u0, double u1, int columns) {
    std::vector<double> grid;
    if (columns < 1 || !(u1 > u0)) return grid;
    grid.reserve(static_cast<size_t>(columns));
    const double width = (u1 - u0) / columns;
    for (int c = 0; c < columns; ++c) grid.push_back(u0 + (c + 0.5) * width);
    return grid;
}

double interpolateAt(const GroupMember& m, double x, size_t* from) {
    if (m.n == 0 || !std::isfinite(x)) return kNaN;
    const size_t start = std::min(*from, m.n);
    const size_t i = static_cast<size_t>(std::lower_bound(m.u + start, m.u + m.n, x) - m.u);
    *from = i > 0 ? i - 1 : 0;
    if (i == m.n) return kNaN;                     // right of the last point
    if (m.u[i] == x) return std::isfinite(m.v[i]) ? m.v[i] : kNaN;
    if (i == 0) return kNaN;                       // left of the first point
    const double xa = m.u[i - 1], xb = m.u[i], ya = m.v[i - 1], yb = m.v[i];
    if (!std::isfinite(xa) || !std::isfinite(ya) || !std::isfinite(yb)) return kNaN;
    return ya + (yb - ya) * (x - xa) / (xb - xa);
}

GroupStatistics groupStatistics(const std::vector<GroupMember>& members, const std::vector<double>& grid,
                                BandKind band, int minRuns) {
    GroupStatistics out;
    const size_t g = grid.size();
    out.x = grid;
    out.mean.assign(g, kNaN);
    out.lo.assign(g, kNaN);
    out.hi.assign(g, kNaN);
    out.count.assign(g, 0);
    // Member by member (each walks its own data once, left to right), accumulating per grid x:
    // Welford's running mean and sum of squared deviations, and the extremes.
    std::vector<double> mean(g, 0.0), m2(g, 0.0), lo(g, INFINITY), hi(g, -INFINITY);
    for (const GroupMember& m : members) {
        size_t from = 0;
        for (size_t k = 0; k < g; ++k) {
            const double y = interpolateAt(m, grid[k], &from);
            if (std::isnan(y)) continue;
            const int n = ++out.count[k];
            const double delta = y - mean[k];
            mean[k] += delta / n;
            m2[k] += delta * (y - mean[k]);
            lo[k] = std::min(lo[k], y);
            hi[k] = std::max(hi[k], y);
        }
    }
    const int need = std::max(1, minRuns);
    for (size_t k = 0; k < g; ++k) {
        const int n = out.count[k];
        if (n < need) continue;
        out.mean[k] = mean[k];
        // ddof = 1; a single member (minRuns 1) has no spread.
        const double sd = n > 1 ? std::sqrt(std::max(0.0, m2[k] / (n - 1))) : 0.0;
        switch (band) {
        case BandKind::StdDev:
            out.lo[k] = mean[k] - sd;
            out.hi[k] = mean[k] + sd;
            break;
        case BandKind::StdError:
            out.lo[k] = mean[k] - sd / std::sqrt(static_cast<double>(n));
            out.hi[k] = mean[k] + sd / std::sqrt(static_cast<double>(n));
            break;
        case BandKind::MinMax:
            out.lo[k] = lo[k];
            out.hi[k] = hi[k];
            break;
        }
    }
    return out;
}

}  // namespace seqscope::widgets
