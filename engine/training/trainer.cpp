// SPDX-License-Identifier: MIT
// runTraining (trainer.h): the training loop of scaling-laws.md section 5 on one BatchSource.
// Per step: B sequences (data position = step * B) split into micro-batches whose summed
// cross-entropy is divided by the step's scored-token count, so accumulation gives exactly the
// full-batch mean; global-norm clipping; AdamW with decay on 2-D weights except the input
// embedding; the LR from LrSchedule. Divergence (non-finite loss or gradient norm, a loss above
// maxLoss, or above spikeFactor x the running average after the grace steps) stops the run before
// the optimizer applies the bad step. Validation passes run under NoGradGuard in eval mode.
#include "training/trainer.h"

#include "training/device_peaks.h"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "analysis/fit_common.h"
#include "data/batch_source.h"
#include "device_info.h"
#include "interop/model_weights.h"
#include "models/model_factory.h"
#include "training/checkpoint.h"
#include "training/lr_schedule.h"

namespace seqscope::training {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

const char* outcomeName(TrainingOutcome outcome) {
    switch (outcome) {
    case TrainingOutcome::Finished: return "finished";
    case TrainingOutcome::Diverged: return "diverged";
    case TrainingOutcome::Cancelled: return "cancelled";
    case TrainingOutcome::Failed: return "failed";
    }
    return "failed";
}

std::string TrainingResult::brief() const {
    std::ostringstream os;
    os << outcomeName(outcome) << " after " << steps << "/" << planSteps << " steps, " << tokens << " tokens, "
       << analysis::fmt(flops, 4) << " FLOPs";
    if (std::isfinite(finalTrainLoss)) os << ", train loss " << analysis::fmt(finalTrainLoss, 5);
    if (std::isfinite(finalValLoss)) os << ", val loss " << analysis::fmt(finalValLoss, 5);
    if (std::isfinite(finalValAccuracy)) os << ", val accuracy " << analysis::fmt(finalValAccuracy, 4);
    if (!reason.empty()) os << " (" << reason << ")";
    return os.str();
}

std::string checkpointPath(const std::string& checkpointDir) {
    return (fs::path(checkpointDir) / kCheckpointFileName).string();
}

std::string finalWeightsPath(const std::string& checkpointDir) {
    return (fs::path(checkpointDir) / kFinalWeightsFileName).string();
}

Status checkWritableDirectory(const std::string& dir) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) return Status::io("checkpoint directory " + dir + " cannot be created: " + ec.message());
    if (!fs::is_directory(dir, ec)) return Status::io("checkpoint directory " + dir + " is not a directory");
    const fs::path probe = fs::path(dir) / ".seqscope-write-test";
    {
        std::ofstream out(probe, std::ios::trunc);
        out << "probe\n";
        out.flush();
        if (!out) {
            const int e = errno ? errno : EIO;
            fs::remove(probe, ec);
            return Status::io("checkpoint directory " + dir + " is not writable: " + std::strerror(e));
        }
    }
    fs::remove(probe, ec);
    return {};
}

namespace {

class NullObserver : public TrainingObserver {};

double secondsBetween(Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double>(b - a).count();
}

// Config fields that shape the losses; a resumed run must agree on them.
const char* const kResumeKeys[] = {"model",  "context",     "budget_kind",  "budget",       "batch_sequences",
                                   "batch_tokens", "micro_batch", "lr",     "beta1",        "beta2",
                                   "eps",    "weight_decay", "grad_clip",   "warmup_steps", "final_lr_factor",
                                   "data",   "val_fraction", "token_vocab", "seed",         "spike_factor",
                                   "spike_grace_steps", "max_loss"};

Status checkResumeCompatible(const std::string& checkpointJson, const TrainingConfig& config, const std::string& path) {
    auto saved = nlohmann::json::parse(checkpointJson, nullptr, false);
    const auto now = nlohmann::json::parse(trainingConfigToJson(config));
    if (saved.is_discarded() || !saved.is_object())
        return Status(StatusCode::Corrupt, path + ": the checkpoint's config is not valid JSON");
    // Through the parser and back, so fields added since (with their defaults) compare equal.
    if (auto parsed = trainingConfigFromJson(checkpointJson)) saved = nlohmann::json::parse(trainingConfigToJson(*parsed));
    for (const char* key : kResumeKeys) {
        const auto a = saved.contains(key) ? saved.at(key) : nlohmann::json();
        const auto b = now.contains(key) ? now.at(key) : nlohmann::json();
        if (a != b)
            return Status(StatusCode::Incompatible, "cannot resume from " + path + ": " + key + " differs (checkpoint " +
                                                        a.dump() + ", now " + b.dump() + ")");
    }
    return {};
}


class Session {
public:
    Session(const TrainingConfig& config, TrainingObserver& observer) : m_config(config), m_observer(observer) {}

    TrainingResult run(const std::string& resumeFrom) {
        m_result.outcome = TrainingOutcome::Failed;
        try {
            if (Status s = prepare(resumeFrom); !s) return fail(s);
            loop();
        } catch (const c10::Error& e) {
            return fail(Status(StatusCode::Internal, std::string("LibTorch error at step ") + std::to_string(m_step + 1) +
                                                         ": " + e.what_without_backtrace()));
        } catch (const std::bad_alloc&) {
            return fail(Status(StatusCode::Unavailable, "out of memory at step " + std::to_string(m_step + 1)));
        } catch (const std::exception& e) {
            return fail(Status(StatusCode::Internal, std::string("error at step ") + std::to_string(m_step + 1) + ": " + e.what()));
        }
        m_observer.onFinish(m_result);
        return m_result;
    }

private:
    Status prepare(const std::string& resumeFrom) {
        m_plan = planTraining(m_config);
        m_result.planSteps = m_plan.steps;
        m_result.params = m_plan.params;
        if (!m_plan.status) return m_plan.status;
        if (!m_config.checkpointDir.empty())
            if (Status s = checkWritableDirectory(m_config.checkpointDir); !s) return s;
        if (m_config.threads > 0) at::set_num_threads(m_config.threads);

        auto source = data::makeBatchSource(dataOptionsFor(m_config));
        if (!source) return source.status();
        m_data = std::move(*source);
        if (m_data->vocab() > m_config.shape.vocab)
            return Status::invalid("the data's vocabulary (" + std::to_string(m_data->vocab()) +
                                   ") exceeds the model's vocab (" + std::to_string(m_config.shape.vocab) + ")");
        m_evalSequences = std::min(m_plan.evalSequences, m_data->valSequences());

        auto model = engine::createCausalLm(m_config.shape, modelOptionsFor(m_config));
        if (!model) return model.status();
        m_model = std::move(*model);
        if (!m_config.initFrom.empty() && resumeFrom.empty())
            if (Status s = interop::loadWeights(*m_model, m_config.initFrom); !s)
                return s.withContext("starting from the weights of " + m_config.initFrom);
        m_device = m_model->device();
        buildOptimizer();

        m_checkpointPath = m_config.checkpointDir.empty() ? std::string() : checkpointPath(m_config.checkpointDir);
        if (!resumeFrom.empty()) {
            CheckpointState st;
            if (Status s = loadCheckpoint(resumeFrom, *m_model, *m_optimizer, m_device, &st); !s) return s;
            if (Status s = checkResumeCompatible(st.configJson, m_config, resumeFrom); !s) return s;
            if (st.sequences != st.step * m_plan.sequencesPerStep)
                return Status(StatusCode::Corrupt, resumeFrom + ": data position " + std::to_string(st.sequences) +
                                                       " does not match step " + std::to_string(st.step));
            if (st.step > m_plan.steps)
                return Status::invalid(resumeFrom + ": checkpoint step " + std::to_string(st.step) +
                                       " is past the plan's " + std::to_string(m_plan.steps) + " steps");
            m_step = st.step;
            m_priorSeconds = st.elapsedSeconds;
            m_lossAverage = st.lossAverage;
            m_lossCount = st.lossCount;
            m_result.finalTrainLoss = st.lastTrainLoss;
            m_resumed = true;
        }
        m_maxLoss = m_config.maxLoss > 0 ? m_config.maxLoss : 3.0 * std::log(static_cast<double>(m_config.shape.vocab));
        m_peak = m_config.peakFlopsPerSecond;
        std::ostringstream dev;
        if (m_device.is_cuda()) {
            std::string name;
            for (const auto& info : engine::deviceInfo().cudaDevices)
                if (info.index == m_device.index() || (m_device.index() < 0 && info.index == 0)) name = info.name;
            if (m_peak <= 0 && m_config.bf16) m_peak = denseBf16PeakFlops(name);
            dev << m_config.device << " (" << name << (m_config.bf16 ? ", bf16" : ", fp32") << ")";
        } else {
            dev << "cpu (" << at::get_num_threads() << " threads)";
        }
        m_deviceName = dev.str();
        return {};
    }

    void buildOptimizer() {
        std::vector<torch::Tensor> decay, noDecay;
        for (const auto& item : m_model->named_parameters(/*recurse=*/true)) {
            const bool isEmbedding = item.key().rfind("embedding.", 0) == 0;
            (item.value().dim() >= 2 && !isEmbedding ? decay : noDecay).push_back(item.value());
        }
        auto opts = [&](double wd) {
            auto o = std::make_unique<torch::optim::AdamWOptions>(m_config.lr);
            o->betas({m_config.beta1, m_config.beta2}).eps(m_config.eps).weight_decay(wd);
            return o;
        };
        std::vector<torch::optim::OptimizerParamGroup> groups;
        groups.emplace_back(decay, opts(m_config.weightDecay));
        groups.emplace_back(noDecay, opts(0.0));
        torch::optim::AdamWOptions defaults(m_config.lr);
        defaults.betas({m_config.beta1, m_config.beta2}).eps(m_config.eps).weight_decay(m_config.weightDecay);
        m_optimizer = std::make_unique<torch::optim::AdamW>(groups, defaults);
    }

    TrainingResult fail(const Status& status) {
        m_result.outcome = TrainingOutcome::Failed;
        m_result.status = status;
        m_result.reason = status.message();
        fillTotals();
        m_observer.onFinish(m_result);
        return m_result;
    }

    void fillTotals() {
        m_result.steps = m_step;
        m_result.tokens = m_step * m_plan.tokensPerStep;
        m_result.flops = static_cast<double>(m_step) * static_cast<double>(m_plan.sequencesPerStep) * m_plan.flopsPerSequence;
        m_result.seconds = elapsed();
    }

    double elapsed() const { return m_priorSeconds + secondsBetween(m_sessionStart, Clock::now()); }

    torch::Tensor toDevice(std::vector<std::int64_t>& values, long long rows, long long offset, long long count) {
        const long long T = m_config.context;
        torch::Tensor all = torch::from_blob(values.data(), {rows, T}, torch::kInt64);
        return all.narrow(0, offset, count).to(m_device);
    }

    // Checks the observer between micro-batches; returns true when the run must stop.
    bool stopRequested() {
        if (Status h = m_observer.health(); !h) {
            m_stopStatus = h;
            return true;
        }
        if (m_observer.shouldStop()) {
            m_stopStatus = Status(StatusCode::Cancelled, "cancelled at step " + std::to_string(m_step));
            return true;
        }
        return false;
    }

    Status writeCheckpoint() {
        if (m_checkpointPath.empty()) return {};
        CheckpointState st;
        st.step = m_step;
        st.sequences = m_step * m_plan.sequencesPerStep;
        st.elapsedSeconds = elapsed();
        st.lossAverage = m_lossAverage;
        st.lossCount = m_lossCount;
        st.lastTrainLoss = m_result.finalTrainLoss;
        st.configJson = trainingConfigToJson(m_config);
        Status s = saveCheckpoint(m_checkpointPath, *m_model, *m_optimizer, st);
        if (s) {
            m_result.checkpointPath = m_checkpointPath;
            m_observer.onCheckpoint(m_checkpointPath, m_step);
        }
        return s;
    }

    // Ends the run early: cancelled or failed (observer), with a checkpoint of the last completed step.
    void stopEarly() {
        Status ck = writeCheckpoint();
        fillTotals();
        if (m_stopStatus.code() == StatusCode::Cancelled) {
            m_result.outcome = TrainingOutcome::Cancelled;
            m_result.status = ck ? m_stopStatus : Status(StatusCode::Cancelled, m_stopStatus.message() + "; " + ck.message());
        } else {
            m_result.outcome = TrainingOutcome::Failed;
            m_result.status = m_stopStatus;
        }
        m_result.reason = m_result.status.message();
    }

    EvalProgress evaluate() {
        const auto t0 = Clock::now();
        const bool wasTraining = m_model->is_training();
        m_model->eval();
        torch::NoGradGuard noGrad;
        double lossSum = 0;
        long long scored = 0;
        std::vector<std::int64_t> predictions, targets;
        data::Batch batch;
        for (long long first = 0; first < m_evalSequences; first += m_plan.microBatch) {
            const long long n = std::min(m_plan.microBatch, m_evalSequences - first);
            m_data->valBatch(first, n, &batch);
            torch::Tensor x = toDevice(batch.inputs, n, 0, n), y = toDevice(batch.targets, n, 0, n);
            torch::Tensor logits = m_model->forward(x);                       // (B, T, V)
            torch::Tensor flat = logits.reshape({-1, logits.size(-1)});       // (B T, V)
            lossSum += torch::nn::functional::cross_entropy(
                           flat, y.reshape({-1}),
                           torch::nn::functional::CrossEntropyFuncOptions().ignore_index(-1).reduction(torch::kSum))
                           .item<double>();
            scored += y.ge(0).sum().item<int64_t>();
            if (m_data->isSynthetic()) {
                torch::Tensor pred = flat.argmax(-1).to(torch::kCPU).contiguous();
                predictions.insert(predictions.end(), pred.data_ptr<int64_t>(), pred.data_ptr<int64_t>() + pred.numel());
                targets.insert(targets.end(), batch.targets.begin(), batch.targets.end());
            }
        }
        if (wasTraining) m_model->train();
        EvalProgress e;
        e.step = m_step;
        e.tokens = m_step * m_plan.tokensPerStep;
        e.flops = static_cast<double>(m_step) * static_cast<double>(m_plan.sequencesPerStep) * m_plan.flopsPerSequence;
        e.valLoss = scored > 0 ? lossSum / static_cast<double>(scored) : NAN;
        e.valTokens = scored;
        if (m_data->isSynthetic()) e.valAccuracy = data::maskedAccuracy(predictions, targets);
        e.seconds = secondsBetween(t0, Clock::now());
        e.elapsedSeconds = elapsed();
        return e;
    }

    // The divergence verdict for a step's loss and gradient norm; "" when healthy.
    std::string divergence(double loss, double gradNorm) const {
        std::ostringstream os;
        const long long step = m_step + 1;
        if (!std::isfinite(loss)) os << "loss is " << loss << " at step " << step;
        else if (!std::isfinite(gradNorm)) os << "gradient norm is " << gradNorm << " at step " << step;
        else if (loss > m_maxLoss)
            os << "loss " << analysis::fmt(loss, 5) << " at step " << step << " exceeds the ceiling " << analysis::fmt(m_maxLoss, 4);
        else if (m_lossCount >= m_config.spikeGraceSteps && m_lossCount > 0 && loss > m_config.spikeFactor * m_lossAverage)
            os << "loss spike at step " << step << ": " << analysis::fmt(loss, 5) << " > " << analysis::fmt(m_config.spikeFactor, 3)
               << " x running average " << analysis::fmt(m_lossAverage, 5);
        return os.str();
    }

    void loop() {
        m_sessionStart = Clock::now();
        TrainingStart start;
        start.config = m_config;
        start.plan = m_plan;
        start.startStep = m_step;
        start.resumed = m_resumed;
        start.modelParams = m_model->parameterCount();
        start.device = m_deviceName;
        start.dataDescription = m_data->description();
        start.evalSequences = m_evalSequences;
        start.peakFlopsPerSecond = m_peak;
        m_observer.onStart(start);

        LrSchedule schedule{m_config.lr, m_plan.warmupSteps, m_plan.steps, m_config.finalLrFactor};
        const double clip = m_config.gradClip > 0 ? m_config.gradClip : std::numeric_limits<double>::infinity();
        const long long B = m_plan.sequencesPerStep;
        const long long sessionFirstStep = m_step;
        m_model->train();
        data::Batch batch;
        std::vector<torch::Tensor> params = m_model->parameters(/*recurse=*/true);

        while (m_step < m_plan.steps) {
            if (stopRequested()) return stopEarly();
            const auto t0 = Clock::now();
            const double lr = schedule.at(m_step);
            for (auto& group : m_optimizer->param_groups())
                static_cast<torch::optim::AdamWOptions&>(group.options()).lr(lr);
            m_data->trainBatch(m_step * B, B, &batch);
            long long scored = 0;
            for (std::int64_t t : batch.targets) scored += t >= 0 ? 1 : 0;
            const double denom = static_cast<double>(std::max(1LL, scored));
            m_optimizer->zero_grad();
            double lossSum = 0;
            for (long long first = 0; first < B; first += m_plan.microBatch) {
                if (first > 0 && stopRequested()) return stopEarly();
                const long long n = std::min(m_plan.microBatch, B - first);
                torch::Tensor x = toDevice(batch.inputs, B, first, n), y = toDevice(batch.targets, B, first, n);
                torch::Tensor logits = m_model->forward(x);   // (n, T, V)
                torch::Tensor loss = torch::nn::functional::cross_entropy(
                    logits.reshape({-1, logits.size(-1)}), y.reshape({-1}),
                    torch::nn::functional::CrossEntropyFuncOptions().ignore_index(-1).reduction(torch::kSum));
                (loss / denom).backward();
                lossSum += loss.item<double>();
            }
            const double trainLoss = lossSum / denom;
            const double gradNorm = torch::nn::utils::clip_grad_norm_(params, clip);

            const std::string verdict = divergence(trainLoss, gradNorm);
            StepProgress p;
            p.step = m_step + 1;
            p.steps = m_plan.steps;
            p.lr = lr;
            p.trainLoss = trainLoss;
            p.gradNorm = gradNorm;
            if (!verdict.empty()) {
                // The bad update is not applied; the step is reported so the store shows where it blew up.
                p.tokens = p.step * m_plan.tokensPerStep;
                p.flops = static_cast<double>(p.step) * static_cast<double>(B) * m_plan.flopsPerSequence;
                p.elapsedSeconds = elapsed();
                m_observer.onStep(p);
                fillTotals();
                m_result.steps = m_step + 1;
                m_result.finalTrainLoss = trainLoss;
                m_result.outcome = TrainingOutcome::Diverged;
                m_result.status = Status(StatusCode::Diverged, verdict);
                m_result.reason = verdict;
                if (checkpointExists()) m_result.checkpointPath = m_checkpointPath;
                return;
            }
            m_optimizer->step();
            ++m_step;
            m_lossAverage = m_lossCount == 0 ? trainLoss : 0.9 * m_lossAverage + 0.1 * trainLoss;
            ++m_lossCount;
            m_result.finalTrainLoss = trainLoss;

            const double stepSeconds = secondsBetween(t0, Clock::now());
            p.tokens = m_step * m_plan.tokensPerStep;
            p.flops = static_cast<double>(m_step) * static_cast<double>(B) * m_plan.flopsPerSequence;
            p.tokensPerSecond = stepSeconds > 0 ? static_cast<double>(m_plan.tokensPerStep) / stepSeconds : 0;
            p.flopsPerSecond = stepSeconds > 0 ? static_cast<double>(B) * m_plan.flopsPerSequence / stepSeconds : 0;
            if (m_peak > 0) p.utilisation = p.flopsPerSecond / m_peak;
            p.elapsedSeconds = elapsed();
            const double sessionSeconds = secondsBetween(m_sessionStart, Clock::now());
            p.etaSeconds = sessionSeconds / static_cast<double>(m_step - sessionFirstStep) *
                           static_cast<double>(m_plan.steps - m_step);
            m_observer.onStep(p);

            if (m_step % m_plan.evalEvery == 0 || m_step == m_plan.steps) {
                const EvalProgress e = evaluate();
                m_result.finalValLoss = e.valLoss;
                m_result.finalValAccuracy = e.valAccuracy;
                m_observer.onEval(e);
            }
            if (m_config.checkpointEvery > 0 && m_step % m_config.checkpointEvery == 0 && m_step < m_plan.steps) {
                if (Status s = writeCheckpoint(); !s) {
                    m_stopStatus = s;
                    fillTotals();
                    m_result.outcome = TrainingOutcome::Failed;
                    m_result.status = s;
                    m_result.reason = s.message();
                    return;
                }
            }
        }
        // Finished: a run resumed at its last step still gets its final validation pass.
        if (!std::isfinite(m_result.finalValLoss)) {
            const EvalProgress e = evaluate();
            m_result.finalValLoss = e.valLoss;
            m_result.finalValAccuracy = e.valAccuracy;
            m_observer.onEval(e);
        }
        fillTotals();
        m_result.outcome = TrainingOutcome::Finished;
        m_result.status = {};
        m_result.reason.clear();
        if (m_config.keepFinalCheckpoint) {
            if (Status s = writeCheckpoint(); !s) {
                m_result.outcome = TrainingOutcome::Failed;
                m_result.status = s;
                m_result.reason = s.message();
            }
        } else if (!m_checkpointPath.empty()) {
            std::error_code ec;
            fs::remove(m_checkpointPath, ec);   // only an unfinished run needs one
            m_result.checkpointPath.clear();
        }
        if (m_config.keepFinalWeights && !m_config.checkpointDir.empty() && m_result.outcome == TrainingOutcome::Finished) {
            if (Status s = interop::saveWeights(*m_model, finalWeightsPath(m_config.checkpointDir), trainingConfigToJson(m_config)); !s) {
                m_result.outcome = TrainingOutcome::Failed;
                m_result.status = s.withContext("keeping the final weights");
                m_result.reason = m_result.status.message();
            }
        }
    }

    bool checkpointExists() const {
        std::error_code ec;
        return !m_checkpointPath.empty() && fs::exists(m_checkpointPath, ec);
    }

    TrainingConfig m_config;
    TrainingObserver& m_observer;
    TrainingPlan m_plan;
    TrainingResult m_result;
    std::unique_ptr<data::BatchSource> m_data;
    std::shared_ptr<engine::CausalLm> m_model;
    std::unique_ptr<torch::optim::AdamW> m_optimizer;
    torch::Device m_device{torch::kCPU};
    std::string m_deviceName, m_checkpointPath;
    long long m_evalSequences = 0;
    long long m_step = 0;
    bool m_resumed = false;
    double m_priorSeconds = 0;
    double m_lossAverage = 0;
    long long m_lossCount = 0;
    double m_maxLoss = 0;
    double m_peak = 0;
    Status m_stopStatus;
    Clock::time_point m_sessionStart = Clock::now();
};

}  // namespace

Status validateModelConfig(const TrainingConfig& config) {
    std::string error;
    if (!config.isValid(&error)) return Status::invalid(error);
    return engine::validateModel(config.shape, modelOptionsFor(config));
}

data::DataOptions dataOptionsFor(const TrainingConfig& c) {
    data::DataOptions d;
    d.spec = c.data;
    d.context = c.context;
    d.seed = c.seed;
    d.corpus.valFraction = c.valFraction;
    d.corpus.vocab = c.tokenVocab;
    if (!c.fortunesDir.empty()) d.corpus.fortunesDir = c.fortunesDir;
    return d;
}

engine::ModelOptions modelOptionsFor(const TrainingConfig& c) {
    engine::ModelOptions o;
    o.seed = c.seed;
    if (c.device.rfind("cuda", 0) == 0) {
        o.device = engine::ComputeDevice::Cuda;
        // "cuda:N"; a malformed ordinal is caught by TrainingConfig::isValid before this is used.
        o.cudaDevice = c.device.size() > 5 ? std::atoi(c.device.c_str() + 5) : 0;
        o.dtype = c.bf16 ? engine::ComputeDtype::BFloat16 : engine::ComputeDtype::Float32;
    }
    return o;
}

TrainingResult runTraining(const TrainingConfig& config, TrainingObserver* observer, const std::string& resumeFrom) {
    NullObserver none;
    Session session(config, observer ? *observer : none);
    return session.run(resumeFrom);
}

}  // namespace seqscope::training
