// SPDX-License-Identifier: MIT
// Synthetic tasks for teaching what recurrent state and attention can remember:
//   - multi-query associative recall (MQAR, Arora et al. 2023 "Zoology"): key-value pairs, then
//     queries of some of those keys at random places; the model must produce each key's value;
//   - selective copying (Gu & Dao 2023, Mamba section 3.1): a few data tokens scattered among blanks,
//     a separator, then the data tokens in order.
// Only answer positions are scored (loss and accuracy); everything else has target -1.
// Token ids live inside the byte vocabulary (260) so the CPU presets train on them unchanged.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/status.h"
#include "data/tokenizer.h"

namespace seqscope::data {

enum class SyntheticTaskKind { AssociativeRecall, SelectiveCopy };

const char* syntheticTaskName(SyntheticTaskKind kind);   // "mqar" | "selective-copy"
// Accepts mqar, associative-recall, recall; selective-copy, selective-copying, copy.
bool parseSyntheticTask(const std::string& text, SyntheticTaskKind* kind);

struct SyntheticTaskOptions {
    SyntheticTaskKind kind = SyntheticTaskKind::AssociativeRecall;
    int keyVocab = 64;      // MQAR: keys are ids [0, keyVocab), values [keyVocab, 2 keyVocab); <= 128
    int pairs = 0;          // MQAR: key-value pairs per sequence; 0 = (T+1)/8, clamped to [1, keyVocab]
    int queries = 0;        // MQAR: queries per sequence; 0 = pairs (every key asked once)
    int copyTokens = 0;     // selective copy: data tokens to copy; 0 = T/8, clamped to [1, 64]
    int copyVocab = 16;     // selective copy: data ids [0, copyVocab); <= 256
    // Checks the fields and that one sequence of `context` + 1 tokens holds the task.
    bool isValid(long long context, std::string* error) const;
    // The options with the automatic (0) fields filled in for `context`.
    SyntheticTaskOptions resolved(long long context) const;
};

// One example of `context` + 1 tokens: the model reads tokens[0..T-1] and predicts tokens[1..T];
// scored[i] (i >= 1) says whether tokens[i] is an answer position.
struct SyntheticSequence {
    std::vector<Token> tokens;
    std::vector<std::uint8_t> scored;
};

// Deterministic in (options, context, seed). Options must be valid for context (resolved inside).
SyntheticSequence makeSyntheticSequence(const SyntheticTaskOptions& options, long long context, std::uint64_t seed);

// Parses "mqar", "selective-copy:tokens=8,vocab=16", "mqar:pairs=4,queries=4,keys=32".
Result<SyntheticTaskOptions> parseSyntheticSpec(const std::string& spec);

// Fraction of scored positions (targets[i] >= 0) where predictions[i] == targets[i]; NaN when none
// is scored. `scoredCount` receives the number of scored positions.
double maskedAccuracy(const std::vector<std::int64_t>& predictions, const std::vector<std::int64_t>& targets,
                      long long* scoredCount = nullptr);

}  // namespace seqscope::data
