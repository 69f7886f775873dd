// SPDX-License-Identifier: MIT
// Shared by the fault tests (tst_disk_full, tst_kill_rounds): the database at `db` opens and passes
// SQLite's integrity_check.
#pragma once

#include <QtTest>

#include <string>

#include "storage/store.h"

namespace seqscope::test {

inline void verifyIntact(const std::string& db) {
    auto store = storage::Store::open(db);
    QVERIFY2(store, store.status().message().c_str());
    auto report = (*store)->check();
    QVERIFY2(report, report.status().message().c_str());
    QVERIFY2(report->integrityOk, report->integrityMessages.empty() ? "" : report->integrityMessages.front().c_str());
}

}  // namespace seqscope::test
