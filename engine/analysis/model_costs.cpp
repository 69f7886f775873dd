// SPDX-License-Identifier: MIT
// The Calculator's aggregates (model_costs.h). Every FLOP and byte comes from accounting.h or
// inference_accounting.h; this file only regroups them and adds the memory estimate.
#include "analysis/model_costs.h"

#include <cmath>
#include <limits>

namespace seqscope::analysis {

int precisionBytes(Precision p) {
    switch (p) {
        case Precision::Float32: return 4;
        case Precision::BFloat16: return 2;
        case Precision::Float8: return 1;
    }
    return 2;
}

const char* precisionName(Precision p) {
    switch (p) {
        case Precision::Float32: return "fp32";
        case Precision::BFloat16: return "bf16";
        case Precision::Float8: return "fp8";
    }
    return "bf16";
}

bool parsePrecision(const std::string& text, Precision* p) {
    if (text == "fp32" || text == "float32") *p = Precision::Float32;
    else if (text == "bf16" || text == "bfloat16") *p = Precision::BFloat16;
    else if (text == "fp8" || text == "float8") *p = Precision::Float8;
    else return false;
    return true;
}

bool CostInputs::isValid(std::string* error) const {
    auto fail = [error](const std::string& m) {
        if (error) *error = m;
        return false;
    };
    std::string shapeError;
    if (!shape.isValid(&shapeError)) return fail("model shape: " + shapeError);
    if (context <= 0) return fail("context must be positive, got " + std::to_string(context));
    if (batch <= 0) return fail("batch must be positive, got " + std::to_string(batch));
    if (!(trainingTokens >= 0) || !std::isfinite(trainingTokens))
        return fail("training tokens must be a finite number >= 0, got " + std::to_string(trainingTokens));
    return true;
}

FlopSplit forwardSplitPerToken(const ModelShape& s, const TrainingFlops& f) {
    const double T = static_cast<double>(f.context);
    FlopSplit out;
    if (!(T > 0)) return out;
    // accounting.cpp counts the SwiGLU matmuls, 6 d F per token and block, inside `projections`.
    const double ffnMatmuls = 6.0 * s.dModel * s.ffnDim * s.layers;
    out.projections = f.forward.projections / T - ffnMatmuls;
    out.feedForward = ffnMatmuls + f.forward.ffnGating / T;
    out.sequenceMixing = f.forward.sequenceMixing / T;
    out.logits = f.forward.logits / T;
    return out;
}

InferenceAccountingOptions inferenceOptions(Precision precision) {
    InferenceAccountingOptions o;
    o.bytesWeight = precisionBytes(precision);
    o.bytesActivation = precisionBytes(precision);
    o.bytesState = 4;
    o.decode = DecodeAccounting::Physical;
    return o;
}

TrainingMemory trainingMemory(const ModelShape& s, long long context, long long batch, Precision precision) {
    const double p = precisionBytes(precision);
    const double n = static_cast<double>(parameterCount(s));
    TrainingMemory m;
    m.weights = n * p;
    m.gradients = n * p;
    m.optimizer = 8.0 * n + (p < 4 ? 4.0 * n : 0.0);
    const InferenceAccountingOptions o = inferenceOptions(precision);
    // backboneBytes = token-proportional activation traffic + the weights; with no tokens it is the
    // weights alone, so the difference is the activation part (embedding output, blocks, head).
    m.activations = backboneBytes(s, batch, context, context, o) - backboneBytes(s, 0, 0, 0, o);
    if (s.arch == Arch::XLstm && s.chunk > 0) {
        const double chunks = static_cast<double>((context + s.chunk - 1) / s.chunk);
        const double perHead = static_cast<double>(s.headDimQK) * s.headDimV + s.headDimQK + 1;
        m.activations += static_cast<double>(batch) * s.layers * s.heads * chunks * perHead * o.bytesState;
    }
    return m;
}

double inferenceMemoryBytes(const ModelShape& s, long long batch, double context, Precision precision) {
    const double weights = static_cast<double>(parameterCount(s)) * precisionBytes(precision);
    if (s.arch == Arch::Transformer)
        return weights + kvCacheBytesPerToken(s, precisionBytes(precision)) * static_cast<double>(batch) * context;
    return weights + static_cast<double>(recurrentStateValues(s)) * 4.0 * static_cast<double>(batch);
}

double longestContextThatFits(const ModelShape& s, long long batch, Precision precision, double capacityBytes) {
    const double fixed = inferenceMemoryBytes(s, batch, 0, precision);
    if (fixed > capacityBytes) return 0;
    const double perToken = kvCacheBytesPerToken(s, precisionBytes(precision)) * static_cast<double>(batch);
    if (perToken <= 0) return -1;
    return std::floor((capacityBytes - fixed) / perToken);
}

ModelCosts modelCosts(const CostInputs& in) {
    ModelCosts c;
    std::string error;
    if (!in.isValid(&error)) {
        c.status = Status::invalid(error);
        return c;
    }
    const ModelShape& s = in.shape;
    c.params = countParameters(s);
    c.training = trainingFlops(s, in.context);
    if (!c.training.status.isOk()) {
        c.status = c.training.status;
        return c;
    }
    c.forwardPerToken = forwardSplitPerToken(s, c.training);
    c.trainingCompute = c.training.fwbwPerToken * in.trainingTokens;
    c.heuristic6ND = heuristicCompute6ND(static_cast<double>(c.params.total), in.trainingTokens);
    c.memory = trainingMemory(s, in.context, in.batch, in.precision);
    c.inference = inferenceCosts(s, in.batch, in.context, inferenceOptions(in.precision));
    if (!c.inference.status.isOk()) {
        c.status = c.inference.status;
        return c;
    }
    c.kvBytesPerToken = kvCacheBytesPerToken(s, precisionBytes(in.precision));
    c.stateBytesPerSequence = static_cast<double>(recurrentStateValues(s)) * 4.0;
    c.inferenceMemory = inferenceMemoryBytes(s, in.batch, static_cast<double>(in.context), in.precision);
    return c;
}

}  // namespace seqscope::analysis
