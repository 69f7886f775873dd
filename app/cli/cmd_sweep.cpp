// SPDX-License-Identifier: MIT
// `seqscope-cli sweep isoflop|tokenparam|resume` (issue 6): the paper's two studies at any scale.
// The plan (training/sweep_plan.h) picks sizes from a ladder that keeps each architecture's
// proportions and derives steps from the FLOP accounting; --plan-only prints it. Otherwise the
// runs are created in the database (queued, tagged with the sweep), trained one after another in
// this process or by W `seqscope-cli train --resume RUN` worker processes, and at the end IsoFLOP
// parabolas + power laws (scaling-laws.md 7) or token/param slopes (section 10) are fitted per
// architecture and context and stored. Ctrl-C cancels (checkpoints); `sweep resume NAME` goes on.
//   seqscope-cli sweep isoflop --budgets 3e12,1e13 --ctx 128,256 --sizes 5 --data fortunes --db demo.db
//   seqscope-cli sweep tokenparam --ratios 10,40,160 --sizes 3e5,1e6 --ctx 128 --db demo.db
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

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
#include "cli/train_support.h"
#include "training/sweep_plan.h"
#include "workspace/workspace.h"

extern char** environ;

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
        {"ctx", "T[,T]", "context lengths", "256", s},
        {"name", "NAME", "sweep name (unique in the database)", "<kind>-<date>-<time>", s},
        {"plan-only", "", "print the plan (configs, N, D, steps, FLOPs, estimated time) and stop", "", s},
        {"workers", "W", "train W runs at once in worker processes", "1 (in this process)", s},
        {"throughput", "FLOPS", "assumed FLOP/s per worker for the time estimate", "3e10", s},
        {"token-rate", "TOK", "assumed per-token rate per worker for the time estimate (tokens/s; bounds tiny models)", "1.5e5", s},
        {"min-steps", "N", "warn about runs with fewer optimizer steps", "20", s},
    };
    for (auto r : traincli::recipeOptions()) {
        if (r.name == "batch-tokens") r.defaultValue = "4096";
        if (r.name == "eval-tokens") r.defaultValue = "32768";
        if (r.name == "eval-every") r.defaultValue = "5 passes per run";
        if (r.name == "lr") r.defaultValue = "by size, scaling-laws.md 13.2 (3e-3 up to 483M)";
        if (r.name == "checkpoint-every") r.defaultValue = "0: sweeps checkpoint only on cancel";
        if (r.name == "threads") r.defaultValue = "all cores / W";
        o.push_back(r);
    }
    o.push_back({"vocab", "V", "model vocabulary", "the data's", "Model"});
    return o;
}

// Sweep options from flags; the recipe's defaults suit small CPU runs.
training::SweepOptions sweepOptions(const Args& a, const std::string& kind) {
    training::SweepOptions o;
    // Small-run defaults: a CPU-sized batch and a cheaper validation pass (the final loss is what counts).
    o.base.batchTokens = 4096;
    o.base.evalTokens = 32768;
    traincli::applyRecipe(a, &o.base);
    o.paperLr = !a.has("lr");
    for (const auto& name : a.has("arch") ? a.list("arch") : std::vector<std::string>{"xlstm", "transformer"}) {
        analysis::Arch arch;
        if (!analysis::parseArch(name, &arch)) throw UsageError("option --arch: '" + name + "' is not xlstm or transformer");
        o.archs.push_back(arch);
    }
    o.contexts = a.has("ctx") ? a.integerList("ctx") : std::vector<long long>{256};
    o.flopsPerSecond = a.number("throughput", o.flopsPerSecond);
    o.tokensPerSecond = a.number("token-rate", o.tokensPerSecond);
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

json sweepPlanJson(const training::SweepOptions& o, const std::string& kind) {
    json archs = json::array();
    for (auto a : o.archs) archs.push_back(analysis::archName(a));
    json j{{"kind", kind}, {"archs", archs}, {"contexts", o.contexts}, {"data", o.base.data}, {"seed", o.base.seed}};
    if (kind == "isoflop") {
        j["budgets"] = o.budgets;
        j["sizes"] = o.sizes;
        j["target_ratio"] = o.targetRatio;
        j["span"] = o.span;
    } else {
        j["ratios"] = o.ratios;
        j["size_targets"] = o.sizeTargets;
    }
    return j;
}

void printSweepPlan(std::ostream& out, const SweepPlan& p, const training::SweepOptions& o, int workers) {
    double tokens = 0;
    for (const auto& r : p.runs)
        if (r.plan.status.isOk()) tokens += r.plan.tokens;
    out << p.kind << " sweep: " << p.runs.size() << " runs (" << p.runnable() << " runnable), "
        << traincli::formatCount(tokens) << " tokens, " << analysis::fmt(p.totalFlops, 3) << " training FLOPs, estimated " << traincli::formatDuration(p.estimatedSeconds)
        << " at " << analysis::fmt(o.flopsPerSecond, 3) << " FLOP/s + " << analysis::fmt(o.tokensPerSecond, 3)
        << " tokens/s per worker";
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

std::string defaultName(const std::string& kind) {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[64];
    std::strftime(buf, sizeof buf, "%Y%m%d-%H%M%S", &tm);
    return kind + "-" + buf;
}

bool pending(storage::RunStatus s) {
    return s == storage::RunStatus::Queued || s == storage::RunStatus::Cancelled || s == storage::RunStatus::Interrupted ||
           s == storage::RunStatus::Failed;
}

// --- Running ------------------------------------------------------------------------------------------

struct Worker {
    pid_t pid = 0;
    long long runId = 0;
    std::string label;
};

Result<pid_t> spawnTrain(const Context& ctx, long long runId, int threads, const std::string& logDir) {
    // /proc/self/exe is this very binary even if the file was replaced since (a rebuild mid-sweep).
    const std::string self = "/proc/self/exe";
    std::vector<std::string> args = {"seqscope-cli", "train", "--resume", std::to_string(runId), "--db", ctx.dbPath, "--json"};
    if (threads > 0) {
        args.push_back("--threads");
        args.push_back(std::to_string(threads));
    }
    std::vector<char*> argv;
    for (auto& s : args) argv.push_back(s.data());
    argv.push_back(nullptr);
    const std::string out = (fs::path(logDir) / ("run-" + std::to_string(runId) + ".json")).string();
    const std::string err = (fs::path(logDir) / ("run-" + std::to_string(runId) + ".log")).string();
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    // Own process group: the terminal's Ctrl-C reaches only this process, which forwards it once.
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attr, 0);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, self.c_str(), &fa, &attr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&attr);
    if (rc != 0) return Status::io("cannot start a worker: " + std::string(std::strerror(rc)));
    return pid;
}

// Trains every pending run of the sweep; returns false when cancelled. In-process runs need the
// file to themselves (traincli::executeStoredRun), so `holder` is closed around them and reopened.
bool runPending(Context& ctx, std::unique_ptr<storage::Store>& holder, const storage::SweepRecord& sweep, int workers,
                int threads, const std::string& checkpointRoot) {
    storage::Store& store = *holder;
    auto runs = store.runs([&] {
        storage::RunFilter f;
        f.sweepId = sweep.id;
        return f;
    }());
    if (!runs) {
        fail(ctx, "sweep", runs.status());
        return false;
    }
    std::vector<storage::RunRecord> todo;
    for (const auto& r : *runs)
        if (pending(r.status)) todo.push_back(r);
    const size_t total = todo.size();
    if (total == 0) return true;
    if (!ctx.json) *ctx.out << "training " << total << " runs" << (workers > 1 ? " with " + std::to_string(workers) + " workers" : "") << "\n";

    if (workers <= 1) {
        holder.reset();
        struct Reopen {
            std::unique_ptr<storage::Store>& h;
            const std::string& path;
            ~Reopen() {
                if (auto s = storage::Store::open(path)) h = std::move(*s);
            }
        } reopen{holder, ctx.dbPath};
        size_t i = 0;
        for (const auto& rec : todo) {
            if (traincli::CancelOnSignal::requested()) return false;
            auto config = training::trainingConfigFromJson(rec.configJson);
            if (!config) {
                if (auto s = storage::Store::open(ctx.dbPath))
                    (*s)->finishRun(rec.id, storage::RunStatus::Failed, config.status().message());
                continue;
            }
            if (threads > 0) config->threads = threads;
            if (config->checkpointDir.empty()) config->checkpointDir = traincli::checkpointDirFor(checkpointRoot, ctx.dbPath, rec.id);
            traincli::ExecuteOptions options;
            options.progress = !ctx.json;
            options.err = ctx.err;
            // A queued run starts at step 0; anything else continues from its checkpoint, if any.
            const std::string ckpt = training::checkpointPath(config->checkpointDir);
            std::error_code ec;
            if (rec.status != storage::RunStatus::Queued && fs::exists(ckpt, ec)) options.resumeFrom = ckpt;
            if (!ctx.json) *ctx.out << "[" << ++i << "/" << total << "] run " << rec.id << " " << rec.name << "\n" << std::flush;
            const auto r = traincli::executeStoredRun(ctx.dbPath, rec.id, *config, options);
            if (!ctx.json) {
                *ctx.out << "    " << storage::toString(r.status);
                if (std::isfinite(r.training.finalValLoss)) *ctx.out << ", val loss " << analysis::fmt(r.training.finalValLoss, 5);
                *ctx.out << " in " << traincli::formatDuration(r.training.seconds);
                if (!r.training.reason.empty()) *ctx.out << " (" << r.training.reason << ")";
                *ctx.out << "\n" << std::flush;
            }
            if (r.status == storage::RunStatus::Cancelled) return false;
        }
        return !traincli::CancelOnSignal::requested();
    }

    const std::string logDir =
        (fs::path(traincli::checkpointDirFor(checkpointRoot, ctx.dbPath, 0)).parent_path() / ("sweep-" + sweep.name)).string();
    std::error_code ec;
    fs::create_directories(logDir, ec);
    std::vector<Worker> active;
    size_t next = 0, done = 0;
    bool forwarded = false, spawnFailed = false;
    while (next < todo.size() || !active.empty()) {
        const bool cancel = traincli::CancelOnSignal::requested();
        if (cancel && !forwarded) {
            for (const auto& w : active) kill(w.pid, SIGINT);
            forwarded = true;
        }
        while (!cancel && next < todo.size() && static_cast<int>(active.size()) < workers) {
            const auto& rec = todo[next++];
            auto pid = spawnTrain(ctx, rec.id, threads, logDir);
            if (!pid) {
                // Not the run's fault: it stays queued for `sweep resume`, and nothing more starts.
                fail(ctx, "sweep", pid.status());
                spawnFailed = true;
                next = todo.size();
                break;
            }
            active.push_back({*pid, rec.id, rec.name});
            if (!ctx.json) *ctx.out << "started run " << rec.id << " " << rec.name << " (pid " << *pid << ")\n" << std::flush;
        }
        if (cancel && next < todo.size()) next = todo.size();   // queued runs stay queued
        int status = 0;
        const pid_t pid = waitpid(-1, &status, WNOHANG);
        if (pid <= 0) {
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
            continue;
        }
        auto it = std::find_if(active.begin(), active.end(), [pid](const Worker& w) { return w.pid == pid; });
        if (it == active.end()) continue;
        ++done;
        auto rec = store.run(it->runId);
        if (!ctx.json)
            *ctx.out << "[" << done << "/" << total << "] run " << it->runId << " " << it->label << ": "
                     << (rec ? storage::toString(rec->status) : "?") << (rec && !rec->failureReason.empty() ? " (" + rec->failureReason + ")" : "")
                     << "\n" << std::flush;
        // A worker that died before recording its end leaves the run `running`; mark it.
        if (rec && rec->status == storage::RunStatus::Running)
            store.finishRun(it->runId, storage::RunStatus::Failed,
                            "worker exited with status " + std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) +
                                " (log: " + logDir + ")");
        active.erase(it);
    }
    return !spawnFailed && !traincli::CancelOnSignal::requested();
}

int finishSweep(Context& ctx, std::unique_ptr<storage::Store>& holder, const storage::SweepRecord& sweep, int workers,
                int threads, const std::string& checkpointRoot, json out) {
    const bool completed = runPending(ctx, holder, sweep, workers, threads, checkpointRoot);
    if (!holder) return fail(ctx, "sweep", Status::io("cannot reopen " + ctx.dbPath));
    storage::Store& store = *holder;
    auto runs = store.runs([&] {
        storage::RunFilter f;
        f.sweepId = sweep.id;
        return f;
    }());
    json list = json::array();
    if (runs)
        for (const auto& r : *runs) {
            double loss = NAN;
            if (auto s = store.metricSummary(r.id))
                for (const auto& m : *s)
                    if (m.name == "val_loss") loss = m.lastValue;
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
    const long long w = a.integer("workers", 1);
    if (w < 1) throw UsageError("option --workers: must be at least 1");
    return static_cast<int>(w);
}

int threadsFor(const Args& a, int workers) {
    if (a.has("threads")) return static_cast<int>(a.integer("threads"));
    if (workers <= 1) return 0;
    return std::max(1, static_cast<int>(std::thread::hardware_concurrency()) / workers);
}

int planAndRun(Context& ctx, const std::string& kind) {
    const Args& a = ctx.args;
    const std::string cmd = "sweep " + kind;
    training::SweepOptions o = sweepOptions(a, kind);
    // The data must hold a sequence at the longest context; its vocabulary sizes the models.
    TrainingConfig probe = o.base;
    probe.context = *std::max_element(o.contexts.begin(), o.contexts.end());
    auto vocab = traincli::probeData(probe);
    if (!vocab) return fail(ctx, cmd, vocab.status());
    o.vocab = a.has("vocab") ? static_cast<int>(a.integer("vocab")) : *vocab;
    const SweepPlan plan = kind == "isoflop" ? training::planIsoflopSweep(o) : training::planTokenParamSweep(o);
    if (plan.status.isOk() || !plan.runs.empty()) {
        if (ctx.json && a.has("plan-only")) *ctx.out << sweepPlanRunsJson(plan).dump(2) << "\n";
        else if (!ctx.json) printSweepPlan(*ctx.out, plan, o, static_cast<int>(std::max(1LL, a.integer("workers", 1))));
    }
    if (!plan.status) return fail(ctx, cmd, plan.status);
    for (const auto& r : plan.runs)   // the device and shapes, before anything is created
        if (r.plan.status.isOk())
            if (Status s = training::validateModelConfig(r.config); !s) return fail(ctx, cmd, Status(s).withContext(r.label));
    if (a.has("plan-only")) return kExitOk;

    const int workers = workersOf(a);
    const int threads = threadsFor(a, workers);
    const std::string root = a.str("checkpoint-dir");
    const std::string rootDir = fs::path(traincli::checkpointDirFor(root, ctx.dbPath, 0)).parent_path().string();
    if (Status s = training::checkWritableDirectory(rootDir); !s) return fail(ctx, cmd, s);
    auto store = workspace::openWorkspace(ctx.dbPath);
    if (!store) return fail(ctx, cmd, store.status());
    storage::SweepRecord sweep;
    sweep.name = a.str("name", defaultName(kind));
    json planJ = sweepPlanJson(o, kind);
    planJ["workers"] = workers;
    sweep.planJson = planJ.dump();
    auto sweepId = (*store)->createSweep(sweep);
    if (!sweepId) return fail(ctx, cmd, sweepId.status());
    sweep.id = *sweepId;

    // Every run is created up front (queued), so an interrupted sweep knows what is left.
    Status created = (*store)->transact([&]() -> Status {
        for (const auto& r : plan.runs) {
            if (!r.plan.status) continue;
            storage::RunRecord rec;
            rec.name = r.label;
            rec.arch = analysis::archName(r.config.shape.arch);
            rec.params = static_cast<double>(r.plan.params);
            rec.flopsPerToken = r.plan.flopsPerToken;
            rec.flopsPerSequence = r.plan.flopsPerSequence;
            rec.ctx = r.config.context;
            rec.dataset = r.config.data;
            rec.device = r.config.device;
            rec.seed = static_cast<long long>(r.config.seed);
            rec.sweepId = sweep.id;
            rec.tags = {"sweep:" + sweep.name, kind};
            rec.status = storage::RunStatus::Queued;
            rec.configJson = training::trainingConfigToJson(r.config);
            auto id = (*store)->createRun(rec);
            if (!id) return id.status();
            TrainingConfig c = r.config;
            c.checkpointDir = traincli::checkpointDirFor(root, ctx.dbPath, *id);
            rec.id = *id;
            rec.configJson = training::trainingConfigToJson(c);
            if (Status s = (*store)->updateRun(rec); !s) return s;
        }
        return {};
    });
    if (!created) return fail(ctx, cmd, Status(created).withContext("creating the runs"));
    if (!ctx.json) *ctx.out << "sweep " << sweep.name << " (id " << sweep.id << ") in " << ctx.dbPath << "\n";
    traincli::CancelOnSignal guard;
    json out{{"sweep", sweep.name}, {"sweep_id", sweep.id}, {"plan", sweepPlanRunsJson(plan)}};
    return finishSweep(ctx, *store, sweep, workers, threads, root, out);
}

int resumeSweep(Context& ctx) {
    const auto& pos = ctx.args.positional();
    if (pos.size() != 1) throw UsageError("give the sweep's NAME");
    auto store = workspace::openWorkspace(ctx.dbPath);
    if (!store) return fail(ctx, "sweep resume", store.status());
    auto sweep = (*store)->sweepByName(pos[0]);
    if (!sweep) return fail(ctx, "sweep resume", sweep.status());
    const int workers = workersOf(ctx.args);
    traincli::CancelOnSignal guard;
    json out{{"sweep", sweep->name}, {"sweep_id", sweep->id}};
    return finishSweep(ctx, *store, *sweep, workers, threadsFor(ctx.args, workers), ctx.args.str("checkpoint-dir"), out);
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
    res.usesDatabase = true;
    res.positionalUsage = "NAME";
    res.options = {{"workers", "W", "train W runs at once in worker processes", "1", "Sweep"},
                   {"threads", "N", "LibTorch CPU threads per run", "all cores / W", "Sweep"},
                   {"checkpoint-dir", "DIR", "checkpoint root the sweep used", "<db file>.checkpoints", "Sweep"}};
    res.handler = resumeSweep;
    registry.add(std::move(res));
}

}  // namespace seqscope::cli
