// SPDX-License-Identifier: MIT
// CSV export directories (storage/interchange.h readBundleCsv): the input is split at NUL bytes into
// runs.csv, sweeps.csv, metrics.csv, fits.csv and benchmark_points.csv (absent parts: no file), which
// are read as a user's export would be.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>

#include "storage/interchange.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const std::string dir = "/tmp/seqscope-fuzz-csv-" + std::to_string(getpid());
    static const char* const files[] = {"runs.csv", "sweeps.csv", "metrics.csv", "fits.csv", "benchmark_points.csv"};
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
    std::filesystem::create_directories(dir, ec);
    size_t part = 0, start = 0;
    for (size_t i = 0; i <= size && part < 5; ++i) {
        if (i < size && data[i] != 0) continue;
        std::FILE* f = std::fopen((dir + "/" + files[part]).c_str(), "wb");
        if (f) {
            std::fwrite(data + start, 1, i - start, f);
            std::fclose(f);
        }
        ++part;
        start = i + 1;
    }
    auto bundle = seqscope::storage::readBundleCsv(dir);
    (void)bundle;
    return 0;
}
