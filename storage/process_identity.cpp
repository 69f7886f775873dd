// SPDX-License-Identifier: MIT
// Host, pid and process start time for interrupted-run detection (process_identity.h). POSIX;
// the /proc start time is Linux-only and optional.
#include "storage/process_identity.h"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace seqscope::storage {
namespace {

struct ProcStat {
    bool known = false;
    char state = '?';
    long long startTicks = 0;
};

ProcStat readProcStat(long long pid) {
    ProcStat st;
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string line;
    if (!in || !std::getline(in, line)) return st;
    // The command name (field 2) may contain spaces and parentheses: fields resume after the last ')'.
    const auto close = line.rfind(')');
    if (close == std::string::npos) return st;
    std::istringstream fields(line.substr(close + 1));
    std::string field;
    for (int index = 3; fields >> field; ++index) {
        if (index == 3) st.state = field.empty() ? '?' : field[0];
        if (index == 22) {
            st.startTicks = std::atoll(field.c_str());
            st.known = true;
            break;
        }
    }
    return st;
}

}  // namespace

ProcessIdentity currentProcess() {
    ProcessIdentity id;
    char host[256] = {};
    if (gethostname(host, sizeof host - 1) == 0) id.host = host;
    id.pid = static_cast<long long>(getpid());
    id.startTicks = readProcStat(id.pid).startTicks;
    return id;
}

bool isProcessAlive(long long pid, long long startTicks) {
    if (pid <= 0) return false;
    if (kill(static_cast<pid_t>(pid), 0) != 0 && errno != EPERM) return false;
    const ProcStat st = readProcStat(pid);
    if (!st.known) return true;              // no /proc: the pid exists, assume it is ours
    if (st.state == 'Z' || st.state == 'X') return false;   // exited, waiting to be reaped
    return startTicks == 0 || st.startTicks == startTicks;
}

double nowSeconds() {
    using namespace std::chrono;
    return duration<double>(system_clock::now().time_since_epoch()).count();
}

}  // namespace seqscope::storage
