// SPDX-License-Identifier: MIT
// Size ladder and sweep run lists (see sweep_plan.h). The centre of an IsoFLOP budget's sizes is
// the N at which D/N equals the target ratio under the paper's FLOP accounting (interpolated in
// log N between ladder rungs); the K sizes are the rungs nearest to a geometric grid spanning
// `span` around it. The estimate of wall time counts training and validation FLOPs only.
#include "training/sweep_plan.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>

#include "analysis/accounting.h"
#include "analysis/fit_common.h"

namespace seqscope::training {

namespace {

struct Rung {
    int d, layers;
    int xlstmHeads = 0, transformerHeads = 0;   // 0 = derived
};

// Small rungs for CPU-scale runs: widths in steps of 4-64 with depth L = max(2, (d + 12) / 24),
// i.e. d/L ~ 24 like the CPU presets once d >= 48 and two blocks below (so N grows smoothly, by
// 1.1-1.5x per rung, where the embedding dominates); then the paper's six scaling-study sizes
// (scaling-laws.md section 3) with their own depths and head counts.
const int kSmallWidths[] = {16, 20, 24, 28, 32, 36, 40, 48, 56, 64, 72, 80, 96, 112,
                            128, 160, 192, 224, 256, 320, 384, 448, 512, 640};
const Rung kPaperRungs[] = {
    {768, 12, 6, 12}, {1024, 24, 4, 16}, {1536, 24, 4, 16}, {2048, 24, 4, 16}, {2560, 32, 5, 32}, {4096, 32, 8, 32},
};


std::string labelFor(const TrainingConfig& c, const std::string& budgetText, long long params) {
    std::ostringstream os;
    os << analysis::archName(c.shape.arch) << " T=" << c.context << " " << budgetText << " N=" << analysis::fmt(params / 1e6, 3) << "M";
    return os.str();
}

void finish(SweepPlan* p, const SweepOptions& o) {
    for (auto& r : p->runs) {
        if (!r.plan.status) {
            p->warnings.push_back(r.label + ": skipped: " + r.plan.status.message());
            continue;
        }
        if (r.plan.steps < o.minSteps)
            p->warnings.push_back(r.label + ": only " + std::to_string(r.plan.steps) +
                                  " optimizer steps; the schedule and the loss will be noisy");
        p->totalFlops += r.plan.flops;
    }
    estimateSweepTime(p, o.flopsPerSecond, o.tokensPerSecond, "assumed rates");
    if (p->runnable() == 0) p->status = Status::invalid("the sweep has no runnable run (every run was skipped)");
}

}  // namespace

void estimateSweepTime(SweepPlan* p, double flopsPerSecond, double tokensPerSecond, const std::string& source) {
    p->estimatedSeconds = 0;
    p->timeSource = flopsPerSecond > 0 ? source : "";
    for (auto& r : p->runs) {
        if (!r.plan.status) continue;
        if (!(flopsPerSecond > 0)) {
            r.estimatedSeconds = NAN;
            continue;
        }
        // A validation token costs a forward pass: a third of a training token.
        const double evalPasses = static_cast<double>(r.plan.steps / r.plan.evalEvery + 1);
        const double evalTokens = evalPasses * static_cast<double>(r.plan.evalSequences * r.config.context) / 3.0;
        const double tokens = r.plan.tokens + evalTokens;
        r.estimatedSeconds = tokens * r.plan.flopsPerToken / flopsPerSecond + (tokensPerSecond > 0 ? tokens / tokensPerSecond : 0.0);
        p->estimatedSeconds += r.estimatedSeconds;
    }
    if (!(flopsPerSecond > 0)) p->estimatedSeconds = NAN;
}

namespace {

// Plans `r` (config complete but evalEvery); without an explicit interval, evalPasses per run.
void planRun(const SweepOptions& o, SweepRunPlan* r) {
    r->plan = planTraining(r->config);
    if (r->plan.status.isOk() && o.base.evalEvery == 0 && o.evalPasses > 0) {
        r->config.evalEvery = std::max(1LL, r->plan.steps / o.evalPasses);
        r->plan = planTraining(r->config);
    }
}

TrainingConfig configFor(const SweepOptions& o, const analysis::ModelShape& shape, long long context) {
    TrainingConfig c = o.base;
    c.shape = shape;
    c.preset.clear();
    c.context = context;
    if (o.paperLr) c.lr = paperPeakLearningRate(shape.arch, static_cast<double>(analysis::parameterCount(shape)));
    return c;
}

}  // namespace

std::vector<double> exampleIsoflopBudgets() { return {1e12, 3e12}; }

TrainingConfig sweepBaseConfig() {
    TrainingConfig c;
    c.batchTokens = 4096;
    c.evalTokens = 32768;
    c.checkpointEvery = 0;
    return c;
}

int defaultHeads(analysis::Arch arch, int d) {
    if (arch == analysis::Arch::Transformer) return d % 64 == 0 ? d / 64 : std::max(1, d / 32);
    int h = std::clamp(d / 64, 1, 8);
    while (h > 1 && ((d / 2) % h != 0 || d % h != 0)) --h;
    return h;
}

int chunkForContext(long long context) {
    int c = 1;
    while (c * 2 <= context && c < 64) c *= 2;
    return c;
}

int SweepPlan::runnable() const {
    return static_cast<int>(std::count_if(runs.begin(), runs.end(), [](const SweepRunPlan& r) { return r.plan.status.isOk(); }));
}

std::vector<analysis::ModelShape> sizeLadder(analysis::Arch arch, int vocab, long long context) {
    analysis::ShapeFactors f;
    f.vocab = vocab;
    f.chunk = chunkForContext(context);
    f.maxContext = static_cast<int>(context);
    std::vector<Rung> rungs;
    for (int d : kSmallWidths) rungs.push_back({d, std::max(2, (d + 12) / 24)});
    rungs.insert(rungs.end(), std::begin(kPaperRungs), std::end(kPaperRungs));
    std::vector<analysis::ModelShape> out;
    for (const Rung& r : rungs) {
        // The paper rounds F to 64; below d = 256 that would inflate the FFN (d = 32: 4d instead of
        // 2.67d), so the small rungs round to 16 and keep the proportion.
        f.ffnMultiple = r.d < 256 ? 16 : 64;
        const int paperHeads = arch == analysis::Arch::XLstm ? r.xlstmHeads : r.transformerHeads;
        const int heads = paperHeads ? paperHeads : defaultHeads(arch, r.d);
        out.push_back(analysis::makeShape(arch, r.d, r.layers, heads, f));
        if (!out.back().isValid(nullptr)) out.pop_back();
    }
    std::stable_sort(out.begin(), out.end(), [](const analysis::ModelShape& a, const analysis::ModelShape& b) {
        return analysis::parameterCount(a) < analysis::parameterCount(b);
    });
    return out;
}

bool SweepOptions::isValid(const std::string& kind, std::string* error) const {
    auto fail = [error](const std::string& m) {
        if (error) *error = m;
        return false;
    };
    if (archs.empty()) return fail("no architecture given");
    if (contexts.empty()) return fail("no context given");
    for (long long t : contexts)
        if (t < 1) return fail("context must be positive, got " + std::to_string(t));
    if (vocab < 1) return fail("vocab must be positive, got " + std::to_string(vocab));
    if (flopsPerSecond < 0) return fail("FLOP/s for the time estimate must not be negative, got " + analysis::fmt(flopsPerSecond));
    if (tokensPerSecond < 0) return fail("tokens/s for the time estimate must not be negative, got " + analysis::fmt(tokensPerSecond));
    if (kind == "isoflop") {
        if (budgets.empty()) return fail("no FLOP budget given");
        for (double b : budgets)
            if (!(b > 0 && std::isfinite(b))) return fail("FLOP budget must be positive, got " + analysis::fmt(b));
        if (sizes < 1) return fail("sizes per budget must be >= 1, got " + std::to_string(sizes));
        if (!(targetRatio > 0)) return fail("target D/N ratio must be positive, got " + analysis::fmt(targetRatio));
        if (!(span > 1)) return fail("size span must be > 1, got " + analysis::fmt(span));
    } else {
        if (ratios.empty()) return fail("no token/param ratio given");
        for (double r : ratios)
            if (!(r > 0 && std::isfinite(r))) return fail("token/param ratio must be positive, got " + analysis::fmt(r));
        if (sizeTargets.empty()) return fail("no model size given");
        for (double s : sizeTargets)
            if (!(s > 0)) return fail("model size must be positive, got " + analysis::fmt(s));
    }
    return true;
}

SweepPlan planIsoflopSweep(const SweepOptions& o) {
    SweepPlan p;
    p.kind = "isoflop";
    std::string error;
    if (!o.isValid(p.kind, &error)) {
        p.status = Status::invalid(error);
        return p;
    }
    for (long long T : o.contexts) {
        for (analysis::Arch arch : o.archs) {
            const auto ladder = sizeLadder(arch, o.vocab, T);
            std::vector<double> logN, logRatio;
            for (const auto& s : ladder) {
                const double n = static_cast<double>(analysis::parameterCount(s));
                logN.push_back(std::log(n));
                logRatio.push_back(std::log(1.0 / (analysis::trainingFlops(s, T).fwbwPerToken * n)));   // + log C
            }
            for (double C : o.budgets) {
                // D/N = C / (fpt N) falls with N; find where it crosses the target.
                const double want = std::log(o.targetRatio) - std::log(C);
                double centre = logN.front();
                if (want >= logRatio.front()) {
                    p.warnings.push_back("budget " + analysis::fmt(C) + " at T=" + std::to_string(T) + ": even the smallest " +
                                         analysis::archName(arch) + " rung trains below D/N " + analysis::fmt(o.targetRatio));
                } else if (want <= logRatio.back()) {
                    centre = logN.back();
                    p.warnings.push_back("budget " + analysis::fmt(C) + " at T=" + std::to_string(T) + ": the largest " +
                                         analysis::archName(arch) + " rung trains above D/N " + analysis::fmt(o.targetRatio));
                } else {
                    for (size_t i = 1; i < logN.size(); ++i)
                        if (logRatio[i] <= want) {
                            const double w = (logRatio[i - 1] - want) / (logRatio[i - 1] - logRatio[i]);
                            centre = logN[i - 1] + w * (logN[i] - logN[i - 1]);
                            break;
                        }
                }
                if (static_cast<int>(ladder.size()) < o.sizes)
                    p.warnings.push_back("the ladder has only " + std::to_string(ladder.size()) + " sizes");
                std::set<size_t> chosen;
                for (int k = 0; k < o.sizes && chosen.size() < ladder.size(); ++k) {
                    const double frac = o.sizes == 1 ? 0.0 : static_cast<double>(k) / (o.sizes - 1) - 0.5;
                    const double target = centre + std::log(o.span) * frac;
                    size_t best = ladder.size();
                    for (size_t i = 0; i < ladder.size(); ++i)
                        if (!chosen.count(i) && (best == ladder.size() || std::fabs(logN[i] - target) < std::fabs(logN[best] - target)))
                            best = i;
                    chosen.insert(best);
                }
                for (size_t i : chosen) {
                    SweepRunPlan r;
                    r.config = configFor(o, ladder[i], T);
                    r.config.budgetKind = BudgetKind::Flops;
                    r.config.budget = C;
                    planRun(o, &r);
                    r.budget = C;
                    r.label = labelFor(r.config, "C=" + analysis::fmt(C, 3), analysis::parameterCount(ladder[i]));
                    p.runs.push_back(std::move(r));
                }
            }
        }
    }
    finish(&p, o);
    return p;
}

SweepPlan planTokenParamSweep(const SweepOptions& o) {
    SweepPlan p;
    p.kind = "tokenparam";
    std::string error;
    if (!o.isValid(p.kind, &error)) {
        p.status = Status::invalid(error);
        return p;
    }
    for (long long T : o.contexts) {
        for (analysis::Arch arch : o.archs) {
            const auto ladder = sizeLadder(arch, o.vocab, T);
            std::set<size_t> chosen;
            for (double target : o.sizeTargets) {
                size_t best = 0;
                for (size_t i = 1; i < ladder.size(); ++i)
                    if (std::fabs(std::log(analysis::parameterCount(ladder[i]) / target)) <
                        std::fabs(std::log(analysis::parameterCount(ladder[best]) / target)))
                        best = i;
                if (!chosen.insert(best).second)
                    p.warnings.push_back("size " + analysis::fmt(target) + " maps to the same " + analysis::archName(arch) +
                                         " rung as another size; planned once");
            }
            for (size_t i : chosen)
                for (double ratio : o.ratios) {
                    SweepRunPlan r;
                    r.config = configFor(o, ladder[i], T);
                    r.config.budgetKind = BudgetKind::TokenParamRatio;
                    r.config.budget = ratio;
                    planRun(o, &r);
                    r.budget = ratio;
                    r.label = labelFor(r.config, "D/N=" + analysis::fmt(ratio, 3), analysis::parameterCount(ladder[i]));
                    p.runs.push_back(std::move(r));
                }
        }
    }
    finish(&p, o);
    return p;
}

}  // namespace seqscope::training
