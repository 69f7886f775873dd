// SPDX-License-Identifier: MIT
#include "context_controller.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <QThread>
#include <algorithm>
#include <cmath>
#include <map>

#include "analysis/context_study.h"
#include "common/version.h"
#include "context_view.h"
#include "source_choices.h"
#include "status_text.h"
#include "storage/store.h"
#include "workspace/scaling_sources.h"

namespace seqscope::gui {
namespace {

bool isRunSource(const QString& key) {
    auto source = workspace::parseScalingSource(key.toStdString());
    return source && source->kind != workspace::ScalingSource::Kind::Dataset;
}

QString archTitle(const QString& arch) {
    return arch == QLatin1String("xlstm") ? ContextController::tr("xLSTM")
           : arch == QLatin1String("transformer") ? ContextController::tr("Transformer") : arch;
}

// "-0.146 &plusmn; 0.034", or the exponent alone when two contexts leave no error estimate.
QString exponentText(double a, double se, int digits = 3) {
    return std::isfinite(se) ? ContextController::tr("%1 &plusmn; %2").arg(QString::number(a, 'f', digits), QString::number(se, 'f', digits))
                             : ContextController::tr("%1 (no error from two contexts)").arg(QString::number(a, 'f', digits));
}

// --- JSON for the fits table (the CLI's `fit context` layout, smaller) ----------------------------

QJsonValue num(double v) { return std::isfinite(v) ? QJsonValue(v) : QJsonValue(); }

QJsonObject lawJson(const analysis::PowerLawFit& f) {
    if (!f.status.isOk()) return {{"ok", false}, {"error", QString::fromStdString(f.status.message())}};
    return {{"ok", true},          {"A", num(f.A)},         {"a", num(f.a)},
            {"a_stderr", num(f.aStdError)}, {"lnA_stderr", num(f.lnAStdError)}, {"r_squared", num(f.rSquared)},
            {"points", f.points}};
}

QJsonObject studyJson(const analysis::ContextStudy& st) {
    QJsonArray contexts, perContext, perBudget, warnings;
    for (size_t i = 0; i < st.contexts.size(); ++i) {
        contexts.append(double(st.contexts[i]));
        const auto& f = st.perContext[i];
        QJsonArray budgets;
        for (const auto& b : f.budgets)
            budgets.append(QJsonObject{{"budget", num(b.budget)}, {"compute", num(b.compute)}, {"runs", b.runs},
                                       {"usable", b.usable}, {"N_opt", num(b.nOpt)}, {"D_opt", num(b.dOpt)},
                                       {"L_opt", num(b.lossOpt)}});
        perContext.append(QJsonObject{{"ctx", double(st.contexts[i])}, {"budgets", budgets},
                                      {"n_opt_law", lawJson(f.nOptLaw)}, {"d_opt_law", lawJson(f.dOptLaw)}});
    }
    for (const auto& l : st.perBudget) {
        QJsonArray t, n, d, lo;
        for (size_t i = 0; i < l.contexts.size(); ++i) {
            t.append(double(l.contexts[i]));
            n.append(num(l.nOpt[i]));
            d.append(num(l.dOpt[i]));
            lo.append(num(l.lossOpt[i]));
        }
        perBudget.append(QJsonObject{{"budget", num(l.budget)}, {"contexts", t}, {"N_opt", n}, {"D_opt", d},
                                     {"L_opt", lo}, {"n_opt_law", lawJson(l.nOptLaw)}, {"d_opt_law", lawJson(l.dOptLaw)}});
    }
    for (const auto& w : st.warnings) warnings.append(QString::fromStdString(w));
    return {{"contexts", contexts}, {"per_context", perContext}, {"per_budget", perBudget}, {"warnings", warnings}};
}

QJsonObject optionsJson(const analysis::IsoflopOptions& o) {
    return {{"budgets", QJsonArray()},
            {"budget_range", QJsonArray{num(o.fitRangeLo), num(o.fitRangeHi)}},
            {"tolerance", o.tolerance},
            {"bootstrap", o.bootstrap},
            {"seed", double(o.seed)},
            {"confidence", o.confidence}};
}

QString compact(const QJsonObject& o) { return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)); }

// --- one group ------------------------------------------------------------------------------------

widgets::ContextLaw toLaw(const analysis::PowerLawFit& f) {
    widgets::ContextLaw law;
    law.ok = f.status.isOk();
    law.A = f.A;
    law.a = f.a;
    law.aStdError = f.aStdError;
    if (!law.ok) law.problem = QString::fromStdString(f.status.message());
    return law;
}

// Fits one group (an architecture's points from the source, or the user's runs of it), appends its
// series, its summary paragraph and the record to store.
void fitGroup(const std::vector<analysis::ScalingPoint>& points, const QString& arch, bool own, const QString& group,
              bool paperRange, const ContextSelection& sel, ContextOutcome* out) {
    const QLocale locale;
    analysis::IsoflopOptions options;
    if (paperRange) {   // the paper's context study fits its C laws over [5e18, 5e19]
        options.fitRangeLo = analysis::kPaperBudgetLo;
        options.fitRangeHi = analysis::kPaperBudgetHi;
    }
    const analysis::ContextStudy st = analysis::fitContextStudy(points, options);
    const QString title = group.isEmpty() ? archTitle(arch) : ContextController::tr("%1 (%2)").arg(archTitle(arch), group);
    out->plot.runsUsed += int(points.size());
    if (!st.status.isOk()) {
        out->plot.summary += ContextController::tr("<p><b>%1</b>: no context study (%2)</p>")
                                 .arg(title, QString::fromStdString(st.status.message()).toHtmlEscaped());
        return;
    }
    QStringList exponents, single, contexts;
    for (long long t : st.contexts) contexts << locale.toString(t);
    for (const auto& law : st.perBudget) {
        if (law.contexts.size() < 2) {   // nothing to draw against T
            single << widgets::budgetLabel(law.budget);
            continue;
        }
        widgets::ContextSeries s;
        s.arch = arch;
        s.own = own;
        s.group = group;
        s.budget = law.budget;
        for (size_t i = 0; i < law.contexts.size(); ++i)
            s.optima.append({double(law.contexts[i]), law.nOpt[i], law.dOpt[i], law.lossOpt[i]});
        s.nLaw = toLaw(law.nOptLaw);
        s.dLaw = toLaw(law.dOptLaw);
        const widgets::ContextLaw& shown = sel.tokens ? s.dLaw : s.nLaw;
        exponents << (shown.ok ? ContextController::tr("%1 at %2").arg(exponentText(shown.a, shown.aStdError), widgets::budgetLabel(s.budget))
                               : ContextController::tr("not fitted at %1 (%2)").arg(widgets::budgetLabel(s.budget), shown.problem.toHtmlEscaped()));
        out->plot.series.append(s);
    }
    QString line = ContextController::tr("<b>%1</b> (T = %2; %n run(s)): ", nullptr, int(points.size()))
                       .arg(title, contexts.join(QStringLiteral(", ")));
    line += exponents.isEmpty() ? ContextController::tr("no budget has a valid minimum at two or more contexts")
                                : ContextController::tr("%1 &prop; T<sup>%2</sup> with %2 = %3")
                                      .arg(sel.tokens ? QStringLiteral("D*") : QStringLiteral("N*"),
                                           sel.tokens ? QStringLiteral("b") : QStringLiteral("a"),
                                           exponents.join(QStringLiteral(", ")));
    if (!single.isEmpty())
        line += ContextController::tr("; at one context only, not drawn: %1").arg(single.join(QStringLiteral(", ")));
    out->plot.summary += QStringLiteral("<p>") + line + QStringLiteral("</p>");

    ContextFitRecord rec;
    rec.label = ContextController::tr("context study %1 [arch %2%3]")
                    .arg(sel.source, arch, group.isEmpty() ? QString() : QStringLiteral(", ") + group);
    QJsonArray rows, sets, ctxs;
    QStringList seenSets;
    for (const auto& p : points) {
        rows.append(p.sourceRow);
        const QString set = QString::fromStdString(p.set);
        if (!seenSets.contains(set)) seenSets << set;
        if (own) {
            bool ok = false;
            const long long id = QString::fromStdString(p.run).toLongLong(&ok);
            if (ok) rec.inputRuns.append(id);
        }
    }
    seenSets.sort();
    for (const QString& s : seenSets) sets.append(s);
    for (long long t : st.contexts) ctxs.append(double(t));
    QJsonObject selection{{"source", sel.source},
                          {"arch", arch},
                          {"sets", sets},
                          {"contexts", ctxs},
                          {"all_runs", false},
                          {"runs", int(points.size())},
                          {"rows", rows},
                          {"seqscope_version", QString::fromLatin1(kVersion)}};
    if (!isRunSource(sel.source) && !own) selection.insert(QStringLiteral("dataset"), sel.source);
    if (!group.isEmpty()) selection.insert(QStringLiteral("group"), group);
    rec.selectionJson = compact(selection);
    rec.paramsJson = compact(studyJson(st));
    rec.optionsJson = compact(optionsJson(options));
    out->fits.append(rec);
}

// The headline: at the middle budget that every fitted architecture shares, how much x* moves
// across the contexts, in percent and as the exponent with its error. Built from the fits alone.
QString finding(const QVector<widgets::ContextSeries>& series, bool tokens) {
    const QLocale locale;
    // Prefer the source's groups; the user's runs stand alone only when nothing else was fitted.
    bool anySource = false;
    for (const auto& s : series) anySource = anySource || !s.own;
    std::map<double, QVector<const widgets::ContextSeries*>> byBudget;
    QStringList groups;
    for (const auto& s : series) {
        if (s.own == anySource || !(tokens ? s.dLaw : s.nLaw).ok) continue;
        byBudget[s.budget].append(&s);
        const QString key = s.arch + QLatin1Char('/') + s.group;
        if (!groups.contains(key)) groups << key;
    }
    std::vector<double> common;
    for (const auto& [budget, list] : byBudget)
        if (list.size() == groups.size()) common.push_back(budget);
    if (common.empty()) return {};
    const double budget = common[(common.size() - 1) / 2];
    const QString symbol = tokens ? QStringLiteral("D*") : QStringLiteral("N*");
    const auto& chosen = byBudget[budget];
    auto range = [&locale](const widgets::ContextSeries* s) {
        return ContextController::tr("T = %1 to %2")
            .arg(locale.toString(qlonglong(s->optima.front().ctx)), locale.toString(qlonglong(s->optima.back().ctx)));
    };
    bool sameRange = true;
    for (const auto* s : chosen) sameRange = sameRange && range(s) == range(chosen.front());
    QStringList parts;
    for (const auto* s : chosen) {
        const widgets::ContextLaw& law = tokens ? s->dLaw : s->nLaw;
        const double change = (std::pow(s->optima.back().ctx / s->optima.front().ctx, law.a) - 1.0) * 100.0;
        const QString who = s->group.isEmpty() ? archTitle(s->arch) : ContextController::tr("%1 (%2)").arg(archTitle(s->arch), s->group);
        QString part = (change < 0 ? ContextController::tr("falls by %1 % for the %2") : ContextController::tr("grows by %1 % for the %2"))
                           .arg(QString::number(std::abs(change), 'f', 0), who);
        if (!sameRange) part += ContextController::tr(" over %1").arg(range(s));
        parts << part + ContextController::tr(" (%1 &prop; T<sup>%2</sup>)").arg(symbol, exponentText(law.a, law.aStdError, 2));
    }
    const QString lead = sameRange ? ContextController::tr("At %1 FLOPs, from %2, compute-optimal %3")
                                         .arg(widgets::budgetLabel(budget), range(chosen.front()), symbol)
                                   : ContextController::tr("At %1 FLOPs, compute-optimal %2").arg(widgets::budgetLabel(budget), symbol);
    return QStringLiteral("<p><b>%1 %2.</b></p>").arg(lead, parts.join(ContextController::tr(", and ")));
}

}  // namespace

bool ContextController::isContextSet(const std::string& set) {
    static const QRegularExpression pattern(QStringLiteral("^isoflop_ctx\\d+$"));
    return pattern.match(QString::fromStdString(set)).hasMatch();
}

ContextController::ContextController(widgets::ContextView* view, QObject* parent) : QObject(parent), m_view(view) {
    if (m_view) connect(m_view, &widgets::ContextView::selectionChanged, this, &ContextController::refresh);
}

ContextController::~ContextController() {
    if (m_worker) m_worker->wait();   // it reports back through a guarded pointer only
}

void ContextController::setStore(storage::Store* store, const QString& source) {
    m_store = store;
    m_sourceKey.clear();
    m_points.clear();
    m_runs.clear();
    if (!m_store || !m_view) return;
    auto sources = sourceChoices(*m_store);
    if (!sources) return setLoadError(statusText(sources.status()));
    if (sources->haveRuns) load(QStringLiteral("runs"));
    m_view->setSources(sources->choices, source);   // emits selectionChanged -> refresh -> load + fit
}

void ContextController::runsChanged() {
    if (!m_store || !m_view) return;
    setStore(m_store, m_view->selection().source);
}

bool ContextController::selectSource(const QString& key) {
    const QString canonical = m_store ? QString::fromStdString(workspace::canonicalSourceKey(*m_store, key.toStdString())) : key;
    return m_view && m_view->selectSource(canonical);
}

// Reads a source's points on the GUI thread (a few hundred rows); the fits run on the worker.
void ContextController::load(const QString& key) {
    if (key != QLatin1String("runs")) {   // a source that fails to load is still the current one (no retry loop)
        m_points.clear();
        m_sourceKey = key;
        m_sourceIsRuns = isRunSource(key);
    }
    auto source = workspace::parseScalingSource(key.toStdString());
    if (!source) return setLoadError(statusText(source.status()));
    auto points = workspace::loadSourcePoints(*m_store, *source);
    if (!points) return setLoadError(statusText(points.status()));
    if (key == QLatin1String("runs")) m_runs = std::move(*points);
    else m_points = std::move(*points);
}

void ContextController::setPoints(std::vector<analysis::ScalingPoint> points, const QString& sourceTitle,
                                  std::vector<analysis::ScalingPoint> runs) {
    m_points = std::move(points);
    m_runs = std::move(runs);
    m_sourceKey = QStringLiteral("fixed");
    m_sourceIsRuns = false;
    if (!m_view) return;
    m_view->setSourceTitle(sourceTitle);
    startFit();
}

void ContextController::setLoadError(const QString& message) {
    if (m_view) m_view->setLoadError(message);
}

void ContextController::refresh() {
    if (!m_view) return;
    const ContextSelection sel = m_view->selection();
    if (m_store && !sel.source.isEmpty() && sel.source != m_sourceKey) {
        load(sel.source);
        if (sel.source == QLatin1String("runs")) {
            m_points = m_runs;
            m_sourceKey = sel.source;
            m_sourceIsRuns = true;
        }
    }
    startFit();
}

std::vector<analysis::ScalingPoint> ContextController::overlayFor(const ContextSelection& sel) const {
    return sel.withRuns && !m_sourceIsRuns ? m_runs : std::vector<analysis::ScalingPoint>{};
}

void ContextController::startFit() {
    if (m_worker) {   // one fit at a time; the newest selection runs next
        m_pending = true;
        m_view->setFitting(true);
        return;
    }
    const quint64 generation = ++m_generation;
    const ContextSelection sel = m_view->selection();
    const std::vector<analysis::ScalingPoint> points = m_points;
    const std::vector<analysis::ScalingPoint> runs = overlayFor(sel);
    const bool sourceIsRuns = m_sourceIsRuns;
    QPointer<ContextController> self(this);
    m_view->setFitting(true);
    emit fitStarted();
    m_worker = QThread::create([self, generation, sel, points, sourceIsRuns, runs] {
        const ContextOutcome outcome = compute(sel, points, sourceIsRuns, runs);
        QMetaObject::invokeMethod(
            qApp, [self, generation, outcome] {
                if (self) self->fitFinished(generation, outcome);
            },
            Qt::QueuedConnection);
    });
    connect(m_worker, &QThread::finished, m_worker, &QObject::deleteLater);
    m_worker->start(QThread::LowPriority);
}

void ContextController::fitFinished(quint64 generation, const ContextOutcome& outcome) {
    m_worker = nullptr;
    if (m_pending) {   // the selection moved on while this fit ran: fit the newest
        m_pending = false;
        startFit();
        return;
    }
    if (generation != m_generation || !m_view) return;
    storeFits(outcome.fits);
    m_view->setFitting(false);
    m_view->setPlot(outcome.plot);
    emit plotReady();
}

// Records each fit once: a refit that gives the same result on the same points (another quantity,
// reopening the workspace) finds its row already there.
void ContextController::storeFits(const QVector<ContextFitRecord>& fits) {
    if (!m_store || fits.isEmpty()) return;
    auto existing = m_store->fits();
    if (!existing) return setLoadError(statusText(existing.status()));
    for (const auto& f : fits) {
        const std::string selection = f.selectionJson.toStdString(), params = f.paramsJson.toStdString();
        const auto same = std::find_if(existing->begin(), existing->end(), [&](const storage::FitRecord& r) {
            return r.kind == "context" && r.selectionJson == selection && r.paramsJson == params;
        });
        if (same != existing->end()) {
            m_lastStoredFit = same->id;
            continue;
        }
        storage::FitRecord rec;
        rec.kind = "context";
        rec.label = f.label.toStdString();
        rec.inputRuns.assign(f.inputRuns.begin(), f.inputRuns.end());
        rec.selectionJson = selection;
        rec.paramsJson = params;
        rec.optionsJson = f.optionsJson.toStdString();
        auto id = m_store->addFit(rec);
        if (!id) return setLoadError(tr("recording the context fit: %1").arg(statusText(id.status())));
        m_lastStoredFit = *id;
    }
}

ContextPlot ContextController::plot(const ContextSelection& sel) const {
    return compute(sel, m_points, m_sourceIsRuns, overlayFor(sel)).plot;
}

ContextOutcome ContextController::compute(const ContextSelection& sel, const std::vector<analysis::ScalingPoint>& source,
                                          bool sourceIsRuns, const std::vector<analysis::ScalingPoint>& runs) {
    ContextOutcome out;
    for (const QString& archQ : sel.archs) {
        const std::string arch = archQ.toStdString();
        auto pick = [&](const std::vector<analysis::ScalingPoint>& from) {
            std::vector<analysis::ScalingPoint> chosen;
            for (const auto& p : from)
                if (p.arch == arch && p.included && isContextSet(p.set)) chosen.push_back(p);
            return chosen;
        };
        const auto points = pick(source);
        // Run-based sources are the user's own runs: drawn hollow, fitted over all their budgets.
        if (!points.empty()) fitGroup(points, archQ, sourceIsRuns, QString(), !sourceIsRuns, sel, &out);
        const auto mine = pick(runs);
        if (!mine.empty()) fitGroup(mine, archQ, true, tr("your runs"), false, sel, &out);
    }
    out.plot.finding = finding(out.plot.series, sel.tokens);
    if (out.plot.series.isEmpty() && out.plot.summary.isEmpty())
        out.plot.summary = tr("<p>No IsoFLOP runs at two or more context lengths in this source.</p>");
    return out;
}

}  // namespace seqscope::gui
