// SPDX-License-Identifier: MIT
// Store: the records of sweeps trained on a Slurm cluster (store.h "Cluster sweeps", schema v4).
// The workspace never holds a cluster task's metrics writer: each task writes its own file, and
// these rows remember which file belongs to which run and how far it has been merged.
#include <nlohmann/json.hpp>

#include "storage/store.h"
#include "storage/store_impl.h"

namespace seqscope::storage {
namespace {

Status requireSweep(Store::Impl& impl, long long sweepId) {
    SEQSCOPE_CACHED(q, impl, "SELECT 1 FROM sweeps WHERE id = ?1");
    auto found = q.bind(1, sweepId).step();
    if (!found) return found.status();
    if (!*found) return Status::notFound("no sweep with id " + std::to_string(sweepId));
    return Status::ok();
}

ClusterSweepRecord readClusterSweep(const sql::Statement& q) {
    ClusterSweepRecord r;
    r.sweepId = q.int64(0);
    r.folder = q.text(1);
    r.script = q.text(2);
    r.optionsJson = q.text(3);
    r.fittedAt = q.isNull(4) ? 0.0 : q.real(4);
    return r;
}

ClusterTaskRecord readClusterTask(const sql::Statement& q) {
    ClusterTaskRecord t;
    t.sweepId = q.int64(0);
    t.arrayTask = static_cast<int>(q.int64(1));
    t.runUuid = q.text(2);
    t.runFile = q.text(3);
    t.jobId = q.text(4);
    t.slurmState = q.text(5);
    t.cancelRequested = q.int64(6) != 0;
    t.mergedSeq = q.int64(7);
    t.fileSignature = q.text(8);
    return t;
}

}  // namespace

Status Store::putClusterSweep(const ClusterSweepRecord& sweep) {
    std::lock_guard lock(m_impl->mutex);
    if (Status s = m_impl->writable(); !s) return s;
    if (sweep.folder.empty()) return Status::invalid("cluster sweep " + std::to_string(sweep.sweepId) + ": empty folder");
    if (!nlohmann::json::parse(sweep.optionsJson, nullptr, false).is_object())
        return Status::invalid("cluster sweep " + std::to_string(sweep.sweepId) + ": optionsJson is not a JSON object");
    sql::Transaction tx(m_impl->db);
    if (Status s = tx.begin(); !s) return s;
    if (Status s = requireSweep(*m_impl, sweep.sweepId); !s) return s;
    SEQSCOPE_CACHED(ins, *m_impl,
                    "INSERT OR REPLACE INTO slurm_sweeps (sweep_id, folder, script, options_json, fitted_at)"
                    " VALUES (?1, ?2, ?3, ?4, ?5)");
    ins.bind(1, sweep.sweepId).bind(2, sweep.folder).bind(3, sweep.script).bind(4, sweep.optionsJson);
    if (sweep.fittedAt > 0) ins.bind(5, sweep.fittedAt);
    else ins.bindNull(5);
    if (Status s = ins.run(); !s) return s.withContext("recording cluster sweep " + std::to_string(sweep.sweepId));
    return tx.commit();
}

Result<ClusterSweepRecord> Store::clusterSweep(long long sweepId) {
    std::lock_guard lock(m_impl->mutex);
    SEQSCOPE_CACHED(q, *m_impl, "SELECT sweep_id, folder, script, options_json, fitted_at FROM slurm_sweeps WHERE sweep_id = ?1");
    auto found = q.bind(1, sweepId).step();
    if (!found) return found.status();
    if (!*found) return Status::notFound("sweep " + std::to_string(sweepId) + " was not submitted to Slurm");
    return readClusterSweep(q);
}

Result<std::vector<ClusterSweepRecord>> Store::clusterSweeps() {
    std::lock_guard lock(m_impl->mutex);
    SEQSCOPE_CACHED(q, *m_impl, "SELECT sweep_id, folder, script, options_json, fitted_at FROM slurm_sweeps ORDER BY sweep_id");
    std::vector<ClusterSweepRecord> out;
    for (;;) {
        auto row = q.step();
        if (!row) return row.status();
        if (!*row) break;
        out.push_back(readClusterSweep(q));
    }
    return out;
}

Status Store::putClusterTask(const ClusterTaskRecord& t) {
    std::lock_guard lock(m_impl->mutex);
    if (Status s = m_impl->writable(); !s) return s;
    const std::string which = "cluster task " + std::to_string(t.arrayTask) + " of sweep " + std::to_string(t.sweepId);
    if (t.arrayTask < 0) return Status::invalid(which + ": negative array task");
    if (t.runUuid.empty()) return Status::invalid(which + ": empty run uuid");
    if (t.runFile.empty()) return Status::invalid(which + ": empty run file");
    sql::Transaction tx(m_impl->db);
    if (Status s = tx.begin(); !s) return s;
    if (Status s = requireSweep(*m_impl, t.sweepId); !s) return s;
    SEQSCOPE_CACHED(ins, *m_impl,
                    "INSERT OR REPLACE INTO slurm_jobs (sweep_id, array_task, run_uuid, run_file, job_id, slurm_state,"
                    " cancel_requested, merged_seq, file_signature) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    ins.bind(1, t.sweepId).bind(2, t.arrayTask).bind(3, t.runUuid).bind(4, t.runFile).bind(5, t.jobId);
    ins.bind(6, t.slurmState).bind(7, t.cancelRequested ? 1 : 0).bind(8, t.mergedSeq).bind(9, t.fileSignature);
    if (Status s = ins.run(); !s) return s.withContext("recording " + which);
    return tx.commit();
}

Result<std::vector<ClusterTaskRecord>> Store::clusterTasks(long long sweepId) {
    std::lock_guard lock(m_impl->mutex);
    SEQSCOPE_CACHED(q, *m_impl,
                    "SELECT sweep_id, array_task, run_uuid, run_file, job_id, slurm_state, cancel_requested, merged_seq,"
                    " file_signature FROM slurm_jobs WHERE ?1 = 0 OR sweep_id = ?1 ORDER BY sweep_id, array_task");
    q.bind(1, sweepId);
    std::vector<ClusterTaskRecord> out;
    for (;;) {
        auto row = q.step();
        if (!row) return row.status();
        if (!*row) break;
        out.push_back(readClusterTask(q));
    }
    return out;
}

}  // namespace seqscope::storage
