// SPDX-License-Identifier: MIT
// Plotted-data CSV, full-resolution CSV and readout TSV; see curve_csv.h.
#include "curve_csv.h"

#include <QLocale>
#include <QTextStream>

namespace seqscope::widgets {

QString xAxisId(XAxisKind kind) {
    switch (kind) {
    case XAxisKind::Step: return QStringLiteral("step");
    case XAxisKind::Tokens: return QStringLiteral("tokens");
    case XAxisKind::Flops: return QStringLiteral("flops");
    case XAxisKind::WallTime: return QStringLiteral("wall_time");
    case XAxisKind::RelativeTime: return QStringLiteral("relative_time");
    }
    return QStringLiteral("x");
}

QString exactNumber(double v) {
    if (std::isnan(v)) return QStringLiteral("nan");
    if (std::isinf(v)) return v > 0 ? QStringLiteral("inf") : QStringLiteral("-inf");
    return QString::number(v, 'g', QLocale::FloatingPointShortest);
}

QString csvField(const QString& text) {
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n')) &&
        !text.contains(QLatin1Char('\r')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString lineMethod(const CurveViewOptions& options) {
    const SmoothingOptions& s = options.smoothing;
    QString m;
    switch (s.kind) {
    case SmoothingKind::Off: m = QStringLiteral("raw"); break;
    case SmoothingKind::Ema: m = QStringLiteral("ema_debiased(w=%1)").arg(exactNumber(s.emaWeight)); break;
    case SmoothingKind::RunningAverage: m = QStringLiteral("running_mean(window=%1)").arg(s.window); break;
    case SmoothingKind::CenteredAverage:
        m = QStringLiteral("centered_mean(window=%1,noncausal)").arg(s.window | 1);
        break;
    case SmoothingKind::TimeEma: m = QStringLiteral("ema_time_weighted(tau=%1 steps)").arg(exactNumber(s.tau)); break;
    }
    if (options.logY && s.kind != SmoothingKind::Off) m += QStringLiteral("[log10 space]");
    return m;
}

QString plottedCsv(const PlotFrame& frame, const QString& metric) {
    const CurveViewOptions& o = frame.options;
    const bool logX = o.logX, logY = o.logY;
    QString decimation = o.rawPoints ? QStringLiteral("none (raw points mode)")
                                     : QStringLiteral("m4 = first/min/max/last point of each of %1 pixel columns")
                                           .arg(frame.columns);
    if (!o.rawPoints && frame.rows > 0)
        decimation += QStringLiteral("; subpixel = m4, but a column spanning < 1 of %1 pixel rows keeps only its "
                                     "last point").arg(frame.rows);
    QString out;
    QTextStream s(&out);
    s << "# seqscope plotted curves: exactly the points drawn on the chart\n";
    s << "# metric: " << metric << "\n";
    s << "# x: " << xAxisId(o.xAxis) << (logX ? " (log10 scale)" : " (linear)") << "; y: "
      << (logY ? "log10 scale" : "linear") << "\n";
    s << "# line: " << lineMethod(o) << ", computed on full-resolution data before decimation\n";
    s << "# decimation: " << decimation << "\n";
    s << "# visible x: [" << exactNumber(CurvePipeline::toData(frame.x0, logX)) << ", "
      << exactNumber(CurvePipeline::toData(frame.x1, logX)) << "]; y: [" << exactNumber(CurvePipeline::toData(frame.y0, logY))
      << ", " << exactNumber(CurvePipeline::toData(frame.y1, logY)) << "]\n";
    s << "run,label,series,method,x_" << xAxisId(o.xAxis) << ",value\n";
    const QString lineM =
        lineMethod(o) + (o.rawPoints ? QString() : frame.rows > 0 ? QStringLiteral("+m4+subpixel") : QStringLiteral("+m4"));
    const QString shadowM = o.rawPoints ? QStringLiteral("raw") : QStringLiteral("raw+m4");
    for (const PlottedRun& run : frame.runs) {
        if (run.hidden) continue;
        const QString head = csvField(run.key) + QLatin1Char(',') + csvField(run.label) + QLatin1Char(',');
        // Rasterised lines are drawn from exactly these M4 points; series lines from these points.
        const QString method = run.isGroup ? csvField(groupMethod(o))
                                           : csvField(run.rasterised && frame.rows > 0 ? lineMethod(o) + QStringLiteral("+m4")
                                                                                       : lineM);
        for (const QPointF& p : run.line)
            s << head << "line," << method << ',' << exactNumber(CurvePipeline::toData(p.x(), logX)) << ','
              << exactNumber(CurvePipeline::toData(p.y(), logY)) << '\n';
        for (const QPointF& p : run.shadow)
            s << head << "raw_shadow," << shadowM << ',' << exactNumber(CurvePipeline::toData(p.x(), logX)) << ','
              << exactNumber(CurvePipeline::toData(p.y(), logY)) << '\n';
        // Groups: the line is the mean of the members' lines (method above) interpolated onto the
        // pixel-column centres; the band edges follow at the same x.
        const QString bandM = csvField(groupMethod(o));
        for (const auto& [series, points] : {std::pair{QStringLiteral("band_lo,"), &run.bandLo},
                                             std::pair{QStringLiteral("band_hi,"), &run.bandHi}})
            for (const QPointF& p : *points)
                s << head << series << bandM << ',' << exactNumber(CurvePipeline::toData(p.x(), logX)) << ','
                  << exactNumber(CurvePipeline::toData(p.y(), logY)) << '\n';
    }
    return out;
}

QString groupMethod(const CurveViewOptions& options) {
    QString band;
    switch (options.band) {
    case BandKind::StdDev: band = QStringLiteral("mean+-std(ddof=1)"); break;
    case BandKind::StdError: band = QStringLiteral("mean+-stderr(std ddof=1/sqrt(N))"); break;
    case BandKind::MinMax: band = QStringLiteral("min..max"); break;
    }
    return QStringLiteral("group %1 of %2, linear interpolation onto pixel-column centres, N>=2")
        .arg(band, lineMethod(options));
}

QString fullResolutionCsv(const CurveModel& model, const QSet<QString>& hidden, const QString& metric,
                          const CurveViewOptions& options) {
    QString out;
    QTextStream s(&out);
    const QString name = metric.isEmpty() ? QStringLiteral("value") : metric;
    s << "# seqscope full-resolution curves, long format: every logged point of the runs, one row each\n";
    s << "# values are raw; the chart showed them smoothed by: " << lineMethod(options) << "\n";
    s << "run,metric,step,tokens,flops,wall_time,value\n";
    for (int r = 0; r < model.runCount(); ++r) {
        const RunSeries& run = model.run(r);
        if (hidden.contains(run.info.key)) continue;
        const QString head = csvField(run.info.key) + QLatin1Char(',') + csvField(name) + QLatin1Char(',');
        for (size_t i = 0; i < run.size(); ++i)
            s << head << static_cast<qint64>(run.xs[0][i]) << ',' << exactNumber(run.xs[1][i]) << ','
              << exactNumber(run.xs[2][i]) << ',' << exactNumber(run.xs[3][i]) << ',' << exactNumber(run.value[i])
              << '\n';
    }
    return out;
}

QString readoutTsv(const QVector<ReadoutEntry>& entries, const CurveViewOptions& options, const QString& metric) {
    QString out;
    QTextStream s(&out);
    const bool smoothed = options.smoothing.kind != SmoothingKind::Off;
    const QString name = metric.isEmpty() ? QStringLiteral("value") : metric;
    s << "run\tlabel\tstep\t" << xAxisId(options.xAxis) << '\t' << name;
    if (smoothed) s << " [" << lineMethod(options) << "]\t" << name << " [raw]";
    s << '\n';
    for (const ReadoutEntry& e : entries) {
        s << e.key << '\t' << e.label << '\t' << e.step << '\t' << exactNumber(e.x) << '\t' << exactNumber(e.value);
        if (smoothed) s << '\t' << exactNumber(e.raw);
        s << '\n';
    }
    return out;
}

}  // namespace seqscope::widgets
