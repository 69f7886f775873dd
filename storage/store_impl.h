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

struct Store::Impl {
    std::string path;
    StoreOptions options;
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
