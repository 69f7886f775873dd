// SPDX-License-Identifier: MIT
// Import and export (storage/results_table.h, storage/interchange.h): the results-table CSV
// contract, JSON and CSV round trips, and malformed input reported with file:line:column while
// the database stays exactly as it was (one transaction).
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <sstream>

#include "storage/interchange.h"
#include "storage/results_table.h"
#include "storage/store.h"
#include "test_support.h"

using namespace seqscope;
using namespace seqscope::storage;

namespace {

RunRecord plainRun(const std::string& name) {
    RunRecord r;
    r.name = name;
    r.arch = "xlstm";
    return r;
}

// A store with one sweep, two runs (tags, NaN value), a fit over both and a benchmark point.
std::unique_ptr<Store> populatedStore(const std::string& path) {
    auto store = std::move(*Store::open(path));
    const long long sweep = *store->createSweep({0, "ctx-sweep", R"({"ctx":[2048,8192]})", "two contexts", 0});
    RunRecord a;
    a.name = "xl-2k";
    a.arch = "xlstm";
    a.params = 1.6e8;
    a.ctx = 2048;
    a.tags = {"baseline", "has,comma"};
    a.sweepId = sweep;
    a.configJson = R"({"d_model":768})";
    RunRecord b = a;
    b.name = "tf-2k \"quoted\"";
    b.arch = "transformer";
    b.tags = {};
    b.notes = "line one\nline two";
    const long long ia = *store->createRun(a), ib = *store->createRun(b);
    (void)store->finishRun(ia, RunStatus::Finished);
    (void)store->appendMetrics(ia, {{1, 2048, 1e12, 0.25, "train_loss", 4.0}, {2, 4096, 2e12, 0.5, "train_loss", NAN}});
    (void)store->appendMetrics(ib, {{1, 2048, 1e12, 0.3, "val_loss", 4.4}});
    FitRecord fit;
    fit.kind = "parametric";
    fit.label = "L(N,D)";
    fit.inputRuns = {ia, ib};
    fit.paramsJson = R"({"E":{"value":1.7,"ci":[1.6,1.8]}})";
    fit.objective = 0.0125;
    (void)store->addFit(fit);
    BenchmarkPoint bp;
    bp.arch = "xlstm";
    bp.batch = 4;
    bp.prefillLength = 1024;
    bp.generatedTokens = 128;
    bp.ttftMs = 12.5;
    bp.device = "cpu";
    (void)store->addBenchmarkPoint(bp);
    return store;
}

void compareWithPopulated(Store& store, const std::vector<long long>& ids) {
    RunFilter filter;
    filter.ids = ids;
    auto runs = store.runs(filter);
    QCOMPARE(runs->size(), size_t(2));
    const RunRecord& a = runs->at(0);
    const RunRecord& b = runs->at(1);
    QCOMPARE(QString::fromStdString(a.name), QStringLiteral("xl-2k"));
    QCOMPARE(QString::fromStdString(b.name), QStringLiteral("tf-2k \"quoted\""));
    QCOMPARE(QString::fromStdString(b.notes), QStringLiteral("line one\nline two"));
    QCOMPARE(QString::fromLatin1(toString(a.status)), QStringLiteral("finished"));
    QCOMPARE(a.params, 1.6e8);
    QCOMPARE(QString::fromStdString(a.configJson), QStringLiteral(R"({"d_model":768})"));
    QVERIFY(a.sweepId != 0 && a.sweepId == b.sweepId);
    QCOMPARE(QString::fromStdString(store.sweeps()->front().name), QStringLiteral("ctx-sweep"));
    auto rows = store.metricsAfterStep({a.id}, -1);
    QCOMPARE(rows->size(), size_t(2));
    QCOMPARE(rows->at(0).value, 4.0);
    QCOMPARE(rows->at(0).tokens, 2048LL);
    QVERIFY(std::isnan(rows->at(1).value));
    auto fits = store.fits();
    QCOMPARE(fits->size(), size_t(1));
    QCOMPARE(fits->front().inputRuns, (std::vector<long long>{a.id, b.id}));   // remapped to the new ids
    QCOMPARE(fits->front().objective, 0.0125);
    QCOMPARE(store.benchmarkPoints()->size(), size_t(1));
    QCOMPARE(store.benchmarkPoints()->front().ttftMs, 12.5);
}

}  // namespace

class TestStorageImport : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_counter = 0;
    std::string newPath() { return m_dir.filePath(QStringLiteral("import-%1.db").arg(++m_counter)).toStdString(); }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void parsesResultsTable() {
        const std::string csv =
            "\xEF\xBB\xBF# scaling results\r\n"
            "Arch,PARAMS,loss,tokens,flops,ctx,set,included,excluded_reason,run,lr\r\n"
            "\r\n"
            "xlstm,1.6e8,3.21,3.2e9,,2048,isoflop,1,,r1,1e-3\r\n"
            "transformer,\"4e8\",3.05,,9.6e18,8192,isoflop,no,\"too small, unstable\",r2,\"3e-4\"\r\n";
        auto rows = parseResultsTable(csv, "t.csv");
        QVERIFY2(rows.isOk(), rows.status().message().c_str());
        QCOMPARE(rows->size(), size_t(2));
        const ResultRow& a = rows->at(0);
        QCOMPARE(QString::fromStdString(a.arch), QStringLiteral("xlstm"));
        QCOMPARE(a.params, 1.6e8);
        QCOMPARE(a.tokens, 3.2e9);
        QVERIFY(std::isnan(a.flops));
        QCOMPARE(a.ctx, 2048LL);
        QCOMPARE(a.sourceLine, 4);
        QCOMPARE(QString::fromStdString(a.extraJson), QStringLiteral(R"({"lr":"1e-3"})"));
        const ResultRow& b = rows->at(1);
        QCOMPARE(b.included, false);
        QCOMPARE(QString::fromStdString(b.excludedReason), QStringLiteral("too small, unstable"));
        QCOMPARE(b.flops, 9.6e18);
        QCOMPARE(b.sourceLine, 5);
        // Writing and reading again gives the same rows.
        auto again = parseResultsTable(formatResultsTable(*rows), "again.csv");
        QVERIFY2(again.isOk(), again.status().message().c_str());
        QCOMPARE(again->at(1).flops, 9.6e18);
        QCOMPARE(QString::fromStdString(again->at(1).excludedReason), QStringLiteral("too small, unstable"));
        QCOMPARE(QString::fromStdString(again->at(0).extraJson), QStringLiteral(R"({"lr":"1e-3"})"));
    }

    void reportsMalformedResultsTableAtLineAndColumn_data() {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<QString>("error");
        QTest::newRow("unclosed quote") << QByteArray("arch,params,loss,tokens\nxlstm,\"1e8,3.1,2e9\n")
                                        << QStringLiteral("t.csv:2:7: quoted field is never closed");
        QTest::newRow("not a number") << QByteArray("arch,params,loss,tokens\nxlstm,abc,3.1,2e9\n")
                                      << QStringLiteral("t.csv:2:7: params 'abc' is not a finite number");
        QTest::newRow("missing column") << QByteArray("arch,params,tokens\nxlstm,1,2\n")
                                        << QStringLiteral("t.csv:1:1: missing required column 'loss'");
        QTest::newRow("too few fields") << QByteArray("arch,params,loss,tokens\nxlstm,1e8,3.1\n")
                                        << QStringLiteral("t.csv:2:14: row has 3 fields, the header has 4");
        QTest::newRow("comments keep line numbers") << QByteArray("# c\n\narch,params,loss,flops\n\nxlstm,1e8,-3,1e18\n")
                                                    << QStringLiteral("t.csv:5:11: loss -3 must be positive");
        QTest::newRow("neither tokens nor flops") << QByteArray("arch,params,loss,tokens,flops\nxlstm,1e8,3,,\n")
                                                  << QStringLiteral("t.csv:2:13: row gives neither tokens nor flops");
        QTest::newRow("bare quote") << QByteArray("arch,params,loss,tokens\nxl\"stm,1,2,3\n")
                                    << QStringLiteral("t.csv:2:3: quote inside an unquoted field (quote the whole field and double the quote)");
        QTest::newRow("text after quote") << QByteArray("\"arch\"x,params,loss,tokens\n")
                                          << QStringLiteral("t.csv:1:7: unexpected 'x' after a closing quote");
        QTest::newRow("duplicate column") << QByteArray("arch,params,Loss,loss,tokens\n")
                                          << QStringLiteral("t.csv:1:18: duplicate column 'loss'");
        QTest::newRow("fractional ctx") << QByteArray("arch,params,loss,tokens,ctx\nxlstm,1,2,3,2.5\n")
                                        << QStringLiteral("t.csv:2:13: ctx '2.5' is not a non-negative whole number");
        QTest::newRow("empty file") << QByteArray("") << QStringLiteral("t.csv:1:1: no header row (expected arch,params,loss,tokens|flops)");
    }
    void reportsMalformedResultsTableAtLineAndColumn() {
        QFETCH(QByteArray, csv);
        QFETCH(QString, error);
        auto rows = parseResultsTable(std::string_view(csv.constData(), static_cast<size_t>(csv.size())), "t.csv");
        QVERIFY(!rows.isOk());
        QCOMPARE(rows.status().code(), StatusCode::InvalidArgument);
        QCOMPARE(QString::fromStdString(rows.status().message()), error);
        QVERIFY(rows->empty());
    }

    void roundTripsThroughJson() {
        auto source = populatedStore(newPath());
        auto bundle = loadBundle(*source, {});
        QVERIFY2(bundle.isOk(), bundle.status().message().c_str());
        std::ostringstream text;
        QVERIFY(writeBundleJson(*bundle, text).isOk());
        auto parsed = readBundleJson(text.str(), "export.json");
        QVERIFY2(parsed.isOk(), parsed.status().message().c_str());
        auto target = std::move(*Store::open(newPath()));
        (void)target->createRun(plainRun("occupies id 1"));   // so ids must be remapped
        auto summary = saveBundle(*target, *parsed);
        QVERIFY2(summary.isOk(), summary.status().message().c_str());
        QCOMPARE(summary->runs, 2LL);
        QCOMPARE(summary->metrics, 3LL);
        QCOMPARE(summary->newRunIds, (std::vector<long long>{2, 3}));
        compareWithPopulated(*target, summary->newRunIds);
        QCOMPARE(target->run(summary->newRunIds.front())->tags, (std::vector<std::string>{"baseline", "has,comma"}));
    }

    void roundTripsThroughCsvDirectory() {
        auto source = populatedStore(newPath());
        auto bundle = loadBundle(*source, {});
        const std::string dir = m_dir.filePath(QStringLiteral("csv-export")).toStdString();
        QVERIFY(writeBundleCsv(*bundle, dir).isOk());
        auto parsed = readBundleCsv(dir);
        QVERIFY2(parsed.isOk(), parsed.status().message().c_str());
        auto target = std::move(*Store::open(newPath()));
        auto summary = saveBundle(*target, *parsed);
        QVERIFY2(summary.isOk(), summary.status().message().c_str());
        compareWithPopulated(*target, summary->newRunIds);
    }

    void selectedExportCarriesOnlyCompleteFits() {
        auto source = populatedStore(newPath());
        ExportOptions options;
        options.runIds = {1};
        auto bundle = loadBundle(*source, options);
        QVERIFY(bundle.isOk());
        QCOMPARE(bundle->runs.size(), size_t(1));
        QCOMPARE(bundle->fits.size(), size_t(0));            // the fit also used run 2
        QCOMPARE(bundle->benchmarkPoints.size(), size_t(0));
        options.runIds = {1, 77};
        QCOMPARE(loadBundle(*source, options).status().code(), StatusCode::NotFound);
    }

    void reportsMalformedJsonAtLineAndColumn_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("error");
        const QByteArray head = "{\"format\": \"seqscope-export\", \"format_version\": 1,\n";
        QTest::newRow("syntax") << head + "\"runs\": [\n  {\"id\": 1,, \"arch\": \"xlstm\"}\n]}"
                                << QStringLiteral("f.json:3:12: syntax error while parsing object key - unexpected ','; expected string literal");
        QTest::newRow("wrong type") << head + "\"runs\": [\n  {\"id\": 1, \"arch\": \"xlstm\", \"params\": \"big\"}\n]}"
                                    << QStringLiteral("f.json:3:40: \"params\" must be a number");
        QTest::newRow("missing arch") << head + "\"runs\": [\n  {\"id\": 1}\n]}"
                                      << QStringLiteral("f.json:3:3: missing \"arch\"");
        QTest::newRow("bad metric cell")
            << head + "\"runs\": [{\"id\": 1, \"arch\": \"xlstm\", \"metrics\": {\"columns\": [\"step\",\"tokens\",\"flops\",\"wall_time\",\"name\",\"value\"],\n"
                      "  \"rows\": [[0, 0, 0, 0, \"train_loss\", 3.0],\n           [1, 0, 0, 0, \"train_loss\", \"x\"]]}}]}"
            << QStringLiteral("f.json:4:39: value must be a number or null");
        QTest::newRow("unknown status") << head + "\"runs\": [{\"id\": 1, \"arch\": \"xlstm\",\n \"status\": \"paused\"}]}"
                                        << QStringLiteral("f.json:3:12: unknown run status 'paused'");
        QTest::newRow("fit of a missing run") << head + "\"runs\": [],\n\"fits\": [{\"kind\": \"parametric\", \"input_runs\": [5]}]}"
                                              << QStringLiteral("f.json:3:48: run 5 is not in this file's \"runs\"");
        QTest::newRow("not an export") << QByteArray("[1, 2]") << QStringLiteral("f.json:1:1: expected a Seqscope export (a JSON object)");
        // Found by fuzz_bundle_json: a number too large for any type aborted the import (uncaught).
        QTest::newRow("number overflow") << QByteArray("{\"format\": 17E96641429}")
                                         << QStringLiteral("f.json: [json.exception.out_of_range.406] number overflow parsing '17E96641429'");
    }
    void reportsMalformedJsonAtLineAndColumn() {
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        auto bundle = readBundleJson(std::string_view(json.constData(), static_cast<size_t>(json.size())), "f.json");
        QVERIFY(!bundle.isOk());
        QCOMPARE(QString::fromStdString(bundle.status().message()), error);
    }

    void failedImportWritesNothing() {
        auto store = std::move(*Store::open(newPath()));
        (void)store->createRun(plainRun("existing"));
        const auto before = store->check().value();
        // Valid to parse, but the second run names a sweep that exists nowhere: the failure comes
        // after the first run was inserted, so only the transaction can undo it.
        Bundle bundle;
        BundleRun first, second;
        first.run.id = 1;
        first.run.arch = "xlstm";
        first.metrics = {{1, 0, 0, 0, "train_loss", 3.0}};
        second.run.id = 2;
        second.run.arch = "xlstm";
        second.sweepName = "no-such-sweep";
        bundle.runs = {first, second};
        auto summary = saveBundle(*store, bundle);
        QVERIFY(!summary.isOk());
        QVERIFY2(summary.status().message().find("nothing was written") != std::string::npos, summary.status().message().c_str());
        const auto after = store->check().value();
        QCOMPARE(after.runs, before.runs);
        QCOMPARE(after.metrics, before.metrics);
        QCOMPARE(after.metricNames, before.metricNames);
    }

    void reportsMalformedCsvDirectoryAtLineAndColumn() {
        auto source = populatedStore(newPath());
        const QString dir = m_dir.filePath(QStringLiteral("csv-broken"));
        QVERIFY(writeBundleCsv(*loadBundle(*source, {}), dir.toStdString()).isOk());
        QFile metrics(dir + QStringLiteral("/metrics.csv"));
        QVERIFY(metrics.open(QIODevice::ReadOnly));
        QList<QByteArray> lines = metrics.readAll().split('\n');
        metrics.close();
        QCOMPARE(lines.value(0), QByteArray("run_id,step,tokens,flops,wall_time,name,value"));
        lines[2] = "1,2,4096,2000000000000,0.5,train_loss,abc";
        QVERIFY(metrics.open(QIODevice::WriteOnly | QIODevice::Truncate));
        metrics.write(lines.join('\n'));
        metrics.close();
        auto parsed = readBundleCsv(dir.toStdString());
        QVERIFY(!parsed.isOk());
        QCOMPARE(QString::fromStdString(parsed.status().message()),
                 QDir(dir).filePath(QStringLiteral("metrics.csv")) + QStringLiteral(":3:39: value 'abc' is not a finite number"));
    }
};

QTEST_GUILESS_MAIN(TestStorageImport)
#include "tst_storage_import.moc"
