// SPDX-License-Identifier: MIT
// TrainingConfig: everything that defines a training run, as plain values (no LibTorch), and
// TrainingPlan: the numbers derived from it before any work starts (N, FLOPs per token from the
// paper's accounting, tokens per step, steps). Recipe defaults follow scaling-laws.md section 5:
// AdamW (0.9, 0.95, eps 1e-8), weight decay 0.1 on matrices only, global-norm clipping 0.5, linear
// warm-up then cosine decay to 0.1 x peak. Deviations for small runs: the warm-up is
// min(750 steps, 10% of the run) rather than 750 steps, and the batch is a token target that the
// CLI defaults far below the paper's ~1M tokens per step.
#pragma once

#include <cstdint>
#include <string>

#include "analysis/model_shape.h"
#include "common/status.h"

namespace seqscope::training {

enum class BudgetKind {
    Tokens,            // D, training tokens
    Flops,             // C, training FLOPs as the paper counts them (analysis/accounting.h)
    TokenParamRatio,   // D / N
};
const char* budgetKindName(BudgetKind kind);            // "tokens" | "flops" | "ratio"
bool parseBudgetKind(const std::string& text, BudgetKind* kind);

struct TrainingConfig {
    // --- Model ---
    analysis::ModelShape shape;        // dimensions; vocab must be >= the data's vocabulary
    std::string preset;                // preset name the shape came from ("" = custom); informational
    long long context = 256;           // T, tokens per training sequence
    std::string initFrom;              // "" = the reference random initialisation; else a model directory
                                       // (interop/model_directory.h) whose weights the run starts from

    // --- Budget ---
    BudgetKind budgetKind = BudgetKind::Tokens;
    double budget = 1e6;               // tokens, FLOPs or D/N ratio, by budgetKind

    // --- Batch ---
    long long batchSequences = 0;      // sequences per optimizer step; 0 = round(batchTokens / T), >= 1
    long long batchTokens = 16384;     // target tokens per optimizer step (used when batchSequences == 0)
    long long microBatch = 0;          // sequences per forward/backward pass; 0 = the whole step.
                                       // The step accumulates ceil(batch / microBatch) passes.

    // --- Optimizer and schedule ---
    double lr = 3e-3;                  // peak learning rate (the paper's for models <= 483M)
    double beta1 = 0.9, beta2 = 0.95;  // AdamW moments
    double eps = 1e-8;                 // AdamW epsilon
    double weightDecay = 0.1;          // decoupled; on 2-D weight matrices except the input embedding
    double gradClip = 0.5;             // global gradient-norm clip; 0 = off
    long long warmupSteps = -1;        // linear warm-up steps; -1 = min(750, 10% of the steps), >= 1
    double finalLrFactor = 0.1;        // cosine decays to this fraction of the peak

    // --- Evaluation ---
    long long evalEvery = 0;           // steps between validation passes; 0 = about 10 per run. Always at the end.
    long long evalTokens = 65536;      // held-out tokens per validation pass (whole sequences, at least one)

    // --- Data ---
    std::string data = "fortunes";     // "fortunes", PATH, "text:PATH", "tokens:PATH", "synthetic:NAME[:k=v]"
    std::string fortunesDir;           // "" = /usr/share/games/fortunes
    double valFraction = 0.05;         // held-out share of the corpus (fraction)
    int tokenVocab = 0;                // uint16 token files: vocabulary; 0 = header or max token + 1
    std::uint64_t seed = 1;            // model initialisation and data order

    // --- Compute ---
    std::string device = "cpu";        // "cpu", "cuda" or "cuda:N"
    bool bf16 = true;                  // CUDA: bfloat16 autocast over float32 weights (ignored on CPU)
    int threads = 0;                   // LibTorch intra-op threads; 0 = leave as it is (process-wide!)
    double peakFlopsPerSecond = 0;     // for utilisation (MFU); 0 = known GPU peak or none

    // --- Checkpoints ---
    std::string checkpointDir;         // "" = no checkpoints (then cancel cannot be resumed)
    long long checkpointEvery = 0;     // steps between periodic checkpoints; 0 = only on cancel
    bool keepFinalCheckpoint = false;  // keep a checkpoint of a finished run (else it is removed)
    bool keepFinalWeights = true;      // a finished run keeps its weights as checkpointDir/final.safetensors
                                       // (float32, no optimizer state) for `model export` and `model eval`

    // --- Divergence ---
    double spikeFactor = 4.0;          // diverged when a step's loss > spikeFactor x its running average
    long long spikeGraceSteps = 10;    // no spike test before this many steps (the start is noisy)
    double maxLoss = 0;                // diverged above this loss (nats); 0 = 3 ln(vocab)

    // Checks every field (ranges, shape validity, device syntax); names the field and value.
    bool isValid(std::string* error) const;
};

// Derived numbers of a run; status not ok when the config is invalid or the budget is below one step.
struct TrainingPlan {
    Status status;
    long long params = 0;              // N (paper accounting, analysis::parameterCount)
    double flopsPerToken = 0;          // C_fwbw(T) / T
    double flopsPerSequence = 0;       // C_fwbw(T)
    long long sequencesPerStep = 0;    // B
    long long tokensPerStep = 0;       // B T
    long long microBatch = 0;          // sequences per pass
    long long accumulation = 0;        // passes per step
    long long steps = 0;               // optimizer steps
    long long warmupSteps = 0;
    long long evalEvery = 0;           // steps
    long long evalSequences = 0;       // per validation pass (before capping by the held-out set)
    double budgetTokens = 0;           // D the budget asked for
    double tokens = 0;                 // D the run trains on: steps B T
    double flops = 0;                  // C of the run: steps B C_fwbw(T)
    double tokenParamRatio = 0;        // tokens / N
    bool paddedToChunk = false;        // xLSTM: T not a multiple of the chunk (counted padded)

    std::string brief() const;         // "N=1.2M, 6.1e+06 FLOPs/token, 16384 tokens/step x 100 steps = ..."
};

TrainingPlan planTraining(const TrainingConfig& config);

// The config as a JSON object (stored with each run, read back for --resume), and back.
std::string trainingConfigToJson(const TrainingConfig& config);
Result<TrainingConfig> trainingConfigFromJson(const std::string& json);

// The paper's peak learning rate for a model of `params` parameters (scaling-laws.md 13.2, T = 8192
// IsoFLOP configs): 3e-3 up to 483M, then 2e-3 (xLSTM) or 1e-3 / 8e-4 (Transformer).
double paperPeakLearningRate(analysis::Arch arch, double params);

}  // namespace seqscope::training
