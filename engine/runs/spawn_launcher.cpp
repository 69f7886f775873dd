// SPDX-License-Identifier: MIT
#include "runs/spawn_launcher.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <thread>
#include <vector>

extern char** environ;

namespace seqscope::runs {

namespace fs = std::filesystem;

std::string WorkerExit::describe() const {
    if (signal) return "killed by signal " + std::to_string(signal);
    return "exit status " + std::to_string(exitCode);
}

SpawnLauncher::SpawnLauncher(std::string program, std::string logDir) : m_program(std::move(program)), m_logDir(std::move(logDir)) {}

std::string SpawnLauncher::logFor(const WorkerJob& job) const {
    const std::string stem = job.runId ? "run-" + std::to_string(job.runId) : "fit";
    return (fs::path(m_logDir) / (stem + ".log")).string();
}

Result<long long> SpawnLauncher::start(const WorkerJob& job) {
    std::error_code ec;
    fs::create_directories(m_logDir, ec);
    std::vector<std::string> args = {"seqscope-cli"};
    args.insert(args.end(), job.arguments.begin(), job.arguments.end());
    std::vector<char*> argv;
    for (auto& s : args) argv.push_back(s.data());
    argv.push_back(nullptr);
    const std::string err = logFor(job);
    const std::string out = err.substr(0, err.size() - 4) + ".json";
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attr, 0);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, m_program.c_str(), &fa, &attr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&attr);
    if (rc != 0) return Status::io("cannot start a worker (" + m_program + "): " + std::string(std::strerror(rc)));
    return static_cast<long long>(pid);
}

void SpawnLauncher::terminate(long long handle) { kill(static_cast<pid_t>(handle), SIGTERM); }
void SpawnLauncher::interrupt(long long handle) { kill(static_cast<pid_t>(handle), SIGINT); }

std::optional<WorkerExit> SpawnLauncher::reap(int timeoutMs) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    for (;;) {
        int status = 0;
        const pid_t pid = waitpid(-1, &status, WNOHANG);
        if (pid > 0) {
            WorkerExit e;
            e.handle = pid;
            if (WIFEXITED(status)) e.exitCode = WEXITSTATUS(status);
            if (WIFSIGNALED(status)) e.signal = WTERMSIG(status);
            return e;
        }
        if (std::chrono::steady_clock::now() >= until) return std::nullopt;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
}

}  // namespace seqscope::runs
