// SPDX-License-Identifier: MIT
// The preset table. Paper dimensions: scaling-laws.md section 3 (scaling studies, chunk 64) and
// section 12.7 (inference benchmark, xLSTM chunk 128, Transformer FFN multiple 128). CPU presets are
// our own choice: Transformer d_h = 64 as in the paper's small models; xLSTM with 2-4 heads so that
// d_v stays 64-128 like the paper's; contexts 256-1024, multiples of the chunk size 64.
#include "analysis/presets.h"

#include <algorithm>
#include <cctype>

namespace seqscope::analysis {
namespace {

struct Row {
    const char* size;       // "160m"
    int d, layers;
    int xlstmHeads;         // training heads (section 3)
    int transformerHeads;
    long long xlstmN, transformerN;   // section 3 verification values
    int xlstmInfHeads;      // inference-benchmark heads (section 12.7)
    int transformerInfFfn;  // inference-benchmark Transformer FFN (multiple of 128)
};

// scaling-laws.md sections 3 and 12.7.
const Row kPaper[] = {
    {"160m", 768, 12, 6, 12, 164110224LL, 162220800LL, 6, 2048},
    {"400m", 1024, 24, 4, 16, 406856896LL, 406635520LL, 4, 2816},
    {"830m", 1536, 24, 4, 16, 841496256LL, 834086400LL, 6, 4096},
    {"1.4b", 2048, 24, 4, 16, 1420839104LL, 1420396544LL, 8, 5504},
    {"2.7b", 2560, 32, 5, 32, 2780449600LL, 2779548160LL, 10, 6912},
    {"7b", 4096, 32, 8, 32, 6865424896LL, 6863196160LL, 8, 11008},
};

ShapeFactors paperFactors(int chunk) {
    ShapeFactors f;   // defaults are the paper's: qk 0.5, FFN 2.667 / 64, V 50304
    f.chunk = chunk;
    f.maxContext = 16384;
    return f;
}

std::vector<Preset> buildPresets() {
    std::vector<Preset> out;
    for (const Row& r : kPaper) {
        Preset p;
        p.name = std::string("xlstm-") + r.size;
        p.family = "paper";
        p.description = "xLSTM scaling-study model (scaling-laws.md section 3, chunk 64)";
        p.shape = makeShape(Arch::XLstm, r.d, r.layers, r.xlstmHeads, paperFactors(64));
        p.context = 8192;
        p.referenceParams = r.xlstmN;
        out.push_back(p);
    }
    for (const Row& r : kPaper) {
        Preset p;
        p.name = std::string("transformer-") + r.size;
        p.family = "paper";
        p.description = "Llama-style Transformer scaling-study model (scaling-laws.md section 3)";
        p.shape = makeShape(Arch::Transformer, r.d, r.layers, r.transformerHeads, paperFactors(64));
        p.context = 8192;
        p.referenceParams = r.transformerN;
        out.push_back(p);
    }
    for (const Row& r : kPaper) {
        Preset p;
        p.name = std::string("xlstm-") + r.size + "-inf";
        p.family = "paper-inference";
        p.description = "xLSTM inference-benchmark model (scaling-laws.md section 12.7, chunk 128)";
        p.shape = makeShape(Arch::XLstm, r.d, r.layers, r.xlstmInfHeads, paperFactors(128));
        p.context = 8192;
        p.referenceParams = r.xlstmInfHeads == r.xlstmHeads ? r.xlstmN : 0;
        out.push_back(p);
    }
    for (const Row& r : kPaper) {
        Preset p;
        p.name = std::string("transformer-") + r.size + "-inf";
        p.family = "paper-inference";
        p.description = "Transformer inference-benchmark model (scaling-laws.md section 12.7, FFN multiple 128)";
        ShapeFactors f = paperFactors(64);
        f.ffnMultiple = 128;
        p.shape = makeShape(Arch::Transformer, r.d, r.layers, r.transformerHeads, f);
        p.context = 8192;
        p.referenceParams = p.shape.ffnDim == makeShape(Arch::Transformer, r.d, r.layers, r.transformerHeads).ffnDim
                                ? r.transformerN
                                : 0;
        out.push_back(p);
    }

    struct Small {
        const char* size;
        int d, layers, xlstmHeads, transformerHeads;
        long long context;
    };
    // About 0.92M / 3.0M / 9.8M / 29.8M (xLSTM) parameters with the byte vocabulary.
    const Small kSmall[] = {
        {"1m", 128, 4, 2, 2, 256},
        {"3m", 192, 6, 2, 3, 512},
        {"10m", 256, 12, 4, 4, 1024},
        {"30m", 384, 16, 4, 6, 1024},
    };
    for (int a = 0; a < 2; ++a) {
        const Arch arch = a == 0 ? Arch::XLstm : Arch::Transformer;
        for (const Small& s : kSmall) {
            ShapeFactors f;
            f.vocab = kByteVocab;
            f.chunk = 64;
            f.maxContext = static_cast<int>(s.context);
            Preset p;
            p.name = std::string(archName(arch)) + "-" + s.size;
            p.family = "cpu";
            p.description = "small byte-level model for CPU runs (vocabulary 260, paper proportions)";
            p.shape = makeShape(arch, s.d, s.layers, arch == Arch::XLstm ? s.xlstmHeads : s.transformerHeads, f);
            p.context = s.context;
            out.push_back(p);
        }
    }
    return out;
}

std::string lower(const std::string& s) {
    std::string out = s;
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

}  // namespace

const std::vector<Preset>& presets() {
    static const std::vector<Preset> all = buildPresets();
    return all;
}

const Preset* findPreset(const std::string& name) {
    const std::string key = lower(name);
    for (const Preset& p : presets())
        if (p.name == key) return &p;
    return nullptr;
}

std::string presetNames() {
    std::string out;
    for (const Preset& p : presets()) {
        if (!out.empty()) out += ", ";
        out += p.name;
    }
    return out;
}

}  // namespace seqscope::analysis
