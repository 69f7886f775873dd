// SPDX-License-Identifier: MIT
// RFC 4180 CSV reading with a line and column for every field, so import errors can name the exact
// place ("runs.csv:12:7: ..."), and the matching writer. Deliberate strictness: a quote inside an
// unquoted field or text after a closing quote is an error, not guessed around. Columns count bytes
// from 1. A UTF-8 byte order mark is skipped; CRLF and LF line ends are both accepted.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace seqscope::storage::csv {

struct Field {
    std::string text;
    int line = 0;      // 1-based, where the field starts
    int column = 0;    // 1-based byte column
};

struct Record {
    std::vector<Field> fields;
    int line = 0;
    int endColumn = 0;   // column just after the record's last character (for "missing field" errors)
};

struct ReadOptions {
    bool skipBlankLines = true;      // lines with nothing on them
    bool skipCommentLines = true;    // lines whose first character is '#'
};

// Parses the whole text; the first problem is returned as "<fileName>:<line>:<column>: <what>".
Result<std::vector<Record>> parse(std::string_view text, const std::string& fileName, const ReadOptions& options = {});

// The header of a table: column name (lower-cased) -> index, with the position of each name for
// errors. Refuses empty and duplicate names.
struct Header {
    std::vector<std::string> names;            // as written
    std::map<std::string, int> index;          // lower-cased name -> column index
    int find(const std::string& lowerName) const {
        auto it = index.find(lowerName);
        return it == index.end() ? -1 : it->second;
    }
};
Result<Header> readHeader(const Record& record, const std::string& fileName);

// Whole-field number parsing (surrounding spaces allowed): false for empty, partial or non-finite text.
bool toDouble(std::string_view text, double* value);
// Integers, also written as an exact double ("2048", "2.048e3").
bool toInteger(std::string_view text, long long* value);

// Shortest decimal text that reads back to exactly `v`; empty for NaN.
std::string formatNumber(double v);

// "<file>:<line>:<column>: <problem>"
std::string where(const std::string& fileName, int line, int column, const std::string& problem);

// Quotes a field when it holds a comma, quote, CR, LF, or leading/trailing space.
std::string escape(std::string_view field);
// Joins escaped fields with commas and ends the line with '\n'.
std::string formatRow(const std::vector<std::string>& fields);

}  // namespace seqscope::storage::csv
