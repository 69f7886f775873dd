// SPDX-License-Identifier: MIT
// `seqscope-cli sweep status|collect|cancel ID` and the submission behind `sweep ... --slurm`
// (issue 17): a sweep trained as one Slurm job array, each task into its own SQLite file under a
// shared run folder, merged back into the workspace by run UUID (engine/runs/cluster_sweep.h).
// When every run has finished, collect fits the sweep like a local one (sweep_fit.h), once.
//   seqscope-cli sweep isoflop --budgets 1e18,3e18 --ctx 2048 --slurm --partition gpu --gpus-per-run 1
//       --cpus-per-run 8 --time 12:00:00 --device cuda --db study.db   (one command line)
//   seqscope-cli sweep status isoflop-20261207-101500 --db study.db
//   seqscope-cli sweep collect isoflop-20261207-101500 --db study.db
//   seqscope-cli sweep resume isoflop-20261207-101500 --slurm --time 24:00:00 --db study.db
#include <filesystem>
#include <iomanip>
#include <ostream>

#include "cli/commands.h"
#include "cli/sweep_fit.h"
#include "cli/sweep_slurm.h"
#include "runs/cluster_sweep.h"
#include "storage/process_identity.h"
#include "workspace/workspace.h"

namespace seqscope::cli {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

int fail(Context& ctx, const std::string& cmd, const Status& status) {
    *ctx.err << "seqscope-cli " << cmd << ": " << status.message() << "\n";
    return kExitFailure;
}

// A sweep by name, or by its numeric id when no sweep has that name.
Result<storage::SweepRecord> findSweep(storage::Store& store, const std::string& key) {
    auto byName = store.sweepByName(key);
    if (byName || byName.status().code() != StatusCode::NotFound) return byName;
    const bool numeric = !key.empty() && key.find_first_not_of("0123456789") == std::string::npos && key.size() < 18;
    if (numeric) {
        auto all = store.sweeps();
        if (!all) return all.status();
        for (const auto& s : *all)
            if (s.id == std::stoll(key)) return s;
    }
    return Status::notFound("no sweep named or numbered '" + key + "'");
}

json taskJson(const runs::ClusterTaskReport& t) {
    return json{{"task", t.task.arrayTask},    {"slurm_id", t.task.slurmId()}, {"slurm_state", t.task.slurmState},
                {"run_id", t.runId},           {"run_uuid", t.task.runUuid},   {"run_name", t.runName},
                {"run_file", t.task.runFile},  {"status", storage::toString(t.status)}, {"reason", t.reason},
                {"rows", t.metricRows},        {"new_rows", t.newRows},        {"added", t.added},
                {"replaced", t.replaced},      {"problem", t.problem}};
}

json reportJson(const storage::SweepRecord& sweep, const runs::ClusterReport& r) {
    json tasks = json::array();
    long long added = 0, replaced = 0;
    for (const auto& t : r.tasks) {
        tasks.push_back(taskJson(t));
        added += t.added;
        replaced += t.replaced;
    }
    return json{{"sweep", sweep.name},     {"sweep_id", sweep.id}, {"complete", r.complete()}, {"slurm_reachable", r.slurmReachable},
                {"slurm_error", r.slurmError}, {"tasks", tasks},   {"added", added},           {"replaced", replaced},
                {"problems", r.problems()}};
}

void printReport(std::ostream& out, const storage::SweepRecord& sweep, const runs::ClusterReport& r, bool merged) {
    out << "sweep " << sweep.name << " (id " << sweep.id << "): " << r.tasks.size() << " tasks, " << r.count(storage::RunStatus::Finished)
        << " finished, " << r.count(storage::RunStatus::Running) << " running, " << r.count(storage::RunStatus::Queued) << " queued";
    if (int n = r.count(storage::RunStatus::Interrupted)) out << ", " << n << " interrupted";
    if (int n = r.count(storage::RunStatus::Cancelled)) out << ", " << n << " cancelled";
    if (int n = r.count(storage::RunStatus::Failed)) out << ", " << n << " failed";
    out << "\n";
    if (!r.slurmReachable) out << "warning: Slurm could not be asked (" << r.slurmError << "); states are the last ones seen\n";
    out << "  task  run  status                                   rows  " << (merged ? "added  replaced" : "not collected") << "\n";
    for (const auto& t : r.tasks) {
        out << std::setw(6) << t.task.arrayTask << std::setw(5) << t.runId << "  " << std::left << std::setw(40) << t.statusText()
            << std::right << std::setw(6) << t.metricRows;
        if (merged) out << std::setw(7) << t.added << std::setw(10) << t.replaced;
        else out << std::setw(8) << t.newRows;
        out << "\n";
        if (!t.problem.empty()) out << "        skipped: " << t.problem << "\n";
        else if (!t.reason.empty() && t.status != storage::RunStatus::Finished) out << "        " << t.reason << "\n";
    }
}

// Opens the workspace and the named sweep for the commands below.
struct Opened {
    std::unique_ptr<storage::Store> store;
    storage::SweepRecord sweep;
};
Result<Opened> openSweep(Context& ctx) {
    const auto& pos = ctx.args.positional();
    if (pos.size() != 1) throw UsageError("give the sweep's NAME or id");
    auto store = workspace::openWorkspace(ctx.dbPath);
    if (!store) return store.status();
    auto sweep = findSweep(**store, pos[0]);
    if (!sweep) return sweep.status();
    return Opened{std::move(*store), *sweep};
}

int statusOrCollect(Context& ctx, bool merge) {
    const std::string cmd = merge ? "sweep collect" : "sweep status";
    auto o = openSweep(ctx);
    if (!o) return fail(ctx, cmd, o.status());
    runs::SlurmClient slurm;
    auto report = runs::followClusterSweep(*o->store, o->sweep, slurm, merge);
    if (!report) return fail(ctx, cmd, report.status());
    json out = reportJson(o->sweep, *report);
    if (!ctx.json) printReport(*ctx.out, o->sweep, *report, merge);
    if (merge && report->complete()) {   // fitted once, when the last run has finished
        auto cluster = o->store->clusterSweep(o->sweep.id);
        if (!cluster) return fail(ctx, cmd, cluster.status());
        if (cluster->fittedAt <= 0) {
            if (Status fitted = fitSweep(ctx, *o->store, o->sweep, &out); !fitted) return fail(ctx, cmd, fitted);
            cluster->fittedAt = storage::nowSeconds();
            if (Status s = o->store->putClusterSweep(*cluster); !s) return fail(ctx, cmd, s);
        }
        out["fitted"] = true;
    } else if (merge && !ctx.json && report->count(storage::RunStatus::Running) + report->count(storage::RunStatus::Queued) == 0 &&
               !report->complete()) {
        *ctx.out << "not every run finished; continue with: seqscope-cli sweep resume " << o->sweep.name << " --slurm --db " << ctx.dbPath
                 << "\n";
    }
    if (ctx.json) *ctx.out << out.dump(2) << "\n";
    if (report->problems() > 0) {
        *ctx.err << "seqscope-cli " << cmd << ": " << report->problems() << " run file(s) could not be read and were skipped\n";
        return kExitFailure;
    }
    return kExitOk;
}

int cancelSweep(Context& ctx) {
    auto o = openSweep(ctx);
    if (!o) return fail(ctx, "sweep cancel", o.status());
    runs::SlurmClient slurm;
    auto cancelled = runs::cancelClusterSweep(*o->store, o->sweep, slurm);
    if (!cancelled) return fail(ctx, "sweep cancel", cancelled.status());
    if (ctx.json) *ctx.out << json{{"sweep", o->sweep.name}, {"cancelled_tasks", *cancelled}}.dump(2) << "\n";
    else if (cancelled->empty()) *ctx.out << "sweep " << o->sweep.name << ": no task is queued or running in Slurm\n";
    else
        *ctx.out << "sweep " << o->sweep.name << ": asked Slurm to stop " << cancelled->size() << " task(s) ("
                 << runs::formatArrayTasks(*cancelled) << "); running ones checkpoint first. Resume with: seqscope-cli sweep resume "
                 << o->sweep.name << " --slurm\n";
    return kExitOk;
}

}  // namespace

std::vector<OptionSpec> slurmSubmitOptions() {
    const char* g = "Slurm";
    return {{"slurm", "", "submit the runs as one Slurm job array instead of training them here", "", g},
            {"partition", "P", "Slurm partition", "the cluster's default", g},
            {"gpus-per-run", "G", "GPUs per run (--gres=gpu:G)", "0", g},
            {"cpus-per-run", "C", "CPUs per run (--cpus-per-task, the trainer's --threads)", "1", g},
            {"time", "T", "time limit per run, Slurm's format (12:00:00, 1-00:00:00)", "the partition's", g},
            {"account", "A", "Slurm account", "your default", g},
            {"sbatch-template", "FILE", "sbatch script template with {{PLACEHOLDERS}} (docs/cluster.md)", "built in", g},
            {"run-folder", "DIR", "shared folder for the run files, checkpoints, logs and script", "<db>.sweeps/<name>", g},
            {"node-cli", "PATH", "seqscope-cli as the nodes see it", "this executable", g}};
}

int submitSlurmSweep(Context& ctx, storage::Store& store, const std::string& dbPath, const storage::SweepRecord& sweep,
                     const std::string& device, bool resubmit, json out) {
    const Args& a = ctx.args;
    runs::ClusterOptions o;
    o.folder = a.str("run-folder");
    o.partition = a.str("partition");
    o.account = a.str("account");
    o.time = a.str("time");
    o.gpusPerRun = static_cast<int>(a.integer("gpus-per-run", 0));
    o.cpusPerRun = static_cast<int>(a.integer("cpus-per-run", 1));
    o.device = device;
    if (a.has("sbatch-template")) o.templatePath = fs::absolute(a.str("sbatch-template")).string();
    o.program = a.str("node-cli");
    if (std::string why; !o.isValid(&why)) throw UsageError(why);
    std::vector<std::string> overrides;   // a resubmission's flags override the script's #SBATCH lines
    if (resubmit) {
        if (a.has("partition")) overrides.push_back("--partition=" + o.partition);
        if (a.has("account")) overrides.push_back("--account=" + o.account);
        if (a.has("time")) overrides.push_back("--time=" + o.time);
        if (a.has("gpus-per-run")) overrides.push_back("--gres=gpu:" + std::to_string(o.gpusPerRun));
        if (a.has("cpus-per-run")) overrides.push_back("--cpus-per-task=" + std::to_string(o.cpusPerRun));
    }
    runs::SlurmClient slurm;
    auto submitted = runs::submitClusterSweep(store, dbPath, sweep, o, slurm, overrides);
    if (!submitted) {
        *ctx.err << "seqscope-cli sweep: " << submitted.status().message() << "\n";
        *ctx.err << "seqscope-cli sweep: the runs stay queued; submit again with: seqscope-cli sweep resume " << sweep.name
                 << " --slurm --db " << dbPath << "\n";
        return kExitFailure;
    }
    const auto& s = *submitted;
    out["slurm"] = json{{"job_id", s.jobId}, {"tasks", s.tasks}, {"script", s.script}, {"notes", s.notes}};
    if (ctx.json) {
        *ctx.out << out.dump(2) << "\n";
        return kExitOk;
    }
    for (const auto& n : s.notes) *ctx.out << "note: " << n << "\n";
    if (s.tasks.empty()) {
        *ctx.out << "nothing to submit: no run of sweep " << sweep.name << " needs training\n";
        return kExitOk;
    }
    *ctx.out << "submitted job " << s.jobId << " with " << s.tasks.size() << " array task(s) (" << runs::formatArrayTasks(s.tasks)
             << ") from " << s.script << "\n"
             << "follow:  seqscope-cli sweep status " << sweep.name << " --db " << dbPath << "\n"
             << "collect: seqscope-cli sweep collect " << sweep.name << " --db " << dbPath << " (fits once every run finished)\n";
    return kExitOk;
}

void registerSweepSlurmCommands(Registry& registry) {
    Command st;
    st.path = "sweep status";
    st.summary = "a Slurm sweep's tasks: Slurm state and each run file's progress (writes nothing)";
    st.description = "Asks Slurm (scontrol, or sacct once the controller has forgotten the job) for each array task's state, then "
                     "reads each task's run file from a private copy, and prints what collect would merge.";
    st.usesDatabase = true;
    st.positionalUsage = "NAME|ID";
    st.handler = [](Context& ctx) { return statusOrCollect(ctx, false); };
    registry.add(std::move(st));

    Command co;
    co.path = "sweep collect";
    co.summary = "merge a Slurm sweep's run files into the database (finished and partial runs; idempotent), then fit when complete";
    co.description = "Merges each task's run file by run UUID: the run's state, and only metric rows the database lacks (a second "
                     "collect adds nothing). A task Slurm stopped (time limit, preemption, node failure) becomes interrupted; "
                     "`sweep resume NAME --slurm` resubmits it from its checkpoint. A corrupt file is reported and skipped. When "
                     "every run has finished, the sweep is fitted as a local sweep is, once. Exit 1 when a file was skipped.";
    co.usesDatabase = true;
    co.positionalUsage = "NAME|ID";
    co.handler = [](Context& ctx) { return statusOrCollect(ctx, true); };
    registry.add(std::move(co));

    Command ca;
    ca.path = "sweep cancel";
    ca.summary = "scancel a Slurm sweep's queued and running tasks (running runs checkpoint first)";
    ca.usesDatabase = true;
    ca.positionalUsage = "NAME|ID";
    ca.handler = cancelSweep;
    registry.add(std::move(ca));
}

}  // namespace seqscope::cli
