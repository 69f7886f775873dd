// SPDX-License-Identifier: MIT
// /proc readers for the inference benchmarks (process_probe.h). Values in kB in /proc are turned
// into bytes; any unreadable file gives -1 / NaN / "unknown" rather than an error, since these are
// annotations of a measurement, not the measurement.
#include "inference/process_probe.h"

#include <malloc.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <sstream>

namespace seqscope::engine::probe {
namespace {

// "<key>:   1234 kB" from a /proc file, in bytes; -1 when absent.
long long procKb(const char* file, const std::string& key) {
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
        if (line.compare(0, key.size(), key) != 0 || line.size() <= key.size() || line[key.size()] != ':') continue;
        std::istringstream fields(line.substr(key.size() + 1));
        long long kb = -1;
        fields >> kb;
        return kb < 0 ? -1 : kb * 1024;
    }
    return -1;
}

}  // namespace

long long currentRssBytes() { return procKb("/proc/self/status", "VmRSS"); }
long long peakRssBytes() { return procKb("/proc/self/status", "VmHWM"); }

bool resetPeakRss() {
    std::ofstream out("/proc/self/clear_refs");
    if (!out) return false;
    out << "5";
    out.flush();
    return static_cast<bool>(out);
}

void releaseFreedMemory() { malloc_trim(0); }

RssPeakTracker::RssPeakTracker() {
    releaseFreedMemory();
    m_sampling = !resetPeakRss();
    m_baseline = std::max(0LL, currentRssBytes());
    if (m_sampling) {
        m_sampledPeak = m_baseline;
        m_thread = std::thread([this] {
            while (!m_stop.load()) {
                const long long rss = currentRssBytes();
                if (rss > m_sampledPeak.load()) m_sampledPeak = rss;
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            }
        });
    }
}

RssPeakTracker::~RssPeakTracker() {
    m_stop = true;
    if (m_thread.joinable()) m_thread.join();
}

long long RssPeakTracker::growthBytes() {
    const long long peak = m_sampling ? std::max(m_sampledPeak.load(), currentRssBytes()) : peakRssBytes();
    return std::max(0LL, peak - m_baseline);
}

std::string cpuModelName() {
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("model name", 0) != 0) continue;
        const size_t colon = line.find(':');
        if (colon == std::string::npos) break;
        size_t start = line.find_first_not_of(" \t", colon + 1);
        return start == std::string::npos ? "unknown" : line.substr(start);
    }
    return "unknown";
}

int onlineCpus() {
    const long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? static_cast<int>(n) : 0;
}

double memTotalBytes() {
    const long long b = procKb("/proc/meminfo", "MemTotal");
    return b < 0 ? NAN : static_cast<double>(b);
}

double memAvailableBytes() {
    const long long b = procKb("/proc/meminfo", "MemAvailable");
    return b < 0 ? NAN : static_cast<double>(b);
}

double loadAverage1m() {
    std::ifstream in("/proc/loadavg");
    double v = NAN;
    if (!(in >> v)) return NAN;
    return v;
}

std::string hostName() {
    char buf[256] = {};
    if (gethostname(buf, sizeof buf - 1) != 0) return "unknown";
    return buf;
}

}  // namespace seqscope::engine::probe
