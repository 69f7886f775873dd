// SPDX-License-Identifier: MIT
#include "scaling_controller.h"

#include <QCoreApplication>
#include <QLocale>
#include <QSet>
#include <QThread>
#include <algorithm>
#include <cmath>
#include <map>

#include "analysis/frontier_bootstrap.h"
#include "analysis/isoflop_fit.h"
#include "analysis/replicates.h"
#include "scaling_fit_record.h"
#include "source_choices.h"
#include "status_text.h"
#include "storage/store.h"
#include "workspace/scaling_sources.h"

namespace seqscope::gui {
namespace {

// Resamples behind the frontier's bands and intervals: enough for stable 95 % percentiles, and
// cheap (each is an IsoFLOP refit of a few dozen runs, well under a millisecond).
constexpr int kFrontierResamples = 200;

// A source made of this database's runs ("runs", "sweep:ID", "tag:TAG"), not a reference dataset.
bool isRunSource(const QString& key) {
    auto source = workspace::parseScalingSource(key.toStdString());
    return source && source->kind != workspace::ScalingSource::Kind::Dataset;
}

QString archTitle(const QString& arch) {
    return arch == QLatin1String("xlstm") ? ScalingController::tr("xLSTM")
           : arch == QLatin1String("transformer") ? ScalingController::tr("Transformer") : arch;
}

// Appends one point to a budget's curve: its (x, loss), hover name, spread and, for the user's runs,
// its id. A point may stand for replicate runs (groupReplicates): then its loss is their mean.
void appendRun(const analysis::ReplicateGroup& g, bool own, bool xIsTokens, widgets::IsoflopCurve* curve) {
    const analysis::ScalingPoint& p = g.mean;
    curve->runs.append(QPointF(xIsTokens ? p.tokens : p.params, p.loss));
    QString name = own ? ScalingController::tr("run #%1: N %2, D %3, C %4, loss %5")
                             .arg(QString::fromStdString(p.run))
                             .arg(p.params, 0, 'g', 3)
                             .arg(p.tokens, 0, 'g', 3)
                             .arg(p.flops, 0, 'g', 3)
                             .arg(p.loss, 0, 'f', 4)
                       : QString::fromStdString(p.run);
    if (g.count > 1)
        name += ScalingController::tr("\nmean of %n runs, standard deviation %1", nullptr, g.count).arg(g.stdDev, 0, 'f', 4);
    curve->runNames.append(name);
    curve->runSpread.append(g.stdDev);
    curve->runCounts.append(g.count);
    curve->runIds.append(own ? QString::fromStdString(p.run).toLongLong() : 0);
    curve->runKeys.append(widgets::pointKey(own, QString::fromStdString(p.run), p.sourceRow));
}

// Drops the points the user left out (Shift+click) and lists them in the plot, greyed.
std::vector<analysis::ScalingPoint> withoutLeftOut(const std::vector<analysis::ScalingPoint>& points, bool own,
                                                   const ScalingSelection& sel, ScalingPlot* out) {
    std::vector<analysis::ScalingPoint> kept;
    for (const auto& p : points) {
        const QString key = widgets::pointKey(own, QString::fromStdString(p.run), p.sourceRow);
        if (!sel.leftOut.contains(key)) {
            kept.push_back(p);
            continue;
        }
        out->leftOut.points.append(QPointF(sel.xIsTokens ? p.tokens : p.params, p.loss));
        out->leftOut.keys.append(key);
        out->leftOut.names.append(ScalingController::tr("%1 (left out of the fit; Shift+click to bring it back)")
                                      .arg(QString::fromStdString(p.run)));
    }
    return kept;
}

// Fits one group (an architecture's points from one source, or one context of the user's runs)
// and appends its curves, frontier and summary line.
void fitGroup(const std::vector<analysis::ScalingPoint>& rawPoints, const QString& arch, const QString& group, bool own,
              const ScalingSelection& sel, ScalingPlot* out) {
    out->runsUsed += int(rawPoints.size());
    // Replicates (same N and D, other seeds) become one point at their mean loss, drawn with error
    // bars: the parabolas fit one value per model, as the paper's single-seed runs give.
    const std::vector<analysis::ReplicateGroup> groups = analysis::groupReplicates(rawPoints);
    std::vector<analysis::ScalingPoint> points;
    std::map<int, const analysis::ReplicateGroup*> groupOfRow;
    for (const auto& g : groups) {
        points.push_back(g.mean);
        groupOfRow[g.mean.sourceRow] = &g;
    }
    analysis::IsoflopOptions options;
    // The paper's budget range belongs to the paper's data: the user's runs use all their budgets.
    if (sel.paperBudgetRange && !own && !isRunSource(sel.source))
        analysis::paperBudgetRange(sel.set.toStdString(), &options.fitRangeLo, &options.fitRangeHi);
    const analysis::IsoflopFit fit = analysis::fitIsoflop(points, options);
    const QString title = group.isEmpty() ? archTitle(arch) : ScalingController::tr("%1 (%2)").arg(archTitle(arch), group);
    if (!fit.status.isOk()) {
        out->summary += ScalingController::tr("<p><b>%1</b>: no fit (%2)</p>").arg(title, QString::fromStdString(fit.status.message()).toHtmlEscaped());
        // The runs are still drawn, per budget, without parabolas: a sweep whose minima fall outside
        // its sizes shows where to add runs.
        std::map<double, widgets::IsoflopCurve> byBudget;
        for (const auto& g : groups) {
            widgets::IsoflopCurve& curve = byBudget[g.mean.budget];
            curve.arch = arch;
            curve.own = own;
            curve.budget = g.mean.budget;
            appendRun(g, own, sel.xIsTokens, &curve);
        }
        for (auto& [budget, curve] : byBudget) out->curves.append(curve);
        return;
    }
    widgets::FrontierSeries frontier;
    frontier.arch = arch;
    frontier.own = own;
    frontier.group = group;
    for (const auto& b : fit.budgets) {
        widgets::IsoflopCurve curve;
        curve.arch = arch;
        curve.own = own;
        curve.budget = b.budget;
        for (int row : b.sourceRows)
            if (const auto it = groupOfRow.find(row); it != groupOfRow.end()) appendRun(*it->second, own, sel.xIsTokens, &curve);
        const analysis::Parabola& parabola = sel.xIsTokens ? b.inD : b.inN;
        curve.hasParabola = parabola.status.isOk();
        curve.a = parabola.a;
        curve.b = parabola.b;
        curve.c = parabola.c;
        curve.log10Min = parabola.log10Min;
        curve.log10Max = parabola.log10Max;
        curve.hasOptimum = parabola.minimumValid;
        if (curve.hasOptimum) curve.optimum = QPointF(parabola.xOpt, parabola.lossOpt);
        out->curves.append(curve);
        const double xOpt = sel.xIsTokens ? b.dOpt : b.nOpt;
        // Minima outside the fitted range are still shown (hollow): the reader sees where the law extrapolates.
        if (b.usable && std::isfinite(xOpt)) (b.inFitRange ? frontier.optima : frontier.unfitted).append(QPointF(b.compute, xOpt));
    }
    const analysis::FrontierBootstrap boot = analysis::bootstrapFrontier(points, fit, kFrontierResamples);
    const auto toLaw = [&boot](const analysis::PowerLawFit& law, const std::vector<analysis::LawSample>& samples,
                               const analysis::Interval& exponent) {
        widgets::PowerLaw out;
        out.valid = law.status.isOk();
        out.A = law.A;
        out.a = law.a;
        out.aStdError = law.aStdError;
        out.confidence = boot.confidence;
        if (out.valid && boot.status.isOk() && exponent.valid()) {
            out.aLo = exponent.lo;
            out.aHi = exponent.hi;
            for (const auto& s : samples) out.samples.append(QPointF(s.lnA, s.a));
        }
        return out;
    };
    frontier.nLaw = toLaw(fit.nOptLaw, boot.nLaw, boot.nExponent);
    frontier.dLaw = toLaw(fit.dOptLaw, boot.dLaw, boot.dExponent);
    frontier.budgets = fit.nOptLaw.points;
    frontier.runs = fit.pointsUsed;
    const widgets::PowerLaw& drawn = frontier.drawn(sel.xIsTokens);
    const analysis::PowerLawFit& law = sel.xIsTokens ? fit.dOptLaw : fit.nOptLaw;
    frontier.hasLaw = drawn.valid;
    frontier.A = drawn.A;
    frontier.a = drawn.a;
    frontier.aStdError = drawn.aStdError;
    out->frontier.append(frontier);
    // Fitted laws are listed in the view's coefficient table; the summary says only what failed.
    if (!frontier.hasLaw)
        out->summary += ScalingController::tr("<p><b>%1</b>: %2 power law not fitted (%3)</p>")
                            .arg(title, sel.xIsTokens ? QStringLiteral("D*") : QStringLiteral("N*"),
                                 QString::fromStdString(law.status.message()).toHtmlEscaped());
}

}  // namespace

ScalingController::ScalingController(widgets::ScalingView* view, QObject* parent) : QObject(parent), m_view(view) {
    if (!m_view) return;
    connect(m_view, &widgets::ScalingView::selectionChanged, this, &ScalingController::refresh);
    connect(m_view, &widgets::ScalingView::saveFitRequested, this, [this] {
        QString error;
        const QList<qint64> ids = saveFit(&error);
        QStringList names;
        for (qint64 id : ids) names << QString::number(id);
        m_view->setNote(ids.isEmpty() ? tr("Not saved: %1").arg(error) : tr("Saved as fit %1 (Fits panel)").arg(names.join(QStringLiteral(", "))));
    });
}

QList<qint64> ScalingController::saveFit(QString* error) {
    QList<qint64> ids;
    if (!m_store || !m_view) {
        *error = tr("no database is open");
        return ids;
    }
    const ScalingPlot& plot = m_view->plot();
    const ScalingSelection sel = m_view->selection();
    for (const auto& f : plot.frontier) {
        if (!f.nLaw.valid && !f.dLaw.valid) continue;
        auto id = m_store->addFit(isoflopFitRecord(f, sel));
        if (!id) {
            *error = statusText(id.status());
            break;
        }
        ids << *id;
    }
    if (ids.isEmpty() && error->isEmpty()) *error = tr("no power law is fitted in this selection");
    if (!ids.isEmpty()) emit fitStored();
    return ids;
}

ScalingController::~ScalingController() {
    if (m_worker) m_worker->wait();   // it reports back through a guarded pointer only
}

void ScalingController::setStore(storage::Store* store, const QString& source) {
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

void ScalingController::runsChanged() {
    if (!m_store || !m_view) return;
    const QString keep = m_view->selection().source;
    setStore(m_store, keep);
}

bool ScalingController::selectSource(const QString& key) {
    const QString canonical = m_store ? QString::fromStdString(workspace::canonicalSourceKey(*m_store, key.toStdString())) : key;
    return m_view && m_view->selectSource(canonical);
}

// Reads a source's points from the store on the GUI thread: a few hundred rows, milliseconds. The
// fits are what take time, and they run on the worker.
void ScalingController::load(const QString& key) {
    if (key != QLatin1String("runs")) {   // even a source that fails to load is the current one (no retry loop)
        m_points.clear();
        m_sourceKey = key;
    }
    auto source = workspace::parseScalingSource(key.toStdString());
    if (!source) return setLoadError(statusText(source.status()));
    workspace::PointFilter filter;
    filter.includeExcluded = true;   // the view decides, per its checkbox, whether excluded runs count
    auto points = workspace::loadSourcePoints(*m_store, *source, filter);
    if (!points) return setLoadError(statusText(points.status()));
    if (key == QLatin1String("runs")) m_runs = std::move(*points);
    else m_points = std::move(*points);
}

void ScalingController::setPoints(std::vector<analysis::ScalingPoint> points, const QString& sourceTitle,
                                  std::vector<analysis::ScalingPoint> runs) {
    m_points = std::move(points);
    m_runs = std::move(runs);
    m_sourceKey = QStringLiteral("fixed");
    if (!m_view) return;
    m_view->setSourceTitle(sourceTitle);
    m_view->setRunsAvailable(!m_runs.empty());
    m_view->setSets(sets());   // redraws through selectionChanged
}

void ScalingController::setLoadError(const QString& message) {
    if (m_view) m_view->setLoadError(message);
}

void ScalingController::refresh() {
    if (!m_view) return;
    const ScalingSelection sel = m_view->selection();
    if (m_store && !sel.source.isEmpty() && sel.source != m_sourceKey) {
        load(sel.source);
        if (sel.source == QLatin1String("runs")) {
            m_points = m_runs;
            m_sourceKey = sel.source;
        }
        m_view->setSets(sets());   // emits selectionChanged again, now with this source's sets
        return;
    }
    startFit();
}

void ScalingController::startFit() {
    if (m_worker) {   // one fit at a time; the newest selection runs next
        m_pending = true;
        m_view->setFitting(true);
        return;
    }
    const quint64 generation = ++m_generation;
    const ScalingSelection sel = m_view->selection();
    const std::vector<analysis::ScalingPoint> points = m_points;
    const std::vector<analysis::ScalingPoint> runs = overlayFor(sel);
    QPointer<ScalingController> self(this);
    m_view->setFitting(true);
    emit fitStarted();
    m_worker = QThread::create([self, generation, sel, points, runs] {
        const ScalingPlot plot = computePlot(sel, points, runs);
        QMetaObject::invokeMethod(
            qApp, [self, generation, plot] {
                if (self) self->fitFinished(generation, plot);
            },
            Qt::QueuedConnection);
    });
    connect(m_worker, &QThread::finished, m_worker, &QObject::deleteLater);
    m_worker->start(QThread::LowPriority);
}

void ScalingController::fitFinished(quint64 generation, const ScalingPlot& plot) {
    m_worker = nullptr;
    if (m_pending) {   // the selection moved on while this fit ran: fit the newest
        m_pending = false;
        startFit();
        return;
    }
    if (generation != m_generation || !m_view) return;
    m_view->setFitting(false);
    m_view->setPlot(plot);
    emit plotReady();
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

// The user's runs drawn beside the source, unless the source is made of runs itself.
std::vector<analysis::ScalingPoint> ScalingController::overlayFor(const ScalingSelection& sel) const {
    return sel.withRuns && !isRunSource(sel.source) ? m_runs : std::vector<analysis::ScalingPoint>{};
}

ScalingPlot ScalingController::plot(const ScalingSelection& sel) const { return computePlot(sel, m_points, overlayFor(sel)); }

ScalingPlot ScalingController::computePlot(const ScalingSelection& sel, const std::vector<analysis::ScalingPoint>& source,
                                           const std::vector<analysis::ScalingPoint>& runs) {
    ScalingPlot out;
    out.xIsTokens = sel.xIsTokens;
    analysis::paperBudgetRange(sel.set.toStdString(), &out.paperRangeLo, &out.paperRangeHi);
    const std::string set = sel.set.toStdString();
    for (const QString& archQ : sel.archs) {
        const std::string arch = archQ.toStdString();
        std::vector<analysis::ScalingPoint> points;
        for (const auto& p : source)
            if (p.set == set && p.arch == arch && (p.included || sel.includeExcluded)) points.push_back(p);
        points = withoutLeftOut(points, false, sel, &out);
        if (!points.empty()) fitGroup(points, archQ, QString(), false, sel, &out);
        // The user's runs of this architecture: at the selected context when there are any, else
        // every context they were trained at, each fitted on its own.
        std::map<long long, std::vector<analysis::ScalingPoint>> byContext;
        bool sameSet = false;
        for (const auto& p : runs) sameSet = sameSet || (p.set == set && p.arch == arch);
        for (const auto& p : runs)
            if (p.arch == arch && (!sameSet || p.set == set)) byContext[p.ctx].push_back(p);
        for (auto& [ctx, group] : byContext)
            if (const auto kept = withoutLeftOut(group, true, sel, &out); !kept.empty())
                fitGroup(kept, archQ, tr("your runs, T = %1").arg(ctx), true, sel, &out);
    }
    if (!runs.empty()) {
        int budgets = 0;
        QSet<double> seen;
        for (const auto& p : runs)
            if (!seen.contains(p.budget)) seen.insert(p.budget), ++budgets;
        out.summary += tr("<p><small>Your runs are grouped into %1 budgets: a sweep's own budgets, other runs "
                          "within &plusmn;%2 % of a budget's compute.</small></p>")
                           .arg(budgets)
                           .arg(workspace::kRunBudgetTolerance * 100, 0, 'f', 0);
    }
    return out;
}

}  // namespace seqscope::gui
