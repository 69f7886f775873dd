// SPDX-License-Identifier: MIT
#include "scaling_controller.h"

#include <QCoreApplication>
#include <QLocale>
#include <QSet>
#include <QThread>
#include <algorithm>
#include <cmath>
#include <map>

#include "analysis/isoflop_fit.h"
#include "status_text.h"
#include "storage/store.h"
#include "workspace/scaling_sources.h"

namespace seqscope::gui {
namespace {

// A source made of this database's runs ("runs", "sweep:ID", "tag:TAG"), not a reference dataset.
bool isRunSource(const QString& key) {
    auto source = workspace::parseScalingSource(key.toStdString());
    return source && source->kind != workspace::ScalingSource::Kind::Dataset;
}

QString archTitle(const QString& arch) {
    return arch == QLatin1String("xlstm") ? ScalingController::tr("xLSTM")
           : arch == QLatin1String("transformer") ? ScalingController::tr("Transformer") : arch;
}

// Fits one group (an architecture's points from one source, or one context of the user's runs)
// and appends its curves, frontier and summary line.
void fitGroup(const std::vector<analysis::ScalingPoint>& points, const QString& arch, const QString& group, bool own,
              const ScalingSelection& sel, ScalingPlot* out) {
    const QLocale locale;
    out->runsUsed += int(points.size());
    analysis::IsoflopOptions options;
    // The paper's budget range belongs to the paper's data: the user's runs use all their budgets.
    if (sel.paperBudgetRange && !own && !isRunSource(sel.source))
        analysis::paperBudgetRange(sel.set.toStdString(), &options.fitRangeLo, &options.fitRangeHi);
    const analysis::IsoflopFit fit = analysis::fitIsoflop(points, options);
    const QString title = group.isEmpty() ? archTitle(arch) : ScalingController::tr("%1 (%2)").arg(archTitle(arch), group);
    if (!fit.status.isOk()) {
        out->summary += ScalingController::tr("<p><b>%1</b>: no fit (%2)</p>").arg(title, QString::fromStdString(fit.status.message()).toHtmlEscaped());
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
            for (const auto& p : points)
                if (p.sourceRow == row) {
                    curve.runs.append(QPointF(sel.xIsTokens ? p.tokens : p.params, p.loss));
                    curve.runNames.append(own ? ScalingController::tr("run #%1: N %2, D %3, C %4, loss %5")
                                                    .arg(QString::fromStdString(p.run))
                                                    .arg(p.params, 0, 'g', 3)
                                                    .arg(p.tokens, 0, 'g', 3)
                                                    .arg(p.flops, 0, 'g', 3)
                                                    .arg(p.loss, 0, 'f', 4)
                                              : QString::fromStdString(p.run));
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
        out->curves.append(curve);
        const double xOpt = sel.xIsTokens ? b.dOpt : b.nOpt;
        // Minima outside the fitted range are still shown (hollow): the reader sees where the law extrapolates.
        if (b.usable && std::isfinite(xOpt)) (b.inFitRange ? frontier.optima : frontier.unfitted).append(QPointF(b.compute, xOpt));
    }
    const analysis::PowerLawFit& law = sel.xIsTokens ? fit.dOptLaw : fit.nOptLaw;
    frontier.hasLaw = law.status.isOk();
    frontier.A = law.A;
    frontier.a = law.a;
    frontier.aStdError = law.aStdError;
    out->frontier.append(frontier);
    const QString symbol = sel.xIsTokens ? QStringLiteral("D*") : QStringLiteral("N*");
    if (frontier.hasLaw)
        out->summary += ScalingController::tr("<p><b>%1</b>: %2 = %3 &middot; C<sup>%4 &plusmn; %5</sup> from %6 budgets, %7 runs</p>")
                            .arg(title, symbol, QString::number(law.A, 'g', 4), QString::number(law.a, 'f', 3),
                                 QString::number(law.aStdError, 'f', 3), locale.toString(law.points), locale.toString(fit.pointsUsed));
    else
        out->summary += ScalingController::tr("<p><b>%1</b>: %2 power law not fitted (%3)</p>")
                            .arg(title, symbol, QString::fromStdString(law.status.message()).toHtmlEscaped());
}

}  // namespace

ScalingController::ScalingController(widgets::ScalingView* view, QObject* parent) : QObject(parent), m_view(view) {
    if (m_view) connect(m_view, &widgets::ScalingView::selectionChanged, this, &ScalingController::refresh);
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
    auto sources = workspace::listScalingSources(*m_store);
    if (!sources) {
        setLoadError(statusText(sources.status()));
        return;
    }
    QList<widgets::SourceChoice> choices;
    bool haveRuns = false;
    for (const auto& s : *sources) {
        choices.append({QString::fromStdString(s.key), QString::fromStdString(s.title), s.runs});
        haveRuns = haveRuns || s.key == "runs";
    }
    if (haveRuns) load(QStringLiteral("runs"));
    m_view->setSources(choices, source);   // emits selectionChanged -> refresh -> load + fit
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
    analysis::paperBudgetRange(sel.set.toStdString(), &out.paperRangeLo, &out.paperRangeHi);
    const std::string set = sel.set.toStdString();
    for (const QString& archQ : sel.archs) {
        const std::string arch = archQ.toStdString();
        std::vector<analysis::ScalingPoint> points;
        for (const auto& p : source)
            if (p.set == set && p.arch == arch && (p.included || sel.includeExcluded)) points.push_back(p);
        if (!points.empty()) fitGroup(points, archQ, QString(), false, sel, &out);
        // The user's runs of this architecture: at the selected context when there are any, else
        // every context they were trained at, each fitted on its own.
        std::map<long long, std::vector<analysis::ScalingPoint>> byContext;
        bool sameSet = false;
        for (const auto& p : runs) sameSet = sameSet || (p.set == set && p.arch == arch);
        for (const auto& p : runs)
            if (p.arch == arch && (!sameSet || p.set == set)) byContext[p.ctx].push_back(p);
        for (auto& [ctx, group] : byContext)
            fitGroup(group, archQ, tr("your runs, T = %1").arg(ctx), true, sel, &out);
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
