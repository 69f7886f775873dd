// SPDX-License-Identifier: MIT
// Official model directories (engine/interop) without Python: safetensors files round-trip and
// hostile headers are refused naming the problem; config.json round-trips every preset's shape in
// its layout and refuses what Seqscope does not implement; an exported model reloads with the same
// logits (single file, shards, bfloat16) and the computed tensor table equals the modules'. The
// comparison with the official implementations is tests/interop/check_interop.py (label interop).
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>

#include "analysis/presets.h"
#include "interop/hf_config.h"
#include "interop/model_directory.h"
#include "interop/safetensors.h"

using namespace seqscope;
using namespace seqscope::interop;
using nlohmann::json;

namespace {

// A safetensors image from a header object and a data section.
std::vector<std::uint8_t> image(const json& header, std::size_t dataBytes) {
    const std::string text = header.dump();
    std::vector<std::uint8_t> out(8 + text.size() + dataBytes, 0);
    const std::uint64_t n = text.size();
    for (int i = 0; i < 8; ++i) out[static_cast<size_t>(i)] = static_cast<std::uint8_t>(n >> (8 * i));
    std::memcpy(out.data() + 8, text.data(), text.size());
    return out;
}

QString parseError(const std::vector<std::uint8_t>& bytes) {
    auto r = parseSafetensorsHeader(bytes.data(), bytes.size(), bytes.size());
    return r ? QString() : QString::fromStdString(r.status().message());
}

analysis::ModelShape small(analysis::Arch arch) {
    analysis::ShapeFactors f;
    f.vocab = 61;
    f.chunk = 8;
    f.maxContext = 64;
    auto s = analysis::makeShape(arch, 48, 2, 3, f);
    s.normEps = 1e-5;
    if (arch == analysis::Arch::Transformer) {
        s.logitSoftCap = 0;
        s.ropeTheta = 10000;
    }
    return s;
}

std::vector<float> logitsOf(engine::LanguageModel& model) {
    auto r = model.sequenceLogits({1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7});
    if (!r) qFatal("logits: %s", r.status().message().c_str());
    return *r;
}

float maxDiff(const std::vector<float>& a, const std::vector<float>& b) {
    if (a.size() != b.size()) return INFINITY;
    float m = 0;
    for (size_t i = 0; i < a.size(); ++i) m = std::max(m, std::abs(a[i] - b[i]));
    return m;
}

}  // namespace

class TestModelDirectory : public QObject {
    Q_OBJECT
private slots:
    void safetensorsRoundTrip() {
        QTemporaryDir dir;
        const std::vector<float> a = {1.5f, -2.f, 3.25f, 0.f, 1e-3f, 7.f};
        const std::vector<std::uint16_t> b = {floatToBf16(0.5f), floatToBf16(-3.f)};
        const std::string path = dir.filePath("t.safetensors").toStdString();
        QVERIFY(writeSafetensors(path, {{"a", TensorDtype::F32, {2, 3}, a.data(), 24}, {"b", TensorDtype::BF16, {2}, b.data(), 4}},
                                 {{"format", "pt"}}));
        auto file = SafetensorsFile::open(path);
        QVERIFY2(file, file.status().message().c_str());
        QCOMPARE(file->header().metadata.at("format"), std::string("pt"));
        QCOMPARE(file->header().dataOffset % 8, 0ull);   // aligned as the reference writer aligns
        const TensorInfo* ta = file->find("a");
        QVERIFY(ta && ta->shape == (std::vector<std::int64_t>{2, 3}));
        std::vector<float> back(6), bb(2);
        QVERIFY(file->toFloat32(*ta, back.data()));
        QCOMPARE(back, a);
        QVERIFY(file->toFloat32(*file->find("b"), bb.data()));
        QCOMPARE(bb, (std::vector<float>{0.5f, -3.f}));
        QCOMPARE(f16ToFloat(0x3c00), 1.0f);       // half 1.0
        QCOMPARE(f16ToFloat(0x0001), std::ldexp(1.0f, -24));   // smallest subnormal
        QVERIFY(!writeSafetensors(path, {{"a", TensorDtype::F32, {2, 2}, a.data(), 24}}));   // 16 bytes promised, 24 given
    }

    void hostileHeadersAreRefusedNamingTheProblem() {
        const json ok = {{"w", {{"dtype", "F32"}, {"shape", {2}}, {"data_offsets", {0, 8}}}}};
        QVERIFY(parseError(image(ok, 8)).isEmpty());
        QVERIFY(parseError(image(ok, 4)).contains("exceeds") || parseError(image(ok, 4)).contains("truncated"));
        QVERIFY(parseError(image(ok, 12)).contains("padded"));
        auto lie = ok;
        lie["w"]["dtype"] = "F64";
        QVERIFY(parseError(image(lie, 8)).contains("needs 16 bytes but data_offsets span 8"));
        auto unknown = ok;
        unknown["w"]["dtype"] = "F33";
        QVERIFY(parseError(image(unknown, 8)).contains("not a safetensors dtype"));
        auto overflow = ok;
        overflow["w"]["shape"] = {1ull << 40, 1ull << 40};
        QVERIFY(parseError(image(overflow, 8)).contains("overflows"));
        const json overlap = {{"a", {{"dtype", "F32"}, {"shape", {2}}, {"data_offsets", {0, 8}}}},
                              {"b", {{"dtype", "F32"}, {"shape", {2}}, {"data_offsets", {4, 12}}}}};
        QVERIFY(parseError(image(overlap, 12)).contains("contiguous"));
        auto huge = image(ok, 8);
        huge[7] = 0x40;   // header length 2^62
        QVERIFY(parseError(huge).contains("100 MB"));
        QVERIFY(parseError({1, 2, 3}).contains("too short"));
        auto notJson = image(ok, 8);
        notJson[12] = '\xff';
        QVERIFY(!parseError(notJson).isEmpty());
    }

    void shardIndexMustBeConsistent() {
        QTemporaryDir dir;
        const float v[2] = {1, 2};
        const auto shard = [&](const char* name, std::vector<std::string> tensors) {
            std::vector<TensorToWrite> t;
            for (const auto& n : tensors) t.push_back({n, TensorDtype::F32, {2}, v, 8});
            QVERIFY(writeSafetensors(dir.filePath(name).toStdString(), t));
        };
        shard("s1.safetensors", {"a", "b"});
        shard("s2.safetensors", {"c"});
        const auto index = [&](const json& map) {
            std::ofstream(dir.filePath("model.safetensors.index.json").toStdString()) << json({{"weight_map", map}}).dump();
            auto set = SafetensorsSet::openDirectory(dir.path().toStdString());
            return set ? QString() : QString::fromStdString(set.status().message());
        };
        QVERIFY(index({{"a", "s1.safetensors"}, {"b", "s1.safetensors"}, {"c", "s2.safetensors"}}).isEmpty());
        QVERIFY(index({{"a", "s1.safetensors"}, {"c", "s2.safetensors"}}).contains("missing from weight_map"));   // b
        QVERIFY(index({{"a", "s2.safetensors"}, {"b", "s1.safetensors"}, {"c", "s2.safetensors"}}).contains("not in its shard"));
        QVERIFY(index({{"a", "../s1.safetensors"}}).contains("plain file name"));
    }

    void everyPresetShapeRoundTripsThroughConfigJson() {
        for (const auto& p : analysis::presets()) {
            for (CheckpointLayout layout : {CheckpointLayout::XlstmLarge, CheckpointLayout::HfXlstm, CheckpointLayout::Llama}) {
                const bool fits = (layout == CheckpointLayout::Llama) == (p.shape.arch == analysis::Arch::Transformer);
                auto text = hfConfigJson(p.shape, layout, /*dropLogitCap=*/true);
                QVERIFY2(bool(text) == fits, p.name.c_str());
                if (!fits) continue;
                auto back = parseHfConfig(*text);
                QVERIFY2(back, (p.name + ": " + back.status().message()).c_str());
                QCOMPARE(back->layout, layout);
                QVERIFY2(sameWeightShapes(back->shape, p.shape), (p.name + " -> " + back->shape.describe()).c_str());
            }
        }
        // A Llama cannot carry Seqscope's default logit cap unless told to drop it.
        auto capped = analysis::makeShape(analysis::Arch::Transformer, 64, 2, 2);
        QVERIFY(QString::fromStdString(hfConfigJson(capped, CheckpointLayout::Llama).status().message()).contains("soft-caps"));
    }

    void unsupportedConfigsAreRefusedNamingTheField() {
        const json llama = json::parse(*hfConfigJson(small(analysis::Arch::Transformer), CheckpointLayout::Llama));
        const json xlstm = json::parse(*hfConfigJson(small(analysis::Arch::XLstm), CheckpointLayout::XlstmLarge));
        QVERIFY(parseHfConfig(llama.dump()));
        QVERIFY(parseHfConfig(xlstm.dump()));
        const struct {
            const json* base;
            const char* key;
            json value;
        } cases[] = {{&llama, "num_key_value_heads", 1},      {&llama, "rope_scaling", {{"rope_type", "linear"}}},
                     {&llama, "tie_word_embeddings", true},   {&llama, "attention_bias", true},
                     {&llama, "hidden_act", "gelu"},           {&llama, "head_dim", 8},
                     {&llama, "frobnicate", 1},               {&xlstm, "weight_mode", "fused"},
                     {&xlstm, "use_bias", true},              {&xlstm, "add_out_norm", false},
                     {&xlstm, "v_dim_factor", 0.5},           {&xlstm, "num_heads", 5},
                     {&xlstm, "embedding_dim", -4},           {&xlstm, "mystery_option", "x"}};
        for (const auto& c : cases) {
            json j = *c.base;
            j[c.key] = c.value;
            auto r = parseHfConfig(j.dump());
            QVERIFY2(!r, c.key);
            QVERIFY2(r.status().message().find(c.key) != std::string::npos ||
                         (std::string(c.key) == "num_heads" && r.status().message().find("num_heads") != std::string::npos),
                     r.status().message().c_str());
        }
        json nullCap = xlstm;
        nullCap["output_logit_soft_cap"] = nullptr;   // None in the official config: no cap
        QCOMPARE(parseHfConfig(nullCap.dump())->shape.logitSoftCap, 0.0);
        json v5 = llama;   // transformers 5 keeps rope_theta in rope_parameters
        v5.erase("rope_theta");
        v5["rope_parameters"] = {{"rope_type", "default"}, {"rope_theta", 123456.0}};
        QCOMPARE(parseHfConfig(v5.dump())->shape.ropeTheta, 123456.0);
    }

    void exportedModelsReloadWithTheSameLogits() {
        for (auto arch : {analysis::Arch::XLstm, analysis::Arch::Transformer}) {
            engine::ModelOptions o;
            o.seed = 3;
            auto model = engine::LanguageModel::create(small(arch), o);
            QVERIFY(model);
            const auto reference = logitsOf(**model);
            const auto layouts = arch == analysis::Arch::XLstm
                                     ? std::vector<CheckpointLayout>{CheckpointLayout::XlstmLarge, CheckpointLayout::HfXlstm}
                                     : std::vector<CheckpointLayout>{CheckpointLayout::Llama};
            for (CheckpointLayout layout : layouts) {
                for (int variant = 0; variant < 3; ++variant) {   // one file, shards, bfloat16
                    QTemporaryDir tmp;
                    const std::string dir = tmp.filePath("m").toStdString();
                    ExportOptions e;
                    e.layout = layout;
                    e.shardBytes = variant == 1 ? 20000 : 0;
                    e.bfloat16 = variant == 2;
                    QVERIFY(exportModelDirectory(**model, dir, e));
                    auto info = inspectModelDirectory(dir);   // computed tensor table == the modules'
                    QVERIFY2(info, info.status().message().c_str());
                    QCOMPARE(info->config.layout, layout);
                    QCOMPARE(info->parameters, (*model)->parameterCount());
                    QVERIFY(variant != 1 || info->shards > 1);
                    auto loaded = loadModelDirectory(dir);
                    QVERIFY2(loaded, loaded.status().message().c_str());
                    const float diff = maxDiff(logitsOf(**loaded), reference);
                    QVERIFY2(diff <= (variant == 2 ? 0.05f : 0.0f), std::to_string(diff).c_str());
                    QVERIFY(!exportModelDirectory(**model, dir, e));   // never over an existing model
                }
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestModelDirectory)
#include "tst_model_directory.moc"
