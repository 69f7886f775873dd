// SPDX-License-Identifier: MIT
// The database layout and its numbered forward migrations (PRAGMA user_version), plus the read-only
// inspection that decides whether a file may be opened for writing at all. Seqscope files carry
// PRAGMA application_id kApplicationId; anything else that is not an empty database is refused
// before a single byte is written (style.md storage: "refuse unknown or newer files, never write").
// Internal to storage/ (tests use it to build old-schema files).
#pragma once

#include <string>

#include "common/status.h"
#include "storage/sqlite_handle.h"

namespace seqscope::storage::schema {

// "SqSc" as a big-endian 32-bit integer, stored at offset 68 of the database header.
inline constexpr int kApplicationId = 0x53715363;
// v1: runs, tags, metrics keyed by metric name text, sweeps, fits, reference datasets.
// v2: metric names interned (metric_names), metrics gain an insertion sequence for live readers,
//     runs record the writer's process start time, benchmark_points.
// v3: models (imported model directories).
// v4: runs.uuid, slurm_sweeps and slurm_jobs (cluster sweeps, issue 17).
inline constexpr int kSchemaVersion = 4;

enum class FileKind {
    Missing,         // no file at the path
    Empty,           // zero bytes, or an SQLite file without any schema: safe to initialise
    Seqscope,        // application_id matches; schemaVersion tells which layout
    NewerSeqscope,   // ours, but written by a newer Seqscope (schemaVersion > kSchemaVersion)
    ForeignSqlite,   // a valid SQLite database of some other program
    NotSqlite,       // no SQLite header: random bytes, a text file, ...
    Corrupt,         // SQLite header, but SQLite cannot read it
    Unreadable,      // reading failed for a reason outside the file (I/O error, a full disk)
};

struct FileInspection {
    FileKind kind = FileKind::Missing;
    int schemaVersion = 0;        // PRAGMA user_version (0 when unknown)
    int applicationId = 0;        // PRAGMA application_id
    std::string detail;           // why, in words, for the error message
};

// Looks at `path` without ever writing to it: reads the 100-byte header with plain file I/O, and
// only if it is an SQLite header opens it SQLITE_OPEN_READONLY to read application_id,
// user_version and the object count (this goes through a pending WAL, unlike the raw header).
// `readRawHeader` = false skips the first 100 bytes' check through a plain file handle. Required
// when this process already has the file open through SQLite: closing any other descriptor of the
// file drops every POSIX lock the process holds on it (fcntl semantics), including the locks of the
// open connections, after which other processes can no longer see their readers.
FileInspection inspectFile(const std::string& path, bool readRawHeader = true);

// The Status to return for a file of `kind` that must not be opened; Ok for Missing, Empty and
// a Seqscope file at or below kSchemaVersion.
Status refusalFor(const std::string& path, const FileInspection& inspection);

// Applies migrations user_version+1 .. target inside one BEGIN IMMEDIATE transaction, sets
// application_id and user_version and runs foreign_key_check before committing. Re-reads
// application_id and user_version after taking the write lock, so two processes creating the same
// file at once do not both run them. Requires foreign_keys=OFF on `db` (a table rebuild in v2).
Status migrate(sql::Connection& db, int target = kSchemaVersion);

}  // namespace seqscope::storage::schema
