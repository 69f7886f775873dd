// SPDX-License-Identifier: MIT
// `seqscope-cli sweep isoflop|tokenparam|resume` (issue 6): the paper's two studies at any scale.
// The plan (training/sweep_plan.h) picks sizes from a ladder that keeps each architecture's
// proportions and derives steps from the FLOP accounting; its time estimate uses rates measured on
// this machine (runs/run_estimate.h); --plan-only prints it. Otherwise the run service creates the
// runs (queued, tagged with the sweep; runs/sweep_runs.h), the WorkerPool trains them with W
// `seqscope-cli train --resume RUN` worker processes (default one at a time), and at the end IsoFLOP
// parabolas + power laws (scaling-laws.md 7) or token/param slopes (section 10) are fitted per
// architecture and context and stored (`sweep fit NAME` does that step alone). Ctrl-C cancels (the
// running runs checkpoint); `sweep resume NAME` goes on.
//   seqscope-cli sweep isoflop --budgets 3e12,1e13 --ctx 128,256 --sizes 5 --data fortunes --db demo.db
//   seqscope-cli sweep tokenparam --ratios 10,40,160 --sizes 3e5,1e6 --ctx 128 --db demo.db
#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <ctime>
#include <filesystem>
#include <iomanip>
#include <map>
#include <ostream>
#include <set>
#include <thread>

#include "analysis/accounting.h"
#include "analysis/fit_common.h"
#include "cli/command_line.h"
#include "cli/commands.h"
#include "cli/sweep_fit.h"
#include "cli/sweep_slurm.h"
#include "cli/train_support.h"
#include "common/metric_names.h"
#include "runs/run_estimate.h"
#include "runs/run_resolver.h"
#include "runs/spawn_launcher.h"
#include "runs/sweep_runs.h"
#include "runs/worker_pool.h"
#include "training/sweep_plan.h"
#include "workspace/scaling_points.h"
#include "workspace/workspace.h"

namespace seqscope::cli {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;
using training::SweepPlan;
using training::TrainingConfig;

int fail(Context& ctx, const std::string& cmd, const Status& status) {
    *ctx.err << "seqscope-cli " << cmd << ": " << status.message() << "\n";
    return kExitFailure;
}

std::vector<OptionSpec> commonOptions() {
    const char* s = "Sweep";
    std::vector<OptionSpec> o = {
        {"arch", "A[,A]", "architectures", "xlstm,transformer", s},
        {"ctx", "T[,T]", "context lengths", std::to_string(training::SweepOptions{}.contexts.front()), s},
        {"name", "NAME", "sweep name (unique in the database)", "<kind>-<date>-<time>", s},
        {"plan-only", "", "print the plan (configs, N, D, steps, FLOPs, estimated time) and stop", "", s},
        {"workers", "W", "train W runs at once in worker processes", std::to_string(runs::kDefaultWorkers), s},
        {"throughput", "FLOPS", "FLOP/s per worker for the time estimate", "measured here (finished runs, else a probe step)", s},
        {"token-rate", "TOK", "per-token rate per worker for the time estimate (tokens/s; bounds tiny models)", "measured with --throughput's", s},
        {"min-steps", "N", "warn about runs with fewer optimizer steps", std::to_string(training::SweepOptions{}.minSteps), s},
    };
    const training::SweepOptions defaults;   // the engine's sweep recipe (training::sweepBaseConfig)
    for (auto r : traincli::recipeOptions()) {
        if (r.name == "batch-tokens") r.defaultValue = std::to_string(defaults.base.batchTokens);
        if (r.name == "eval-tokens") r.defaultValue = std::to_string(defaults.base.evalTokens);
        if (r.name == "eval-every") r.defaultValue = std::to_string(defaults.evalPasses) + " passes per run";
        if (r.name == "lr") r.defaultValue = "by size, scaling-laws.md 13.2 (3e-3 up to 483M)";
        if (r.name == "checkpoint-every") r.defaultValue = "0: sweeps checkpoint only on cancel";
        if (r.name == "threads") r.defaultValue = "all cores / W";
        o.push_back(r);
    }
    o.push_back({"vocab", "V", "model vocabulary", "the data's", "Model"});
    for (auto& so : slurmSubmitOptions()) o.push_back(so);
    return o;
}

// Sweep options from flags over the engine's sweep defaults (training::sweepBaseConfig).
training::SweepOptions sweepOptions(const Args& a, const std::string& kind) {
    training::SweepOptions o;
    runs::applyRecipe(traincli::recipeRequest(a), &o.base);
    o.paperLr = !a.has("lr");
    if (a.has("arch")) {
        o.archs.clear();
        for (const auto& name : a.list("arch")) {
            analysis::Arch arch;
            if (!analysis::parseArch(name, &arch)) throw UsageError("option --arch: '" + name + "' is not xlstm or transformer");
            o.archs.push_back(arch);
        }
    }
    if (a.has("ctx")) o.contexts = a.integerList("ctx");
    o.flopsPerSecond = a.number("throughput", 0);
    o.tokensPerSecond = a.number("token-rate", 0);
    o.minSteps = static_cast<int>(a.integer("min-steps", o.minSteps));
    if (kind == "isoflop") {
        o.budgets = a.numberList("budgets");
        if (o.budgets.empty()) throw UsageError("missing required option --budgets");
        o.sizes = static_cast<int>(a.integer("sizes", o.sizes));
        o.targetRatio = a.number("target-ratio", o.targetRatio);
        o.span = a.number("span", o.span);
    } else {
        o.ratios = a.numberList("ratios");
        o.sizeTargets = a.numberList("sizes");
        if (o.ratios.empty()) throw UsageError("missing required option --ratios");
        if (o.sizeTargets.empty()) throw UsageError("missing required option --sizes");
    }
    return o;
}

void printSweepPlan(std::ostream& out, const SweepPlan& p, int workers) {
    double tokens = 0;
    for (const auto& r : p.runs)
        if (r.plan.status.isOk()) tokens += r.plan.tokens;
    out << p.kind << " sweep: " << p.runs.size() << " runs (" << p.runnable() << " runnable), "
        << traincli::formatCount(tokens) << " tokens, " << analysis::fmt(p.totalFlops, 3) << " training FLOPs, estimated "
        << traincli::formatDuration(p.estimatedSeconds) << " (" << (p.timeSource.empty() ? "no rate known" : p.timeSource) << ")";
    if (workers > 1) out << ", about " << traincli::formatDuration(p.estimatedSeconds / workers) << " with " << workers << " workers";
    out << "\n";
    out << "  #  arch          T  budget      N        d   L  H   steps   tokens     D/N   C          lr      est\n";
    int i = 0;
    for (const auto& r : p.runs) {
        const auto& s = r.config.shape;
        out << std::setw(3) << ++i << "  " << std::left << std::setw(11) << analysis::archName(s.arch) << std::right
            << std::setw(6) << r.config.context << "  " << std::left << std::setw(8)
            << (p.kind == "isoflop" ? analysis::fmt(r.budget, 3) : "D/N=" + analysis::fmt(r.budget, 3)) << std::right
            << std::setw(8) << traincli::formatCount(static_cast<double>(analysis::parameterCount(s))) << std::setw(6) << s.dModel
            << std::setw(4) << s.layers << std::setw(3) << s.heads;
        if (r.plan.status.isOk())
            out << std::setw(8) << r.plan.steps << std::setw(9) << traincli::formatCount(r.plan.tokens) << std::setw(8)
                << analysis::fmt(r.plan.tokenParamRatio, 3) << "   " << std::left << std::setw(10) << analysis::fmt(r.plan.flops, 3)
                << std::setw(8) << analysis::fmt(r.config.lr, 2) << std::right << traincli::formatDuration(r.estimatedSeconds)
                << "\n";
        else
            out << "  skipped: " << r.plan.status.message() << "\n";
    }
    for (const auto& w : p.warnings) out << "warning: " << w << "\n";
}

json sweepPlanRunsJson(const SweepPlan& p) {
    json runs = json::array();
    for (const auto& r : p.runs) {
        json j{{"label", r.label},
               {"arch", analysis::archName(r.config.shape.arch)},
               {"ctx", r.config.context},
               {"budget", r.budget},
               {"model", r.config.shape.describe()},
               {"params", analysis::parameterCount(r.config.shape)},
               {"lr", r.config.lr}};
        if (r.plan.status.isOk()) {
            j["plan"] = traincli::planJson(r.config, r.plan);
            j["estimated_seconds"] = r.estimatedSeconds;
        } else {
            j["skipped"] = r.plan.status.message();
        }
        runs.push_back(j);
    }
    return json{{"kind", p.kind}, {"runs", runs}, {"runnable", p.runnable()}, {"total_flops", p.totalFlops},
                {"estimated_seconds", p.estimatedSeconds}, {"warnings", p.warnings}};
}

// --- Running ------------------------------------------------------------------------------------------

// Trains every pending run of the sweep with the worker pool; returns false when cancelled or when
// a worker could not start. The runs stay pending (queued) for `sweep resume` in both cases.
bool runPending(Context& ctx, storage::Store& store, const storage::SweepRecord& sweep, int workers) {
    auto todo = runs::pendingSweepRuns(store, sweep.id);
    if (!todo) {
        fail(ctx, "sweep", todo.status());
        return false;
    }
    const size_t total = todo->size();
    if (total == 0) return true;
    if (!ctx.json) *ctx.out << "training " << total << " runs with " << workers << " worker" << (workers > 1 ? "s" : "") << "\n";
    const std::string logDir =
        (std::filesystem::path(runs::checkpointDirFor("", ctx.dbPath, 0)).parent_path() / ("sweep-" + sweep.name)).string();
    // /proc/self/exe is this very binary even if the file was replaced since (a rebuild mid-sweep).
    runs::SpawnLauncher launcher("/proc/self/exe", logDir);
    runs::WorkerPool pool(&launcher, workers);
    bool startFailed = false;
    pool.onStartFailed = [&](const runs::WorkerJob&, const Status& s) {
        if (!startFailed) fail(ctx, "sweep", s);
        startFailed = true;
        pool.cancelAll();   // not the runs' fault: they stay queued, nothing more starts
    };
    pool.onStarted = [&](const runs::WorkerJob& job) {
        if (!ctx.json) *ctx.out << "started run " << job.runId << " (log: " << launcher.logFor(job) << ")\n" << std::flush;
    };
    std::map<long long, std::string> names;
    for (const auto& r : *todo) names[r.id] = r.name;
    const std::optional<int> threads =
        ctx.args.has("threads") ? std::optional<int>(static_cast<int>(ctx.args.integer("threads"))) : runs::threadsPerWorker(workers);
    for (const auto& r : *todo) pool.enqueue(runs::trainJob(r.id, ctx.dbPath, threads, sweep.id));
    bool cancelled = false;
    size_t done = 0;
    while (!pool.idle()) {
        if (traincli::CancelOnSignal::requested() && !cancelled) {
            cancelled = true;
            pool.cancelAll();   // running runs checkpoint and end cancelled; queued ones stay queued
        }
        const auto exit = launcher.reap(200);
        if (!exit) continue;
        const auto job = pool.workerExited(exit->handle);
        if (!job || !job->runId) continue;
        ++done;
        // A worker that died before recording its end leaves the run queued or running; settle it.
        runs::settleAfterWorker(store, job->runId, "worker " + exit->describe() + " (log: " + launcher.logFor(*job) + ")", cancelled);
        auto rec = store.run(job->runId);
        if (!ctx.json)
            *ctx.out << "[" << done << "/" << total << "] run " << job->runId << " " << names[job->runId] << ": "
                     << (rec ? storage::toString(rec->status) : "?") << (rec && !rec->failureReason.empty() ? " (" + rec->failureReason + ")" : "")
                     << "\n" << std::flush;
    }
    return !startFailed && !cancelled;
}

int finishSweep(Context& ctx, storage::Store& store, const storage::SweepRecord& sweep, int workers, json out) {
    const bool completed = runPending(ctx, store, sweep, workers);
    auto runs = store.runs([&] {
        storage::RunFilter f;
        f.sweepId = sweep.id;
        return f;
    }());
    json list = json::array();
    if (runs)
        for (const auto& r : *runs) {
            const double loss = workspace::lastMetricValue(store, r.id, metrics::kValLoss);
            list.push_back({{"id", r.id}, {"name", r.name}, {"status", storage::toString(r.status)},
                            {"val_loss", std::isfinite(loss) ? json(loss) : json(nullptr)}, {"reason", r.failureReason}});
        }
    out["runs"] = list;
    out["completed"] = completed;
    if (!completed) {
        if (ctx.json) *ctx.out << out.dump(2) << "\n";
        *ctx.err << "seqscope-cli sweep: stopped before every run finished; continue with: seqscope-cli sweep resume "
                 << sweep.name << " --db " << ctx.dbPath << "\n";
        return kExitFailure;
    }
    if (Status fitted = fitSweep(ctx, store, sweep, &out); !fitted) return fail(ctx, "sweep", fitted);
    if (ctx.json) *ctx.out << out.dump(2) << "\n";
    return kExitOk;
}

int workersOf(const Args& a) {
    const long long w = a.integer("workers", runs::kDefaultWorkers);
    if (w < 1) throw UsageError("option --workers: must be at least 1");
    return static_cast<int>(w);
}

int planAndRun(Context& ctx, const std::string& kind) {
    const Args& a = ctx.args;
    const std::string cmd = "sweep " + kind;
    training::SweepOptions o = sweepOptions(a, kind);
    // A Slurm sweep is planned and checked on this machine's CPU (a login node need not have the
    // nodes' GPUs); the device goes to the trainers on the nodes.
    const bool slurm = a.has("slurm");
    const std::string nodeDevice = o.base.device;
    if (slurm) o.base.device = "cpu";
    // The data must hold a sequence at the longest context; its vocabulary sizes the models.
    TrainingConfig probe = o.base;
    probe.context = *std::max_element(o.contexts.begin(), o.contexts.end());
    auto vocab = runs::probeDataVocab(probe);
    if (!vocab) return fail(ctx, cmd, vocab.status());
    o.vocab = a.has("vocab") ? static_cast<int>(a.integer("vocab")) : *vocab;
    SweepPlan plan = kind == "isoflop" ? training::planIsoflopSweep(o) : training::planTokenParamSweep(o);
    if (!a.has("throughput") && !slurm) {   // rates measured here (not a cluster's: no probe on a login node): finished runs in the database, else a probe step
        std::unique_ptr<storage::Store> existing;
        if (std::filesystem::exists(ctx.dbPath)) {
            storage::StoreOptions readOnly;
            readOnly.readOnly = true;
            if (auto opened = storage::Store::open(ctx.dbPath, readOnly)) existing = std::move(*opened);
        }
        runs::estimateSweep(&plan, existing.get());
    }
    if (plan.status.isOk() || !plan.runs.empty()) {
        if (ctx.json && a.has("plan-only")) *ctx.out << sweepPlanRunsJson(plan).dump(2) << "\n";
        else if (!ctx.json) printSweepPlan(*ctx.out, plan, static_cast<int>(std::max(1LL, a.integer("workers", runs::kDefaultWorkers))));
    }
    if (!plan.status) return fail(ctx, cmd, plan.status);
    for (const auto& r : plan.runs)   // the device and shapes, before anything is created
        if (r.plan.status.isOk())
            if (Status s = training::validateModelConfig(r.config); !s) return fail(ctx, cmd, Status(s).withContext(r.label));
    if (a.has("plan-only")) return kExitOk;

    const int workers = workersOf(a);
    const std::string root = a.str("checkpoint-dir");
    const std::string rootDir = std::filesystem::path(runs::checkpointDirFor(root, ctx.dbPath, 0)).parent_path().string();
    if (Status s = training::checkWritableDirectory(rootDir); !s) return fail(ctx, cmd, s);
    auto store = workspace::openWorkspace(ctx.dbPath);
    if (!store) return fail(ctx, cmd, store.status());
    const std::string name = a.str("name", runs::defaultSweepName(kind));
    auto sweep = runs::createSweep(**store, ctx.dbPath, plan, runs::sweepRequestJson(o, kind, workers), name, root);
    if (!sweep) return fail(ctx, cmd, sweep.status());
    if (!ctx.json) *ctx.out << "sweep " << sweep->name << " (id " << sweep->id << ") in " << ctx.dbPath << "\n";
    json out{{"sweep", sweep->name}, {"sweep_id", sweep->id}, {"plan", sweepPlanRunsJson(plan)}};
    if (slurm) return submitSlurmSweep(ctx, **store, ctx.dbPath, *sweep, nodeDevice, false, out);
    traincli::CancelOnSignal guard;
    return finishSweep(ctx, **store, *sweep, workers, out);
}

int resumeSweep(Context& ctx) {
    const auto& pos = ctx.args.positional();
    if (pos.size() != 1) throw UsageError("give the sweep's NAME");
    auto store = workspace::openWorkspace(ctx.dbPath);
    if (!store) return fail(ctx, "sweep resume", store.status());
    auto sweep = (*store)->sweepByName(pos[0]);
    if (!sweep) return fail(ctx, "sweep resume", sweep.status());
    if (ctx.args.has("slurm"))
        return submitSlurmSweep(ctx, **store, ctx.dbPath, *sweep, "", true, json{{"sweep", sweep->name}, {"sweep_id", sweep->id}});
    const int workers = workersOf(ctx.args);
    traincli::CancelOnSignal guard;
    json out{{"sweep", sweep->name}, {"sweep_id", sweep->id}};
    return finishSweep(ctx, **store, *sweep, workers, out);
}

// `sweep fit NAME`: the last step alone (the workbench's queue runs it after a sweep's last run).
int fitNamedSweep(Context& ctx) {
    const auto& pos = ctx.args.positional();
    if (pos.size() != 1) throw UsageError("give the sweep's NAME");
    auto store = workspace::openWorkspace(ctx.dbPath);
    if (!store) return fail(ctx, "sweep fit", store.status());
    auto sweep = (*store)->sweepByName(pos[0]);
    if (!sweep) return fail(ctx, "sweep fit", sweep.status());
    json out{{"sweep", sweep->name}, {"sweep_id", sweep->id}};
    if (Status fitted = fitSweep(ctx, **store, *sweep, &out); !fitted) return fail(ctx, "sweep fit", fitted);
    if (ctx.json) *ctx.out << out.dump(2) << "\n";
    return kExitOk;
}

}  // namespace

void registerSweepCommands(Registry& registry) {
    registry.addGroup("sweep", "run the paper's studies: IsoFLOP profiles and token/param (over-training) series");

    Command iso;
    iso.path = "sweep isoflop";
    iso.summary = "IsoFLOP sweep: K model sizes per FLOP budget, then parabolas and power laws";
    iso.description =
        "For each budget, context and architecture, picks K sizes from a ladder that keeps the architecture's "
        "proportions, centred where D/N equals --target-ratio and spanning --span in N; steps = C / (B C_fwbw(T)). "
        "Trains them (sequentially, or with --workers W processes), then fits loss parabolas in log N and log D per "
        "budget and N* = A C^a, D* = B C^b (scaling-laws.md 7), and stores the fits.";
    iso.usesDatabase = true;
    iso.options = {{"budgets", "C[,C]", "FLOP budgets (training, paper accounting)", "", "Sweep"},
                   {"sizes", "K", "model sizes per budget", "5", "Sweep"},
                   {"target-ratio", "R", "expected optimum D/N the sizes are centred on", "20", "Sweep"},
                   {"span", "F", "largest / smallest N per budget", "8", "Sweep"}};
    for (auto& o : commonOptions()) iso.options.push_back(o);
    iso.handler = [](Context& ctx) { return planAndRun(ctx, "isoflop"); };
    registry.add(std::move(iso));

    Command tp;
    tp.path = "sweep tokenparam";
    tp.summary = "token/param sweep: each size trained to D = R N for each ratio R, then slopes";
    tp.description =
        "Trains each model size (the ladder rung nearest each --sizes value, in parameters) to D = R N for every "
        "--ratios value, then fits ln L = s ln C + i per ratio (scaling-laws.md 10) and stores the fits.";
    tp.usesDatabase = true;
    tp.options = {{"ratios", "R[,R]", "token/parameter ratios D/N", "", "Sweep"},
                  {"sizes", "N[,N]", "model sizes in parameters, e.g. 3e5,1e6,3e6", "", "Sweep"}};
    for (auto& o : commonOptions()) tp.options.push_back(o);
    tp.handler = [](Context& ctx) { return planAndRun(ctx, "tokenparam"); };
    registry.add(std::move(tp));

    Command res;
    res.path = "sweep resume";
    res.summary = "continue a sweep: train its queued, cancelled, interrupted or failed runs, then fit";
    res.description = "Locally with worker processes, or with --slurm as a new job array of those runs, each from its checkpoint "
                      "(the sweep's run folder and its possibly edited sweep.sbatch; Slurm flags given here go on sbatch's "
                      "command line and override the script's).";
    res.usesDatabase = true;
    res.positionalUsage = "NAME";
    res.options = {{"workers", "W", "train W runs at once in worker processes", "1", "Sweep"}};
    for (auto& so : slurmSubmitOptions())
        if (so.name != "sbatch-template" && so.name != "run-folder" && so.name != "node-cli") res.options.push_back(so);
    res.handler = resumeSweep;
    registry.add(std::move(res));

    Command fit;
    fit.path = "sweep fit";
    fit.summary = "fit a sweep's finished runs (IsoFLOP parabolas and power laws, or token/param slopes) and store the fits";
    fit.usesDatabase = true;
    fit.positionalUsage = "NAME";
    fit.handler = fitNamedSweep;
    registry.add(std::move(fit));

    registerSweepSlurmCommands(registry);   // cmd_sweep_slurm.cpp: sweep status|collect|cancel
}

}  // namespace seqscope::cli
