// SPDX-License-Identifier: MIT
#include "parametric_job.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <cmath>
#include <set>

#include "analysis/compute_optimal.h"
#include "common/version.h"
#include "parametric_controller.h"

namespace seqscope::gui {
namespace {

bool isCancelled(const Status& s) { return s.code() == StatusCode::Cancelled; }

QString pointTip(const analysis::ScalingPoint& p, bool own, const QHash<QString, QString>& names) {
    const QString run = QString::fromStdString(p.run);
    QString head = own ? ParametricController::tr("run #%1").arg(run) : run;
    if (own && names.contains(run)) head += QStringLiteral(" \u201c%1\u201d").arg(names.value(run));
    if (own) head += ParametricController::tr(" (yours)");
    return ParametricController::tr("%1\nN %2, D %3, C %4\nloss %5")
        .arg(head)
        .arg(p.params, 0, 'g', 3)
        .arg(p.tokens, 0, 'g', 3)
        .arg(p.flops, 0, 'g', 3)
        .arg(p.loss, 0, 'f', 4);
}

// Loss levels for contours: round values spanning the observed losses, above E.
QVector<double> contourLevels(double lo, double hi, double floor) {
    QVector<double> levels;
    if (!(hi > lo)) return levels;
    double step = 0.05;
    for (double s : {0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 1.0}) {
        step = s;
        if ((hi - lo) / s <= 7) break;
    }
    for (double v = std::ceil(lo / step) * step; v <= hi + 1e-9; v += step)
        if (v > floor * 1.002) levels.append(v);
    return levels;
}

widgets::ParametricCoefficient coefficient(const QString& name, double value, const analysis::ParametricBootstrap& b,
                                           const std::string& key) {
    widgets::ParametricCoefficient c{name, value, false, 0, 0, QString::fromStdString(key)};
    if (const auto* iv = b.find(key); iv && iv->interval.valid()) {
        c.hasInterval = true;
        c.lo = iv->interval.lo;
        c.hi = iv->interval.hi;
    }
    return c;
}

void buildPlot(const ParametricJob& job, ParametricOutcome* out) {
    widgets::ParametricPlot& plot = out->plot;
    const analysis::ParametricParams& p = out->fit.params;
    const auto& sel = job.selection;
    plot.ok = true;
    plot.arch = sel.arch;
    plot.gammaFitted = sel.fitGamma;
    plot.huberDelta = sel.huberDelta;
    const QString archName = sel.arch == QLatin1String("xlstm") ? ParametricController::tr("xLSTM")
                             : sel.arch == QLatin1String("transformer") ? ParametricController::tr("Transformer") : sel.arch;
    plot.title = ParametricController::tr("%1 \u00b7 %2 \u00b7 %3 runs").arg(archName, sel.sets.join(QStringLiteral(" + "))).arg(job.points.size());

    auto model = analysis::computeModelFromPoints(job.points);
    const analysis::ComputeModel compute = model ? *model : analysis::ComputeModel{};
    plot.flopsPerParamToken = compute.flopsPerParamToken;
    const std::vector<double> labels = analysis::budgetLabels(job.points);
    std::set<double> budgets;
    double nLo = 0, nHi = 0, cLo = 0, cHi = 0, lLo = 0, lHi = 0;
    bool first = true;
    for (size_t i = 0; i < job.points.size(); ++i) {
        const auto& s = job.points[i];
        widgets::ParametricPoint pt;
        pt.n = s.params, pt.d = s.tokens, pt.loss = s.loss;
        pt.c = s.flops > 0 ? s.flops : compute.flopsPerParamToken * s.params * s.tokens;
        pt.predicted = p.loss(s.params, s.tokens);
        pt.budget = labels[i];
        pt.own = job.ownPoints;
        pt.runId = job.ownPoints ? QString::fromStdString(s.run).toLongLong() : 0;
        pt.tip = pointTip(s, job.ownPoints, job.runNames);
        plot.points.append(pt);
        if (pt.budget > 0) budgets.insert(pt.budget);
        nLo = first ? pt.n : std::min(nLo, pt.n), nHi = first ? pt.n : std::max(nHi, pt.n);
        cLo = first ? pt.c : std::min(cLo, pt.c), cHi = first ? pt.c : std::max(cHi, pt.c);
        lLo = first ? pt.loss : std::min(lLo, pt.loss), lHi = first ? pt.loss : std::max(lHi, pt.loss);
        first = false;
    }
    for (const auto& s : job.overlay) {   // the user's runs: predicted by this law, neutral colour
        widgets::ParametricPoint pt;
        pt.n = s.params, pt.d = s.tokens, pt.loss = s.loss, pt.c = s.flops;
        pt.predicted = p.loss(s.params, s.tokens);
        pt.own = true;
        pt.runId = QString::fromStdString(s.run).toLongLong();
        pt.tip = pointTip(s, true, job.runNames);
        plot.overlay.append(pt);
    }
    for (double b : budgets) plot.budgets.append(b);

    // Lines over a range wider than the axes (the charts clip them).
    const double nFrom = nLo / 20, nTo = nHi * 20;
    for (double b : plot.budgets) {
        widgets::ParametricLine line;
        line.value = b;
        line.label = QString::number(b, 'g', 2);
        for (double n : {nFrom, nTo}) line.points.append(QPointF(n, b / (compute.flopsPerParamToken * n)));
        plot.isoFlop.append(line);
    }
    for (double level : contourLevels(lLo, lHi, p.E())) {
        const auto c = analysis::isoLossContour(p, level, nFrom, nTo, 160);
        if (!c.status.isOk()) continue;
        widgets::ParametricLine line;
        line.value = level;
        line.label = QString::number(level, 'f', 2);
        for (size_t i = 0; i < c.params.size(); ++i) line.points.append(QPointF(c.params[i], c.tokens[i]));
        plot.contours.append(line);
    }
    for (const auto& a : analysis::computeOptimalFrontier(p, cLo / 30, cHi * 30, 80, compute))
        if (a.status.isOk()) {
            plot.optimalPath.append(QPointF(a.params, a.tokens));
            plot.optimalLoss.append(QPointF(a.compute, a.loss));
        }

    const auto& b = out->bootstrap;
    plot.coefficients = {coefficient(QStringLiteral("E"), p.E(), b, "E"), coefficient(QStringLiteral("A"), p.A(), b, "A"),
                         coefficient(QStringLiteral("B"), p.B(), b, "B"),
                         coefficient(QStringLiteral("\u03b1"), p.alpha, b, "alpha"),
                         coefficient(QStringLiteral("\u03b2"), p.beta, b, "beta")};
    if (sel.fitGamma) plot.coefficients.append(coefficient(QStringLiteral("\u03b3"), p.gamma, b, "gamma"));
    plot.coefficients.append(coefficient(ParametricController::tr("N* \u221d C^a: a"), p.nExponent(), b, "a_opt"));
    plot.coefficients.append(coefficient(ParametricController::tr("D* \u221d C^b: b"), p.dExponent(), b, "b_opt"));

    for (const auto& h : out->holdouts) {
        widgets::HoldoutRow row;
        row.ok = h.status.isOk();
        row.error = QString::fromStdString(h.status.message());
        row.budget = h.budget;
        row.heldOut = h.heldOut, row.trainedOn = h.trainedOn;
        row.meanObserved = h.meanObserved, row.meanPredicted = h.meanPredicted;
        row.meanRelError = h.meanRelError, row.maxAbsRelError = h.maxAbsRelError;
        row.alpha = h.params.alpha, row.beta = h.params.beta;
        plot.holdouts.append(row);
    }
    for (const auto& d : out->deltas)
        plot.deltas.append({d.status.isOk(), d.delta, d.params.alpha, d.params.beta, d.params.gamma});

    const auto& f = out->fit;
    plot.summary = ParametricController::tr("<p><small>Objective %1 (&delta; %2); %3 starts, %4 ended here. "
                      "RMS ln-residual %5, mean |&Delta;L| %6. C = %7 N D (%8).</small></p>")
                       .arg(f.objective, 0, 'g', 4)
                       .arg(sel.huberDelta, 0, 'g', 2)
                       .arg(f.starts)
                       .arg(f.reachedOptimum)
                       .arg(f.rmseLogLoss, 0, 'f', 4)
                       .arg(f.maeLoss, 0, 'f', 4)
                       .arg(compute.flopsPerParamToken, 0, 'f', 2)
                       .arg(QString::fromStdString(compute.source).toHtmlEscaped());
    if (b.resamples > 0)
        plot.summary += ParametricController::tr("<p>Intervals: %1 of %2 bootstrap resamples.</p>").arg(b.succeeded).arg(b.resamples);
    for (const auto& w : f.warnings) plot.summary += QStringLiteral("<p><i>%1</i></p>").arg(QString::fromStdString(w).toHtmlEscaped());
}

QJsonObject paramsObject(const analysis::ParametricParams& p, bool gamma) {
    return {{"E", p.E()}, {"A", p.A()}, {"B", p.B()}, {"alpha", p.alpha}, {"beta", p.beta},
            {"gamma", gamma ? p.gamma : 1.0}, {"a", p.a}, {"b", p.b}, {"e", p.e}};
}

// Finite numbers only: JSON has no NaN.
QJsonValue number(double v) { return std::isfinite(v) ? QJsonValue(v) : QJsonValue(); }

}  // namespace

analysis::ParametricOptions fitOptionsFor(const widgets::ParametricSelection& s) {
    analysis::ParametricOptions o;
    o.fitGamma = s.fitGamma;
    o.huberDelta = s.huberDelta;
    o.grid = s.grid == QLatin1String("epoch")    ? analysis::ParametricGrid::epochChinchilla()
             : s.grid == QLatin1String("coarse") ? analysis::coarseGrid()
                                                 : analysis::ParametricGrid::paper();
    return o;
}

ParametricOutcome runParametricJob(const ParametricJob& job, const std::atomic<bool>* cancel,
                                   const std::function<void(int, int)>& progress) {
    ParametricOutcome out;
    analysis::ParametricOptions options = fitOptionsFor(job.selection);
    options.cancel = cancel;
    const analysis::ParametricGrid checksGrid = analysis::coarseGrid();
    // Progress over all stages, each weighted by its number of local fits.
    const int wMain = int(options.grid.size(options.fitGamma));
    const int wBoot = std::max(0, job.selection.bootstrap);
    const int wHold = job.holdoutBudgets * int(checksGrid.size(options.fitGamma) + 1);
    const int wDelta = job.deltaCount * 2;
    const int total = wMain + wBoot + wHold + wDelta;
    auto stage = [&](int base, int weight) -> std::function<void(int, int)> {
        if (!progress) return {};
        return [&progress, base, weight, total](int done, int of) {
            progress(base + (of > 0 ? int(double(weight) * done / of) : 0), total);
        };
    };

    options.progress = stage(0, wMain);
    out.fit = analysis::fitParametric(job.points, options);
    if (!out.fit.status.isOk()) {
        out.status = out.fit.status;
        return out;
    }
    options.progress = {};   // the bootstrap's refits report nothing; its stage completes at once
    if (job.selection.bootstrap > 0) {
        analysis::BootstrapOptions bo;
        bo.resamples = job.selection.bootstrap;
        bo.keepSamples = false;
        out.bootstrap = analysis::bootstrapParametric(job.points, out.fit, options, bo);
        if (!out.bootstrap.status.isOk()) {
            out.status = out.bootstrap.status;
            return out;
        }
        if (progress) progress(wMain + wBoot, total);
    }
    if (cancel && cancel->load()) {
        out.status = Status(StatusCode::Cancelled, "cancelled");
        return out;
    }
    // The checks refit from the coarse grid plus the main fit's winning start (a start, not the
    // optimum: the held-out points must not leak into the refit).
    analysis::ParametricOptions checks = options;
    checks.grid = checksGrid;
    checks.progress = stage(wMain + wBoot, wHold);
    out.holdouts = analysis::leaveLargestBudgetsOut(job.points, analysis::budgetLabels(job.points), job.holdoutBudgets,
                                                    checks, {out.fit.winningInit});
    if (!out.holdouts.empty() && isCancelled(out.holdouts.back().status)) {
        out.status = out.holdouts.back().status;
        return out;
    }
    checks.progress = stage(wMain + wBoot + wHold, wDelta);
    out.deltas = analysis::huberDeltaSweep(job.points, analysis::logSpaced(1e-5, 1e-1, job.deltaCount),
                                           {out.fit.params, out.fit.winningInit}, checks);
    if (!out.deltas.empty() && isCancelled(out.deltas.back().status)) {
        out.status = out.deltas.back().status;
        return out;
    }
    if (progress) progress(total, total);
    buildPlot(job, &out);
    return out;
}

storage::FitRecord fitRecordFor(const ParametricJob& job, const ParametricOutcome& out) {
    const auto& sel = job.selection;
    const auto& f = out.fit;
    QJsonArray rows, sets, runIds;
    for (const auto& p : job.points) rows.append(p.sourceRow);
    for (const auto& s : sel.sets) sets.append(s);
    QJsonObject selection{{"source", sel.source}, {"arch", sel.arch}, {"sets", sets}, {"ctx", QJsonValue()},
                          {"all_runs", false}, {"runs", int(job.points.size())}, {"rows", rows},
                          {"seqscope_version", QString::fromLatin1(kVersion)}, {"via", "seqscope workbench"}};
    if (!job.ownPoints) selection.insert(QStringLiteral("dataset"), sel.source);

    QJsonObject params = paramsObject(f.params, sel.fitGamma);
    params.insert(QStringLiteral("gamma_fitted"), sel.fitGamma);
    params.insert(QStringLiteral("huber_delta"), sel.huberDelta);
    params.insert(QStringLiteral("objective"), number(f.objective));
    params.insert(QStringLiteral("start"), f.winningStart);
    params.insert(QStringLiteral("starts"), f.starts);
    params.insert(QStringLiteral("reached_optimum"), f.reachedOptimum);
    params.insert(QStringLiteral("a_opt"), number(f.params.nExponent()));
    params.insert(QStringLiteral("b_opt"), number(f.params.dExponent()));
    params.insert(QStringLiteral("points"), f.points);
    params.insert(QStringLiteral("rmse_log_loss"), number(f.rmseLogLoss));
    params.insert(QStringLiteral("mae_loss"), number(f.maeLoss));
    params.insert(QStringLiteral("seconds"), f.seconds);
    QJsonArray warnings;
    for (const auto& w : f.warnings) warnings.append(QString::fromStdString(w));
    params.insert(QStringLiteral("warnings"), warnings);
    if (out.bootstrap.resamples > 0) {
        QJsonObject intervals;
        for (const auto& iv : out.bootstrap.intervals)
            intervals.insert(QString::fromStdString(iv.name),
                             QJsonObject{{"estimate", number(iv.estimate)}, {"lo", number(iv.interval.lo)},
                                         {"hi", number(iv.interval.hi)}, {"stderr", number(iv.interval.stdError)},
                                         {"samples", iv.interval.samples}});
        params.insert(QStringLiteral("intervals"), intervals);
    }
    QJsonArray holdouts;
    for (const auto& h : out.holdouts)
        holdouts.append(QJsonObject{{"budget", h.budget}, {"ok", h.status.isOk()}, {"held_out", h.heldOut},
                                    {"mean_rel_error", number(h.meanRelError)},
                                    {"max_abs_rel_error", number(h.maxAbsRelError)}, {"alpha", number(h.params.alpha)},
                                    {"beta", number(h.params.beta)}});
    params.insert(QStringLiteral("leave_one_budget_out"), holdouts);
    QJsonArray deltas;
    for (const auto& d : out.deltas)
        deltas.append(QJsonObject{{"delta", d.delta}, {"ok", d.status.isOk()}, {"alpha", number(d.params.alpha)},
                                  {"beta", number(d.params.beta)}, {"gamma", number(d.params.gamma)}});
    params.insert(QStringLiteral("delta_sensitivity"), deltas);

    const QJsonObject options{{"gamma", sel.fitGamma ? "fit" : "1"}, {"delta", sel.huberDelta}, {"grid", sel.grid},
                              {"bootstrap", sel.bootstrap}, {"bootstrap_start", "best"}, {"seed", 42},
                              {"confidence", 0.95}};
    storage::FitRecord rec;
    rec.kind = "parametric";
    rec.label = QStringLiteral("L(N,D) %1 [arch %2, set %3] (workbench)")
                    .arg(sel.source, sel.arch, sel.sets.join(QLatin1Char(',')))
                    .toStdString();
    if (job.ownPoints)
        for (const auto& p : job.points) {
            bool ok = false;
            const long long id = QString::fromStdString(p.run).toLongLong(&ok);
            if (ok) rec.inputRuns.push_back(id);
        }
    rec.selectionJson = QJsonDocument(selection).toJson(QJsonDocument::Compact).toStdString();
    rec.paramsJson = QJsonDocument(params).toJson(QJsonDocument::Compact).toStdString();
    rec.optionsJson = QJsonDocument(options).toJson(QJsonDocument::Compact).toStdString();
    rec.objective = f.objective;
    return rec;
}

}  // namespace seqscope::gui
