// SPDX-License-Identifier: MIT
// `seqscope-cli runs list|show|tag|delete|export|import` (issue 3, "CLI"): the experiment store
// from the shell. Commands open their own Store on --db; listing and showing never create a file,
// importing does.
//   seqscope-cli runs list --status finished --json
//   seqscope-cli runs export 3 4 --out runs.json
//   seqscope-cli runs export --metrics --sweep fc-small --out metrics.csv   (one long-format CSV)
//   seqscope-cli runs import external.csv --dataset my-sweep --citation "..."
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <map>
#include <ostream>
#include <sstream>

#include "cli/command_line.h"
#include "cli/commands.h"
#include "storage/csv.h"
#include "storage/interchange.h"
#include "storage/results_table.h"
#include "storage/store.h"

namespace seqscope::cli {
namespace {

using nlohmann::json;
using storage::RunRecord;
using storage::Store;

int fail(Context& ctx, const std::string& command, const Status& status) {
    *ctx.err << "seqscope-cli " << command << ": " << status.message() << "\n";
    return kExitFailure;
}

Result<std::unique_ptr<Store>> openStore(const Context& ctx, bool create) {
    storage::StoreOptions options;
    options.createIfMissing = create;
    return Store::open(ctx.dbPath, options);
}

std::vector<long long> runIds(const Context& ctx, bool required) {
    std::vector<long long> ids;
    for (const auto& word : ctx.args.positional()) {
        char* end = nullptr;
        const long long id = std::strtoll(word.c_str(), &end, 10);
        if (word.empty() || *end != '\0' || id <= 0) throw UsageError("'" + word + "' is not a run id");
        ids.push_back(id);
    }
    if (required && ids.empty()) throw UsageError("give at least one RUN_ID");
    return ids;
}

json timeJson(double seconds) { return seconds > 0 ? json(seconds) : json(nullptr); }

std::string isoTime(double seconds) {
    if (seconds <= 0) return "-";
    const std::time_t t = static_cast<std::time_t>(seconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%SZ", &tm);
    return text;
}

std::string shortNumber(double v) {
    if (!(v > 0)) return "-";
    std::ostringstream s;
    s << std::setprecision(3) << v;
    return s.str();
}

std::string joined(const std::vector<std::string>& parts, const char* separator = ",") {
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : separator) + p;
    return out;
}

json runJson(const RunRecord& r) {
    json config = json::parse(r.configJson, nullptr, false);
    if (config.is_discarded()) config = json::object();
    return json{{"id", r.id}, {"name", r.name}, {"arch", r.arch}, {"status", storage::toString(r.status)},
                {"failure_reason", r.failureReason}, {"params", r.params}, {"flops_per_token", r.flopsPerToken},
                {"flops_per_sequence", r.flopsPerSequence}, {"ctx", r.ctx}, {"dataset", r.dataset},
                {"device", r.device}, {"seed", r.seed}, {"created_at", timeJson(r.createdAt)},
                {"started_at", timeJson(r.startedAt)}, {"ended_at", timeJson(r.endedAt)}, {"host", r.host},
                {"pid", r.pid}, {"seqscope_version", r.seqscopeVersion}, {"tags", r.tags}, {"notes", r.notes},
                {"sweep_id", r.sweepId ? json(r.sweepId) : json(nullptr)}, {"config", config}};
}

json numberOrNull(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }

// --- runs list ------------------------------------------------------------------------------------

int listRuns(Context& ctx) {
    storage::RunFilter filter;
    filter.arch = ctx.args.str("arch");
    filter.tag = ctx.args.str("tag");
    filter.limit = static_cast<int>(ctx.args.integer("limit", 0));
    if (filter.limit < 0) throw UsageError("option --limit: must be >= 0");
    if (ctx.args.has("status")) {
        storage::RunStatus status;
        if (!storage::parseRunStatus(ctx.args.str("status"), &status))
            throw UsageError("option --status: '" + ctx.args.str("status") +
                             "' is not one of queued, running, finished, failed, diverged, cancelled, interrupted");
        filter.status = status;
    }
    if (!std::filesystem::exists(ctx.dbPath)) {   // nothing recorded yet: an empty list, and no file created
        if (ctx.json) *ctx.out << "[]\n";
        else *ctx.out << "no runs (no database at " << ctx.dbPath << " yet)\n";
        return kExitOk;
    }
    auto store = openStore(ctx, false);
    if (!store) return fail(ctx, "runs list", store.status());
    if (ctx.args.has("sweep")) {
        auto sweep = (*store)->sweepByName(ctx.args.str("sweep"));
        if (!sweep) return fail(ctx, "runs list", sweep.status());
        filter.sweepId = sweep->id;
    }
    auto runs = (*store)->runs(filter);
    if (!runs) return fail(ctx, "runs list", runs.status());
    if (ctx.json) {
        json list = json::array();
        for (const auto& r : *runs) list.push_back(runJson(r));
        *ctx.out << list.dump(2) << "\n";
        return kExitOk;
    }
    auto& out = *ctx.out;
    if (runs->empty()) {
        out << "no runs match\n";
        return kExitOk;
    }
    out << std::left << std::setw(6) << "ID" << std::setw(22) << "NAME" << std::setw(13) << "ARCH" << std::setw(13)
        << "STATUS" << std::setw(10) << "N" << std::setw(7) << "CTX" << std::setw(22) << "STARTED" << "TAGS\n";
    for (const auto& r : *runs)
        out << std::left << std::setw(6) << r.id << std::setw(22) << (r.name.empty() ? "-" : r.name.substr(0, 21))
            << std::setw(13) << r.arch.substr(0, 12) << std::setw(13) << storage::toString(r.status) << std::setw(10)
            << shortNumber(r.params) << std::setw(7) << r.ctx << std::setw(22) << isoTime(r.startedAt) << joined(r.tags)
            << "\n";
    return kExitOk;
}

// --- runs show ------------------------------------------------------------------------------------

int showRuns(Context& ctx) {
    const auto ids = runIds(ctx, true);
    auto store = openStore(ctx, false);
    if (!store) return fail(ctx, "runs show", store.status());
    json all = json::array();
    for (long long id : ids) {
        auto run = (*store)->run(id);
        if (!run) return fail(ctx, "runs show", run.status());
        auto metrics = (*store)->metricSummary(id);
        if (!metrics) return fail(ctx, "runs show", metrics.status());
        if (ctx.json) {
            json j = runJson(*run);
            j["metrics"] = json::array();
            for (const auto& m : *metrics)
                j["metrics"].push_back({{"name", m.name}, {"count", m.count}, {"first_step", m.firstStep},
                                        {"last_step", m.lastStep}, {"last_value", numberOrNull(m.lastValue)},
                                        {"min_value", numberOrNull(m.minValue)}});
            all.push_back(std::move(j));
            continue;
        }
        const RunRecord& r = *run;
        auto& out = *ctx.out;
        out << "run " << r.id << (r.name.empty() ? "" : "  " + r.name) << "\n"
            << "  arch          " << r.arch << "\n"
            << "  status        " << storage::toString(r.status) << (r.failureReason.empty() ? "" : " (" + r.failureReason + ")") << "\n"
            << "  params N      " << shortNumber(r.params) << "\n"
            << "  FLOPs/token   " << shortNumber(r.flopsPerToken) << "   FLOPs/sequence " << shortNumber(r.flopsPerSequence) << "\n"
            << "  context       " << r.ctx << "\n"
            << "  dataset       " << (r.dataset.empty() ? "-" : r.dataset) << "\n"
            << "  device        " << (r.device.empty() ? "-" : r.device) << "   seed " << r.seed << "\n"
            << "  started       " << isoTime(r.startedAt) << "   ended " << isoTime(r.endedAt) << "\n"
            << "  process       " << (r.host.empty() ? "-" : r.host) << " pid " << r.pid << "   Seqscope " << r.seqscopeVersion << "\n"
            << "  tags          " << (r.tags.empty() ? "-" : joined(r.tags, ", ")) << "\n"
            << "  notes         " << (r.notes.empty() ? "-" : r.notes) << "\n"
            << "  config        " << r.configJson << "\n";
        if (metrics->empty()) out << "  metrics       none\n";
        else out << "  metrics       " << std::left << std::setw(16) << "NAME" << std::setw(10) << "POINTS" << std::setw(18)
                 << "STEPS" << std::setw(14) << "LAST" << "MIN\n";
        for (const auto& m : *metrics)
            out << "                " << std::left << std::setw(16) << m.name << std::setw(10) << m.count << std::setw(18)
                << (std::to_string(m.firstStep) + ".." + std::to_string(m.lastStep)) << std::setw(14)
                << (std::isfinite(m.lastValue) ? shortNumber(m.lastValue) : "nan") << (std::isfinite(m.minValue) ? shortNumber(m.minValue) : "nan") << "\n";
    }
    if (ctx.json) *ctx.out << (all.size() == 1 ? all.front() : all).dump(2) << "\n";
    return kExitOk;
}

// --- runs tag / delete ----------------------------------------------------------------------------

int tagRuns(Context& ctx) {
    const auto ids = runIds(ctx, true);
    const auto add = ctx.args.list("add");
    const auto remove = ctx.args.list("remove");
    if (add.empty() && remove.empty()) throw UsageError("give --add TAGS and/or --remove TAGS");
    auto store = openStore(ctx, false);
    if (!store) return fail(ctx, "runs tag", store.status());
    Status s = (*store)->transact([&]() -> Status {
        for (long long id : ids) {
            if (Status a = (*store)->addRunTags(id, add); !a) return a;
            if (Status r = (*store)->removeRunTags(id, remove); !r) return r;
        }
        return Status::ok();
    });
    if (!s) return fail(ctx, "runs tag", s);
    json result = json::array();
    for (long long id : ids) {
        auto run = (*store)->run(id);
        if (!run) return fail(ctx, "runs tag", run.status());
        if (ctx.json) result.push_back({{"id", id}, {"tags", run->tags}});
        else *ctx.out << "run " << id << ": " << (run->tags.empty() ? "(no tags)" : joined(run->tags, ", ")) << "\n";
    }
    if (ctx.json) *ctx.out << result.dump(2) << "\n";
    return kExitOk;
}

int deleteRuns(Context& ctx) {
    const auto ids = runIds(ctx, true);
    auto store = openStore(ctx, false);
    if (!store) return fail(ctx, "runs delete", store.status());
    json result = json::array();
    Status s = (*store)->transact([&]() -> Status {
        for (long long id : ids) {
            auto run = (*store)->run(id);
            if (!run) return run.status();
            if (run->status == storage::RunStatus::Running && !ctx.args.has("force"))
                return Status::invalid("run " + std::to_string(id) + " is running (process " + std::to_string(run->pid) +
                                       " on " + run->host + "); stop it first or pass --force");
            auto rows = (*store)->metricCount(id);
            if (!rows) return rows.status();
            if (Status d = (*store)->deleteRun(id); !d) return d;
            result.push_back({{"id", id}, {"metric_rows", *rows}});
        }
        return Status::ok();
    });
    if (!s) return fail(ctx, "runs delete", s.withContext("nothing was deleted"));
    if (ctx.json) *ctx.out << json{{"deleted", result}}.dump(2) << "\n";
    else
        for (const auto& r : result)
            *ctx.out << "deleted run " << r["id"].get<long long>() << " (" << r["metric_rows"].get<long long>() << " metric rows)\n";
    return kExitOk;
}

// --- runs export / import -------------------------------------------------------------------------

// Rows are read a page at a time through each run's seq cursor (Store::metricsAfterSeq with a
// limit), so memory stays one page however long the runs are. Order: runs by id, then as logged.
constexpr size_t kMetricPageRows = 20000;

Status writeMetricsCsv(Store& store, const std::vector<RunRecord>& runs, const std::string& path, long long* rowsWritten) {
    auto names = store.metricNames();
    if (!names) return names.status();
    std::map<int, std::string> nameOf;
    for (const auto& n : *names) nameOf[n.id] = n.name;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) return Status::io("cannot write '" + path + "': " + std::strerror(errno));
    out << storage::csv::formatRow({"run_id", "run_name", "metric", "step", "tokens", "flops", "wall_time", "value"});
    for (const RunRecord& run : runs) {
        std::vector<storage::MetricCursor> cursor{{run.id, 0}};
        const std::string id = std::to_string(run.id);
        for (;;) {
            auto rows = store.metricsAfterSeq(cursor, {}, kMetricPageRows);
            if (!rows) return rows.status();
            if (rows->empty()) break;
            for (const auto& r : *rows)
                out << storage::csv::formatRow({id, run.name, nameOf[r.nameId], std::to_string(r.step), std::to_string(r.tokens),
                                                storage::csv::formatNumber(r.flops), storage::csv::formatNumber(r.wallTime),
                                                storage::csv::formatNumber(r.value)});   // NaN (a diverged loss): empty
            *rowsWritten += static_cast<long long>(rows->size());
            if (!out) return Status::io("writing '" + path + "': " + std::strerror(errno));
        }
    }
    out.close();
    if (!out) return Status::io("closing '" + path + "': " + std::strerror(errno));
    return Status::ok();
}

// `runs export --metrics`: every selected run's metrics at full resolution in one long-format CSV
// (run_id, run_name, metric, step, tokens, flops, wall_time in seconds since the run started, value).
int exportMetrics(Context& ctx) {
    storage::RunFilter filter;
    filter.ids = runIds(ctx, false);
    for (long long id : ctx.args.integerList("run")) {
        if (id <= 0) throw UsageError("option --run: '" + std::to_string(id) + "' is not a run id");
        filter.ids.push_back(id);
    }
    filter.tag = ctx.args.str("tag");
    const std::string outPath = ctx.args.str("out");
    if (outPath.empty()) throw UsageError("missing required option --out");
    if (ctx.args.has("format") && ctx.args.str("format") != "csv")
        throw UsageError("option --format: --metrics writes csv, not '" + ctx.args.str("format") + "'");
    if (ctx.args.has("no-metrics")) throw UsageError("--metrics and --no-metrics contradict each other");
    if (std::filesystem::is_directory(outPath)) throw UsageError("option --out: '" + outPath + "' is a directory; give a .csv file");
    auto store = openStore(ctx, false);
    if (!store) return fail(ctx, "runs export", store.status());
    if (ctx.args.has("sweep")) {
        auto sweep = (*store)->sweepByName(ctx.args.str("sweep"));
        if (!sweep) return fail(ctx, "runs export", sweep.status());
        filter.sweepId = sweep->id;
    }
    auto runs = (*store)->runs(filter);
    if (!runs) return fail(ctx, "runs export", runs.status());
    for (long long id : filter.ids)   // a run asked for by id must exist (and pass --sweep/--tag)
        if (std::none_of(runs->begin(), runs->end(), [id](const RunRecord& r) { return r.id == id; }))
            return fail(ctx, "runs export", Status::notFound("run " + std::to_string(id) + " does not exist or is not in the selection"));
    if (runs->empty()) return fail(ctx, "runs export", Status::notFound("no runs match the selection; nothing written"));
    long long rows = 0;
    const std::string partial = outPath + ".part";   // renamed at the end: no half-written export under the real name
    if (Status s = writeMetricsCsv(**store, *runs, partial, &rows); !s) {
        std::error_code ec;
        std::filesystem::remove(partial, ec);
        return fail(ctx, "runs export", s);
    }
    std::error_code ec;
    std::filesystem::rename(partial, outPath, ec);
    if (ec) return fail(ctx, "runs export", Status::io("cannot move '" + partial + "' to '" + outPath + "': " + ec.message()));
    if (ctx.json)
        *ctx.out << json{{"path", outPath}, {"format", "csv-long"}, {"runs", runs->size()}, {"metric_rows", rows}}.dump(2) << "\n";
    else
        *ctx.out << "exported " << rows << " metric rows of " << runs->size() << " runs to " << outPath << " (long-format csv)\n";
    return kExitOk;
}

int exportRuns(Context& ctx) {
    if (ctx.args.has("metrics")) return exportMetrics(ctx);
    if (ctx.args.has("run") || ctx.args.has("sweep") || ctx.args.has("tag"))
        throw UsageError("--run, --sweep and --tag select runs for --metrics; without it give RUN_IDs");
    storage::ExportOptions options;
    options.runIds = runIds(ctx, false);
    options.metrics = !ctx.args.has("no-metrics");
    const std::string outPath = ctx.args.str("out");
    if (outPath.empty()) throw UsageError("missing required option --out");
    std::string format = ctx.args.str("format");
    if (format.empty()) format = std::filesystem::path(outPath).extension() == ".json" ? "json" : "csv";
    if (format != "json" && format != "csv") throw UsageError("option --format: '" + format + "' is not json or csv");
    auto store = openStore(ctx, false);
    if (!store) return fail(ctx, "runs export", store.status());
    auto bundle = storage::loadBundle(**store, options);
    if (!bundle) return fail(ctx, "runs export", bundle.status());
    Status s;
    if (format == "json") {
        std::ofstream out(outPath, std::ios::binary | std::ios::trunc);
        if (!out) return fail(ctx, "runs export", Status::io("cannot write '" + outPath + "': " + std::strerror(errno)));
        s = storage::writeBundleJson(*bundle, out);
        out.close();
        if (s && !out) s = Status::io("closing '" + outPath + "': " + std::strerror(errno));
        std::error_code ec;
        if (!s) std::filesystem::remove(outPath, ec);   // no half-written export left behind
    } else {
        s = storage::writeBundleCsv(*bundle, outPath);
    }
    if (!s) return fail(ctx, "runs export", s);
    long long metricRows = 0;
    for (const auto& r : bundle->runs) metricRows += static_cast<long long>(r.metrics.size());
    if (ctx.json)
        *ctx.out << json{{"path", outPath}, {"format", format}, {"runs", bundle->runs.size()}, {"metric_rows", metricRows},
                         {"sweeps", bundle->sweeps.size()}, {"fits", bundle->fits.size()},
                         {"benchmark_points", bundle->benchmarkPoints.size()}}.dump(2) << "\n";
    else
        *ctx.out << "exported " << bundle->runs.size() << " runs (" << metricRows << " metric rows), "
                 << bundle->fits.size() << " fits, " << bundle->benchmarkPoints.size() << " benchmark points to "
                 << outPath << " (" << format << ")\n";
    return kExitOk;
}

int importDataset(Context& ctx, const std::string& path) {
    auto text = storage::readTextFile(path);
    if (!text) return fail(ctx, "runs import", text.status());
    auto rows = storage::parseResultsTable(*text, path);
    if (!rows) return fail(ctx, "runs import", rows.status());
    storage::ReferenceDatasetInfo info;
    info.name = ctx.args.str("dataset");
    info.title = ctx.args.str("title", info.name);
    info.source = ctx.args.str("source", path);
    info.citation = ctx.args.str("citation");
    info.license = ctx.args.str("license");
    auto store = openStore(ctx, true);
    if (!store) return fail(ctx, "runs import", store.status());
    if (Status s = (*store)->importReferenceDataset(info, *rows); !s) return fail(ctx, "runs import", s);
    if (ctx.json) *ctx.out << json{{"dataset", info.name}, {"rows", rows->size()}}.dump(2) << "\n";
    else *ctx.out << "reference dataset '" << info.name << "': " << rows->size() << " rows (read-only)\n";
    return kExitOk;
}

int importRuns(Context& ctx) {
    if (ctx.args.positional().size() != 1) throw UsageError("give exactly one PATH (a .json export, a CSV export directory or, with --dataset, a results table)");
    const std::string path = ctx.args.positional().front();
    if (ctx.args.has("dataset")) return importDataset(ctx, path);
    const bool isDirectory = std::filesystem::is_directory(path);
    if (!isDirectory && std::filesystem::path(path).extension() == ".csv")
        throw UsageError("a single CSV file is imported as a results table: give --dataset NAME (a CSV export is a directory)");
    Result<storage::Bundle> bundle = Status::ok();
    if (isDirectory) {
        bundle = storage::readBundleCsv(path);
    } else {
        auto text = storage::readTextFile(path);
        if (!text) return fail(ctx, "runs import", text.status());
        bundle = storage::readBundleJson(*text, path);
    }
    if (!bundle) return fail(ctx, "runs import", bundle.status());
    auto store = openStore(ctx, true);
    if (!store) return fail(ctx, "runs import", store.status());
    auto summary = storage::saveBundle(**store, *bundle);
    if (!summary) return fail(ctx, "runs import", summary.status());
    if (ctx.json)
        *ctx.out << json{{"runs", summary->runs}, {"run_ids", summary->newRunIds}, {"metric_rows", summary->metrics},
                         {"sweeps", summary->sweeps}, {"fits", summary->fits},
                         {"benchmark_points", summary->benchmarkPoints}}.dump(2) << "\n";
    else
        *ctx.out << "imported " << summary->runs << " runs (" << summary->metrics << " metric rows), " << summary->sweeps
                 << " sweeps, " << summary->fits << " fits, " << summary->benchmarkPoints << " benchmark points\n";
    return kExitOk;
}

}  // namespace

void registerRunsCommands(Registry& registry) {
    registry.addGroup("runs", "list, inspect, tag, delete, export and import training runs");
    const std::string ids = "RUN_ID...";

    Command list;
    list.path = "runs list";
    list.summary = "list runs, oldest first";
    list.usesDatabase = true;
    list.options = {{"status", "S", "only runs with this status (queued, running, finished, failed, diverged, cancelled, interrupted)", ""},
                    {"arch", "A", "only this architecture (xlstm, transformer, ...)", ""},
                    {"tag", "T", "only runs carrying this tag", ""},
                    {"sweep", "NAME", "only runs of this sweep", ""},
                    {"limit", "N", "only the newest N runs", "all"}};
    list.handler = listRuns;
    registry.add(list);

    Command show;
    show.path = "runs show";
    show.summary = "show runs in full, with a summary of each metric";
    show.positionalUsage = ids;
    show.usesDatabase = true;
    show.handler = showRuns;
    registry.add(show);

    Command tag;
    tag.path = "runs tag";
    tag.summary = "add or remove tags";
    tag.positionalUsage = ids;
    tag.usesDatabase = true;
    tag.options = {{"add", "TAGS", "comma-separated tags to add", ""}, {"remove", "TAGS", "comma-separated tags to remove", ""}};
    tag.handler = tagRuns;
    registry.add(tag);

    Command del;
    del.path = "runs delete";
    del.summary = "delete runs with their metrics (one transaction)";
    del.positionalUsage = ids;
    del.usesDatabase = true;
    del.options = {{"force", "", "also delete runs that are still marked running", ""}};
    del.handler = deleteRuns;
    registry.add(del);

    Command exp;
    exp.path = "runs export";
    exp.summary = "export runs with metrics, sweeps, fits and benchmark points as JSON or CSV";
    exp.description = "Without RUN_IDs every run is exported, with every fit and benchmark point. With RUN_IDs, the fits\n"
                      "whose input runs are all exported come along. CSV writes a directory of tables.\n"
                      "With --metrics, the selected runs' metrics at full resolution go to one long-format CSV file\n"
                      "(run_id, run_name, metric, step, tokens, flops, wall_time, value; wall_time in seconds since\n"
                      "the run started), read and written a page at a time.";
    exp.positionalUsage = "[RUN_ID...]";
    exp.usesDatabase = true;
    exp.options = {{"out", "PATH", "file (json) or directory (csv) to write", ""},
                   {"format", "F", "json or csv", "from --out: .json -> json, else csv"},
                   {"no-metrics", "", "leave the metric rows out", ""},
                   {"metrics", "", "write only the metrics, one long-format CSV file", "", "Metrics CSV"},
                   {"run", "IDS", "comma-separated run ids (with RUN_IDs: both)", "every run", "Metrics CSV"},
                   {"sweep", "NAME", "only runs of this sweep", "", "Metrics CSV"},
                   {"tag", "T", "only runs carrying this tag", "", "Metrics CSV"}};
    exp.handler = exportRuns;
    registry.add(exp);

    Command imp;
    imp.path = "runs import";
    imp.summary = "import a JSON or CSV export, or a results table as a read-only reference dataset";
    imp.description = "PATH is a .json export, a CSV export directory, or (with --dataset) a results-table CSV\n"
                      "(arch, params, loss, tokens|flops, ...). Everything is checked before anything is written;\n"
                      "errors name file:line:column, and a failed import leaves the database unchanged.";
    imp.positionalUsage = "PATH";
    imp.usesDatabase = true;
    imp.options = {{"dataset", "NAME", "import PATH as a results table under this dataset name", "", "Results table"},
                   {"title", "TEXT", "dataset title", "NAME", "Results table"},
                   {"source", "TEXT", "where the numbers come from", "PATH", "Results table"},
                   {"citation", "TEXT", "how to cite them", "", "Results table"},
                   {"license", "TEXT", "their licence or terms", "", "Results table"}};
    imp.handler = importRuns;
    registry.add(imp);
}

}  // namespace seqscope::cli
