// SPDX-License-Identifier: MIT
// The two BatchSource implementations (corpus windows, synthetic tasks) and the factory that picks
// one from a data spec. Random choices use analysis::SplitMix64 streams derived per sequence index,
// which is what makes the order deterministic, seekable and identical across platforms.
#include "data/batch_source.h"

#include "analysis/fit_common.h"

namespace seqscope::data {

using analysis::deriveSeed;
using analysis::SplitMix64;

namespace {

void resize(Batch* out, long long count, long long length) {
    out->sequences = count;
    out->length = length;
    out->inputs.assign(static_cast<size_t>(count * length), 0);
    out->targets.assign(static_cast<size_t>(count * length), -1);
}

class CorpusBatchSource : public BatchSource {
public:
    CorpusBatchSource(TokenCorpus corpus, long long context, std::uint64_t seed)
        : m_corpus(std::move(corpus)), m_context(context), m_seed(seed) {}
    int vocab() const override { return m_corpus.vocab; }
    long long context() const override { return m_context; }
    const std::string& name() const override { return m_corpus.name; }
    const std::string& description() const override { return m_corpus.description; }
    bool isSynthetic() const override { return false; }
    long long trainTokens() const override { return static_cast<long long>(m_corpus.train.size()); }
    long long valSequences() const override {
        return (static_cast<long long>(m_corpus.val.size()) - 1) / m_context;
    }

    void trainBatch(long long first, long long count, Batch* out) const override {
        resize(out, count, m_context);
        // Window starts are uniform over every position that leaves room for T + 1 tokens.
        const auto starts = static_cast<std::uint64_t>(m_corpus.train.size()) - static_cast<std::uint64_t>(m_context);
        for (long long b = 0; b < count; ++b) {
            SplitMix64 rng(deriveSeed(m_seed, static_cast<std::uint64_t>(first + b)));
            copyWindow(m_corpus.train, static_cast<size_t>(rng.below(starts)), b, out);
        }
    }

    void valBatch(long long first, long long count, Batch* out) const override {
        resize(out, count, m_context);
        const long long n = valSequences();
        for (long long b = 0; b < count; ++b)
            copyWindow(m_corpus.val, static_cast<size_t>(((first + b) % n) * m_context), b, out);
    }

private:
    void copyWindow(const std::vector<Token>& stream, size_t start, long long row, Batch* out) const {
        const size_t base = static_cast<size_t>(row * m_context);
        for (long long t = 0; t < m_context; ++t) {
            out->inputs[base + static_cast<size_t>(t)] = stream[start + static_cast<size_t>(t)];
            out->targets[base + static_cast<size_t>(t)] = stream[start + static_cast<size_t>(t) + 1];
        }
    }

    TokenCorpus m_corpus;
    long long m_context;
    std::uint64_t m_seed;
};

class SyntheticBatchSource : public BatchSource {
public:
    SyntheticBatchSource(const SyntheticTaskOptions& options, long long context, std::uint64_t seed, std::string name)
        : m_options(options.resolved(context)), m_context(context), m_seed(seed), m_name(std::move(name)) {
        const auto& o = m_options;
        m_description = o.kind == SyntheticTaskKind::AssociativeRecall
                            ? "multi-query associative recall: " + std::to_string(o.pairs) + " pairs, " +
                                  std::to_string(o.queries) + " queries, " + std::to_string(o.keyVocab) + " keys"
                            : "selective copying: " + std::to_string(o.copyTokens) + " tokens of " +
                                  std::to_string(o.copyVocab) + " among blanks";
        m_description += ", context " + std::to_string(context);
    }
    int vocab() const override { return kByteVocabSize; }
    long long context() const override { return m_context; }
    const std::string& name() const override { return m_name; }
    const std::string& description() const override { return m_description; }
    bool isSynthetic() const override { return true; }
    long long trainTokens() const override { return 0; }
    long long valSequences() const override { return 1LL << 40; }

    void trainBatch(long long first, long long count, Batch* out) const override { fill(m_seed, first, count, out); }
    void valBatch(long long first, long long count, Batch* out) const override {
        fill(kSyntheticValidationSeed, first, count, out);
    }

private:
    void fill(std::uint64_t seed, long long first, long long count, Batch* out) const {
        resize(out, count, m_context);
        for (long long b = 0; b < count; ++b) {
            const auto s = makeSyntheticSequence(m_options, m_context, deriveSeed(seed, static_cast<std::uint64_t>(first + b)));
            const size_t base = static_cast<size_t>(b * m_context);
            for (long long t = 0; t < m_context; ++t) {
                out->inputs[base + static_cast<size_t>(t)] = s.tokens[static_cast<size_t>(t)];
                if (s.scored[static_cast<size_t>(t + 1)])
                    out->targets[base + static_cast<size_t>(t)] = s.tokens[static_cast<size_t>(t + 1)];
            }
        }
    }

    SyntheticTaskOptions m_options;
    long long m_context;
    std::uint64_t m_seed;
    std::string m_name, m_description;
};

}  // namespace

bool DataOptions::isValid(std::string* error) const {
    if (context < 1) {
        if (error) *error = "context must be at least 1 token, got " + std::to_string(context);
        return false;
    }
    return corpus.isValid(error);
}

Result<std::unique_ptr<BatchSource>> makeCorpusBatchSource(TokenCorpus corpus, long long context, std::uint64_t seed) {
    const long long need = context + 1;
    if (static_cast<long long>(corpus.train.size()) < need)
        return Status::invalid("corpus " + corpus.name + " has " + std::to_string(corpus.train.size()) +
                               " training tokens, fewer than one sequence of context " + std::to_string(context) + " + 1");
    if (static_cast<long long>(corpus.val.size()) < need)
        return Status::invalid("the validation split of " + corpus.name + " has " + std::to_string(corpus.val.size()) +
                               " tokens, fewer than one sequence of context " + std::to_string(context) +
                               " + 1 (use a larger corpus or a shorter context)");
    return std::unique_ptr<BatchSource>(new CorpusBatchSource(std::move(corpus), context, seed));
}

Result<std::unique_ptr<BatchSource>> makeBatchSource(const DataOptions& options) {
    std::string error;
    if (!options.isValid(&error)) return Status::invalid(error);
    const std::string prefix = "synthetic:";
    if (options.spec.rfind(prefix, 0) == 0) {
        auto task = parseSyntheticSpec(options.spec.substr(prefix.size()));
        if (!task) return task.status();
        if (!task->isValid(options.context, &error)) return Status::invalid(error);
        return std::unique_ptr<BatchSource>(new SyntheticBatchSource(*task, options.context, options.seed, options.spec));
    }
    auto corpus = loadCorpus(options.spec, options.corpus);
    if (!corpus) return corpus.status();
    return makeCorpusBatchSource(std::move(*corpus), options.context, options.seed);
}

}  // namespace seqscope::data
