// SPDX-License-Identifier: MIT
// Schema v1 to v4 and the file inspection of schema.h. Times are unix seconds (UTC, REAL); NaN
// numbers are stored as NULL. The v1 -> v2 step is a real table rebuild (metric names interned,
// insertion order kept as `seq`), so the migration path is exercised from the first release on.
#include "storage/schema.h"

#include <sqlite3.h>

#include <cstring>
#include <filesystem>
#include <fstream>

namespace seqscope::storage::schema {
namespace {

constexpr const char* kVersion1 = R"sql(
CREATE TABLE sweeps (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  plan_json   TEXT NOT NULL DEFAULT '{}',
  notes       TEXT NOT NULL DEFAULT '',
  created_at  REAL NOT NULL
);
CREATE TABLE runs (
  id                 INTEGER PRIMARY KEY,
  name               TEXT NOT NULL DEFAULT '',
  arch               TEXT NOT NULL,
  config_json        TEXT NOT NULL DEFAULT '{}',
  params             REAL NOT NULL DEFAULT 0,
  flops_per_token    REAL NOT NULL DEFAULT 0,
  flops_per_sequence REAL NOT NULL DEFAULT 0,
  ctx                INTEGER NOT NULL DEFAULT 0,
  dataset            TEXT NOT NULL DEFAULT '',
  device             TEXT NOT NULL DEFAULT '',
  seed               INTEGER NOT NULL DEFAULT 0,
  status             TEXT NOT NULL DEFAULT 'queued' CHECK (status IN
                       ('queued','running','finished','failed','diverged','cancelled','interrupted')),
  failure_reason     TEXT NOT NULL DEFAULT '',
  created_at         REAL NOT NULL,
  started_at         REAL,
  ended_at           REAL,
  host               TEXT NOT NULL DEFAULT '',
  pid                INTEGER NOT NULL DEFAULT 0,
  seqscope_version   TEXT NOT NULL DEFAULT '',
  notes              TEXT NOT NULL DEFAULT '',
  sweep_id           INTEGER REFERENCES sweeps(id) ON DELETE SET NULL
);
CREATE INDEX runs_status ON runs(status);
CREATE INDEX runs_sweep ON runs(sweep_id);
CREATE TABLE run_tags (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  tag    TEXT NOT NULL,
  PRIMARY KEY (run_id, tag)
) WITHOUT ROWID;
CREATE INDEX run_tags_tag ON run_tags(tag);
CREATE TABLE metrics (
  run_id    INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  step      INTEGER NOT NULL,
  name      TEXT NOT NULL,
  tokens    INTEGER NOT NULL DEFAULT 0,
  flops     REAL NOT NULL DEFAULT 0,
  wall_time REAL NOT NULL DEFAULT 0,
  value     REAL
);
CREATE UNIQUE INDEX metrics_run_step_name ON metrics(run_id, step, name);
CREATE TABLE fits (
  id              INTEGER PRIMARY KEY,
  kind            TEXT NOT NULL,
  label           TEXT NOT NULL DEFAULT '',
  input_runs_json TEXT NOT NULL DEFAULT '[]',
  selection_json  TEXT NOT NULL DEFAULT '{}',
  params_json     TEXT NOT NULL DEFAULT '{}',
  objective       REAL,
  options_json    TEXT NOT NULL DEFAULT '{}',
  created_at      REAL NOT NULL
);
CREATE TABLE reference_datasets (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  title       TEXT NOT NULL DEFAULT '',
  source      TEXT NOT NULL DEFAULT '',
  citation    TEXT NOT NULL DEFAULT '',
  license     TEXT NOT NULL DEFAULT '',
  notes       TEXT NOT NULL DEFAULT '',
  row_count   INTEGER NOT NULL,
  imported_at REAL NOT NULL
);
CREATE TABLE reference_points (
  dataset_id      INTEGER NOT NULL REFERENCES reference_datasets(id),
  row_index       INTEGER NOT NULL,
  arch            TEXT NOT NULL,
  set_name        TEXT NOT NULL DEFAULT '',
  run             TEXT NOT NULL DEFAULT '',
  ctx             INTEGER NOT NULL DEFAULT 0,
  params          REAL,
  tokens          REAL,
  flops           REAL,
  loss            REAL,
  budget          REAL,
  included        INTEGER NOT NULL DEFAULT 1,
  excluded_reason TEXT NOT NULL DEFAULT '',
  extra_json      TEXT NOT NULL DEFAULT '{}',
  source_line     INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (dataset_id, row_index)
) WITHOUT ROWID;
-- Reference datasets are published numbers: the store only ever inserts them.
CREATE TRIGGER reference_datasets_no_update BEFORE UPDATE ON reference_datasets
  BEGIN SELECT RAISE(ABORT, 'reference datasets are read-only'); END;
CREATE TRIGGER reference_datasets_no_delete BEFORE DELETE ON reference_datasets
  BEGIN SELECT RAISE(ABORT, 'reference datasets are read-only'); END;
CREATE TRIGGER reference_points_no_update BEFORE UPDATE ON reference_points
  BEGIN SELECT RAISE(ABORT, 'reference datasets are read-only'); END;
CREATE TRIGGER reference_points_no_delete BEFORE DELETE ON reference_points
  BEGIN SELECT RAISE(ABORT, 'reference datasets are read-only'); END;
)sql";

// Metrics rebuilt compactly: a 1-byte name id instead of the name text in every row, and `seq`
// (the rowid, in insertion order) so a live reader asks for "rows after seq X" and its cost does
// not grow with the run's length. (run_id, step, name_id) stays unique: one value per step.
constexpr const char* kVersion2 = R"sql(
ALTER TABLE runs ADD COLUMN process_start INTEGER NOT NULL DEFAULT 0;
CREATE TABLE metric_names (
  id   INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);
INSERT INTO metric_names(name) SELECT DISTINCT name FROM metrics ORDER BY name;
CREATE TABLE metrics_v2 (
  seq       INTEGER PRIMARY KEY,
  run_id    INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  step      INTEGER NOT NULL,
  name_id   INTEGER NOT NULL REFERENCES metric_names(id),
  tokens    INTEGER NOT NULL DEFAULT 0,
  flops     REAL NOT NULL DEFAULT 0,
  wall_time REAL NOT NULL DEFAULT 0,
  value     REAL
);
INSERT INTO metrics_v2(run_id, step, name_id, tokens, flops, wall_time, value)
  SELECT m.run_id, m.step, n.id, m.tokens, m.flops, m.wall_time, m.value
  FROM metrics AS m JOIN metric_names AS n ON n.name = m.name ORDER BY m.rowid;
DROP TABLE metrics;
ALTER TABLE metrics_v2 RENAME TO metrics;
CREATE UNIQUE INDEX metrics_run_step ON metrics(run_id, step, name_id);
CREATE INDEX metrics_run_seq ON metrics(run_id, seq);
CREATE TABLE benchmark_points (
  id                INTEGER PRIMARY KEY,
  label             TEXT NOT NULL DEFAULT '',
  arch              TEXT NOT NULL DEFAULT '',
  params            REAL NOT NULL DEFAULT 0,
  config_json       TEXT NOT NULL DEFAULT '{}',
  batch             INTEGER NOT NULL,
  prefill_len       INTEGER NOT NULL,
  generated_tokens  INTEGER NOT NULL,
  ttft_ms           REAL,
  step_ms           REAL,
  peak_memory_bytes INTEGER NOT NULL DEFAULT 0,
  device            TEXT NOT NULL DEFAULT '',
  status            TEXT NOT NULL DEFAULT 'ok',
  message           TEXT NOT NULL DEFAULT '',
  created_at        REAL NOT NULL
);
)sql";

// v3 (issue 15): model directories registered with `model import`. The weights stay where they are
// (a 7B model is 14 GB); the row records where, in which layout, and the parsed config.
constexpr const char* kVersion3 = R"sql(
CREATE TABLE models (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL UNIQUE,
  path         TEXT NOT NULL,
  layout       TEXT NOT NULL,
  arch         TEXT NOT NULL,
  params       INTEGER NOT NULL,
  config_json  TEXT NOT NULL DEFAULT '{}',
  created_at   REAL NOT NULL
);
)sql";

// v4 (issue 17): sweeps trained on a Slurm cluster. Every run gets a UUID, the identity that
// survives a trip through another database (a cluster task trains its run in a file of its own,
// storage/run_merge.h merges it back by UUID). Existing runs get random version-4 UUIDs (randomblob
// is evaluated per row). slurm_sweeps: where a cluster sweep's files are and whether it was fitted;
// slurm_jobs: one row per array task, the run it trains, its file, the latest submission's job id,
// the last Slurm state seen and how far the file has been merged (the file's metrics seq).
constexpr const char* kVersion4 = R"sql(
ALTER TABLE runs ADD COLUMN uuid TEXT;
UPDATE runs SET uuid = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' ||
  substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) ||
  substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)));
CREATE UNIQUE INDEX runs_uuid ON runs(uuid);
CREATE TABLE slurm_sweeps (
  sweep_id     INTEGER PRIMARY KEY REFERENCES sweeps(id) ON DELETE CASCADE,
  folder       TEXT NOT NULL,
  script       TEXT NOT NULL,
  options_json TEXT NOT NULL DEFAULT '{}',
  fitted_at    REAL
);
CREATE TABLE slurm_jobs (
  sweep_id         INTEGER NOT NULL REFERENCES sweeps(id) ON DELETE CASCADE,
  array_task       INTEGER NOT NULL,
  run_uuid         TEXT NOT NULL,
  run_file         TEXT NOT NULL,
  job_id           TEXT NOT NULL DEFAULT '',
  slurm_state      TEXT NOT NULL DEFAULT '',
  cancel_requested INTEGER NOT NULL DEFAULT 0,
  merged_seq       INTEGER NOT NULL DEFAULT 0,
  file_signature   TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (sweep_id, array_task)
);
CREATE INDEX slurm_jobs_run ON slurm_jobs(run_uuid);
)sql";

const char* migrationSql(int version) {
    switch (version) {
        case 1: return kVersion1;
        case 2: return kVersion2;
        case 3: return kVersion3;
        case 4: return kVersion4;
        default: return nullptr;
    }
}

constexpr unsigned char kSqliteMagic[16] = {'S', 'Q', 'L', 'i', 't', 'e', ' ', 'f',
                                            'o', 'r', 'm', 'a', 't', ' ', '3', '\0'};

}  // namespace

FileInspection inspectFile(const std::string& path, bool readRawHeader) {
    namespace fs = std::filesystem;
    FileInspection result;
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) return result;   // Missing
    if (!fs::is_regular_file(status)) {
        result.kind = FileKind::NotSqlite;
        result.detail = "it is not a regular file";
        return result;
    }
    const auto size = fs::file_size(path, ec);
    if (!ec && size == 0) {
        result.kind = FileKind::Empty;
        return result;
    }
    unsigned char header[100] = {};
    std::ifstream in;
    if (readRawHeader) in.open(path, std::ios::binary);
    if (readRawHeader && !in) {
        result.kind = FileKind::NotSqlite;
        result.detail = "it cannot be read";
        return result;
    }
    if (readRawHeader) in.read(reinterpret_cast<char*>(header), sizeof header);
    if (readRawHeader && (in.gcount() < static_cast<std::streamsize>(sizeof header) ||
                          std::memcmp(header, kSqliteMagic, sizeof kSqliteMagic) != 0)) {
        result.kind = FileKind::NotSqlite;
        result.detail = "it has no SQLite header";
        return result;
    }

    // An I/O error (a full disk: reading a WAL database needs room for its -shm file) says nothing
    // about the file; only SQLite's own complaints about its content make it corrupt.
    const auto failed = [&](const Status& s) {
        result.kind = s.code() == StatusCode::IoError ? FileKind::Unreadable : FileKind::Corrupt;
        result.detail = s.message();
        return result;
    };
    auto conn = sql::Connection::open(path, SQLITE_OPEN_READONLY);
    if (!conn) return failed(conn.status());
    auto appId = conn->scalar("PRAGMA application_id");
    auto version = conn->scalar("PRAGMA user_version");
    auto objects = conn->scalar("SELECT count(*) FROM sqlite_master");
    for (const auto* r : {&appId, &version, &objects})
        if (!r->isOk()) return failed(r->status());
    result.applicationId = static_cast<int>(*appId);
    result.schemaVersion = static_cast<int>(*version);
    if (result.applicationId == kApplicationId)
        result.kind = result.schemaVersion > kSchemaVersion ? FileKind::NewerSeqscope : FileKind::Seqscope;
    else if (result.applicationId == 0 && result.schemaVersion == 0 && *objects == 0)
        result.kind = FileKind::Empty;
    else {
        result.kind = FileKind::ForeignSqlite;
        char id[16];
        std::snprintf(id, sizeof id, "0x%08x", static_cast<unsigned>(result.applicationId));
        result.detail = "it is an SQLite database of another program (application_id " + std::string(id) + ", " +
                        std::to_string(*objects) + " schema objects)";
    }
    return result;
}

Status refusalFor(const std::string& path, const FileInspection& inspection) {
    const std::string untouched = "; the file was left unchanged";
    switch (inspection.kind) {
        case FileKind::Missing:
        case FileKind::Empty:
        case FileKind::Seqscope: return Status::ok();
        case FileKind::NewerSeqscope:
            return {StatusCode::Incompatible,
                    "'" + path + "' was written by a newer Seqscope (schema version " +
                        std::to_string(inspection.schemaVersion) + "; this build reads up to " +
                        std::to_string(kSchemaVersion) + "). Upgrade Seqscope to open it" + untouched};
        case FileKind::ForeignSqlite:
        case FileKind::NotSqlite:
            return {StatusCode::Incompatible,
                    "'" + path + "' is not a Seqscope database: " + inspection.detail + untouched};
        case FileKind::Corrupt:
            return {StatusCode::Corrupt, "'" + path + "' is a corrupt SQLite file (" + inspection.detail + ")" + untouched};
        case FileKind::Unreadable:
            return {StatusCode::IoError, "cannot read '" + path + "' (" + inspection.detail +
                                             "); if its disk is full, free some space: SQLite needs room for a small "
                                             "shared-memory file even to read it" + untouched};
    }
    return {StatusCode::Internal, "unknown file kind"};
}

Status migrate(sql::Connection& db, int target) {
    if (target < 1 || target > kSchemaVersion)
        return {StatusCode::Internal, "no schema version " + std::to_string(target)};
    // Up to date (the common case): no write lock, so opening never waits for a busy writer.
    {
        auto appId = db.scalar("PRAGMA application_id");
        auto version = db.scalar("PRAGMA user_version");
        if (appId && version && *appId == kApplicationId && *version == target) return Status::ok();
    }
    sql::Transaction tx(db);
    if (Status s = tx.begin(); !s) return s.withContext("upgrading the schema");
    // Re-read under the write lock: another process may have created or upgraded it meanwhile.
    auto appId = db.scalar("PRAGMA application_id");
    auto version = db.scalar("PRAGMA user_version");
    auto objects = db.scalar("SELECT count(*) FROM sqlite_master");
    if (!appId) return appId.status();
    if (!version) return version.status();
    if (!objects) return objects.status();
    const bool empty = *appId == 0 && *version == 0 && *objects == 0;
    if (!empty && *appId != kApplicationId)
        return {StatusCode::Incompatible, "not a Seqscope database (application_id changed while opening)"};
    if (*version > kSchemaVersion)
        return {StatusCode::Incompatible, "written by a newer Seqscope (schema version " + std::to_string(*version) + ")"};
    if (*version >= target) return Status::ok();   // rolled back by tx: nothing was written

    for (int v = static_cast<int>(*version) + 1; v <= target; ++v) {
        if (Status s = db.exec(migrationSql(v), "migrating to schema version " + std::to_string(v)); !s) return s;
    }
    if (Status s = db.exec("PRAGMA application_id = " + std::to_string(kApplicationId)); !s) return s;
    if (Status s = db.exec("PRAGMA user_version = " + std::to_string(target)); !s) return s;
    auto fkProblems = db.scalar("SELECT count(*) FROM pragma_foreign_key_check");
    if (!fkProblems) return fkProblems.status();
    if (*fkProblems != 0)
        return {StatusCode::Corrupt, std::to_string(*fkProblems) + " rows break foreign keys after the migration; nothing was changed"};
    return tx.commit();
}

}  // namespace seqscope::storage::schema
