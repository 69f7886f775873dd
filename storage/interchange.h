// SPDX-License-Identifier: MIT
// Import and export of runs with their metrics, sweeps, fits and benchmark points (issue 3,
// "Import and export"), as one JSON file or as a directory of CSV files. Both formats go through a
// Bundle: reading parses and validates the whole input first, with errors naming file:line:column,
// and only then writes it to the store in one transaction, so nothing is half-imported. Imported
// runs get new ids; fits' input runs are remapped to them; sweeps are matched by name.
//
// JSON: {"format": "seqscope-export", "format_version": 1, "sweeps": [...], "runs": [...],
//        "fits": [...], "benchmark_points": [...]}, each run carrying
//        "metrics": {"columns": ["step","tokens","flops","wall_time","name","value"], "rows": [[...], ...]}.
// CSV directory: runs.csv (required), metrics.csv, sweeps.csv, fits.csv, benchmark_points.csv;
//        JSON-valued columns (config, plan, selection, params, options) hold JSON text, lists
//        (tags, input_runs) are separated by ';'. Numbers that are unknown are empty / null.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "storage/records.h"

namespace seqscope::storage {

class Store;

inline constexpr int kExportFormatVersion = 1;

struct BundleRun {
    RunRecord run;                    // run.id: the id in the source database (fits refer to it)
    std::string sweepName;            // empty = no sweep
    std::vector<MetricPoint> metrics;
};

struct Bundle {
    std::vector<SweepRecord> sweeps;
    std::vector<BundleRun> runs;
    std::vector<FitRecord> fits;
    std::vector<BenchmarkPoint> benchmarkPoints;
};

struct ExportOptions {
    std::vector<long long> runIds;    // empty = every run
    bool metrics = true;              // include each run's metric rows
    bool fits = true;                 // fits whose input runs are all exported
    bool benchmarkPoints = true;      // only when exporting every run (they belong to no run)
};

struct ImportSummary {
    long long runs = 0, metrics = 0, sweeps = 0, fits = 0, benchmarkPoints = 0;
    std::vector<long long> newRunIds;   // in bundle order
};

// Reads the selection from `store`. NotFound names a missing run id.
Result<Bundle> loadBundle(Store& store, const ExportOptions& options);
// Writes `bundle` into `store` in one transaction. Runs that were `running` in the source become
// `interrupted` (no process here is writing them); the reason says so.
Result<ImportSummary> saveBundle(Store& store, const Bundle& bundle);

Status writeBundleJson(const Bundle& bundle, std::ostream& out);
// Parses and validates; errors are "<fileName>:<line>:<column>: <problem>".
Result<Bundle> readBundleJson(std::string_view text, const std::string& fileName);

// Writes runs.csv, metrics.csv, sweeps.csv, fits.csv, benchmark_points.csv into `directory`
// (created if needed). IoError names the file that could not be written.
Status writeBundleCsv(const Bundle& bundle, const std::string& directory);
// Reads the files writeBundleCsv writes (runs.csv required, the others optional).
Result<Bundle> readBundleCsv(const std::string& directory);

// Whole file into memory; IoError names the file.
Result<std::string> readTextFile(const std::string& path);

}  // namespace seqscope::storage
