// SPDX-License-Identifier: MIT
// ModelShape helpers: architecture names, FFN rounding, derived head dims and validity checks.
// Rounding and head-dim derivation follow ../shared/reference/scaling-laws.md section 2
// (xlstm_scaling_laws/params/common.py::get_ffn_dim and flops/mlstm.py): integer division for head
// dims, F = multiple * ceil(r(factor * d) / multiple) with r = floor (Transformer) or ceil (xLSTM).
#include "analysis/model_shape.h"

#include <cmath>
#include <sstream>

namespace seqscope::analysis {

const char* archName(Arch arch) {
    return arch == Arch::XLstm ? "xlstm" : "transformer";
}

bool parseArch(const std::string& text, Arch* arch) {
    std::string t;
    for (char c : text) t += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (t == "xlstm" || t == "mlstm" || t == "mlstm_v1") {
        *arch = Arch::XLstm;
        return true;
    }
    if (t == "transformer" || t == "llama" || t == "llama2") {
        *arch = Arch::Transformer;
        return true;
    }
    return false;
}

FfnRounding defaultFfnRounding(Arch arch) {
    return arch == Arch::XLstm ? FfnRounding::Ceil : FfnRounding::Floor;
}

int roundedFfnDim(int dModel, double factor, int multiple, FfnRounding rounding) {
    if (dModel <= 0 || factor <= 0 || multiple <= 0) return 0;
    // Same IEEE product as the Python reference, so e.g. 2.667 * 768 = 2048.256 rounds identically.
    const double raw = factor * static_cast<double>(dModel);
    const double r = rounding == FfnRounding::Ceil ? std::ceil(raw) : std::floor(raw);
    return multiple * static_cast<int>(std::ceil(r / multiple));
}

ModelShape makeShape(Arch arch, int dModel, int layers, int heads, const ShapeFactors& factors) {
    ModelShape s;
    s.arch = arch;
    s.dModel = dModel;
    s.layers = layers;
    s.heads = heads;
    s.vocab = factors.vocab;
    s.chunk = factors.chunk;
    s.maxContext = factors.maxContext;
    s.ffnDim = roundedFfnDim(dModel, factors.ffnFactor, factors.ffnMultiple, defaultFfnRounding(arch));
    if (heads <= 0 || dModel <= 0) {
        s.headDimQK = s.headDimV = 0;
        return s;
    }
    if (arch == Arch::Transformer) {
        s.headDimQK = s.headDimV = dModel / heads;
    } else {
        s.headDimQK = static_cast<int>(std::floor(factors.qkFactor * dModel)) / heads;
        s.headDimV = static_cast<int>(std::floor(factors.vFactor * dModel)) / heads;
    }
    return s;
}

std::string ModelShape::describe() const {
    std::ostringstream os;
    os << archName(arch) << " d=" << dModel << " L=" << layers << " H=" << heads << " qk=" << headDimQK
       << " v=" << headDimV << " F=" << ffnDim << " V=" << vocab;
    if (arch == Arch::XLstm) os << " Lc=" << chunk;
    return os.str();
}

bool ModelShape::isValid(std::string* error) const {
    auto fail = [error](const std::string& message) {
        if (error) *error = message;
        return false;
    };
    const struct {
        const char* name;
        int value;
    } positive[] = {{"d_model", dModel}, {"layers", layers},   {"heads", heads},   {"head_dim_qk", headDimQK},
                    {"head_dim_v", headDimV}, {"ffn_dim", ffnDim}, {"vocab", vocab}, {"max_context", maxContext}};
    for (const auto& p : positive)
        if (p.value <= 0) return fail(std::string(p.name) + " must be positive, got " + std::to_string(p.value));
    if (dModel % heads != 0)
        return fail("heads (" + std::to_string(heads) + ") must divide d_model (" + std::to_string(dModel) + ")");
    if (static_cast<long long>(heads) * headDimV != dModel)
        return fail("heads * head_dim_v must equal d_model, got " + std::to_string(heads) + " * " +
                    std::to_string(headDimV) + " != " + std::to_string(dModel));
    if (arch == Arch::Transformer && headDimQK != headDimV)
        return fail("a Transformer head has one dim d_h: head_dim_qk (" + std::to_string(headDimQK) +
                    ") != head_dim_v (" + std::to_string(headDimV) + ")");
    if (arch == Arch::XLstm && chunk <= 0) return fail("chunk must be positive, got " + std::to_string(chunk));
    const auto number = [](double v) {
        std::ostringstream os;
        os << v;
        return os.str();
    };
    if (!(normEps > 0 && normEps < 1)) return fail("norm_eps must be in (0, 1), got " + number(normEps));
    if (!(cellEps > 0 && cellEps < 1)) return fail("the mLSTM eps must be in (0, 1), got " + number(cellEps));
    if (!(gateSoftCap >= 0 && std::isfinite(gateSoftCap)))
        return fail("gate_soft_cap must be 0 (none) or positive, got " + number(gateSoftCap));
    if (!(logitSoftCap >= 0 && std::isfinite(logitSoftCap)))
        return fail("output_logit_soft_cap must be 0 (none) or positive, got " + number(logitSoftCap));
    if (!(ropeTheta > 1 && std::isfinite(ropeTheta))) return fail("rope_theta must be above 1, got " + number(ropeTheta));
    return true;
}

}  // namespace seqscope::analysis
