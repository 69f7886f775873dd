// SPDX-License-Identifier: MIT
// Display-space transform, smoothing, envelope and y range per frame; see curve_pipeline.h.
#include "curve_pipeline.h"

#include "curve_groups.h"
#include "curve_parallel.h"
#include "envelope_downsampler.h"
#include "robust_range.h"
#include "run_colors.h"

#include <algorithm>
#include <climits>
#include <limits>

namespace seqscope::widgets {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

double CurvePipeline::toDisplay(double v, bool log) {
    if (!log) return v;
    return v > 0 ? std::log10(v) : -INFINITY;
}

double CurvePipeline::toData(double d, bool log) { return log ? std::pow(10.0, d) : d; }

void CurvePipeline::setOptions(const CurveViewOptions& options) {
    if (options.xAxis != m_options.xAxis || options.logX != m_options.logX) m_autoX = true;
    m_options = options;
}

void CurvePipeline::setXRange(double u0, double u1) {
    if (!(u1 > u0) || !std::isfinite(u0) || !std::isfinite(u1)) return;
    m_autoX = false;
    m_u0 = u0;
    m_u1 = u1;
}

void CurvePipeline::setHidden(const QString& key, bool hidden) {
    if (hidden)
        m_hidden.insert(key);
    else
        m_hidden.remove(key);
}

CurvePipeline::View CurvePipeline::viewOf(const RunSeries& run, const RunCache& cache) const {
    View v;
    v.n = std::min(cache.xLen, cache.yLen);
    const int kind = cache.xKind;
    const bool xAliased = cache.xOwn.empty() && kind >= 0 && kind != static_cast<int>(XAxisKind::RelativeTime);
    v.u = xAliased ? run.xs[kind].data() : cache.xOwn.data();
    v.raw = cache.yLog ? cache.yOwn.data() : run.value.data();
    const bool smoothing = m_options.smoothing.kind != SmoothingKind::Off;
    v.main = smoothing ? cache.smoother.values().data() : v.raw;
    v.rawPyramid = &cache.rawPyramid;
    v.mainPyramid = smoothing ? &cache.mainPyramid : &cache.rawPyramid;
    v.sorted = cache.xSorted;
    if (cache.xArith.exact && cache.xArithLen >= 2 && cache.xArithLen == v.n) v.x = cache.xArith;
    return v;
}

CurvePipeline::View CurvePipeline::refresh(const RunSeries& run, RunCache& cache) {
    const size_t n = run.size();
    const int kind = static_cast<int>(m_options.xAxis);
    if (cache.generation != run.generation || n < cache.xLen) cache = RunCache{};
    cache.generation = run.generation;

    // 1. Display x. Linear axes with a model column are aliased (no copy); log-x and relative time
    // are materialised once and extended as points arrive.
    if (cache.xKind != kind || cache.xLog != m_options.logX) {
        cache.xKind = kind;
        cache.xLog = m_options.logX;
        cache.xOwn.clear();
        cache.xLen = 0;
        cache.xSorted = true;
        cache.xMin = INFINITY;
        cache.xMax = -INFINITY;
        cache.xArith = ArithmeticX{true, 0, 0};
        cache.xArithLen = 0;
    }
    const bool relative = m_options.xAxis == XAxisKind::RelativeTime;
    const std::vector<double>& src = run.xs[relative ? static_cast<int>(XAxisKind::WallTime) : kind];
    const bool own = relative || m_options.logX;
    if (own) cache.xOwn.resize(n);
    const double t0 = (relative && n > 0) ? src[0] : 0.0;
    for (size_t i = cache.xLen; i < n; ++i) {
        const double u = toDisplay(src[i] - t0, m_options.logX);
        if (own) cache.xOwn[i] = u;
        if (std::isnan(u) || (i > 0 && u < (own ? cache.xOwn[i - 1] : src[i - 1]))) cache.xSorted = false;
        if (std::isfinite(u)) {
            cache.xMin = std::min(cache.xMin, u);
            cache.xMax = std::max(cache.xMax, u);
        }
    }
    cache.xLen = n;
    // Evenly logged steps or tokens: x is first + i * step exactly, checked with the expression the
    // envelope will use, so computing it there gives the same bits as reading it.
    const double* xs = own ? cache.xOwn.data() : src.data();
    for (size_t i = cache.xArithLen; i < n && cache.xArith.exact; ++i) {
        if (i == 0) cache.xArith.first = xs[0];
        if (i == 1) cache.xArith.step = xs[1] - xs[0];
        if (!(xs[i] == cache.xArith.at(i))) cache.xArith.exact = false;
    }
    cache.xArithLen = n;

    // 2. Display y.
    if (cache.yLog != m_options.logY) {
        cache.yLog = m_options.logY;
        cache.yOwn.clear();
        cache.yLen = 0;
        cache.rawPyramid.reset();
    }
    if (cache.yLog) {
        cache.yOwn.resize(n);
        for (size_t i = cache.yLen; i < n; ++i) {
            const double v = run.value[i];
            cache.yOwn[i] = (std::isfinite(v) && v > 0) ? std::log10(v) : kNaN;
        }
    }
    cache.yLen = n;
    cache.rawPyramid.update(cache.yLog ? cache.yOwn.data() : run.value.data(), n);
    // Undrawable points, counted as they arrive; recounted only when an axis transform changed.
    View view = viewOf(run, cache);
    if (cache.undrawableKey != (kind * 4 + (cache.xLog ? 2 : 0) + (cache.yLog ? 1 : 0))) {
        cache.undrawableKey = kind * 4 + (cache.xLog ? 2 : 0) + (cache.yLog ? 1 : 0);
        cache.undrawable = 0;
        cache.undrawableLen = 0;
    }
    for (size_t i = cache.undrawableLen; i < n; ++i)
        if (!std::isfinite(view.u[i]) || !std::isfinite(view.raw[i])) ++cache.undrawable;
    cache.undrawableLen = n;

    // 3. Smoothing on full resolution, in display space.
    if (m_options.smoothing.kind != SmoothingKind::Off) {
        if (cache.smoothLog != cache.yLog) cache.smoother.reset();
        cache.smoothLog = cache.yLog;
        cache.smoother.update(view.raw, n, m_options.smoothing, run.xs[static_cast<int>(XAxisKind::Step)].data());
        cache.mainPyramid.update(cache.smoother.values().data(), n, cache.smoother.lastRecomputeFrom());
    }
    return viewOf(run, cache);
}

size_t CurvePipeline::pyramidBytes() const {
    size_t total = 0;
    for (const RunCache& cache : m_cache) total += cache.rawPyramid.bytes() + cache.mainPyramid.bytes();
    return total;
}

bool CurvePipeline::dataXExtent(double* lo, double* hi) {
    double a = INFINITY, b = -INFINITY;
    for (int r = 0; r < m_model->runCount(); ++r) {
        const RunSeries& run = m_model->run(r);
        if (m_hidden.contains(run.info.key)) continue;
        RunCache& cache = m_cache[run.info.key];
        refresh(run, cache);
        a = std::min(a, cache.xMin);
        b = std::max(b, cache.xMax);
    }
    if (!(a <= b)) return false;
    *lo = a;
    *hi = b;
    return true;
}

namespace {
// Range input of one run: its drawn points inside the visible range (not the edge links). Values
// come from the envelope's copies: reading the series here would miss the cache for every point.
RangeInput rangeInputOf(const Envelope& env, double u0, double u1) {
    RangeInput in;
    size_t lastIndex = 0;
    bool haveLast = false;
    in.values.reserve(env.vs.size());
    for (size_t p = 0; p < env.indices.size(); ++p)
        if (env.us[p] >= u0 && env.us[p] <= u1) {
            in.values.push_back(env.vs[p]);
            if (!haveLast || env.indices[p] > lastIndex) {
                lastIndex = env.indices[p];
                in.lastValue = env.vs[p];
            }
            haveLast = true;
        }
    in.hasLast = haveLast;
    return in;
}
}  // namespace

PlotFrame CurvePipeline::compute(int columns, int rows) {
    PlotFrame frame;
    frame.options = m_options;
    frame.columns = std::max(1, columns);
    frame.rows = std::max(0, rows);

    // Drop caches of runs that left the model.
    for (auto it = m_cache.begin(); it != m_cache.end();)
        it = m_model->indexOf(it.key()) < 0 ? m_cache.erase(it) : std::next(it);
    // Every run's cache exists before a View points into one: an insertion may rehash the QHash and
    // move its values, and a View holds the addresses of its cache's pyramids.
    for (int r = 0; r < m_model->runCount(); ++r) m_cache[m_model->run(r).info.key];

    // Groups with at least two runs in the model; a lone member is drawn as an ordinary run.
    QHash<QString, int> groupSize;
    for (int r = 0; r < m_model->runCount(); ++r)
        if (!m_model->run(r).info.group.isEmpty()) ++groupSize[m_model->run(r).info.group];
    auto groupOf = [&](const RunSeries& run) { return groupSize.value(run.info.group) >= 2 ? run.info.group : QString(); };

    std::vector<View> views;
    std::vector<const RunSeries*> shown;
    std::vector<int> slot;  // frame.runs index of each shown run
    struct GroupSlot {
        int entry = -1;                 // frame.runs index of the group's entry
        std::vector<View> members;      // every member's view (statistics need all of them)
    };
    QHash<QString, GroupSlot> groups;
    double xa = INFINITY, xb = -INFINITY;
    for (int r = 0; r < m_model->runCount(); ++r) {
        const RunSeries& run = m_model->run(r);
        const QString group = groupOf(run);
        if (!group.isEmpty() && !groups.contains(group)) {
            PlottedRun entry;
            entry.key = group;
            entry.label = run.info.groupLabel.isEmpty() ? group : run.info.groupLabel;
            entry.color = runColor(group);
            entry.isGroup = true;
            entry.hidden = m_hidden.contains(group);
            frame.runs.push_back(entry);
            groups[group].entry = static_cast<int>(frame.runs.size()) - 1;
            frame.hasGroups = true;
        }
        PlottedRun placeholder;
        placeholder.key = run.info.key;
        placeholder.label = run.info.label;
        placeholder.color = group.isEmpty() ? runColor(run.info.key) : runColor(group);
        placeholder.live = run.info.live;
        placeholder.group = group;
        placeholder.inLegend = group.isEmpty();
        placeholder.faded = !group.isEmpty();
        placeholder.hidden = group.isEmpty() ? m_hidden.contains(run.info.key)
                                             : (m_hidden.contains(group) || !m_options.showGroupMembers);
        frame.runs.push_back(placeholder);
        const bool groupShown = !group.isEmpty() && !m_hidden.contains(group);
        if (placeholder.hidden && !groupShown) continue;
        RunCache& cache = m_cache[run.info.key];
        const View view = refresh(run, cache);
        xa = std::min(xa, cache.xMin);
        xb = std::max(xb, cache.xMax);
        if (groupShown) groups[group].members.push_back(view);
        if (placeholder.hidden) continue;
        slot.push_back(static_cast<int>(frame.runs.size()) - 1);
        views.push_back(view);
        shown.push_back(&run);
    }
    frame.hasData = xa <= xb;
    if (m_autoX) {
        if (frame.hasData) {
            m_u0 = xa;
            m_u1 = xb;
            if (!(m_u1 > m_u0)) {  // one point, or all at the same x
                const double pad = m_options.logX ? 0.5 : std::max(std::abs(m_u0) * 0.05, 0.5);
                m_u0 -= pad;
                m_u1 += pad;
            }
        } else {
            m_u0 = 0;
            m_u1 = 1;
        }
    }
    frame.x0 = m_u0;
    frame.x1 = m_u1;

    EnvelopeRequest request;
    request.u0 = m_u0;
    request.u1 = m_u1;
    request.columns = frame.columns;
    request.keepAll = m_options.rawPoints;
    const bool smoothing = m_options.smoothing.kind != SmoothingKind::Off;
    const bool withShadow = smoothing && m_options.showRawShadow;

    // Envelopes of every shown run (and its raw shadow) on every core: each reads only its own run.
    std::vector<Envelope> envelopes(views.size()), shadows(withShadow ? views.size() : 0);
    std::vector<RangeInput> rangeMain(views.size()), rangeAll;
    // A run's line and shadow share x, so their column edges are searched once.
    parallelFor(static_cast<int>(views.size()), [&](int task) {
        const size_t k = static_cast<size_t>(task);
        const View& v = views[k];
        EnvelopeRequest r = request;
        r.x = v.x;
        std::vector<size_t> starts;
        if (m_usePyramids && v.sorted && !r.keepAll) {
            starts = columnStarts(v.u, v.n, r);
            r.starts = &starts;
        }
        if (m_usePyramids) r.pyramid = v.mainPyramid;
        envelopes[k] = downsampleEnvelope(v.u, v.main, v.n, r, v.sorted);
        rangeMain[k] = rangeInputOf(envelopes[k], m_u0, m_u1);
        if (withShadow) {
            if (m_usePyramids) r.pyramid = v.rawPyramid;
            shadows[k] = downsampleEnvelope(v.u, v.raw, v.n, r, v.sorted);
        }
    });
    for (size_t k = 0; k < views.size(); ++k) {
        const RunSeries& run = *shown[k];
        const RunCache& cache = *m_cache.constFind(run.info.key);
        PlottedRun& out = frame.runs[slot[k]];
        out.undrawablePoints = cache.undrawable;
        const Envelope& env = envelopes[k];
        out.visiblePoints = static_cast<qint64>(env.visiblePoints);
        out.maxPerColumn = static_cast<qint64>(env.maxPerColumn);

        if (withShadow) {
            const Envelope& shadow = shadows[k];
            out.shadow.reserve(static_cast<qsizetype>(shadow.indices.size()));
            for (size_t p = 0; p < shadow.indices.size(); ++p) out.shadow.push_back(QPointF(shadow.us[p], shadow.vs[p]));
            if (m_options.yMode == YRangeMode::Full) {
                RangeInput raw;
                for (size_t p = 0; p < shadow.indices.size(); ++p)
                    if (shadow.us[p] >= m_u0 && shadow.us[p] <= m_u1) raw.values.push_back(shadow.vs[p]);
                rangeAll.push_back(std::move(raw));
            }
        }
        frame.visiblePoints += out.visiblePoints;
        frame.maxPerColumn = std::max(frame.maxPerColumn, out.maxPerColumn);
    }

    // Group means and bands on the pixel-column centres (curve_groups.h); runs with unsorted x are
    // left out of their group's statistics (interpolation needs x order).
    const std::vector<double> grid = columnCentres(m_u0, m_u1, frame.columns);
    for (auto it = groups.cbegin(); it != groups.cend(); ++it) {
        PlottedRun& out = frame.runs[it->entry];
        if (out.hidden) continue;
        std::vector<GroupMember> members;
        for (const View& v : it->members)
            if (v.sorted) members.push_back({v.u, v.main, v.n});
        const GroupStatistics stats = groupStatistics(members, grid, m_options.band);
        RangeInput in;
        out.groupMinN = INT_MAX;
        for (size_t k = 0; k < grid.size(); ++k) {
            if (std::isnan(stats.mean[k])) continue;
            out.line.push_back(QPointF(grid[k], stats.mean[k]));
            out.bandLo.push_back(QPointF(grid[k], stats.lo[k]));
            out.bandHi.push_back(QPointF(grid[k], stats.hi[k]));
            out.groupMinN = std::min(out.groupMinN, stats.count[k]);
            out.groupMaxN = std::max(out.groupMaxN, stats.count[k]);
            in.values.insert(in.values.end(), {stats.mean[k], stats.lo[k], stats.hi[k]});
            in.lastValue = stats.mean[k];
            in.hasLast = true;
        }
        if (out.line.isEmpty()) out.groupMinN = 0;
        frame.drawnPoints += out.line.size();
        rangeMain.push_back(std::move(in));
    }

    // Y range.
    YRange y;
    switch (m_options.yMode) {
    case YRangeMode::Robust:
        y = robustYRange(rangeMain, m_options.robust);
        break;
    case YRangeMode::Full:
        rangeAll.insert(rangeAll.end(), rangeMain.begin(), rangeMain.end());
        y = fullYRange(rangeAll, m_options.robust.margin);
        break;
    case YRangeMode::Manual:
        y.lo = toDisplay(m_options.manualYMin, m_options.logY);
        y.hi = toDisplay(m_options.manualYMax, m_options.logY);
        y.valid = std::isfinite(y.lo) && std::isfinite(y.hi) && y.hi > y.lo;
        break;
    }
    if (m_options.yMode != YRangeMode::Manual && y.valid && std::isfinite(m_yIncludeLo) && std::isfinite(m_yIncludeHi)) {
        const double margin = 0.03 * (std::max(y.hi, m_yIncludeHi) - std::min(y.lo, m_yIncludeLo));
        if (m_yIncludeLo < y.lo) y.lo = m_yIncludeLo - margin;
        if (m_yIncludeHi > y.hi) y.hi = m_yIncludeHi + margin;
    }
    if (!y.valid) y = {0, 1, true};
    frame.y0 = y.lo;
    frame.y1 = y.hi;

    // Main line points and how they are drawn, see curve_pipeline.h.
    const double pxPerV = frame.rows > 0 ? frame.rows / (y.hi - y.lo) : 0.0;
    // Each run's line on its own core: every task writes only its own PlottedRun (through data(),
    // detached once here: QList's operator[] is not for concurrent use).
    PlottedRun* const plotted = frame.runs.data();
    parallelFor(static_cast<int>(views.size()), [&](int task) {
        const size_t k = static_cast<size_t>(task);
        const Envelope& env = envelopes[k];
        PlottedRun& out = plotted[slot[k]];
        auto point = [&](size_t p) { return QPointF(env.us[p], env.vs[p]); };
        const size_t count = env.indices.size();
        if (m_options.rawPoints || pxPerV <= 0) {
            out.line.reserve(static_cast<qsizetype>(count));
            for (size_t p = 0; p < count; ++p) out.line.push_back(point(p));
        } else {
            // Neighbour links (outside the visible range) come first and last.
            if (count > 0 && env.us.front() < m_u0) out.line.push_back(point(0));
            for (size_t c = 0; c < env.columns.size(); ++c) {
                const EnvelopeColumn& col = env.columns[c];
                const bool thin = (col.maxValue - col.minValue) * pxPerV < 1.0;
                if (thin) {
                    if (c == 0 && col.end - col.begin > 1) out.line.push_back(point(col.begin));  // keep the start
                    out.line.push_back(point(col.end - 1));
                } else {
                    for (size_t p = col.begin; p < col.end; ++p) out.line.push_back(point(p));
                }
            }
            if (count > 1 && env.us.back() > m_u1) out.line.push_back(point(count - 1));
        }
        if (!m_options.rawPoints && out.line.size() > kSeriesPointsPerColumn * frame.columns + 4) {
            // Too many for Qt Charts: rasterise the exact envelope instead.
            out.rasterised = true;
            out.line.clear();
            out.line.reserve(static_cast<qsizetype>(count));
            for (size_t p = 0; p < count; ++p) out.line.push_back(point(p));
        }
    });
    for (size_t k = 0; k < views.size(); ++k)
        frame.drawnPoints += frame.runs[slot[k]].line.size() + frame.runs[slot[k]].shadow.size();

    // Clipped points (exact, full resolution) and one edge marker per clipped column.
    for (size_t k = 0; k < views.size(); ++k) {
        const View& v = views[k];
        PlottedRun& out = frame.runs[slot[k]];
        qint64 clipped = 0;
        const Envelope& env = envelopes[k];
        // The drawn position of input index i within its column (no cache miss on v.u[i]).
        auto uOf = [&](const EnvelopeColumn& c, size_t i) {
            for (size_t p = c.begin; p < c.end; ++p)
                if (env.indices[p] == i) return env.us[p];
            return v.u[i];
        };
        for (const EnvelopeColumn& c : env.columns) {
            const bool high = c.maxValue > y.hi, low = c.minValue < y.lo;
            if (!high && !low) continue;
            if (high) out.clippedHigh.push_back(QPointF(uOf(c, c.max), y.hi));
            if (low) out.clippedLow.push_back(QPointF(uOf(c, c.min), y.lo));
            // Sorted x: the column's points are [first, last], all with finite u; the pyramid only
            // descends into blocks that straddle a y limit.
            if (v.sorted && m_usePyramids) {
                clipped += static_cast<qint64>(v.mainPyramid->countOutside(v.main, c.first, c.last + 1, y.lo, y.hi));
            } else if (v.sorted) {
                for (size_t i = c.first; i <= c.last; ++i)
                    if (std::isfinite(v.main[i]) && (v.main[i] > y.hi || v.main[i] < y.lo)) ++clipped;
            }
        }
        if (!v.sorted) {
            for (size_t i = 0; i < v.n; ++i)
                if (std::isfinite(v.u[i]) && std::isfinite(v.main[i]) && v.u[i] >= m_u0 && v.u[i] <= m_u1 &&
                    (v.main[i] > y.hi || v.main[i] < y.lo))
                    ++clipped;
        }
        out.clippedPoints = clipped;
    }
    return frame;
}

QVector<ReadoutEntry> CurvePipeline::readoutAt(double u, double tolerance) const {
    QVector<ReadoutEntry> entries;
    if (!std::isfinite(u)) return entries;
    // Members of a group (two or more runs) answer in the group's colour while the group is shown.
    QHash<QString, int> groupSize;
    for (int r = 0; r < m_model->runCount(); ++r)
        if (!m_model->run(r).info.group.isEmpty()) ++groupSize[m_model->run(r).info.group];
    for (int r = 0; r < m_model->runCount(); ++r) {
        const RunSeries& run = m_model->run(r);
        const bool grouped = groupSize.value(run.info.group) >= 2;
        if (grouped ? m_hidden.contains(run.info.group) : m_hidden.contains(run.info.key)) continue;
        auto it = m_cache.constFind(run.info.key);
        if (it == m_cache.constEnd()) continue;
        const RunCache& cache = it.value();
        if (cache.xKind != static_cast<int>(m_options.xAxis) || cache.xLog != m_options.logX) continue;
        const View v = viewOf(run, cache);
        if (v.n == 0 || u < cache.xMin - tolerance || u > cache.xMax + tolerance) continue;
        if (m_options.smoothing.kind != SmoothingKind::Off && cache.smoother.values().size() < v.n) continue;

        // Nearest drawable point by x: binary search on sorted x, else a scan.
        size_t best = v.n;
        double bestDist = INFINITY;
        auto consider = [&](size_t i) {
            if (i >= v.n || !std::isfinite(v.u[i]) || !std::isfinite(v.main[i])) return;
            const double d = std::abs(v.u[i] - u);
            if (d < bestDist) {
                bestDist = d;
                best = i;
            }
        };
        if (v.sorted) {
            const size_t pos = static_cast<size_t>(std::lower_bound(v.u, v.u + v.n, u) - v.u);
            // Walk outwards past undrawable points (NaN loss) to the nearest drawable ones.
            for (size_t i = pos; i < v.n && best == v.n; ++i) consider(i);
            for (size_t i = pos; i-- > 0;) {
                consider(i);
                if (std::isfinite(v.u[i]) && std::isfinite(v.main[i])) break;
            }
        } else {
            for (size_t i = 0; i < v.n; ++i) consider(i);
        }
        if (best == v.n) continue;

        ReadoutEntry e;
        e.key = run.info.key;
        e.label = run.info.label;
        e.color = runColor(grouped ? run.info.group : run.info.key);
        e.step = static_cast<qint64>(run.xs[static_cast<int>(XAxisKind::Step)][best]);
        e.x = toData(v.u[best], m_options.logX);
        e.value = toData(v.main[best], m_options.logY);
        e.raw = run.value[best];
        entries.push_back(e);
    }
    std::stable_sort(entries.begin(), entries.end(), [](const ReadoutEntry& a, const ReadoutEntry& b) {
        if (std::isnan(a.value) != std::isnan(b.value)) return std::isnan(b.value);
        return a.value < b.value;
    });
    return entries;
}

}  // namespace seqscope::widgets
