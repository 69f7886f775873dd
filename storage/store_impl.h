// SPDX-License-Identifier: MIT
// Store::Impl, shared by store.cpp (open, runs, check), store_metrics.cpp and store_catalog.cpp.
// Internal to storage/. The connection is opened SQLITE_OPEN_NOMUTEX: `mutex` is the only
// serialisation, so every public entry point takes it first.
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "storage/process_identity.h"
#include "storage/sqlite_handle.h"
#include "storage/store.h"

namespace seqscope::storage {

// Files this process has open through a Store, by (device, inode). A second Store on the same file
// must not read its header through a plain file handle (see schema::inspectFile).
class OpenFileRegistry {
public:
    static bool isOpen(const std::string& path);
    // Registers `path` for the lifetime of the returned token (0 when the file cannot be stat'ed).
    static unsigned long long acquire(const std::string& path);
    static void release(unsigned long long token);
};

struct OpenFileToken {
    unsigned long long token = 0;
    ~OpenFileToken() { OpenFileRegistry::release(token); }
};

struct Store::Impl {
    std::string path;
    StoreOptions options;
    OpenFileToken openFile;             // declared before db: released after the connection closed
    sql::Connection db;
    sql::StatementCache cache{db};      // declared after db: destroyed (finalized) before it closes
    std::recursive_mutex mutex;
    int schemaVersion = 0;
    std::vector<long long> interruptedOnOpen;
    ProcessIdentity self = currentProcess();

    // Metric name -> id, valid while no transaction has rolled back since it was filled (a rolled
    // back INSERT would leave an id here that the database does not have).
    std::map<std::string, int, std::less<>> nameIds;
    unsigned nameIdsGeneration = 0;

    Status writable() const {
        if (options.readOnly) return {StatusCode::InvalidArgument, "'" + path + "' was opened read-only"};
        return Status::ok();
    }
    // Id of metric `name`, inserting it into metric_names when `create` (inside the caller's
    // transaction). 0 with Ok status when absent and !create.
    Result<int> metricNameId(std::string_view name, bool create);
    Result<bool> runExists(long long id);
    Status requireRun(long long id);   // NotFound naming the id
};

// A statement from `impl.cache`, reset again when the scope ends, or return its Status from the
// calling function.
#define SEQSCOPE_CACHED(var, impl, sqlText)              \
    auto var##_result = (impl).cache.get(sqlText);       \
    if (!var##_result) return var##_result.status();     \
    sql::Statement& var = **var##_result;                \
    sql::ResetGuard var##_guard(var)

}  // namespace seqscope::storage
