// SPDX-License-Identifier: MIT
// Inference benchmarks (issue 8): time to first token, decode step time and memory against prefill
// length and batch, for several models measured side by side (the sweep interleaves the models at
// every (batch, prefill), so load on a shared machine hits them alike), plus the machine's matmul
// rate and memory bandwidth for the runtime model (analysis/runtime_model.h, scaling-laws.md 12).
// Definitions: TTFT = prefill pass of B prompts of T_pre random tokens + greedy choice of the first
// token; a decode step = one model step for B sequences + greedy choice. After warm-up repeats, each
// of R repeats times one TTFT and G steps; a repeat's step time is the median of its G steps; the
// point reports median, min, max and quartiles over the repeats. Public header: no LibTorch.
#pragma once

#include <cmath>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "analysis/model_shape.h"
#include "common/status.h"
#include "models/language_model.h"

namespace seqscope::engine {

// What the CPU timings measure. Wall is what a user waits for. ProcessCpu is the CPU time of this
// process (every thread summed, CLOCK_PROCESS_CPUTIME_ID): on a machine shared with other work it is
// far less disturbed than wall time, and with 1 thread it equals the compute time of the call.
// CUDA timings always use events (device time).
enum class BenchClock { Wall, ProcessCpu };
const char* benchClockName(BenchClock clock);                   // "wall" | "cpu"
bool parseBenchClock(const std::string& text, BenchClock* clock);

struct InferenceBenchOptions {
    ComputeDevice device = ComputeDevice::Cpu;
    int cudaDevice = 0;                           // CUDA ordinal when device == Cuda
    ComputeDtype dtype = ComputeDtype::Float32;   // bfloat16 = CUDA autocast over float32 weights
    std::vector<int> batches = {1};               // batch sizes B, sequences
    std::vector<long long> prefills = {256};      // prefill lengths T_pre, tokens (>= 1)
    int decodeSteps = 32;                         // G: timed decode steps after the first token (>= 1)
    int repeats = 3;                              // R: measured repeats per point (>= 1)
    int warmupRepeats = 1;                        // untimed repeats per point before the measured ones
    double timeLimitSeconds = 0;                  // wall-clock limit per point incl. warm-up, s; 0 = none.
                                                  // Checked between model calls: a call is never interrupted.
    int threads = 0;                              // CPU intra-op threads; 0 = keep LibTorch's setting
    BenchClock clock = BenchClock::Wall;          // CPU timings: wall time or process CPU time (see BenchClock)
    // CPU: a point is skipped as "oom" when its predicted peak (decode state at the final length,
    // twice for the Transformer's geometric KV growth, plus the prefill activations) exceeds this
    // fraction of MemAvailable. CUDA: allocation failures are caught instead.
    double memoryFraction = 0.8;
    std::uint64_t seed = 0;                       // weight initialisation and prompt tokens
    bool isValid(std::string* error) const;
};

// A model to benchmark. maxContext is raised to the longest prefill + G + 1 if it is shorter.
struct BenchModel {
    std::string label;               // "xlstm-10m", or a description for explicit dimensions
    analysis::ModelShape shape;
    std::string checkpoint;          // a model directory (interop/model_directory.h) whose weights to load; "" = random init
};

// Order statistics of a few timings (linear interpolation between order statistics).
struct TimingSummary {
    double median = NAN, min = NAN, max = NAN, q1 = NAN, q3 = NAN;
    int count = 0;
};
TimingSummary summarizeTimings(std::vector<double> values);

struct InferenceBenchPoint {
    std::string label;               // BenchModel::label
    analysis::ModelShape shape;      // as instantiated (maxContext raised)
    long long params = 0;            // counted from the module
    int batch = 1;                   // B
    long long prefill = 0;           // T_pre, tokens per sequence
    int decodeSteps = 0;             // G
    std::string status = "ok";       // ok | oom | failed (storage::BenchmarkPoint vocabulary)
    std::string message;             // why a point is oom/failed
    TimingSummary ttftMs;            // time to first token over the repeats, ms
    TimingSummary stepMs;            // per-repeat median decode step, over the repeats, ms
    double prefillTokensPerSecond = NAN;   // B * T_pre / median TTFT
    double decodeTokensPerSecond = NAN;    // B / median step
    long long peakMemoryBytes = 0;   // see memoryMethod
    std::string memoryMethod;        // "rss-growth": peak RSS above the RSS at the point's start (CPU,
                                     // /proc/self/clear_refs + VmHWM; weights excluded, they exist before);
                                     // "cuda-max-allocated": max allocated bytes incl. weights (CUDA)
    long long stateBytesAfterPrefill = 0;   // DecodeState::bytes(): live KV cache / recurrent state
    long long stateBytesAfterDecode = 0;    // ... after the G steps
    double seconds = 0;              // wall time of the point incl. warm-up, s
};

// Facts recorded with every point.
struct MachineInfo {
    std::string host;                // gethostname
    std::string cpuModel;            // /proc/cpuinfo "model name"
    int logicalCpus = 0;             // online CPUs
    int threads = 0;                 // LibTorch intra-op threads in effect
    double memTotalBytes = 0;        // /proc/meminfo MemTotal
    double loadAverage1m = NAN;      // /proc/loadavg at the time of the call (shared machines)
    std::string device;              // "cpu (AMD EPYC, 2 threads)" or "cuda:0 (<name>)"
    std::string torchVersion, seqscopeVersion, compiler;
};
MachineInfo machineInfo(const InferenceBenchOptions& options);

// The machine's own limits, measured with LibTorch on the benchmark device.
struct HardwareRates {
    Status status;
    std::string dtype;               // of the matmul: float32 on CPU; the benchmark dtype on CUDA
    int matmulSize = 0;              // n of the fastest n x n x n matmul tried (CPU 512/1024/2048, CUDA 4096/8192)
    double matmulFlopsPerSecond = NAN;     // 2 n^3 / median time, best over the sizes
    long long copyBytes = 0;         // size of the copied buffer
    double bandwidthBytesPerSecond = NAN;  // (read + write) 2 * copyBytes / median copy time
    double seconds = 0;              // time the measurement took
};
HardwareRates measureHardwareRates(const InferenceBenchOptions& options);

// Called after each point (progress output, storing as you go).
using BenchPointCallback = std::function<void(const InferenceBenchPoint&)>;

// Runs every (batch, prefill, model) point in that nesting order. Invalid options or models are an
// error before anything runs; a point that runs out of memory or past the time limit is returned
// with status oom/failed and the sweep goes on.
Result<std::vector<InferenceBenchPoint>> runInferenceBench(const std::vector<BenchModel>& models,
                                                           const InferenceBenchOptions& options,
                                                           const BenchPointCallback& onPoint = {});

}  // namespace seqscope::engine
