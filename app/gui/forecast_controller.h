// SPDX-License-Identifier: MIT
// ForecastController: final-loss forecasts for the runs on the loss chart (issue 13). While the
// chart's Forecast toggle is on and it plots train_loss or val_loss, every plotted run is forecast
// from its own curve (analysis/loss_forecast.h, the curve method) at most once per kMinIntervalMs
// and only when it logged new steps; and, when the database holds enough finished runs of its
// architecture and context, by the L(N, D) law fitted to them (the law method; refitted only when
// that family changes, since it does not depend on the run's own progress). The run's curve is read on the GUI thread (one short WAL read);
// the fit runs on a worker QThread, one job at a time, on a copy of the run; results come back by
// a queued signal as ForecastBand values for the chart. The destructor waits for the job in flight
// (a fit takes well under a second).
#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>

#include "analysis/loss_forecast.h"

class QThread;

namespace seqscope::storage {
class Store;
}
namespace seqscope::widgets {
class LossChartView;
}

namespace seqscope::gui {

class ForecastController : public QObject {
    Q_OBJECT
public:
    static constexpr int kTickMs = 1000;          // how often plotted runs are checked
    static constexpr int kMinIntervalMs = 5000;   // per run: at most one forecast per 5 s

    explicit ForecastController(widgets::LossChartView* chart, QObject* parent = nullptr);
    ~ForecastController() override;

    void setStore(storage::Store* store);   // not owned; nullptr detaches and drops the bands
    // Queues every plotted run now, ignoring the interval (the toggle switched on, a screenshot).
    void refreshNow();
    bool busy() const { return m_thread != nullptr || !m_queue.isEmpty(); }

signals:
    void started();    // a batch of forecasts began (busy() turned true)
    void finished();   // the last queued forecast was handed to the chart

private:
    struct Job {
        QString key;
        QString metric;
        analysis::ForecastRun run;
        analysis::CurveForecast result;
        std::vector<analysis::ScalingPoint> family;   // empty: the law is cached or has too few runs
        analysis::LawForecast law;
    };
    struct LawCache {
        size_t familySize = 0;
        analysis::LawForecast law;
    };
    void tick(bool force);
    void startNext();
    void deliver();

    widgets::LossChartView* m_chart;
    storage::Store* m_store = nullptr;
    QTimer m_timer;
    QList<Job> m_queue;
    Job m_current;
    QThread* m_thread = nullptr;
    struct Seen {
        long long step = -1;
        qint64 atMs = 0;
    };
    QHash<QString, Seen> m_seen;   // per run key: the last step forecast and when
    QString m_metric;              // the chart metric m_seen belongs to
    QHash<QString, LawCache> m_laws;   // per run key: the law forecast and the family it was fitted to
};

}  // namespace seqscope::gui
