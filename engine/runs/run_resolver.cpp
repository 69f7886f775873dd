// SPDX-License-Identifier: MIT
// resolveRun: request -> config (defaults) -> plan -> checks -> record (see run_resolver.h).
#include "runs/run_resolver.h"

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "analysis/accounting.h"
#include "analysis/presets.h"
#include "analysis/fit_common.h"
#include "data/batch_source.h"
#include "inference/process_probe.h"
#include "interop/model_directory.h"
#include "storage/store.h"
#include "data/synthetic_tasks.h"
#include "runs/run_estimate.h"
#include "runs/run_record.h"
#include "training/sweep_plan.h"
#include "training/trainer.h"

namespace seqscope::runs {

namespace fs = std::filesystem;

long long defaultBatchTokens(double budgetTokens, long long context) {
    const long long ctx = std::max(1LL, context);
    const double perStep = budgetTokens / static_cast<double>(kDefaultTargetSteps);
    long long sequences = 1;
    while (static_cast<double>(2 * sequences * ctx) <= perStep && 2 * sequences * ctx <= kMaxDefaultBatchTokens) sequences *= 2;
    return sequences * ctx;
}

long long defaultCheckpointEvery(long long steps) { return steps > 100 ? std::max(100LL, steps / 10) : 0; }

long long defaultEvalTokens(double trainTokens, long long context) {
    const long long cap = training::TrainingConfig{}.evalTokens;
    return std::clamp<long long>(static_cast<long long>(trainTokens / 4), std::min(context, cap), cap);
}

Result<int> probeDataVocab(const training::TrainingConfig& c) {
    auto source = data::makeBatchSource(training::dataOptionsFor(c));
    if (!source) return source.status();
    return (*source)->vocab();
}

namespace {

// Byte-tokenized text and the synthetic tasks share the byte vocabulary; token files need a look.
std::optional<int> vocabWithoutLoading(const std::string& spec) {
    const std::string ext = fs::path(spec).extension().string();
    if (spec.rfind("tokens:", 0) == 0 || ext == ".bin" || ext == ".u16" || ext == ".tok") return std::nullopt;
    return analysis::kByteVocab;
}

Result<analysis::ModelShape> shapeFor(const RunRequest& r, long long context, int vocab, bool vocabKnown,
                                      std::string* presetName) {
    analysis::ModelShape shape;
    presetName->clear();
    if (!r.initFrom.empty()) {   // c.initFrom is already the directory (resolveRun)
        if (!r.preset.empty() || r.dModel || r.layers || r.heads || !r.arch.empty())
            return Status::invalid("a run that starts from a model takes its shape from it: drop the preset, architecture and dimensions");
        auto info = interop::inspectModelDirectory(r.initFrom);
        if (!info) return info.status();
        shape = info->config.shape;
        if (r.vocab && *r.vocab != shape.vocab)
            return Status::invalid("vocab " + std::to_string(*r.vocab) + " differs from the model's " + std::to_string(shape.vocab));
        if (vocabKnown && vocab > shape.vocab)
            return Status::invalid("the data's vocabulary (" + std::to_string(vocab) + ") exceeds the model's (" +
                                   std::to_string(shape.vocab) + ")");
        shape.maxContext = std::max(shape.maxContext, static_cast<int>(std::max<long long>(context, 1)));
        if (shape.arch == analysis::Arch::XLstm && context < shape.chunk) shape.chunk = training::chunkForContext(context);
        return shape;
    }
    if (!r.preset.empty()) {
        if (r.dModel || r.layers || r.heads) return Status::invalid("preset " + r.preset + " and custom dimensions (width, blocks, heads) cannot be combined");
        const analysis::Preset* p = analysis::findPreset(r.preset);
        if (!p) return Status::invalid("unknown preset '" + r.preset + "' (" + analysis::presetNames() + ")");
        shape = p->shape;
        if (!r.arch.empty()) {
            analysis::Arch arch;
            if (!analysis::parseArch(r.arch, &arch) || arch != shape.arch)
                return Status::invalid("architecture " + r.arch + " does not match preset " + p->name);
        }
        *presetName = p->name;
        // CPU presets follow the data's vocabulary; the paper's keep theirs unless one is asked for.
        if (r.vocab) shape.vocab = *r.vocab;
        else if (p->family == "cpu") shape.vocab = vocab;
    } else {
        if (r.arch.empty()) return Status::invalid("give a preset, or an architecture with width and blocks");
        analysis::Arch arch;
        if (!analysis::parseArch(r.arch, &arch)) return Status::invalid("architecture '" + r.arch + "' is not xlstm or transformer");
        if (r.dModel <= 0 || r.layers <= 0)
            return Status::invalid("an architecture without a preset needs a width d_model and a number of blocks, both positive");
        const int heads = r.heads ? *r.heads : training::defaultHeads(arch, r.dModel);
        if (heads <= 0 || r.dModel % heads != 0)
            return Status::invalid("heads (" + std::to_string(heads) + ") must divide the width d_model (" + std::to_string(r.dModel) + ")");
        analysis::ShapeFactors f;
        f.vocab = r.vocab ? *r.vocab : vocab;
        shape = analysis::makeShape(arch, r.dModel, r.layers, heads, f);
    }
    // The sequence length decides the RoPE table and the largest sensible chunk.
    shape.maxContext = static_cast<int>(std::max<long long>(context, 1));
    if (shape.arch == analysis::Arch::XLstm && context < shape.chunk) shape.chunk = training::chunkForContext(context);
    return shape;
}

// Copies each optional that is set over the config's own defaults.
template <typename T, typename U>
void setIf(const std::optional<T>& value, U* field) {
    if (value) *field = static_cast<U>(*value);
}

}  // namespace

void applyRecipe(const RunRequest& r, training::TrainingConfig* c) {
    setIf(r.data, &c->data);
    setIf(r.valFraction, &c->valFraction);
    setIf(r.seed, &c->seed);
    setIf(r.lr, &c->lr);
    setIf(r.batchSequences, &c->batchSequences);
    setIf(r.batchTokens, &c->batchTokens);
    setIf(r.microBatch, &c->microBatch);
    setIf(r.warmupSteps, &c->warmupSteps);
    setIf(r.gradClip, &c->gradClip);
    setIf(r.weightDecay, &c->weightDecay);
    setIf(r.evalEvery, &c->evalEvery);
    setIf(r.evalTokens, &c->evalTokens);
    setIf(r.device, &c->device);
    setIf(r.threads, &c->threads);
    setIf(r.peakFlopsPerSecond, &c->peakFlopsPerSecond);
    setIf(r.checkpointEvery, &c->checkpointEvery);
    if (r.fp32) c->bf16 = false;
}

Result<ResolvedRun> finishConfig(training::TrainingConfig config, const std::string& name, const std::vector<std::string>& tags) {
    if (config.shape.arch == analysis::Arch::XLstm && config.context < config.shape.chunk)
        config.shape.chunk = training::chunkForContext(config.context);
    config.shape.maxContext = std::max<int>(config.shape.maxContext, static_cast<int>(config.context));
    std::string why;
    if (!config.isValid(&why)) return Status::invalid(why);
    ResolvedRun run;
    run.plan = training::planTraining(config);
    if (!run.plan.status) return run.plan.status;
    if (Status s = training::validateModelConfig(config); !s) return s;
    run.config = std::move(config);
    run.record = queuedRunRecord(run.config, run.plan, name, tags);
    return run;
}

Result<std::string> modelDirectoryFor(const std::string& initFrom, const std::string& dbPath) {
    std::error_code ec;
    if (fs::is_directory(initFrom, ec)) return fs::absolute(initFrom).lexically_normal().string();
    storage::StoreOptions so;
    so.readOnly = true;
    so.createIfMissing = false;
    if (!dbPath.empty())
        if (auto store = storage::Store::open(dbPath, so))
            if (auto model = (*store)->model(initFrom)) return model->path;
    return Status::notFound("'" + initFrom + "' is neither a model directory nor an imported model (seqscope-cli model list)");
}

Result<ResolvedRun> resolveRun(const RunRequest& r, const ResolveOptions& options) {
    training::TrainingConfig c;
    const analysis::Preset* preset = r.preset.empty() ? nullptr : analysis::findPreset(r.preset);
    c.context = r.context ? *r.context : (preset ? preset->context : kDefaultContext);
    if (c.context < 1) return Status::invalid("context " + std::to_string(c.context) + " must be at least 1 token");
    c.budgetKind = r.budgetKind;
    c.budget = r.budget;
    if (!(c.budget > 0) || !std::isfinite(c.budget))
        return Status::invalid(std::string("budget (") + training::budgetKindName(c.budgetKind) + ") must be a positive number");
    c.data = kDefaultData;
    applyRecipe(r, &c);

    // The data first: its vocabulary sizes the model, and a missing corpus is the likeliest mistake.
    int vocab = analysis::kByteVocab;
    bool vocabKnown = true;   // a preview of a token file does not know it (nothing is loaded)
    if (options.dataVocab) {
        vocab = *options.dataVocab;
    } else if (options.checkData) {
        if (auto v = probeDataVocab(c)) vocab = *v;
        else return v.status();
    } else if (auto v = vocabWithoutLoading(c.data)) {
        vocab = *v;
    } else {
        vocabKnown = false;
    }
    RunRequest request = r;
    if (!r.initFrom.empty()) {
        auto dir = modelDirectoryFor(r.initFrom, options.dbPath);
        if (!dir) return dir.status();
        request.initFrom = c.initFrom = *dir;
    }
    auto shape = shapeFor(request, c.context, vocab, vocabKnown, &c.preset);
    if (!shape) return shape.status();
    c.shape = *shape;
    c.lr = r.lr ? *r.lr : training::paperPeakLearningRate(c.shape.arch, static_cast<double>(analysis::parameterCount(c.shape)));

    // The batch, then the numbers that depend on the run's length.
    if (r.batchTokens) {
        c.batchTokens = *r.batchTokens;
    } else if (!r.batchSequences) {
        training::TrainingConfig oneSequence = c;
        oneSequence.batchSequences = 1;
        const auto probe = training::planTraining(oneSequence);
        if (!probe.status) return probe.status;
        c.batchTokens = defaultBatchTokens(probe.budgetTokens, c.context);
    }
    const auto plan = training::planTraining(c);
    if (!plan.status) return plan.status;
    c.evalTokens = r.evalTokens ? *r.evalTokens : defaultEvalTokens(plan.tokens, c.context);
    c.checkpointEvery = r.checkpointEvery ? *r.checkpointEvery : defaultCheckpointEvery(plan.steps);

    auto run = finishConfig(std::move(c), r.name, r.tags);
    if (!run) return run;
    run->checkpointRoot = r.checkpointRoot;
    if (options.checkMemory && run->config.device == "cpu") {
        // A lower bound (activations come on top), so a refusal is never wrong.
        const RunEstimate need = estimateRun(run->config, run->plan, {});
        const double available = engine::probe::memAvailableBytes();
        if (std::isfinite(available) && need.totalBytes() > available) {
            const auto gib = [](double b) { return analysis::fmt(b / (1024.0 * 1024.0 * 1024.0), 3) + " GiB"; };
            return Status(StatusCode::Unavailable,
                          "the model needs at least " + gib(need.totalBytes()) + " (float32 weights, gradients and AdamW moments of N = " +
                              analysis::fmt(static_cast<double>(run->plan.params), 3) + "), more than the " + gib(available) +
                              " this machine has available; pick a smaller model or train on a GPU");
        }
    }
    if (options.checkCheckpointRoot) {
        const std::string root = fs::path(checkpointDirFor(r.checkpointRoot, options.dbPath, 0)).parent_path().string();
        if (Status s = training::checkWritableDirectory(root); !s) return s;
    }
    return run;
}

std::string checkpointDirFor(const std::string& root, const std::string& dbPath, long long runId) {
    // Run ids restart in every database, so the default root is per database file.
    const fs::path base = root.empty() ? fs::path(fs::absolute(dbPath).string() + ".checkpoints") : fs::path(root);
    return (base / ("run-" + std::to_string(runId))).string();
}

Result<long long> createRun(storage::Store& store, const std::string& dbPath, ResolvedRun* run, long long sweepId) {
    run->record.sweepId = sweepId;
    auto id = store.createRun(run->record);
    if (!id) return Status(id.status()).withContext("creating the run");
    run->record.id = *id;
    run->config.checkpointDir = checkpointDirFor(run->checkpointRoot, dbPath, *id);
    run->record.configJson = training::trainingConfigToJson(run->config);
    if (Status s = store.updateRun(run->record); !s) return s;
    return *id;
}

}  // namespace seqscope::runs
