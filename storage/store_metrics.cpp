// SPDX-License-Identifier: MIT
// Store: metric time series (store.h "Metrics"). Two read paths, each with its own index: by step
// ("everything after step S for these runs", metrics_run_step) and by insertion sequence for live
// readers (metrics_run_seq, after LabPlot's LiveDataSource incremental read: a poll costs what is
// new, not what is there).
#include <algorithm>

#include "storage/store.h"
#include "storage/store_impl.h"

namespace seqscope::storage {
namespace {

constexpr const char* kRowColumns = "seq, run_id, step, tokens, flops, wall_time, value, name_id";

MetricRow readRow(const sql::Statement& s) {
    MetricRow r;
    r.seq = s.int64(0);
    r.runId = s.int64(1);
    r.step = s.int64(2);
    r.tokens = s.int64(3);
    r.flops = s.real(4);
    r.wallTime = s.real(5);
    r.value = s.real(6);
    r.nameId = static_cast<int>(s.int64(7));
    return r;
}

// " AND name_id IN (3,5)" for the names that exist; `none` when none of them does.
std::string nameClause(const std::vector<int>& ids) {
    if (ids.empty()) return {};
    std::string clause = " AND name_id IN (";
    for (size_t i = 0; i < ids.size(); ++i) clause += (i ? "," : "") + std::to_string(ids[i]);
    return clause + ")";
}

}  // namespace

Result<int> Store::Impl::metricNameId(std::string_view name, bool create) {
    if (db.rollbackGeneration() != nameIdsGeneration) {
        nameIds.clear();
        nameIdsGeneration = db.rollbackGeneration();
    }
    if (auto it = nameIds.find(name); it != nameIds.end()) return it->second;
    {
        SEQSCOPE_CACHED(q, *this, "SELECT id FROM metric_names WHERE name = ?1");
        auto row = q.bind(1, name).step();
        if (!row) return row.status();
        if (*row) {
            const int id = static_cast<int>(q.int64(0));
            nameIds.emplace(std::string(name), id);
            return id;
        }
    }
    if (!create) return 0;
    SEQSCOPE_CACHED(ins, *this, "INSERT INTO metric_names (name) VALUES (?1)");
    if (Status s = ins.bind(1, name).run(); !s) return s.withContext("adding metric name '" + std::string(name) + "'");
    const int id = static_cast<int>(db.lastInsertRowid());
    nameIds.emplace(std::string(name), id);
    return id;
}

Status Store::appendMetrics(long long runId, const std::vector<MetricPoint>& points) {
    std::lock_guard lock(m_impl->mutex);
    if (Status s = m_impl->writable(); !s) return s;
    for (size_t i = 0; i < points.size(); ++i) {
        const MetricPoint& p = points[i];
        if (p.name.empty()) return Status::invalid("metric point " + std::to_string(i) + " has an empty name");
        if (p.step < 0) return Status::invalid("metric '" + p.name + "' has negative step " + std::to_string(p.step));
        if (p.tokens < 0) return Status::invalid("metric '" + p.name + "' has negative tokens " + std::to_string(p.tokens));
    }
    if (points.empty()) return Status::ok();
    sql::Transaction tx(m_impl->db);
    if (Status s = tx.begin(); !s) return s;
    if (Status s = m_impl->requireRun(runId); !s) return s;
    // REPLACE rather than UPSERT: a rewritten point gets a new seq, so live readers see the change.
    SEQSCOPE_CACHED(ins, *m_impl,
                    "INSERT OR REPLACE INTO metrics (run_id, step, name_id, tokens, flops, wall_time, value)"
                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    for (const MetricPoint& p : points) {
        auto nameId = m_impl->metricNameId(p.name, true);
        if (!nameId) return nameId.status();
        ins.bind(1, runId).bind(2, p.step).bind(3, *nameId).bind(4, p.tokens).bind(5, p.flops);
        ins.bind(6, p.wallTime).bind(7, p.value);
        if (Status s = ins.run(); !s) return s.withContext("appending metrics to run " + std::to_string(runId));
    }
    return tx.commit();
}

Result<std::vector<MetricName>> Store::metricNames() {
    std::lock_guard lock(m_impl->mutex);
    SEQSCOPE_CACHED(q, *m_impl, "SELECT id, name FROM metric_names ORDER BY id");
    std::vector<MetricName> names;
    for (;;) {
        auto row = q.step();
        if (!row) return row.status();
        if (!*row) break;
        names.push_back({static_cast<int>(q.int64(0)), q.text(1)});
    }
    return names;
}

Result<std::vector<MetricRow>> Store::metricsAfterStep(const std::vector<long long>& runIds, long long afterStep,
                                                       const std::vector<std::string>& names) {
    std::lock_guard lock(m_impl->mutex);
    std::vector<int> ids;
    for (const auto& name : names) {
        auto id = m_impl->metricNameId(name, false);
        if (!id) return id.status();
        if (*id) ids.push_back(*id);
    }
    std::vector<MetricRow> rows;
    if (!names.empty() && ids.empty()) return rows;   // none of the names was ever logged
    const std::string sqlText = std::string("SELECT ") + kRowColumns +
                                " FROM metrics WHERE run_id = ?1 AND step > ?2" + nameClause(ids) + " ORDER BY step, name_id";
    auto stmt = m_impl->cache.get(sqlText);
    if (!stmt) return stmt.status();
    sql::Statement& q = **stmt;
    sql::ResetGuard guard(q);
    for (long long runId : runIds) {
        q.reset();
        q.bind(1, runId).bind(2, afterStep);
        for (;;) {
            auto row = q.step();
            if (!row) return row.status();
            if (!*row) break;
            rows.push_back(readRow(q));
        }
    }
    return rows;
}

Result<std::vector<MetricRow>> Store::metricsAfterSeq(std::vector<MetricCursor>& cursors,
                                                      const std::vector<std::string>& names, size_t maxRowsPerRun) {
    std::lock_guard lock(m_impl->mutex);
    std::vector<int> ids;
    for (const auto& name : names) {
        auto id = m_impl->metricNameId(name, false);
        if (!id) return id.status();
        if (*id) ids.push_back(*id);
    }
    std::vector<MetricRow> rows;
    if (!names.empty() && ids.empty()) return rows;
    const std::string sqlText = std::string("SELECT ") + kRowColumns + " FROM metrics WHERE run_id = ?1 AND seq > ?2" +
                                nameClause(ids) + " ORDER BY seq LIMIT ?3";
    auto stmt = m_impl->cache.get(sqlText);
    if (!stmt) return stmt.status();
    sql::Statement& q = **stmt;
    sql::ResetGuard guard(q);
    for (MetricCursor& cursor : cursors) {
        q.reset();
        q.bind(1, cursor.runId).bind(2, cursor.afterSeq).bind(3, maxRowsPerRun ? static_cast<long long>(maxRowsPerRun) : -1LL);
        for (;;) {
            auto row = q.step();
            if (!row) return row.status();
            if (!*row) break;
            rows.push_back(readRow(q));
            cursor.afterSeq = rows.back().seq;
        }
    }
    return rows;
}

Result<std::vector<MetricSummary>> Store::metricSummary(long long runId) {
    std::lock_guard lock(m_impl->mutex);
    if (Status s = m_impl->requireRun(runId); !s) return s;
    SEQSCOPE_CACHED(q, *m_impl,
                    "SELECT n.name, count(*), min(m.step), max(m.step), min(m.value),"
                    " (SELECT l.value FROM metrics AS l WHERE l.run_id = ?1 AND l.name_id = m.name_id"
                    "  ORDER BY l.step DESC LIMIT 1)"
                    " FROM metrics AS m JOIN metric_names AS n ON n.id = m.name_id"
                    " WHERE m.run_id = ?1 GROUP BY m.name_id ORDER BY n.name");
    q.bind(1, runId);
    std::vector<MetricSummary> result;
    for (;;) {
        auto row = q.step();
        if (!row) return row.status();
        if (!*row) break;
        MetricSummary s;
        s.name = q.text(0);
        s.count = q.int64(1);
        s.firstStep = q.int64(2);
        s.lastStep = q.int64(3);
        s.minValue = q.real(4);
        s.lastValue = q.real(5);
        result.push_back(std::move(s));
    }
    return result;
}

Result<long long> Store::metricCount(long long runId) {
    std::lock_guard lock(m_impl->mutex);
    if (runId == 0) return m_impl->db.scalar("SELECT count(*) FROM metrics");
    SEQSCOPE_CACHED(q, *m_impl, "SELECT count(*) FROM metrics WHERE run_id = ?1");
    auto row = q.bind(1, runId).step();
    if (!row) return row.status();
    return q.int64(0);
}

}  // namespace seqscope::storage
