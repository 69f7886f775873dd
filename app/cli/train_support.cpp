// SPDX-License-Identifier: MIT
// Shared plumbing of `train` and `sweep` (see train_support.h).
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
#include "runs/run_resolver.h"

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
        {"init-from", "DIR|NAME", "start from a model directory's shape and weights (or an imported model's)", "", g},
    };
}

// The defaults shown in --help are read from the run service, which decides them (runs/run_resolver.h).
std::vector<OptionSpec> recipeOptions() {
    const char* d = "Data";
    const char* o = "Optimisation";
    const char* c = "Compute";
    const training::TrainingConfig base;
    const auto g = [](double v) { return analysis::fmt(v, 3); };
    return {
        {"data", "SPEC", "fortunes | PATH (text; .bin = uint16 tokens) | text:PATH | tokens:PATH | synthetic:mqar | synthetic:selective-copy", runs::kDefaultData, d},
        {"val-fraction", "F", "held-out share of the corpus", g(base.valFraction), d},
        {"seed", "N", "seed of the initialisation and the batch order", std::to_string(base.seed), d},
        {"lr", "X", "peak learning rate", "the paper's for the model's size (3e-3 up to 483M)", o},
        {"batch", "N", "sequences per optimizer step (instead of --batch-tokens)", "", o},
        {"batch-tokens", "N", "target tokens per optimizer step, rounded to whole sequences",
         "about " + std::to_string(runs::kDefaultTargetSteps) + " steps, at most " + std::to_string(runs::kMaxDefaultBatchTokens), o},
        {"micro-batch", "N", "sequences per forward pass (gradient accumulation)", "whole step", o},
        {"warmup", "N", "linear warm-up steps", "min(750, 10% of steps)", o},
        {"grad-clip", "X", "global gradient-norm clip (0 = off)", g(base.gradClip), o},
        {"weight-decay", "X", "AdamW weight decay on matrices", g(base.weightDecay), o},
        {"eval-every", "K", "steps between validation passes", "~10 per run", o},
        {"eval-tokens", "N", "held-out tokens per validation pass",
         std::to_string(base.evalTokens) + ", at most a quarter of the training tokens", o},
        {"device", "DEV", "cpu, cuda or cuda:N", base.device, c},
        {"threads", "N", "LibTorch CPU threads (resume with the same count for identical losses)", "all cores", c},
        {"fp32", "", "CUDA: train in float32 instead of bfloat16 autocast", "", c},
        {"peak-flops", "X", "device peak FLOP/s for the utilisation metric", "known GPUs only", c},
        {"checkpoint-dir", "DIR", "checkpoint root (a run-<id> folder per run)", "<db file>.checkpoints", c},
        {"checkpoint-every", "K", "steps between periodic checkpoints (0 = only on cancel)", "steps/10, at least 100; none for runs of <= 100 steps", c},
    };
}

runs::RunRequest recipeRequest(const Args& a) {
    runs::RunRequest r;
    if (a.has("data")) r.data = a.str("data");
    if (a.has("val-fraction")) r.valFraction = a.number("val-fraction");
    if (a.has("seed")) {
        const long long seed = a.integer("seed");
        if (seed < 0) throw UsageError("option --seed: must be >= 0");
        r.seed = static_cast<std::uint64_t>(seed);
    }
    if (a.has("lr")) r.lr = a.number("lr");
    if (a.has("batch") && a.has("batch-tokens")) throw UsageError("--batch and --batch-tokens cannot be combined");
    if (a.has("batch")) {
        r.batchSequences = a.integer("batch");
        if (*r.batchSequences < 1) throw UsageError("option --batch: must be at least 1 sequence");
    }
    if (a.has("batch-tokens")) {
        r.batchTokens = a.integer("batch-tokens");
        if (*r.batchTokens < 1) throw UsageError("option --batch-tokens: must be positive");
    }
    if (a.has("micro-batch")) r.microBatch = a.integer("micro-batch");
    if (a.has("warmup")) r.warmupSteps = a.integer("warmup");
    if (a.has("grad-clip")) r.gradClip = a.number("grad-clip");
    if (a.has("weight-decay")) r.weightDecay = a.number("weight-decay");
    if (a.has("eval-every")) r.evalEvery = a.integer("eval-every");
    if (a.has("eval-tokens")) r.evalTokens = a.integer("eval-tokens");
    if (a.has("device")) r.device = a.str("device");
    if (a.has("threads")) r.threads = static_cast<int>(a.integer("threads"));
    r.fp32 = a.has("fp32");
    if (a.has("peak-flops")) r.peakFlopsPerSecond = a.number("peak-flops");
    if (a.has("checkpoint-every")) r.checkpointEvery = a.integer("checkpoint-every");
    r.checkpointRoot = a.str("checkpoint-dir");
    return r;
}

runs::RunRequest trainRequest(const Args& a) {
    runs::RunRequest r = recipeRequest(a);
    r.preset = a.str("preset");
    r.arch = a.str("arch");
    if (a.has("d-model")) r.dModel = static_cast<int>(a.integer("d-model"));
    if (a.has("layers")) r.layers = static_cast<int>(a.integer("layers"));
    if (a.has("heads")) r.heads = static_cast<int>(a.integer("heads"));
    if (a.has("vocab")) r.vocab = static_cast<int>(a.integer("vocab"));
    r.initFrom = a.str("init-from");
    if (a.has("ctx")) r.context = a.integer("ctx");
    const std::string budget = a.oneOf({"tokens", "flops", "ratio"});
    training::parseBudgetKind(budget, &r.budgetKind);
    r.budget = a.number(budget);
    r.name = a.str("name");
    r.tags = a.list("tag");
    return r;
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

class ProgressBar : public training::TrainingObserver {
public:
    ProgressBar(std::ostream* err, bool progress) : m_err(err), m_progress(progress && err) {
        m_tty = m_progress && err == &std::cerr && isatty(STDERR_FILENO);
    }

    void onStart(const training::TrainingStart& s) override {
        m_steps = s.plan.steps;
        if (m_progress)
            *m_err << (s.resumed ? "resuming at step " + std::to_string(s.startStep) + " on " : "training on ") << s.device
                   << "\n";
    }

    void onStep(const training::StepProgress& p) override {
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

private:
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

    std::ostream* m_err;
    bool m_progress = false, m_tty = false, m_drawn = false;
    long long m_steps = 0;
    training::StepProgress m_last;
    double m_val = NAN, m_acc = NAN;
    Clock::time_point m_lastDraw{};
};

}  // namespace

std::unique_ptr<training::TrainingObserver> makeProgressBar(std::ostream* err, bool enabled) {
    return std::make_unique<ProgressBar>(err, enabled);
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

void printEstimate(std::ostream& out, const runs::RunEstimate& e) {
    const auto mib = [](double b) { return formatCount(b / (1024.0 * 1024.0)) + " MiB"; };
    out << "estimate    " << (std::isfinite(e.seconds) ? formatDuration(e.seconds) + " (" + e.timeSource + ")" : "time unknown")
        << "; memory " << mib(e.totalBytes()) << " = weights and gradients " << mib(e.parameterBytes + e.gradientBytes)
        << ", AdamW " << mib(e.optimizerBytes) << ", activations "
        << (e.activationsMeasured ? mib(e.activationBytes) : std::string("not measured")) << " (" << e.memorySource << ")\n";
}

json estimateJson(const runs::RunEstimate& e) {
    return json{{"seconds", num(e.seconds)},           {"time_source", e.timeSource},
                {"parameter_bytes", e.parameterBytes}, {"gradient_bytes", e.gradientBytes},
                {"optimizer_bytes", e.optimizerBytes}, {"activation_bytes", e.activationsMeasured ? json(e.activationBytes) : json(nullptr)},
                {"total_bytes", e.totalBytes()},       {"memory_source", e.memorySource}};
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
