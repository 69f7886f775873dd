// SPDX-License-Identifier: MIT
// RAII over the SQLite C API: Connection owns a sqlite3*, Statement a sqlite3_stmt* (prepare once,
// then bind, step, reset), Transaction a BEGIN IMMEDIATE or, when nested, a SAVEPOINT. Every return
// code is checked and sqlite3_errmsg() is copied into the Status (style.md, storage section).
// Internal to storage/: callers use storage/store.h. Not thread-safe by itself; owners serialise.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "common/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace seqscope::storage::sql {

// Maps an SQLite result code to a Status: CORRUPT/NOTADB -> Corrupt, BUSY/LOCKED/IOERR/FULL/
// CANTOPEN/READONLY -> IoError, CONSTRAINT/MISMATCH/RANGE -> InvalidArgument, others -> Internal.
Status statusFromCode(int rc, const std::string& message);
// As above with sqlite3_errmsg(db) and the action that failed ("inserting metrics").
Status statusFrom(sqlite3* db, int rc, std::string_view action);

class Connection {
public:
    Connection() = default;
    ~Connection();
    Connection(Connection&& other) noexcept;
    Connection& operator=(Connection&& other) noexcept;
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    // sqlite3_open_v2 with `flags` (SQLITE_OPEN_*). Extended result codes are enabled.
    static Result<Connection> open(const std::string& path, int flags);

    sqlite3* get() const { return m_db; }
    bool isOpen() const { return m_db != nullptr; }
    // Runs one or more statements without results (DDL, PRAGMA setters).
    Status exec(std::string_view sql, std::string_view action = {});
    // First column of the first row as an integer (PRAGMA user_version, count(*)).
    Result<long long> scalar(std::string_view sql);
    Result<std::string> scalarText(std::string_view sql);
    long long lastInsertRowid() const;
    int changes() const;
    bool inTransaction() const;   // false in autocommit mode

    // Nesting depth of open Transaction objects (names the SAVEPOINTs).
    int& transactionDepth() { return m_depth; }
    // Bumped on every rollback so caches of rows written inside a transaction can be dropped.
    unsigned rollbackGeneration() const { return m_rollbacks; }
    void noteRollback() { ++m_rollbacks; }

private:
    explicit Connection(sqlite3* db) : m_db(db) {}
    sqlite3* m_db = nullptr;
    int m_depth = 0;
    unsigned m_rollbacks = 0;
};

class Statement {
public:
    Statement() = default;
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    static Result<Statement> prepare(Connection& db, std::string_view sql, bool persistent = false);

    // Binders are 1-based like sqlite3_bind_*. A failed bind is reported by the next step().
    Statement& bind(int index, long long value);
    Statement& bind(int index, int value) { return bind(index, static_cast<long long>(value)); }
    Statement& bind(int index, double value);              // NaN and +-inf are stored as NULL
    Statement& bind(int index, std::string_view value);    // copied (SQLITE_TRANSIENT)
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
    Statement& bindNull(int index);

    // One sqlite3_step: true when a row is available, false when done; errors as a Status.
    Result<bool> step();
    // Steps to completion (INSERT/UPDATE/DELETE), then resets.
    Status run();
    // sqlite3_reset + sqlite3_clear_bindings, so the statement can be reused.
    void reset();

    long long int64(int column) const;       // 0-based like sqlite3_column_*
    double real(int column) const;           // NULL reads as NaN
    std::string text(int column) const;      // NULL reads as ""
    bool isNull(int column) const;

private:
    sqlite3_stmt* m_stmt = nullptr;
    sqlite3* m_db = nullptr;
    int m_bindError = 0;
};

// Resets a (cached) statement when the scope ends. A statement left mid-iteration keeps its
// connection's read snapshot open: later queries would not see other connections' commits and the
// WAL could not be checkpointed past it.
class ResetGuard {
public:
    explicit ResetGuard(Statement& statement) : m_statement(statement) {}
    ~ResetGuard() { m_statement.reset(); }
    ResetGuard(const ResetGuard&) = delete;
    ResetGuard& operator=(const ResetGuard&) = delete;

private:
    Statement& m_statement;
};

// Prepared statements kept for the connection's lifetime, keyed by their SQL text.
class StatementCache {
public:
    explicit StatementCache(Connection& db) : m_db(db) {}
    // A reset statement ready for binding; the pointer stays valid until clear().
    Result<Statement*> get(std::string_view sql);
    void clear() { m_statements.clear(); }

private:
    Connection& m_db;
    std::map<std::string, std::unique_ptr<Statement>, std::less<>> m_statements;
};

// A write transaction: BEGIN IMMEDIATE at depth 0 (takes the write lock up front, so the busy
// timeout applies and a reader never has to upgrade), SAVEPOINT when nested. The destructor rolls
// back unless commit() succeeded.
class Transaction {
public:
    explicit Transaction(Connection& db) : m_db(db) {}
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    Status begin();
    Status commit();
    void rollback();

private:
    Connection& m_db;
    bool m_active = false;
    bool m_nested = false;
    int m_level = 0;
};

}  // namespace seqscope::storage::sql
