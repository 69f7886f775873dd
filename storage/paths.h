// SPDX-License-Identifier: MIT
// Where Seqscope keeps its files by default (XDG base directories; no Qt so the CLI agrees with the GUI).
#pragma once

#include <string>

namespace seqscope::storage {

// $XDG_DATA_HOME/seqscope/seqscope.db, falling back to ~/.local/share/seqscope/seqscope.db.
std::string defaultDatabasePath();

// Creates the parent directory of `filePath` if needed. Returns an empty string on success,
// otherwise a message naming the directory and the reason.
std::string ensureParentDirectory(const std::string& filePath);

}  // namespace seqscope::storage
