// SPDX-License-Identifier: MIT
// `seqscope-cli train`: one training run from the shell (issue 6). Resolves the model, budget and
// recipe, checks everything that can be checked (config, data, budget >= one step, checkpoint
// directory) before creating the run, prints the resolved config and derived numbers, then trains
// with metrics streamed into the database and a progress bar on stderr. Ctrl-C cancels: the last
// completed step is checkpointed and the run marked cancelled; `--resume RUN` continues it (also
// interrupted, failed and queued runs, e.g. a sweep's).
//   seqscope-cli train --preset xlstm-1m --ctx 256 --tokens 2e6 --db runs.db
//   seqscope-cli train --arch transformer --d-model 128 --layers 4 --ctx 128 --flops 1e13 --data synthetic:mqar
//   seqscope-cli train --resume 7 --db runs.db
#include <nlohmann/json.hpp>

#include <filesystem>
#include <ostream>

#include "analysis/fit_common.h"
#include "analysis/presets.h"
#include "cli/command_line.h"
#include "cli/commands.h"
#include "cli/train_support.h"
#include "runs/run_estimate.h"
#include "runs/run_executor.h"
#include "runs/run_resolver.h"
#include "workspace/workspace.h"

namespace seqscope::cli {
namespace {

using nlohmann::json;

int fail(Context& ctx, const Status& status) {
    *ctx.err << "seqscope-cli train: " << status.message() << "\n";
    return kExitFailure;
}

// Flags that define a run: refused with --resume, which takes the stored config.
const char* const kDefiningFlags[] = {"arch", "preset", "d-model", "layers", "heads", "vocab", "ctx", "tokens", "flops",
                                      "ratio", "data", "val-fraction", "seed", "lr", "batch", "batch-tokens",
                                      "micro-batch", "warmup", "grad-clip", "weight-decay", "checkpoint-dir", "name", "tag",
                                      "plan-only"};

int report(Context& ctx, long long runId, const runs::ExecuteResult& r) {
    const auto& t = r.training;
    if (ctx.json) {
        json j{{"run_id", runId},
               {"status", storage::toString(r.runStatus)},
               {"config", json::parse(training::trainingConfigToJson(r.config))},
               {"plan", traincli::planJson(r.config, r.plan)},
               {"result", traincli::resultJson(t)}};
        if (!r.status.isOk()) j["error"] = r.status.message();
        *ctx.out << j.dump(2) << "\n";
    } else if (!r.refused) {
        *ctx.out << "run " << runId << " " << storage::toString(r.runStatus) << ": " << t.steps << "/" << t.planSteps << " steps, "
                 << traincli::formatCount(static_cast<double>(t.tokens)) << " tokens, " << analysis::fmt(t.flops, 4)
                 << " FLOPs in " << traincli::formatDuration(t.seconds);
        if (std::isfinite(t.finalValLoss)) *ctx.out << ", val loss " << analysis::fmt(t.finalValLoss, 5);
        if (std::isfinite(t.finalValAccuracy)) *ctx.out << ", val accuracy " << analysis::fmt(t.finalValAccuracy, 4);
        if (std::isfinite(t.finalTrainLoss)) *ctx.out << " (train " << analysis::fmt(t.finalTrainLoss, 5) << ")";
        *ctx.out << "\n";
    }
    if (r.status.isOk()) return kExitOk;
    if (r.refused) return fail(ctx, r.status);
    std::string why = "run " + std::to_string(runId) + " " + storage::toString(r.runStatus);
    if (!r.status.message().empty()) why += ": " + r.status.message();
    if (!t.checkpointPath.empty() && r.runStatus != storage::RunStatus::Diverged)
        why += "; resume with: seqscope-cli train --resume " + std::to_string(runId) + " --db " + ctx.dbPath;
    *ctx.err << "seqscope-cli train: " << why << "\n";
    return kExitFailure;
}

// Runs the stored run through the run service with the progress bar and Ctrl-C.
int execute(Context& ctx, long long runId, runs::ExecuteOptions options) {
    auto progress = traincli::makeProgressBar(ctx.err, !ctx.json);
    options.progress = progress.get();
    traincli::CancelOnSignal guard;
    const auto result = runs::executeRun(ctx.dbPath, runId, options);
    if (!ctx.json && result.resumedAtStep >= 0)
        *ctx.out << "run " << runId << ": resumed from " << result.checkpoint << " at step " << result.resumedAtStep << "/"
                 << result.plan.steps << "\n";
    for (const auto& note : result.notes) *ctx.err << "note: " << note << "\n";
    return report(ctx, runId, result);
}

int resumeRun(Context& ctx) {
    const Args& a = ctx.args;
    for (const char* f : kDefiningFlags)
        if (a.has(f)) throw UsageError(std::string("--resume continues the stored config; --") + f + " cannot be changed");
    const runs::RunRequest flags = traincli::recipeRequest(a);   // only the settings a resume may change
    runs::ExecuteOptions options;
    options.device = flags.device;
    options.threads = flags.threads;
    options.fp32 = flags.fp32;
    options.peakFlopsPerSecond = flags.peakFlopsPerSecond;
    options.evalEvery = flags.evalEvery;
    options.evalTokens = flags.evalTokens;
    options.checkpointEvery = flags.checkpointEvery;
    {   // the run must exist in a Seqscope database; the executor takes it from there
        auto store = workspace::openWorkspace(ctx.dbPath);
        if (!store) return fail(ctx, store.status());
    }
    return execute(ctx, a.integer("resume"), options);
}

int trainRun(Context& ctx) {
    const Args& a = ctx.args;
    runs::ResolveOptions resolve;
    resolve.dbPath = ctx.dbPath;
    resolve.checkCheckpointRoot = !a.has("plan-only");
    auto resolved = runs::resolveRun(traincli::trainRequest(a), resolve);
    if (!resolved) return fail(ctx, resolved.status());
    runs::ResolvedRun& run = *resolved;
    if (a.has("plan-only")) {
        // Time from the runs that finished here (an existing database), else from a probe step.
        std::unique_ptr<storage::Store> existing;
        if (std::filesystem::exists(ctx.dbPath)) {
            storage::StoreOptions readOnly;
            readOnly.readOnly = true;
            if (auto opened = storage::Store::open(ctx.dbPath, readOnly)) existing = std::move(*opened);
        }
        const training::StepProbe probe = runs::probeRun(run.config);
        runs::Throughput rate = existing ? runs::measuredThroughput(*existing) : runs::Throughput{};
        if (!rate.general()) rate = runs::probeThroughput(probe);   // this run's own step beats one other size
        const runs::RunEstimate estimate = runs::estimateRun(run.config, run.plan, rate, probe.status ? &probe : nullptr);
        if (ctx.json) {
            *ctx.out << json{{"config", json::parse(training::trainingConfigToJson(run.config))},
                             {"plan", traincli::planJson(run.config, run.plan)},
                             {"estimate", traincli::estimateJson(estimate)}}
                            .dump(2)
                     << "\n";
        } else {
            traincli::printPlan(*ctx.out, run.config, run.plan);
            traincli::printEstimate(*ctx.out, estimate);
        }
        return kExitOk;
    }
    {
        auto store = workspace::openWorkspace(ctx.dbPath);
        if (!store) return fail(ctx, store.status());
        auto id = runs::createRun(**store, ctx.dbPath, &run);
        if (!id) return fail(ctx, id.status());
    }   // executeRun must be the only user of the file in this process
    if (!ctx.json) {
        *ctx.out << "run " << run.record.id << " (" << run.record.name << ") in " << ctx.dbPath << "\n";
        traincli::printPlan(*ctx.out, run.config, run.plan);
        ctx.out->flush();
    }
    return execute(ctx, run.record.id, {});
}

}  // namespace

void registerTrainCommand(Registry& registry) {
    Command c;
    c.path = "train";
    c.summary = "train one xLSTM or Transformer and stream its metrics into the database";
    c.description =
        "Trains a model with the paper's recipe (AdamW 0.9/0.95, weight decay 0.1 on matrices, linear warm-up then "
        "cosine to 0.1x the peak LR, clipping 0.5) for a budget in tokens, training FLOPs (paper accounting) or D/N. "
        "Metrics go to the database as the run goes; Ctrl-C checkpoints and marks the run cancelled, --resume RUN "
        "continues it (identical losses on CPU with the same --threads).";
    c.usesDatabase = true;
    c.options = traincli::modelOptions();
    const char* b = "Budget";
    c.options.push_back({"ctx", "T", "context length (tokens per sequence)", "the preset's, else 256", "Model"});
    c.options.push_back({"tokens", "N", "train on N tokens", "", b});
    c.options.push_back({"flops", "C", "train for C FLOPs (forward + backward, paper accounting)", "", b});
    c.options.push_back({"ratio", "R", "train on R x N tokens", "", b});
    for (auto& o : traincli::recipeOptions()) c.options.push_back(o);
    const char* r = "Run";
    c.options.push_back({"name", "TEXT", "run name", "preset, context and budget", r});
    c.options.push_back({"tag", "T[,T]", "tags for the run", "", r});
    c.options.push_back({"resume", "RUN", "continue a cancelled, interrupted, failed or queued run from its checkpoint", "", r});
    c.options.push_back({"plan-only", "", "print the resolved config and derived numbers, do not train", "", r});
    c.handler = [](Context& ctx) { return ctx.args.has("resume") ? resumeRun(ctx) : trainRun(ctx); };
    registry.add(std::move(c));
}

}  // namespace seqscope::cli
