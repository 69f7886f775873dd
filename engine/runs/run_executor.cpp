// SPDX-License-Identifier: MIT
// executeRun (run_executor.h). The metrics recorder queues rows in a storage::MetricsWriter (batched
// commits <= 250 ms apart, on its own connection) and reports a failed commit (disk full, database
// locked past the busy timeout) through health(), which ends the run Failed with that reason after
// a checkpoint. The caller's progress observer sees the same callbacks afterwards.
#include "runs/run_executor.h"

#include <cmath>
#include <filesystem>

#include "common/metric_names.h"
#include "runs/run_resolver.h"
#include "storage/metrics_writer.h"
#include "storage/store.h"

namespace seqscope::runs {

namespace {

class MetricsRecorder : public training::TrainingObserver {
public:
    MetricsRecorder(storage::MetricsWriter* writer, const ExecuteOptions& options) : m_writer(writer), m_options(options) {}

    void onStart(const training::TrainingStart& s) override {
        if (m_options.progress) m_options.progress->onStart(s);
    }
    void onStep(const training::StepProgress& p) override {
        const Row at{p.step, p.tokens, p.flops, p.elapsedSeconds};
        append(at, metrics::kTrainLoss, p.trainLoss);
        append(at, metrics::kLearningRate, p.lr);
        append(at, metrics::kGradNorm, p.gradNorm);
        if (p.tokensPerSecond > 0) {
            append(at, metrics::kTokensPerSecond, p.tokensPerSecond);
            append(at, metrics::kFlopsPerSecond, p.flopsPerSecond);
        }
        if (std::isfinite(p.utilisation)) append(at, metrics::kMfu, p.utilisation);
        if (m_options.progress) m_options.progress->onStep(p);
    }
    void onEval(const training::EvalProgress& e) override {
        const Row at{e.step, e.tokens, e.flops, e.elapsedSeconds};
        append(at, metrics::kValLoss, e.valLoss);
        if (std::isfinite(e.valAccuracy)) append(at, metrics::kValAccuracy, e.valAccuracy);
        if (m_options.progress) m_options.progress->onEval(e);
    }
    void onCheckpoint(const std::string& path, long long step) override {
        if (m_options.progress) m_options.progress->onCheckpoint(path, step);
    }
    void onFinish(const training::TrainingResult& r) override {
        if (m_options.progress) m_options.progress->onFinish(r);
    }
    bool shouldStop() override {
        return (m_options.stopRequested && m_options.stopRequested()) || (m_options.progress && m_options.progress->shouldStop());
    }
    Status health() override { return m_status; }

private:
    struct Row {
        long long step, tokens;
        double flops, wall;
    };
    void append(const Row& at, const char* name, double value) {
        if (!m_status) return;   // the run is ending Failed; do not pile up rows
        Status s = m_writer->append(at.step, at.tokens, at.flops, at.wall, name, value);
        if (!s) m_status = Status(s.code(), "saving metrics failed: " + s.message());
    }

    storage::MetricsWriter* m_writer;
    const ExecuteOptions& m_options;
    Status m_status;
};

// Everything before training: the record, whether it may run, the config with the overrides, the
// checkpoint to resume from. Any failure here that is the run's (not the caller's) ends it failed.
Status prepare(storage::Store& store, const std::string& dbPath, long long runId, const ExecuteOptions& o, ExecuteResult* r,
               bool* refused) {
    auto rec = store.run(runId);
    if (!rec) {
        *refused = true;
        return rec.status();
    }
    const std::string id = "run " + std::to_string(runId);
    r->runStatus = rec->status;
    switch (rec->status) {
    case storage::RunStatus::Finished: *refused = true; return Status::invalid(id + " already finished");
    case storage::RunStatus::Running:
        *refused = true;
        return Status::invalid(id + " is running (pid " + std::to_string(rec->pid) + " on " + rec->host + ")");
    case storage::RunStatus::Diverged:
        *refused = true;
        return Status::invalid(id + " diverged; the same data and state would diverge again (start a new run)");
    default: break;
    }
    auto parsed = training::trainingConfigFromJson(rec->configJson);
    if (!parsed) return Status(parsed.status()).withContext(id + " config");
    training::TrainingConfig c = *parsed;
    const int storedThreads = c.threads;
    if (o.device) c.device = *o.device;
    if (o.threads) c.threads = *o.threads;
    if (o.fp32) c.bf16 = false;
    if (o.peakFlopsPerSecond) c.peakFlopsPerSecond = *o.peakFlopsPerSecond;
    if (o.evalEvery) c.evalEvery = *o.evalEvery;
    if (o.evalTokens) c.evalTokens = *o.evalTokens;
    if (o.checkpointEvery) c.checkpointEvery = *o.checkpointEvery;
    if (c.checkpointDir.empty()) c.checkpointDir = checkpointDirFor(o.checkpointRoot, dbPath, runId);
    if (storedThreads != c.threads && rec->status != storage::RunStatus::Queued)
        r->notes.push_back("the run used " + std::to_string(storedThreads) + " threads, now " + std::to_string(c.threads) +
                           "; losses match an uninterrupted run only with the same thread count");
    r->plan = training::planTraining(c);
    if (!r->plan.status) return Status(r->plan.status).withContext(id);
    if (Status s = training::validateModelConfig(c); !s) return s;

    // A queued run starts at step 0; anything else continues from its checkpoint, if there is one.
    const std::string ckpt = training::checkpointPath(c.checkpointDir);
    std::error_code ec;
    if (rec->status != storage::RunStatus::Queued && std::filesystem::exists(ckpt, ec)) {
        const auto info = training::readCheckpointInfo(ckpt);
        if (!info.status) return Status(info.status).withContext("checkpoint " + ckpt);
        r->checkpoint = ckpt;
        r->resumedAtStep = info.step;
    }
    r->config = c;
    storage::RunRecord updated = *rec;
    updated.configJson = training::trainingConfigToJson(c);
    updated.device = c.device;
    if (Status s = store.updateRun(updated); !s) return s;
    return store.markRunStarted(runId);
}

}  // namespace

storage::RunStatus toRunStatus(training::TrainingOutcome outcome) {
    switch (outcome) {
    case training::TrainingOutcome::Finished: return storage::RunStatus::Finished;
    case training::TrainingOutcome::Diverged: return storage::RunStatus::Diverged;
    case training::TrainingOutcome::Cancelled: return storage::RunStatus::Cancelled;
    case training::TrainingOutcome::Failed: return storage::RunStatus::Failed;
    }
    return storage::RunStatus::Failed;
}

ExecuteResult executeRun(const std::string& dbPath, long long runId, const ExecuteOptions& options) {
    ExecuteResult r;
    // One connection for the run's record and status, one (the writer's) for its metrics.
    storage::StoreOptions open;
    open.createIfMissing = false;
    auto opened = storage::Store::open(dbPath, open);
    if (!opened) {
        r.status = r.training.status = opened.status();
        r.training.reason = r.status.message();
        r.refused = true;
        return r;
    }
    storage::Store& store = **opened;
    const auto finish = [&](storage::RunStatus status, const std::string& reason) { return store.finishRun(runId, status, reason); };
    bool refused = false;
    if (Status s = prepare(store, dbPath, runId, options, &r, &refused); !s) {
        r.status = s;
        r.refused = refused;
        r.training.status = s;
        r.training.reason = s.message();
        if (refused || s.code() == StatusCode::IoError) return r;   // not the run's fault: leave it
        r.runStatus = storage::RunStatus::Failed;
        if (Status fin = finish(r.runStatus, "refused before training: " + s.message()); !fin) r.status = fin;
        return r;
    }
    Status closed;
    {
        auto writer = storage::MetricsWriter::open(dbPath, runId);
        if (!writer) {
            const Status s = Status(writer.status()).withContext("opening the metrics writer");
            r.status = r.training.status = s;
            r.training.reason = s.message();
            r.runStatus = storage::RunStatus::Failed;
            if (Status fin = finish(r.runStatus, s.message()); !fin) r.status = fin;
            return r;
        }
        MetricsRecorder recorder(writer->get(), options);
        r.training = training::runTraining(r.config, &recorder, r.checkpoint);
        // Rows already committed stay; a failing final commit turns a finished run into a failed one.
        closed = (*writer)->close();
    }
    r.runStatus = toRunStatus(r.training.outcome);
    if (!closed && r.runStatus == storage::RunStatus::Finished) {
        r.runStatus = storage::RunStatus::Failed;
        r.training.reason = "saving metrics failed: " + closed.message();
        r.training.status = Status(closed.code(), r.training.reason);
    }
    const Status fin = finish(r.runStatus, r.training.reason);
    r.status = !closed ? closed : !fin ? fin : r.training.status;
    return r;
}

}  // namespace seqscope::runs
