// SPDX-License-Identifier: MIT
// `seqscope-cli flops` and `presets`, driven in-process: JSON numbers equal the reference values of
// scaling-laws.md sections 3 and 4.6, invalid dimensions and unknown presets exit 2 naming the input.
#include <QtTest>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/command_line.h"
#include "cli/commands.h"

using namespace seqscope;

namespace {

int run(std::vector<const char*> argv, std::string* out, std::string* err) {
    cli::Registry registry;
    cli::registerFlopsCommands(registry);
    argv.insert(argv.begin(), "seqscope-cli");
    std::ostringstream o, e;
    const int rc = registry.run(static_cast<int>(argv.size()), argv.data(), o, e);
    *out = o.str();
    *err = e.str();
    return rc;
}

}  // namespace

class TestCliFlops : public QObject {
    Q_OBJECT

private slots:
    void presetJsonGivesSection3And46Values() {
        std::string out, err;
        QCOMPARE(run({"flops", "--preset", "xlstm-160m", "--ctx", "8192", "--json"}, &out, &err), 0);
        const auto j = nlohmann::json::parse(out);
        QCOMPARE(j["params"].get<long long>(), 164110224LL);
        QCOMPARE(j["training"]["fwbw_per_sequence"].get<double>(), 6271948495872.0);
        QCOMPARE(j["training"]["attention_mode"].get<std::string>(), std::string("distill_scaling"));
        QCOMPARE(j["shape"]["chunk"].get<int>(), 64);
        QVERIFY(j["inference"]["step"].contains("repository") && j["inference"]["step"].contains("physical"));
        QVERIFY(j["inference"]["state_bytes"].get<double>() > 0);
    }

    void explicitDimensionsMatchThePreset() {
        std::string out, err;
        QCOMPARE(run({"flops", "--arch", "transformer", "--d-model", "768", "--layers", "12", "--heads", "12", "--ctx",
                      "8192", "--json"},
                     &out, &err),
                 0);
        const auto j = nlohmann::json::parse(out);
        QCOMPARE(j["params"].get<long long>(), 162220800LL);
        QCOMPARE(j["training"]["fwbw_per_sequence"].get<double>(), 9858157903872.0);
        QVERIFY(j["preset"].is_null());
        QVERIFY(j["inference"]["kv_cache_bytes"].get<double>() > 0);
        QCOMPARE(run({"flops", "--arch", "transformer", "--d-model", "768", "--layers", "12", "--heads", "12", "--ctx",
                      "8192", "--attention-mode", "chinchilla", "--json"},
                     &out, &err),
                 0);
        QVERIFY(nlohmann::json::parse(out)["training"]["fwbw_per_sequence"].get<double>() > 9858157903872.0);
    }

    void humanOutputShowsGroupedParameterCount() {
        std::string out, err;
        QCOMPARE(run({"flops", "--preset", "transformer-7b"}, &out, &err), 0);
        QVERIFY2(out.find("6,863,196,160") != std::string::npos, out.c_str());
        QVERIFY(out.find("6N heuristic") != std::string::npos);
        QVERIFY(out.find("KV cache") != std::string::npos);
    }

    void invalidDimensionsExitTwoNamingTheProblem_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("heads not dividing d") << QStringList{"--arch", "transformer", "--d-model", "768", "--layers", "12", "--heads", "5"} << "heads (5) must divide d_model (768)";
        QTest::newRow("zero layers") << QStringList{"--arch", "xlstm", "--d-model", "768", "--layers", "0", "--heads", "6"} << "--layers: must be a positive";
        QTest::newRow("negative width") << QStringList{"--arch", "xlstm", "--d-model", "-8", "--layers", "2", "--heads", "2"} << "--d-model: must be a positive";
        QTest::newRow("unknown arch") << QStringList{"--arch", "rnn", "--d-model", "64", "--layers", "2", "--heads", "2"} << "--arch must be xlstm or transformer";
        QTest::newRow("unknown preset") << QStringList{"--preset", "xlstm-9b"} << "unknown preset 'xlstm-9b'";
        QTest::newRow("preset and arch disagree") << QStringList{"--preset", "xlstm-160m", "--arch", "transformer"} << "contradicts preset";
        QTest::newRow("preset and dims") << QStringList{"--preset", "xlstm-160m", "--heads", "4"} << "cannot be combined";
        QTest::newRow("bad attention mode") << QStringList{"--preset", "transformer-160m", "--attention-mode", "full"} << "--attention-mode";
        QTest::newRow("zero ctx") << QStringList{"--preset", "transformer-160m", "--ctx", "0"} << "--ctx: must be a positive";
    }
    void invalidDimensionsExitTwoNamingTheProblem() {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        std::vector<std::string> words{"flops"};
        for (const auto& a : args) words.push_back(a.toStdString());
        std::vector<const char*> argv;
        for (const auto& w : words) argv.push_back(w.c_str());
        std::string out, err;
        QCOMPARE(run(argv, &out, &err), 2);
        QVERIFY2(err.find(message.toStdString()) != std::string::npos, err.c_str());
    }

    void presetsListsEveryPresetWithItsParameterCount() {
        std::string out, err;
        QCOMPARE(run({"presets", "--json"}, &out, &err), 0);
        const auto j = nlohmann::json::parse(out);
        QVERIFY(j.size() >= 32);
        bool seen = false;
        for (const auto& p : j)
            if (p["name"] == "xlstm-7b") {
                QCOMPARE(p["params"].get<long long>(), 6865424896LL);
                seen = true;
            }
        QVERIFY(seen);
        QCOMPARE(run({"presets"}, &out, &err), 0);
        QVERIFY(out.find("transformer-30m") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestCliFlops)
#include "tst_cli_flops.moc"
