// SPDX-License-Identifier: MIT
// Line and column for JSON import errors. nlohmann::json reports the byte of a syntax error but
// keeps no positions for values, so for errors found after parsing ("runs/3/params is not a
// number") the text is scanned again to find where the value at a JSON pointer starts.
#pragma once

#include <string>
#include <string_view>

namespace seqscope::storage::jsonpos {

struct TextPosition {
    int line = 1;     // 1-based
    int column = 1;   // 1-based, in bytes
};

TextPosition positionOf(std::string_view text, size_t offset);

// Byte offset where the value at `pointer` (RFC 6901, "/runs/3/params"; "" = the root) starts in
// well-formed JSON `text`; std::string_view::npos when there is no such value.
size_t locate(std::string_view text, const std::string& pointer);

// "<fileName>:<line>:<column>: <problem>" for the value at `pointer` (or its nearest existing parent).
std::string where(std::string_view text, const std::string& fileName, const std::string& pointer,
                  const std::string& problem);

}  // namespace seqscope::storage::jsonpos
