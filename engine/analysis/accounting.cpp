// SPDX-License-Identifier: MIT
// Parameter count and training FLOPs (../shared/reference/scaling-laws.md sections 3-4).
// Every per-sequence count below 2^53 is an exact integer in double, so the verification values of
// section 4.6 (e.g. xLSTM-160M at T = 8192: 6,271,948,495,872) are reproduced bit for bit.
// Non-multiple contexts: ceil(T / Lc) chunks (see accounting.h); the reference code floors.
#include "analysis/accounting.h"

#include <cmath>
#include <limits>

namespace seqscope::analysis {

// ---- Parameters ------------------------------------------------------------------------------

ParameterCount countParameters(const ModelShape& s) {
    const long long d = s.dModel, H = s.heads, dqk = s.headDimQK, dv = s.headDimV, F = s.ffnDim, V = s.vocab;
    ParameterCount p;
    p.embedding = V * d;
    p.head = V * d;
    p.finalNorm = d;
    const long long qkv = d * H * (2 * dqk + dv);
    const long long ffn = 3 * d * F;   // SwiGLU: up, gate, down
    if (s.arch == Arch::Transformer) {
        // out-projection H*d_h -> d, two RMSNorm weights
        p.perBlock = qkv + d * H * dv + ffn + 2 * d;
    } else {
        // input/forget gate weights and biases, output-gate projection, out-projection, pre-mLSTM and
        // pre-FFN RMSNorm weights, per-head output norm weight (H*d_v)
        p.perBlock = qkv + 2 * d * H + 2 * H + 2 * d * H * dv + ffn + 2 * d + H * dv;
    }
    p.blocks = static_cast<long long>(s.layers) * p.perBlock;
    p.total = p.embedding + p.head + p.blocks + p.finalNorm;
    return p;
}

long long parameterCount(const ModelShape& shape) {
    return countParameters(shape).total;
}

// ---- Options ---------------------------------------------------------------------------------

const char* attentionFlopModeName(AttentionFlopMode mode) {
    return mode == AttentionFlopMode::DistillScaling ? "distill_scaling" : "chinchilla";
}

bool parseAttentionFlopMode(const std::string& text, AttentionFlopMode* mode) {
    if (text == "distill" || text == "distill_scaling" || text == "distill-scaling") {
        *mode = AttentionFlopMode::DistillScaling;
        return true;
    }
    if (text == "chinchilla") {
        *mode = AttentionFlopMode::Chinchilla;
        return true;
    }
    return false;
}

bool TrainingFlopOptions::isValid(std::string* error) const {
    if (!(backwardFactor >= 0) || !std::isfinite(backwardFactor)) {
        if (error) *error = "backward factor must be a finite number >= 0, got " + std::to_string(backwardFactor);
        return false;
    }
    if (chunk < 0) {
        if (error) *error = "chunk must be positive (0 = the shape's), got " + std::to_string(chunk);
        return false;
    }
    return true;
}

// ---- mLSTM cell, mode "first" (section 4.3) --------------------------------------------------------

double mlstmCellFlopsPerChunk(int headDimQK, int headDimV, int chunk) {
    const double dqk = headDimQK, dv = headDimV, c = chunk;
    // Lc*(Lc+1) is always even, so the reference's 0.5*Lc*(Lc+1) and floor(Lc*(Lc+1)/2) agree.
    const double tri = 0.5 * c * (c + 1);
    const double cPart = tri + 2 * c                                  // chunkwise gates
                         + 5 + 5 * c                                  // gates and max state
                         + 2 * dqk * dv + 4 * c * dqk * dv + 3 * c * dqk   // inter-chunk C
                         + 2 * dqk + 4 * c * dqk;                     // inter-chunk n
    const double hPart = tri + c * c * (10 + 2 * dqk + 2 * dv) + 2 * c   // intra-chunk: gates, QK^T, H, n
                         + 7 * c + 2 * c * dv;                        // combine inter + intra
    return cPart + hPart;
}

double mlstmCellFlopsPerTokenPerHead(int headDimQK, int headDimV, int chunk) {
    return chunk > 0 ? mlstmCellFlopsPerChunk(headDimQK, headDimV, chunk) / chunk
                     : std::numeric_limits<double>::quiet_NaN();
}

// ---- Training FLOPs --------------------------------------------------------------------------------

TrainingFlops trainingFlops(const ModelShape& s, long long context, const TrainingFlopOptions& options) {
    TrainingFlops r;
    r.context = context;
    std::string error;
    if (!s.isValid(&error)) {
        r.status = Status::invalid("model shape: " + error);
        return r;
    }
    if (!options.isValid(&error)) {
        r.status = Status::invalid(error);
        return r;
    }
    if (context <= 0) {
        r.status = Status::invalid("context must be positive, got " + std::to_string(context));
        return r;
    }

    const double d = s.dModel, L = s.layers, H = s.heads, dqk = s.headDimQK, dv = s.headDimV, F = s.ffnDim,
                 V = s.vocab, T = static_cast<double>(context);
    ForwardFlops& fw = r.forward;
    fw.logits = T * 2 * d * V;
    fw.ffnGating = T * L * 2 * F;   // F (gate product) + F * F_act (activation), F_act = 1
    if (s.arch == Arch::Transformer) {
        const double perToken = 2 * d * H * (2 * dqk + dv)   // QKV
                                + 2 * d * H * dv              // out-projection
                                + 6 * d * F;                  // SwiGLU up, gate, down
        fw.projections = T * L * perToken;
        const double perHead = options.attention == AttentionFlopMode::DistillScaling
                                   ? dqk + dv + 2.5                 // QK^T + softmax 2.5 + AV, causal half
                                   : 2 * dqk + 2 * dv + 3;          // full T x T score matrix
        fw.sequenceMixing = L * T * T * H * perHead;
    } else {
        const double perToken = 2 * d * H * (2 * dqk + dv + 2)   // q, k, v, i, f
                                + 2 * d * H * dv + H * dv         // output gate matmul + sigmoid
                                + 2 * d * H * dv                  // out-projection
                                + 6 * d * F;                      // SwiGLU
        fw.projections = T * L * perToken;
        r.chunk = options.chunk > 0 ? options.chunk : s.chunk;
        r.chunks = (context + r.chunk - 1) / r.chunk;
        r.paddedToChunk = context % r.chunk != 0;
        fw.sequenceMixing = L * H * static_cast<double>(r.chunks) * mlstmCellFlopsPerChunk(s.headDimQK, s.headDimV, r.chunk);
    }

    const double fwbwFactor = 1 + options.backwardFactor;
    r.forwardPerSequence = fw.total();
    r.fwbwPerSequence = fwbwFactor * r.forwardPerSequence;
    r.forwardPerToken = r.forwardPerSequence / T;
    r.fwbwPerToken = r.fwbwPerSequence / T;
    r.linearFwbwPerSequence = fwbwFactor * (fw.projections + fw.logits);
    r.seqmixFwbwPerSequence = fwbwFactor * fw.sequenceMixing;
    r.params = parameterCount(s);
    r.heuristicPerToken = 6.0 * static_cast<double>(r.params);
    r.ratioToHeuristic = r.fwbwPerToken / r.heuristicPerToken;
    return r;
}

double trainingCompute(const ModelShape& shape, long long context, double sequences, const TrainingFlopOptions& options) {
    const TrainingFlops f = trainingFlops(shape, context, options);
    if (!f.status.isOk()) return std::numeric_limits<double>::quiet_NaN();
    return f.fwbwPerSequence * sequences;
}

double heuristicCompute6ND(double params, double tokens) {
    return 6.0 * params * tokens;
}

}  // namespace seqscope::analysis
