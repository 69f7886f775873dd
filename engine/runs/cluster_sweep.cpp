// SPDX-License-Identifier: MIT
// Cluster sweeps (cluster_sweep.h): submitting, following and cancelling the array tasks, and the one
// rule that turns a task's file state and Slurm's state into the run's status (mergedStatus).
#include "runs/cluster_sweep.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "runs/sweep_runs.h"
#include "storage/run_merge.h"
#include "training/training_config.h"

namespace seqscope::runs {
namespace {

namespace fs = std::filesystem;
using storage::ClusterTaskRecord;
using storage::RunStatus;

std::string selfPath() {
    std::error_code ec;
    const auto p = fs::read_symlink("/proc/self/exe", ec);
    return ec ? std::string("seqscope-cli") : p.string();
}

// Size and modification time of the file and its -wal: unchanged means nothing new to read.
std::string fileSignature(const std::string& file) {
    std::string sig;
    for (const std::string& f : {file, file + "-wal"}) {
        struct stat st {};
        if (::stat(f.c_str(), &st) != 0) {
            sig += "-;";
            continue;
        }
        sig += std::to_string(st.st_size) + ":" + std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec) + ";";
    }
    return sig;
}

struct Merged {
    RunStatus status;
    std::string reason;
};

// The run's status from its file (`file`), what Slurm says of its task (`st`, null when Slurm does
// not know the task) and whether `sweep cancel` asked for it. Slurm is asked before the file is read,
// so "ended" here means the file was final when it was read.
Merged mergedStatus(const storage::RunRecord& file, const ClusterTaskRecord& t, const SlurmTaskState* st, bool reachable,
                    const std::string& sweepName) {
    const RunStatus f = file.status;
    const std::string id = t.slurmId();
    const std::string resume = "; resume with: seqscope-cli sweep resume " + sweepName + " --slurm";
    const bool active = st && st->active();
    const bool ended = reachable && !t.jobId.empty() && !active;   // ended, or forgotten by Slurm
    if (active && st->state != "COMPLETING" && needsTraining(f)) return {RunStatus::Queued, ""};   // (re)submitted, not started yet
    if (f == RunStatus::Cancelled && !t.cancelRequested)
        return {RunStatus::Interrupted,
                "Slurm stopped task " + id + (st ? " (" + st->state + ")" : "") + " after a checkpoint" + resume};
    if ((f == RunStatus::Running || f == RunStatus::Queued) && ended) {
        if (t.cancelRequested) return {RunStatus::Cancelled, "cancelled (sweep cancel) before the run recorded its end"};
        return {RunStatus::Interrupted, "Slurm task " + id + (st ? " ended " + st->state : " is no longer known to Slurm") +
                                            " before the run recorded its end" + resume};
    }
    return {f, file.failureReason};
}

// The task's run file, ready for a (re)submission. Sets *skip with a note when there is nothing to
// train (the file's run already ended for good).
Status prepareTaskFile(const storage::RunRecord& wsRun, const ClusterTaskRecord& task, const std::string& folder, bool* skip,
                       std::string* note) {
    *skip = false;
    std::error_code ec;
    const std::string& file = task.runFile;
    if (fs::exists(file, ec)) {
        storage::StoreOptions o;
        o.createIfMissing = false;
        o.markInterruptedRuns = false;
        auto opened = storage::Store::open(file, o);
        if (opened) {
            auto runs = (*opened)->runs();
            if (!runs) return Status(runs.status()).withContext(file);
            if (runs->size() != 1 || runs->front().uuid != task.runUuid)
                return Status::invalid("run file '" + file + "' does not hold run " + task.runUuid + " alone; it was left as it is");
            const auto& r = runs->front();
            if (r.status == RunStatus::Finished || r.status == RunStatus::Diverged) {
                *skip = true;
                *note = "task " + std::to_string(task.arrayTask) + ": run already " + storage::toString(r.status) + " in its file (collect merges it)";
                return Status::ok();
            }
            if (r.status == RunStatus::Running)   // Slurm says the task is gone: its writer is dead
                return (*opened)->finishRun(r.id, RunStatus::Interrupted, "its Slurm task ended before the run recorded its end");
            return Status::ok();
        }
        if (opened.status().code() != StatusCode::Corrupt && opened.status().code() != StatusCode::Incompatible)
            return opened.status();
        // Unreadable: keep it for inspection, start a fresh file that resumes from the checkpoint.
        const std::string aside = file + ".corrupt";
        fs::rename(file, aside, ec);
        if (ec) return Status::io("cannot move the corrupt run file '" + file + "' aside: " + ec.message());
        fs::rename(file + "-wal", aside + "-wal", ec);
        fs::remove(file + "-shm", ec);
        *note = "task " + std::to_string(task.arrayTask) + ": corrupt run file moved to " + aside + "; a new one continues from the checkpoint";
    }
    auto config = training::trainingConfigFromJson(wsRun.configJson);
    if (!config) return Status(config.status()).withContext("run " + std::to_string(wsRun.id) + " config");
    config->checkpointDir = (fs::path(folder) / "checkpoints" / ("task-" + std::to_string(task.arrayTask))).string();
    storage::RunRecord r = wsRun;
    r.id = 0;
    r.sweepId = 0;
    r.configJson = training::trainingConfigToJson(*config);
    r.status = wsRun.status == RunStatus::Queued ? RunStatus::Queued : RunStatus::Interrupted;   // not queued: resume from a checkpoint if any
    r.host.clear();
    r.pid = 0;
    r.processStart = 0;
    auto store = storage::Store::open(file);
    if (!store) return Status(store.status()).withContext("creating run file '" + file + "'");
    auto id = (*store)->createRun(r);
    if (!id) return Status(id.status()).withContext("creating run file '" + file + "'");
    if (*id != 1) return Status(StatusCode::Internal, "run file '" + file + "' gave the run id " + std::to_string(*id) + ", not 1");
    return Status::ok();
}

}  // namespace

std::string defaultClusterFolder(const std::string& dbPath, const std::string& sweepName) {
    return (fs::absolute(fs::path(dbPath + ".sweeps") / sweepName)).lexically_normal().string();
}

std::string ClusterTaskReport::statusText() const {
    std::string s = storage::toString(status);
    if (task.jobId.empty()) return s;
    const bool plain = task.slurmState.empty() || (status == RunStatus::Running && task.slurmState == "RUNNING");
    return s + " (slurm " + task.slurmId() + (plain ? "" : " " + task.slurmState) + ")";
}

bool ClusterReport::complete() const {
    if (tasks.empty()) return false;
    for (const auto& t : tasks)
        if (t.status != RunStatus::Finished && t.status != RunStatus::Diverged) return false;
    return true;
}

int ClusterReport::count(RunStatus status) const {
    int n = 0;
    for (const auto& t : tasks) n += t.status == status;
    return n;
}

int ClusterReport::problems() const {
    int n = 0;
    for (const auto& t : tasks) n += !t.problem.empty();
    return n;
}

Result<SubmitResult> submitClusterSweep(storage::Store& ws, const std::string& dbPath, const storage::SweepRecord& sweep,
                                        const ClusterOptions& options, SlurmClient& slurm, const std::vector<std::string>& sbatchArgs) {
    auto recorded = ws.clusterSweep(sweep.id);
    if (!recorded && recorded.status().code() != StatusCode::NotFound) return recorded.status();
    ClusterOptions o = recorded ? ClusterOptions::fromJson(recorded->optionsJson) : options;
    if (o.program.empty()) o.program = selfPath();
    const std::string folder = recorded ? recorded->folder
                               : o.folder.empty() ? defaultClusterFolder(dbPath, sweep.name)
                                                  : fs::absolute(o.folder).lexically_normal().string();
    o.folder = folder;
    std::string error;
    if (!o.isValid(&error)) return Status::invalid(error);
    std::error_code ec;
    for (const char* sub : {"runs", "checkpoints", "logs"}) {
        fs::create_directories(fs::path(folder) / sub, ec);
        if (ec) return Status::io("cannot create '" + (fs::path(folder) / sub).string() + "': " + ec.message());
    }
    SubmitResult result;
    result.script = (fs::path(folder) / "sweep.sbatch").string();
    if (!recorded || !fs::exists(result.script, ec)) {
        auto text = renderSbatchScript(o, sweep.name, folder);
        if (!text) return text.status();
        std::ofstream out(result.script, std::ios::binary | std::ios::trunc);
        out << *text;
        out.close();
        if (!out) return Status::io("cannot write '" + result.script + "'");
        fs::permissions(result.script, fs::perms::owner_all | fs::perms::group_read | fs::perms::others_read, ec);
    }
    if (!recorded) {
        storage::ClusterSweepRecord rec{sweep.id, folder, result.script, o.toJson(), 0};
        if (Status s = ws.putClusterSweep(rec); !s) return s;
    }

    // What Slurm runs now: those tasks are not submitted again.
    auto known = ws.clusterTasks(sweep.id);
    if (!known) return known.status();
    std::map<std::string, ClusterTaskRecord> byUuid;
    std::set<std::string> jobs;
    int next = 0;
    for (const auto& t : *known) {
        byUuid[t.runUuid] = t;
        next = std::max(next, t.arrayTask + 1);
        if (!t.jobId.empty()) jobs.insert(t.jobId);
    }
    std::map<std::string, std::map<int, SlurmTaskState>> states;
    for (const auto& job : jobs) {
        auto s = slurm.taskStates(job);
        if (!s) return Status(s.status()).withContext("asking Slurm which tasks still run");
        states[job] = std::move(*s);
    }
    storage::RunFilter f;
    f.sweepId = sweep.id;
    auto runs = ws.runs(f);
    if (!runs) return runs.status();
    std::vector<ClusterTaskRecord> todo;
    for (const auto& r : *runs) {
        if (!needsTraining(r.status)) continue;
        ClusterTaskRecord t;
        if (auto it = byUuid.find(r.uuid); it != byUuid.end()) {
            t = it->second;
            const auto& js = states[t.jobId];
            if (auto st = js.find(t.arrayTask); st != js.end() && st->second.active()) {
                result.notes.push_back("task " + std::to_string(t.arrayTask) + " (run " + std::to_string(r.id) + ") is still " +
                                       st->second.state + " in Slurm (" + t.slurmId() + "): not submitted again");
                continue;
            }
        } else {
            t.sweepId = sweep.id;
            t.arrayTask = next++;
            t.runUuid = r.uuid;
            t.runFile = (fs::path(folder) / "runs" / ("task-" + std::to_string(t.arrayTask) + ".db")).string();
        }
        bool skip = false;
        std::string note;
        if (Status s = prepareTaskFile(r, t, folder, &skip, &note); !s) return Status(s).withContext("task " + std::to_string(t.arrayTask));
        if (!note.empty()) result.notes.push_back(note);
        if (skip) continue;
        t.cancelRequested = false;
        t.mergedSeq = 0;   // a resumed run rewrites rows after its checkpoint: compare them all once
        t.fileSignature.clear();
        if (Status s = ws.putClusterTask(t); !s) return s;   // known before sbatch: a failed submission is resubmitted
        todo.push_back(t);
    }
    if (todo.empty()) return result;
    for (const auto& t : todo) result.tasks.push_back(t.arrayTask);
    auto job = slurm.submitArray(result.script, result.tasks, sbatchArgs, folder);
    if (!job) return job.status();
    result.jobId = *job;
    Status saved = ws.transact([&]() -> Status {
        for (auto t : todo) {
            t.jobId = result.jobId;
            t.slurmState = "PENDING";
            if (Status s = ws.putClusterTask(t); !s) return s;
        }
        return Status::ok();
    });
    if (!saved) return Status(saved).withContext("recording job " + result.jobId + " (it was submitted)");
    return result;
}

Result<ClusterReport> followClusterSweep(storage::Store& ws, const storage::SweepRecord& sweep, SlurmClient& slurm, bool merge) {
    auto recorded = ws.clusterSweep(sweep.id);
    if (!recorded) return recorded.status();
    auto tasks = ws.clusterTasks(sweep.id);
    if (!tasks) return tasks.status();
    ClusterReport report;
    // Slurm first: a file read after Slurm said a task ended holds that task's last write.
    std::map<std::string, std::map<int, SlurmTaskState>> states;
    for (const auto& t : *tasks) {
        if (t.jobId.empty() || states.count(t.jobId) || !report.slurmReachable) continue;
        auto s = slurm.taskStates(t.jobId);
        if (!s) {
            report.slurmReachable = false;
            report.slurmError = s.status().message();
            continue;
        }
        states[t.jobId] = std::move(*s);
    }
    for (const auto& known : *tasks) {
        ClusterTaskReport rep;
        rep.task = known;
        const SlurmTaskState* st = nullptr;
        if (auto js = states.find(known.jobId); js != states.end())
            if (auto it = js->second.find(known.arrayTask); it != js->second.end()) st = &it->second;
        if (report.slurmReachable) rep.task.slurmState = st ? st->state : known.jobId.empty() ? "" : "ENDED";
        auto wsRun = ws.runByUuid(known.runUuid);
        if (wsRun) {
            rep.runId = wsRun->id;
            rep.runName = wsRun->name;
            rep.status = wsRun->status;
            rep.reason = wsRun->failureReason;
        }
        const std::string sig = fileSignature(known.runFile);
        const bool settled = wsRun && storage::isTerminal(wsRun->status) && !(st && st->active());
        if (merge && settled && sig == known.fileSignature) {   // nothing new in the file
            if (auto n = ws.metricCount(rep.runId)) rep.metricRows = *n;
            if (rep.task.slurmState != known.slurmState)
                if (Status s = ws.putClusterTask(rep.task); !s) return s;
            report.tasks.push_back(std::move(rep));
            continue;
        }
        auto snap = storage::readRunSnapshot(known.runFile, known.mergedSeq);
        if (!snap) {
            rep.problem = snap.status().message();
            report.tasks.push_back(std::move(rep));
            continue;
        }
        if (snap->run.uuid != known.runUuid) {
            rep.problem = "run file '" + known.runFile + "' holds run " + snap->run.uuid + ", not " + known.runUuid + "; it was not merged";
            report.tasks.push_back(std::move(rep));
            continue;
        }
        const Merged m = mergedStatus(snap->run, known, st, report.slurmReachable, sweep.name);
        snap->run.status = m.status;
        snap->run.failureReason = m.reason;
        rep.status = m.status;
        rep.reason = m.reason;
        rep.newRows = static_cast<long long>(snap->points.size());
        rep.metricRows = snap->metricCount;
        if (merge) {
            auto merged = storage::mergeRunSnapshot(ws, *snap, sweep.id);
            if (!merged) {
                rep.problem = merged.status().message();
                report.tasks.push_back(std::move(rep));
                continue;
            }
            rep.runId = merged->runId;
            rep.added = merged->added;
            rep.replaced = merged->replaced;
            rep.task.mergedSeq = snap->lastSeq;
            rep.task.fileSignature = sig;
            if (Status s = ws.putClusterTask(rep.task); !s) return s;
        }
        report.tasks.push_back(std::move(rep));
    }
    return report;
}

Result<std::vector<int>> cancelClusterSweep(storage::Store& ws, const storage::SweepRecord& sweep, SlurmClient& slurm) {
    auto tasks = ws.clusterTasks(sweep.id);
    if (!tasks) return tasks.status();
    std::map<std::string, std::vector<ClusterTaskRecord>> byJob;
    for (const auto& t : *tasks)
        if (!t.jobId.empty()) byJob[t.jobId].push_back(t);
    std::vector<int> cancelled;
    for (auto& [job, list] : byJob) {
        auto states = slurm.taskStates(job);
        if (!states) return states.status();
        std::vector<int> ids;
        for (auto& t : list)
            if (auto it = states->find(t.arrayTask); it != states->end() && it->second.active()) ids.push_back(t.arrayTask);
        if (ids.empty()) continue;
        // Recorded first: a task that ends between scancel and the next look is still "asked to stop".
        for (auto& t : list)
            if (std::find(ids.begin(), ids.end(), t.arrayTask) != ids.end()) {
                t.cancelRequested = true;
                if (Status s = ws.putClusterTask(t); !s) return s;
            }
        if (Status s = slurm.cancel(job, ids); !s) return s;
        cancelled.insert(cancelled.end(), ids.begin(), ids.end());
    }
    return cancelled;
}

}  // namespace seqscope::runs
