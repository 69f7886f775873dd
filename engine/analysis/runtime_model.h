// SPDX-License-Identifier: MIT
// The paper's inference runtime model (../shared/reference/scaling-laws.md 12.2, 12.6), fitted per
// model size and architecture:
//   TTFT(B, T) = FLOPs_prefill(B, T) / alpha_eff + eps                 least squares on ms
//   step(B, T) = Bytes_step(B, T) / beta_eff + eps + B * eps_bp        least squares on ln(ms)
// FLOPs and bytes come from analysis/inference_accounting.h; the caller attaches them (see
// inference_measurements.h), so each fit is labelled with the decode accounting that produced it.
// Deliberate deviations: TTFT is plain least squares unless a Huber delta is given (the reference's
// notebooks use Huber 1 ms), and every parameter is bounded at >= 0 (the reference is unbounded LM).
// Non-identifiable parameters are reported as such, never as numbers: an xLSTM's step bytes are
// W + B*A with no context term, so beta_eff, eps and eps_bp cannot be separated (12.2); a single
// batch size cannot separate eps from eps_bp. Both fits also give a model-free bound: every point
// satisfies FLOPs/TTFT <= alpha_eff and bytes/step <= beta_eff when the overheads are >= 0.
#pragma once

#include <cmath>
#include <string>
#include <vector>

#include "common/status.h"

namespace seqscope::analysis {

// One measured (architecture, model, batch, prefill) point with its accounting.
struct RuntimeSample {
    std::string arch;            // "xlstm" | "transformer" | other label
    std::string model;           // group label: fits are per (arch, model), e.g. "xlstm_160m", "xlstm-10m @ cpu"
    double params = 0;           // N, for reports
    long long batch = 1;         // B, sequences
    long long prefill = 0;       // T_pre, tokens per sequence
    double ttftMs = NAN;         // time to first token, ms; NaN (or <= 0) = missing / failed
    double stepMs = NAN;         // decode time per generated token, ms; NaN (or <= 0) = missing
    double prefillFlops = NAN;   // accounting FLOPs to the first token for the whole batch
    double stepBytes = NAN;      // accounting bytes per decode step for the whole batch
    int sourceRow = 0;           // 1-based row / point id it came from (0 = unknown), for messages
};

struct RuntimeFitOptions {
    bool dropZeroPrefill = true;       // the reference drops prefill = 0 rows from both fits
    double ttftHuberDeltaMs = 0;       // Huber delta on TTFT residuals in ms; 0 = plain least squares
    int minPoints = 3;                 // fewer usable points than this: the fit is refused
    // A parameter whose column is (within this relative residual) a combination of the others is
    // structurally not identifiable (xLSTM bytes = W + B*A).
    double collinearTolerance = 1e-7;
    double weakConditionNumber = 1e6;  // above this (column-scaled design) a fit is flagged "weakly determined"
    bool isValid(std::string* error) const;
};

struct TtftFit {
    Status status;                     // InvalidArgument: too few points, no FLOP spread, non-physical slope
    double alphaEff = NAN;             // effective FLOP/s
    double epsSeconds = NAN;           // fixed overhead per prefill, s (bounded >= 0)
    double alphaStdError = NAN;        // from the least-squares covariance (NaN with 2 points)
    double epsStdError = NAN;
    double alphaLowerBound = NAN;      // max over points of FLOPs/TTFT (needs eps >= 0 only)
    bool epsAtBound = false;           // the unbounded fit wanted eps < 0; refitted through the origin
    int points = 0;
    double rmsRelativeError = NAN;     // sqrt(mean(((pred - meas)/meas)^2))
    double conditionNumber = NAN;      // of the column-scaled design
    std::vector<std::string> warnings;
    double predictMs(double flops) const { return (flops / alphaEff + epsSeconds) * 1e3; }
};

struct StepFit {
    Status status;                     // InvalidArgument: too few points, non-physical (beta would be infinite)
    double betaEff = NAN;              // effective bytes/s; NaN when not identifiable
    double epsSeconds = NAN;           // fixed overhead per step, s (bounded >= 0)
    double epsPerSequenceSeconds = NAN;   // eps_bp, per sequence in the batch, s; NaN when not identifiable
    bool betaIdentifiable = true;      // false: bytes are a combination of 1 and B (xLSTM); then eps/eps_bp
                                       // below absorb the byte time and are only "time per step / per sequence"
    bool epsPerSequenceIdentifiable = true;   // false: a single batch size; eps includes B * eps_bp
    double betaLowerBound = NAN;       // max over points of bytes/step (needs eps, eps_bp >= 0 only)
    double betaStdError = NAN, epsStdError = NAN, epsPerSequenceStdError = NAN;
    int points = 0;
    double rmsLogError = NAN;          // sqrt(mean((ln pred - ln meas)^2))
    double conditionNumber = NAN;      // of the column-scaled log-space Jacobian at the solution
    std::vector<std::string> warnings;
    double predictMs(double bytes, double batch) const;   // non-identifiable terms count as 0
};

struct RuntimeGroupFit {
    std::string arch, model;
    double params = 0;
    int rows = 0;                      // samples of this group before screening
    TtftFit ttft;
    StepFit step;
};

struct RuntimeModelReport {
    Status status;                     // InvalidArgument for bad options; per-group problems live in the groups
    std::vector<RuntimeGroupFit> groups;   // in order of first appearance
};

// Fits over the samples given (one model); samples with missing/non-positive values are skipped.
TtftFit fitTtft(const std::vector<RuntimeSample>& samples, const RuntimeFitOptions& options = {});
StepFit fitStepTime(const std::vector<RuntimeSample>& samples, const RuntimeFitOptions& options = {});

// Groups by (arch, model) and fits both quantities per group.
RuntimeModelReport fitRuntimeModel(const std::vector<RuntimeSample>& samples, const RuntimeFitOptions& options = {});

}  // namespace seqscope::analysis
