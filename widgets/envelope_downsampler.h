// SPDX-License-Identifier: MIT
// Per-pixel-column min/max envelope ("M4": first, min, max, last of every column) computed from the
// full-resolution series for the visible x range and the plot's pixel width, recomputed on every
// zoom or pan. Drawing these points gives the same pixels as drawing every point (a column's
// vertical extent and its links to the neighbouring columns are kept), so no spike is ever lost and
// nothing is sampled at random (anchors R1; TensorBoard #2310, Aim #3241, MLflow #11660).
// Works in display space: the caller passes log10(x) under log-x. Non-finite u or v are skipped.
#pragma once

#include <cstddef>
#include <vector>

namespace seqscope::widgets {

class MinMaxPyramid;

// x of an evenly logged run on an integer axis (steps, tokens): u[i] is exactly first + i * step, so
// the envelope computes x instead of reading it (one cache miss less per extreme and per edge).
struct ArithmeticX {
    bool exact = false;
    double first = 0, step = 0;
    double at(size_t i) const { return first + static_cast<double>(i) * step; }
};

struct EnvelopeColumn {
    int column = 0;       // pixel column in [0, columns)
    size_t first = 0;     // input indices of the column's first, lowest, highest and last point
    size_t min = 0;
    size_t max = 0;
    size_t last = 0;
    size_t count = 0;     // finite points that fell into the column
    double minValue = 0;  // v[min], v[max]: copied while in cache (callers would miss on them)
    double maxValue = 0;
    size_t begin = 0;     // this column's drawn points are indices[begin, end) (M4 mode)
    size_t end = 0;
};

struct Envelope {
    std::vector<size_t> indices;          // points to draw, in drawing order (x, then input order)
    std::vector<double> us, vs;           // u[i], v[i] of those points, same order
    std::vector<EnvelopeColumn> columns;  // non-empty columns, increasing column
    size_t visiblePoints = 0;             // finite points with u in [u0, u1]
    size_t maxPerColumn = 0;              // largest count: > 1 means the series is decimated
    bool sortedInput = true;
};

struct EnvelopeRequest {
    double u0 = 0, u1 = 1;     // visible x range, display space, u0 < u1
    int columns = 1000;        // plot width in device pixels, >= 1
    bool keepAll = false;      // raw-points mode: every visible point is drawn, columns still reported
    bool linkNeighbours = true;// also draw the nearest point left of u0 and right of u1 (sorted input),
                               // so lines run to the plot edges instead of stopping a column short
    const MinMaxPyramid* pyramid = nullptr;  // of v (curve_pyramid.h), sorted input: each column's
                               // extremes come from O(log n) blocks instead of a scan of its points
    const std::vector<size_t>* starts = nullptr;  // with a pyramid: columnStarts() of this u and
                               // request, shared by series drawn on the same x (searched once)
    ArithmeticX x;             // with a pyramid: u's values when they are an exact progression
};

// `sorted`: u is non-decreasing (NaN-free); enables binary search of the visible slice and the
// neighbour links. Unsorted input is scanned fully and drawn column by column. With a pyramid (and
// sorted input, no keepAll) the cost is O(columns x log n) and the result is the same.
Envelope downsampleEnvelope(const double* u, const double* v, size_t n, const EnvelopeRequest& request,
                            bool sorted);

// Sorted u: the first index of every pixel column of `request` and, last, the end of the visible
// slice (columns + 1 entries; empty for an empty range). A smoothed line and its raw shadow share them.
std::vector<size_t> columnStarts(const double* u, size_t n, const EnvelopeRequest& request);

// True if u[0..n) is non-decreasing and contains no NaN (-inf/+inf allowed).
bool isNonDecreasing(const double* u, size_t n);

}  // namespace seqscope::widgets
