// SPDX-License-Identifier: MIT
// A single-pass RFC 4180 state machine that tracks line and column (csv.h).
#include "storage/csv.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace seqscope::storage::csv {

std::string where(const std::string& fileName, int line, int column, const std::string& problem) {
    return fileName + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + problem;
}

bool toDouble(std::string_view text, double* value) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
    if (text.empty()) return false;
    const std::string s(text);
    errno = 0;
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (end != s.c_str() + s.size() || errno == ERANGE || !std::isfinite(v)) return false;
    *value = v;
    return true;
}

bool toInteger(std::string_view text, long long* value) {
    double v = 0;
    if (!toDouble(text, &v) || v != std::floor(v) || std::fabs(v) > 9.0e15) return false;
    *value = static_cast<long long>(v);
    return true;
}

std::string formatNumber(double v) {
    if (std::isnan(v)) return {};
    char text[40];
    for (int precision = 1; precision <= 17; ++precision) {
        std::snprintf(text, sizeof text, "%.*g", precision, v);
        if (std::strtod(text, nullptr) == v) break;
    }
    return text;
}

Result<std::vector<Record>> parse(std::string_view text, const std::string& fileName, const ReadOptions& options) {
    std::vector<Record> records;
    size_t i = 0;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
    int line = 1;
    size_t lineStart = i;   // byte offset where the current line starts
    auto column = [&](size_t offset) { return static_cast<int>(offset - lineStart) + 1; };
    auto atLineEnd = [&](size_t k) { return k >= text.size() || text[k] == '\n' || text[k] == '\r'; };
    auto skipLineEnd = [&](size_t k) {   // k at '\r' or '\n'; returns the offset after the line end
        if (text[k] == '\r' && k + 1 < text.size() && text[k + 1] == '\n') ++k;
        ++line;
        lineStart = k + 1;
        return k + 1;
    };

    while (i < text.size()) {
        // Record start: skip blank and comment lines.
        if (atLineEnd(i) && options.skipBlankLines) {
            i = skipLineEnd(i);
            continue;
        }
        if (text[i] == '#' && options.skipCommentLines) {
            while (!atLineEnd(i)) ++i;
            if (i < text.size()) i = skipLineEnd(i);
            continue;
        }
        Record record;
        record.line = line;
        for (;;) {   // one field per iteration
            Field field;
            field.line = line;
            field.column = column(i);
            if (i < text.size() && text[i] == '"') {
                const int openLine = line, openColumn = column(i);
                ++i;
                for (;;) {
                    if (i >= text.size())
                        return Status::invalid(where(fileName, openLine, openColumn, "quoted field is never closed"));
                    const char c = text[i];
                    if (c == '"') {
                        if (i + 1 < text.size() && text[i + 1] == '"') {
                            field.text += '"';
                            i += 2;
                            continue;
                        }
                        ++i;
                        break;
                    }
                    if (c == '\n' || c == '\r') {
                        field.text += '\n';
                        i = skipLineEnd(i);
                        continue;
                    }
                    field.text += c;
                    ++i;
                }
                if (!atLineEnd(i) && text[i] != ',')
                    return Status::invalid(where(fileName, line, column(i),
                                                 std::string("unexpected '") + text[i] + "' after a closing quote"));
            } else {
                while (!atLineEnd(i) && text[i] != ',') {
                    if (text[i] == '"')
                        return Status::invalid(where(fileName, line, column(i),
                                                     "quote inside an unquoted field (quote the whole field and double the quote)"));
                    field.text += text[i++];
                }
            }
            record.fields.push_back(std::move(field));
            if (i < text.size() && text[i] == ',') {
                ++i;
                continue;
            }
            record.endColumn = column(i);
            if (i < text.size()) i = skipLineEnd(i);
            break;
        }
        records.push_back(std::move(record));
    }
    return records;
}

Result<Header> readHeader(const Record& record, const std::string& fileName) {
    Header header;
    for (size_t c = 0; c < record.fields.size(); ++c) {
        const Field& f = record.fields[c];
        std::string name = f.text;
        // Surrounding spaces in a header are a typing accident, not part of the name.
        name.erase(name.begin(), std::find_if(name.begin(), name.end(), [](unsigned char ch) { return !std::isspace(ch); }));
        name.erase(std::find_if(name.rbegin(), name.rend(), [](unsigned char ch) { return !std::isspace(ch); }).base(), name.end());
        if (name.empty()) return Status::invalid(where(fileName, f.line, f.column, "empty column name in the header"));
        std::string lower = name;
        std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char ch) { return std::tolower(ch); });
        if (!header.index.emplace(lower, static_cast<int>(c)).second)
            return Status::invalid(where(fileName, f.line, f.column, "duplicate column '" + name + "'"));
        header.names.push_back(name);
    }
    return header;
}

std::string escape(std::string_view field) {
    const bool needsQuotes = field.find_first_of(",\"\r\n") != std::string_view::npos ||
                             (!field.empty() && (field.front() == ' ' || field.back() == ' ' || field.front() == '#'));
    if (!needsQuotes) return std::string(field);
    std::string out = "\"";
    for (char c : field) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string formatRow(const std::vector<std::string>& fields) {
    std::string line;
    for (size_t i = 0; i < fields.size(); ++i) {
        if (i) line += ',';
        line += escape(fields[i]);
    }
    line += '\n';
    return line;
}

}  // namespace seqscope::storage::csv
