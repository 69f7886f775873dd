// SPDX-License-Identifier: MIT
// Results-table CSV reader and writer (results_table.h, team brief "Results-table CSV"). Every
// value is checked where it is read, so an error names its file, line and column; the vector is
// only returned once the whole text parsed.
#include "storage/results_table.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <set>

#include "storage/csv.h"

namespace seqscope::storage {
namespace {

struct Columns {
    int arch = -1, params = -1, loss = -1, tokens = -1, flops = -1;
    int ctx = -1, set = -1, budget = -1, included = -1, excludedReason = -1, run = -1;
    std::vector<int> extra;
};

bool parseBool(std::string text, bool* value) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    text.erase(std::remove_if(text.begin(), text.end(), [](unsigned char c) { return std::isspace(c); }), text.end());
    if (text == "1" || text == "true" || text == "yes") *value = true;
    else if (text == "0" || text == "false" || text == "no") *value = false;
    else return false;
    return true;
}

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

}  // namespace

Result<std::vector<ResultRow>> parseResultsTable(std::string_view csvText, const std::string& fileName) {
    auto records = csv::parse(csvText, fileName);
    if (!records) return records.status();
    if (records->empty()) return Status::invalid(csv::where(fileName, 1, 1, "no header row (expected arch,params,loss,tokens|flops)"));
    const csv::Record& headerRecord = records->front();
    auto header = csv::readHeader(headerRecord, fileName);
    if (!header) return header.status();

    Columns col;
    const std::pair<const char*, int*> known[] = {
        {"arch", &col.arch},       {"params", &col.params}, {"loss", &col.loss},     {"tokens", &col.tokens},
        {"flops", &col.flops},     {"ctx", &col.ctx},       {"set", &col.set},       {"budget", &col.budget},
        {"included", &col.included}, {"excluded_reason", &col.excludedReason}, {"run", &col.run}};
    std::set<int> knownIndexes;
    for (const auto& [name, slot] : known) {
        *slot = header->find(name);
        if (*slot >= 0) knownIndexes.insert(*slot);
    }
    for (int c = 0; c < static_cast<int>(header->names.size()); ++c)
        if (!knownIndexes.count(c)) col.extra.push_back(c);
    for (const char* required : {"arch", "params", "loss"})
        if (header->find(required) < 0)
            return Status::invalid(csv::where(fileName, headerRecord.line, 1, std::string("missing required column '") + required + "'"));
    if (col.tokens < 0 && col.flops < 0)
        return Status::invalid(csv::where(fileName, headerRecord.line, 1, "needs a 'tokens' or a 'flops' column (or both)"));

    std::vector<ResultRow> rows;
    rows.reserve(records->size() - 1);
    for (size_t r = 1; r < records->size(); ++r) {
        const csv::Record& rec = (*records)[r];
        if (rec.fields.size() != header->names.size())
            return Status::invalid(csv::where(fileName, rec.line, rec.fields.size() < header->names.size() ? rec.endColumn
                                                                    : rec.fields[header->names.size()].column,
                                              "row has " + std::to_string(rec.fields.size()) + " fields, the header has " +
                                                  std::to_string(header->names.size())));
        auto field = [&](int c) -> const csv::Field& { return rec.fields[static_cast<size_t>(c)]; };
        auto fail = [&](int c, const std::string& problem) {
            return Status::invalid(csv::where(fileName, field(c).line, field(c).column, problem));
        };
        // Positive number; empty allowed only when `optional`.
        auto number = [&](int c, double* out, bool optional) -> Status {
            if (c < 0) return Status::ok();
            const std::string text = trimmed(field(c).text);
            if (text.empty()) {
                if (optional) return Status::ok();
                return fail(c, "empty " + header->names[static_cast<size_t>(c)]);
            }
            double v = 0;
            if (!csv::toDouble(text, &v)) return fail(c, header->names[static_cast<size_t>(c)] + " '" + text + "' is not a finite number");
            if (v <= 0) return fail(c, header->names[static_cast<size_t>(c)] + " " + text + " must be positive");
            *out = v;
            return Status::ok();
        };

        ResultRow row;
        row.sourceLine = rec.line;
        row.arch = trimmed(field(col.arch).text);
        if (row.arch.empty()) return fail(col.arch, "empty arch");
        if (Status s = number(col.params, &row.params, false); !s) return s;
        if (Status s = number(col.loss, &row.loss, false); !s) return s;
        if (Status s = number(col.tokens, &row.tokens, true); !s) return s;
        if (Status s = number(col.flops, &row.flops, true); !s) return s;
        if (Status s = number(col.budget, &row.budget, true); !s) return s;
        if (std::isnan(row.tokens) && std::isnan(row.flops))
            return fail(col.tokens >= 0 ? col.tokens : col.flops, "row gives neither tokens nor flops");
        if (col.ctx >= 0) {
            const std::string text = trimmed(field(col.ctx).text);
            if (!text.empty() && (!csv::toInteger(text, &row.ctx) || row.ctx < 0))
                return fail(col.ctx, "ctx '" + text + "' is not a non-negative whole number");
        }
        if (col.included >= 0) {
            const std::string text = trimmed(field(col.included).text);
            if (!text.empty() && !parseBool(text, &row.included))
                return fail(col.included, "included '" + text + "' is not 1/0/true/false/yes/no");
        }
        if (col.set >= 0) row.set = trimmed(field(col.set).text);
        if (col.run >= 0) row.run = trimmed(field(col.run).text);
        if (col.excludedReason >= 0) row.excludedReason = field(col.excludedReason).text;
        if (!col.extra.empty()) {
            nlohmann::json extra = nlohmann::json::object();
            for (int c : col.extra) extra[header->names[static_cast<size_t>(c)]] = field(c).text;
            // Invalid UTF-8 would make dump() throw; replace rather than fail a whole import on it.
            row.extraJson = extra.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

std::string formatResultsTable(const std::vector<ResultRow>& rows) {
    std::vector<std::string> extraColumns;
    std::vector<nlohmann::json> extras;
    for (const auto& row : rows) {
        auto extra = nlohmann::json::parse(row.extraJson, nullptr, false);
        if (!extra.is_object()) extra = nlohmann::json::object();
        for (const auto& item : extra.items())
            if (std::find(extraColumns.begin(), extraColumns.end(), item.key()) == extraColumns.end())
                extraColumns.push_back(item.key());
        extras.push_back(std::move(extra));
    }
    std::vector<std::string> header = {"arch", "set", "run", "ctx", "params", "tokens", "flops",
                                       "loss", "budget", "included", "excluded_reason"};
    header.insert(header.end(), extraColumns.begin(), extraColumns.end());
    std::string out = csv::formatRow(header);
    for (size_t r = 0; r < rows.size(); ++r) {
        const ResultRow& row = rows[r];
        std::vector<std::string> fields = {row.arch, row.set, row.run, row.ctx ? std::to_string(row.ctx) : "",
                                           csv::formatNumber(row.params), csv::formatNumber(row.tokens), csv::formatNumber(row.flops),
                                           csv::formatNumber(row.loss), csv::formatNumber(row.budget), row.included ? "1" : "0",
                                           row.excludedReason};
        for (const auto& name : extraColumns) {
            auto it = extras[r].find(name);
            fields.push_back(it != extras[r].end() && it->is_string() ? it->get<std::string>() : "");
        }
        out += csv::formatRow(fields);
    }
    return out;
}

}  // namespace seqscope::storage
