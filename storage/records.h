// SPDX-License-Identifier: MIT
// Plain value types the store reads and writes: runs, metric points, sweeps, fits, inference
// benchmark points, reference dataset descriptions and the `db check` report. Field names follow
// issue 3 ("SQLite experiment store"); units are on every field. Times are unix seconds (UTC),
// 0 meaning "not yet". Numbers that may be unknown use NaN, which the database stores as NULL.
#pragma once

#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace seqscope::storage {

enum class RunStatus { Queued, Running, Finished, Failed, Diverged, Cancelled, Interrupted };

const char* toString(RunStatus status);                      // "queued", "running", ...
bool parseRunStatus(const std::string& text, RunStatus* status);
bool isTerminal(RunStatus status);                           // everything but queued and running

// Text that goes into the store from outside (run names, tags, notes) must be valid UTF-8, so every
// reader (JSON output, CSV export, the GUI) can show it unchanged. A label (name, tag) also may not
// hold control characters (newlines, tabs, escapes) that would break tables; notes may hold newlines
// and tabs. False with *why naming the first offending byte.
bool isValidLabel(const std::string& text, std::string* why);
bool isValidNotes(const std::string& text, std::string* why);

struct RunRecord {
    long long id = 0;                 // assigned by the store
    std::string name;                 // human label; need not be unique
    std::string arch;                 // "xlstm", "transformer" or another label; required
    std::string configJson = "{}";    // the full run configuration, a JSON object
    double params = 0;                // N, parameter count
    double flopsPerToken = 0;         // training FLOPs per token (forward + backward)
    double flopsPerSequence = 0;      // training FLOPs per sequence of `ctx` tokens
    long long ctx = 0;                // context length T, tokens
    std::string dataset;              // training data name
    std::string device;               // "cpu", "cuda:0 (NVIDIA H100)", ...
    long long seed = 0;
    RunStatus status = RunStatus::Queued;
    std::string failureReason;        // why it failed, diverged, was cancelled or interrupted
    double createdAt = 0;             // s since epoch; set by createRun when 0
    double startedAt = 0;             // s since epoch; 0 = not started
    double endedAt = 0;               // s since epoch; 0 = not ended (or unknown)
    std::string host;                 // machine of the writing process
    long long pid = 0;                // its process id (0 = none)
    long long processStart = 0;       // its start time, clock ticks since boot (0 = unknown)
    std::string seqscopeVersion;      // version that wrote the run; set by createRun when empty
    std::vector<std::string> tags;    // free labels, unique per run
    std::string notes;
    long long sweepId = 0;            // 0 = not part of a sweep
    std::string uuid;                 // stable identity across databases; createRun makes one when empty

    // Checks arch non-empty, configJson an object, non-negative sizes; names the field on failure.
    bool isValid(std::string* error) const;
};

// Which runs to list. Empty fields do not filter.
struct RunFilter {
    std::vector<long long> ids;
    std::string arch;
    std::optional<RunStatus> status;
    std::string tag;
    long long sweepId = 0;
    int limit = 0;                    // 0 = all; otherwise the newest `limit` runs
};

// One metric value as a writer logs it.
struct MetricPoint {
    long long step = 0;               // optimizer step
    long long tokens = 0;             // training tokens seen so far
    double flops = 0;                 // training FLOPs so far
    double wallTime = 0;              // seconds since the run started
    std::string name;                 // train_loss, val_loss, lr, grad_norm, tokens_per_s, mfu, ...
    double value = NAN;               // NaN is kept (stored as NULL): a diverged loss is data too
};

// One metric value as a reader gets it. `nameId` indexes Store::metricNames().
struct MetricRow {
    long long seq = 0;                // insertion order; readers resume after the last seq they saw
    long long runId = 0;
    long long step = 0;
    long long tokens = 0;
    double flops = 0;
    double wallTime = 0;
    double value = NAN;
    int nameId = 0;
};

struct MetricName {
    int id = 0;
    std::string name;
};

// A live reader's position in one run: rows with seq > afterSeq are new.
struct MetricCursor {
    long long runId = 0;
    long long afterSeq = 0;           // 0 = from the beginning
};

// Per run and metric: what `runs show` prints.
struct MetricSummary {
    std::string name;
    long long count = 0;
    long long firstStep = 0, lastStep = 0;
    double lastValue = NAN, minValue = NAN;
};

struct SweepRecord {
    long long id = 0;
    std::string name;                 // unique
    std::string planJson = "{}";      // the plan that generated the runs (JSON object)
    std::string notes;
    double createdAt = 0;             // s since epoch; set by createSweep when 0
};

struct FitRecord {
    long long id = 0;
    std::string kind;                 // "parametric", "isoflop", ...; required
    std::string label;
    std::vector<long long> inputRuns; // the exact runs the fit used (may be empty for datasets)
    std::string selectionJson = "{}"; // datasets, filters and row selection beyond inputRuns
    std::string paramsJson = "{}";    // fitted parameters with confidence intervals
    double objective = NAN;           // final objective value
    std::string optionsJson = "{}";   // fit options as given
    double createdAt = 0;             // s since epoch; set by addFit when 0
    bool isValid(std::string* error) const;
};

struct BenchmarkPoint {
    long long id = 0;
    std::string label;
    std::string arch;
    double params = 0;                // N
    std::string configJson = "{}";    // model and run configuration (JSON object)
    long long batch = 1;              // sequences
    long long prefillLength = 0;      // prompt tokens
    long long generatedTokens = 0;    // decoded tokens
    double ttftMs = NAN;              // time to first token, ms
    double stepMs = NAN;              // mean decode step time, ms
    long long peakMemoryBytes = 0;
    std::string device;
    std::string status = "ok";        // ok | oom | failed | skipped
    std::string message;
    double createdAt = 0;             // s since epoch; set by addBenchmarkPoint when 0
    bool isValid(std::string* error) const;
};

// A sweep trained on a Slurm cluster (issue 17): where its files are, how it was submitted.
struct ClusterSweepRecord {
    long long sweepId = 0;
    std::string folder;               // the shared run folder: runs/task-<i>.db, checkpoints/, logs/
    std::string script;               // the sbatch script submitted (editable between submissions)
    std::string optionsJson = "{}";   // partition, gpus/cpus per run, time, account as given
    double fittedAt = 0;              // s since epoch the sweep's fits were stored; 0 = not yet
};

// One array task of a cluster sweep: the run it trains and what was last seen of it.
struct ClusterTaskRecord {
    long long sweepId = 0;
    int arrayTask = 0;                // SLURM_ARRAY_TASK_ID
    std::string runUuid;              // the run in the workspace and in its file
    std::string runFile;              // the task's own SQLite file (absolute path)
    std::string jobId;                // array job id of the latest submission; "" = never submitted
    std::string slurmState;           // last state seen: PENDING, RUNNING, COMPLETED, TIMEOUT, ...; "" = unknown
    bool cancelRequested = false;     // `sweep cancel` asked for it (a cancelled run stays cancelled)
    long long mergedSeq = 0;          // the file's metrics are merged up to this seq
    std::string fileSignature;        // size and mtime of the file (+ -wal) when last merged
    std::string slurmId() const {     // "1234_2", or "" before the first submission
        return jobId.empty() ? std::string() : jobId + "_" + std::to_string(arrayTask);
    }
};

// A model directory in an official layout (config.json + safetensors), registered by `model import`.
struct ModelRecord {
    long long id = 0;
    std::string name;                 // unique, UTF-8 without control characters
    std::string path;                 // absolute directory path; the weights stay there
    std::string layout;               // "xlstm-large" | "hf-xlstm" | "llama"
    std::string arch;                 // "xlstm" | "transformer"
    long long params = 0;
    std::string configJson = "{}";    // the model shape as Seqscope read it (JSON object)
    double createdAt = 0;             // s since epoch; set by addModel when 0
    bool isValid(std::string* error) const;
};

// A read-only table of published results. Leading fields match analysis::BuiltinDataset.
struct ReferenceDatasetInfo {
    std::string name;                 // unique key, e.g. "xlstm-paper"
    std::string title;
    std::string source;               // where the numbers come from (URL, paper table)
    std::string citation;
    std::string license;
    std::string notes;
    long long id = 0;                 // read back only
    long long rowCount = 0;           // read back only
    double importedAt = 0;            // read back only
};

struct CheckReport {
    std::string path;
    int schemaVersion = 0;
    int supportedSchemaVersion = 0;
    std::string journalMode;
    bool integrityOk = false;
    std::vector<std::string> integrityMessages;   // "ok" or SQLite's findings
    long long foreignKeyProblems = 0;
    std::vector<long long> interruptedRuns;       // marked interrupted at open or by this check
    std::map<std::string, long long> runsByStatus;
    long long runs = 0, metrics = 0, metricNames = 0, sweeps = 0, fits = 0, benchmarkPoints = 0;
    long long referenceDatasets = 0, referencePoints = 0;
    long long fileBytes = 0;                      // main file, without -wal
};

}  // namespace seqscope::storage
