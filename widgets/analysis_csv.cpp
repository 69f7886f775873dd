// SPDX-License-Identifier: MIT
#include "analysis_csv.h"

#include <QStringList>
#include <cmath>
#include <utility>

namespace seqscope::widgets {
namespace {

QString num(double v) { return std::isfinite(v) ? QString::number(v, 'g', 17) : QString(); }

// Quotes a field that needs it (RFC 4180).
QString field(const QString& s) {
    if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"')) && !s.contains(QLatin1Char('\n'))) return s;
    QString q = s;
    q.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

// A table with a fixed header; rows are padded to its width.
class Csv {
public:
    explicit Csv(const QStringList& header) : m_width(int(header.size())) { m_text = header.join(QLatin1Char(',')) + QLatin1Char('\n'); }
    void row(QStringList cells) {
        while (cells.size() < m_width) cells << QString();
        m_text += cells.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    QString text() const { return m_text; }

private:
    int m_width;
    QString m_text;
};

}  // namespace

QString scalingPlotCsv(const ScalingPlot& plot) {
    const QString x = plot.xIsTokens ? QStringLiteral("D") : QStringLiteral("N");
    Csv csv({QStringLiteral("element"), QStringLiteral("arch"), QStringLiteral("group"), QStringLiteral("budget"),
             QStringLiteral("run"), x, QStringLiteral("loss"), QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"),
             QStringLiteral("A"), QStringLiteral("exponent"), QStringLiteral("exponent_se"), QStringLiteral("exponent_lo"),
             QStringLiteral("exponent_hi"), QStringLiteral("loss_sd"), QStringLiteral("replicates")});
    auto row = [&csv](const QStringList& cells) { csv.row(cells); };
    for (const auto& c : plot.curves) {
        const QString group = c.own ? QStringLiteral("your runs") : QString();
        for (int i = 0; i < c.runs.size(); ++i)
            row({QStringLiteral("run"), field(c.arch), field(group), num(c.budget), field(c.runNames.value(i)),
                 num(c.runs[i].x()), num(c.runs[i].y()), {}, {}, {}, {}, {}, {}, {}, {}, num(c.runSpread.value(i)),
                 QString::number(c.runCounts.value(i, 1))});
        if (c.hasParabola)
            row({QStringLiteral("parabola"), field(c.arch), field(group), num(c.budget), {}, {}, {}, num(c.a), num(c.b),
                 num(c.c), {}, {}, {}, {}, {}});
        if (c.hasOptimum)
            row({QStringLiteral("minimum"), field(c.arch), field(group), num(c.budget), {}, num(c.optimum.x()),
                 num(c.optimum.y()), {}, {}, {}, {}, {}, {}, {}, {}});
    }
    for (const auto& f : plot.frontier) {
        for (const QPointF& p : f.optima)
            row({QStringLiteral("frontier_point"), field(f.arch), field(f.group), num(p.x()), {}, num(p.y()), {}, {}, {},
                 {}, {}, {}, {}, {}, {}});
        for (const QPointF& p : f.unfitted)
            row({QStringLiteral("frontier_point_unfitted"), field(f.arch), field(f.group), num(p.x()), {}, num(p.y()), {},
                 {}, {}, {}, {}, {}, {}, {}, {}});
        const auto law = [&](const QString& name, const PowerLaw& l) {
            if (!l.valid) return;
            const bool boot = !l.samples.isEmpty();
            row({name, field(f.arch), field(f.group), {}, {}, {}, {}, {}, {}, {}, num(l.A), num(l.a), num(l.aStdError),
                 boot ? num(l.aLo) : QString(), boot ? num(l.aHi) : QString()});
        };
        law(QStringLiteral("law_N_opt"), f.nLaw);
        law(QStringLiteral("law_D_opt"), f.dLaw);
    }
    return csv.text();
}


QString parametricPlotCsv(const ParametricPlot& plot) {
    Csv csv({QStringLiteral("element"), QStringLiteral("name"), QStringLiteral("N"), QStringLiteral("D"), QStringLiteral("C"),
             QStringLiteral("loss"), QStringLiteral("predicted"), QStringLiteral("budget"), QStringLiteral("value"),
             QStringLiteral("lo"), QStringLiteral("hi"), QStringLiteral("own"), QStringLiteral("delta")});
    if (!plot.ok) return csv.text();
    const auto point = [&csv](const QString& element, const ParametricPoint& p) {
        csv.row({element, field(p.tip), num(p.n), num(p.d), num(p.c), num(p.loss), num(p.predicted), num(p.budget), {}, {}, {},
                 p.own ? QStringLiteral("1") : QStringLiteral("0")});
    };
    for (const auto& p : plot.points) point(QStringLiteral("point"), p);
    for (const auto& p : plot.overlay) point(QStringLiteral("overlay_point"), p);
    for (const auto& c : plot.coefficients)
        csv.row({QStringLiteral("coefficient"), field(c.key.isEmpty() ? c.name : c.key), {}, {}, {}, {}, {}, {}, num(c.value),
                 c.hasInterval ? num(c.lo) : QString(), c.hasInterval ? num(c.hi) : QString()});
    csv.row({QStringLiteral("coefficient"), QStringLiteral("flops_per_param_token"), {}, {}, {}, {}, {}, {}, num(plot.flopsPerParamToken)});
    const auto lines = [&csv](const QString& element, const QVector<ParametricLine>& lines) {
        for (const auto& l : lines)
            for (const QPointF& p : l.points) csv.row({element, field(l.label), num(p.x()), num(p.y()), {}, {}, {}, {}, num(l.value)});
    };
    lines(QStringLiteral("contour"), plot.contours);
    lines(QStringLiteral("isoflop_line"), plot.isoFlop);
    for (const QPointF& p : plot.optimalPath) csv.row({QStringLiteral("optimal_path"), {}, num(p.x()), num(p.y())});
    for (const QPointF& p : plot.optimalLoss)
        csv.row({QStringLiteral("optimal_loss"), {}, {}, {}, num(p.x()), num(p.y())});
    for (const auto& h : plot.holdouts) {
        if (!h.ok) continue;
        const auto holdout = [&](const QString& name, double value) {
            csv.row({QStringLiteral("holdout"), name, {}, {}, {}, num(h.meanObserved), num(h.meanPredicted), num(h.budget), num(value)});
        };
        holdout(QStringLiteral("mean_rel_error"), h.meanRelError);
        holdout(QStringLiteral("max_abs_rel_error"), h.maxAbsRelError);
    }
    for (const auto& d : plot.deltas)
        if (d.ok)
            for (const auto& [name, value] : {std::pair{QStringLiteral("alpha"), d.alpha}, std::pair{QStringLiteral("beta"), d.beta},
                                              std::pair{QStringLiteral("gamma"), d.gamma}})
                csv.row({QStringLiteral("delta_sweep"), name, {}, {}, {}, {}, {}, {}, num(value), {}, {}, {}, num(d.delta)});
    return csv.text();
}

QString contextPlotCsv(const ContextPlot& plot) {
    Csv csv({QStringLiteral("element"), QStringLiteral("arch"), QStringLiteral("group"), QStringLiteral("budget"), QStringLiteral("T"),
             QStringLiteral("N_opt"), QStringLiteral("D_opt"), QStringLiteral("L_opt"), QStringLiteral("A"), QStringLiteral("exponent"),
             QStringLiteral("exponent_se"), QStringLiteral("own")});
    for (const auto& s : plot.series) {
        const QString own = s.own ? QStringLiteral("1") : QStringLiteral("0");
        for (const auto& o : s.optima)
            csv.row({QStringLiteral("minimum"), field(s.arch), field(s.group), num(s.budget), num(o.ctx), num(o.nOpt), num(o.dOpt),
                     num(o.lossOpt), {}, {}, {}, own});
        const auto law = [&](const QString& element, const ContextLaw& l) {
            if (l.ok)
                csv.row({element, field(s.arch), field(s.group), num(s.budget), {}, {}, {}, {}, num(l.A), num(l.a), num(l.aStdError), own});
        };
        law(QStringLiteral("law_N_opt"), s.nLaw);
        law(QStringLiteral("law_D_opt"), s.dLaw);
    }
    return csv.text();
}

}  // namespace seqscope::widgets
