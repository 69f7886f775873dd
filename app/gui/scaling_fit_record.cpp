// SPDX-License-Identifier: MIT
#include "scaling_fit_record.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>

#include "common/version.h"
#include "workspace/scaling_sources.h"

namespace seqscope::gui {
namespace {

QJsonValue number(double v) { return std::isfinite(v) ? QJsonValue(v) : QJsonValue(); }

QJsonObject lawJson(const widgets::PowerLaw& law) {
    if (!law.valid) return {};
    QJsonObject o{{QStringLiteral("A"), number(law.A)}, {QStringLiteral("a"), number(law.a)},
                  {QStringLiteral("a_std_error"), number(law.aStdError)}};
    if (!law.samples.isEmpty()) {
        o.insert(QStringLiteral("a_interval"), QJsonArray{number(law.aLo), number(law.aHi)});
        o.insert(QStringLiteral("confidence"), law.confidence);
        o.insert(QStringLiteral("resamples"), int(law.samples.size()));
    }
    return o;
}

QJsonArray pointsJson(const QVector<QPointF>& points) {
    QJsonArray a;
    for (const QPointF& p : points) a.append(QJsonArray{number(p.x()), number(p.y())});
    return a;
}

QString compact(const QJsonObject& o) { return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)); }

}  // namespace

storage::FitRecord isoflopFitRecord(const widgets::FrontierSeries& f, const widgets::ScalingSelection& sel) {
    const bool runSource = [&] {
        auto source = workspace::parseScalingSource(sel.source.toStdString());
        return source && source->kind != workspace::ScalingSource::Kind::Dataset;
    }();
    storage::FitRecord rec;
    rec.kind = "isoflop";
    const QString group = f.group.isEmpty() ? QString() : QStringLiteral(", ") + f.group;
    rec.label = QStringLiteral("isoflop %1 %2%3 (%4, Scaling view)").arg(f.arch, sel.set, group, sel.source).toStdString();
    const QString x = sel.xIsTokens ? QStringLiteral("D") : QStringLiteral("N");
    rec.paramsJson = compact({{QStringLiteral("n_opt_law"), lawJson(f.nLaw)},
                              {QStringLiteral("d_opt_law"), lawJson(f.dLaw)},
                              {QStringLiteral("minima_axis"), x},
                              {QStringLiteral("minima"), pointsJson(f.optima)},
                              {QStringLiteral("minima_outside_fit_range"), pointsJson(f.unfitted)},
                              {QStringLiteral("budgets"), f.budgets},
                              {QStringLiteral("runs"), f.runs}})
                         .toStdString();
    QJsonObject selection{{QStringLiteral("source"), f.own && !runSource ? QStringLiteral("runs") : sel.source},
                          {QStringLiteral("set"), sel.set},
                          {QStringLiteral("arch"), f.arch},
                          {QStringLiteral("runs"), f.runs},
                          {QStringLiteral("include_excluded"), sel.includeExcluded},
                          {QStringLiteral("seqscope_version"), QString::fromLatin1(kVersion)}};
    if (!f.group.isEmpty()) selection.insert(QStringLiteral("group"), f.group);
    rec.selectionJson = compact(selection).toStdString();
    rec.optionsJson = compact({{QStringLiteral("paper_budget_range"), sel.paperBudgetRange && !f.own},
                               {QStringLiteral("tolerance"), workspace::kRunBudgetTolerance},
                               {QStringLiteral("bootstrap"), int(f.nLaw.samples.size())}})
                          .toStdString();
    return rec;
}

}  // namespace seqscope::gui
