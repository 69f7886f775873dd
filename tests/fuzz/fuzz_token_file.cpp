// SPDX-License-Identifier: MIT
// uint16 token files with or without llm.c's header (data/corpus.h): header counts that lie, odd
// sizes, versions, vocabularies. The bytes go through a file, as a user's would.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "data/corpus.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const std::string path = "/tmp/seqscope-fuzz-tokens-" + std::to_string(getpid()) + ".bin";
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) return 0;
    std::fwrite(data, 1, size, f);
    std::fclose(f);
    seqscope::data::CorpusOptions options;
    options.vocab = size > 0 ? data[0] * 4 : 0;   // sometimes a vocabulary smaller than the tokens
    auto corpus = seqscope::data::loadTokenFile(path, options);
    (void)corpus;
    return 0;
}
