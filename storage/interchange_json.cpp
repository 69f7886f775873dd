// SPDX-License-Identifier: MIT
// The JSON export format (interchange.h): written as a stream (one run at a time, one metric row
// per line) and read back with every value type-checked; an error names the value's line and
// column through json_position.h. Unknown members are ignored so older builds read newer
// exports of the same format_version.
#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstring>
#include <ostream>
#include <set>

#include "common/version.h"
#include "storage/interchange.h"
#include "storage/json_position.h"
#include "storage/process_identity.h"

namespace seqscope::storage {
namespace {

using nlohmann::json;

const std::vector<std::string> kMetricColumns = {"step", "tokens", "flops", "wall_time", "name", "value"};

json orNull(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }
json timeOrNull(double v) { return v > 0 ? json(v) : json(nullptr); }
json parsedObject(const std::string& text) {
    json j = json::parse(text, nullptr, false);
    return j.is_object() ? j : json::object();
}

json runJson(const BundleRun& br) {
    const RunRecord& r = br.run;
    return json{{"id", r.id}, {"name", r.name}, {"arch", r.arch}, {"config", parsedObject(r.configJson)},
                {"params", r.params}, {"flops_per_token", r.flopsPerToken}, {"flops_per_sequence", r.flopsPerSequence},
                {"ctx", r.ctx}, {"dataset", r.dataset}, {"device", r.device}, {"seed", r.seed},
                {"status", toString(r.status)}, {"failure_reason", r.failureReason},
                {"created_at", timeOrNull(r.createdAt)}, {"started_at", timeOrNull(r.startedAt)},
                {"ended_at", timeOrNull(r.endedAt)}, {"host", r.host}, {"pid", r.pid},
                {"seqscope_version", r.seqscopeVersion}, {"tags", r.tags}, {"notes", r.notes},
                {"sweep", br.sweepName.empty() ? json(nullptr) : json(br.sweepName)}};
}

// Typed access to the members of one JSON object, with errors at the member's position.
class Members {
public:
    Members(const json& object, std::string pointer, std::string_view text, const std::string& file)
        : m_object(object), m_pointer(std::move(pointer)), m_text(text), m_file(file) {}

    Status fail(const std::string& pointer, const std::string& problem) const {
        return Status::invalid(jsonpos::where(m_text, m_file, pointer, problem));
    }
    Status fail(const char* key, const std::string& problem) const { return fail(at(key), problem); }
    std::string at(const std::string& key) const { return m_pointer + "/" + key; }
    const json* find(const char* key) const {
        auto it = m_object.find(key);
        return it == m_object.end() ? nullptr : &*it;
    }

    Status text(const char* key, std::string* out, bool required = false) const {
        const json* v = find(key);
        if (!v || v->is_null()) return required ? fail(m_pointer, std::string("missing \"") + key + "\"") : Status::ok();
        if (!v->is_string()) return fail(key, std::string("\"") + key + "\" must be a string");
        *out = v->get<std::string>();
        if (required && out->empty()) return fail(key, std::string("\"") + key + "\" is empty");
        return Status::ok();
    }
    // null and absent read as NaN (or leave *out) unless required.
    Status number(const char* key, double* out, bool required = false) const {
        const json* v = find(key);
        if (!v || v->is_null()) return required ? fail(m_pointer, std::string("missing \"") + key + "\"") : Status::ok();
        if (!v->is_number()) return fail(key, std::string("\"") + key + "\" must be a number");
        *out = v->get<double>();
        return Status::ok();
    }
    Status integer(const char* key, long long* out, bool required = false) const {
        double v = NAN;
        if (Status s = number(key, &v, required); !s) return s;
        if (std::isnan(v)) return Status::ok();
        if (v != std::floor(v) || std::fabs(v) > 9.0e15) return fail(key, std::string("\"") + key + "\" must be a whole number");
        *out = static_cast<long long>(v);
        return Status::ok();
    }
    Status time(const char* key, double* out) const {
        double v = NAN;
        if (Status s = number(key, &v); !s) return s;
        *out = std::isnan(v) ? 0.0 : v;
        return Status::ok();
    }
    Status object(const char* key, std::string* out) const {
        const json* v = find(key);
        if (!v || v->is_null()) return Status::ok();
        if (!v->is_object()) return fail(key, std::string("\"") + key + "\" must be a JSON object");
        *out = v->dump();
        return Status::ok();
    }
    Status strings(const char* key, std::vector<std::string>* out) const {
        const json* v = find(key);
        if (!v || v->is_null()) return Status::ok();
        if (!v->is_array()) return fail(key, std::string("\"") + key + "\" must be an array of strings");
        for (size_t i = 0; i < v->size(); ++i) {
            if (!(*v)[i].is_string()) return fail(at(key) + "/" + std::to_string(i), "expected a string");
            out->push_back((*v)[i].get<std::string>());
        }
        return Status::ok();
    }

private:
    const json& m_object;
    std::string m_pointer;
    std::string_view m_text;
    const std::string& m_file;
};

Status readMetrics(const json& metrics, const std::string& pointer, std::string_view text, const std::string& file,
                   std::vector<MetricPoint>* out) {
    Members m(metrics, pointer, text, file);
    if (!metrics.is_object()) return m.fail(pointer, "\"metrics\" must be an object with \"columns\" and \"rows\"");
    const json* columns = m.find("columns");
    if (!columns || *columns != json(kMetricColumns))
        return m.fail(columns ? m.at("columns") : pointer, "metric \"columns\" must be " + json(kMetricColumns).dump());
    const json* rows = m.find("rows");
    if (!rows) return Status::ok();
    if (!rows->is_array()) return m.fail("rows", "metric \"rows\" must be an array");
    out->reserve(rows->size());
    for (size_t i = 0; i < rows->size(); ++i) {
        const json& row = (*rows)[i];
        const std::string rp = m.at("rows") + "/" + std::to_string(i);
        if (!row.is_array() || row.size() != kMetricColumns.size())
            return m.fail(rp, "metric row must be an array of " + std::to_string(kMetricColumns.size()) + " values");
        auto cell = [&](size_t c) { return rp + "/" + std::to_string(c); };
        // Whole, >= 0 and small enough to convert: a float beyond 2^53 would not round-trip anyway.
        auto wholeNonNegative = [](const json& v) {
            return v.is_number() && v.get<double>() >= 0 && v.get<double>() <= 9.0e15 && v.get<double>() == std::floor(v.get<double>());
        };
        MetricPoint p;
        if (!wholeNonNegative(row[0])) return m.fail(cell(0), "step must be a whole number >= 0");
        if (!wholeNonNegative(row[1])) return m.fail(cell(1), "tokens must be a whole number >= 0");
        for (size_t c : {2u, 3u, 5u})
            if (!row[c].is_number() && !row[c].is_null())
                return m.fail(cell(c), kMetricColumns[c] + " must be a number or null");
        if (!row[4].is_string() || row[4].get<std::string>().empty())
            return m.fail(cell(4), "metric name must be a non-empty string");
        p.step = static_cast<long long>(row[0].get<double>());
        p.tokens = static_cast<long long>(row[1].get<double>());
        p.flops = row[2].is_null() ? 0.0 : row[2].get<double>();
        p.wallTime = row[3].is_null() ? 0.0 : row[3].get<double>();
        p.name = row[4].get<std::string>();
        p.value = row[5].is_null() ? NAN : row[5].get<double>();
        out->push_back(std::move(p));
    }
    return Status::ok();
}

Status readRun(const json& j, const std::string& pointer, std::string_view text, const std::string& file, BundleRun* br) {
    Members m(j, pointer, text, file);
    if (!j.is_object()) return m.fail(pointer, "a run must be a JSON object");
    RunRecord& r = br->run;
    std::string status = "finished";
    for (Status s : {m.integer("id", &r.id, true), m.text("name", &r.name), m.text("arch", &r.arch, true),
                     m.object("config", &r.configJson), m.number("params", &r.params),
                     m.number("flops_per_token", &r.flopsPerToken), m.number("flops_per_sequence", &r.flopsPerSequence),
                     m.integer("ctx", &r.ctx), m.text("dataset", &r.dataset), m.text("device", &r.device),
                     m.integer("seed", &r.seed), m.text("status", &status), m.text("failure_reason", &r.failureReason),
                     m.time("created_at", &r.createdAt), m.time("started_at", &r.startedAt),
                     m.time("ended_at", &r.endedAt), m.text("host", &r.host), m.integer("pid", &r.pid),
                     m.text("seqscope_version", &r.seqscopeVersion), m.strings("tags", &r.tags),
                     m.text("notes", &r.notes), m.text("sweep", &br->sweepName)})
        if (!s) return s;
    if (r.id <= 0) return m.fail("id", "run id must be positive");
    if (!parseRunStatus(status, &r.status)) return m.fail("status", "unknown run status '" + status + "'");
    for (const char* key : {"params", "flops_per_token", "flops_per_sequence"}) {
        double v = 0;
        if (Status s = m.number(key, &v); !s) return s;
        if (!(v >= 0)) return m.fail(key, std::string("\"") + key + "\" must be >= 0");
    }
    std::string error;
    if (!r.isValid(&error)) return m.fail(pointer, error);
    if (const json* metrics = m.find("metrics"))
        if (Status s = readMetrics(*metrics, m.at("metrics"), text, file, &br->metrics); !s) return s;
    return Status::ok();
}

}  // namespace

Status writeBundleJson(const Bundle& bundle, std::ostream& out) {
    const auto dumpArg = [](const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); };
    out << "{\n\"format\": \"seqscope-export\",\n\"format_version\": " << kExportFormatVersion
        << ",\n\"seqscope_version\": " << json(kVersion).dump() << ",\n\"exported_at\": " << json(nowSeconds()).dump()
        << ",\n\"sweeps\": [";
    for (size_t i = 0; i < bundle.sweeps.size(); ++i) {
        const SweepRecord& s = bundle.sweeps[i];
        out << (i ? ",\n" : "\n")
            << dumpArg({{"name", s.name}, {"plan", parsedObject(s.planJson)}, {"notes", s.notes}, {"created_at", timeOrNull(s.createdAt)}});
    }
    out << "],\n\"runs\": [";
    for (size_t i = 0; i < bundle.runs.size(); ++i) {
        std::string head = dumpArg(runJson(bundle.runs[i]));
        head.pop_back();   // the closing brace: the metrics follow, streamed row by row
        out << (i ? ",\n" : "\n") << head << ",\"metrics\":{\"columns\":" << json(kMetricColumns).dump() << ",\"rows\":[";
        const auto& metrics = bundle.runs[i].metrics;
        for (size_t k = 0; k < metrics.size(); ++k) {
            const MetricPoint& p = metrics[k];
            out << (k ? ",\n" : "\n") << dumpArg(json::array({p.step, p.tokens, orNull(p.flops), orNull(p.wallTime), p.name, orNull(p.value)}));
        }
        out << "]}}";
    }
    out << "],\n\"fits\": [";
    for (size_t i = 0; i < bundle.fits.size(); ++i) {
        const FitRecord& f = bundle.fits[i];
        out << (i ? ",\n" : "\n")
            << dumpArg({{"kind", f.kind}, {"label", f.label}, {"input_runs", f.inputRuns},
                        {"selection", parsedObject(f.selectionJson)}, {"params", parsedObject(f.paramsJson)},
                        {"objective", orNull(f.objective)}, {"options", parsedObject(f.optionsJson)},
                        {"created_at", timeOrNull(f.createdAt)}});
    }
    out << "],\n\"benchmark_points\": [";
    for (size_t i = 0; i < bundle.benchmarkPoints.size(); ++i) {
        const BenchmarkPoint& p = bundle.benchmarkPoints[i];
        out << (i ? ",\n" : "\n")
            << dumpArg({{"label", p.label}, {"arch", p.arch}, {"params", p.params}, {"config", parsedObject(p.configJson)},
                        {"batch", p.batch}, {"prefill_len", p.prefillLength}, {"generated_tokens", p.generatedTokens},
                        {"ttft_ms", orNull(p.ttftMs)}, {"step_ms", orNull(p.stepMs)},
                        {"peak_memory_bytes", p.peakMemoryBytes}, {"device", p.device}, {"status", p.status},
                        {"message", p.message}, {"created_at", timeOrNull(p.createdAt)}});
    }
    out << "]\n}\n";
    out.flush();
    if (!out) return Status::io(std::string("writing the JSON export failed: ") + std::strerror(errno ? errno : EIO));
    return Status::ok();
}

Result<Bundle> readBundleJson(std::string_view text, const std::string& file) {
    json doc;
    try {
        doc = json::parse(text.begin(), text.end());
    } catch (const json::parse_error& e) {
        std::string problem = e.what();
        // "[json.exception.parse_error.101] parse error at line 2, column 5: <problem>": keep <problem>.
        if (auto at = problem.find("column "); at != std::string::npos)
            if (auto colon = problem.find(": ", at); colon != std::string::npos) problem = problem.substr(colon + 2);
        const auto pos = jsonpos::positionOf(text, e.byte > 0 ? e.byte - 1 : 0);
        return Status::invalid(file + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column) + ": " + problem);
    } catch (const json::exception& e) {   // e.g. a number too large for any type (out_of_range.406)
        return Status::invalid(file + ": " + e.what());
    }
    Members root(doc, "", text, file);
    if (!doc.is_object()) return root.fail("", "expected a Seqscope export (a JSON object)");
    std::string format;
    long long version = 0;
    if (Status s = root.text("format", &format, true); !s) return s;
    if (format != "seqscope-export") return root.fail("format", "\"format\" is '" + format + "', not 'seqscope-export'");
    if (Status s = root.integer("format_version", &version, true); !s) return s;
    if (version < 1 || version > kExportFormatVersion)
        return Status(StatusCode::Incompatible, jsonpos::where(text, file, "/format_version",
                                                            "export format version " + std::to_string(version) +
                                                                " is not supported (this build reads up to " +
                                                                std::to_string(kExportFormatVersion) + ")"));
    auto array = [&](const char* key, const json** out) -> Status {
        *out = root.find(key);
        if (*out && !(*out)->is_array() && !(*out)->is_null()) return root.fail(key, std::string("\"") + key + "\" must be an array");
        if (*out && (*out)->is_null()) *out = nullptr;
        return Status::ok();
    };
    const json *sweeps = nullptr, *runs = nullptr, *fits = nullptr, *points = nullptr;
    for (Status s : {array("sweeps", &sweeps), array("runs", &runs), array("fits", &fits), array("benchmark_points", &points)})
        if (!s) return s;

    Bundle bundle;
    std::set<std::string> sweepNames;
    for (size_t i = 0; sweeps && i < sweeps->size(); ++i) {
        const std::string p = "/sweeps/" + std::to_string(i);
        Members m((*sweeps)[i], p, text, file);
        if (!(*sweeps)[i].is_object()) return m.fail(p, "a sweep must be a JSON object");
        SweepRecord s;
        for (Status st : {m.text("name", &s.name, true), m.object("plan", &s.planJson), m.text("notes", &s.notes),
                          m.time("created_at", &s.createdAt)})
            if (!st) return st;
        if (!sweepNames.insert(s.name).second) return m.fail("name", "sweep '" + s.name + "' appears twice");
        bundle.sweeps.push_back(std::move(s));
    }
    std::set<long long> runIds;
    for (size_t i = 0; runs && i < runs->size(); ++i) {
        const std::string p = "/runs/" + std::to_string(i);
        BundleRun br;
        if (Status s = readRun((*runs)[i], p, text, file, &br); !s) return s;
        if (!runIds.insert(br.run.id).second)
            return Status::invalid(jsonpos::where(text, file, p + "/id", "run id " + std::to_string(br.run.id) + " appears twice"));
        bundle.runs.push_back(std::move(br));
    }
    for (size_t i = 0; fits && i < fits->size(); ++i) {
        const std::string p = "/fits/" + std::to_string(i);
        Members m((*fits)[i], p, text, file);
        if (!(*fits)[i].is_object()) return m.fail(p, "a fit must be a JSON object");
        FitRecord f;
        for (Status st : {m.text("kind", &f.kind, true), m.text("label", &f.label), m.object("selection", &f.selectionJson),
                          m.object("params", &f.paramsJson), m.number("objective", &f.objective),
                          m.object("options", &f.optionsJson), m.time("created_at", &f.createdAt)})
            if (!st) return st;
        if (const json* inputs = m.find("input_runs")) {
            if (!inputs->is_array()) return m.fail("input_runs", "\"input_runs\" must be an array of run ids");
            for (size_t k = 0; k < inputs->size(); ++k) {
                const json& v = (*inputs)[k];
                const std::string ip = m.at("input_runs") + "/" + std::to_string(k);
                if (!v.is_number_integer()) return m.fail(ip, "expected a run id");
                if (!runIds.count(v.get<long long>()))
                    return m.fail(ip, "run " + std::to_string(v.get<long long>()) + " is not in this file's \"runs\"");
                f.inputRuns.push_back(v.get<long long>());
            }
        }
        bundle.fits.push_back(std::move(f));
    }
    for (size_t i = 0; points && i < points->size(); ++i) {
        const std::string p = "/benchmark_points/" + std::to_string(i);
        Members m((*points)[i], p, text, file);
        if (!(*points)[i].is_object()) return m.fail(p, "a benchmark point must be a JSON object");
        BenchmarkPoint b;
        for (Status st : {m.text("label", &b.label), m.text("arch", &b.arch), m.number("params", &b.params),
                          m.object("config", &b.configJson), m.integer("batch", &b.batch, true),
                          m.integer("prefill_len", &b.prefillLength, true),
                          m.integer("generated_tokens", &b.generatedTokens, true), m.number("ttft_ms", &b.ttftMs),
                          m.number("step_ms", &b.stepMs), m.integer("peak_memory_bytes", &b.peakMemoryBytes),
                          m.text("device", &b.device), m.text("status", &b.status), m.text("message", &b.message),
                          m.time("created_at", &b.createdAt)})
            if (!st) return st;
        std::string error;
        if (!b.isValid(&error)) return m.fail(p, error);
        bundle.benchmarkPoints.push_back(std::move(b));
    }
    return bundle;
}

}  // namespace seqscope::storage
