// SPDX-License-Identifier: MIT
// A file compiled into a binary by cmake/SeqscopeEmbed.cmake (the built-in datasets).
#pragma once

#include <cstddef>
#include <string_view>

namespace seqscope {
struct EmbeddedFile {
    const char* name;   // file name without directory, e.g. "xlstm_paper.csv"
    const char* data;   // contents, NUL-terminated for convenience
    std::size_t size;   // contents size in bytes, without the terminating NUL
    std::string_view view() const { return {data, size}; }
};
}  // namespace seqscope
