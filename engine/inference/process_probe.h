// SPDX-License-Identifier: MIT
// Linux process and machine facts for the inference benchmarks, read from /proc (no LibTorch):
// resident set size and its peak, resetting that peak per benchmark point, the CPU model, memory
// and load. Peak RSS: writing "5" to /proc/self/clear_refs (Linux >= 4.0) resets VmHWM to the
// current RSS, so VmHWM afterwards is the peak since the reset; where that is refused, a sampling
// thread polls VmRSS every millisecond instead (it can miss peaks shorter than that).
// Engine-internal header.
#pragma once

#include <atomic>
#include <string>
#include <thread>

namespace seqscope::engine::probe {

long long currentRssBytes();     // VmRSS; -1 if unreadable
long long peakRssBytes();        // VmHWM; -1 if unreadable
bool resetPeakRss();             // clear_refs "5"; false if the kernel refused
void releaseFreedMemory();       // malloc_trim(0): return freed heap pages so RSS growth is visible again

// Peak RSS growth over a scope, by clear_refs where possible, else by sampling.
class RssPeakTracker {
public:
    RssPeakTracker();            // takes the baseline (and starts sampling if needed)
    ~RssPeakTracker();
    RssPeakTracker(const RssPeakTracker&) = delete;
    RssPeakTracker& operator=(const RssPeakTracker&) = delete;
    long long growthBytes();     // peak RSS since construction minus the baseline (>= 0)
    const char* method() const { return m_sampling ? "rss-growth (sampled 1 ms)" : "rss-growth"; }

private:
    long long m_baseline = 0;
    bool m_sampling = false;
    std::atomic<bool> m_stop{false};
    std::atomic<long long> m_sampledPeak{0};
    std::thread m_thread;
};

std::string cpuModelName();      // "model name" of /proc/cpuinfo (or "unknown")
int onlineCpus();
double memTotalBytes();          // MemTotal
double memAvailableBytes();      // MemAvailable (NaN if unknown)
double loadAverage1m();          // first field of /proc/loadavg (NaN if unknown)
std::string hostName();

}  // namespace seqscope::engine::probe
