// SPDX-License-Identifier: MIT
// Shared plumbing of `train` and `sweep` (see train_support.h). The observer queues metric rows in
// a storage::MetricsWriter (batched commits <= 250 ms apart, on its own connection) and reports a
// failed commit (disk full, database locked past the busy timeout) through health(), which ends the
// run Failed with that reason after a checkpoint. The progress bar redraws at most 4 times a second
// on a terminal and prints one line per validation pass otherwise (logs, pipes, tests).
#include "cli/train_support.h"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <ostream>
#include <sstream>

#include "analysis/accounting.h"
#include "analysis/fit_common.h"
#include "analysis/presets.h"
#include "data/batch_source.h"
#include "storage/metrics_writer.h"
#include "training/sweep_plan.h"

namespace seqscope::cli::traincli {

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

json num(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }

}  // namespace

// --- Formatting ---------------------------------------------------------------------------------------

std::string formatDuration(double s) {
    if (!std::isfinite(s) || s < 0) return "?";
    char buf[32];
    if (s < 60) std::snprintf(buf, sizeof buf, "%.1fs", s);
    else if (s < 3600) std::snprintf(buf, sizeof buf, "%dm%02ds", static_cast<int>(s) / 60, static_cast<int>(s) % 60);
    else std::snprintf(buf, sizeof buf, "%dh%02dm", static_cast<int>(s) / 3600, (static_cast<int>(s) % 3600) / 60);
    return buf;
}

std::string formatCount(double v) {
    char buf[32];
    const double a = std::fabs(v);
    if (a >= 1e9) std::snprintf(buf, sizeof buf, "%.3gG", v / 1e9);
    else if (a >= 1e6) std::snprintf(buf, sizeof buf, "%.3gM", v / 1e6);
    else if (a >= 1e3) std::snprintf(buf, sizeof buf, "%.3gk", v / 1e3);
    else std::snprintf(buf, sizeof buf, "%.3g", v);
    return buf;
}

// --- Flags --------------------------------------------------------------------------------------------

std::vector<OptionSpec> modelOptions() {
    const char* g = "Model";
    return {
        {"arch", "A", "architecture: xlstm or transformer", "", g},
        {"preset", "P", "named model (seqscope-cli presets), e.g. xlstm-1m", "", g},
        {"d-model", "D", "embedding width (instead of --preset)", "", g},
        {"layers", "L", "blocks (with --d-model)", "", g},
        {"heads", "H", "heads (with --d-model)", "xlstm ~d/64 (<= 8), transformer d/64", g},
        {"vocab", "V", "model vocabulary", "the data's (260 for bytes)", g},
    };
}

std::vector<OptionSpec> recipeOptions() {
    const char* d = "Data";
    const char* o = "Optimisation";
    const char* c = "Compute";
    return {
        {"data", "SPEC", "fortunes | PATH (text; .bin = uint16 tokens) | text:PATH | tokens:PATH | synthetic:mqar | synthetic:selective-copy", "fortunes", d},
        {"val-fraction", "F", "held-out share of the corpus", "0.05", d},
        {"seed", "N", "seed of the initialisation and the batch order", "1", d},
        {"lr", "X", "peak learning rate", "3e-3 (the paper's for N <= 483M)", o},
        {"batch", "N", "sequences per optimizer step (instead of --batch-tokens)", "", o},
        {"batch-tokens", "N", "target tokens per optimizer step, rounded to whole sequences", "16384", o},
        {"micro-batch", "N", "sequences per forward pass (gradient accumulation)", "whole step", o},
        {"warmup", "N", "linear warm-up steps", "min(750, 10% of steps)", o},
        {"grad-clip", "X", "global gradient-norm clip (0 = off)", "0.5", o},
        {"weight-decay", "X", "AdamW weight decay on matrices", "0.1", o},
        {"eval-every", "K", "steps between validation passes", "~10 per run", o},
        {"eval-tokens", "N", "held-out tokens per validation pass", "65536", o},
        {"device", "DEV", "cpu, cuda or cuda:N", "cpu", c},
        {"threads", "N", "LibTorch CPU threads (resume with the same count for identical losses)", "all cores", c},
        {"fp32", "", "CUDA: train in float32 instead of bfloat16 autocast", "", c},
        {"peak-flops", "X", "device peak FLOP/s for the utilisation metric", "known GPUs only", c},
        {"checkpoint-dir", "DIR", "checkpoint root (a run-<id> folder per run)", "<db file>.checkpoints", c},
        {"checkpoint-every", "K", "steps between periodic checkpoints (0 = only on cancel)", "steps/10, at least 100; none for runs of <= 100 steps", c},
    };
}

void applyRecipe(const Args& a, training::TrainingConfig* c) {
    c->data = a.str("data", c->data);
    c->valFraction = a.number("val-fraction", c->valFraction);
    const long long seed = a.integer("seed", static_cast<long long>(c->seed));
    if (seed < 0) throw UsageError("option --seed: must be >= 0");
    c->seed = static_cast<std::uint64_t>(seed);
    c->lr = a.number("lr", c->lr);
    if (a.has("batch") && a.has("batch-tokens")) throw UsageError("--batch and --batch-tokens cannot be combined");
    if (a.has("batch")) {
        c->batchSequences = a.integer("batch");
        if (c->batchSequences < 1) throw UsageError("option --batch: must be at least 1 sequence");
    }
    if (a.has("batch-tokens")) {
        c->batchSequences = 0;
        c->batchTokens = a.integer("batch-tokens");
        if (c->batchTokens < 1) throw UsageError("option --batch-tokens: must be positive");
    }
    c->microBatch = a.integer("micro-batch", c->microBatch);
    c->warmupSteps = a.integer("warmup", c->warmupSteps);
    c->gradClip = a.number("grad-clip", c->gradClip);
    c->weightDecay = a.number("weight-decay", c->weightDecay);
    c->evalEvery = a.integer("eval-every", c->evalEvery);
    c->evalTokens = a.integer("eval-tokens", c->evalTokens);
    c->device = a.str("device", c->device);
    c->threads = static_cast<int>(a.integer("threads", c->threads));
    if (a.has("fp32")) c->bf16 = false;
    c->peakFlopsPerSecond = a.number("peak-flops", c->peakFlopsPerSecond);
    c->checkpointEvery = a.integer("checkpoint-every", c->checkpointEvery);
}

analysis::ModelShape shapeFromArgs(const Args& a, long long ctx, int dataVocab, std::string* presetName) {
    analysis::ModelShape shape;
    const int vocab = a.has("vocab") ? static_cast<int>(a.integer("vocab")) : dataVocab;
    if (a.has("preset")) {
        if (a.has("d-model") || a.has("layers") || a.has("heads"))
            throw UsageError("--preset and --d-model/--layers/--heads cannot be combined");
        const analysis::Preset* p = analysis::findPreset(a.str("preset"));
        if (!p) throw UsageError("option --preset: unknown preset '" + a.str("preset") + "' (" + analysis::presetNames() + ")");
        shape = p->shape;
        if (a.has("arch")) {
            analysis::Arch arch;
            if (!analysis::parseArch(a.str("arch"), &arch) || arch != shape.arch)
                throw UsageError("--arch " + a.str("arch") + " does not match preset " + p->name);
        }
        if (presetName) *presetName = p->name;
        if (shape.vocab != vocab && (a.has("vocab") || p->family == "cpu")) shape.vocab = vocab;
    } else {
        if (!a.has("arch")) throw UsageError("give --preset P, or --arch A with --d-model D --layers L");
        analysis::Arch arch;
        if (!analysis::parseArch(a.str("arch"), &arch))
            throw UsageError("option --arch: '" + a.str("arch") + "' is not xlstm or transformer");
        if (!a.has("d-model") || !a.has("layers")) throw UsageError("--arch needs --d-model D and --layers L (or use --preset)");
        const int d = static_cast<int>(a.integer("d-model"));
        const int heads = a.has("heads") ? static_cast<int>(a.integer("heads")) : training::defaultHeads(arch, std::max(d, 1));
        analysis::ShapeFactors f;
        f.vocab = vocab;
        shape = analysis::makeShape(arch, d, static_cast<int>(a.integer("layers")), heads, f);
        if (presetName) presetName->clear();
    }
    // The sequence length decides the RoPE table and the largest sensible chunk.
    shape.maxContext = static_cast<int>(std::max<long long>(ctx, 1));
    if (shape.arch == analysis::Arch::XLstm && ctx < shape.chunk) shape.chunk = training::chunkForContext(ctx);
    return shape;
}

Result<int> probeData(const training::TrainingConfig& c) {
    data::DataOptions d;
    d.spec = c.data;
    d.context = c.context;
    d.seed = c.seed;
    d.corpus.valFraction = c.valFraction;
    d.corpus.vocab = c.tokenVocab;
    if (!c.fortunesDir.empty()) d.corpus.fortunesDir = c.fortunesDir;
    auto source = data::makeBatchSource(d);
    if (!source) return source.status();
    return (*source)->vocab();
}

// --- Ctrl-C -------------------------------------------------------------------------------------------

namespace {
std::atomic<bool> g_cancel{false};
struct sigaction g_oldInt, g_oldTerm;

extern "C" void onCancelSignal(int sig) {
    g_cancel.store(true);
    // A second signal takes the default action (kill), in case the run cannot stop.
    std::signal(sig, SIG_DFL);
}
}  // namespace

CancelOnSignal::CancelOnSignal() {
    struct sigaction sa {};
    sa.sa_handler = onCancelSignal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &g_oldInt);
    sigaction(SIGTERM, &sa, &g_oldTerm);
}

CancelOnSignal::~CancelOnSignal() {
    sigaction(SIGINT, &g_oldInt, nullptr);
    sigaction(SIGTERM, &g_oldTerm, nullptr);
}

bool CancelOnSignal::requested() { return g_cancel.load(); }
void CancelOnSignal::reset() { g_cancel.store(false); }

// --- Observer -----------------------------------------------------------------------------------------

namespace {

using Clock = std::chrono::steady_clock;

class CliObserver : public training::TrainingObserver {
public:
    CliObserver(storage::MetricsWriter* writer, std::ostream* err, bool progress)
        : m_writer(writer), m_err(err), m_progress(progress && err) {
        m_tty = m_progress && err == &std::cerr && isatty(STDERR_FILENO);
    }

    void onStart(const training::TrainingStart& s) override {
        m_steps = s.plan.steps;
        if (m_progress)
            *m_err << (s.resumed ? "resuming at step " + std::to_string(s.startStep) + " on " : "training on ") << s.device
                   << "\n";
    }

    void onStep(const training::StepProgress& p) override {
        append(p.step, p.tokens, p.flops, p.elapsedSeconds, "train_loss", p.trainLoss);
        append(p.step, p.tokens, p.flops, p.elapsedSeconds, "lr", p.lr);
        append(p.step, p.tokens, p.flops, p.elapsedSeconds, "grad_norm", p.gradNorm);
        if (p.tokensPerSecond > 0) {
            append(p.step, p.tokens, p.flops, p.elapsedSeconds, "tokens_per_s", p.tokensPerSecond);
            append(p.step, p.tokens, p.flops, p.elapsedSeconds, "flops_per_s", p.flopsPerSecond);
        }
        if (std::isfinite(p.utilisation)) append(p.step, p.tokens, p.flops, p.elapsedSeconds, "mfu", p.utilisation);
        m_last = p;
        if (m_tty) {
            const auto now = Clock::now();
            if (p.step == p.steps || std::chrono::duration<double>(now - m_lastDraw).count() >= 0.25) {
                draw();
                m_lastDraw = now;
            }
        }
    }

    void onEval(const training::EvalProgress& e) override {
        append(e.step, e.tokens, e.flops, e.elapsedSeconds, "val_loss", e.valLoss);
        if (std::isfinite(e.valAccuracy)) append(e.step, e.tokens, e.flops, e.elapsedSeconds, "val_accuracy", e.valAccuracy);
        m_val = e.valLoss;
        m_acc = e.valAccuracy;
        if (!m_progress) return;
        if (m_tty) {
            draw();
            return;
        }
        *m_err << "step " << e.step << "/" << m_steps << "  train " << std::setprecision(4) << m_last.trainLoss << "  val "
               << e.valLoss;
        if (std::isfinite(e.valAccuracy)) *m_err << "  acc " << e.valAccuracy;
        *m_err << "  " << formatCount(m_last.tokensPerSecond) << " tok/s  " << formatDuration(e.elapsedSeconds)
               << " elapsed, ETA " << formatDuration(m_last.etaSeconds) << "\n";
    }

    void onFinish(const training::TrainingResult&) override {
        if (m_tty && m_drawn) *m_err << "\n";
    }

    bool shouldStop() override { return CancelOnSignal::requested(); }
    Status health() override { return m_status; }

private:
    void append(long long step, long long tokens, double flops, double wall, const char* name, double value) {
        if (!m_status) return;   // the run is ending Failed; do not pile up rows
        Status s = m_writer->append(step, tokens, flops, wall, name, value);
        if (!s) m_status = Status(s.code(), "saving metrics failed: " + s.message());
    }

    void draw() {
        const auto& p = m_last;
        const int width = 24;
        const double frac = m_steps > 0 ? static_cast<double>(p.step) / static_cast<double>(m_steps) : 0;
        const int filled = static_cast<int>(frac * width);
        std::ostringstream os;
        os << "\r[" << std::string(static_cast<size_t>(filled), '=') << (filled < width ? ">" : "")
           << std::string(static_cast<size_t>(std::max(0, width - filled - 1)), ' ') << "] " << std::setw(3)
           << static_cast<int>(frac * 100) << "% " << p.step << "/" << m_steps << std::setprecision(4) << "  loss "
           << p.trainLoss;
        if (std::isfinite(m_val)) os << "  val " << m_val;
        if (std::isfinite(m_acc)) os << "  acc " << m_acc;
        os << "  " << formatCount(p.tokensPerSecond) << " tok/s  ETA " << formatDuration(p.etaSeconds) << "   ";
        *m_err << os.str() << std::flush;
        m_drawn = true;
    }

    storage::MetricsWriter* m_writer;
    std::ostream* m_err;
    bool m_progress = false, m_tty = false, m_drawn = false;
    long long m_steps = 0;
    training::StepProgress m_last;
    double m_val = NAN, m_acc = NAN;
    Status m_status;
    Clock::time_point m_lastDraw{};
};

}  // namespace

storage::RunStatus toRunStatus(training::TrainingOutcome outcome) {
    switch (outcome) {
    case training::TrainingOutcome::Finished: return storage::RunStatus::Finished;
    case training::TrainingOutcome::Diverged: return storage::RunStatus::Diverged;
    case training::TrainingOutcome::Cancelled: return storage::RunStatus::Cancelled;
    case training::TrainingOutcome::Failed: return storage::RunStatus::Failed;
    }
    return storage::RunStatus::Failed;
}

ExecuteResult executeStoredRun(const std::string& dbPath, long long runId, const training::TrainingConfig& config,
                               const ExecuteOptions& options) {
    ExecuteResult r;
    // The terminal status through a connection opened only now (see the header on POSIX locks).
    auto finish = [&](storage::RunStatus status, const std::string& reason) -> Status {
        auto store = storage::Store::open(dbPath);
        if (!store) return store.status();
        return (*store)->finishRun(runId, status, reason);
    };
    {
        auto store = storage::Store::open(dbPath);
        Status s = store ? (*store)->markRunStarted(runId) : store.status();
        if (!s) {
            r.storeStatus = s;
            r.training.status = s;
            r.training.reason = s.message();
            return r;
        }
    }
    Status closed;
    {
        auto writer = storage::MetricsWriter::open(dbPath, runId);
        if (!writer) {
            const Status s = Status(writer.status()).withContext("opening the metrics writer");
            r.training.status = s;
            r.training.reason = s.message();
            r.status = storage::RunStatus::Failed;
            Status fin = finish(storage::RunStatus::Failed, s.message());
            r.storeStatus = fin ? s : fin;
            return r;
        }
        CliObserver observer(writer->get(), options.err, options.progress);
        r.training = training::runTraining(config, &observer, options.resumeFrom);
        // Rows already committed stay; a failing final commit turns a finished run into a failed one.
        closed = (*writer)->close();
    }   // the writer and its connection are gone before the next Store opens
    r.status = toRunStatus(r.training.outcome);
    std::string reason = r.training.reason;
    if (!closed && r.status == storage::RunStatus::Finished) {
        r.status = storage::RunStatus::Failed;
        reason = "saving metrics failed: " + closed.message();
        r.training.reason = reason;
        r.training.status = Status(closed.code(), reason);
    }
    Status fin = finish(r.status, reason);
    r.storeStatus = !closed ? closed : fin;
    return r;
}

std::string checkpointDirFor(const std::string& root, const std::string& dbPath, long long runId) {
    // Run ids restart in every database, so the default root is per database file.
    fs::path base = root.empty() ? fs::path(fs::absolute(dbPath).string() + ".checkpoints") : fs::path(root);
    return (base / ("run-" + std::to_string(runId))).string();
}

// --- Reports ------------------------------------------------------------------------------------------

void printPlan(std::ostream& out, const training::TrainingConfig& c, const training::TrainingPlan& p) {
    const auto tf = analysis::trainingFlops(c.shape, c.context);
    out << "model       " << (c.preset.empty() ? std::string("custom") : c.preset) << ": " << c.shape.describe() << "\n"
        << "params      N = " << p.params << " (" << formatCount(static_cast<double>(p.params)) << ")\n"
        << "flops       " << analysis::fmt(p.flopsPerToken, 4) << " per token (C_fwbw/T at T=" << c.context << "; 6N = "
        << analysis::fmt(6.0 * static_cast<double>(p.params), 4) << ", ratio " << analysis::fmt(tf.ratioToHeuristic, 3) << ")"
        << (p.paddedToChunk ? " [T padded to the chunk]" : "") << "\n"
        << "batch       " << p.tokensPerStep << " tokens/step = " << p.sequencesPerStep << " x " << c.context;
    if (p.accumulation > 1) out << " in " << p.accumulation << " passes of " << p.microBatch;
    out << "\n"
        << "budget      " << training::budgetKindName(c.budgetKind) << " " << analysis::fmt(c.budget, 4) << " -> "
        << p.steps << " steps, D = " << analysis::fmt(p.tokens, 4) << " tokens, C = " << analysis::fmt(p.flops, 4)
        << " FLOPs, D/N = " << analysis::fmt(p.tokenParamRatio, 3) << "\n"
        << "schedule    AdamW(" << c.beta1 << ", " << c.beta2 << ", eps " << c.eps << ") wd " << c.weightDecay << ", clip "
        << c.gradClip << "; lr " << c.lr << " peak, warm-up " << p.warmupSteps << ", cosine to " << c.finalLrFactor * c.lr
        << "\n"
        << "eval        every " << p.evalEvery << " steps, " << p.evalSequences * c.context << " held-out tokens\n"
        << "data        " << c.data << " (seed " << c.seed << ")\n"
        << "device      " << c.device << (c.threads > 0 ? ", " + std::to_string(c.threads) + " threads" : std::string()) << "\n";
    if (!c.checkpointDir.empty())
        out << "checkpoints " << c.checkpointDir
            << (c.checkpointEvery > 0 ? ", every " + std::to_string(c.checkpointEvery) + " steps" : std::string(", on cancel"))
            << "\n";
}

json planJson(const training::TrainingConfig& c, const training::TrainingPlan& p) {
    return json{{"params", p.params},
                {"flops_per_token", p.flopsPerToken},
                {"flops_per_sequence", p.flopsPerSequence},
                {"sequences_per_step", p.sequencesPerStep},
                {"tokens_per_step", p.tokensPerStep},
                {"micro_batch", p.microBatch},
                {"accumulation", p.accumulation},
                {"steps", p.steps},
                {"warmup_steps", p.warmupSteps},
                {"eval_every", p.evalEvery},
                {"tokens", p.tokens},
                {"flops", p.flops},
                {"token_param_ratio", p.tokenParamRatio},
                {"context", c.context},
                {"model", c.shape.describe()}};
}

json resultJson(const training::TrainingResult& r) {
    return json{{"outcome", training::outcomeName(r.outcome)},
                {"reason", r.reason},
                {"steps", r.steps},
                {"plan_steps", r.planSteps},
                {"tokens", r.tokens},
                {"flops", r.flops},
                {"params", r.params},
                {"final_train_loss", num(r.finalTrainLoss)},
                {"final_val_loss", num(r.finalValLoss)},
                {"final_val_accuracy", num(r.finalValAccuracy)},
                {"seconds", r.seconds},
                {"checkpoint", r.checkpointPath}};
}

}  // namespace seqscope::cli::traincli
