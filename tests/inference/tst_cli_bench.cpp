// SPDX-License-Identifier: MIT
// `seqscope-cli bench inference` and `bench fit` as a user runs them (app/cli/cmd_bench.cpp): the
// default markdown table and side-by-side ratios, every point stored (failed ones with their
// reason, the sweep going on), usage errors with exit code 2, and the runtime-model fit on stored
// points and on the built-in H100 measurements, labelled with its decode accounting.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include "storage/store.h"
#include "test_support.h"

using namespace seqscope;
using seqscope::test::runCli;

namespace {

QJsonObject parseObject(const QString& text) {
    const QJsonDocument d = QJsonDocument::fromJson(text.toUtf8());
    if (!d.isObject()) qWarning("not a JSON object: %s", qPrintable(text.left(400)));
    return d.object();
}

const QStringList kTiny = {"bench", "inference", "--arch", "xlstm,transformer", "--preset", "1m", "--gen", "2",
                           "--repeats", "1", "--warmup", "0", "--threads", "1", "--no-hardware"};

}  // namespace

class TestCliBench : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void printsMarkdownTableWithRatiosByDefault() {
        const auto r = runCli(kTiny + QStringList{"--prefill", "16,32,64", "--no-store"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("| arch | model | N | batch | prefill | gen | ttft ms | step ms | tok/s prefill | tok/s decode |"),
                 qPrintable(r.out));
        // one row per point: arch, model, N, batch 1, prefill, gen 2
        QCOMPARE(r.out.count(QRegularExpression(R"(\n\| xlstm \| xlstm-1m \| [^|]+ \| 1 \| (16|32|64) \| 2 \|)")), 3);
        QVERIFY(r.out.contains("step transformer-1m / xlstm-1m"));
        QVERIFY(r.out.contains("Decode accounting: physical"));
        QVERIFY(r.out.contains("not stored (--no-store)"));
    }

    void storesFailedPointsWithReasonAndContinues() {
        QTemporaryDir dir;
        const QString db = dir.filePath("bench.db");
        const auto r = runCli(kTiny + QStringList{"--prefill", "256,512", "--time-limit", "0.001", "--db", db, "--json"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject j = parseObject(r.out);
        QCOMPARE(j["points"].toArray().size(), 4);
        QVERIFY(j["stored"].toBool());
        for (const auto& v : j["points"].toArray()) QCOMPARE(v.toObject()["status"].toString(), QStringLiteral("failed"));

        auto store = storage::Store::open(db.toStdString());
        QVERIFY(store.isOk());
        auto points = (*store)->benchmarkPoints();
        QVERIFY(points.isOk());
        QCOMPARE(points->size(), size_t(4));
        for (const auto& p : *points) {
            QCOMPARE(p.status, std::string("failed"));
            QVERIFY2(p.message.find("time limit") != std::string::npos, p.message.c_str());
            QVERIFY(p.configJson.find("\"cpu_model\"") != std::string::npos);
            QVERIFY(p.configJson.find("\"torch_version\"") != std::string::npos);
        }
        QCOMPARE((*points)[3].prefillLength, 512LL);
    }

    void fitsStoredPoints() {
        QTemporaryDir dir;
        const QString db = dir.filePath("bench.db");
        auto r = runCli(kTiny + QStringList{"--prefill", "32,64,128", "--db", db, "--csv"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out.count('\n'), 7);   // header + 6 points
        QVERIFY(r.out.startsWith("sweep,model,arch,params,batch,prefill,gen,status,ttft_ms"));
        r = runCli({"bench", "fit", "--db", db, "--json"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject j = parseObject(r.out);
        QCOMPARE(j["decode_accounting"].toString(), QStringLiteral("physical"));
        QCOMPARE(j["samples"].toInt(), 6);
        const QJsonArray groups = j["groups"].toArray();
        QCOMPARE(groups.size(), 2);
        QVERIFY(groups[0].toObject()["model"].toString().startsWith("xlstm-1m @ cpu"));
        // one batch size and no context term: the xLSTM's beta_eff is reported as not identifiable
        QCOMPARE(groups[0].toObject()["step"].toObject()["beta_identifiable"].toBool(), false);
    }

    void fitsTheBuiltinH100Measurements() {
        auto r = runCli({"bench", "fit", "--reference", "h100", "--json"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QJsonObject j = parseObject(r.out);
        QCOMPARE(j["decode_accounting"].toString(), QStringLiteral("repository"));
        QCOMPARE(j["groups"].toArray().size(), 12);
        for (const auto& g : j["groups"].toArray()) {
            const double frac = g.toObject()["ttft"].toObject()["alpha_fraction_of_hardware"].toDouble();
            QVERIFY(frac > 0 && frac < 1);
        }
        r = runCli({"bench", "fit", "--dataset", "xlstm-inference-h100", "--accounting", "physical"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains("Decode accounting: physical"));
        QVERIFY(r.out.contains("| transformer | llama2_7b |"));
    }

    void refusesBadUsage_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("prefill 0") << QStringList{"bench", "inference", "--preset", "xlstm-1m", "--prefill", "0", "--no-store"}
                                   << "prefill length";
        QTest::newRow("clock") << QStringList{"bench", "inference", "--preset", "xlstm-1m", "--clock", "sundial"} << "--clock";
        QTest::newRow("preset") << QStringList{"bench", "inference", "--preset", "nope"} << "unknown preset 'nope'";
        QTest::newRow("formats") << QStringList{"bench", "inference", "--preset", "xlstm-1m", "--csv", "--json"} << "at most one";
        QTest::newRow("reference") << QStringList{"bench", "fit", "--reference", "a100"} << "unknown inference dataset";
    }
    void refusesBadUsage() {
        QFETCH(QStringList, args);
        QFETCH(QString, fragment);
        const auto r = runCli(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(fragment), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCliBench)
#include "tst_cli_bench.moc"
