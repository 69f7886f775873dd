// SPDX-License-Identifier: MIT
// Talking to Slurm from plain C++ (issue 17): sbatch for a job array, scontrol (and sacct once the
// controller has forgotten a job) for the state of each array task, scancel. The commands run as
// child processes (posix_spawnp, like runs/spawn_launcher.h; no QProcess), found on PATH, with the
// caller's environment (SLURM_CONF included). Parsers are free functions so tests can feed them text.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "common/status.h"

namespace seqscope::runs {

struct CommandOutput {
    int exitCode = -1;                 // -1 when killed by a signal or timed out
    std::string out, err;
};
// Runs argv[0] (looked up on PATH) with the rest as arguments and waits up to `timeoutSeconds`
// (then SIGKILL). Errors only when it cannot start (IoError, naming the program); a non-zero exit
// is in the result.
Result<CommandOutput> runCommand(const std::vector<std::string>& argv, int timeoutSeconds = 60);

// --- Task states -------------------------------------------------------------------------------------
struct SlurmTaskState {
    std::string state;                 // JobState: PENDING, RUNNING, COMPLETED, TIMEOUT, CANCELLED, ...
    std::string reason;                // Reason (why pending), when Slurm gives one
    bool active() const;               // still queued or running (not one of the end states)
};

// "0-3", "1,3,5-6", "0-7%2" (at most 2 at once), "0-6:2" (every second): the task ids.
// False for text that is not an array specification.
bool parseArrayTasks(const std::string& spec, std::vector<int>* tasks);
// The shortest specification of `tasks` ("0-2,5"); sorted, duplicates dropped.
std::string formatArrayTasks(std::vector<int> tasks);
// `scontrol -o show job JOB` output: one line per job record, KEY=VALUE fields. Records of array
// `arrayJobId` only; a pending record for several tasks (ArrayTaskId=2-3) fills each of them.
std::map<int, SlurmTaskState> parseScontrolJobs(const std::string& text, const std::string& arrayJobId);
// `sacct -n -P -X -o JobID,State -j JOB` output ("1234_2|TIMEOUT", "1234_[3-4]|PENDING",
// "1234_1|CANCELLED by 0").
std::map<int, SlurmTaskState> parseSacctJobs(const std::string& text, const std::string& arrayJobId);

// --- The client --------------------------------------------------------------------------------------
class SlurmClient {
public:
    // Submits `script` as the array `tasks` (sbatch --parsable --array=...) with `extraArgs` before the
    // script (sbatch options on the command line override the script's #SBATCH lines), from `workDir`.
    // Returns the array job id. Errors name the command and quote Slurm's message.
    Result<std::string> submitArray(const std::string& script, const std::vector<int>& tasks,
                                    const std::vector<std::string>& extraArgs, const std::string& workDir);
    // Each known task of array job `jobId`: from scontrol while the controller remembers the job,
    // else from sacct (accounting). An empty map when neither knows it (purged, no accounting); an
    // error when Slurm cannot be asked at all (no scontrol, controller down).
    Result<std::map<int, SlurmTaskState>> taskStates(const std::string& jobId);
    // scancel JOB (every task) or JOB_T for each of `tasks`.
    Status cancel(const std::string& jobId, const std::vector<int>& tasks = {});
};

}  // namespace seqscope::runs
