// SPDX-License-Identifier: MIT
// Generators and the accuracy metric of the synthetic tasks (see synthetic_tasks.h). Each sequence
// comes from its own SplitMix64 stream, so sequence k is the same whichever batch asks for it.
// MQAR follows Zoology's layout (pairs first, queries scattered over the rest with blanks between);
// selective copying follows the Mamba paper's (data among blanks, then the answer after a marker).
#include "data/synthetic_tasks.h"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "analysis/fit_common.h"

namespace seqscope::data {

using analysis::SplitMix64;

namespace {

// k distinct values from [0, n), in random order (partial Fisher-Yates).
std::vector<int> sampleDistinct(SplitMix64& rng, int n, int k) {
    std::vector<int> pool(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) pool[static_cast<size_t>(i)] = i;
    for (int i = 0; i < k; ++i) {
        const int j = i + static_cast<int>(rng.below(static_cast<std::uint64_t>(n - i)));
        std::swap(pool[static_cast<size_t>(i)], pool[static_cast<size_t>(j)]);
    }
    pool.resize(static_cast<size_t>(k));
    return pool;
}

}  // namespace

const char* syntheticTaskName(SyntheticTaskKind kind) {
    return kind == SyntheticTaskKind::AssociativeRecall ? "mqar" : "selective-copy";
}

bool parseSyntheticTask(const std::string& text, SyntheticTaskKind* kind) {
    if (text == "mqar" || text == "associative-recall" || text == "recall") {
        *kind = SyntheticTaskKind::AssociativeRecall;
        return true;
    }
    if (text == "selective-copy" || text == "selective-copying" || text == "copy") {
        *kind = SyntheticTaskKind::SelectiveCopy;
        return true;
    }
    return false;
}

SyntheticTaskOptions SyntheticTaskOptions::resolved(long long context) const {
    SyntheticTaskOptions o = *this;
    if (o.pairs <= 0) o.pairs = static_cast<int>(std::clamp<long long>((context + 1) / 8, 1, std::max(1, keyVocab)));
    if (o.queries <= 0) o.queries = o.pairs;
    if (o.copyTokens <= 0) o.copyTokens = static_cast<int>(std::clamp<long long>(context / 8, 1, 64));
    return o;
}

bool SyntheticTaskOptions::isValid(long long context, std::string* error) const {
    auto fail = [error](const std::string& m) {
        if (error) *error = m;
        return false;
    };
    if (context < 4) return fail("synthetic tasks need a context of at least 4 tokens, got " + std::to_string(context));
    const SyntheticTaskOptions o = resolved(context);
    if (kind == SyntheticTaskKind::AssociativeRecall) {
        if (o.keyVocab < 1 || o.keyVocab > 128) return fail("mqar keys must be in [1, 128], got " + std::to_string(o.keyVocab));
        if (o.pairs > o.keyVocab)
            return fail("mqar pairs (" + std::to_string(o.pairs) + ") exceed the distinct keys (" + std::to_string(o.keyVocab) + ")");
        if (o.queries > o.pairs)
            return fail("mqar queries (" + std::to_string(o.queries) + ") exceed the pairs (" + std::to_string(o.pairs) + ")");
        const long long needed = 2LL * o.pairs + 2LL * o.queries;
        if (needed > context + 1)
            return fail("mqar with " + std::to_string(o.pairs) + " pairs and " + std::to_string(o.queries) +
                        " queries needs " + std::to_string(needed) + " tokens; context " + std::to_string(context) +
                        " + 1 is too short");
    } else {
        if (o.copyVocab < 1 || o.copyVocab > 256)
            return fail("selective-copy vocab must be in [1, 256], got " + std::to_string(o.copyVocab));
        const long long needed = 2LL * o.copyTokens + 1;
        if (needed > context + 1)
            return fail("selective-copy of " + std::to_string(o.copyTokens) + " tokens needs " + std::to_string(needed) +
                        " tokens; context " + std::to_string(context) + " + 1 is too short");
    }
    return true;
}

SyntheticSequence makeSyntheticSequence(const SyntheticTaskOptions& options, long long context, std::uint64_t seed) {
    const SyntheticTaskOptions o = options.resolved(context);
    const size_t n = static_cast<size_t>(context + 1);
    SyntheticSequence s;
    s.tokens.assign(n, static_cast<Token>(kPadToken));
    s.scored.assign(n, 0);
    SplitMix64 rng(seed);
    if (o.kind == SyntheticTaskKind::AssociativeRecall) {
        const auto keys = sampleDistinct(rng, o.keyVocab, o.pairs);
        std::vector<int> values(keys.size());
        for (size_t i = 0; i < keys.size(); ++i) {
            values[i] = o.keyVocab + static_cast<int>(rng.below(static_cast<std::uint64_t>(o.keyVocab)));
            s.tokens[2 * i] = static_cast<Token>(keys[i]);
            s.tokens[2 * i + 1] = static_cast<Token>(values[i]);
        }
        // Queries occupy `queries` of the (n - 2P) / 2 two-token slots after the pairs.
        const size_t start = 2 * keys.size();
        const int slots = static_cast<int>((n - start) / 2);
        auto slotIdx = sampleDistinct(rng, slots, o.queries);
        std::sort(slotIdx.begin(), slotIdx.end());
        const auto asked = sampleDistinct(rng, o.pairs, o.queries);
        for (int q = 0; q < o.queries; ++q) {
            const size_t pos = start + 2 * static_cast<size_t>(slotIdx[static_cast<size_t>(q)]);
            const size_t pair = static_cast<size_t>(asked[static_cast<size_t>(q)]);
            s.tokens[pos] = static_cast<Token>(keys[pair]);
            s.tokens[pos + 1] = static_cast<Token>(values[pair]);
            s.scored[pos + 1] = 1;
        }
    } else {
        // Data among blanks in [0, region), SEP at `region`, answers after it; the tail stays PAD.
        const int m = o.copyTokens;
        const size_t region = n - static_cast<size_t>(m) - 1;
        auto where = sampleDistinct(rng, static_cast<int>(region), m);
        std::sort(where.begin(), where.end());
        for (int i = 0; i < m; ++i) {
            const Token t = static_cast<Token>(rng.below(static_cast<std::uint64_t>(o.copyVocab)));
            s.tokens[static_cast<size_t>(where[static_cast<size_t>(i)])] = t;
            s.tokens[region + 1 + static_cast<size_t>(i)] = t;
            s.scored[region + 1 + static_cast<size_t>(i)] = 1;
        }
        s.tokens[region] = static_cast<Token>(kSepToken);
    }
    return s;
}

Result<SyntheticTaskOptions> parseSyntheticSpec(const std::string& spec) {
    SyntheticTaskOptions o;
    const size_t colon = spec.find(':');
    const std::string name = spec.substr(0, colon);
    if (!parseSyntheticTask(name, &o.kind))
        return Status::invalid("unknown synthetic task '" + name + "' (expected mqar or selective-copy)");
    if (colon == std::string::npos) return o;
    std::stringstream params(spec.substr(colon + 1));
    std::string item;
    while (std::getline(params, item, ',')) {
        const size_t eq = item.find('=');
        if (eq == std::string::npos) return Status::invalid("synthetic task parameter '" + item + "' is not key=value");
        const std::string key = item.substr(0, eq), value = item.substr(eq + 1);
        int v = 0;
        try {
            size_t used = 0;
            v = std::stoi(value, &used);
            if (used != value.size()) throw std::invalid_argument(value);
        } catch (...) {
            return Status::invalid("synthetic task parameter " + key + "=" + value + " is not an integer");
        }
        if (key == "pairs") o.pairs = v;
        else if (key == "queries") o.queries = v;
        else if (key == "keys") o.keyVocab = v;
        else if (key == "tokens") o.copyTokens = v;
        else if (key == "vocab") o.copyVocab = v;
        else return Status::invalid("unknown synthetic task parameter '" + key + "' (pairs, queries, keys, tokens, vocab)");
    }
    return o;
}

double maskedAccuracy(const std::vector<std::int64_t>& predictions, const std::vector<std::int64_t>& targets,
                      long long* scoredCount) {
    long long scored = 0, correct = 0;
    const size_t n = std::min(predictions.size(), targets.size());
    for (size_t i = 0; i < n; ++i) {
        if (targets[i] < 0) continue;
        ++scored;
        if (predictions[i] == targets[i]) ++correct;
    }
    if (scoredCount) *scoredCount = scored;
    return scored == 0 ? std::nan("") : static_cast<double>(correct) / static_cast<double>(scored);
}

}  // namespace seqscope::data
