// SPDX-License-Identifier: MIT
// Forecast bands for the loss chart (see forecast_controller.h).
#include "forecast_controller.h"

#include <QDateTime>
#include <QThread>

#include "common/metric_names.h"
#include "loss_chart_view.h"
#include "workspace/forecast_runs.h"

namespace seqscope::gui {

namespace {

// The chart's units: train loss as fitted, validation loss with the run's measured gap (no band
// until a validation pass has been seen after the warm-up).
// The law predicts the final validation loss; on the train-loss chart it is drawn less the run's
// measured validation gap (and not at all before a validation pass gave one).
widgets::ForecastBand toBand(const analysis::CurveForecast& f, const analysis::LawForecast* law, const QString& metric) {
    widgets::ForecastBand band;
    if (!f.status) return band;
    double offset = 0;
    if (metric == QLatin1String(metrics::kValLoss)) {
        if (!f.hasValOffset) return band;
        offset = f.valOffset;
    }
    for (size_t i = 0; i < f.bandSteps.size(); ++i) {
        band.steps.push_back(f.bandSteps[i]);
        band.lo.push_back(f.bandLo[i] + offset);
        band.mid.push_back(f.bandMid[i] + offset);
        band.hi.push_back(f.bandHi[i] + offset);
    }
    const bool valChart = metric == QLatin1String(metrics::kValLoss);
    if (law && law->status && (valChart || f.hasValOffset)) {
        const double shift = valChart ? 0.0 : -f.valOffset;
        band.hasLaw = true;
        band.lawLo = law->lo + shift;
        band.lawMid = law->final + shift;
        band.lawHi = law->hi + shift;
    }
    return band;
}

bool forecastable(const QString& metric) {
    return metric == QLatin1String(metrics::kTrainLoss) || metric == QLatin1String(metrics::kValLoss);
}

}  // namespace

ForecastController::ForecastController(widgets::LossChartView* chart, QObject* parent)
    : QObject(parent), m_chart(chart) {
    connect(&m_timer, &QTimer::timeout, this, [this] { tick(false); });
    connect(m_chart, &widgets::LossChartView::forecastsShownChanged, this, [this](bool shown) {
        if (shown) refreshNow();
    });
}

ForecastController::~ForecastController() {
    m_queue.clear();
    if (m_thread) m_thread->wait();
}

void ForecastController::setStore(storage::Store* store) {
    m_store = store;
    m_queue.clear();
    m_seen.clear();
    m_laws.clear();
    m_chart->clearForecasts();
    if (m_store) m_timer.start(kTickMs);
    else m_timer.stop();
}

void ForecastController::refreshNow() { tick(true); }

void ForecastController::tick(bool force) {
    if (!m_store || !m_chart->forecastsShown() || !forecastable(m_chart->metric())) return;
    if (m_chart->metric() != m_metric) {   // the chart dropped its bands with the old metric
        m_metric = m_chart->metric();
        m_seen.clear();
    }
    const bool wasBusy = busy();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const auto& model = m_chart->model();
    for (int i = 0; i < model.runCount(); ++i) {
        const auto& series = model.run(i);
        const QString key = series.info.key;
        bool queued = false;
        for (const Job& j : m_queue) queued = queued || j.key == key;
        if (queued || (m_thread && m_current.key == key)) continue;
        Seen& seen = m_seen[key];
        const long long last = series.lastStep();
        // Points not yet on the chart (it is still loading them) do not stop a forced refresh.
        if (!force && (last < 0 || last <= seen.step || now - seen.atMs < kMinIntervalMs)) continue;
        bool ok = false;
        const long long id = key.toLongLong(&ok);
        if (!ok) continue;
        auto run = workspace::loadForecastRun(*m_store, id);
        if (!run) continue;   // an unreadable config: the chart simply shows no band
        seen = {last, now};
        Job job{key, m_chart->metric(), std::move(*run), {}, {}, {}};
        // The law is refitted only when the run's family of finished runs changed.
        if (auto family = workspace::storedLawFamily(*m_store, job.run);
            family && int(family->size()) >= analysis::LawForecastOptions().minRuns &&
            m_laws.value(key).familySize != family->size())
            job.family = std::move(*family);
        m_queue.push_back(std::move(job));
    }
    if (!wasBusy && busy()) emit started();
    startNext();
}

void ForecastController::startNext() {
    if (m_thread || m_queue.isEmpty()) return;
    m_current = m_queue.takeFirst();
    // The worker only touches m_current.run/result; the GUI thread leaves m_current alone until
    // the thread's finished signal (queued to this thread) reports it done.
    m_thread = QThread::create([job = &m_current] {
        job->result = analysis::forecastFromCurve(job->run);
        if (!job->family.empty()) job->law = analysis::forecastFromLaw(job->family, job->run.params, job->run.tokens);
    });
    connect(m_thread, &QThread::finished, this, &ForecastController::deliver);
    m_thread->start(QThread::LowPriority);
}

void ForecastController::deliver() {
    m_thread->deleteLater();
    m_thread = nullptr;
    // A result for another metric than the chart's now (the user switched) is dropped.
    if (!m_current.family.empty()) m_laws[m_current.key] = {m_current.family.size(), m_current.law};
    if (m_current.metric == m_chart->metric()) {
        const auto law = m_laws.constFind(m_current.key);
        m_chart->setForecast(m_current.key,
                             toBand(m_current.result, law != m_laws.cend() ? &law->law : nullptr, m_current.metric));
    }
    startNext();
    if (!busy()) emit finished();
}

}  // namespace seqscope::gui
