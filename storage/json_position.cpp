// SPDX-License-Identifier: MIT
// A skip-only JSON scanner that follows a JSON pointer to the offset of its value (json_position.h).
// It trusts its input to be well-formed (nlohmann::json has parsed it already), so it validates
// nothing and stays small.
#include "storage/json_position.h"

#include <vector>

namespace seqscope::storage::jsonpos {
namespace {

class Locator {
public:
    explicit Locator(std::string_view text) : m_text(text) {}

    size_t find(const std::vector<std::string>& tokens) {
        m_tokens = &tokens;
        return value(0) ? m_found : std::string_view::npos;
    }

private:
    bool more() const { return m_i < m_text.size(); }
    char peek() const { return more() ? m_text[m_i] : '\0'; }
    void ws() {
        while (more() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r')) ++m_i;
    }

    // At '"': returns the decoded string (escapes of object keys are rare; \uXXXX handled for BMP).
    std::string string() {
        std::string out;
        ++m_i;
        while (more() && peek() != '"') {
            char c = m_text[m_i++];
            if (c != '\\' || !more()) {
                out += c;
                continue;
            }
            c = m_text[m_i++];
            switch (c) {
                case 'b': out += '\b'; break;
                case 'f': out += '\f'; break;
                case 'n': out += '\n'; break;
                case 'r': out += '\r'; break;
                case 't': out += '\t'; break;
                case 'u': {
                    unsigned code = 0;
                    for (int k = 0; k < 4 && more(); ++k) {
                        const char h = m_text[m_i++];
                        code = code * 16 + static_cast<unsigned>(h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10);
                    }
                    if (code < 0x80) {
                        out += static_cast<char>(code);
                    } else if (code < 0x800) {
                        out += static_cast<char>(0xC0 | (code >> 6));
                        out += static_cast<char>(0x80 | (code & 0x3F));
                    } else {
                        out += static_cast<char>(0xE0 | (code >> 12));
                        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
                        out += static_cast<char>(0x80 | (code & 0x3F));
                    }
                    break;
                }
                default: out += c;   // \" \\ \/
            }
        }
        ++m_i;   // closing quote
        return out;
    }

    void skip() {
        ws();
        if (peek() == '"') {
            string();
            return;
        }
        if (peek() == '{' || peek() == '[') {
            int depth = 0;
            do {
                const char c = peek();
                if (c == '"') {
                    string();
                    continue;
                }
                if (c == '{' || c == '[') ++depth;
                if (c == '}' || c == ']') --depth;
                ++m_i;
            } while (more() && depth > 0);
            return;
        }
        while (more() && peek() != ',' && peek() != '}' && peek() != ']' && peek() != ' ' && peek() != '\n' &&
               peek() != '\r' && peek() != '\t')
            ++m_i;
    }

    // At a value; `depth` tokens of the pointer are matched so far.
    bool value(size_t depth) {
        ws();
        if (depth == m_tokens->size()) {
            m_found = m_i;
            return true;
        }
        const std::string& want = (*m_tokens)[depth];
        if (peek() == '{') {
            ++m_i;
            for (;;) {
                ws();
                if (peek() != '"') return false;   // '}' of an empty object
                const std::string key = string();
                ws();
                ++m_i;   // ':'
                if (key == want) return value(depth + 1);
                skip();
                ws();
                if (peek() != ',') return false;
                ++m_i;
            }
        }
        if (peek() == '[') {
            ++m_i;
            for (size_t index = 0;; ++index) {
                ws();
                if (peek() == ']') return false;
                if (std::to_string(index) == want) return value(depth + 1);
                skip();
                ws();
                if (peek() != ',') return false;
                ++m_i;
            }
        }
        return false;
    }

    std::string_view m_text;
    size_t m_i = 0;
    size_t m_found = std::string_view::npos;
    const std::vector<std::string>* m_tokens = nullptr;
};

std::vector<std::string> splitPointer(const std::string& pointer) {
    std::vector<std::string> tokens;
    size_t i = 0;
    while (i < pointer.size() && pointer[i] == '/') {
        const size_t next = pointer.find('/', i + 1);
        std::string token = pointer.substr(i + 1, next == std::string::npos ? std::string::npos : next - i - 1);
        for (size_t p = 0; (p = token.find('~', p)) != std::string::npos; ++p)
            token.replace(p, 2, token.compare(p, 2, "~1") == 0 ? "/" : "~");
        tokens.push_back(std::move(token));
        if (next == std::string::npos) break;
        i = next;
    }
    return tokens;
}

}  // namespace

TextPosition positionOf(std::string_view text, size_t offset) {
    TextPosition pos;
    for (size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++pos.line;
            pos.column = 1;
        } else {
            ++pos.column;
        }
    }
    return pos;
}

size_t locate(std::string_view text, const std::string& pointer) {
    return Locator(text).find(splitPointer(pointer));
}

std::string where(std::string_view text, const std::string& fileName, const std::string& pointer,
                  const std::string& problem) {
    std::vector<std::string> tokens = splitPointer(pointer);
    size_t offset = std::string_view::npos;
    // A missing member is reported at the object that lacks it.
    while ((offset = Locator(text).find(tokens)) == std::string_view::npos && !tokens.empty()) tokens.pop_back();
    const TextPosition pos = positionOf(text, offset == std::string_view::npos ? 0 : offset);
    return fileName + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column) + ": " + problem;
}

}  // namespace seqscope::storage::jsonpos
