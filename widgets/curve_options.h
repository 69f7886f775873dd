// SPDX-License-Identifier: MIT
// Options of the loss-curve view: smoothing kernel, robust y-range, axes and decimation. Plain values
// with defaults, units and isValid() (style guide, "Options"); the toolbar edits them, the pipeline
// reads them. Smoothing is off by default (anchors R4); the robust range is defined in robust_range.h.
#pragma once

#include "curve_types.h"

#include <string>

namespace seqscope::widgets {

enum class SmoothingKind {
    Off = 0,          // raw values only
    Ema,              // exponential moving average with TensorBoard's debias term (causal)
    RunningAverage,   // trailing mean over the last `window` points (causal)
    CenteredAverage,  // mean over `window` points centred on each point (non-causal: rewrites the tail)
    TimeEma,          // EMA weighted by step distance (uneven logging): alpha = 1 - exp(-dstep / tau)
};

struct SmoothingOptions {
    SmoothingKind kind = SmoothingKind::Off;
    double emaWeight = 0.6;   // EMA weight w in [0, 0.999] (TensorBoard's slider); 0 = no smoothing
    int window = 25;          // averaging window in points, >= 1 (centred: rounded up to odd)
    double tau = 100;         // time-weighted EMA: time constant in optimizer steps, > 0

    bool isValid(std::string* error) const;
    bool operator==(const SmoothingOptions& o) const {
        return kind == o.kind && emaWeight == o.emaWeight && window == o.window && tau == o.tau;
    }
    bool operator!=(const SmoothingOptions& o) const { return !(*this == o); }
};

struct RobustRangeOptions {
    double lowerQuantile = 0.01;  // per-run lower quantile of the drawn values, [0, 0.5)
    double upperQuantile = 0.99;  // per-run upper quantile of the drawn values, (0.5, 1]
    double margin = 0.05;         // padding on each side, fraction of the span, [0, 1]

    bool isValid(std::string* error) const;
    bool operator==(const RobustRangeOptions& o) const {
        return lowerQuantile == o.lowerQuantile && upperQuantile == o.upperQuantile && margin == o.margin;
    }
};

enum class YRangeMode {
    Robust = 0,  // per-run quantile fence (robust_range.h); no run is ever hidden
    Full,        // min..max of everything drawn
    Manual,      // manualYMin..manualYMax (data units, also under log-y)
};

// Spread drawn around a group's mean curve (curve_groups.h).
enum class BandKind {
    StdDev = 0,  // mean +/- sample standard deviation (ddof = 1)
    StdError,    // mean +/- standard error of the mean, std (ddof = 1) / sqrt(N)
    MinMax,      // lowest to highest member
};

struct CurveViewOptions {
    XAxisKind xAxis = XAxisKind::Step;
    bool logX = false;                 // log10 x: points with x <= 0 are not drawn (counted)
    bool logY = false;                 // log10 y: values <= 0 are not drawn; smoothing runs in log space
    SmoothingOptions smoothing;
    bool showRawShadow = true;         // faded raw envelope behind the smoothed line
    bool rawPoints = false;            // no decimation: feed every visible point (slow for big runs)
    YRangeMode yMode = YRangeMode::Robust;
    double manualYMin = 0;             // data units; used when yMode == Manual
    double manualYMax = 1;
    RobustRangeOptions robust;
    BandKind band = BandKind::StdDev;  // groups: what the band around the mean shows
    bool showGroupMembers = false;     // groups: also draw each member run, faded, in the group colour

    bool isValid(std::string* error) const;
};

}  // namespace seqscope::widgets
