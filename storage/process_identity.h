// SPDX-License-Identifier: MIT
// Who is writing a run: host name, process id and the process's start time. The start time (Linux:
// field 22 of /proc/<pid>/stat, clock ticks since boot) guards against a recycled pid making a dead
// run look alive; where it is unavailable, only the pid is compared.
#pragma once

#include <string>

namespace seqscope::storage {

struct ProcessIdentity {
    std::string host;            // gethostname()
    long long pid = 0;
    long long startTicks = 0;    // 0 = unknown
};

// This process.
ProcessIdentity currentProcess();

// True when a process with `pid` exists on this host, is not a zombie and, if both start times are
// known, started at `startTicks`.
bool isProcessAlive(long long pid, long long startTicks);

// Seconds since the unix epoch (UTC), with sub-second resolution.
double nowSeconds();

}  // namespace seqscope::storage
