// SPDX-License-Identifier: MIT
// SlurmClient and the parsers of slurm_client.h.
#include "runs/slurm_client.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

extern char** environ;

namespace seqscope::runs {
namespace {


std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string trim(std::string s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
    size_t i = 0;
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    return s.substr(i);
}

bool parseInt(const std::string& s, int* v) {
    if (s.empty() || s.size() > 9 || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
    *v = std::stoi(s);
    return true;
}

// The command's two output files and their folder (plain unlink/rmdir: in a LibTorch process
// std::filesystem::remove_all can bind to LibTorch's broken copy).
void removeScratch(const std::string& dir) {
    ::unlink((dir + "/out").c_str());
    ::unlink((dir + "/err").c_str());
    ::rmdir(dir.c_str());
}

std::string failure(const std::string& what, const CommandOutput& o) {
    std::string msg = trim(o.err.empty() ? o.out : o.err);
    if (msg.size() > 400) msg = msg.substr(0, 400) + "...";
    return what + " failed (exit " + std::to_string(o.exitCode) + ")" + (msg.empty() ? "" : ": " + msg);
}

}  // namespace

Result<CommandOutput> runCommand(const std::vector<std::string>& argvIn, int timeoutSeconds) {
    if (argvIn.empty()) return Status::invalid("runCommand: no program");
    char dir[] = "/tmp/seqscope-cmd-XXXXXX";
    if (!::mkdtemp(dir)) return Status::io("cannot create a temporary folder for " + argvIn[0] + ": " + std::strerror(errno));
    const std::string outPath = std::string(dir) + "/out", errPath = std::string(dir) + "/err";
    std::vector<std::string> args = argvIn;
    std::vector<char*> argv;
    for (auto& s : args) argv.push_back(s.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, outPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    pid_t pid = 0;
    const int rc = posix_spawnp(&pid, argv[0], &fa, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0) {
        removeScratch(dir);
        return Status::io("cannot run '" + argvIn[0] + "': " + std::strerror(rc) + (rc == ENOENT ? " (is Slurm's client installed and on PATH?)" : ""));
    }
    CommandOutput o;
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(timeoutSeconds);
    int status = 0;
    bool timedOut = false;
    for (;;) {
        const pid_t done = waitpid(pid, &status, WNOHANG);
        if (done == pid) break;
        if (done < 0 && errno != EINTR) break;
        if (std::chrono::steady_clock::now() >= until && !timedOut) {
            kill(pid, SIGKILL);
            timedOut = true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    o.exitCode = !timedOut && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    o.out = readFile(outPath);
    o.err = readFile(errPath);
    if (timedOut) o.err += "\n(killed after " + std::to_string(timeoutSeconds) + " s)";
    removeScratch(dir);
    return o;
}

// --- Parsing -------------------------------------------------------------------------------------

bool SlurmTaskState::active() const {
    static const std::set<std::string> ended = {"COMPLETED", "CANCELLED", "FAILED",   "TIMEOUT",       "NODE_FAIL",
                                                "PREEMPTED", "BOOT_FAIL", "DEADLINE", "OUT_OF_MEMORY", "REVOKED"};
    return !ended.count(state);
}

bool parseArrayTasks(const std::string& specIn, std::vector<int>* tasks) {
    std::string spec = specIn;
    if (auto pct = spec.find('%'); pct != std::string::npos) spec = spec.substr(0, pct);   // throttle
    if (!spec.empty() && spec.front() == '[' && spec.back() == ']') spec = spec.substr(1, spec.size() - 2);
    if (spec.empty()) return false;
    std::vector<int> out;
    std::stringstream parts(spec);
    std::string part;
    while (std::getline(parts, part, ',')) {
        int step = 1;
        if (auto colon = part.find(':'); colon != std::string::npos) {
            if (!parseInt(part.substr(colon + 1), &step) || step < 1) return false;
            part = part.substr(0, colon);
        }
        int first = 0, last = 0;
        if (auto dash = part.find('-'); dash != std::string::npos) {
            if (!parseInt(part.substr(0, dash), &first) || !parseInt(part.substr(dash + 1), &last) || last < first) return false;
        } else {
            if (!parseInt(part, &first)) return false;
            last = first;
        }
        if (last - first > 1000000) return false;
        for (int t = first; t <= last; t += step) out.push_back(t);
    }
    *tasks = std::move(out);
    return true;
}

std::string formatArrayTasks(std::vector<int> tasks) {
    std::sort(tasks.begin(), tasks.end());
    tasks.erase(std::unique(tasks.begin(), tasks.end()), tasks.end());
    std::string out;
    for (size_t i = 0; i < tasks.size();) {
        size_t j = i;
        while (j + 1 < tasks.size() && tasks[j + 1] == tasks[j] + 1) ++j;
        if (!out.empty()) out += ',';
        out += std::to_string(tasks[i]);
        if (j > i) out += "-" + std::to_string(tasks[j]);
        i = j + 1;
    }
    return out;
}

std::map<int, SlurmTaskState> parseScontrolJobs(const std::string& text, const std::string& arrayJobId) {
    std::map<int, SlurmTaskState> out;
    std::stringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) {
        std::map<std::string, std::string> f;
        std::stringstream words(line);
        std::string word;
        while (words >> word)
            if (auto eq = word.find('='); eq != std::string::npos && !f.count(word.substr(0, eq)))
                f[word.substr(0, eq)] = word.substr(eq + 1);
        if (f["ArrayJobId"] != arrayJobId || !f.count("JobState")) continue;
        std::vector<int> tasks;
        if (!parseArrayTasks(f["ArrayTaskId"], &tasks)) continue;
        SlurmTaskState st{f["JobState"], f["Reason"] == "None" ? "" : f["Reason"]};
        for (int t : tasks) out[t] = st;
    }
    return out;
}

std::map<int, SlurmTaskState> parseSacctJobs(const std::string& text, const std::string& arrayJobId) {
    std::map<int, SlurmTaskState> out;
    std::stringstream lines(text);
    std::string line;
    const std::string prefix = arrayJobId + "_";
    while (std::getline(lines, line)) {
        const auto bar = line.find('|');
        if (bar == std::string::npos) continue;
        const std::string id = trim(line.substr(0, bar));
        std::string state = trim(line.substr(bar + 1));
        if (auto sp = state.find(' '); sp != std::string::npos) state = state.substr(0, sp);   // "CANCELLED by 0"
        if (id.rfind(prefix, 0) != 0 || state.empty()) continue;
        std::vector<int> tasks;
        if (!parseArrayTasks(id.substr(prefix.size()), &tasks)) continue;
        for (int t : tasks) out[t] = SlurmTaskState{state, ""};
    }
    return out;
}

// --- Client --------------------------------------------------------------------------------------

Result<std::string> SlurmClient::submitArray(const std::string& script, const std::vector<int>& tasks,
                                             const std::vector<std::string>& extraArgs, const std::string& workDir) {
    if (tasks.empty()) return Status::invalid("no array tasks to submit");
    std::vector<std::string> argv = {"sbatch", "--parsable", "--array=" + formatArrayTasks(tasks), "--chdir=" + workDir};
    argv.insert(argv.end(), extraArgs.begin(), extraArgs.end());
    argv.push_back(script);
    auto o = runCommand(argv, 120);
    if (!o) return o.status();
    if (o->exitCode != 0) return Status(StatusCode::Unavailable, failure("sbatch " + script, *o));
    // --parsable prints "JOBID" or "JOBID;CLUSTER".
    std::string id = trim(o->out);
    if (auto semi = id.find(';'); semi != std::string::npos) id = id.substr(0, semi);
    int check = 0;
    if (!parseInt(id, &check)) return Status(StatusCode::Internal, "sbatch printed '" + trim(o->out) + "', not a job id");
    return id;
}

Result<std::map<int, SlurmTaskState>> SlurmClient::taskStates(const std::string& jobId) {
    auto o = runCommand({"scontrol", "-o", "show", "job", jobId});
    if (!o) return o.status();
    if (o->exitCode == 0) return parseScontrolJobs(o->out, jobId);
    // "Invalid job id specified": the controller has forgotten the job (MinJobAge); ask accounting.
    if (o->err.find("Invalid job id") == std::string::npos) return Status(StatusCode::Unavailable, failure("scontrol show job " + jobId, *o));
    auto acct = runCommand({"sacct", "-n", "-P", "-X", "-o", "JobID,State", "-j", jobId});
    if (!acct || acct->exitCode != 0) return std::map<int, SlurmTaskState>{};   // no accounting: nobody knows
    return parseSacctJobs(acct->out, jobId);
}

Status SlurmClient::cancel(const std::string& jobId, const std::vector<int>& tasks) {
    std::vector<std::string> argv = {"scancel"};
    if (tasks.empty()) argv.push_back(jobId);
    for (int t : tasks) argv.push_back(jobId + "_" + std::to_string(t));
    auto o = runCommand(argv);
    if (!o) return o.status();
    if (o->exitCode != 0) return Status(StatusCode::Unavailable, failure("scancel " + jobId, *o));
    return Status::ok();
}

}  // namespace seqscope::runs
