// SPDX-License-Identifier: MIT
// Training corpora as flat token streams with a fixed held-out validation split:
//   - the default corpus: the English fortunes of Debian's `fortunes` package (one document per
//     fortune, `%` lines separate them), byte-tokenized;
//   - plain text files (one document) or directories of them (one document per file);
//   - pre-tokenized flat little-endian uint16 files (nanoGPT's train.bin layout), optionally with
//     llm.c's 256 x int32 header (magic 20240520, version 1, token count).
// The split does not depend on the seed, so every run of a sweep is scored on the same tokens.
// Deviation: no document masking; documents are concatenated with an EOS token between them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "data/tokenizer.h"

namespace seqscope::data {

// llm.c's token file header: 256 little-endian int32, [0] magic, [1] version, [2] token count.
inline constexpr std::int32_t kTokenFileMagic = 20240520;
inline constexpr int kTokenFileHeaderInts = 256;
inline constexpr int kTokenFileVersionU16 = 1;   // version 2 is llm.c's uint32 (LLaMA 3) layout

inline constexpr const char* kDefaultFortunesDir = "/usr/share/games/fortunes";

struct CorpusOptions {
    std::string fortunesDir = kDefaultFortunesDir;   // where "fortunes" is read from
    double valFraction = 0.05;   // held-out share (fraction): of documents when the corpus has them,
                                 // else the tail of the token stream; in (0, 0.5]
    int vocab = 0;               // token files: vocabulary size; 0 = header int 3 when non-zero, else max token + 1
    bool isValid(std::string* error) const;
};

struct TokenCorpus {
    std::string name;            // "fortunes", or the path it came from
    std::string description;     // one line: what, how many documents and tokens
    int vocab = 0;               // every token is < vocab
    std::vector<Token> train;    // training stream
    std::vector<Token> val;      // held-out stream (fixed, seed-independent)
    long long documents = 0;     // documents in the corpus (0 for flat token files)
    long long valDocuments = 0;  // of which held out
    bool hadHeader = false;      // token files: the llm.c header was present
};

// `spec`: "fortunes" (default corpus), "text:PATH", "tokens:PATH", or a PATH: a directory is read
// as text files, a file ending in .bin/.u16/.tok as tokens, anything else as text.
// Errors: NotFound (missing file or fortunes package, with an install hint), InvalidArgument
// (empty corpus, a token >= vocab naming its index, odd file size), Corrupt (header count does not
// match the file size), Incompatible (llm.c version 2, uint32 tokens).
Result<TokenCorpus> loadCorpus(const std::string& spec, const CorpusOptions& options = {});

Result<TokenCorpus> loadFortunes(const CorpusOptions& options = {});
Result<TokenCorpus> loadTextPath(const std::string& path, const CorpusOptions& options = {});
Result<TokenCorpus> loadTokenFile(const std::string& path, const CorpusOptions& options = {});

// Splits a fortune file into its fortunes: text between lines that hold only "%" (a trailing CR is
// tolerated). Fortunes that are empty or only whitespace are dropped.
std::vector<std::string> splitFortunes(std::string_view text);

// The fortune files of `dir`: regular files without a .dat/.u8 suffix (the strfile index and the
// UTF-8 copy), sorted by name so the corpus is the same everywhere.
Result<std::vector<std::string>> fortuneFiles(const std::string& dir);

// Writes `tokens` as little-endian uint16, with llm.c's header when `withHeader` (then header int 3
// holds `vocab`, which llm.c leaves zero). Tokens must be < 65536.
Status writeTokenFile(const std::string& path, const std::vector<Token>& tokens, bool withHeader, int vocab = 0);

// Whether document `index` of a corpus belongs to the held-out split: spreads
// floor(count * valFraction) documents evenly, independent of any seed.
bool isValidationDocument(long long index, double valFraction);

}  // namespace seqscope::data
