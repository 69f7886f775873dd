// SPDX-License-Identifier: MIT
// The training API: runTraining(config, observer) trains one model on one data source, streaming
// progress to a TrainingObserver (the CLI's store writer and progress bar, the GUI's worker), and
// ends Finished, Diverged (NaN/Inf or a loss spike), Cancelled (observer asked; the last completed
// step is checkpointed) or Failed (bad input, I/O, the observer's sink failing). Resuming from a
// checkpoint continues bit for bit on CPU with the same thread count (style.md: llm.c save_state).
// Public and LibTorch-free: plain values only. Engine-internal pieces: checkpoint.h, trainer.cpp.
#pragma once

#include <cmath>
#include <string>

#include "common/status.h"
#include "data/batch_source.h"
#include "models/language_model.h"
#include "training/training_config.h"

namespace seqscope::training {

enum class TrainingOutcome { Finished, Diverged, Cancelled, Failed };
const char* outcomeName(TrainingOutcome outcome);   // "finished" | "diverged" | "cancelled" | "failed"

struct TrainingStart {
    TrainingConfig config;
    TrainingPlan plan;
    long long startStep = 0;        // optimizer steps already done (the checkpoint's step when resuming)
    bool resumed = false;
    long long modelParams = 0;      // counted from the instantiated module (equals plan.params)
    std::string device;             // "cpu (2 threads)", "cuda:0 (NVIDIA H100 80GB HBM3, bf16)"
    std::string dataDescription;    // what the batches come from
    long long evalSequences = 0;    // per validation pass, after capping by the held-out set
    double peakFlopsPerSecond = 0;  // used for utilisation; 0 = unknown
};

struct StepProgress {
    long long step = 0;             // optimizer steps completed, 1..steps (the step just taken)
    long long steps = 0;            // steps of the plan
    long long tokens = 0;           // training tokens so far
    double flops = 0;               // training FLOPs so far (paper accounting)
    double trainLoss = NAN;         // mean loss over this step's scored tokens (nats per token)
    double lr = 0;                  // learning rate of this step
    double gradNorm = NAN;          // global gradient norm before clipping
    double tokensPerSecond = 0;     // this step
    double flopsPerSecond = 0;      // this step, FLOP/s
    double utilisation = NAN;       // flopsPerSecond / peak (MFU, fraction); NaN when the peak is unknown
    double elapsedSeconds = 0;      // wall time of the run so far, earlier sessions included
    double etaSeconds = NAN;        // remaining wall time, from this session's mean step time
};

struct EvalProgress {
    long long step = 0;             // after this many optimizer steps (0 = before training)
    long long tokens = 0;
    double flops = 0;
    double valLoss = NAN;           // mean held-out loss (nats per scored token)
    double valAccuracy = NAN;       // synthetic tasks: fraction of answers right; NaN for corpora
    long long valTokens = 0;        // scored tokens in the pass
    double elapsedSeconds = 0;
    double seconds = 0;             // wall time of this pass
};

struct TrainingResult {
    Status status;                  // ok only when Finished; code Diverged / Cancelled / the failure's code
    TrainingOutcome outcome = TrainingOutcome::Failed;
    std::string reason;             // why it stopped early ("" when finished)
    long long steps = 0;            // optimizer steps completed
    long long planSteps = 0;
    long long tokens = 0;           // training tokens consumed
    double flops = 0;               // training FLOPs spent (paper accounting)
    long long params = 0;           // N
    double finalTrainLoss = NAN;    // loss of the last step taken
    double finalValLoss = NAN;      // last validation pass (always run at the end of a finished run)
    double finalValAccuracy = NAN;
    double seconds = 0;             // wall time, earlier sessions included
    std::string checkpointPath;     // checkpoint left behind; "" when none
    std::string brief() const;      // one line
};

// Receives a run's progress. Every callback runs synchronously on the training thread: keep it
// short (batch I/O; the GUI copies values and posts them to its own thread). Callbacks must not
// throw.
class TrainingObserver {
public:
    virtual ~TrainingObserver() = default;
    virtual void onStart(const TrainingStart&) {}
    virtual void onStep(const StepProgress&) {}
    virtual void onEval(const EvalProgress&) {}
    virtual void onCheckpoint(const std::string& /*path*/, long long /*step*/) {}
    virtual void onFinish(const TrainingResult&) {}
    // Polled between micro-batches and after every step: true cancels the run. The partial step is
    // discarded, the last completed step checkpointed (when a checkpoint directory is set) and the
    // run ends Cancelled. Thread-safe to flip from elsewhere if the implementation uses an atomic.
    virtual bool shouldStop() { return false; }
    // Polled with shouldStop: a non-ok status (the metrics sink failed: disk full, locked database)
    // ends the run Failed with that status; a checkpoint is still attempted.
    virtual Status health() { return {}; }
};

// Trains `config`. With `resumeFrom` (a checkpoint file), the model, optimizer, data position,
// divergence state and elapsed time come from the checkpoint, whose config must agree with
// `config` in everything that shapes the losses (model, context, budget, batch, optimizer,
// schedule, data, seed); device, threads, evaluation and checkpoint settings may differ.
// Everything that can be checked before training is (config, data, vocab, checkpoint directory
// writable); then a failure leaves a Failed result naming the cause. Never throws. May be called
// from any thread; runs concurrently with other runs except that config.threads > 0 sets
// LibTorch's process-wide intra-op thread count.
TrainingResult runTraining(const TrainingConfig& config, TrainingObserver* observer = nullptr,
                           const std::string& resumeFrom = {});

// The checkpoint file runTraining writes into config.checkpointDir.
inline constexpr const char* kCheckpointFileName = "checkpoint.pt";
std::string checkpointPath(const std::string& checkpointDir);

// The weights a finished run keeps (config.keepFinalWeights): safetensors with the module names.
inline constexpr const char* kFinalWeightsFileName = "final.safetensors";
std::string finalWeightsPath(const std::string& checkpointDir);

// What a checkpoint holds, without loading the model (CLI `--resume`, the GUI's run details).
struct CheckpointInfo {
    Status status;                  // Incompatible: not a Seqscope checkpoint or a newer version
    int version = 0;
    long long step = 0;             // optimizer steps completed
    long long sequences = 0;        // data position: training sequences consumed
    double elapsedSeconds = 0;
    std::string configJson;         // the run's TrainingConfig (trainingConfigFromJson)
};
CheckpointInfo readCheckpointInfo(const std::string& path);

// Fails (before any work) when `dir` cannot be created or a file cannot be written in it.
Status checkWritableDirectory(const std::string& dir);

// The data and model options a run's config implies (the trainer's, the step probe's, the run
// service's data check): one translation, so they cannot disagree.
data::DataOptions dataOptionsFor(const TrainingConfig& config);
engine::ModelOptions modelOptionsFor(const TrainingConfig& config);

// The model checks runTraining makes before allocating (engine::validateModel: shape, device
// present, context within the supported range), for callers that want them before creating a run.
Status validateModelConfig(const TrainingConfig& config);

}  // namespace seqscope::training
