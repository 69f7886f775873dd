// SPDX-License-Identifier: MIT
// SpawnLauncher: WorkerLauncher for programs without an event loop (the CLI's sweeps). Starts
// `program arguments...` with posix_spawn in its own process group (a terminal's Ctrl-C reaches only
// the parent, which forwards it once), stdout and stderr to <logDir>/<name>.json and .log; reap()
// collects exits for WorkerPool::workerExited.
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>

#include "runs/worker_pool.h"

namespace seqscope::runs {

struct WorkerExit {
    long long handle = 0;     // the pid
    int exitCode = -1;        // -1 when killed by a signal
    int signal = 0;           // the signal that ended it, 0 if it exited
    std::string describe() const;   // "exit status 1", "killed by signal 9"
};

class SpawnLauncher : public WorkerLauncher {
public:
    // `program`: the seqscope-cli to run ("/proc/self/exe" runs this very binary, even if the file
    // was replaced by a rebuild meanwhile).
    SpawnLauncher(std::string program, std::string logDir);
    Result<long long> start(const WorkerJob& job) override;
    void terminate(long long handle) override;     // SIGTERM
    void interrupt(long long handle);              // SIGINT (forwarded Ctrl-C)
    // The next exited worker; waits up to `timeoutMs` (polling), nullopt when none exited.
    std::optional<WorkerExit> reap(int timeoutMs);
    std::string logFor(const WorkerJob& job) const;   // <logDir>/run-<id>.log or <logDir>/fit.log

private:
    std::string m_program;
    std::string m_logDir;
};

}  // namespace seqscope::runs
