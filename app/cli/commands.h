// SPDX-License-Identifier: MIT
// One registration function per command group; each lives in its own cmd_<group>.cpp.
#pragma once

namespace seqscope::cli {
class Registry;

void registerInfoCommand(Registry& registry);      // cmd_info.cpp: build and device facts
}  // namespace seqscope::cli
