// SPDX-License-Identifier: MIT
// `seqscope-cli fit isoflop|parametric|context` and `optimal`, driven in-process on a fresh database:
// the JSON keys of the contract, --csv input, fits recorded in the store, and errors that name the
// input (exit 1) or the misuse (exit 2).
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/command_line.h"
#include "cli/commands.h"
#include "storage/store.h"

using namespace seqscope;

namespace {

int run(std::vector<std::string> args, std::string* out, std::string* err) {
    cli::Registry registry;
    cli::registerFitCommands(registry);
    args.insert(args.begin(), "seqscope-cli");
    std::vector<const char*> argv;
    for (const auto& a : args) argv.push_back(a.c_str());
    std::ostringstream o, e;
    const int rc = registry.run(static_cast<int>(argv.size()), argv.data(), o, e);
    *out = o.str();
    *err = e.str();
    return rc;
}

// Three budgets of an exact parabola (N* = 0.1 sqrt(C)), D = C / (6N).
std::string syntheticCsv(bool badRow = false) {
    std::ostringstream s;
    s << "arch,params,tokens,flops,loss,budget,ctx\n";
    for (double c : {1e18, 1e19, 1e20}) {
        const double nStar = 0.1 * std::sqrt(c);
        for (int i = 0; i < 6; ++i) {
            const double off = -0.5 + 0.2 * i;
            const double n = nStar * std::pow(10.0, off);
            s.precision(17);
            s << "xlstm," << n << "," << c / (6 * n) << "," << c << "," << 2.0 + 5.0 / std::log10(c) + 0.3 * off * off << ","
              << c << ",2048\n";
        }
    }
    if (badRow) s << "xlstm,1e9,1e10,6e19,-2.5,,2048\n";
    return s.str();
}

}  // namespace

class TestCliFit : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::string db() const { return m_dir.filePath(QStringLiteral("fits.db")).toStdString(); }
    std::string file(const char* name, const std::string& text) const {
        const std::string path = m_dir.filePath(QString::fromUtf8(name)).toStdString();
        std::ofstream(path) << text;
        return path;
    }

private slots:
    void isoflopOnBuiltinDatasetGivesBudgetsAndLaws() {
        std::string out, err;
        QCOMPARE(run({"fit", "isoflop", "--db", db(), "--dataset", "xlstm-paper", "--arch", "transformer", "--ctx", "8192",
                      "--set", "isoflop_ctx8192", "--budget-range", "5e18,2e20", "--json"},
                     &out, &err),
                 0);
        const auto j = nlohmann::json::parse(out);
        QCOMPARE(j["budgets"].size(), size_t(4));
        for (const auto& b : j["budgets"])
            for (const char* key : {"budget", "compute", "n_runs", "N_opt", "D_opt", "L_opt", "a", "b", "c", "ci"})
                QVERIFY2(b.contains(key), key);
        QVERIFY(std::fabs(j["n_opt_law"]["a"].get<double>() - 0.575) < 0.0005);
        QVERIFY(j["n_opt_law"]["a_stderr"].get<double>() > 0);
        QVERIFY(j["d_opt_law"].contains("A"));
        QVERIFY(j["fit_id"].is_number());

        auto store = storage::Store::open(db());
        QVERIFY(store.isOk());
        auto fits = store.value()->fits();
        QVERIFY(fits.isOk());
        QCOMPARE(fits->size(), size_t(1));
        QCOMPARE(fits->at(0).kind, std::string("isoflop"));
        QVERIFY(nlohmann::json::parse(fits->at(0).selectionJson)["dataset"] == "xlstm-paper");
    }

    void csvInputFitsWithoutTheDatabase() {
        const std::string csv = file("runs.csv", syntheticCsv());
        std::string out, err;
        QCOMPARE(run({"fit", "isoflop", "--db", m_dir.filePath("unused.db").toStdString(), "--csv", csv, "--no-store", "--json"},
                     &out, &err),
                 0);
        const auto j = nlohmann::json::parse(out);
        QVERIFY(j["fit_id"].is_null());
        QVERIFY(std::fabs(j["n_opt_law"]["a"].get<double>() - 0.5) < 1e-9);
        QVERIFY(!QFile::exists(m_dir.filePath("unused.db")));
    }

    void parametricOnCsvGivesTheContractKeys() {
        const std::string csv = file("param.csv", syntheticCsv());
        std::string out, err;
        QCOMPARE(run({"fit", "parametric", "--db", db(), "--csv", csv, "--gamma", "1", "--threads", "2", "--json"}, &out, &err), 0);
        const auto j = nlohmann::json::parse(out);
        for (const char* key : {"E", "A", "B", "alpha", "beta", "gamma", "objective", "start", "starts"})
            QVERIFY2(j.contains(key), key);
        QCOMPARE(j["starts"].get<int>(), 2000);
        QCOMPARE(j["gamma"].get<double>(), 1.0);
        QVERIFY(!j.contains("intervals"));
    }

    // Values, not just keys: points on an exact Chinchilla law L = E + A/N^alpha + B/D^beta come back
    // as that law.
    void parametricRecoversAnExactLaw() {
        std::ostringstream csv;
        csv << "arch,params,tokens,flops,loss,budget,ctx\n";
        csv.precision(17);
        const double E = 1.8, A = 400, B = 2000, alpha = 0.34, beta = 0.28;
        for (double n : {1e7, 3e7, 1e8, 3e8, 1e9})
            for (double d : {1e9, 3e9, 1e10, 3e10, 1e11})
                csv << "xlstm," << n << "," << d << "," << 6 * n * d << "," << E + A / std::pow(n, alpha) + B / std::pow(d, beta)
                    << ",,2048\n";
        const std::string path = file("law.csv", csv.str());
        std::string out, err;
        QCOMPARE(run({"fit", "parametric", "--db", db(), "--csv", path, "--gamma", "1", "--threads", "2", "--no-store", "--json"},
                     &out, &err),
                 0);
        const auto j = nlohmann::json::parse(out);
        const std::pair<const char*, double> truth[] = {{"E", E}, {"A", A}, {"B", B}, {"alpha", alpha}, {"beta", beta}};
        for (const auto& [key, value] : truth)
            QVERIFY2(std::fabs(j[key].get<double>() / value - 1) < 1e-3,
                     qPrintable(QStringLiteral("%1 = %2, the law's %3").arg(key).arg(j[key].get<double>()).arg(value)));
        QVERIFY(j["objective"].get<double>() < 1e-8);
    }

    void badCsvRowFailsNamingTheLine() {
        const std::string csv = file("bad.csv", syntheticCsv(true));
        std::string out, err;
        QCOMPARE(run({"fit", "isoflop", "--db", db(), "--csv", csv, "--no-store"}, &out, &err), 1);
        QVERIFY2(err.find("bad.csv:20:") != std::string::npos, err.c_str());
    }

    void unmatchedFilterListsWhatExists() {
        std::string out, err;
        QCOMPARE(run({"fit", "isoflop", "--db", db(), "--dataset", "xlstm-paper", "--arch", "xlstm", "--ctx", "4096"}, &out, &err), 1);
        QVERIFY2(err.find("no runs match") != std::string::npos && err.find("ctx: ") != std::string::npos &&
                     err.find("8192") != std::string::npos,
                 err.c_str());
        QCOMPARE(run({"fit", "isoflop", "--db", db(), "--dataset", "no-such-dataset"}, &out, &err), 1);
    }

    void datasetAndCsvTogetherIsAUsageError() {
        std::string out, err;
        QCOMPARE(run({"fit", "isoflop", "--db", db(), "--dataset", "xlstm-paper", "--csv", "x.csv"}, &out, &err), 2);
        QCOMPARE(run({"fit", "parametric", "--db", db(), "--dataset", "chinchilla", "--gamma", "2"}, &out, &err), 2);
        QVERIFY(err.find("--gamma") != std::string::npos);
        QCOMPARE(run({"fit", "isoflop", "--db", db(), "--dataset", "xlstm-paper", "--budget-range", "5e18"}, &out, &err), 2);
    }

    void optimalFromIsoflopLawsEvaluatesTheLaws() {
        const std::string csv = file("opt.csv", syntheticCsv());
        std::string out, err;
        QCOMPARE(run({"optimal", "--db", db(), "--csv", csv, "--no-store", "--method", "isoflop", "--compute", "1e22", "--json"},
                     &out, &err),
                 0);
        const auto j = nlohmann::json::parse(out);
        QVERIFY(std::fabs(j["N_opt"].get<double>() / (0.1 * 1e11) - 1) < 1e-6);
        QCOMPARE(j["allocations"].size(), size_t(1));
    }

    // --source runs | sweep:ID | tag:TAG: the user's finished runs, read the way the workbench reads
    // them (workspace/scaling_sources.h), fitted per budget; the stored fit names its source.
    void isoflopOnTheUsersRunsBySource() {
        const std::string path = m_dir.filePath(QStringLiteral("runs.db")).toStdString();
        {
            auto store = storage::Store::open(path);
            QVERIFY(store);
            storage::SweepRecord sweep;
            sweep.name = "mini";
            auto sweepId = (*store)->createSweep(sweep);
            QVERIFY(sweepId);
            for (double budget : {3e11, 1e12})
                for (int d : {16, 24, 32, 48, 64}) {
                    nlohmann::json c = {{"model", {{"arch", "xlstm"}, {"d_model", d}, {"layers", 2}, {"heads", 1}, {"head_dim_qk", d / 2},
                                                   {"head_dim_v", d}, {"ffn_dim", 64 * ((d * 8 / 3 + 63) / 64)}, {"vocab", 260},
                                                   {"chunk", 64}, {"max_context", 128}}},
                                        {"context", 128}, {"budget_kind", "flops"}, {"budget", budget}, {"batch_tokens", 2048}};
                    storage::RunRecord r;
                    r.arch = "xlstm";
                    r.ctx = 128;
                    r.configJson = c.dump();
                    r.tags = {"demo"};
                    r.sweepId = *sweepId;
                    auto id = (*store)->createRun(r);
                    QVERIFY(id);
                    storage::MetricPoint m;
                    m.step = 1;
                    m.name = "val_loss";
                    m.value = 3.0 - 0.1 * std::log10(budget) + 0.02 * (d - 36) * (d - 36) / 36.0;
                    QVERIFY((*store)->appendMetrics(*id, {m}));
                    QVERIFY((*store)->finishRun(*id, storage::RunStatus::Finished));
                }
        }
        for (const char* source : {"runs", "sweep:mini", "sweep:1", "tag:demo"}) {
            std::string out, err;
            QCOMPARE(run({"fit", "isoflop", "--db", path, "--source", source, "--json"}, &out, &err), 0);
            const auto j = nlohmann::json::parse(out);
            QVERIFY2(j["budgets"].size() == 2, out.c_str());
            QCOMPARE(int(j["runs_used"]), 10);
            QCOMPARE(j["selection"]["source"].get<std::string>(), std::string(source));
        }
        auto store = storage::Store::open(path);
        auto fits = (*store)->fits();
        QVERIFY(fits && !fits->empty());
        const auto sel = nlohmann::json::parse(fits->back().selectionJson);
        QCOMPARE(sel["source"].get<std::string>(), std::string("tag:demo"));
        QVERIFY(sel.contains("seqscope_version"));
        std::string out, err;
        QCOMPARE(run({"fit", "isoflop", "--db", path, "--source", "sweep:"}, &out, &err), 2);
        QVERIFY2(err.find("sweep:") != std::string::npos, err.c_str());
        QCOMPARE(run({"fit", "isoflop", "--db", path, "--source", "sweep:nope"}, &out, &err), 1);
        QVERIFY2(err.find("nope") != std::string::npos, err.c_str());
        QCOMPARE(run({"fit", "isoflop", "--db", path, "--source", "runs", "--dataset", "xlstm-paper"}, &out, &err), 2);
    }
};

QTEST_GUILESS_MAIN(TestCliFit)
#include "tst_cli_fit.moc"
