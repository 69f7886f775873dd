// SPDX-License-Identifier: MIT
// Parsing the H100 inference measurements and attaching the accounting (inference_measurements.h).
// The file is written by scripts/convert_datasets.py without quoted fields, so a field holding a
// quote is reported as an error rather than parsed: this is not a general CSV reader
// (storage/csv.h is, but analysis/ does not depend on storage/).
#include "analysis/inference_measurements.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <map>

#include "analysis/builtin_datasets.h"
#include "analysis/presets.h"

namespace seqscope::analysis {
namespace {

struct Field {
    std::string_view text;
    int column = 0;   // 1-based byte column
};

std::string where(const std::string& file, int line, int column, const std::string& problem) {
    return file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + problem;
}

std::vector<Field> split(std::string_view line) {
    std::vector<Field> out;
    size_t start = 0;
    while (true) {
        const size_t comma = line.find(',', start);
        const size_t end = comma == std::string_view::npos ? line.size() : comma;
        out.push_back({line.substr(start, end - start), static_cast<int>(start) + 1});
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    return out;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool toDouble(std::string_view text, double* v) {
    if (text.empty()) return false;
    const std::string s(text);
    char* end = nullptr;
    *v = std::strtod(s.c_str(), &end);
    return end == s.c_str() + s.size() && std::isfinite(*v);
}

bool toInt(std::string_view text, long long* v) {
    double d = 0;
    if (!toDouble(text, &d) || d != std::floor(d) || std::abs(d) > 9e15) return false;
    *v = static_cast<long long>(d);
    return true;
}

}  // namespace

Result<std::vector<InferenceMeasurement>> parseInferenceMeasurements(std::string_view csv, const std::string& fileName) {
    std::vector<InferenceMeasurement> rows;
    std::map<std::string, int> index;
    int lineNo = 0;
    size_t pos = 0;
    const char* required[] = {"arch", "model", "batch", "prefill", "ttft_ms", "step_ms"};
    while (pos < csv.size()) {
        const size_t nl = csv.find('\n', pos);
        std::string_view line = csv.substr(pos, (nl == std::string_view::npos ? csv.size() : nl) - pos);
        pos = nl == std::string_view::npos ? csv.size() : nl + 1;
        ++lineNo;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line.front() == '#') continue;
        if (const size_t q = line.find('"'); q != std::string_view::npos)
            return Status::invalid(where(fileName, lineNo, static_cast<int>(q) + 1, "quoted fields are not supported here"));
        const std::vector<Field> fields = split(line);
        if (index.empty()) {
            for (size_t i = 0; i < fields.size(); ++i) {
                const std::string name = lower(fields[i].text);
                if (name.empty() || !index.emplace(name, static_cast<int>(i)).second)
                    return Status::invalid(where(fileName, lineNo, fields[i].column,
                                                 "empty or duplicate column name '" + std::string(fields[i].text) + "'"));
            }
            for (const char* r : required)
                if (!index.count(r)) return Status::invalid(where(fileName, lineNo, 1, std::string("missing column '") + r + "'"));
            continue;
        }
        if (fields.size() != index.size())
            return Status::invalid(where(fileName, lineNo, 1, "expected " + std::to_string(index.size()) + " fields, got " +
                                                                  std::to_string(fields.size())));
        auto field = [&](const char* name) -> const Field* {
            auto it = index.find(name);
            return it == index.end() ? nullptr : &fields[static_cast<size_t>(it->second)];
        };
        auto bad = [&](const Field* f, const char* name) {
            return Status::invalid(where(fileName, lineNo, f->column,
                                         std::string("column '") + name + "': '" + std::string(f->text) + "' is not a valid number"));
        };
        InferenceMeasurement m;
        m.sourceLine = lineNo;
        m.arch = lower(field("arch")->text);
        m.model = std::string(field("model")->text);
        for (auto [name, target] : {std::pair<const char*, long long*>{"batch", &m.batch}, {"prefill", &m.prefill}}) {
            const Field* f = field(name);
            if (!toInt(f->text, target) || *target < 0) return bad(f, name);
        }
        if (m.batch < 1) return Status::invalid(where(fileName, lineNo, field("batch")->column, "batch must be >= 1"));
        for (auto [name, target] : {std::pair<const char*, double*>{"ttft_ms", &m.ttftMs}, {"step_ms", &m.stepMs}}) {
            const Field* f = field(name);
            if (!toDouble(f->text, target)) return bad(f, name);
            if (*target <= 0) *target = NAN;   // the release's marker for failed / out of memory
        }
        if (const Field* f = field("failed")) {
            long long v = 0;
            if (!toInt(f->text, &v) || (v != 0 && v != 1)) return bad(f, "failed");
            m.failed = v == 1;
            if (m.failed) m.ttftMs = m.stepMs = NAN;
        }
        auto optionalNumber = [&](const char* name, double* target) -> Status {
            const Field* f = field(name);
            if (!f || f->text.empty()) return Status::ok();
            return toDouble(f->text, target) ? Status::ok() : bad(f, name);
        };
        if (Status s = optionalNumber("mem_alloc_gl101", &m.memAllocatedBytes); !s) return s;
        if (Status s = optionalNumber("num_params", &m.numParams); !s) return s;
        for (auto [name, target] : {std::pair<const char*, int*>{"d_model", &m.dModel}, {"n_layers", &m.layers},
                                    {"n_heads", &m.heads}, {"ffn_dim", &m.ffnDim}, {"chunk", &m.chunk}, {"vocab", &m.vocab}}) {
            const Field* f = field(name);
            if (!f || f->text.empty()) continue;
            long long v = 0;
            if (!toInt(f->text, &v) || v < 0 || v > 1'000'000'000) return bad(f, name);
            *target = static_cast<int>(v);
        }
        rows.push_back(std::move(m));
    }
    if (index.empty()) return Status::invalid(fileName + ": no header row");
    return rows;
}

Result<ModelShape> measurementShape(const InferenceMeasurement& row) {
    const size_t us = row.model.rfind('_');
    Arch arch;
    if (us == std::string::npos || !parseArch(row.arch, &arch))
        return Status::invalid("line " + std::to_string(row.sourceLine) + ": unknown model '" + row.model + "' (" +
                               row.arch + ")");
    const std::string name = std::string(archName(arch)) + "-" + lower(row.model.substr(us + 1)) + "-inf";
    const Preset* p = findPreset(name);
    if (!p)
        return Status::invalid("line " + std::to_string(row.sourceLine) + ": model '" + row.model + "' has no preset " + name);
    const ModelShape& s = p->shape;
    auto differs = [](int given, int expected) { return given != 0 && given != expected; };
    if (differs(row.dModel, s.dModel) || differs(row.layers, s.layers) || differs(row.heads, s.heads) ||
        differs(row.ffnDim, s.ffnDim) || differs(row.vocab, s.vocab) ||
        (arch == Arch::XLstm && differs(row.chunk, s.chunk)))
        return Status::invalid("line " + std::to_string(row.sourceLine) + ": model '" + row.model +
                               "' dimensions differ from preset " + name + " (" + s.describe() + ")");
    return s;
}

Status attachAccounting(RuntimeSample& sample, const ModelShape& shape, const InferenceAccountingOptions& options) {
    const InferenceCosts c = inferenceCosts(shape, sample.batch, std::max<long long>(sample.prefill, 1), options);
    if (!c.status) return c.status;
    sample.prefillFlops = c.prefillFlops;
    sample.stepBytes = c.stepBytes;
    return Status::ok();
}

Result<std::vector<RuntimeSample>> referenceRuntimeSamples(const InferenceAccountingOptions& options) {
    auto rows = parseInferenceMeasurements(builtinInferenceMeasurementsCsv(), "xlstm_inference_h100.csv");
    if (!rows) return rows.status();
    std::vector<RuntimeSample> out;
    out.reserve(rows->size());
    std::map<std::string, ModelShape> shapes;
    for (const InferenceMeasurement& m : *rows) {
        auto it = shapes.find(m.model);
        if (it == shapes.end()) {
            auto shape = measurementShape(m);
            if (!shape) return shape.status();
            it = shapes.emplace(m.model, *shape).first;
        }
        RuntimeSample s;
        s.arch = m.arch;
        s.model = m.model;
        s.params = m.numParams;
        s.batch = m.batch;
        s.prefill = m.prefill;
        s.ttftMs = m.ttftMs;
        s.stepMs = m.stepMs;
        s.sourceRow = m.sourceLine;
        if (Status st = attachAccounting(s, it->second, options); !st) return st.withContext("line " + std::to_string(m.sourceLine));
        out.push_back(std::move(s));
    }
    return out;
}

}  // namespace seqscope::analysis
