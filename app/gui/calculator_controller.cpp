// SPDX-License-Identifier: MIT
#include "calculator_controller.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>

#include "analysis/inference_measurements.h"
#include "analysis/model_costs.h"
#include "analysis/presets.h"
#include "calculator_charts.h"
#include "calculator_view.h"
#include "storage/store.h"

namespace seqscope::gui {
namespace {

using analysis::Arch;

int archIndex(const std::string& arch) {
    Arch a;
    if (!analysis::parseArch(arch, &a)) return -1;
    return a == Arch::XLstm ? 0 : 1;
}

// The shape `seqscope-cli flops --arch A --d-model d --layers L --heads H --vocab V` counts.
analysis::ModelShape shapeFor(Arch arch, const widgets::CalculatorInputs& in) {
    analysis::ShapeFactors f;
    f.vocab = in.vocab;
    f.maxContext = 1 << 30;
    return analysis::makeShape(arch, in.dModel, in.layers, arch == Arch::XLstm ? in.xlstmHeads : in.transformerHeads, f);
}

// A stored benchmark point's shape (the configJson `seqscope-cli bench inference` writes).
bool shapeOfPoint(const QJsonObject& s, analysis::ModelShape* shape) {
    if (!analysis::parseArch(s.value(QStringLiteral("arch")).toString().toStdString(), &shape->arch)) return false;
    shape->dModel = s.value(QStringLiteral("d_model")).toInt();
    shape->layers = s.value(QStringLiteral("layers")).toInt();
    shape->heads = s.value(QStringLiteral("heads")).toInt();
    shape->headDimQK = s.value(QStringLiteral("head_dim_qk")).toInt();
    shape->headDimV = s.value(QStringLiteral("head_dim_v")).toInt();
    shape->ffnDim = s.value(QStringLiteral("ffn_dim")).toInt();
    shape->vocab = s.value(QStringLiteral("vocab")).toInt();
    shape->chunk = s.value(QStringLiteral("chunk")).toInt();
    shape->maxContext = s.value(QStringLiteral("max_context")).toInt();
    return shape->isValid(nullptr);
}

// Step-time fits per architecture, every model size pooled (sizes differ in their weight bytes, so
// beta_eff is identifiable for the xLSTM too).
void fitPooled(const std::vector<analysis::RuntimeSample>& samples, analysis::StepFit fits[2], int points[2]) {
    for (int a = 0; a < 2; ++a) {
        std::vector<analysis::RuntimeSample> mine;
        for (const auto& s : samples)
            if (archIndex(s.arch) == a) mine.push_back(s);
        points[a] = int(mine.size());
        fits[a] = mine.empty() ? analysis::StepFit{} : analysis::fitStepTime(mine);
        if (mine.empty()) fits[a].status = Status::notFound("no points");
    }
}

double predict(const analysis::StepFit& fit, double bytes, double batch) {
    return fit.status.isOk() ? fit.predictMs(bytes, batch) : NAN;
}

}  // namespace

CalculatorController::CalculatorController(widgets::CalculatorView* view, QObject* parent) : QObject(parent), m_view(view) {
    analysis::InferenceAccountingOptions acc;   // the reference's bf16 / fp32-state byte sizes
    acc.decode = analysis::DecodeAccounting::Physical;
    auto samples = analysis::referenceRuntimeSamples(acc);
    if (samples) fitPooled(*samples, m_h100, m_h100Points);
    else m_h100Problem = QString::fromStdString(samples.status().message());
    m_localPoints[0] = m_localPoints[1] = 0;
    m_local[0].status = m_local[1].status = Status::notFound("no benchmarks");
    if (m_view) {
        m_view->setPresets(presets());
        connect(m_view, &widgets::CalculatorView::inputsChanged, this, &CalculatorController::update);
        update();
    }
}

void CalculatorController::setStore(storage::Store* store) {
    std::vector<analysis::RuntimeSample> samples;
    if (store)
        if (auto points = store->benchmarkPoints())
            for (const auto& p : *points) {
                if (p.status != "ok") continue;
                const QJsonObject cfg = QJsonDocument::fromJson(QByteArray::fromStdString(p.configJson)).object();
                analysis::ModelShape shape;
                if (cfg.value(QStringLiteral("kind")).toString() != QLatin1String("inference-bench") ||
                    !shapeOfPoint(cfg.value(QStringLiteral("shape")).toObject(), &shape))
                    continue;
                const bool f32 = cfg.value(QStringLiteral("dtype")).toString(QStringLiteral("float32")) != QLatin1String("bfloat16");
                analysis::RuntimeSample s;
                s.arch = p.arch;
                s.model = p.label;
                s.params = p.params;
                s.batch = p.batch;
                s.prefill = p.prefillLength;
                s.ttftMs = p.ttftMs;
                s.stepMs = p.stepMs;
                if (analysis::attachAccounting(s, shape, analysis::inferenceOptions(f32 ? analysis::Precision::Float32
                                                                                        : analysis::Precision::BFloat16)))
                    samples.push_back(std::move(s));
            }
    fitPooled(samples, m_local, m_localPoints);
    update();
}

void CalculatorController::setFrontier(const QVector<widgets::FrontierSeries>& frontier, const QString& title) {
    m_frontier = frontier;
    m_frontierTitle = title;
    update();
}

void CalculatorController::update() {
    if (m_view) m_view->setResult(compute(m_view->inputs()));
}

widgets::CalculatorResult CalculatorController::compute(const widgets::CalculatorInputs& in) const {
    widgets::CalculatorResult r;
    analysis::Precision precision = analysis::Precision::BFloat16;
    const bool precisionOk = analysis::parsePrecision(in.precision.toStdString(), &precision);
    for (int a = 0; a < 2; ++a) {
        const Arch arch = a == 0 ? Arch::XLstm : Arch::Transformer;
        widgets::CalculatorArch& out = a == 0 ? r.xlstm : r.transformer;
        analysis::CostInputs ci;
        ci.shape = shapeFor(arch, in);
        ci.context = in.context;
        ci.batch = in.batch;
        ci.precision = precision;
        ci.trainingTokens = in.tokens;
        const analysis::ModelCosts c = analysis::modelCosts(ci);
        out.shapeText = QString::fromStdString(ci.shape.describe());
        if (!precisionOk || !c.status.isOk()) {
            out.error = precisionOk ? QString::fromStdString(c.status.message())
                                    : tr("precision '%1' is not fp32, bf16 or fp8").arg(in.precision);
            continue;
        }
        out.valid = true;
        out.params = double(c.params.total);
        out.projections = c.forwardPerToken.projections;
        out.feedForward = c.forwardPerToken.feedForward;
        out.sequenceMixing = c.forwardPerToken.sequenceMixing;
        out.logits = c.forwardPerToken.logits;
        out.forwardPerToken = c.training.forwardPerToken;
        out.fwbwPerToken = c.training.fwbwPerToken;
        out.sixN = c.training.heuristicPerToken;
        out.trainingCompute = c.trainingCompute;
        out.sixND = c.heuristic6ND;
        out.weightBytes = c.memory.weights;
        out.gradientBytes = c.memory.gradients;
        out.optimizerBytes = c.memory.optimizer;
        out.activationBytes = c.memory.activations;
        out.prefillFlops = c.inference.prefillFlops;
        out.cacheBytes = arch == Arch::XLstm ? c.inference.stateBytes : c.inference.kvCacheBytes;
        out.inferenceMemory = c.inferenceMemory;
        out.stepFlops = c.inference.stepFlops;
        out.stepBytes = c.inference.stepBytes;
        out.stepMsH100 = predict(m_h100[a], c.inference.stepBytes, double(in.batch));
        out.stepMsLocal = predict(m_local[a], c.inference.stepBytes, double(in.batch));
        for (const widgets::FrontierSeries& f : m_frontier) {
            if (archIndex(f.arch.toStdString()) != a) continue;
            double* n = f.own ? &out.ownOptimalParams : &out.optimalParams;
            double* d = f.own ? &out.ownOptimalTokens : &out.optimalTokens;
            if (!std::isfinite(*n) && f.nLaw.valid) *n = f.nLaw.at(in.compute);
            if (!std::isfinite(*d) && f.dLaw.valid) *d = f.dLaw.at(in.compute);
        }
        for (double e = 10; e <= 20.001; e += 0.25) {
            const double t = std::exp2(e);
            out.memoryCurve << QPointF(t, analysis::inferenceMemoryBytes(ci.shape, in.batch, t, precision));
        }
        for (double gb : widgets::ContextMemoryChart::capacitiesGB())
            out.fits << widgets::CapacityFit{gb * 1e9, analysis::longestContextThatFits(ci.shape, in.batch, precision, gb * 1e9)};
    }
    auto source = [this](const int points[2], const QString& where) {
        if (points[0] + points[1] == 0) return QString();
        return tr("fitted to %1 xLSTM and %2 Transformer decode steps %3").arg(points[0]).arg(points[1]).arg(where);
    };
    r.h100Source = m_h100Problem.isEmpty() ? source(m_h100Points, tr("measured on an H100 (the paper's release)"))
                                           : tr("no H100 model: %1").arg(m_h100Problem);
    r.localSource = source(m_localPoints, tr("benchmarked in this database"));
    if (r.localSource.isEmpty())
        r.localSource = tr("no benchmarks of this machine yet (Inference view, or seqscope-cli bench inference)");
    r.lawSource = m_frontier.isEmpty() ? tr("no frontier fitted yet (Scaling view)")
                                       : tr("the Scaling view's frontier laws (%1)").arg(m_frontierTitle);
    return r;
}

QVector<widgets::CalculatorPreset> CalculatorController::presets() {
    QVector<widgets::CalculatorPreset> out;
    for (const analysis::Preset& x : analysis::presets()) {
        if (x.shape.arch != Arch::XLstm || (x.family != "paper" && x.family != "cpu")) continue;
        const std::string size = x.name.substr(std::string("xlstm-").size());
        const analysis::Preset* t = analysis::findPreset("transformer-" + size);
        if (!t) continue;
        widgets::CalculatorPreset p;
        const bool paper = x.family == "paper";
        p.key = QString::fromStdString(paper ? size : "cpu-" + size);
        p.title = (paper ? tr("Paper %1 (d %2, %3 blocks)") : tr("CPU %1 (d %2, %3 blocks)"))
                      .arg(QString::fromStdString(size).toUpper())
                      .arg(x.shape.dModel)
                      .arg(x.shape.layers);
        p.dModel = x.shape.dModel;
        p.layers = x.shape.layers;
        p.xlstmHeads = x.shape.heads;
        p.transformerHeads = t->shape.heads;
        p.vocab = x.shape.vocab;
        p.context = x.context;
        p.tokens = 20.0 * double(analysis::parameterCount(x.shape));   // about compute-optimal (Chinchilla's 20 per parameter)
        out << p;
    }
    return out;
}

}  // namespace seqscope::gui
