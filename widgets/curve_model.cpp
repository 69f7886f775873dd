// SPDX-License-Identifier: MIT
// Column-wise, append-only run curves; see curve_model.h.
#include "curve_model.h"

#include <QSet>

namespace seqscope::widgets {

void CurveModel::setRuns(const QVector<RunCurveInfo>& runs) {
    std::vector<RunSeries> next;
    next.reserve(static_cast<size_t>(runs.size()));
    QSet<QString> seen;
    for (const RunCurveInfo& info : runs) {
        if (seen.contains(info.key)) continue;
        seen.insert(info.key);
        const int old = indexOf(info.key);
        if (old >= 0) {
            next.push_back(std::move(m_runs[static_cast<size_t>(old)]));
            // Moved-from entries keep their key empty so a later indexOf cannot find them twice.
            m_runs[static_cast<size_t>(old)].info.key.clear();
        } else {
            next.emplace_back();
            next.back().generation = m_nextGeneration++;
        }
        next.back().info = info;
        if (next.back().info.label.isEmpty()) next.back().info.label = info.key;
    }
    m_runs = std::move(next);
    ++m_revision;
}

qsizetype CurveModel::appendPoints(const QString& key, const QVector<CurvePoint>& points) {
    const int index = indexOf(key);
    if (index < 0) return -1;
    RunSeries& run = m_runs[static_cast<size_t>(index)];
    qint64 last = run.lastStep();
    qsizetype appended = 0;
    for (const CurvePoint& p : points) {
        if (p.step <= last) continue;
        last = p.step;
        run.xs[static_cast<int>(XAxisKind::Step)].push_back(static_cast<double>(p.step));
        run.xs[static_cast<int>(XAxisKind::Tokens)].push_back(p.tokens);
        run.xs[static_cast<int>(XAxisKind::Flops)].push_back(p.flops);
        run.xs[static_cast<int>(XAxisKind::WallTime)].push_back(p.wallTime);
        run.value.push_back(p.value);
        ++appended;
    }
    if (appended > 0) ++m_revision;
    return appended;
}

void CurveModel::clearPoints() {
    for (RunSeries& run : m_runs) {
        for (auto& column : run.xs) std::vector<double>().swap(column);
        std::vector<double>().swap(run.value);
        run.generation = m_nextGeneration++;
    }
    ++m_revision;
}

int CurveModel::indexOf(const QString& key) const {
    for (size_t i = 0; i < m_runs.size(); ++i)
        if (!key.isEmpty() && m_runs[i].info.key == key) return static_cast<int>(i);
    return -1;
}

qint64 CurveModel::totalPoints() const {
    qint64 total = 0;
    for (const RunSeries& run : m_runs) total += static_cast<qint64>(run.size());
    return total;
}

}  // namespace seqscope::widgets
