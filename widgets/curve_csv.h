// SPDX-License-Identifier: MIT
// Text exports of the loss chart: the plotted data exactly as drawn (same runs, x axis, scales,
// smoothing and per-pixel envelope, each row labelled with its method; anchors R15, W&B #5222),
// the full-resolution raw data of the shown runs (R16), and the crosshair readout as TSV.
// Column names are stable identifiers, not translated, so scripts can rely on them.
#pragma once

#include "curve_model.h"
#include "curve_pipeline.h"

#include <QSet>
#include <QString>

namespace seqscope::widgets {

// Identifier of an x axis in file headers: step, tokens, flops, wall_time, relative_time.
QString xAxisId(XAxisKind kind);
// Method label of the drawn line, e.g. "ema_debiased(w=0.6)", "ema_time_weighted(tau=100 steps)"
// or "raw".
QString lineMethod(const CurveViewOptions& options);
// Method label of group means and bands, naming the band kind and the members' line method.
QString groupMethod(const CurveViewOptions& options);

// RFC-4180 CSV; '#' comment lines first (metric, axes, smoothing, decimation, ranges), then
// run,label,series,method,x_<axis>,value (series: line, raw_shadow, band_lo, band_hi). Values are
// in data units (log scales undone).
QString plottedCsv(const PlotFrame& frame, const QString& metric);
// Every point of the runs not in `hidden`, long format: run,metric,step,tokens,flops,wall_time,value
// after two '#' lines (what the file is; the smoothing the chart showed, as the values are raw).
QString fullResolutionCsv(const CurveModel& model, const QSet<QString>& hidden, const QString& metric,
                          const CurveViewOptions& options = {});
// Tab-separated readout, a header row then one row per run in the given (sorted) order.
QString readoutTsv(const QVector<ReadoutEntry>& entries, const CurveViewOptions& options, const QString& metric);

// CSV field quoting (RFC 4180).
QString csvField(const QString& text);
// Shortest text that reads back as the same double.
QString exactNumber(double v);

}  // namespace seqscope::widgets
