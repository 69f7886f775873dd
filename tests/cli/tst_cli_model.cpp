// SPDX-License-Identifier: MIT
// `seqscope-cli model info` and `generate`, driven in-process: the parameter count of the
// instantiated module equals the formula for the CPU presets and for explicit dimensions, invalid
// dimensions exit 2 naming the value, oversized models exit 1 before allocating, and greedy
// generation is deterministic and byte-level.
#include <QtTest>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/command_line.h"
#include "cli/commands.h"

using namespace seqscope;

namespace {

int run(std::vector<const char*> argv, std::string* out, std::string* err) {
    cli::Registry registry;
    cli::registerModelCommands(registry);
    argv.insert(argv.begin(), "seqscope-cli");
    std::ostringstream o, e;
    const int rc = registry.run(static_cast<int>(argv.size()), argv.data(), o, e);
    *out = o.str();
    *err = e.str();
    return rc;
}

}  // namespace

class TestCliModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void infoCountsModuleParametersEqualToFormula_data() {
        QTest::addColumn<QString>("preset");
        for (const char* p : {"xlstm-1m", "transformer-1m", "xlstm-10m", "transformer-10m"}) QTest::newRow(p) << p;
    }
    void infoCountsModuleParametersEqualToFormula() {
        QFETCH(QString, preset);
        const QByteArray name = preset.toUtf8();
        std::string out, err;
        QCOMPARE(run({"model", "info", "--preset", name.constData(), "--json"}, &out, &err), 0);
        const auto j = nlohmann::json::parse(out);
        QVERIFY(j["params"].get<long long>() > 0);
        QCOMPARE(j["params"].get<long long>(), j["params_formula"].get<long long>());
        QCOMPARE(j["preset"].get<std::string>(), name.toStdString());
        QCOMPARE(j["vocab"].get<int>(), 260);
    }

    void infoWithExplicitDimensions() {
        std::string out, err;
        QCOMPARE(run({"model", "info", "--arch", "xlstm", "--d-model", "128", "--layers", "2", "--heads", "4", "--vocab",
                      "300", "--json"},
                     &out, &err),
                 0);
        const auto j = nlohmann::json::parse(out);
        QCOMPARE(j["head_dim_qk"].get<int>(), 16);
        QCOMPARE(j["head_dim_v"].get<int>(), 32);
        QCOMPARE(j["ffn_dim"].get<int>(), 384);   // ceil(2.667 * 128) = 342 -> 384
        QCOMPARE(j["params"].get<long long>(), j["params_formula"].get<long long>());
    }

    void infoRefusesHeadsNotDividingWidth() {
        std::string out, err;
        QCOMPARE(run({"model", "info", "--arch", "transformer", "--d-model", "100", "--layers", "2", "--heads", "3"}, &out,
                     &err),
                 2);
        QVERIFY2(err.find("heads (3) must divide d_model (100)") != std::string::npos, err.c_str());
    }

    void infoRefusesOversizedModelBeforeAllocating() {
        std::string out, err;
        QCOMPARE(run({"model", "info", "--preset", "xlstm-7b", "--max-param-gib", "2"}, &out, &err), 1);
        QVERIFY2(err.find("GiB of float32 weights, over the limit of 2 GiB") != std::string::npos, err.c_str());
    }

    void generateGreedyIsDeterministicAndByteLevel() {
        std::string out1, out2, err;
        const std::vector<const char*> args = {"generate", "--preset", "transformer-1m", "--prompt", "Hi!",
                                               "--tokens", "8", "--json"};
        QCOMPARE(run(args, &out1, &err), 0);
        QCOMPARE(run(args, &out2, &err), 0);
        const auto j = nlohmann::json::parse(out1);
        QVERIFY(j["prompt_tokens"] == nlohmann::json({72, 105, 33}));
        QCOMPARE(j["tokens"].size(), size_t(8));
        QCOMPARE(j["weights"].get<std::string>(), std::string("random-init"));
        QVERIFY(j["tokens"] == nlohmann::json::parse(out2)["tokens"]);
    }

    void generateRefusesMissingCheckpoint() {
        std::string out, err;
        QCOMPARE(run({"generate", "--preset", "xlstm-1m", "--prompt", "a", "--checkpoint", "/nonexistent/params.pt"}, &out,
                     &err),
                 1);
        QVERIFY2(err.find("/nonexistent/params.pt") != std::string::npos, err.c_str());
    }
};

QTEST_GUILESS_MAIN(TestCliModel)
#include "tst_cli_model.moc"
