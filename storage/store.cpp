// SPDX-License-Identifier: MIT
// Store: opening (inspect read-only, then WAL + migrations), transactions and the runs table
// (store.h). Metrics are in store_metrics.cpp; sweeps, fits, benchmarks and reference datasets in
// store_catalog.cpp; the integrity report in store_check.cpp.
#include "storage/store.h"

#include <sqlite3.h>

#include <sys/stat.h>

#include <algorithm>
#include <map>
#include <mutex>
#include <random>

#include "common/version.h"
#include "storage/paths.h"
#include "storage/schema.h"
#include "storage/store_impl.h"

namespace seqscope::storage {
namespace {

constexpr const char* kRunColumns =
    "id, name, arch, config_json, params, flops_per_token, flops_per_sequence, ctx, dataset, device, seed, "
    "status, failure_reason, created_at, started_at, ended_at, host, pid, process_start, seqscope_version, "
    "notes, sweep_id, uuid";

double orZero(double v) { return std::isnan(v) ? 0.0 : v; }

RunRecord readRun(const sql::Statement& s) {
    RunRecord r;
    r.id = s.int64(0);
    r.name = s.text(1);
    r.arch = s.text(2);
    r.configJson = s.text(3);
    r.params = s.real(4);
    r.flopsPerToken = s.real(5);
    r.flopsPerSequence = s.real(6);
    r.ctx = s.int64(7);
    r.dataset = s.text(8);
    r.device = s.text(9);
    r.seed = s.int64(10);
    if (!parseRunStatus(s.text(11), &r.status)) r.status = RunStatus::Failed;   // CHECK makes this unreachable
    r.failureReason = s.text(12);
    r.createdAt = orZero(s.real(13));
    r.startedAt = orZero(s.real(14));
    r.endedAt = orZero(s.real(15));
    r.host = s.text(16);
    r.pid = s.int64(17);
    r.processStart = s.int64(18);
    r.seqscopeVersion = s.text(19);
    r.notes = s.text(20);
    r.sweepId = s.int64(21);
    r.uuid = s.text(22);
    return r;
}

// A random RFC 4122 version-4 UUID ("xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx"), 122 random bits.
std::string newUuid() {
    static std::mutex mutex;
    static std::mt19937_64 rng{std::random_device{}() ^ (static_cast<unsigned long long>(std::random_device{}()) << 32)};
    unsigned char b[16];
    {
        std::lock_guard lock(mutex);
        for (int i = 0; i < 16; i += 8) {
            const unsigned long long v = rng();
            for (int k = 0; k < 8; ++k) b[i + k] = static_cast<unsigned char>(v >> (8 * k));
        }
    }
    b[6] = static_cast<unsigned char>((b[6] & 0x0f) | 0x40);   // version 4
    b[8] = static_cast<unsigned char>((b[8] & 0x3f) | 0x80);   // variant 10
    static const char* hex = "0123456789abcdef";
    std::string out;
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
        out += hex[b[i] >> 4];
        out += hex[b[i] & 15];
    }
    return out;
}

void bindTime(sql::Statement& s, int index, double seconds) {
    if (seconds > 0) s.bind(index, seconds);
    else s.bindNull(index);
}

}  // namespace

bool StoreOptions::isValid(std::string* error) const {
    if (busyTimeoutMs < 0) {
        if (error) *error = "busyTimeoutMs " + std::to_string(busyTimeoutMs) + " is negative";
        return false;
    }
    return true;
}

// --- Impl helpers ---------------------------------------------------------------------------------

Result<bool> Store::Impl::runExists(long long id) {
    SEQSCOPE_CACHED(s, *this, "SELECT 1 FROM runs WHERE id = ?1");
    s.bind(1, id);
    return s.step();
}

Status Store::Impl::requireRun(long long id) {
    auto exists = runExists(id);
    if (!exists) return exists.status();
    if (!*exists) return Status::notFound("no run with id " + std::to_string(id));
    return Status::ok();
}

// --- Opening --------------------------------------------------------------------------------------

Store::Store(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
namespace {
struct OpenFiles {
    std::mutex mutex;
    std::map<std::pair<unsigned long long, unsigned long long>, int> counts;   // (dev, ino) -> Stores
    std::map<unsigned long long, std::pair<unsigned long long, unsigned long long>> tokens;
    unsigned long long next = 1;
};
OpenFiles& openFiles() {
    static OpenFiles files;
    return files;
}
bool fileId(const std::string& path, std::pair<unsigned long long, unsigned long long>* id) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return false;
    *id = {static_cast<unsigned long long>(st.st_dev), static_cast<unsigned long long>(st.st_ino)};
    return true;
}
}  // namespace

bool OpenFileRegistry::isOpen(const std::string& path) {
    std::pair<unsigned long long, unsigned long long> id;
    if (!fileId(path, &id)) return false;
    auto& f = openFiles();
    std::lock_guard lock(f.mutex);
    auto it = f.counts.find(id);
    return it != f.counts.end() && it->second > 0;
}

unsigned long long OpenFileRegistry::acquire(const std::string& path) {
    std::pair<unsigned long long, unsigned long long> id;
    if (!fileId(path, &id)) return 0;
    auto& f = openFiles();
    std::lock_guard lock(f.mutex);
    ++f.counts[id];
    const unsigned long long token = f.next++;
    f.tokens[token] = id;
    return token;
}

void OpenFileRegistry::release(unsigned long long token) {
    if (token == 0) return;
    auto& f = openFiles();
    std::lock_guard lock(f.mutex);
    auto it = f.tokens.find(token);
    if (it == f.tokens.end()) return;
    if (--f.counts[it->second] <= 0) f.counts.erase(it->second);
    f.tokens.erase(it);
}

Store::~Store() = default;

Result<std::unique_ptr<Store>> Store::open(const std::string& path, const StoreOptions& options) {
    std::string error;
    if (!options.isValid(&error)) return Status::invalid("store options: " + error);
    if (path.empty()) return Status::invalid("empty database path");

    // Decide from a read-only look whether we may write at all; a foreign file is never touched.
    const schema::FileInspection inspection = schema::inspectFile(path, !OpenFileRegistry::isOpen(path));
    if (Status refusal = schema::refusalFor(path, inspection); !refusal) return refusal;
    const bool missing = inspection.kind == schema::FileKind::Missing;
    if (missing && (options.readOnly || !options.createIfMissing))
        return Status::notFound("no database at '" + path + "'");
    if (options.readOnly && inspection.kind == schema::FileKind::Empty)
        return Status(StatusCode::Incompatible, "'" + path + "' is empty: there is nothing to read yet");
    if (options.readOnly && inspection.schemaVersion < schema::kSchemaVersion)
        return Status(StatusCode::Incompatible, "'" + path + "' has schema version " + std::to_string(inspection.schemaVersion) +
                                              " and needs an upgrade to " + std::to_string(schema::kSchemaVersion) +
                                              "; open it once without read-only");
    if (missing) {
        if (std::string e = ensureParentDirectory(path); !e.empty()) return Status::io(e);
    }

    auto impl = std::make_unique<Impl>();
    impl->path = path;
    impl->options = options;
    const int flags = SQLITE_OPEN_NOMUTEX |
                      (options.readOnly ? SQLITE_OPEN_READONLY
                                        : SQLITE_OPEN_READWRITE | (missing ? SQLITE_OPEN_CREATE : 0));
    auto conn = sql::Connection::open(path, flags);
    if (!conn) return conn.status();
    impl->db = std::move(*conn);
    impl->openFile.token = OpenFileRegistry::acquire(path);
    sql::Connection& db = impl->db;
    sqlite3_busy_timeout(db.get(), options.busyTimeoutMs);

    if (options.readOnly) {
        if (Status s = db.exec("PRAGMA query_only = ON"); !s) return s;
    } else {
        auto mode = db.scalarText("PRAGMA journal_mode = WAL");
        if (!mode) return Status(mode.status()).withContext("opening '" + path + "'");
        // synchronous=NORMAL in WAL: commits survive a killed process; only power loss may undo the latest.
        if (Status s = db.exec("PRAGMA synchronous = NORMAL"); !s) return s;
        if (Status s = db.exec("PRAGMA foreign_keys = OFF"); !s) return s;   // v2 rebuilds a table
        if (Status s = schema::migrate(db); !s) return s.withContext("opening '" + path + "'");
    }
    if (Status s = db.exec("PRAGMA foreign_keys = ON"); !s) return s;
    auto version = db.scalar("PRAGMA user_version");
    if (!version) return version.status();
    impl->schemaVersion = static_cast<int>(*version);
    if (impl->schemaVersion != schema::kSchemaVersion)
        return Status(StatusCode::Incompatible, "'" + path + "' has schema version " + std::to_string(impl->schemaVersion) +
                                              " after opening; expected " + std::to_string(schema::kSchemaVersion));

    std::unique_ptr<Store> store(new Store(std::move(impl)));
    if (!options.readOnly && options.markInterruptedRuns) {
        // On a full disk the marking cannot be written; the file must still open (to look at it, to
        // export from it). The runs are marked at the next open that has room.
        auto marked = store->markInterruptedRuns();
        if (marked) store->m_impl->interruptedOnOpen = std::move(*marked);
        else if (marked.status().code() != StatusCode::IoError) return marked.status();
    }
    return store;
}

const std::string& Store::path() const { return m_impl->path; }
int Store::schemaVersion() const { return m_impl->schemaVersion; }
bool Store::isReadOnly() const { return m_impl->options.readOnly; }
const std::vector<long long>& Store::interruptedOnOpen() const { return m_impl->interruptedOnOpen; }

Status Store::transact(const std::function<Status()>& body) {
    std::lock_guard lock(m_impl->mutex);
    if (Status s = m_impl->writable(); !s) return s;
    sql::Transaction tx(m_impl->db);
    if (Status s = tx.begin(); !s) return s;
    Status s = body();
    if (!s) return s;   // tx rolls back
    return tx.commit();
}

// --- Runs -----------------------------------------------------------------------------------------

Result<long long> Store::createRun(const RunRecord& input) {
    std::lock_guard lock(m_impl->mutex);
    if (Status s = m_impl->writable(); !s) return s;
    std::string error;
    if (!input.isValid(&error)) return Status::invalid(error);
    RunRecord run = input;
    if (run.createdAt <= 0) run.createdAt = nowSeconds();
    if (run.seqscopeVersion.empty()) run.seqscopeVersion = kVersion;
    if (run.uuid.empty()) run.uuid = newUuid();
    if (run.status == RunStatus::Running && run.pid == 0) {
        run.host = m_impl->self.host;
        run.pid = m_impl->self.pid;
        run.processStart = m_impl->self.startTicks;
        if (run.startedAt <= 0) run.startedAt = nowSeconds();
    }
    sql::Transaction tx(m_impl->db);
    if (Status s = tx.begin(); !s) return s;
    if (run.sweepId) {
        SEQSCOPE_CACHED(q, *m_impl, "SELECT 1 FROM sweeps WHERE id = ?1");
        auto found = q.bind(1, run.sweepId).step();
        if (!found) return found.status();
        if (!*found) return Status::notFound("no sweep with id " + std::to_string(run.sweepId));
    }
    {
        SEQSCOPE_CACHED(q, *m_impl, "SELECT id FROM runs WHERE uuid = ?1");
        auto taken = q.bind(1, run.uuid).step();
        if (!taken) return taken.status();
        if (*taken) return Status::invalid("uuid " + run.uuid + " is taken by run " + std::to_string(q.int64(0)));
    }
    SEQSCOPE_CACHED(ins, *m_impl,
                    "INSERT INTO runs (name, arch, config_json, params, flops_per_token, flops_per_sequence, ctx, dataset,"
                    " device, seed, status, failure_reason, created_at, started_at, ended_at, host, pid, process_start,"
                    " seqscope_version, notes, sweep_id, uuid)"
                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21,"
                    " ?22)");
    ins.bind(1, run.name).bind(2, run.arch).bind(3, run.configJson).bind(4, run.params).bind(5, run.flopsPerToken);
    ins.bind(6, run.flopsPerSequence).bind(7, run.ctx).bind(8, run.dataset).bind(9, run.device).bind(10, run.seed);
    ins.bind(11, toString(run.status)).bind(12, run.failureReason).bind(13, run.createdAt);
    bindTime(ins, 14, run.startedAt);
    bindTime(ins, 15, run.endedAt);
    ins.bind(16, run.host).bind(17, run.pid).bind(18, run.processStart).bind(19, run.seqscopeVersion).bind(20, run.notes);
    if (run.sweepId) ins.bind(21, run.sweepId);
    else ins.bindNull(21);
    ins.bind(22, run.uuid);
    if (Status s = ins.run(); !s) return s.withContext("creating a run");
    const long long id = m_impl->db.lastInsertRowid();
    if (Status s = addRunTags(id, run.tags); !s) return s;
    if (Status s = tx.commit(); !s) return s;
    return id;
}

Result<RunRecord> Store::run(long long id) {
    RunFilter filter;
    filter.ids = {id};
    auto found = runs(filter);
    if (!found) return found.status();
    if (found->empty()) return Status::notFound("no run with id " + std::to_string(id));
    return std::move(found->front());
}

Result<RunRecord> Store::runByUuid(const std::string& uuid) {
    long long id = 0;
    {
        std::lock_guard lock(m_impl->mutex);
        SEQSCOPE_CACHED(q, *m_impl, "SELECT id FROM runs WHERE uuid = ?1");
        auto found = q.bind(1, uuid).step();
        if (!found) return found.status();
        if (!*found) return Status::notFound("no run with uuid " + uuid);
        id = q.int64(0);
    }
    return run(id);
}

Result<std::vector<RunRecord>> Store::runs(const RunFilter& filter) {
    std::lock_guard lock(m_impl->mutex);
    std::string sqlText = std::string("SELECT ") + kRunColumns + " FROM runs WHERE 1";
    int next = 1;
    auto param = [&] { return "?" + std::to_string(next++); };
    if (!filter.arch.empty()) sqlText += " AND arch = " + param();
    if (filter.status) sqlText += " AND status = " + param();
    if (filter.sweepId) sqlText += " AND sweep_id = " + param();
    if (!filter.tag.empty()) sqlText += " AND EXISTS (SELECT 1 FROM run_tags t WHERE t.run_id = runs.id AND t.tag = " + param() + ")";
    if (!filter.ids.empty()) {
        sqlText += " AND id IN (";
        for (size_t i = 0; i < filter.ids.size(); ++i) sqlText += (i ? "," : "") + std::to_string(filter.ids[i]);
        sqlText += ")";
    }
    sqlText += " ORDER BY id DESC LIMIT " + std::to_string(filter.limit > 0 ? filter.limit : -1);
    auto stmt = sql::Statement::prepare(m_impl->db, sqlText);
    if (!stmt) return stmt.status();
    next = 1;
    if (!filter.arch.empty()) stmt->bind(next++, filter.arch);
    if (filter.status) stmt->bind(next++, toString(*filter.status));
    if (filter.sweepId) stmt->bind(next++, filter.sweepId);
    if (!filter.tag.empty()) stmt->bind(next++, filter.tag);

    std::vector<RunRecord> result;
    for (;;) {
        auto row = stmt->step();
        if (!row) return row.status();
        if (!*row) break;
        result.push_back(readRun(*stmt));
    }
    std::reverse(result.begin(), result.end());
    SEQSCOPE_CACHED(tags, *m_impl, "SELECT tag FROM run_tags WHERE run_id = ?1 ORDER BY tag");
    for (auto& run : result) {
        tags.reset();
        tags.bind(1, run.id);
        for (;;) {
            auto row = tags.step();
            if (!row) return row.status();
            if (!*row) break;
            run.tags.push_back(tags.text(0));
        }
    }
    return result;
}

Status Store::updateRun(const RunRecord& run) {
    std::lock_guard lock(m_impl->mutex);
    if (Status s = m_impl->writable(); !s) return s;
    std::string error;
    if (!run.isValid(&error)) return Status::invalid(error);
    sql::Transaction tx(m_impl->db);
    if (Status s = tx.begin(); !s) return s;
    if (Status s = m_impl->requireRun(run.id); !s) return s;
    SEQSCOPE_CACHED(up, *m_impl,
                    "UPDATE runs SET name = ?2, arch = ?3, config_json = ?4, params = ?5, flops_per_token = ?6,"
                    " flops_per_sequence = ?7, ctx = ?8, dataset = ?9, device = ?10, seed = ?11, notes = ?12,"
                    " sweep_id = ?13 WHERE id = ?1");
    up.bind(1, run.id).bind(2, run.name).bind(3, run.arch).bind(4, run.configJson).bind(5, run.params);
    up.bind(6, run.flopsPerToken).bind(7, run.flopsPerSequence).bind(8, run.ctx).bind(9, run.dataset);
    up.bind(10, run.device).bind(11, run.seed).bind(12, run.notes);
    if (run.sweepId) up.bind(13, run.sweepId);
    else up.bindNull(13);
    if (Status s = up.run(); !s) return s.withContext("updating run " + std::to_string(run.id));
    SEQSCOPE_CACHED(clear, *m_impl, "DELETE FROM run_tags WHERE run_id = ?1");
    if (Status s = clear.bind(1, run.id).run(); !s) return s;
    if (Status s = addRunTags(run.id, run.tags); !s) return s;
    return tx.commit();
}

Status Store::markRunStarted(long long id) {
    std::lock_guard lock(m_impl->mutex);
    if (Status s = m_impl->writable(); !s) return s;
    SEQSCOPE_CACHED(up, *m_impl,
                    "UPDATE runs SET status = 'running', started_at = ?2, ended_at = NULL, failure_reason = '',"
                    " host = ?3, pid = ?4, process_start = ?5 WHERE id = ?1");
    up.bind(1, id).bind(2, nowSeconds()).bind(3, m_impl->self.host).bind(4, m_impl->self.pid).bind(5, m_impl->self.startTicks);
    if (Status s = up.run(); !s) return s;
    if (m_impl->db.changes() == 0) return Status::notFound("no run with id " + std::to_string(id));
    return Status::ok();
}

Status Store::finishRun(long long id, RunStatus status, const std::string& reason) {
    std::lock_guard lock(m_impl->mutex);
    if (Status s = m_impl->writable(); !s) return s;
    if (!isTerminal(status))
        return Status::invalid(std::string("finishRun needs a terminal status, not '") + toString(status) + "'");
    SEQSCOPE_CACHED(up, *m_impl, "UPDATE runs SET status = ?2, failure_reason = ?3, ended_at = ?4 WHERE id = ?1");
    up.bind(1, id).bind(2, toString(status)).bind(3, reason).bind(4, nowSeconds());
    if (Status s = up.run(); !s) return s;
    if (m_impl->db.changes() == 0) return Status::notFound("no run with id " + std::to_string(id));
    return Status::ok();
}

Status Store::mirrorRunState(long long id, const RunRecord& from) {
    std::lock_guard lock(m_impl->mutex);
    if (Status s = m_impl->writable(); !s) return s;
    std::string error;
    if (!from.isValid(&error)) return Status::invalid(error);
    SEQSCOPE_CACHED(up, *m_impl,
                    "UPDATE runs SET config_json = ?2, device = ?3, status = ?4, failure_reason = ?5, started_at = ?6,"
                    " ended_at = ?7, host = ?8, pid = ?9, process_start = ?10 WHERE id = ?1");
    up.bind(1, id).bind(2, from.configJson).bind(3, from.device).bind(4, toString(from.status)).bind(5, from.failureReason);
    bindTime(up, 6, from.startedAt);
    bindTime(up, 7, from.endedAt);
    up.bind(8, from.host).bind(9, from.pid).bind(10, from.processStart);
    if (Status s = up.run(); !s) return s.withContext("updating run " + std::to_string(id));
    if (m_impl->db.changes() == 0) return Status::notFound("no run with id " + std::to_string(id));
    return Status::ok();
}

Status Store::setRunNotes(long long id, const std::string& notes) {
    std::lock_guard lock(m_impl->mutex);
    if (Status s = m_impl->writable(); !s) return s;
    if (std::string why; !isValidNotes(notes, &why)) return Status::invalid("run notes: " + why);
    SEQSCOPE_CACHED(up, *m_impl, "UPDATE runs SET notes = ?2 WHERE id = ?1");
    if (Status s = up.bind(1, id).bind(2, notes).run(); !s) return s;
    if (m_impl->db.changes() == 0) return Status::notFound("no run with id " + std::to_string(id));
    return Status::ok();
}

Status Store::addRunTags(long long id, const std::vector<std::string>& tags) {
    std::lock_guard lock(m_impl->mutex);
    if (Status s = m_impl->writable(); !s) return s;
    for (const auto& tag : tags) {
        if (tag.empty()) return Status::invalid("empty tag");
        if (std::string why; !isValidLabel(tag, &why)) return Status::invalid("tag: " + why);
    }
    sql::Transaction tx(m_impl->db);
    if (Status s = tx.begin(); !s) return s;
    if (Status s = m_impl->requireRun(id); !s) return s;
    SEQSCOPE_CACHED(ins, *m_impl, "INSERT OR IGNORE INTO run_tags (run_id, tag) VALUES (?1, ?2)");
    for (const auto& tag : tags)
        if (Status s = ins.bind(1, id).bind(2, tag).run(); !s) return s;
    return tx.commit();
}

Status Store::removeRunTags(long long id, const std::vector<std::string>& tags) {
    std::lock_guard lock(m_impl->mutex);
    if (Status s = m_impl->writable(); !s) return s;
    sql::Transaction tx(m_impl->db);
    if (Status s = tx.begin(); !s) return s;
    if (Status s = m_impl->requireRun(id); !s) return s;
    SEQSCOPE_CACHED(del, *m_impl, "DELETE FROM run_tags WHERE run_id = ?1 AND tag = ?2");
    for (const auto& tag : tags)
        if (Status s = del.bind(1, id).bind(2, tag).run(); !s) return s;
    return tx.commit();
}

Status Store::deleteRun(long long id) {
    std::lock_guard lock(m_impl->mutex);
    if (Status s = m_impl->writable(); !s) return s;
    sql::Transaction tx(m_impl->db);
    if (Status s = tx.begin(); !s) return s;
    SEQSCOPE_CACHED(del, *m_impl, "DELETE FROM runs WHERE id = ?1");   // tags and metrics cascade
    if (Status s = del.bind(1, id).run(); !s) return s.withContext("deleting run " + std::to_string(id));
    if (m_impl->db.changes() == 0) return Status::notFound("no run with id " + std::to_string(id));
    return tx.commit();
}

Result<std::vector<long long>> Store::markInterruptedRuns() {
    std::lock_guard lock(m_impl->mutex);
    if (Status s = m_impl->writable(); !s) return s;
    // Look first without the write lock: almost always nothing is stale, and a trainer may be writing.
    SEQSCOPE_CACHED(q, *m_impl, "SELECT id, pid, process_start FROM runs WHERE status = 'running' AND host = ?1 ORDER BY id");
    q.bind(1, m_impl->self.host);
    std::vector<std::pair<long long, long long>> dead;   // id, pid
    for (;;) {
        auto row = q.step();
        if (!row) return row.status();
        if (!*row) break;
        if (!isProcessAlive(q.int64(1), q.int64(2))) dead.emplace_back(q.int64(0), q.int64(1));
    }
    q.reset();
    std::vector<long long> marked;
    if (dead.empty()) return marked;
    sql::Transaction tx(m_impl->db);
    if (Status s = tx.begin(); !s) return s;
    // The last metric's wall time is the last sign of life; seq order finds it through the index.
    SEQSCOPE_CACHED(up, *m_impl,
                    "UPDATE runs SET status = 'interrupted', failure_reason = ?2,"
                    " ended_at = started_at + (SELECT wall_time FROM metrics WHERE run_id = ?1 ORDER BY seq DESC LIMIT 1)"
                    " WHERE id = ?1 AND status = 'running'");
    for (const auto& [id, pid] : dead) {
        up.bind(1, id).bind(2, "process " + std::to_string(pid) + " on " + m_impl->self.host +
                                   " ended without finishing the run");
        if (Status s = up.run(); !s) return s;
        if (m_impl->db.changes() > 0) marked.push_back(id);
    }
    if (Status s = tx.commit(); !s) return s;
    return marked;
}

}  // namespace seqscope::storage
