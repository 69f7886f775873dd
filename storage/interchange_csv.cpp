// SPDX-License-Identifier: MIT
// The CSV-directory export format (interchange.h): one table per file, columns matched by name in
// any order, every value checked where it is read so an error names file:line:column. Tags and
// fit input runs are ';'-separated, so a tag containing ';' does not survive a CSV round trip
// (the JSON format keeps it).
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "storage/csv.h"
#include "storage/interchange.h"

namespace seqscope::storage {
namespace {

namespace fs = std::filesystem;

std::string num(double v) { return std::isfinite(v) ? csv::formatNumber(v) : std::string(); }
std::string timeText(double v) { return v > 0 ? csv::formatNumber(v) : std::string(); }

std::vector<std::string> split(const std::string& text, char separator) {
    std::vector<std::string> parts;
    size_t start = 0;
    while (start <= text.size() && !text.empty()) {
        const size_t end = text.find(separator, start);
        std::string part = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (!part.empty()) parts.push_back(part);
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return parts;
}

std::string join(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : ";") + p;
    return out;
}

// Tags in one CSV field: ';' between them; a ';' or '\' inside a tag is escaped with '\', so any tag
// comes back as it was (exports written before the escape hold no backslashes and read the same).
std::string joinTags(const std::vector<std::string>& tags) {
    std::string out;
    for (size_t i = 0; i < tags.size(); ++i) {
        if (i) out += ';';
        for (char c : tags[i]) {
            if (c == ';' || c == '\\') out += '\\';
            out += c;
        }
    }
    return out;
}

std::vector<std::string> splitTags(const std::string& text) {
    std::vector<std::string> tags;
    std::string tag;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\' && i + 1 < text.size()) {
            tag += text[++i];
        } else if (text[i] == ';') {
            if (!tag.empty()) tags.push_back(tag);
            tag.clear();
        } else {
            tag += text[i];
        }
    }
    if (!tag.empty()) tags.push_back(tag);
    return tags;
}

Status writeFile(const fs::path& path, const std::string& content) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << content;
    out.close();
    if (!out) return Status::io("cannot write '" + path.string() + "'");
    return Status::ok();
}

// One parsed CSV file with typed, position-reporting access to the current row.
struct Table {
    std::string file;
    csv::Header header;
    std::vector<csv::Record> records;   // data rows (header removed)
};

Result<Table> readTable(const fs::path& path, const std::vector<const char*>& required) {
    Table t;
    t.file = path.string();   // the full path, so an error names the file the user can open
    auto text = readTextFile(path.string());
    if (!text) return text.status();
    auto records = csv::parse(*text, t.file);
    if (!records) return records.status();
    if (records->empty()) return Status::invalid(csv::where(t.file, 1, 1, "no header row"));
    auto header = csv::readHeader(records->front(), t.file);
    if (!header) return header.status();
    t.header = std::move(*header);
    for (const char* name : required)
        if (t.header.find(name) < 0)
            return Status::invalid(csv::where(t.file, records->front().line, 1, std::string("missing required column '") + name + "'"));
    t.records.assign(std::make_move_iterator(records->begin() + 1), std::make_move_iterator(records->end()));
    for (const auto& rec : t.records)
        if (rec.fields.size() != t.header.names.size())
            return Status::invalid(csv::where(t.file, rec.line, rec.fields.size() < t.header.names.size() ? rec.endColumn
                                                                  : rec.fields[t.header.names.size()].column,
                                              "row has " + std::to_string(rec.fields.size()) + " fields, the header has " +
                                                  std::to_string(t.header.names.size())));
    return t;
}

class Row {
public:
    Row(const Table& table, const csv::Record& record) : m_t(table), m_r(record) {}

    const csv::Field* field(const char* column) const {
        const int c = m_t.header.find(column);
        return c < 0 ? nullptr : &m_r.fields[static_cast<size_t>(c)];
    }
    Status fail(const char* column, const std::string& problem) const {
        const csv::Field* f = field(column);
        return Status::invalid(csv::where(m_t.file, f ? f->line : m_r.line, f ? f->column : 1, problem));
    }
    Status text(const char* column, std::string* out, bool required = false) const {
        const csv::Field* f = field(column);
        if (f) *out = f->text;
        if (required && out->empty()) return fail(column, std::string("empty ") + column);
        return Status::ok();
    }
    // Empty reads as NaN.
    Status number(const char* column, double* out, bool required = false) const {
        const csv::Field* f = field(column);
        if (!f || f->text.empty()) {
            if (required) return fail(column, std::string("empty ") + column);
            *out = NAN;
            return Status::ok();
        }
        if (!csv::toDouble(f->text, out)) return fail(column, std::string(column) + " '" + f->text + "' is not a finite number");
        return Status::ok();
    }
    Status zeroOrNumber(const char* column, double* out) const {
        if (Status s = number(column, out); !s) return s;
        if (std::isnan(*out)) *out = 0;
        return Status::ok();
    }
    Status integer(const char* column, long long* out, bool required = false) const {
        const csv::Field* f = field(column);
        if (!f || f->text.empty()) return required ? fail(column, std::string("empty ") + column) : Status::ok();
        if (!csv::toInteger(f->text, out)) return fail(column, std::string(column) + " '" + f->text + "' is not a whole number");
        return Status::ok();
    }
    Status object(const char* column, std::string* out) const {
        const csv::Field* f = field(column);
        if (!f || f->text.empty()) return Status::ok();
        const auto j = nlohmann::json::parse(f->text, nullptr, false);
        if (!j.is_object()) return fail(column, std::string(column) + " is not a JSON object");
        *out = j.dump();
        return Status::ok();
    }

private:
    const Table& m_t;
    const csv::Record& m_r;
};

}  // namespace

Status writeBundleCsv(const Bundle& bundle, const std::string& directory) {
    std::error_code ec;
    fs::create_directories(directory, ec);
    if (ec) return Status::io("cannot create directory '" + directory + "': " + ec.message());
    const fs::path dir(directory);

    std::string runs = csv::formatRow({"id", "name", "arch", "config", "params", "flops_per_token", "flops_per_sequence",
                                       "ctx", "dataset", "device", "seed", "status", "failure_reason", "created_at",
                                       "started_at", "ended_at", "host", "pid", "seqscope_version", "tags", "notes", "sweep"});
    std::string metrics = csv::formatRow({"run_id", "step", "tokens", "flops", "wall_time", "name", "value"});
    for (const auto& br : bundle.runs) {
        const RunRecord& r = br.run;
        runs += csv::formatRow({std::to_string(r.id), r.name, r.arch, r.configJson, num(r.params), num(r.flopsPerToken),
                                num(r.flopsPerSequence), std::to_string(r.ctx), r.dataset, r.device, std::to_string(r.seed),
                                toString(r.status), r.failureReason, timeText(r.createdAt), timeText(r.startedAt),
                                timeText(r.endedAt), r.host, std::to_string(r.pid), r.seqscopeVersion, joinTags(r.tags), r.notes,
                                br.sweepName});
        const std::string id = std::to_string(r.id);
        for (const auto& p : br.metrics)
            metrics += csv::formatRow({id, std::to_string(p.step), std::to_string(p.tokens), num(p.flops), num(p.wallTime),
                                       p.name, num(p.value)});
    }
    std::string sweeps = csv::formatRow({"name", "plan", "notes", "created_at"});
    for (const auto& s : bundle.sweeps) sweeps += csv::formatRow({s.name, s.planJson, s.notes, timeText(s.createdAt)});
    std::string fits = csv::formatRow({"kind", "label", "input_runs", "selection", "params", "objective", "options", "created_at"});
    for (const auto& f : bundle.fits) {
        std::vector<std::string> ids;
        for (long long id : f.inputRuns) ids.push_back(std::to_string(id));
        fits += csv::formatRow({f.kind, f.label, join(ids), f.selectionJson, f.paramsJson, num(f.objective), f.optionsJson,
                                timeText(f.createdAt)});
    }
    std::string points = csv::formatRow({"label", "arch", "params", "config", "batch", "prefill_len", "generated_tokens",
                                         "ttft_ms", "step_ms", "peak_memory_bytes", "device", "status", "message", "created_at"});
    for (const auto& p : bundle.benchmarkPoints)
        points += csv::formatRow({p.label, p.arch, num(p.params), p.configJson, std::to_string(p.batch),
                                  std::to_string(p.prefillLength), std::to_string(p.generatedTokens), num(p.ttftMs),
                                  num(p.stepMs), std::to_string(p.peakMemoryBytes), p.device, p.status, p.message,
                                  timeText(p.createdAt)});
    for (const auto& [name, content] : std::initializer_list<std::pair<const char*, const std::string&>>{
             {"runs.csv", runs}, {"metrics.csv", metrics}, {"sweeps.csv", sweeps}, {"fits.csv", fits},
             {"benchmark_points.csv", points}})
        if (Status s = writeFile(dir / name, content); !s) return s;
    return Status::ok();
}

Result<Bundle> readBundleCsv(const std::string& directory) {
    const fs::path dir(directory);
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return Status::notFound("'" + directory + "' is not a directory");
    if (!fs::exists(dir / "runs.csv", ec)) return Status::notFound("no runs.csv in '" + directory + "'");
    auto optional = [&](const char* name) { return fs::exists(dir / name, ec); };

    Bundle bundle;
    if (optional("sweeps.csv")) {
        auto t = readTable(dir / "sweeps.csv", {"name"});
        if (!t) return t.status();
        std::set<std::string> names;
        for (const auto& rec : t->records) {
            Row row(*t, rec);
            SweepRecord s;
            double created = NAN;
            for (Status st : {row.text("name", &s.name, true), row.object("plan", &s.planJson), row.text("notes", &s.notes),
                              row.number("created_at", &created)})
                if (!st) return st;
            s.createdAt = std::isnan(created) ? 0 : created;
            if (!names.insert(s.name).second) return row.fail("name", "sweep '" + s.name + "' appears twice");
            bundle.sweeps.push_back(std::move(s));
        }
    }

    std::map<long long, size_t> runIndex;   // source id -> position in bundle.runs
    {
        auto t = readTable(dir / "runs.csv", {"id", "arch"});
        if (!t) return t.status();
        for (const auto& rec : t->records) {
            Row row(*t, rec);
            BundleRun br;
            RunRecord& r = br.run;
            std::string status = "finished", tags;
            double created = NAN, started = NAN, ended = NAN;
            for (Status st : {row.integer("id", &r.id, true), row.text("name", &r.name), row.text("arch", &r.arch, true),
                              row.object("config", &r.configJson), row.zeroOrNumber("params", &r.params),
                              row.zeroOrNumber("flops_per_token", &r.flopsPerToken),
                              row.zeroOrNumber("flops_per_sequence", &r.flopsPerSequence), row.integer("ctx", &r.ctx),
                              row.text("dataset", &r.dataset), row.text("device", &r.device), row.integer("seed", &r.seed),
                              row.text("status", &status), row.text("failure_reason", &r.failureReason),
                              row.number("created_at", &created), row.number("started_at", &started),
                              row.number("ended_at", &ended), row.text("host", &r.host), row.integer("pid", &r.pid),
                              row.text("seqscope_version", &r.seqscopeVersion), row.text("tags", &tags),
                              row.text("notes", &r.notes), row.text("sweep", &br.sweepName)})
                if (!st) return st;
            if (r.id <= 0) return row.fail("id", "run id must be positive");
            if (!parseRunStatus(status, &r.status)) return row.fail("status", "unknown run status '" + status + "'");
            r.createdAt = std::isnan(created) ? 0 : created;
            r.startedAt = std::isnan(started) ? 0 : started;
            r.endedAt = std::isnan(ended) ? 0 : ended;
            r.tags = splitTags(tags);
            std::string error;
            if (!r.isValid(&error)) return row.fail("arch", error);
            if (!runIndex.emplace(r.id, bundle.runs.size()).second)
                return row.fail("id", "run id " + std::to_string(r.id) + " appears twice");
            bundle.runs.push_back(std::move(br));
        }
    }
    if (optional("metrics.csv")) {
        auto t = readTable(dir / "metrics.csv", {"run_id", "step", "name", "value"});
        if (!t) return t.status();
        for (const auto& rec : t->records) {
            Row row(*t, rec);
            long long runId = 0;
            MetricPoint p;
            double flops = NAN, wall = NAN;
            for (Status st : {row.integer("run_id", &runId, true), row.integer("step", &p.step, true),
                              row.integer("tokens", &p.tokens), row.number("flops", &flops), row.number("wall_time", &wall),
                              row.text("name", &p.name, true), row.number("value", &p.value)})
                if (!st) return st;
            if (p.step < 0) return row.fail("step", "step must be >= 0");
            if (p.tokens < 0) return row.fail("tokens", "tokens must be >= 0");
            p.flops = std::isnan(flops) ? 0 : flops;
            p.wallTime = std::isnan(wall) ? 0 : wall;
            auto it = runIndex.find(runId);
            if (it == runIndex.end()) return row.fail("run_id", "run " + std::to_string(runId) + " is not in runs.csv");
            bundle.runs[it->second].metrics.push_back(std::move(p));
        }
    }
    if (optional("fits.csv")) {
        auto t = readTable(dir / "fits.csv", {"kind"});
        if (!t) return t.status();
        for (const auto& rec : t->records) {
            Row row(*t, rec);
            FitRecord f;
            std::string inputs;
            double created = NAN;
            for (Status st : {row.text("kind", &f.kind, true), row.text("label", &f.label), row.text("input_runs", &inputs),
                              row.object("selection", &f.selectionJson), row.object("params", &f.paramsJson),
                              row.number("objective", &f.objective), row.object("options", &f.optionsJson),
                              row.number("created_at", &created)})
                if (!st) return st;
            f.createdAt = std::isnan(created) ? 0 : created;
            for (const auto& part : split(inputs, ';')) {
                long long id = 0;
                if (!csv::toInteger(part, &id)) return row.fail("input_runs", "input run '" + part + "' is not a run id");
                if (!runIndex.count(id)) return row.fail("input_runs", "run " + part + " is not in runs.csv");
                f.inputRuns.push_back(id);
            }
            bundle.fits.push_back(std::move(f));
        }
    }
    if (optional("benchmark_points.csv")) {
        auto t = readTable(dir / "benchmark_points.csv", {"batch", "prefill_len", "generated_tokens"});
        if (!t) return t.status();
        for (const auto& rec : t->records) {
            Row row(*t, rec);
            BenchmarkPoint b;
            double created = NAN;
            for (Status st : {row.text("label", &b.label), row.text("arch", &b.arch), row.zeroOrNumber("params", &b.params),
                              row.object("config", &b.configJson), row.integer("batch", &b.batch, true),
                              row.integer("prefill_len", &b.prefillLength, true),
                              row.integer("generated_tokens", &b.generatedTokens, true), row.number("ttft_ms", &b.ttftMs),
                              row.number("step_ms", &b.stepMs), row.integer("peak_memory_bytes", &b.peakMemoryBytes),
                              row.text("device", &b.device), row.text("status", &b.status), row.text("message", &b.message),
                              row.number("created_at", &created)})
                if (!st) return st;
            b.createdAt = std::isnan(created) ? 0 : created;
            std::string error;
            if (!b.isValid(&error)) return row.fail("batch", error);
            bundle.benchmarkPoints.push_back(std::move(b));
        }
    }
    return bundle;
}

}  // namespace seqscope::storage
