// SPDX-License-Identifier: MIT
// RAII wrappers over sqlite3 / sqlite3_stmt and the nested write transaction (sqlite_handle.h).
#include "storage/sqlite_handle.h"

#include <sqlite3.h>

#include <cmath>
#include <utility>

namespace seqscope::storage::sql {

Status statusFromCode(int rc, const std::string& message) {
    switch (rc & 0xff) {
        case SQLITE_OK:
        case SQLITE_ROW:
        case SQLITE_DONE: return Status::ok();
        case SQLITE_CORRUPT:
        case SQLITE_NOTADB: return {StatusCode::Corrupt, message};
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
        case SQLITE_IOERR:
        case SQLITE_FULL:
        case SQLITE_CANTOPEN:
        case SQLITE_READONLY:
        case SQLITE_PERM:
        case SQLITE_NOLFS: return {StatusCode::IoError, message};
        case SQLITE_CONSTRAINT:
        case SQLITE_MISMATCH:
        case SQLITE_RANGE:
        case SQLITE_TOOBIG: return {StatusCode::InvalidArgument, message};
        case SQLITE_INTERRUPT:
        case SQLITE_ABORT: return {StatusCode::Cancelled, message};
        default: return {StatusCode::Internal, message};
    }
}

Status statusFrom(sqlite3* db, int rc, std::string_view action) {
    std::string message(action);
    if (!message.empty()) message += ": ";
    message += db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    return statusFromCode(rc, message);
}

// --- Connection -----------------------------------------------------------------------------------

Connection::~Connection() {
    if (m_db) sqlite3_close_v2(m_db);
}

Connection::Connection(Connection&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_depth(other.m_depth), m_rollbacks(other.m_rollbacks) {}

Connection& Connection::operator=(Connection&& other) noexcept {
    if (this != &other) {
        if (m_db) sqlite3_close_v2(m_db);
        m_db = std::exchange(other.m_db, nullptr);
        m_depth = other.m_depth;
        m_rollbacks = other.m_rollbacks;
    }
    return *this;
}

Result<Connection> Connection::open(const std::string& path, int flags) {
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
        Status s = statusFrom(db, rc, "opening '" + path + "'");
        sqlite3_close_v2(db);   // sqlite3_open_v2 may hand back a handle even on failure
        return s;
    }
    sqlite3_extended_result_codes(db, 1);
    return Connection(db);
}

Status Connection::exec(std::string_view sql, std::string_view action) {
    char* error = nullptr;
    const std::string text(sql);
    const int rc = sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &error);
    if (rc == SQLITE_OK) return Status::ok();
    std::string message(action.empty() ? std::string_view("executing SQL") : action);
    message += ": ";
    message += error ? error : sqlite3_errstr(rc);
    sqlite3_free(error);
    return statusFromCode(rc, message);
}

Result<long long> Connection::scalar(std::string_view sql) {
    auto stmt = Statement::prepare(*this, sql);
    if (!stmt) return stmt.status();
    auto row = stmt->step();
    if (!row) return row.status();
    return *row ? stmt->int64(0) : 0LL;
}

Result<std::string> Connection::scalarText(std::string_view sql) {
    auto stmt = Statement::prepare(*this, sql);
    if (!stmt) return stmt.status();
    auto row = stmt->step();
    if (!row) return row.status();
    return *row ? stmt->text(0) : std::string();
}

long long Connection::lastInsertRowid() const { return sqlite3_last_insert_rowid(m_db); }
int Connection::changes() const { return sqlite3_changes(m_db); }
bool Connection::inTransaction() const { return sqlite3_get_autocommit(m_db) == 0; }

// --- Statement ------------------------------------------------------------------------------------

Statement::~Statement() {
    if (m_stmt) sqlite3_finalize(m_stmt);
}

Statement::Statement(Statement&& other) noexcept
    : m_stmt(std::exchange(other.m_stmt, nullptr)), m_db(other.m_db), m_bindError(other.m_bindError) {}

Statement& Statement::operator=(Statement&& other) noexcept {
    if (this != &other) {
        if (m_stmt) sqlite3_finalize(m_stmt);
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_db = other.m_db;
        m_bindError = other.m_bindError;
    }
    return *this;
}

Result<Statement> Statement::prepare(Connection& db, std::string_view sql, bool persistent) {
    Statement s;
    s.m_db = db.get();
    const int rc = sqlite3_prepare_v3(db.get(), sql.data(), static_cast<int>(sql.size()),
                                      persistent ? SQLITE_PREPARE_PERSISTENT : 0, &s.m_stmt, nullptr);
    if (rc != SQLITE_OK) return statusFrom(db.get(), rc, "preparing '" + std::string(sql.substr(0, 60)) + "'");
    return s;
}

Statement& Statement::bind(int index, long long value) {
    const int rc = sqlite3_bind_int64(m_stmt, index, value);
    if (rc != SQLITE_OK && !m_bindError) m_bindError = rc;
    return *this;
}

Statement& Statement::bind(int index, double value) {
    // SQLite turns NaN into NULL itself; infinities would be stored, which JSON cannot carry.
    const int rc = std::isfinite(value) ? sqlite3_bind_double(m_stmt, index, value) : sqlite3_bind_null(m_stmt, index);
    if (rc != SQLITE_OK && !m_bindError) m_bindError = rc;
    return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
    const int rc = sqlite3_bind_text(m_stmt, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK && !m_bindError) m_bindError = rc;
    return *this;
}

Statement& Statement::bindNull(int index) {
    const int rc = sqlite3_bind_null(m_stmt, index);
    if (rc != SQLITE_OK && !m_bindError) m_bindError = rc;
    return *this;
}

Result<bool> Statement::step() {
    if (m_bindError) {
        const int rc = std::exchange(m_bindError, 0);
        return statusFrom(m_db, rc, "binding parameters");
    }
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    Status s = statusFrom(m_db, rc, "running '" + std::string(sqlite3_sql(m_stmt)).substr(0, 60) + "'");
    sqlite3_reset(m_stmt);
    return s;
}

Status Statement::run() {
    Result<bool> r = step();
    while (r && *r) r = step();
    reset();
    return r.status();
}

void Statement::reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    m_bindError = 0;
}

long long Statement::int64(int column) const { return sqlite3_column_int64(m_stmt, column); }

double Statement::real(int column) const {
    if (sqlite3_column_type(m_stmt, column) == SQLITE_NULL) return std::nan("");
    return sqlite3_column_double(m_stmt, column);
}

std::string Statement::text(int column) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    if (!p) return {};
    return std::string(p, static_cast<size_t>(sqlite3_column_bytes(m_stmt, column)));
}

bool Statement::isNull(int column) const { return sqlite3_column_type(m_stmt, column) == SQLITE_NULL; }

// --- StatementCache -------------------------------------------------------------------------------

Result<Statement*> StatementCache::get(std::string_view sql) {
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        auto prepared = Statement::prepare(m_db, sql, true);
        if (!prepared) return prepared.status();
        it = m_statements.emplace(std::string(sql), std::make_unique<Statement>(std::move(*prepared))).first;
    } else {
        it->second->reset();
    }
    return it->second.get();
}

// --- Transaction ----------------------------------------------------------------------------------

Transaction::~Transaction() { rollback(); }

Status Transaction::begin() {
    m_nested = m_db.inTransaction();
    m_level = ++m_db.transactionDepth();
    Status s = m_nested ? m_db.exec("SAVEPOINT sp" + std::to_string(m_level), "starting a savepoint")
                        : m_db.exec("BEGIN IMMEDIATE", "starting a write transaction");
    if (!s) {
        --m_db.transactionDepth();
        return s;
    }
    m_active = true;
    return s;
}

Status Transaction::commit() {
    if (!m_active) return {StatusCode::Internal, "commit without an active transaction"};
    Status s = m_nested ? m_db.exec("RELEASE sp" + std::to_string(m_level), "releasing a savepoint")
                        : m_db.exec("COMMIT", "committing");
    if (!s) {
        rollback();
        return s;
    }
    m_active = false;
    --m_db.transactionDepth();
    return s;
}

void Transaction::rollback() {
    if (!m_active) return;
    m_active = false;
    --m_db.transactionDepth();
    m_db.noteRollback();
    if (m_nested) {
        const std::string name = "sp" + std::to_string(m_level);
        (void)m_db.exec("ROLLBACK TO " + name + "; RELEASE " + name);
    } else if (m_db.inTransaction()) {
        // SQLite may already have rolled back on its own (SQLITE_FULL, IOERR); then there is nothing to do.
        (void)m_db.exec("ROLLBACK");
    }
}

}  // namespace seqscope::storage::sql
