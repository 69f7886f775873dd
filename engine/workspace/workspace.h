// SPDX-License-Identifier: MIT
// Opening a workspace: the SQLite store (storage/store.h) with every built-in reference dataset
// (analysis/builtin_datasets.h) imported read-only. Shared by seqscope-cli and the workbench; no Qt.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "common/status.h"
#include "storage/store.h"

namespace seqscope::workspace {

// What openWorkspace did about the built-in datasets.
struct WorkspaceReport {
    std::vector<std::string> imported;   // datasets imported now (a new database, or a dataset added since)
    std::vector<std::string> kept;       // already present; reference data is never rewritten
    // Present under the same name with a different row count (a database from another Seqscope
    // version): left untouched, named here so callers can tell the user.
    std::vector<std::string> differing;
};

// Opens or creates the database at `dbPath` (and its directory) and imports each built-in dataset
// that is missing, each in one transaction. Errors: those of storage::Store::open, and Internal if a
// built-in CSV fails to parse (a packaging bug). Differing built-in datasets are not an error.
Result<std::unique_ptr<storage::Store>> openWorkspace(const std::string& dbPath, WorkspaceReport* report = nullptr);

}  // namespace seqscope::workspace
