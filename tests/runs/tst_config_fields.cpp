// SPDX-License-Identifier: MIT
// Config fields of runs (issue 20): flattening, "everything but the seed", group keys and labels, and
// the config diff, on configs shaped like the ones the run service stores.
#include <QtTest>

#include "runs/config_fields.h"

using namespace seqscope;

namespace {

runs::FlatConfig flat(const char* json) {
    auto r = runs::flattenConfig(json);
    if (!r) qFatal("fixture config does not parse: %s", r.status().message().c_str());
    return *r;
}

// Two seeds of two widths, plus a third seed of the first width; each has its own checkpoint folder.
std::vector<runs::FlatConfig> sweep() {
    return {flat(R"({"lr":0.003,"seed":1,"checkpoint_dir":"/c/run-1","model":{"arch":"xlstm","d_model":36}})"),
            flat(R"({"lr":0.003,"seed":2,"checkpoint_dir":"/c/run-2","model":{"arch":"xlstm","d_model":36}})"),
            flat(R"({"lr":0.003,"seed":1,"checkpoint_dir":"/c/run-3","model":{"arch":"xlstm","d_model":48}})"),
            flat(R"({"lr":0.003,"seed":2,"checkpoint_dir":"/c/run-4","model":{"arch":"xlstm","d_model":48}})"),
            flat(R"({"lr":0.003,"seed":3,"checkpoint_dir":"/c/run-5","model":{"arch":"xlstm","d_model":36}})")};
}

}  // namespace

class TestConfigFields : public QObject {
    Q_OBJECT
private slots:
    void flattensNestedObjectsAndKeepsNumbersExact() {
        const auto c = flat(R"({"lr":0.003,"eps":1e-08,"steps":1000,"bf16":true,"name":"a b","dims":[1,2],
                                "model":{"d_model":36,"rope":{"theta":500000.0}},"empty":{}})");
        QCOMPARE(c.at("lr").text, std::string("0.003"));
        QCOMPARE(c.at("lr").number, 0.003);
        QCOMPARE(c.at("eps").text, std::string("1e-08"));
        QCOMPARE(c.at("steps").text, std::string("1000"));
        QCOMPARE(c.at("model.d_model").number, 36.0);
        QCOMPARE(c.at("model.rope.theta").text, std::string("500000"));
        QCOMPARE(c.at("bf16").text, std::string("true"));
        QVERIFY(!c.at("bf16").isNumber());
        QCOMPARE(c.at("name").text, std::string("a b"));
        QCOMPARE(c.at("dims").text, std::string("[1,2]"));
        QCOMPARE(c.at("empty").text, std::string("{}"));
        QCOMPARE(c.size(), size_t(9));
    }

    void badConfigsAreNamed() {
        auto notJson = runs::flattenConfig("{lr:", "run 7 config");
        QVERIFY(!notJson);
        QCOMPARE(notJson.status().message(), std::string("run 7 config: not valid JSON"));
        auto array = runs::flattenConfig("[1]", "run 8 config");
        QVERIFY(!array);
        QCOMPARE(array.status().message(), std::string("run 8 config: not a JSON object"));
    }

    void everythingButTheSeedLeavesOutSeedsAndCheckpointFolders() {
        auto configs = sweep();
        configs.push_back(flat(R"({"data_seed":4,"model":{"init_seed":5}})"));
        const std::vector<std::string> expected = {"lr", "model.arch", "model.d_model"};
        QCOMPARE(runs::fieldsButSeed(configs), expected);
        QVERIFY(runs::isSeedField("model.init_seed"));
        QVERIFY(!runs::isSeedField("model.d_model"));
    }

    void groupsBySeedlessFieldsWithLabelsNamingWhatDiffers() {
        const auto configs = sweep();
        const auto groups = runs::groupRuns(configs, runs::fieldsButSeed(configs));
        QCOMPARE(groups.size(), size_t(2));
        QCOMPARE(groups[0].members, (std::vector<size_t>{0, 1, 4}));
        QCOMPARE(groups[1].members, (std::vector<size_t>{2, 3}));
        QCOMPARE(groups[0].label, std::string("d_model=36"));
        QCOMPARE(groups[1].label, std::string("d_model=48"));
        QCOMPARE(groups[0].key, std::string("lr=0.003;model.arch=xlstm;model.d_model=36"));
        QCOMPARE(runs::groupKey(configs[1], {"model.d_model", "missing"}), std::string("model.d_model=36;missing=?"));
        QCOMPARE(runs::groupKey(configs[1], {}), std::string());
    }

    void groupingBySeedSplitsAndLabelsUseFullPathsWhenShortNamesClash() {
        const auto configs = sweep();
        const auto bySeed = runs::groupRuns(configs, {"seed"});
        QCOMPARE(bySeed.size(), size_t(3));
        QCOMPARE(bySeed[0].members, (std::vector<size_t>{0, 2}));
        QCOMPARE(bySeed[2].label, std::string("seed=3"));
        const std::vector<runs::FlatConfig> clash = {flat(R"({"a":{"x":1},"b":{"x":2}})"), flat(R"({"a":{"x":3},"b":{"x":2}})"),
                                                     flat(R"({"a":{"x":3},"b":{"x":4}})")};
        const auto groups = runs::groupRuns(clash, {"a.x", "b.x"});
        QCOMPARE(groups.size(), size_t(3));
        QCOMPARE(groups[0].label, std::string("a.x=1 b.x=2"));
        // One group only: nothing tells groups apart, so the label is empty (the GUI says "all runs").
        QCOMPARE(runs::groupRuns(configs, {"lr"}).front().label, std::string());
    }

    void diffShowsOnlyDifferingFieldsUnlessAskedForAll() {
        const auto configs = sweep();
        const std::vector<runs::FlatConfig> two = {configs[0], configs[3]};
        const auto rows = runs::diffConfigs(two, true);
        QCOMPARE(rows.size(), size_t(3));
        QCOMPARE(rows[0].field, std::string("checkpoint_dir"));
        QCOMPARE(rows[1].field, std::string("model.d_model"));
        QCOMPARE(*rows[1].values[0], std::string("36"));
        QCOMPARE(*rows[1].values[1], std::string("48"));
        QCOMPARE(rows[2].field, std::string("seed"));
        const auto all = runs::diffConfigs(two, false);
        QCOMPARE(all.size(), size_t(5));
        QVERIFY(!all[1].differs);   // lr
        // A field one run lacks differs, and its value there is missing (not an empty string).
        const auto missing = runs::diffConfigs({flat(R"({"a":1})"), flat(R"({"a":1,"b":""})")}, true);
        QCOMPARE(missing.size(), size_t(1));
        QVERIFY(!missing[0].values[0].has_value());
        QCOMPARE(*missing[0].values[1], std::string());
    }

    void varyingFieldsCountMissingAsAValue() {
        const std::vector<runs::FlatConfig> c = {flat(R"({"a":1,"b":2})"), flat(R"({"a":1})")};
        QCOMPARE(runs::varyingFields(c, {"a", "b"}), std::vector<std::string>{"b"});
        QCOMPARE(runs::fieldNames(c), (std::vector<std::string>{"a", "b"}));
    }
};

QTEST_APPLESS_MAIN(TestConfigFields)
#include "tst_config_fields.moc"
