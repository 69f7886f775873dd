// SPDX-License-Identifier: MIT
#include "scaling_controller.h"

#include <QLocale>
#include <QSet>
#include <algorithm>
#include <cmath>

#include "analysis/isoflop_fit.h"

namespace seqscope::gui {

ScalingController::ScalingController(widgets::ScalingView* view, QObject* parent) : QObject(parent), m_view(view) {
    if (m_view) connect(m_view, &widgets::ScalingView::selectionChanged, this, &ScalingController::refresh);
}

void ScalingController::setPoints(std::vector<analysis::ScalingPoint> points, const QString& sourceTitle) {
    m_points = std::move(points);
    if (!m_view) return;
    m_view->setSourceTitle(sourceTitle);
    m_view->setSets(sets());   // redraws through selectionChanged
}

void ScalingController::setLoadError(const QString& message) {
    if (m_view) m_view->setLoadError(message);
}

void ScalingController::refresh() {
    if (m_view) m_view->setPlot(plot(m_view->selection()));
}

QStringList ScalingController::sets() const {
    QStringList sets;
    for (const auto& p : m_points) {
        const QString s = QString::fromStdString(p.set);
        if (!s.isEmpty() && !sets.contains(s)) sets << s;
    }
    // IsoFLOP sets first, shortest context first: the order a reader of the paper expects.
    std::stable_sort(sets.begin(), sets.end(), [](const QString& a, const QString& b) {
        const bool ia = a.startsWith(QLatin1String("isoflop")), ib = b.startsWith(QLatin1String("isoflop"));
        if (ia != ib) return ia;
        return a.length() != b.length() ? a.length() < b.length() : a < b;
    });
    return sets;
}

QStringList ScalingController::archsIn(const QString& set) const {
    QStringList archs;
    for (const auto& p : m_points)
        if (QString::fromStdString(p.set) == set) {
            const QString a = QString::fromStdString(p.arch);
            if (!archs.contains(a)) archs << a;
        }
    std::sort(archs.begin(), archs.end(), [](const QString& a, const QString& b) {
        return (a == QLatin1String("xlstm")) != (b == QLatin1String("xlstm")) ? a == QLatin1String("xlstm") : a < b;
    });
    return archs;
}

ScalingPlot ScalingController::plot(const ScalingSelection& sel) const {
    ScalingPlot out;
    analysis::paperBudgetRange(sel.set.toStdString(), &out.paperRangeLo, &out.paperRangeHi);
    const QLocale locale;
    const std::string set = sel.set.toStdString();
    for (const QString& archQ : sel.archs) {
        const std::string arch = archQ.toStdString();
        std::vector<analysis::ScalingPoint> points;
        for (const auto& p : m_points)
            if (p.set == set && p.arch == arch && (p.included || sel.includeExcluded)) points.push_back(p);
        if (points.empty()) continue;
        out.runsUsed += int(points.size());
        analysis::IsoflopOptions options;
        if (sel.paperBudgetRange) analysis::paperBudgetRange(sel.set.toStdString(), &options.fitRangeLo, &options.fitRangeHi);
        const analysis::IsoflopFit fit = analysis::fitIsoflop(points, options);
        const QString archName = archQ == QLatin1String("xlstm") ? tr("xLSTM")
                                 : archQ == QLatin1String("transformer") ? tr("Transformer") : archQ;
        if (!fit.status.isOk()) {
            out.summary += tr("<p><b>%1</b>: no fit (%2)</p>").arg(archName, QString::fromStdString(fit.status.message()).toHtmlEscaped());
            continue;
        }
        // Rows by source row so each budget finds its runs.
        widgets::FrontierSeries frontier;
        frontier.arch = archQ;
        for (const auto& b : fit.budgets) {
            widgets::IsoflopCurve curve;
            curve.arch = archQ;
            curve.budget = b.budget;
            for (int row : b.sourceRows)
                for (const auto& p : points)
                    if (p.sourceRow == row) {
                        curve.runs.append(QPointF(sel.xIsTokens ? p.tokens : p.params, p.loss));
                        curve.runNames.append(QString::fromStdString(p.run));
                    }
            const analysis::Parabola& parabola = sel.xIsTokens ? b.inD : b.inN;
            curve.hasParabola = parabola.status.isOk();
            curve.a = parabola.a;
            curve.b = parabola.b;
            curve.c = parabola.c;
            curve.log10Min = parabola.log10Min;
            curve.log10Max = parabola.log10Max;
            curve.hasOptimum = parabola.minimumValid;
            if (curve.hasOptimum) curve.optimum = QPointF(parabola.xOpt, parabola.lossOpt);
            out.curves.append(curve);
            const double xOpt = sel.xIsTokens ? b.dOpt : b.nOpt;
            if (b.usable && std::isfinite(xOpt)) {
                // Minima outside the fitted range are drawn hollow-less but still shown: the reader
                // sees where the law is extrapolated.
                (b.inFitRange ? frontier.optima : frontier.unfitted).append(QPointF(b.compute, xOpt));
            }
        }
        const analysis::PowerLawFit& law = sel.xIsTokens ? fit.dOptLaw : fit.nOptLaw;
        frontier.hasLaw = law.status.isOk();
        frontier.A = law.A;
        frontier.a = law.a;
        frontier.aStdError = law.aStdError;
        out.frontier.append(frontier);
        const QString symbol = sel.xIsTokens ? QStringLiteral("D*") : QStringLiteral("N*");
        if (frontier.hasLaw)
            out.summary += tr("<p><b>%1</b>: %2 = %3 &middot; C<sup>%4 &plusmn; %5</sup> from %6 budgets, %7 runs</p>")
                               .arg(archName, symbol, QString::number(law.A, 'g', 4), QString::number(law.a, 'f', 3),
                                    QString::number(law.aStdError, 'f', 3), locale.toString(law.points),
                                    locale.toString(fit.pointsUsed));
        else
            out.summary += tr("<p><b>%1</b>: %2 power law not fitted (%3)</p>")
                               .arg(archName, symbol, QString::fromStdString(law.status.message()).toHtmlEscaped());
    }
    return out;
}

}  // namespace seqscope::gui
