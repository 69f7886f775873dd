// SPDX-License-Identifier: MIT
// ModelShape: the dimensions that define an xLSTM or Transformer model, shared by the accounting
// (parameters, FLOPs, bytes), the LibTorch models and the presets. Derived sizes follow
// ../shared/reference/scaling-laws.md section 2 (xlstm_scaling_laws/params/common.py).
#pragma once

#include <string>

namespace seqscope::analysis {

enum class Arch { XLstm, Transformer };

const char* archName(Arch arch);                          // "xlstm" | "transformer"
bool parseArch(const std::string& text, Arch* arch);      // accepts xlstm/mlstm, transformer/llama

// How the FFN width is rounded to `ffnMultiple`: the paper's Transformers floor, xLSTMs ceil.
enum class FfnRounding { Floor, Ceil };

struct ModelShape {
    Arch arch = Arch::XLstm;
    int dModel = 768;          // embedding width d
    int layers = 12;           // blocks L
    int heads = 6;             // heads H (query heads = key/value heads: MHA)
    int headDimQK = 64;        // d_qk per head (Transformer: d_h)
    int headDimV = 128;        // d_v per head (Transformer: d_h)
    int ffnDim = 2112;         // SwiGLU inner width F, after rounding
    int vocab = 50304;         // V (GPT-NeoX-20B, padded)
    int chunk = 64;            // mLSTM chunk size Lc (ignored for Transformers)
    int maxContext = 8192;     // longest context the model supports (RoPE table, checks)

    // Numerics the official configs set; the defaults are the paper's (xLSTM-7B, its Llama baseline).
    // They change no count or FLOP, only values, so accounting ignores them.
    double normEps = 1e-6;       // RMSNorm and per-head LayerNorm epsilon (norm_eps, rms_norm_eps)
    double cellEps = 1e-6;       // mLSTM denominator epsilon (xLSTMLargeConfig.eps)
    double gateSoftCap = 15;     // xLSTM gate pre-activation soft-cap (gate_soft_cap); 0 = none
    double logitSoftCap = 30;    // output logit soft-cap (output_logit_soft_cap); 0 = none (Llama)
    double ropeTheta = 500000;   // Transformer RoPE base (rope_theta)

    // A readable one-line description, e.g. "xlstm d=768 L=12 H=6 qk=64 v=128 F=2112 V=50304".
    std::string describe() const;
    // Checks positivity and divisibility; on failure writes a message naming the field and value.
    bool isValid(std::string* error) const;
};

// Size knobs from which the derived dimensions follow (defaults: the paper's).
struct ShapeFactors {
    double qkFactor = 0.5;         // xLSTM: d_qk = floor(qkFactor * d) / H
    double vFactor = 1.0;          // xLSTM: d_v  = floor(vFactor * d) / H
    double ffnFactor = 2.667;      // F = multiple * ceil(r(ffnFactor * d) / multiple), see roundedFfnDim
    int ffnMultiple = 64;
    int vocab = 50304;
    int chunk = 64;
    int maxContext = 8192;
};

// FFN width as the paper rounds it (xlstm_scaling_laws/params/common.py::get_ffn_dim):
//   F = multiple * ceil( r(factor * d) / multiple ),   r = floor or ceil
// e.g. d = 768: Transformer 2048, xLSTM 2112; with multiple 128 and floor, the inference-benchmark
// Transformer widths 2048 / 2816 / 4096 / 5504 / 6912 / 11008 (scaling-laws.md section 2).
// Returns 0 when an input is not positive.
int roundedFfnDim(int dModel, double factor, int multiple, FfnRounding rounding);

// Derives head dims and FFN width. Transformer: d_qk = d_v = d / H, FFN floor-rounded.
// xLSTM: d_qk = (qkFactor*d)/H, d_v = (vFactor*d)/H (integer division), FFN ceil-rounded.
// A heads count that does not divide d (or qkFactor*d) gives truncated head dims; ModelShape::isValid
// then reports it (H * d_v must equal d).
ModelShape makeShape(Arch arch, int dModel, int layers, int heads, const ShapeFactors& factors = {});

// The FFN rounding each architecture uses in the paper: Transformer floor, xLSTM ceil.
FfnRounding defaultFfnRounding(Arch arch);

}  // namespace seqscope::analysis
