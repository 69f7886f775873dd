// SPDX-License-Identifier: MIT
// Corpus loading (see corpus.h): fortunes, plain text, uint16 token files with or without llm.c's
// header, and the fixed validation split. File reads are whole-file: the corpora this workbench
// trains on at CPU scale are megabytes, and the uint16 streams of larger ones still fit in memory.
#include "data/corpus.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace seqscope::data {

namespace fs = std::filesystem;

namespace {

Result<std::string> readWholeFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status::notFound("cannot open " + path);
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) return Status::io("error reading " + path);
    return ss.str();
}

bool endsWith(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string countText(long long n, const char* what) {
    return std::to_string(n) + " " + what;
}

// Concatenates documents (each followed by EOS) into the train or val stream.
TokenCorpus buildFromDocuments(const std::string& name, const std::vector<std::string>& docs, double valFraction) {
    TokenCorpus c;
    c.name = name;
    c.vocab = kByteVocabSize;
    c.documents = static_cast<long long>(docs.size());
    for (size_t i = 0; i < docs.size(); ++i) {
        const bool isVal = docs.size() > 1 && isValidationDocument(static_cast<long long>(i), valFraction);
        auto& stream = isVal ? c.val : c.train;
        ByteTokenizer::encodeInto(docs[i], &stream);
        stream.push_back(static_cast<Token>(kEosToken));
        if (isVal) ++c.valDocuments;
    }
    return c;
}

// A flat stream without documents: the last valFraction of it is held out.
void splitTail(std::vector<Token> all, double valFraction, TokenCorpus* c) {
    const size_t valCount = static_cast<size_t>(std::floor(static_cast<double>(all.size()) * valFraction));
    c->val.assign(all.end() - static_cast<std::ptrdiff_t>(valCount), all.end());
    all.resize(all.size() - valCount);
    c->train = std::move(all);
}

void describe(TokenCorpus* c, const std::string& what) {
    std::ostringstream os;
    os << what << ": ";
    if (c->documents > 0) os << countText(c->documents, "documents") << " (" << c->valDocuments << " held out), ";
    os << c->train.size() << " train + " << c->val.size() << " validation tokens, vocab " << c->vocab;
    c->description = os.str();
}

Status requireNonEmpty(const TokenCorpus& c, const std::string& source) {
    if (c.train.empty() && c.val.empty()) return Status::invalid("corpus " + source + " is empty");
    if (c.train.empty()) return Status::invalid("corpus " + source + " has no training tokens after the validation split");
    if (c.val.empty())
        return Status::invalid("corpus " + source + " is too small for a validation split (" +
                               std::to_string(c.train.size()) + " tokens)");
    return {};
}

std::uint32_t readLe32(const unsigned char* p) {
    return static_cast<std::uint32_t>(p[0]) | (static_cast<std::uint32_t>(p[1]) << 8) |
           (static_cast<std::uint32_t>(p[2]) << 16) | (static_cast<std::uint32_t>(p[3]) << 24);
}

void writeLe32(std::uint32_t v, char* p) {
    for (int i = 0; i < 4; ++i) p[i] = static_cast<char>((v >> (8 * i)) & 0xff);
}

}  // namespace

bool CorpusOptions::isValid(std::string* error) const {
    if (!(valFraction > 0.0 && valFraction <= 0.5)) {
        if (error) *error = "validation fraction must be in (0, 0.5], got " + std::to_string(valFraction);
        return false;
    }
    if (vocab < 0 || vocab > 65536) {
        if (error) *error = "vocab must be in [0, 65536] for uint16 tokens, got " + std::to_string(vocab);
        return false;
    }
    return true;
}

bool isValidationDocument(long long index, double valFraction) {
    return std::floor(static_cast<double>(index + 1) * valFraction) > std::floor(static_cast<double>(index) * valFraction);
}

std::vector<std::string> splitFortunes(std::string_view text) {
    std::vector<std::string> out;
    std::string current;
    auto flush = [&] {
        const bool blank = std::all_of(current.begin(), current.end(),
                                       [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
        if (!blank) out.push_back(current);
        current.clear();
    };
    size_t pos = 0;
    while (pos < text.size()) {
        size_t end = text.find('\n', pos);
        const bool lastLine = end == std::string_view::npos;
        if (lastLine) end = text.size();
        std::string_view line = text.substr(pos, end - pos);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line == "%")
            flush();
        else {
            current.append(line.data(), line.size());
            if (!lastLine) current.push_back('\n');
        }
        pos = end + 1;
    }
    flush();
    return out;
}

Result<std::vector<std::string>> fortuneFiles(const std::string& dir) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        return Status::notFound("the default corpus needs Debian's `fortunes` package, but " + dir +
                                " does not exist (install it: sudo apt-get install fortunes; or pass --data PATH)");
    std::vector<std::string> files;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        if (endsWith(name, ".dat") || endsWith(name, ".u8") || name.empty() || name[0] == '.') continue;
        if (!entry.is_regular_file(ec)) continue;
        files.push_back(entry.path().string());
    }
    if (ec) return Status::io("cannot list " + dir + ": " + ec.message());
    std::sort(files.begin(), files.end());
    if (files.empty())
        return Status::notFound("no fortune files in " + dir +
                                " (install Debian's `fortunes` package: sudo apt-get install fortunes)");
    return files;
}

Result<TokenCorpus> loadFortunes(const CorpusOptions& options) {
    std::string error;
    if (!options.isValid(&error)) return Status::invalid(error);
    auto files = fortuneFiles(options.fortunesDir);
    if (!files) return files.status();
    std::vector<std::string> docs;
    for (const auto& f : *files) {
        auto text = readWholeFile(f);
        if (!text) return text.status();
        auto part = splitFortunes(*text);
        docs.insert(docs.end(), std::make_move_iterator(part.begin()), std::make_move_iterator(part.end()));
    }
    TokenCorpus c = buildFromDocuments("fortunes", docs, options.valFraction);
    if (Status s = requireNonEmpty(c, "fortunes (" + options.fortunesDir + ")"); !s) return s;
    describe(&c, "fortunes (" + std::to_string(files->size()) + " files in " + options.fortunesDir + ")");
    return c;
}

Result<TokenCorpus> loadTextPath(const std::string& path, const CorpusOptions& options) {
    std::string error;
    if (!options.isValid(&error)) return Status::invalid(error);
    std::error_code ec;
    if (!fs::exists(path, ec)) return Status::notFound("corpus " + path + " does not exist");
    TokenCorpus c;
    if (fs::is_directory(path, ec)) {
        std::vector<std::string> files;
        for (const auto& entry : fs::directory_iterator(path, ec))
            if (entry.is_regular_file(ec)) files.push_back(entry.path().string());
        std::sort(files.begin(), files.end());
        std::vector<std::string> docs;
        for (const auto& f : files) {
            auto text = readWholeFile(f);
            if (!text) return text.status();
            if (!text->empty()) docs.push_back(std::move(*text));
        }
        c = buildFromDocuments(path, docs, options.valFraction);
    } else {
        auto text = readWholeFile(path);
        if (!text) return text.status();
        c.name = path;
        c.vocab = kByteVocabSize;
        splitTail(ByteTokenizer::encode(*text), options.valFraction, &c);
    }
    if (Status s = requireNonEmpty(c, path); !s) return s;
    describe(&c, "text " + path);
    return c;
}

Result<TokenCorpus> loadTokenFile(const std::string& path, const CorpusOptions& options) {
    std::string error;
    if (!options.isValid(&error)) return Status::invalid(error);
    auto bytes = readWholeFile(path);
    if (!bytes) return bytes.status();
    const auto* p = reinterpret_cast<const unsigned char*>(bytes->data());
    size_t size = bytes->size();
    size_t offset = 0;
    TokenCorpus c;
    c.name = path;
    int headerVocab = 0;
    const size_t headerBytes = kTokenFileHeaderInts * 4;
    if (size >= headerBytes && readLe32(p) == static_cast<std::uint32_t>(kTokenFileMagic)) {
        const std::uint32_t version = readLe32(p + 4);
        const std::uint32_t count = readLe32(p + 8);
        if (version == 2)
            return Status(StatusCode::Incompatible, path + ": llm.c token file version 2 holds uint32 tokens; "
                                                           "only version 1 (uint16) is supported");
        if (version != kTokenFileVersionU16)
            return Status(StatusCode::Incompatible, path + ": unknown token file version " + std::to_string(version) +
                                                        " (expected 1)");
        const size_t expected = headerBytes + 2ull * count;
        if (expected != size)
            return Status(StatusCode::Corrupt, path + ": header says " + std::to_string(count) + " tokens (" +
                                                   std::to_string(expected) + " bytes) but the file has " +
                                                   std::to_string(size) + " bytes");
        headerVocab = static_cast<int>(readLe32(p + 12));
        offset = headerBytes;
        c.hadHeader = true;
    }
    if ((size - offset) % 2 != 0)
        return Status::invalid(path + ": " + std::to_string(size - offset) +
                               " token bytes is odd; a uint16 token file has an even size");
    const size_t n = (size - offset) / 2;
    if (n == 0) return Status::invalid("corpus " + path + " is empty (no tokens)");
    std::vector<Token> tokens(n);
    int maxToken = 0;
    for (size_t i = 0; i < n; ++i) {
        tokens[i] = static_cast<Token>(p[offset + 2 * i] | (p[offset + 2 * i + 1] << 8));
        maxToken = std::max<int>(maxToken, tokens[i]);
    }
    int vocab = options.vocab > 0 ? options.vocab : (headerVocab > 0 && headerVocab <= 65536 ? headerVocab : maxToken + 1);
    if (maxToken >= vocab) {
        const auto it = std::find_if(tokens.begin(), tokens.end(), [&](Token t) { return t >= vocab; });
        return Status::invalid(path + ": token " + std::to_string(*it) + " at index " +
                               std::to_string(it - tokens.begin()) + " is outside the vocabulary of " +
                               std::to_string(vocab));
    }
    c.vocab = vocab;
    splitTail(std::move(tokens), options.valFraction, &c);
    if (Status s = requireNonEmpty(c, path); !s) return s;
    describe(&c, std::string("uint16 tokens ") + path + (c.hadHeader ? " (llm.c header)" : ""));
    return c;
}

Result<TokenCorpus> loadCorpus(const std::string& spec, const CorpusOptions& options) {
    if (spec.empty() || spec == "fortunes") return loadFortunes(options);
    if (spec.rfind("text:", 0) == 0) return loadTextPath(spec.substr(5), options);
    if (spec.rfind("tokens:", 0) == 0) return loadTokenFile(spec.substr(7), options);
    std::error_code ec;
    if (!fs::is_directory(spec, ec) && (endsWith(spec, ".bin") || endsWith(spec, ".u16") || endsWith(spec, ".tok")))
        return loadTokenFile(spec, options);
    return loadTextPath(spec, options);
}

Status writeTokenFile(const std::string& path, const std::vector<Token>& tokens, bool withHeader, int vocab) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) return Status::io("cannot write " + path);
    if (withHeader) {
        std::vector<char> header(kTokenFileHeaderInts * 4, 0);
        writeLe32(static_cast<std::uint32_t>(kTokenFileMagic), header.data());
        writeLe32(kTokenFileVersionU16, header.data() + 4);
        writeLe32(static_cast<std::uint32_t>(tokens.size()), header.data() + 8);
        writeLe32(static_cast<std::uint32_t>(vocab), header.data() + 12);
        out.write(header.data(), static_cast<std::streamsize>(header.size()));
    }
    std::vector<char> body(tokens.size() * 2);
    for (size_t i = 0; i < tokens.size(); ++i) {
        body[2 * i] = static_cast<char>(tokens[i] & 0xff);
        body[2 * i + 1] = static_cast<char>(tokens[i] >> 8);
    }
    out.write(body.data(), static_cast<std::streamsize>(body.size()));
    out.flush();
    if (!out) return Status::io("error writing " + path + " (disk full?)");
    return {};
}

}  // namespace seqscope::data
