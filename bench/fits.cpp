// SPDX-License-Identifier: MIT
// bench/fits: the parametric L(N, D) grid fit of scaling-laws.md 8.3 with gamma fitted (8,000
// starts) on the xLSTM paper's token/param set, timed. --search pruned (default) or full picks the
// grid search (StartSearch, parametric_fit.h); --screen-iterations, --survivors,
// --pre-screen-iterations and --pre-screen-keep (0 = off) override the pruned search's stages.
// With --stride K only starts 0, K, 2K, ... run to the end, one after another on one thread, so
// bench/fits_scipy.py can time SciPy's L-BFGS-B on exactly the same starts and compare like for like. --dump-points writes the (N, D, loss) rows it fitted.
//   build/bench/fits --threads 0 --search full --json             # full grid, every start, all cores
//   build/bench/fits --stride 40 --threads 1 --dump-points p.csv --json
#include <nlohmann/json.hpp>

#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>

#include "analysis/parametric_fit.h"
#include "storage/results_table.h"
#include "workspace/scaling_points.h"

using namespace seqscope;
using namespace seqscope::analysis;

namespace {

std::string cpuModel() {
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("model name", 0) == 0) {
            const auto colon = line.find(':');
            return colon == std::string::npos ? line : line.substr(colon + 2);
        }
    return "unknown";
}

int usage(const char* why) {
    std::fprintf(stderr,
                 "fits: %s\nusage: fits [--csv FILE] [--arch xlstm] [--set tokenparam_ctx8192] [--gamma fit|1] "
                 "[--grid paper|epoch] [--search pruned|full] [--screen-iterations K] [--survivors S] "
                 "[--pre-screen-iterations K] [--pre-screen-keep S] [--threads N] [--stride K] [--dump-points FILE] [--json]\n",
                 why);
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    std::string csv = std::string(SEQSCOPE_SOURCE_DIR) + "/resources/datasets/xlstm_paper.csv";
    std::string arch = "xlstm", set = "tokenparam_ctx8192", dump, grid = "paper", search = "pruned";
    bool gamma = true, json = false;
    int threads = 0, stride = 1, screenIterations = -1, survivors = -1, preIterations = -1,
        preKeep = -1;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) throw std::runtime_error(a + " needs a value");
            return argv[++i];
        };
        try {
            if (a == "--csv") csv = value();
            else if (a == "--arch") arch = value();
            else if (a == "--set") set = value();
            else if (a == "--gamma") gamma = value() == "fit";
            else if (a == "--grid") grid = value();
            else if (a == "--search") search = value();
            else if (a == "--threads") threads = std::stoi(value());
            else if (a == "--stride") stride = std::stoi(value());
            else if (a == "--screen-iterations") screenIterations = std::stoi(value());
            else if (a == "--survivors") survivors = std::stoi(value());
            else if (a == "--pre-screen-iterations") preIterations = std::stoi(value());
            else if (a == "--pre-screen-keep") preKeep = std::stoi(value());
            else if (a == "--dump-points") dump = value();
            else if (a == "--json") json = true;
            else return usage(("unknown option " + a).c_str());
        } catch (const std::exception& e) {
            return usage(e.what());
        }
    }
    if (stride < 1) return usage("--stride must be >= 1");
    if (grid != "paper" && grid != "epoch") return usage("--grid must be paper or epoch");
    if (search != "pruned" && search != "full") return usage("--search must be pruned or full");
    if (grid == "epoch" && gamma) return usage("--grid epoch has no gamma values: use --gamma 1");
    std::ifstream in(csv, std::ios::binary);
    if (!in) return usage(("cannot read " + csv).c_str());
    std::ostringstream text;
    text << in.rdbuf();
    auto rows = storage::parseResultsTable(text.str(), csv);
    if (!rows) return usage(rows.status().message().c_str());
    workspace::PointFilter filter;
    filter.arch = arch;
    filter.set = set;
    const auto points = workspace::toScalingPoints(rows.value(), filter);
    if (points.empty()) return usage("no rows match --arch/--set");
    if (!dump.empty()) {
        std::ofstream out(dump);
        out.precision(17);
        out << "N,D,loss\n";
        for (const auto& p : points) out << p.params << "," << p.tokens << "," << p.loss << "\n";
    }

    ParametricOptions o;
    o.fitGamma = gamma;
    o.threads = threads;
    if (grid == "epoch") o.grid = ParametricGrid::epochChinchilla();
    o.search = search == "full" ? StartSearch::Exhaustive : StartSearch::Pruned;
    if (screenIterations >= 0) o.screenIterations = screenIterations;
    if (survivors >= 0) o.survivors = survivors;
    if (preIterations >= 0) o.preScreenIterations = preIterations;
    if (preKeep >= 0) o.preScreenKeep = preKeep;
    nlohmann::json result;
    // Process CPU time beside wall time: this machine is shared, and CPU time is what load does not inflate.
    const std::clock_t cpu0 = std::clock();
    if (stride == 1) {
        const ParametricFit f = fitParametric(points, o);
        if (!f.status.isOk()) return usage(f.status.message().c_str());
        result = {{"starts_run", f.starts}, {"threads", f.threads}, {"seconds", f.seconds}, {"objective", f.objective},
                  {"winning_start", f.winningStart}, {"reached_optimum", f.reachedOptimum},
                  {"search", searchName(f.search)}, {"finished", f.finished}, {"rerun", f.rerun},
                  {"optimum_screen_rank", f.optimumScreenRank}, {"survivors_at_optimum", f.survivorsAtOptimum},
                  {"warnings", f.warnings}};
        if (f.search == StartSearch::Pruned) {
            result["screen"] = {{"iterations", o.screenIterations}, {"survivors", o.survivors}, {"screened", f.screened}};
            if (f.screened < f.starts)
                result["pre_screen"] = {{"iterations", o.preScreenIterations}, {"keep", o.preScreenKeep},
                                        {"optimum_rank", f.optimumPreScreenRank}};
        }
        result["params"] = {{"a", f.params.a}, {"b", f.params.b}, {"e", f.params.e}, {"alpha", f.params.alpha},
                            {"beta", f.params.beta}, {"gamma", f.params.gamma}};
    } else {
        // The subset, sequentially, exactly as a SciPy loop over the same starts would run it.
        std::vector<double> n, d, l;
        for (const auto& p : points) {
            n.push_back(p.params);
            d.push_back(p.tokens);
            l.push_back(p.loss);
        }
        const HuberLogObjective objective(n, d, l, o.huberDelta, gamma);
        const size_t total = o.grid.size(gamma);
        search = "full";   // each sampled start runs to the end
        StartOutcome best;
        bool found = false;
        int run = 0;
        nlohmann::json perStart = nlohmann::json::array();
        const auto t0 = std::chrono::steady_clock::now();
        for (size_t k = 0; k < total; k += static_cast<size_t>(stride)) {
            StartOutcome s = minimizeFrom(objective, o.grid.start(k, gamma), o);
            s.index = static_cast<int>(k);
            ++run;
            perStart.push_back({{"start", k}, {"objective", std::isfinite(s.objective) ? nlohmann::json(s.objective) : nlohmann::json(nullptr)}});
            if (std::isfinite(s.objective) && (!found || s.objective < best.objective)) {
                best = s;
                found = true;
            }
        }
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        if (!found) return usage("no start reached a finite objective");
        result = {{"starts_run", run}, {"threads", 1}, {"seconds", seconds}, {"objective", best.objective},
                  {"winning_start", best.index}, {"per_start", perStart}};
        result["params"] = {{"a", best.fitted.a}, {"b", best.fitted.b}, {"e", best.fitted.e}, {"alpha", best.fitted.alpha},
                            {"beta", best.fitted.beta}, {"gamma", best.fitted.gamma}};
    }
    result["cpu_seconds"] = static_cast<double>(std::clock() - cpu0) / CLOCKS_PER_SEC;
    result["stride"] = stride;
    result["points"] = points.size();
    result["arch"] = arch;
    result["set"] = set;
    result["gamma_fitted"] = gamma;
    result["grid"] = grid;
    if (!result.contains("search")) result["search"] = search;
    result["machine"] = {{"cpu", cpuModel()}, {"hardware_threads", std::thread::hardware_concurrency()}};
    if (json) {
        std::cout << result.dump(2) << "\n";
    } else {
        std::cout << "parametric grid fit, " << arch << " " << set << ", " << points.size() << " points, "
                  << result["starts_run"] << " starts (stride " << stride << ", " << search << " search), "
                  << result["threads"] << " thread(s): " << result["seconds"].get<double>() << " s wall, "
                  << result["cpu_seconds"].get<double>() << " s CPU, objective " << result["objective"].get<double>() << "\n";
    }
    return 0;
}
