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
#include "workspace/run_records.h"
#include "workspace/workspace.h"

namespace seqscope::cli {
namespace {

using nlohmann::json;
using training::TrainingConfig;

int fail(Context& ctx, const Status& status) {
    *ctx.err << "seqscope-cli train: " << status.message() << "\n";
    return kExitFailure;
}

// Flags that define a run: refused with --resume, which takes the stored config.
const char* const kDefiningFlags[] = {"arch", "preset", "d-model", "layers", "heads", "vocab", "ctx", "tokens", "flops",
                                      "ratio", "data", "val-fraction", "seed", "lr", "batch", "batch-tokens",
                                      "micro-batch", "warmup", "grad-clip", "weight-decay", "checkpoint-dir", "name", "tag",
                                      "plan-only"};

std::vector<std::string> tagsOf(const Args& a) { return a.list("tag"); }

int report(Context& ctx, long long runId, const TrainingConfig& config, const training::TrainingPlan& plan,
           const traincli::ExecuteResult& r) {
    const auto& t = r.training;
    if (ctx.json) {
        json j{{"run_id", runId},
               {"status", storage::toString(r.status)},
               {"config", json::parse(training::trainingConfigToJson(config))},
               {"plan", traincli::planJson(config, plan)},
               {"result", traincli::resultJson(t)}};
        if (!r.storeStatus.isOk()) j["store_error"] = r.storeStatus.message();
        *ctx.out << j.dump(2) << "\n";
    } else {
        *ctx.out << "run " << runId << " " << storage::toString(r.status) << ": " << t.steps << "/" << t.planSteps << " steps, "
                 << traincli::formatCount(static_cast<double>(t.tokens)) << " tokens, " << analysis::fmt(t.flops, 4)
                 << " FLOPs in " << traincli::formatDuration(t.seconds);
        if (std::isfinite(t.finalValLoss)) *ctx.out << ", val loss " << analysis::fmt(t.finalValLoss, 5);
        if (std::isfinite(t.finalValAccuracy)) *ctx.out << ", val accuracy " << analysis::fmt(t.finalValAccuracy, 4);
        if (std::isfinite(t.finalTrainLoss)) *ctx.out << " (train " << analysis::fmt(t.finalTrainLoss, 5) << ")";
        *ctx.out << "\n";
    }
    if (!r.storeStatus.isOk()) *ctx.err << "seqscope-cli train: run " << runId << ": " << r.storeStatus.message() << "\n";
    if (r.status == storage::RunStatus::Finished && r.storeStatus.isOk()) return kExitOk;
    std::string why = "run " + std::to_string(runId) + " " + storage::toString(r.status);
    if (!t.reason.empty()) why += ": " + t.reason;
    if (!t.checkpointPath.empty() && r.status != storage::RunStatus::Diverged)
        why += "; resume with: seqscope-cli train --resume " + std::to_string(runId) + " --db " + ctx.dbPath;
    *ctx.err << "seqscope-cli train: " << why << "\n";
    return kExitFailure;
}

int resumeRun(Context& ctx) {
    const Args& a = ctx.args;
    for (const char* f : kDefiningFlags)
        if (a.has(f)) throw UsageError(std::string("--resume continues the stored config; --") + f + " cannot be changed");
    const long long runId = a.integer("resume");
    auto store = workspace::openWorkspace(ctx.dbPath);
    if (!store) return fail(ctx, store.status());
    auto rec = (*store)->run(runId);
    if (!rec) return fail(ctx, rec.status());
    switch (rec->status) {
    case storage::RunStatus::Finished: return fail(ctx, Status::invalid("run " + std::to_string(runId) + " already finished"));
    case storage::RunStatus::Running:
        return fail(ctx, Status::invalid("run " + std::to_string(runId) + " is running (pid " + std::to_string(rec->pid) + " on " +
                                         rec->host + ")"));
    case storage::RunStatus::Diverged:
        return fail(ctx, Status::invalid("run " + std::to_string(runId) +
                                         " diverged; the same data and state would diverge again (start a new run)"));
    default: break;
    }
    auto parsed = training::trainingConfigFromJson(rec->configJson);
    if (!parsed) return fail(ctx, Status(parsed.status()).withContext("run " + std::to_string(runId) + " config"));
    TrainingConfig config = *parsed;
    const int storedThreads = config.threads;
    config.threads = static_cast<int>(a.integer("threads", config.threads));
    config.device = a.str("device", config.device);
    if (a.has("fp32")) config.bf16 = false;
    config.peakFlopsPerSecond = a.number("peak-flops", config.peakFlopsPerSecond);
    config.evalEvery = a.integer("eval-every", config.evalEvery);
    config.evalTokens = a.integer("eval-tokens", config.evalTokens);
    config.checkpointEvery = a.integer("checkpoint-every", config.checkpointEvery);
    if (config.checkpointDir.empty()) config.checkpointDir = traincli::checkpointDirFor("", ctx.dbPath, runId);
    const auto plan = training::planTraining(config);
    if (!plan.status) return fail(ctx, plan.status);
    if (Status s = training::validateModelConfig(config); !s) return fail(ctx, s);
    if (auto v = traincli::probeData(config); !v) return fail(ctx, v.status());

    traincli::ExecuteOptions options;
    options.progress = !ctx.json;
    options.err = ctx.err;
    const std::string ckpt = training::checkpointPath(config.checkpointDir);
    std::error_code ec;
    if (rec->status != storage::RunStatus::Queued && std::filesystem::exists(ckpt, ec)) {
        const auto info = training::readCheckpointInfo(ckpt);
        if (!info.status) return fail(ctx, info.status);
        options.resumeFrom = ckpt;
        if (!ctx.json) *ctx.out << "run " << runId << ": resuming from " << ckpt << " at step " << info.step << "/" << plan.steps << "\n";
    } else if (!ctx.json) {
        *ctx.out << "run " << runId << ": no checkpoint, starting at step 0\n";
    }
    if (storedThreads != config.threads && !ctx.json)
        *ctx.err << "note: the run used --threads " << storedThreads << ", now " << config.threads
                 << "; losses match an uninterrupted run only with the same thread count\n";
    if (!ctx.json) traincli::printPlan(*ctx.out, config, plan);
    storage::RunRecord updated = *rec;
    updated.configJson = training::trainingConfigToJson(config);
    updated.device = config.device;
    if (Status s = (*store)->updateRun(updated); !s) return fail(ctx, s);
    store->reset();   // executeStoredRun must be the only user of the file in this process
    traincli::CancelOnSignal guard;
    const auto result = traincli::executeStoredRun(ctx.dbPath, runId, config, options);
    return report(ctx, runId, config, plan, result);
}

int trainRun(Context& ctx) {
    const Args& a = ctx.args;
    TrainingConfig config;
    const analysis::Preset* preset = a.has("preset") ? analysis::findPreset(a.str("preset")) : nullptr;
    config.context = a.integer("ctx", preset ? preset->context : 256);
    if (config.context < 1) throw UsageError("option --ctx: must be at least 1 token");
    traincli::applyRecipe(a, &config);
    const std::string budget = a.oneOf({"tokens", "flops", "ratio"});
    training::parseBudgetKind(budget, &config.budgetKind);
    config.budget = a.number(budget);

    auto vocab = traincli::probeData(config);
    if (!vocab) return fail(ctx, vocab.status());
    config.shape = traincli::shapeFromArgs(a, config.context, *vocab, &config.preset);
    auto plan = training::planTraining(config);
    if (!plan.status) return fail(ctx, plan.status);
    if (Status s = training::validateModelConfig(config); !s) return fail(ctx, s);
    if (!a.has("checkpoint-every")) config.checkpointEvery = plan.steps > 100 ? std::max(100LL, plan.steps / 10) : 0;

    if (a.has("plan-only")) {
        if (ctx.json)
            *ctx.out << json{{"config", json::parse(training::trainingConfigToJson(config))},
                             {"plan", traincli::planJson(config, plan)}}
                            .dump(2)
                     << "\n";
        else
            traincli::printPlan(*ctx.out, config, plan);
        return kExitOk;
    }
    const std::string root = a.str("checkpoint-dir");
    const std::string probeDir = traincli::checkpointDirFor(root, ctx.dbPath, 0);
    if (Status s = training::checkWritableDirectory(std::filesystem::path(probeDir).parent_path().string()); !s)
        return fail(ctx, s);

    auto store = workspace::openWorkspace(ctx.dbPath);
    if (!store) return fail(ctx, store.status());
    storage::RunRecord rec = workspace::queuedRunRecord(config, plan, a.str("name"), tagsOf(a));
    auto id = (*store)->createRun(rec);
    if (!id) return fail(ctx, Status(id.status()).withContext("creating the run"));
    rec.id = *id;
    config.checkpointDir = traincli::checkpointDirFor(root, ctx.dbPath, rec.id);
    rec.configJson = training::trainingConfigToJson(config);
    if (Status s = (*store)->updateRun(rec); !s) return fail(ctx, s);

    if (!ctx.json) {
        *ctx.out << "run " << rec.id << " (" << rec.name << ") in " << ctx.dbPath << "\n";
        traincli::printPlan(*ctx.out, config, plan);
        ctx.out->flush();
    }
    traincli::ExecuteOptions options;
    options.progress = !ctx.json;
    options.err = ctx.err;
    store->reset();   // executeStoredRun must be the only user of the file in this process
    traincli::CancelOnSignal guard;
    const auto result = traincli::executeStoredRun(ctx.dbPath, rec.id, config, options);
    return report(ctx, rec.id, config, plan, result);
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
