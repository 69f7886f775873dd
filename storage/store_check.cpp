// SPDX-License-Identifier: MIT
// Store::check, behind `seqscope-cli db check`: SQLite's own integrity and foreign-key checks, the
// schema version, interrupted runs and what the file holds.
#include <filesystem>

#include "storage/schema.h"
#include "storage/store.h"
#include "storage/store_impl.h"

namespace seqscope::storage {

Result<CheckReport> Store::check(bool quick) {
    std::lock_guard lock(m_impl->mutex);
    sql::Connection& db = m_impl->db;
    CheckReport report;
    report.path = m_impl->path;
    report.schemaVersion = m_impl->schemaVersion;
    report.supportedSchemaVersion = schema::kSchemaVersion;

    {
        // At most 100 findings: enough to see what is wrong without flooding the terminal.
        auto q = sql::Statement::prepare(db, quick ? "PRAGMA quick_check(100)" : "PRAGMA integrity_check(100)");
        if (!q) return q.status();
        for (;;) {
            auto row = q->step();
            if (!row) return row.status();
            if (!*row) break;
            report.integrityMessages.push_back(q->text(0));
        }
        report.integrityOk = report.integrityMessages.size() == 1 && report.integrityMessages.front() == "ok";
    }
    auto fk = db.scalar("SELECT count(*) FROM pragma_foreign_key_check");
    if (!fk) return fk.status();
    report.foreignKeyProblems = *fk;
    auto mode = db.scalarText("PRAGMA journal_mode");
    if (!mode) return mode.status();
    report.journalMode = *mode;

    report.interruptedRuns = m_impl->interruptedOnOpen;
    if (!m_impl->options.readOnly) {
        auto marked = markInterruptedRuns();
        if (!marked) return marked.status();
        report.interruptedRuns.insert(report.interruptedRuns.end(), marked->begin(), marked->end());
    }

    const std::pair<const char*, long long*> counts[] = {
        {"runs", &report.runs},
        {"metrics", &report.metrics},
        {"metric_names", &report.metricNames},
        {"sweeps", &report.sweeps},
        {"fits", &report.fits},
        {"benchmark_points", &report.benchmarkPoints},
        {"reference_datasets", &report.referenceDatasets},
        {"reference_points", &report.referencePoints}};
    for (const auto& [table, slot] : counts) {
        auto n = db.scalar(std::string("SELECT count(*) FROM ") + table);
        if (!n) return n.status();
        *slot = *n;
    }
    auto byStatus = sql::Statement::prepare(db, "SELECT status, count(*) FROM runs GROUP BY status ORDER BY status");
    if (!byStatus) return byStatus.status();
    for (;;) {
        auto row = byStatus->step();
        if (!row) return row.status();
        if (!*row) break;
        report.runsByStatus[byStatus->text(0)] = byStatus->int64(1);
    }
    std::error_code ec;
    const auto bytes = std::filesystem::file_size(m_impl->path, ec);
    report.fileBytes = ec ? 0 : static_cast<long long>(bytes);
    return report;
}

}  // namespace seqscope::storage
