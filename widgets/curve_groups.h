// SPDX-License-Identifier: MIT
// Seed groups of the loss chart (issue 20): runs that share RunCurveInfo::group are drawn as one
// mean curve with a band. Each member is linearly interpolated onto a shared x grid (the pipeline
// uses the centres of the plot's pixel columns, so a frame stays O(columns x runs) and zooming
// refines the grid); at each grid x the members that cover it (x within their first and last
// drawable point, both bracketing values finite) give N, the mean and the band. Where N < minRuns
// (default 2) nothing is drawn: a "group" of one run has no spread. Statistics are taken in display
// space, so under log-y they are those of log10(loss) (a geometric mean, a multiplicative band).
//   std:     sample standard deviation, ddof = 1 (numpy.std(a, ddof=1); numpy's default is ddof=0):
//            seeds are a sample of the seed distribution, and N is small (3-5).
//   stderr:  std (ddof = 1) / sqrt(N).
//   min-max: the members' lowest and highest value.
#pragma once

#include "curve_options.h"

#include <cstddef>
#include <vector>

namespace seqscope::widgets {

struct GroupMember {
    const double* u = nullptr;  // x, display space, non-decreasing (NaN-free)
    const double* v = nullptr;  // y, display space (smoothed when smoothing is on); non-finite skipped
    size_t n = 0;
};

struct GroupStatistics {
    std::vector<double> x;     // the grid
    std::vector<double> mean;  // NaN where count < minRuns
    std::vector<double> lo, hi;  // band edges (mean -/+ std or stderr, or min / max); NaN likewise
    std::vector<int> count;    // members covering each grid x
};

// Statistics of `members` on `grid` (increasing). minRuns >= 1.
GroupStatistics groupStatistics(const std::vector<GroupMember>& members, const std::vector<double>& grid,
                                BandKind band, int minRuns = 2);

// Centres of `columns` equal pixel columns over [u0, u1]: the pipeline's grid.
std::vector<double> columnCentres(double u0, double u1, int columns);

// Linear interpolation of one member at x; NaN outside its extent or next to a non-finite value.
// `from`: search hint (index at or before x's position), updated; grids are walked left to right.
double interpolateAt(const GroupMember& m, double x, size_t* from);

}  // namespace seqscope::widgets
