// SPDX-License-Identifier: MIT
#include "parametric_controller.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <set>

#include "parametric_job.h"
#include "parametric_view.h"
#include "source_choices.h"
#include "status_text.h"
#include "storage/store.h"
#include "workspace/scaling_sources.h"

namespace seqscope::gui {
namespace {

// "tokenparam_ctx8192" -> "Token/param, T = 8192"; a '+'-joined key names its parts.
QString describeSet(const QString& set) {
    if (set.contains(QLatin1Char('+'))) {
        const QString ctx = set.section(QLatin1String("ctx"), -1);
        return ParametricController::tr("IsoFLOP + token/param, T = %1 (the paper's “all”)").arg(ctx);
    }
    const int at = set.indexOf(QLatin1String("ctx"));
    QString ctx;
    if (at >= 0)
        for (int i = at + 3; i < set.size() && set.at(i).isDigit(); ++i) ctx += set.at(i);
    if (ctx.isEmpty() || set.size() != at + 3 + ctx.size()) return set;   // a variant or another dataset: as named
    if (set.startsWith(QLatin1String("tokenparam"))) return ParametricController::tr("Token/param, T = %1").arg(ctx);
    if (set.startsWith(QLatin1String("isoflop"))) return ParametricController::tr("IsoFLOP, T = %1").arg(ctx);
    return set;
}

}  // namespace

ParametricController::ParametricController(widgets::ParametricView* view, QObject* parent)
    : QObject(parent), m_view(view), m_cancel(std::make_shared<std::atomic<bool>>(false)),
      m_done(std::make_shared<std::atomic<int>>(0)), m_total(std::make_shared<std::atomic<int>>(0)) {
    m_poll = new QTimer(this);
    m_poll->setInterval(100);
    connect(m_poll, &QTimer::timeout, this, [this] {
        if (m_view) m_view->setProgress(m_done->load(), m_total->load());
    });
    if (!m_view) return;
    connect(m_view, &widgets::ParametricView::sourceChanged, this, [this] {
        const QString key = m_view->selection().source;
        if (key != m_sourceKey || m_sourceIsRuns) {
            loadSource();
            fit();
        } else if (m_view->selection().withRuns) {
            fit();   // the overlay of the user's runs changed
        }
    });
    connect(m_view, &widgets::ParametricView::dataChanged, this, [this] {
        refreshArchs();
        fit();
    });
    connect(m_view, &widgets::ParametricView::fitRequested, this, &ParametricController::fit);
    connect(m_view, &widgets::ParametricView::cancelRequested, this, &ParametricController::cancel);
}

ParametricController::~ParametricController() {
    if (m_worker) {
        m_cancel->store(true);
        m_worker->wait();   // it reports back through a guarded pointer only
    }
}

void ParametricController::setStore(storage::Store* store, const QString& source) {
    m_store = store;
    m_sourceKey.clear();
    m_points.clear();
    m_runs.clear();
    m_runNames.clear();
    if (!m_store || !m_view) return;
    auto sources = sourceChoices(*m_store);
    if (!sources) {
        m_view->setMessage(statusText(sources.status()), true);
        return;
    }
    const bool haveRuns = sources->haveRuns;
    if (haveRuns) {
        if (auto runs = workspace::loadSourcePoints(*m_store, *workspace::parseScalingSource("runs"))) m_runs = std::move(*runs);
        if (auto records = m_store->runs())
            for (const auto& r : *records) m_runNames.insert(QString::number(r.id), QString::fromStdString(r.name));
    }
    m_view->setRunsAvailable(haveRuns);
    m_view->setSources(sources->choices, source);   // emits sourceChanged -> load + fit
}

void ParametricController::runsChanged() {
    if (!m_store || !m_view) return;
    setStore(m_store, m_view->selection().source);
}

bool ParametricController::selectSource(const QString& key) {
    const QString canonical = m_store ? QString::fromStdString(workspace::canonicalSourceKey(*m_store, key.toStdString())) : key;
    return m_view && m_view->selectSource(canonical);
}

// A source's points are a few hundred rows: read on the GUI thread; the fits are what take time.
void ParametricController::loadSource() {
    const QString key = m_view->selection().source;
    m_sourceKey = key;
    m_points.clear();
    auto source = workspace::parseScalingSource(key.toStdString());
    m_sourceIsRuns = source && source->kind != workspace::ScalingSource::Kind::Dataset;
    if (!source) {
        m_view->setMessage(statusText(source.status()), true);
    } else if (auto points = workspace::loadSourcePoints(*m_store, *source)) {
        m_points = std::move(*points);
    } else {
        m_view->setMessage(statusText(points.status()), true);
    }
    refreshSets();
    refreshArchs();
}

void ParametricController::refreshSets() {
    std::set<QString> names;
    for (const auto& p : m_points)
        if (p.included) names.insert(QString::fromStdString(p.set));
    QList<QPair<QString, QString>> sets;
    QStringList tokenParam, combined, others;
    for (const QString& s : names) {
        (s.startsWith(QLatin1String("tokenparam")) ? tokenParam : others) << s;
        const QString iso = QString(s).replace(QLatin1String("tokenparam"), QLatin1String("isoflop"));
        if (s.startsWith(QLatin1String("tokenparam_ctx")) && names.count(iso)) combined << iso + QLatin1Char('+') + s;
    }
    // The paper's headline fit is on the token/param set; its "all" combines both designs.
    for (const QStringList* list : {&tokenParam, &combined, &others})
        for (const QString& s : *list) sets.append({s, describeSet(s)});
    m_view->setSets(sets, QStringLiteral("tokenparam_ctx8192"));
}

void ParametricController::refreshArchs() {
    const QStringList sets = m_view->selection().sets;
    QStringList archs;
    for (const auto& p : m_points) {
        const QString a = QString::fromStdString(p.arch);
        if (p.included && sets.contains(QString::fromStdString(p.set)) && !archs.contains(a)) archs << a;
    }
    std::sort(archs.begin(), archs.end());
    m_view->setArchs(archs);
}

std::vector<analysis::ScalingPoint> ParametricController::selectedPoints() const {
    std::vector<analysis::ScalingPoint> out;
    if (!m_view) return out;
    const auto sel = m_view->selection();
    for (const auto& p : m_points)
        if (p.included && QString::fromStdString(p.arch) == sel.arch && sel.sets.contains(QString::fromStdString(p.set)))
            out.push_back(p);
    return out;
}

void ParametricController::fit() {
    if (!m_view) return;
    if (m_worker) {   // one fit at a time: stop the one in flight, the newest runs next
        m_pending = true;
        m_cancel->store(true);
        return;
    }
    startFit();
}

void ParametricController::cancel() {
    if (!m_worker) return;
    m_pending = false;
    m_userCancelled = true;
    m_cancel->store(true);
}

void ParametricController::startFit() {
    auto job = std::make_shared<ParametricJob>();
    job->selection = m_view->selection();
    job->ownPoints = m_sourceIsRuns;
    job->points = selectedPoints();
    job->runNames = m_runNames;
    if (job->selection.withRuns && !m_sourceIsRuns)
        for (const auto& p : m_runs)
            if (QString::fromStdString(p.arch) == job->selection.arch) job->overlay.push_back(p);
    if (job->points.empty()) {
        widgets::ParametricPlot empty;
        empty.error = tr("No runs of this architecture in this selection.");
        m_view->setPlot(empty);
        m_poll->stop();
        m_view->setFitting(false);
        m_view->setMessage(empty.error, true);
        emit fitFinished();
        return;
    }
    const quint64 generation = ++m_generation;
    m_cancel = std::make_shared<std::atomic<bool>>(false);   // a fresh flag: an old worker keeps its own
    m_done->store(0);
    m_total->store(0);
    m_userCancelled = false;
    m_view->setFitting(true);
    m_poll->start();
    emit fitStarted();
    QPointer<ParametricController> self(this);
    auto cancelFlag = m_cancel;
    auto done = m_done, total = m_total;
    m_worker = QThread::create([self, generation, job, cancelFlag, done, total] {
        auto progress = [done, total](int d, int t) {
            total->store(t);
            int seen = done->load();   // monotone: threads may report out of order
            while (d > seen && !done->compare_exchange_weak(seen, d)) {
            }
        };
        auto outcome = std::make_shared<ParametricOutcome>(runParametricJob(*job, cancelFlag.get(), progress));
        QMetaObject::invokeMethod(
            qApp, [self, generation, outcome, job] {
                if (self) self->finished(generation, outcome, job);
            },
            Qt::QueuedConnection);
    });
    connect(m_worker, &QThread::finished, m_worker, &QObject::deleteLater);
    m_worker->start(QThread::LowPriority);
}

void ParametricController::finished(quint64 generation, const std::shared_ptr<ParametricOutcome>& outcome,
                                    const std::shared_ptr<ParametricJob>& job) {
    m_worker = nullptr;
    if (m_pending) {   // superseded while it ran: fit the newest selection
        m_pending = false;
        startFit();
        return;
    }
    m_poll->stop();
    m_view->setFitting(false);
    if (generation != m_generation) return;
    const Status& status = outcome->status;
    if (status.code() == StatusCode::Cancelled) {
        m_view->setMessage(m_userCancelled ? tr("Fit cancelled; the charts show the previous fit.") : tr("Fit cancelled."));
    } else if (!status.isOk()) {
        widgets::ParametricPlot failed;
        failed.error = tr("No fit: %1").arg(statusText(status));
        m_view->setPlot(failed);
        m_view->setMessage(failed.error, true);
    } else {
        m_fittedPoints = job->points;
        m_lastFit = outcome->fit;
        m_lastPlot = outcome->plot;
        m_view->setPlot(m_lastPlot);
        QString note = tr("Fitted in %1 s.").arg(outcome->fit.seconds, 0, 'f', 1);
        bool stored = false;
        if (m_store) {
            auto id = m_store->addFit(fitRecordFor(*job, *outcome));
            stored = bool(id);
            if (id) {
                m_lastFitId = *id;
                note += tr(" Stored as fit %1.").arg(*id);
            } else {
                note = tr("Fitted, but not stored: %1").arg(statusText(id.status()));
            }
        }
        m_view->setMessage(note, m_store && !stored);
        emit plotReady();
    }
    emit fitFinished();
}

}  // namespace seqscope::gui
