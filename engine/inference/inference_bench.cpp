// SPDX-License-Identifier: MIT
// Inference benchmark runner and hardware probes (inference_bench.h). Models are driven through the
// engine-internal CausalLm (prefill with logits of the last position only, then one step per token)
// so greedy tokens stay on the device: no host round trip per step on CUDA. CPU timings use
// steady_clock (CPU ops are synchronous); CUDA timings use timing events on the current stream with
// one synchronisation per repeat, and the device is synchronised before each point. The time limit
// is checked between model calls (on CUDA after each repeat's synchronisation), so a single call
// that runs long is only noticed when it returns.
#include "inference/inference_bench.h"
#include "interop/model_weights.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/DeviceAccelerator.h>
#include <c10/core/Event.h>
#include <torch/version.h>

#include <time.h>

#include <algorithm>
#include <chrono>
#include <new>
#include <sstream>

#include "common/version.h"
#include "device_info.h"
#include "inference/process_probe.h"
#include "models/model_factory.h"

namespace seqscope::engine {
namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

std::string fmtNum(double v, int digits = 3) {
    std::ostringstream os;
    os.precision(digits);
    os << v;
    return os.str();
}

std::string gib(double bytes) { return fmtNum(bytes / (1024.0 * 1024.0 * 1024.0)) + " GiB"; }

struct TimeLimitExceeded {
    std::string after;   // what had just finished
    double elapsed = 0;  // s since the point started
};

ModelOptions modelOptions(const InferenceBenchOptions& o) {
    ModelOptions m;
    m.device = o.device;
    m.cudaDevice = o.cudaDevice;
    m.dtype = o.dtype;
    m.seed = o.seed;
    return m;
}

bool isCuda(const InferenceBenchOptions& o) { return o.device == ComputeDevice::Cuda; }

c10::DeviceIndex cudaIndex(const InferenceBenchOptions& o) { return static_cast<c10::DeviceIndex>(o.cudaDevice); }

void synchronize(const InferenceBenchOptions& o) {
    if (isCuda(o)) at::accelerator::synchronizeDevice(cudaIndex(o));
}

// Timestamps on the benchmark device: wall clock on CPU, CUDA timing events on the current stream.
// Events are kept across clear() and re-recorded, so only the first (warm-up) repeat creates them.
class DeviceTimer {
public:
    explicit DeviceTimer(const InferenceBenchOptions& o) : m_options(o) {}
    void mark() {
        if (!isCuda(m_options)) {
            if (m_options.clock == BenchClock::ProcessCpu) {
                timespec ts{};
                clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
                m_cpu.push_back(static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) * 1e-6);
            }
            m_times.push_back(Clock::now());
            return;
        }
        if (m_next == m_events.size()) m_events.emplace_back(c10::DeviceType::CUDA, c10::EventFlag::BACKEND_DEFAULT);
        m_events[m_next++].record(at::accelerator::getCurrentStream(cudaIndex(m_options)));
    }
    size_t count() const { return isCuda(m_options) ? m_next : m_times.size(); }
    // Milliseconds between two marks; on CUDA only after a synchronisation.
    double ms(size_t from, size_t to) const {
        if (!isCuda(m_options)) {
            if (m_options.clock == BenchClock::ProcessCpu) return m_cpu[to] - m_cpu[from];
            return std::chrono::duration<double, std::milli>(m_times[to] - m_times[from]).count();
        }
        return m_events[from].elapsedTime(m_events[to]);
    }
    void clear() {
        m_times.clear();
        m_cpu.clear();
        m_next = 0;
    }

private:
    const InferenceBenchOptions& m_options;
    std::vector<Clock::time_point> m_times;
    std::vector<double> m_cpu;   // process CPU time, ms
    std::vector<c10::Event> m_events;
    size_t m_next = 0;
};

// Predicted peak bytes of a CPU point beyond the weights (see InferenceBenchOptions::memoryFraction).
double predictedPointBytes(const analysis::ModelShape& s, int batch, long long prefill, int steps) {
    const double b = batch, f32 = 4;
    double state = 0;
    if (s.arch == analysis::Arch::Transformer) {
        const double positions = static_cast<double>(prefill + steps + 1);
        state = 3.0 * 2.0 * s.layers * b * s.heads * s.headDimQK * positions * f32;   // old + doubled buffer while growing
    } else {
        state = static_cast<double>(s.layers) * b * s.heads * (double(s.headDimQK) * s.headDimV + s.headDimQK + 1) * f32;
    }
    const double activations = b * static_cast<double>(prefill) * (8.0 * s.dModel + 3.0 * s.ffnDim) * f32;
    return state + activations;
}

// Greedy next token of every row: logits (B, V) -> (B) int64 on the same device.
torch::Tensor greedy(const torch::Tensor& logits) { return logits.argmax(-1); }

void measurePoint(CausalLm& model, const InferenceBenchOptions& o, InferenceBenchPoint& p) {
    const auto start = Clock::now();
    // One comparison when there is no limit; the message is built only when the limit is exceeded.
    auto overLimit = [&] { return o.timeLimitSeconds > 0 && secondsSince(start) > o.timeLimitSeconds; };
    torch::NoGradGuard noGrad;
    synchronize(o);
    std::unique_ptr<probe::RssPeakTracker> rss;
    if (isCuda(o)) {
        at::accelerator::resetPeakStats(cudaIndex(o));
        p.memoryMethod = "cuda-max-allocated";
    } else {
        rss = std::make_unique<probe::RssPeakTracker>();
        p.memoryMethod = rss->method();
    }
    // Prompt tokens: uniform ids, the same for every repeat and for every model with this vocabulary.
    at::Generator gen = at::make_generator<at::CPUGeneratorImpl>(o.seed ^ (static_cast<std::uint64_t>(p.batch) << 40) ^
                                                                 static_cast<std::uint64_t>(p.prefill));
    const torch::Tensor tokens =
        torch::randint(0, p.shape.vocab, {p.batch, p.prefill}, gen, torch::TensorOptions().dtype(torch::kLong)).to(model.device());

    std::vector<double> ttfts, steps;
    DeviceTimer timer(o);
    const int total = o.warmupRepeats + o.repeats;
    for (int r = 0; r < total; ++r) {
        const bool measured = r >= o.warmupRepeats;
        const std::string which = measured ? "repeat " + std::to_string(r - o.warmupRepeats + 1) : "warm-up";   // for messages
        timer.clear();
        timer.mark();
        auto [logits, state] = model.prefill(tokens, /*lastOnly=*/true);   // (B, 1, V)
        torch::Tensor next = greedy(logits.select(1, 0));
        timer.mark();
        if (!isCuda(o) && overLimit()) throw TimeLimitExceeded{"the " + which + " prefill", secondsSince(start)};
        p.stateBytesAfterPrefill = state->bytes();
        for (int g = 0; g < p.decodeSteps; ++g) {
            next = greedy(model.step(next, *state));
            timer.mark();
            if (!isCuda(o) && overLimit())
                throw TimeLimitExceeded{"decode step " + std::to_string(g + 1) + " of the " + which, secondsSince(start)};
        }
        synchronize(o);
        if (isCuda(o) && overLimit()) throw TimeLimitExceeded{"the " + which, secondsSince(start)};
        p.stateBytesAfterDecode = state->bytes();
        if (!measured) continue;
        ttfts.push_back(timer.ms(0, 1));
        std::vector<double> perStep;
        for (size_t k = 1; k + 1 < timer.count(); ++k) perStep.push_back(timer.ms(k, k + 1));
        steps.push_back(summarizeTimings(perStep).median);
    }
    p.ttftMs = summarizeTimings(ttfts);
    p.stepMs = summarizeTimings(steps);
    p.prefillTokensPerSecond = static_cast<double>(p.batch) * static_cast<double>(p.prefill) / (p.ttftMs.median * 1e-3);
    p.decodeTokensPerSecond = static_cast<double>(p.batch) / (p.stepMs.median * 1e-3);
    if (isCuda(o))
        p.peakMemoryBytes = at::accelerator::getDeviceStats(cudaIndex(o)).allocated_bytes[0].peak;
    else
        p.peakMemoryBytes = rss->growthBytes();
}

}  // namespace

const char* benchClockName(BenchClock clock) { return clock == BenchClock::Wall ? "wall" : "cpu"; }

bool parseBenchClock(const std::string& text, BenchClock* clock) {
    if (text == "wall") *clock = BenchClock::Wall;
    else if (text == "cpu" || text == "process-cpu") *clock = BenchClock::ProcessCpu;
    else return false;
    return true;
}

bool InferenceBenchOptions::isValid(std::string* error) const {
    auto fail = [error](const std::string& m) {
        if (error) *error = m;
        return false;
    };
    ModelOptions m;
    m.device = device;
    m.cudaDevice = cudaDevice;
    m.dtype = dtype;
    if (!m.isValid(error)) return false;
    if (batches.empty()) return fail("no batch sizes given");
    for (int b : batches)
        if (b < 1) return fail("batch size must be >= 1, got " + std::to_string(b));
    if (prefills.empty()) return fail("no prefill lengths given");
    for (long long t : prefills)
        if (t < 1 || t > kMaxSupportedContext)
            return fail("prefill length must be in [1, " + std::to_string(kMaxSupportedContext) + "], got " + std::to_string(t));
    if (decodeSteps < 1) return fail("decode steps G must be >= 1, got " + std::to_string(decodeSteps));
    if (repeats < 1) return fail("repeats must be >= 1, got " + std::to_string(repeats));
    if (warmupRepeats < 0) return fail("warm-up repeats must be >= 0, got " + std::to_string(warmupRepeats));
    if (!(timeLimitSeconds >= 0) || std::isinf(timeLimitSeconds))
        return fail("time limit must be a finite number of seconds >= 0, got " + fmtNum(timeLimitSeconds));
    if (threads < 0) return fail("threads must be >= 0, got " + std::to_string(threads));
    if (!(memoryFraction > 0 && memoryFraction <= 1)) return fail("memory fraction must be in (0, 1], got " + fmtNum(memoryFraction));
    return true;
}

TimingSummary summarizeTimings(std::vector<double> v) {
    TimingSummary s;
    v.erase(std::remove_if(v.begin(), v.end(), [](double x) { return !std::isfinite(x); }), v.end());
    s.count = static_cast<int>(v.size());
    if (v.empty()) return s;
    std::sort(v.begin(), v.end());
    auto q = [&](double f) {
        const double pos = f * static_cast<double>(v.size() - 1);
        const size_t lo = static_cast<size_t>(pos);
        const size_t hi = std::min(lo + 1, v.size() - 1);
        return v[lo] + (pos - static_cast<double>(lo)) * (v[hi] - v[lo]);
    };
    s.min = v.front();
    s.max = v.back();
    s.q1 = q(0.25);
    s.median = q(0.5);
    s.q3 = q(0.75);
    return s;
}

MachineInfo machineInfo(const InferenceBenchOptions& options) {
    setCpuThreads(options.threads);
    const DeviceInfo d = deviceInfo();
    MachineInfo m;
    m.host = probe::hostName();
    m.cpuModel = probe::cpuModelName();
    m.logicalCpus = probe::onlineCpus();
    m.threads = d.cpuThreads;
    m.memTotalBytes = probe::memTotalBytes();
    m.loadAverage1m = probe::loadAverage1m();
    m.torchVersion = d.torchVersion;
    m.seqscopeVersion = kVersion;
#if defined(__VERSION__)
    m.compiler = __VERSION__;
#endif
    if (options.device == ComputeDevice::Cpu) {
        m.device = "cpu (" + m.cpuModel + ", " + std::to_string(m.threads) + (m.threads == 1 ? " thread)" : " threads)");
    } else {
        m.device = "cuda:" + std::to_string(options.cudaDevice);
        for (const auto& c : d.cudaDevices)
            if (c.index == options.cudaDevice) m.device += " (" + c.name + ")";
    }
    return m;
}

HardwareRates measureHardwareRates(const InferenceBenchOptions& options) {
    HardwareRates h;
    std::string error;
    if (!options.isValid(&error)) {
        h.status = Status::invalid(error);
        return h;
    }
    if (Status s = validateModel(analysis::makeShape(analysis::Arch::XLstm, 64, 1, 1), modelOptions(options)); !s) {
        h.status = s;
        return h;
    }
    setCpuThreads(options.threads);
    const auto start = Clock::now();
    const bool cuda = isCuda(options);
    const torch::Device device = cuda ? torch::Device(torch::kCUDA, cudaIndex(options)) : torch::Device(torch::kCPU);
    const auto dtype = cuda && options.dtype == ComputeDtype::BFloat16 ? torch::kBFloat16 : torch::kFloat32;
    h.dtype = dtype == torch::kBFloat16 ? "bfloat16" : "float32";
    try {
        torch::NoGradGuard noGrad;
        DeviceTimer timer(options);
        auto medianMs = [&](int reps, const std::function<void()>& op) {
            op();   // warm-up (allocation, kernel selection)
            synchronize(options);
            timer.clear();
            timer.mark();
            for (int i = 0; i < reps; ++i) {
                op();
                timer.mark();
            }
            synchronize(options);
            std::vector<double> ms;
            for (size_t k = 0; k + 1 < timer.count(); ++k) ms.push_back(timer.ms(k, k + 1));
            return summarizeTimings(ms).median;
        };
        // The best of a few square sizes: one size can sit badly with the BLAS blocking, and the
        // point is an attainable rate to compare alpha_eff with.
        for (int n : cuda ? std::vector<int>{4096, 8192} : std::vector<int>{512, 1024, 2048}) {
            const auto opts = torch::TensorOptions().dtype(dtype).device(device);
            const torch::Tensor a = torch::randn({n, n}, opts), b = torch::randn({n, n}, opts);
            torch::Tensor c = torch::empty({n, n}, opts);
            const double ms = medianMs(cuda ? 20 : 3, [&] { at::mm_out(c, a, b); });
            const double rate = 2.0 * std::pow(static_cast<double>(n), 3) / (ms * 1e-3);
            if (!(rate <= h.matmulFlopsPerSecond)) {   // also replaces the initial NaN
                h.matmulFlopsPerSecond = rate;
                h.matmulSize = n;
            }
        }
        {
            // STREAM-style add c = a + b over float32 buffers far larger than any cache: counted as
            // reading a and b and writing c (write-allocate traffic not counted, as in STREAM).
            const long long elements = cuda ? (1LL << 28) : (1LL << 25);   // 1 GiB / 128 MiB per buffer
            const auto opts = torch::TensorOptions().dtype(torch::kFloat32).device(device);
            const torch::Tensor a = torch::rand({elements}, opts), b = torch::rand({elements}, opts);
            torch::Tensor c = torch::empty({elements}, opts);
            h.copyBytes = elements * 4;
            const double ms = medianMs(cuda ? 20 : 5, [&] { at::add_out(c, a, b); });
            h.bandwidthBytesPerSecond = 3.0 * static_cast<double>(h.copyBytes) / (ms * 1e-3);
        }
    } catch (const c10::OutOfMemoryError& e) {
        h.status = Status(StatusCode::Unavailable, std::string("out of memory measuring hardware rates: ") + e.what_without_backtrace());
    } catch (const std::bad_alloc&) {
        h.status = Status(StatusCode::Unavailable, "out of memory measuring hardware rates");
    } catch (const c10::Error& e) {
        h.status = Status(StatusCode::Internal, std::string("measuring hardware rates: ") + e.what_without_backtrace());
    }
    h.seconds = secondsSince(start);
    return h;
}

Result<std::vector<InferenceBenchPoint>> runInferenceBench(const std::vector<BenchModel>& models,
                                                           const InferenceBenchOptions& options,
                                                           const BenchPointCallback& onPoint) {
    std::string error;
    if (!options.isValid(&error)) return Status::invalid(error);
    if (models.empty()) return Status::invalid("no models to benchmark");
    const long long longest = *std::max_element(options.prefills.begin(), options.prefills.end()) + options.decodeSteps + 1;
    std::vector<BenchModel> prepared = models;
    for (BenchModel& m : prepared) {
        if (m.shape.maxContext < longest) m.shape.maxContext = static_cast<int>(std::min<long long>(longest, kMaxSupportedContext));
        if (Status s = validateModel(m.shape, modelOptions(options)); !s) return s.withContext("model " + m.label);
    }
    setCpuThreads(options.threads);

    // Create every model first: the sweep then interleaves them. A model that cannot be created
    // (weights out of memory, no device) turns all its points into failures with that reason.
    std::vector<std::shared_ptr<CausalLm>> lms;
    std::vector<Status> createStatus;
    for (const BenchModel& m : prepared) {
        auto lm = createCausalLm(m.shape, modelOptions(options));
        if (lm && !m.checkpoint.empty())
            if (Status s = interop::loadWeights(*lm.value(), m.checkpoint); !s) lm = s;
        createStatus.push_back(lm.status());
        lms.push_back(lm ? lm.value() : nullptr);
        if (lm) lm.value()->eval();
    }

    std::vector<InferenceBenchPoint> points;
    for (int batch : options.batches) {
        for (long long prefill : options.prefills) {
            for (size_t i = 0; i < prepared.size(); ++i) {
                InferenceBenchPoint p;
                p.label = prepared[i].label;
                p.shape = prepared[i].shape;
                p.params = lms[i] ? lms[i]->parameterCount() : 0;
                p.batch = batch;
                p.prefill = prefill;
                p.decodeSteps = options.decodeSteps;
                const auto t0 = Clock::now();
                const double available = probe::memAvailableBytes();
                const double predicted = predictedPointBytes(p.shape, batch, prefill, options.decodeSteps);
                if (!lms[i]) {
                    const bool oom = createStatus[i].code() == StatusCode::Unavailable ||
                                     createStatus[i].message().find("out of memory") != std::string::npos;
                    p.status = oom ? "oom" : "failed";
                    p.message = createStatus[i].message();
                } else if (!isCuda(options) && std::isfinite(available) && predicted > options.memoryFraction * available) {
                    p.status = "oom";
                    p.message = "skipped: predicted " + gib(predicted) + " exceeds " + fmtNum(options.memoryFraction * 100) +
                                " % of the " + gib(available) + " available";
                } else {
                    try {
                        measurePoint(*lms[i], options, p);
                    } catch (const TimeLimitExceeded& t) {
                        p.status = "failed";
                        p.message = "time limit " + fmtNum(options.timeLimitSeconds) + " s exceeded after " + t.after + " (" +
                                    fmtNum(t.elapsed) + " s)";
                    } catch (const c10::OutOfMemoryError& e) {
                        p.status = "oom";
                        p.message = std::string("out of memory: ") + e.what_without_backtrace();
                    } catch (const std::bad_alloc&) {
                        p.status = "oom";
                        p.message = "out of memory (allocation failed)";
                    } catch (const c10::Error& e) {
                        p.status = "failed";
                        p.message = e.what_without_backtrace();
                    }
                    if (p.status != "ok") {
                        p.ttftMs = p.stepMs = TimingSummary{};
                        p.prefillTokensPerSecond = p.decodeTokensPerSecond = NAN;
                        try {
                            synchronize(options);   // leave the device usable for the next point
                        } catch (const c10::Error&) {
                        }
                        if (isCuda(options)) at::accelerator::emptyCache();
                    }
                }
                p.seconds = secondsSince(t0);
                if (onPoint) onPoint(p);
                points.push_back(std::move(p));
            }
        }
    }
    return points;
}

}  // namespace seqscope::engine
