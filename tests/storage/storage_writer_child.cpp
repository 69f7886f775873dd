// SPDX-License-Identifier: MIT
// A training process stand-in for the crash and multi-process tests: creates a `running` run and
// logs metric points through MetricsWriter, printing "run <id>" and then "committed <n>" after
// every commit, so the parent knows what is durable when it sends SIGKILL. Plain C++, no Qt.
//   storage_writer_child DB forever         write until killed
//   storage_writer_child DB count N         write N points, close, exit 0
// Point i is step i/6 of metric kMetricNames[i%6] with value pointValue(i) (storage_test_points.h).
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <chrono>

#include "storage/metrics_writer.h"
#include "storage/store.h"
#include "storage_test_points.h"

using namespace seqscope::storage;

int main(int argc, char** argv) {
    if (argc < 3 || (std::strcmp(argv[2], "forever") != 0 && (std::strcmp(argv[2], "count") != 0 || argc < 4))) {
        std::fprintf(stderr, "usage: %s DB forever | DB count N\n", argv[0]);
        return 2;
    }
    const std::string db = argv[1];
    const bool forever = std::strcmp(argv[2], "forever") == 0;
    const long long total = forever ? 0 : std::atoll(argv[3]);

    long long runId = 0;
    {
        auto store = Store::open(db);
        if (!store) {
            std::fprintf(stderr, "open: %s\n", store.status().message().c_str());
            return 1;
        }
        RunRecord run;
        run.name = forever ? "killed-writer" : "counted-writer";
        run.arch = "xlstm";
        run.status = RunStatus::Running;   // stamped with this pid: the parent checks interrupted marking
        auto id = (*store)->createRun(run);
        if (!id) {
            std::fprintf(stderr, "createRun: %s\n", id.status().message().c_str());
            return 1;
        }
        runId = *id;
    }
    std::printf("run %lld\n", runId);
    std::fflush(stdout);

    MetricsWriterOptions options;
    options.maxLatencyMs = 5;          // commit almost continuously so a kill lands inside a transaction
    options.maxBatchRows = 2000;
    options.busyTimeoutMs = 20000;     // several writers share the file in the multi-process test
    options.onCommit = [](long long committed) {
        std::printf("committed %lld\n", committed);
        std::fflush(stdout);
    };
    auto writer = MetricsWriter::open(db, runId, options);
    if (!writer) {
        std::fprintf(stderr, "writer: %s\n", writer.status().message().c_str());
        return 1;
    }
    for (long long i = 0; forever || i < total; ++i) {
        // A trainer is far slower than the queue; without this the stand-in would outrun the commits.
        if (i % 1000 == 0)
            while ((*writer)->pendingRows() > 4000) std::this_thread::sleep_for(std::chrono::milliseconds(1));
        const seqscope::test::TestPoint p = seqscope::test::pointAt(i);
        if (auto s = (*writer)->append(p.step, p.step * 1024, 1e9 * static_cast<double>(p.step), 0.01 * static_cast<double>(p.step), p.name, p.value); !s) {
            std::fprintf(stderr, "append: %s\n", s.message().c_str());
            return 1;
        }
    }
    if (auto s = (*writer)->close(); !s) {
        std::fprintf(stderr, "close: %s\n", s.message().c_str());
        return 1;
    }
    {
        auto store = Store::open(db);
        if (!store || !(*store)->finishRun(runId, RunStatus::Finished)) return 1;
    }
    std::printf("done %lld\n", total);
    return 0;
}
