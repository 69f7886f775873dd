// SPDX-License-Identifier: MIT
// Storage benchmark (issue 3): metric ingest rate with batching, the cost of MetricsWriter::append
// on the training thread, and incremental-read latency with 1M metric rows in the database.
//   build-storage/bench/bench_storage                 # 1M rows, files in a fresh /tmp directory
//   build-storage/bench/bench_storage --rows 200000 --dir /path/on/the/disk/to/measure
// Every timing is after a warm-up; read latencies are medians and 99th percentiles of 200 reads.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <sys/resource.h>
#include <unistd.h>

#include "storage/metrics_writer.h"
#include "storage/store.h"

using namespace seqscope::storage;
using Clock = std::chrono::steady_clock;

namespace {

const char* const kNames[6] = {"train_loss", "val_loss", "lr", "grad_norm", "tokens_per_s", "mfu"};

double seconds(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double>(b - a).count(); }

// User + system CPU seconds of the whole process (all threads). Wall time on a shared machine
// includes waiting for a core; CPU time per row does not.
double cpuSeconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + 1e-6 * static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec);
}

MetricPoint point(long long i) {
    const long long step = i / 6;
    return {step, step * 2048, 1e12 * static_cast<double>(step), 0.1 * static_cast<double>(step), kNames[i % 6],
            3.0 + 1.0 / (1.0 + static_cast<double>(step))};
}

void die(const seqscope::Status& s, const char* what) {
    if (s.isOk()) return;
    std::fprintf(stderr, "bench_storage: %s: %s\n", what, s.message().c_str());
    std::exit(1);
}

long long newRun(Store& store, const std::string& name) {
    RunRecord r;
    r.name = name;
    r.arch = "xlstm";
    auto id = store.createRun(r);
    die(id.status(), "createRun");
    return *id;
}

std::string cpuModel() {
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("model name", 0) == 0) return line.substr(line.find(':') + 2);
    return "unknown CPU";
}

struct Percentiles {
    double median = 0, p99 = 0;
};
Percentiles percentiles(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return {v[v.size() / 2], v[std::min(v.size() - 1, v.size() * 99 / 100)]};
}

// Latency of one live-reader poll that finds `newRowsPerRun` new rows in each of `runs`, after a
// writer committed them (the write is not timed). In microseconds.
Percentiles tailReadLatency(Store& writer, Store& reader, const std::vector<long long>& runs,
                            std::vector<long long>& nextIndex, int newRowsPerRun, int reads) {
    std::vector<MetricCursor> cursors;
    for (long long id : runs) cursors.push_back({id, 0});
    auto all = reader.metricsAfterSeq(cursors, {}, 0);   // position the cursors at the end
    die(all.status(), "positioning cursors");
    std::vector<double> micros;
    for (int k = 0; k < reads + 20; ++k) {
        for (size_t r = 0; r < runs.size(); ++r) {
            std::vector<MetricPoint> batch;
            for (int j = 0; j < newRowsPerRun; ++j) batch.push_back(point(nextIndex[r]++));
            die(writer.appendMetrics(runs[r], batch), "appending");
        }
        const auto t0 = Clock::now();
        auto rows = reader.metricsAfterSeq(cursors);
        const auto t1 = Clock::now();
        die(rows.status(), "reading");
        if (rows->size() != runs.size() * static_cast<size_t>(newRowsPerRun)) {
            std::fprintf(stderr, "bench_storage: expected %zu new rows, read %zu\n", runs.size() * newRowsPerRun, rows->size());
            std::exit(1);
        }
        if (k >= 20) micros.push_back(seconds(t0, t1) * 1e6);   // the first 20 are warm-up
    }
    return percentiles(micros);
}

}  // namespace

int main(int argc, char** argv) {
    long long rows = 1000000;
    std::string dir;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--rows") && i + 1 < argc) rows = std::atoll(argv[++i]);
        else if (!std::strcmp(argv[i], "--dir") && i + 1 < argc) dir = argv[++i];
        else {
            std::fprintf(stderr, "usage: %s [--rows N] [--dir DIR]\n", argv[0]);
            return 2;
        }
    }
    namespace fs = std::filesystem;
    if (dir.empty()) dir = (fs::temp_directory_path() / ("seqscope-bench-storage-" + std::to_string(::getpid()))).string();
    fs::remove_all(dir);
    fs::create_directories(dir);
    std::printf("# bench_storage --rows %lld --dir %s\n# CPU: %s\n\n", rows, dir.c_str(), cpuModel().c_str());

    // 1. MetricsWriter: the trainer's path. Appends as fast as possible; commits in the background.
    {
        const std::string db = dir + "/writer.db";
        auto store = Store::open(db);
        die(store.status(), "open");
        const long long run = newRun(**store, "writer");
        auto writer = MetricsWriter::open(db, run);
        die(writer.status(), "writer");
        double appendSeconds = 0;
        const double c0 = cpuSeconds();
        const auto t0 = Clock::now();
        for (long long i = 0; i < rows; ++i) {
            const MetricPoint p = point(i);
            const auto a = Clock::now();
            die((*writer)->append(p), "append");
            appendSeconds += seconds(a, Clock::now());
            // A trainer produces ~6 points per step; here the queue is drained as fast as SQLite allows.
            if (i % 4096 == 0)
                while ((*writer)->pendingRows() > 200000) std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        die((*writer)->close(), "close");
        const double total = seconds(t0, Clock::now());
        const double cpu = cpuSeconds() - c0;
        std::printf("MetricsWriter (background thread, 250 ms / 8192 rows): %lld rows in %.2f s wall = %.0f rows/s, "
                    "%.2f CPU s (both threads) = %.2f us CPU per row, %lld commits\n",
                    rows, total, static_cast<double>(rows) / total, cpu, cpu / static_cast<double>(rows) * 1e6,
                    (*writer)->commits());
        std::printf("  append() on the training thread: %.0f ns per point (timer included), %.2f us per step of 6 metrics\n",
                    appendSeconds / static_cast<double>(rows) * 1e9, appendSeconds / static_cast<double>(rows) * 6e6);
        std::printf("  database file: %.1f MiB for %lld rows\n\n",
                    static_cast<double>(fs::file_size(db)) / (1 << 20), rows);
    }

    // 2. Store::appendMetrics: one transaction per call, so batch size is rows per commit.
    std::printf("| rows per commit | rows | wall s | rows/s (wall) | CPU us per row |\n|---:|---:|---:|---:|---:|\n");
    for (long long batch : {1LL, 10LL, 100LL, 1000LL, 10000LL}) {
        const std::string db = dir + "/batch" + std::to_string(batch) + ".db";
        auto store = Store::open(db);
        die(store.status(), "open");
        const long long run = newRun(**store, "batch");
        const long long n = std::min(rows, batch * 2000);   // per-row commits are slow: bound the time
        std::vector<MetricPoint> points;
        const double c0 = cpuSeconds();
        const auto t0 = Clock::now();
        for (long long i = 0; i < n; i += batch) {
            points.clear();
            for (long long j = i; j < std::min(n, i + batch); ++j) points.push_back(point(j));
            die((*store)->appendMetrics(run, points), "appendMetrics");
        }
        const double s = seconds(t0, Clock::now());
        const double cpu = cpuSeconds() - c0;
        std::printf("| %lld | %lld | %.3f | %.0f | %.2f |\n", batch, n, s, static_cast<double>(n) / s,
                    cpu / static_cast<double>(n) * 1e6);
    }
    std::printf("\n");

    // 3. Incremental reads: a live reader's poll, with `rows` rows already stored and with 10k.
    std::printf("| rows in database | poll: new rows (4 runs x 60) | median us | p99 us |\n|---:|---|---:|---:|\n");
    for (long long size : {10000LL, rows}) {
        const std::string db = dir + "/read" + std::to_string(size) + ".db";
        auto writer = Store::open(db);
        auto reader = Store::open(db);   // a second connection, as the GUI has
        die(writer.status(), "open");
        die(reader.status(), "open");
        std::vector<long long> runs;
        std::vector<long long> next(4, 0);
        for (int r = 0; r < 4; ++r) runs.push_back(newRun(**writer, "read" + std::to_string(r)));
        const long long perRun = size / 4;
        for (int r = 0; r < 4; ++r) {
            std::vector<MetricPoint> points;
            for (long long i = 0; i < perRun; ++i) {
                points.push_back(point(next[r]++));
                if (points.size() == 10000 || i + 1 == perRun) {
                    die((*writer)->appendMetrics(runs[r], points), "populate");
                    points.clear();
                }
            }
        }
        const Percentiles tail = tailReadLatency(**writer, **reader, runs, next, 60, 200);
        std::printf("| %lld | after seq (live tail) | %.0f | %.0f |\n", size, tail.median, tail.p99);

        // "Everything after step S for these runs", S ten steps before the end.
        std::vector<double> micros;
        for (int k = 0; k < 220; ++k) {
            const auto t0 = Clock::now();
            auto got = (*reader)->metricsAfterStep(runs, next[0] / 6 - 10);
            const auto t1 = Clock::now();
            die(got.status(), "afterStep");
            if (k >= 20) micros.push_back(seconds(t0, t1) * 1e6);
        }
        const Percentiles step = percentiles(micros);
        std::printf("| %lld | after step (last 10 steps, %zu rows) | %.0f | %.0f |\n", size,
                    (*reader)->metricsAfterStep(runs, next[0] / 6 - 10)->size(), step.median, step.p99);

        const auto f0 = Clock::now();
        auto full = (*reader)->metricsAfterStep({runs[0]}, -1);
        const double fullSeconds = seconds(f0, Clock::now());
        die(full.status(), "full read");
        std::printf("| %lld | full read of one run (%zu rows) | %.0f | - |\n", size, full->size(), fullSeconds * 1e6);
    }
    fs::remove_all(dir);
    return 0;
}
