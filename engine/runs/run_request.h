// SPDX-License-Identifier: MIT
// RunRequest: what a person asked for, before any default is applied. The GUI's New Run panel and
// the CLI's `train` flags only fill this; runs/run_resolver.h turns it into the one TrainingConfig
// that is stored and trained. An unset optional means "the default", decided by the resolver alone,
// so the same request gives the same run whoever sends it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "training/training_config.h"

namespace seqscope::runs {

struct RunRequest {
    // --- Model: a preset, or an architecture with width and depth ---
    std::string preset;                     // e.g. "xlstm-1m"; "" = custom dimensions below
    std::string arch;                       // "xlstm" | "transformer"; with a preset it must match
    int dModel = 0, layers = 0;             // custom dimensions (required without a preset)
    std::optional<int> heads;               // default: the size ladder's (training::defaultHeads)
    std::optional<int> vocab;               // default: the data's vocabulary
    std::optional<long long> context;       // default: the preset's, else 256
    std::string initFrom;                   // a model directory (or the name/id of an imported model):
                                            // the run takes its shape and starts from its weights

    // --- Budget ---
    training::BudgetKind budgetKind = training::BudgetKind::Tokens;
    double budget = 0;                      // tokens, FLOPs or D/N, by budgetKind

    // --- Data ---
    std::optional<std::string> data;        // default "fortunes"
    std::optional<double> valFraction;
    std::optional<std::uint64_t> seed;

    // --- Optimisation ---
    std::optional<double> lr;               // default: the paper's peak LR for the model's size
    std::optional<long long> batchSequences;
    std::optional<long long> batchTokens;   // default: runs/run_resolver.h defaultBatchTokens
    std::optional<long long> microBatch;
    std::optional<long long> warmupSteps;
    std::optional<double> gradClip, weightDecay;
    std::optional<long long> evalEvery, evalTokens;

    // --- Compute ---
    std::optional<std::string> device;      // default "cpu"
    std::optional<int> threads;
    bool fp32 = false;                      // CUDA: float32 instead of bf16 autocast
    std::optional<double> peakFlopsPerSecond;

    // --- Checkpoints ---
    std::string checkpointRoot;             // "" = "<database file>.checkpoints"
    std::optional<long long> checkpointEvery;   // default: steps/10 (>= 100) for runs over 100 steps

    // --- Run record ---
    std::string name;                       // "" = runs/run_record.h defaultRunName
    std::vector<std::string> tags;
};

}  // namespace seqscope::runs
