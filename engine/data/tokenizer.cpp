// SPDX-License-Identifier: MIT
// Byte-level tokenizer (see tokenizer.h): bytes map to tokens 0..255 one to one, special tokens
// follow. Decoding drops what is not a byte unless asked to show it.
#include "data/tokenizer.h"

#include <cstdio>

namespace seqscope::data {

std::vector<Token> ByteTokenizer::encode(std::string_view text, bool addBos, bool addEos) {
    std::vector<Token> out;
    out.reserve(text.size() + 2);
    if (addBos) out.push_back(static_cast<Token>(kBosToken));
    encodeInto(text, &out);
    if (addEos) out.push_back(static_cast<Token>(kEosToken));
    return out;
}

void ByteTokenizer::encodeInto(std::string_view text, std::vector<Token>* out) {
    for (char c : text) out->push_back(static_cast<Token>(static_cast<unsigned char>(c)));
}

std::string ByteTokenizer::decode(const std::vector<Token>& tokens, bool showSpecial) {
    std::string out;
    out.reserve(tokens.size());
    for (Token t : tokens) {
        if (t < 256)
            out.push_back(static_cast<char>(static_cast<unsigned char>(t)));
        else if (showSpecial)
            out += tokenName(t);
    }
    return out;
}

std::string ByteTokenizer::tokenName(int token) {
    switch (token) {
    case kBosToken: return "<bos>";
    case kEosToken: return "<eos>";
    case kPadToken: return "<pad>";
    case kSepToken: return "<sep>";
    default: break;
    }
    if (token < 0 || token >= 256) return "<tok " + std::to_string(token) + ">";
    if (token == '\n') return "\\n";
    if (token == '\t') return "\\t";
    if (token < 32 || token >= 127) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\x%02x", token);
        return buf;
    }
    return std::string(1, static_cast<char>(token));
}

}  // namespace seqscope::data
