// SPDX-License-Identifier: MIT
// Store: sweeps, fits, inference benchmark points and the read-only reference datasets (store.h).
// Fit input runs are kept as a JSON array rather than a link table on purpose: a fit records what
// it was computed from even after one of those runs is deleted.
#include <nlohmann/json.hpp>

#include "storage/store.h"
#include "storage/store_impl.h"

namespace seqscope::storage {
namespace {

double orZero(double v) { return std::isnan(v) ? 0.0 : v; }

std::string idsToJson(const std::vector<long long>& ids) { return nlohmann::json(ids).dump(); }

std::vector<long long> idsFromJson(const std::string& text) {
    std::vector<long long> ids;
    const auto j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_array())
        for (const auto& v : j)
            if (v.is_number_integer()) ids.push_back(v.get<long long>());
    return ids;
}

template <typename T, typename Read>
Result<std::vector<T>> collect(sql::Statement& q, Read read) {
    std::vector<T> out;
    for (;;) {
        auto row = q.step();
        if (!row) return row.status();
        if (!*row) break;
        out.push_back(read(q));
    }
    return out;
}

SweepRecord readSweep(const sql::Statement& q) {
    SweepRecord s;
    s.id = q.int64(0);
    s.name = q.text(1);
    s.planJson = q.text(2);
    s.notes = q.text(3);
    s.createdAt = orZero(q.real(4));
    return s;
}

}  // namespace

// --- Sweeps ---------------------------------------------------------------------------------------

Result<long long> Store::createSweep(const SweepRecord& sweep) {
    std::lock_guard lock(m_impl->mutex);
    if (Status s = m_impl->writable(); !s) return s;
    if (sweep.name.empty()) return Status::invalid("sweep name is empty");
    const auto plan = nlohmann::json::parse(sweep.planJson, nullptr, false);
    if (!plan.is_object()) return Status::invalid("sweep '" + sweep.name + "' planJson is not a JSON object");
    sql::Transaction tx(m_impl->db);
    if (Status s = tx.begin(); !s) return s;
    {
        SEQSCOPE_CACHED(q, *m_impl, "SELECT 1 FROM sweeps WHERE name = ?1");
        auto taken = q.bind(1, sweep.name).step();
        if (!taken) return taken.status();
        if (*taken) return Status::invalid("a sweep named '" + sweep.name + "' already exists");
    }
    SEQSCOPE_CACHED(ins, *m_impl, "INSERT INTO sweeps (name, plan_json, notes, created_at) VALUES (?1, ?2, ?3, ?4)");
    ins.bind(1, sweep.name).bind(2, sweep.planJson).bind(3, sweep.notes);
    ins.bind(4, sweep.createdAt > 0 ? sweep.createdAt : nowSeconds());
    if (Status s = ins.run(); !s) return s.withContext("creating sweep '" + sweep.name + "'");
    const long long id = m_impl->db.lastInsertRowid();
    if (Status s = tx.commit(); !s) return s;
    return id;
}

Result<std::vector<SweepRecord>> Store::sweeps() {
    std::lock_guard lock(m_impl->mutex);
    SEQSCOPE_CACHED(q, *m_impl, "SELECT id, name, plan_json, notes, created_at FROM sweeps ORDER BY id");
    return collect<SweepRecord>(q, readSweep);
}

Result<SweepRecord> Store::sweepByName(const std::string& name) {
    std::lock_guard lock(m_impl->mutex);
    SEQSCOPE_CACHED(q, *m_impl, "SELECT id, name, plan_json, notes, created_at FROM sweeps WHERE name = ?1");
    q.bind(1, name);
    auto found = collect<SweepRecord>(q, readSweep);
    if (!found) return found.status();
    if (found->empty()) return Status::notFound("no sweep named '" + name + "'");
    return std::move(found->front());
}

// --- Fits -----------------------------------------------------------------------------------------

Result<long long> Store::addFit(const FitRecord& fit) {
    std::lock_guard lock(m_impl->mutex);
    if (Status s = m_impl->writable(); !s) return s;
    std::string error;
    if (!fit.isValid(&error)) return Status::invalid(error);
    SEQSCOPE_CACHED(ins, *m_impl,
                    "INSERT INTO fits (kind, label, input_runs_json, selection_json, params_json, objective,"
                    " options_json, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    ins.bind(1, fit.kind).bind(2, fit.label).bind(3, idsToJson(fit.inputRuns)).bind(4, fit.selectionJson);
    ins.bind(5, fit.paramsJson).bind(6, fit.objective).bind(7, fit.optionsJson);
    ins.bind(8, fit.createdAt > 0 ? fit.createdAt : nowSeconds());
    if (Status s = ins.run(); !s) return s.withContext("adding a fit");
    return m_impl->db.lastInsertRowid();
}

Result<std::vector<FitRecord>> Store::fits() {
    std::lock_guard lock(m_impl->mutex);
    SEQSCOPE_CACHED(q, *m_impl,
                    "SELECT id, kind, label, input_runs_json, selection_json, params_json, objective, options_json,"
                    " created_at FROM fits ORDER BY id");
    return collect<FitRecord>(q, [](const sql::Statement& s) {
        FitRecord f;
        f.id = s.int64(0);
        f.kind = s.text(1);
        f.label = s.text(2);
        f.inputRuns = idsFromJson(s.text(3));
        f.selectionJson = s.text(4);
        f.paramsJson = s.text(5);
        f.objective = s.real(6);
        f.optionsJson = s.text(7);
        f.createdAt = orZero(s.real(8));
        return f;
    });
}

Status Store::deleteFit(long long id) {
    std::lock_guard lock(m_impl->mutex);
    if (Status s = m_impl->writable(); !s) return s;
    SEQSCOPE_CACHED(del, *m_impl, "DELETE FROM fits WHERE id = ?1");
    if (Status s = del.bind(1, id).run(); !s) return s;
    if (m_impl->db.changes() == 0) return Status::notFound("no fit with id " + std::to_string(id));
    return Status::ok();
}

// --- Benchmark points -----------------------------------------------------------------------------

// --- Models -------------------------------------------------------------------------------------

Result<long long> Store::addModel(const ModelRecord& m) {
    std::lock_guard lock(m_impl->mutex);
    if (Status s = m_impl->writable(); !s) return s;
    std::string error;
    if (!m.isValid(&error)) return Status::invalid(error);
    SEQSCOPE_CACHED(taken, *m_impl, "SELECT id FROM models WHERE name = ?1");
    auto found = taken.bind(1, m.name).step();
    if (!found) return found.status();
    if (*found)
        return Status::invalid("a model named '" + m.name + "' is already registered (id " + std::to_string(taken.int64(0)) +
                               "); choose another --name");
    SEQSCOPE_CACHED(ins, *m_impl,
                    "INSERT INTO models (name, path, layout, arch, params, config_json, created_at)"
                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    ins.bind(1, m.name).bind(2, m.path).bind(3, m.layout).bind(4, m.arch).bind(5, m.params).bind(6, m.configJson);
    ins.bind(7, m.createdAt > 0 ? m.createdAt : nowSeconds());
    if (Status s = ins.run(); !s) return s.withContext("registering a model");
    return m_impl->db.lastInsertRowid();
}

namespace {
ModelRecord modelFromRow(const sql::Statement& s) {
    ModelRecord m;
    m.id = s.int64(0);
    m.name = s.text(1);
    m.path = s.text(2);
    m.layout = s.text(3);
    m.arch = s.text(4);
    m.params = s.int64(5);
    m.configJson = s.text(6);
    m.createdAt = orZero(s.real(7));
    return m;
}
}  // namespace

Result<std::vector<ModelRecord>> Store::models() {
    std::lock_guard lock(m_impl->mutex);
    SEQSCOPE_CACHED(q, *m_impl, "SELECT id, name, path, layout, arch, params, config_json, created_at FROM models ORDER BY id");
    return collect<ModelRecord>(q, modelFromRow);
}

Result<ModelRecord> Store::model(const std::string& idOrName) {
    std::lock_guard lock(m_impl->mutex);
    SEQSCOPE_CACHED(q, *m_impl,
                    "SELECT id, name, path, layout, arch, params, config_json, created_at FROM models"
                    " WHERE name = ?1 OR (CAST(id AS TEXT) = ?1) ORDER BY name = ?1 DESC LIMIT 1");
    auto found = q.bind(1, idOrName).step();
    if (!found) return found.status();
    if (!*found) return Status::notFound("no model named or numbered '" + idOrName + "' (see: seqscope-cli model list)");
    return modelFromRow(q);
}

Status Store::deleteModel(long long id) {
    std::lock_guard lock(m_impl->mutex);
    if (Status s = m_impl->writable(); !s) return s;
    SEQSCOPE_CACHED(del, *m_impl, "DELETE FROM models WHERE id = ?1");
    if (Status s = del.bind(1, id).run(); !s) return s;
    if (m_impl->db.changes() == 0) return Status::notFound("no model with id " + std::to_string(id));
    return Status::ok();
}

Result<long long> Store::addBenchmarkPoint(const BenchmarkPoint& p) {
    std::lock_guard lock(m_impl->mutex);
    if (Status s = m_impl->writable(); !s) return s;
    std::string error;
    if (!p.isValid(&error)) return Status::invalid(error);
    SEQSCOPE_CACHED(ins, *m_impl,
                    "INSERT INTO benchmark_points (label, arch, params, config_json, batch, prefill_len, generated_tokens,"
                    " ttft_ms, step_ms, peak_memory_bytes, device, status, message, created_at)"
                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
    ins.bind(1, p.label).bind(2, p.arch).bind(3, p.params).bind(4, p.configJson).bind(5, p.batch);
    ins.bind(6, p.prefillLength).bind(7, p.generatedTokens).bind(8, p.ttftMs).bind(9, p.stepMs);
    ins.bind(10, p.peakMemoryBytes).bind(11, p.device).bind(12, p.status).bind(13, p.message);
    ins.bind(14, p.createdAt > 0 ? p.createdAt : nowSeconds());
    if (Status s = ins.run(); !s) return s.withContext("adding a benchmark point");
    return m_impl->db.lastInsertRowid();
}

Result<std::vector<BenchmarkPoint>> Store::benchmarkPoints() {
    std::lock_guard lock(m_impl->mutex);
    SEQSCOPE_CACHED(q, *m_impl,
                    "SELECT id, label, arch, params, config_json, batch, prefill_len, generated_tokens, ttft_ms, step_ms,"
                    " peak_memory_bytes, device, status, message, created_at FROM benchmark_points ORDER BY id");
    return collect<BenchmarkPoint>(q, [](const sql::Statement& s) {
        BenchmarkPoint p;
        p.id = s.int64(0);
        p.label = s.text(1);
        p.arch = s.text(2);
        p.params = orZero(s.real(3));
        p.configJson = s.text(4);
        p.batch = s.int64(5);
        p.prefillLength = s.int64(6);
        p.generatedTokens = s.int64(7);
        p.ttftMs = s.real(8);
        p.stepMs = s.real(9);
        p.peakMemoryBytes = s.int64(10);
        p.device = s.text(11);
        p.status = s.text(12);
        p.message = s.text(13);
        p.createdAt = orZero(s.real(14));
        return p;
    });
}

Status Store::deleteBenchmarkPoint(long long id) {
    std::lock_guard lock(m_impl->mutex);
    if (Status s = m_impl->writable(); !s) return s;
    SEQSCOPE_CACHED(del, *m_impl, "DELETE FROM benchmark_points WHERE id = ?1");
    if (Status s = del.bind(1, id).run(); !s) return s;
    if (m_impl->db.changes() == 0) return Status::notFound("no benchmark point with id " + std::to_string(id));
    return Status::ok();
}

// --- Reference datasets ---------------------------------------------------------------------------

Status Store::importReferenceDataset(const ReferenceDatasetInfo& info, const std::vector<ResultRow>& rows) {
    std::lock_guard lock(m_impl->mutex);
    if (Status s = m_impl->writable(); !s) return s;
    if (info.name.empty()) return Status::invalid("reference dataset name is empty");
    for (size_t i = 0; i < rows.size(); ++i)
        if (rows[i].arch.empty())
            return Status::invalid("reference dataset '" + info.name + "' row " + std::to_string(i + 1) + " has no arch");
    sql::Transaction tx(m_impl->db);
    if (Status s = tx.begin(); !s) return s;
    {
        SEQSCOPE_CACHED(q, *m_impl, "SELECT row_count FROM reference_datasets WHERE name = ?1");
        auto found = q.bind(1, info.name).step();
        if (!found) return found.status();
        if (*found) {
            const long long existing = q.int64(0);
            if (existing == static_cast<long long>(rows.size())) return Status::ok();   // already there
            return {StatusCode::Incompatible,
                    "reference dataset '" + info.name + "' already exists with " + std::to_string(existing) +
                        " rows, not " + std::to_string(rows.size()) +
                        "; reference datasets are read-only, import the new version under another name"};
        }
    }
    SEQSCOPE_CACHED(ds, *m_impl,
                    "INSERT INTO reference_datasets (name, title, source, citation, license, notes, row_count, imported_at)"
                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    ds.bind(1, info.name).bind(2, info.title).bind(3, info.source).bind(4, info.citation).bind(5, info.license);
    ds.bind(6, info.notes).bind(7, static_cast<long long>(rows.size())).bind(8, nowSeconds());
    if (Status s = ds.run(); !s) return s.withContext("importing reference dataset '" + info.name + "'");
    const long long datasetId = m_impl->db.lastInsertRowid();
    SEQSCOPE_CACHED(pt, *m_impl,
                    "INSERT INTO reference_points (dataset_id, row_index, arch, set_name, run, ctx, params, tokens, flops,"
                    " loss, budget, included, excluded_reason, extra_json, source_line)"
                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)");
    for (size_t i = 0; i < rows.size(); ++i) {
        const ResultRow& r = rows[i];
        pt.bind(1, datasetId).bind(2, static_cast<long long>(i)).bind(3, r.arch).bind(4, r.set).bind(5, r.run);
        pt.bind(6, r.ctx).bind(7, r.params).bind(8, r.tokens).bind(9, r.flops).bind(10, r.loss).bind(11, r.budget);
        pt.bind(12, r.included ? 1 : 0).bind(13, r.excludedReason).bind(14, r.extraJson).bind(15, r.sourceLine);
        if (Status s = pt.run(); !s)
            return s.withContext("importing row " + std::to_string(i + 1) + " of reference dataset '" + info.name + "'");
    }
    return tx.commit();
}

Result<std::vector<ReferenceDatasetInfo>> Store::referenceDatasets() {
    std::lock_guard lock(m_impl->mutex);
    SEQSCOPE_CACHED(q, *m_impl,
                    "SELECT name, title, source, citation, license, notes, id, row_count, imported_at"
                    " FROM reference_datasets ORDER BY name");
    return collect<ReferenceDatasetInfo>(q, [](const sql::Statement& s) {
        ReferenceDatasetInfo d;
        d.name = s.text(0);
        d.title = s.text(1);
        d.source = s.text(2);
        d.citation = s.text(3);
        d.license = s.text(4);
        d.notes = s.text(5);
        d.id = s.int64(6);
        d.rowCount = s.int64(7);
        d.importedAt = orZero(s.real(8));
        return d;
    });
}

Result<std::vector<ResultRow>> Store::resultRows(const std::string& dataset) {
    std::lock_guard lock(m_impl->mutex);
    {
        SEQSCOPE_CACHED(q, *m_impl, "SELECT 1 FROM reference_datasets WHERE name = ?1");
        auto found = q.bind(1, dataset).step();
        if (!found) return found.status();
        if (!*found) return Status::notFound("no reference dataset named '" + dataset + "'");
    }
    SEQSCOPE_CACHED(q, *m_impl,
                    "SELECT p.arch, p.set_name, p.run, p.excluded_reason, p.ctx, p.params, p.tokens, p.flops, p.loss,"
                    " p.budget, p.included, p.extra_json, p.source_line FROM reference_points AS p"
                    " JOIN reference_datasets AS d ON d.id = p.dataset_id WHERE d.name = ?1 ORDER BY p.row_index");
    q.bind(1, dataset);
    return collect<ResultRow>(q, [](const sql::Statement& s) {
        ResultRow r;
        r.arch = s.text(0);
        r.set = s.text(1);
        r.run = s.text(2);
        r.excludedReason = s.text(3);
        r.ctx = s.int64(4);
        r.params = s.real(5);
        r.tokens = s.real(6);
        r.flops = s.real(7);
        r.loss = s.real(8);
        r.budget = s.real(9);
        r.included = s.int64(10) != 0;
        r.extraJson = s.text(11);
        r.sourceLine = static_cast<int>(s.int64(12));
        return r;
    });
}

}  // namespace seqscope::storage
