// SPDX-License-Identifier: MIT
// Byte-level tokenizer: every byte of UTF-8 text is one token (0..255), followed by four special
// tokens BOS, EOS, PAD and SEP (256..259), so the vocabulary is 260 and matches the CPU presets
// (analysis/presets.h kByteVocab). There is no merging and no unknown token: any byte string round
// trips exactly. Tokens are uint16 so the same streams hold pre-tokenized corpora (vocab <= 65536).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace seqscope::data {

using Token = std::uint16_t;

inline constexpr int kBosToken = 256;   // start of a document
inline constexpr int kEosToken = 257;   // end of a document (separates concatenated documents)
inline constexpr int kPadToken = 258;   // filler; also the "blank" of the synthetic tasks
inline constexpr int kSepToken = 259;   // separator; marks where a synthetic task's answer starts
inline constexpr int kByteVocabSize = 260;

class ByteTokenizer {
public:
    // One token per byte; optionally framed by BOS/EOS.
    static std::vector<Token> encode(std::string_view text, bool addBos = false, bool addEos = false);
    // Appends the encoding of `text` to `out` (avoids a copy when building a corpus).
    static void encodeInto(std::string_view text, std::vector<Token>* out);
    // Bytes back; special tokens are dropped, or written as "<bos>", "<eos>", "<pad>", "<sep>" when
    // `showSpecial`. Tokens >= 260 are written as "<tok N>" with showSpecial, dropped otherwise.
    static std::string decode(const std::vector<Token>& tokens, bool showSpecial = false);
    // "<bos>", "<eos>", ... or a printable form of the byte ("a", "\\n", "\\x07").
    static std::string tokenName(int token);
    static constexpr int vocabSize() { return kByteVocabSize; }
};

}  // namespace seqscope::data
