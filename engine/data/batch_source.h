// SPDX-License-Identifier: MIT
// BatchSource: where the trainer's sequences come from. Training sequence k of a run is a pure
// function of (data, seed, k): a random window of the training stream (or synthetic example k), so
// the data position of a checkpoint is just the number of sequences consumed and a resumed run
// reads exactly what an uninterrupted one would. Validation sequences are a fixed, seed-independent
// list (consecutive windows of the held-out stream, or synthetic examples from a fixed seed), so
// every run of a sweep is scored on the same tokens. Plain values, no LibTorch.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "common/status.h"
#include "data/corpus.h"
#include "data/synthetic_tasks.h"

namespace seqscope::data {

// B sequences of T tokens, row-major (B, T).
struct Batch {
    long long sequences = 0;              // B
    long long length = 0;                 // T
    std::vector<std::int64_t> inputs;     // (B, T) token ids
    std::vector<std::int64_t> targets;    // (B, T) next token, -1 where a position is not scored
};

class BatchSource {
public:
    virtual ~BatchSource() = default;
    virtual int vocab() const = 0;                   // every input and target id is < vocab
    virtual long long context() const = 0;           // T
    virtual const std::string& name() const = 0;     // "fortunes", a path, "synthetic:mqar"
    virtual const std::string& description() const = 0;
    virtual bool isSynthetic() const = 0;            // synthetic tasks also report accuracy
    virtual long long trainTokens() const = 0;       // size of the training stream (synthetic: 0 = unbounded)
    virtual long long valSequences() const = 0;      // held-out sequences available
    // Training sequences [first, first + count) of this seed's order.
    virtual void trainBatch(long long first, long long count, Batch* out) const = 0;
    // Held-out sequences [first, first + count); indices wrap modulo valSequences().
    virtual void valBatch(long long first, long long count, Batch* out) const = 0;
};

struct DataOptions {
    std::string spec = "fortunes";   // "fortunes", a path, "text:PATH", "tokens:PATH", "synthetic:NAME[:k=v,...]"
    long long context = 256;         // T, tokens per sequence
    std::uint64_t seed = 1;          // training order
    CorpusOptions corpus;
    bool isValid(std::string* error) const;
};

// Loads or prepares the data. Fails (before any training) on a missing or empty corpus, a corpus
// whose training or held-out stream is shorter than one sequence of T + 1 tokens, or a synthetic
// task that does not fit the context.
Result<std::unique_ptr<BatchSource>> makeBatchSource(const DataOptions& options);

// Builds a source from an already loaded corpus (tests, the GUI's preview).
Result<std::unique_ptr<BatchSource>> makeCorpusBatchSource(TokenCorpus corpus, long long context, std::uint64_t seed);

// Seed of the fixed synthetic validation set (independent of the training seed).
inline constexpr std::uint64_t kSyntheticValidationSeed = 0x5EC5C0DEull;

}  // namespace seqscope::data
