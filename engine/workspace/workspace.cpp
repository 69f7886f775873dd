// SPDX-License-Identifier: MIT
// openWorkspace: Store::open plus the import of missing built-in datasets. A dataset already present
// is left alone even when its row count differs (Store refuses to modify reference data), so an
// older database still opens; the difference is reported instead.
#include "workspace/workspace.h"

#include <map>

#include "analysis/builtin_datasets.h"
#include "storage/results_table.h"

namespace seqscope::workspace {

Result<std::unique_ptr<storage::Store>> openWorkspace(const std::string& dbPath, WorkspaceReport* report) {
    WorkspaceReport local;
    WorkspaceReport& out = report ? *report : local;
    out = {};

    auto opened = storage::Store::open(dbPath);
    if (!opened) return opened.status();
    std::unique_ptr<storage::Store> store = std::move(opened.value());

    std::map<std::string, long long> present;   // name -> row count
    if (!store->isReadOnly()) {
        auto existing = store->referenceDatasets();
        if (!existing) return Status(existing.status()).withContext("listing reference datasets in " + dbPath);
        for (const auto& info : existing.value()) present[info.name] = info.rowCount;
    }

    for (const analysis::BuiltinDataset& builtin : analysis::builtinDatasets()) {
        if (store->isReadOnly()) break;
        const std::string fileName = builtin.name + " (built-in)";
        auto rows = storage::parseResultsTable(builtin.csv, fileName);
        if (!rows) return Status(StatusCode::Internal, "built-in dataset does not parse: " + rows.status().message());
        const auto it = present.find(builtin.name);
        if (it != present.end()) {
            (it->second == static_cast<long long>(rows->size()) ? out.kept : out.differing).push_back(builtin.name);
            continue;
        }
        storage::ReferenceDatasetInfo info;
        info.name = builtin.name;
        info.title = builtin.title;
        info.source = builtin.source;
        info.citation = builtin.citation;
        info.license = builtin.license;
        info.notes = builtin.notes;
        if (Status s = store->importReferenceDataset(info, rows.value()); !s)
            return s.withContext("importing built-in dataset " + builtin.name + " into " + dbPath);
        out.imported.push_back(builtin.name);
    }
    return store;
}

}  // namespace seqscope::workspace
