// SPDX-License-Identifier: MIT
// The built-in datasets (resources/datasets, embedded): they parse under the results-table contract,
// hold the run counts and filter outcomes of scaling-laws.md sections 6-7 and 9, agree with the C++
// accounting row by row, and openWorkspace imports each of them once.
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>

#include "analysis/accounting.h"
#include "analysis/builtin_datasets.h"
#include "storage/results_table.h"
#include "test_support.h"
#include "workspace/workspace.h"

using namespace seqscope;
using namespace seqscope::analysis;

namespace {

std::vector<storage::ResultRow> parsed(const std::string& name) {
    const BuiltinDataset* d = findBuiltinDataset(name);
    if (!d) return {};
    auto rows = storage::parseResultsTable(d->csv, name);
    if (!rows) qWarning("%s", rows.status().message().c_str());
    return rows ? rows.value() : std::vector<storage::ResultRow>{};
}

double extraNumber(const storage::ResultRow& row, const char* key) {
    const auto j = nlohmann::json::parse(row.extraJson);
    if (!j.contains(key) || j[key].get<std::string>().empty()) return NAN;
    return std::stod(j[key].get<std::string>());
}

}  // namespace

class TestBuiltinDatasets : public QObject {
    Q_OBJECT

private slots:
    void bothResultsTablesAreBuiltIn() {
        QCOMPARE(static_cast<int>(builtinDatasets().size()), 2);
        QCOMPARE(builtinDatasets()[0].name, std::string("xlstm-paper"));
        QCOMPARE(builtinDatasets()[1].name, std::string("chinchilla"));
        for (const auto& d : builtinDatasets()) {
            QVERIFY(!d.title.empty() && !d.source.empty() && !d.citation.empty() && !d.license.empty());
            QVERIFY(d.csv.size() > 1000);
        }
        QVERIFY(findBuiltinDataset("nope") == nullptr);
        QVERIFY(builtinInferenceMeasurementsCsv().find("arch,model,batch,prefill,ttft_ms,step_ms") != std::string_view::npos);
    }

    void paperDatasetHoldsTheReleasedRunsAndFilters() {
        const auto rows = parsed("xlstm-paper");
        QCOMPARE(static_cast<int>(rows.size()), 728);
        std::map<std::string, std::pair<int, int>> counts;   // set/arch -> (included, rows)
        for (const auto& r : rows) {
            auto& c = counts[r.set + "/" + r.arch];
            c.first += r.included ? 1 : 0;
            c.second += 1;
            QVERIFY2(r.included == r.excludedReason.empty(), r.run.c_str());
        }
        // Section 6: runs per set the paper's analysis keeps.
        QCOMPARE(counts["isoflop_ctx2048/xlstm"].first, 87);
        QCOMPARE(counts["isoflop_ctx2048/transformer"].first, 84);
        QCOMPARE(counts["isoflop_ctx8192/xlstm"].first, 145);
        QCOMPARE(counts["isoflop_ctx8192/transformer"].first, 107);
        QCOMPARE(counts["isoflop_ctx16384/xlstm"].first, 81);
        QCOMPARE(counts["isoflop_ctx16384/transformer"].first, 70);
        QCOMPARE(counts["tokenparam_ctx8192/xlstm"].second, 35);
        QCOMPARE(counts["tokenparam_ctx8192/transformer"].second, 31);
        QCOMPARE(counts["isoflop_ctx8192_gbs256_ablation/xlstm"].first, 0);
        QCOMPARE(counts["isoflop_ctx8192_chinchilla_flops/transformer"].first, 0);
    }

    void paperDatasetAgreesWithTheAccounting() {
        int checked = 0;
        for (const auto& r : parsed("xlstm-paper")) {
            Arch arch;
            QVERIFY(parseArch(r.arch, &arch));
            const ModelShape s = makeShape(arch, static_cast<int>(extraNumber(r, "d_model")),
                                           static_cast<int>(extraNumber(r, "n_layers")), static_cast<int>(extraNumber(r, "n_heads")));
            QVERIFY2(static_cast<double>(parameterCount(s)) == r.params, r.run.c_str());
            TrainingFlopOptions o;
            if (r.set == "isoflop_ctx8192_chinchilla_flops") o.attention = AttentionFlopMode::Chinchilla;
            const double sequences = extraNumber(r, "gbs") * extraNumber(r, "steps");
            QVERIFY2(seqscope::test::fuzzyCompare(trainingCompute(s, r.ctx, sequences, o), r.flops, 1e-12), r.run.c_str());
            QCOMPARE(r.tokens, sequences * static_cast<double>(r.ctx));
            if (!std::isnan(r.budget)) QVERIFY2(std::fabs(r.flops - r.budget) < 0.1 * r.budget, r.run.c_str());
            ++checked;
        }
        QCOMPARE(checked, 728);
    }

    void chinchillaDropsTheFiveHighestLosses() {
        const auto rows = parsed("chinchilla");
        QCOMPARE(static_cast<int>(rows.size()), 245);
        double lowestDropped = INFINITY, highestKept = 0;
        int kept = 0;
        for (const auto& r : rows) {
            QVERIFY(seqscope::test::fuzzyCompare(r.tokens, r.flops / (6 * r.params), 1e-12));
            if (r.included) {
                ++kept;
                highestKept = std::max(highestKept, r.loss);
            } else {
                lowestDropped = std::min(lowestDropped, r.loss);
            }
        }
        QCOMPARE(kept, 240);
        QVERIFY(highestKept < lowestDropped);
    }

    void openWorkspaceImportsEachDatasetOnce() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string path = dir.filePath(QStringLiteral("sub/ws.db")).toStdString();
        workspace::WorkspaceReport report;
        {
            auto store = workspace::openWorkspace(path, &report);
            QVERIFY2(store.isOk(), store.status().message().c_str());
            QCOMPARE(report.imported, (std::vector<std::string>{"xlstm-paper", "chinchilla"}));
            auto sets = store.value()->referenceDatasets();
            QVERIFY(sets.isOk());
            QCOMPARE(static_cast<int>(sets->size()), 2);
            auto rows = store.value()->resultRows("chinchilla");
            QVERIFY(rows.isOk());
            QCOMPARE(static_cast<int>(rows->size()), 245);
        }
        auto again = workspace::openWorkspace(path, &report);
        QVERIFY2(again.isOk(), again.status().message().c_str());
        QVERIFY(report.imported.empty());
        QCOMPARE(report.kept, (std::vector<std::string>{"xlstm-paper", "chinchilla"}));
        auto rows = again.value()->resultRows("xlstm-paper");
        QVERIFY(rows.isOk());
        QCOMPARE(static_cast<int>(rows->size()), 728);
    }

    void openWorkspaceReportsAFileThatIsNotADatabase() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("not.db"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is not sqlite, just text that is long enough to look like a file header......");
        f.close();
        auto store = workspace::openWorkspace(path.toStdString());
        QVERIFY(!store.isOk());
    }
};

QTEST_GUILESS_MAIN(TestBuiltinDatasets)
#include "tst_builtin_datasets.moc"
