// SPDX-License-Identifier: MIT
// `seqscope-cli db check` (issue 3, "Done when"): integrity, schema version, interrupted runs
// marked, and what the database holds. Creates the database when it does not exist yet, so on a
// fresh machine it reports the new, empty default database. Exit 1 when a check fails.
//   seqscope-cli db check
//   seqscope-cli db check --db runs.db --json
#include <nlohmann/json.hpp>

#include <iomanip>
#include <ostream>
#include <sstream>

#include "cli/command_line.h"
#include "cli/commands.h"
#include "storage/store.h"

namespace seqscope::cli {
namespace {

std::string bytesText(long long bytes) {
    std::ostringstream s;
    s << std::fixed << std::setprecision(1);
    if (bytes >= (1LL << 30)) s << static_cast<double>(bytes) / (1LL << 30) << " GiB";
    else if (bytes >= (1LL << 20)) s << static_cast<double>(bytes) / (1LL << 20) << " MiB";
    else if (bytes >= 1024) s << static_cast<double>(bytes) / 1024 << " KiB";
    else s << std::setprecision(0) << static_cast<double>(bytes) << " B";
    return s.str();
}

std::string idList(const std::vector<long long>& ids) {
    std::string out;
    for (long long id : ids) out += (out.empty() ? "" : ", ") + std::to_string(id);
    return out;
}

int checkDatabase(Context& ctx) {
    auto store = storage::Store::open(ctx.dbPath);
    if (!store) {
        *ctx.err << "seqscope-cli db check: " << store.status().message() << "\n";
        return kExitFailure;
    }
    auto report = (*store)->check(ctx.args.has("quick"));
    if (!report) {
        *ctx.err << "seqscope-cli db check: " << report.status().message() << "\n";
        return kExitFailure;
    }
    const storage::CheckReport& r = *report;
    const bool ok = r.integrityOk && r.foreignKeyProblems == 0;
    if (ctx.json) {
        nlohmann::json j{{"path", r.path},
                         {"ok", ok},
                         {"schema_version", r.schemaVersion},
                         {"supported_schema_version", r.supportedSchemaVersion},
                         {"journal_mode", r.journalMode},
                         {"integrity_ok", r.integrityOk},
                         {"integrity_messages", r.integrityMessages},
                         {"foreign_key_problems", r.foreignKeyProblems},
                         {"interrupted_runs", r.interruptedRuns},
                         {"file_bytes", r.fileBytes},
                         {"counts", {{"runs", r.runs}, {"metrics", r.metrics}, {"metric_names", r.metricNames},
                                     {"sweeps", r.sweeps}, {"fits", r.fits}, {"benchmark_points", r.benchmarkPoints},
                                     {"reference_datasets", r.referenceDatasets}, {"reference_points", r.referencePoints}}},
                         {"runs_by_status", r.runsByStatus}};
        *ctx.out << j.dump(2) << "\n";
    } else {
        auto& out = *ctx.out;
        out << "database      " << r.path << " (" << bytesText(r.fileBytes) << ")\n"
            << "schema        version " << r.schemaVersion << " (this build writes " << r.supportedSchemaVersion << ")\n"
            << "journal       " << r.journalMode << "\n"
            << "integrity     " << (r.integrityOk ? "ok" : "FAILED") << "\n";
        if (!r.integrityOk)
            for (const auto& m : r.integrityMessages) out << "              " << m << "\n";
        out << "foreign keys  " << (r.foreignKeyProblems == 0 ? "ok" : std::to_string(r.foreignKeyProblems) + " problems") << "\n"
            << "interrupted   " << (r.interruptedRuns.empty() ? "none found" : "marked run " + idList(r.interruptedRuns)) << "\n"
            << "runs          " << r.runs;
        std::string byStatus;
        for (const auto& [status, n] : r.runsByStatus) byStatus += (byStatus.empty() ? "" : ", ") + status + " " + std::to_string(n);
        out << (byStatus.empty() ? "" : " (" + byStatus + ")") << "\n"
            << "metrics       " << r.metrics << " rows, " << r.metricNames << " names\n"
            << "sweeps        " << r.sweeps << "   fits " << r.fits << "   benchmark points " << r.benchmarkPoints << "\n"
            << "reference     " << r.referenceDatasets << " datasets, " << r.referencePoints << " points\n";
    }
    if (!ok) {
        *ctx.err << "seqscope-cli db check: '" << r.path << "' failed "
                 << (r.integrityOk ? "the foreign key check" : "the integrity check") << "\n";
        return kExitFailure;
    }
    return kExitOk;
}

}  // namespace

void registerDbCommands(Registry& registry) {
    registry.addGroup("db", "check and maintain the experiment database");
    Command check;
    check.path = "db check";
    check.summary = "check integrity and schema version, mark interrupted runs, count what is stored";
    check.usesDatabase = true;
    check.options = {{"quick", "", "PRAGMA quick_check instead of the full integrity_check", ""}};
    check.handler = checkDatabase;
    registry.add(check);
}

}  // namespace seqscope::cli
