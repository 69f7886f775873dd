// SPDX-License-Identifier: MIT
#include "storage/paths.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace seqscope::storage {

std::string defaultDatabasePath() {
    namespace fs = std::filesystem;
    fs::path base;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
        base = xdg;
    else if (const char* home = std::getenv("HOME"); home && *home)
        base = fs::path(home) / ".local" / "share";
    else
        base = fs::current_path();
    return (base / "seqscope" / "seqscope.db").string();
}

std::string ensureParentDirectory(const std::string& filePath) {
    namespace fs = std::filesystem;
    const fs::path parent = fs::path(filePath).parent_path();
    if (parent.empty()) return {};
    std::error_code ec;
    fs::create_directories(parent, ec);
    if (ec) return "cannot create directory '" + parent.string() + "': " + ec.message();
    return {};
}

}  // namespace seqscope::storage
