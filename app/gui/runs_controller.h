// SPDX-License-Identifier: MIT
// RunsController: keeps the run browser and the live loss chart in step with the database. Runs are
// re-read every second (so runs started by the CLI or a sweep appear on their own); the metrics of
// the selected runs are tailed every 200 ms with per-run cursors, so each refresh reads only new
// rows. All reads happen on the GUI thread: SQLite WAL readers never wait for a training writer.
// Issue 20: the panel's extra columns (config fields, best val loss; remembered in Settings), the
// group-by fields that make the selected runs mean curves with bands, and Compare Configs.
#pragma once

#include <QHash>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <QVector>
#include <vector>

#include "curve_types.h"

#include "common/metric_names.h"
#include "storage/records.h"

namespace seqscope::storage {
class Store;
}
namespace seqscope::widgets {
class ConfigDiffView;
class LossChartView;
class RunBrowser;
}  // namespace seqscope::widgets

namespace seqscope::gui {

class RunTableModel;

class RunsController : public QObject {
    Q_OBJECT
public:
    static constexpr int kRunsRefreshMs = 1000;
    static constexpr int kMetricsRefreshMs = 200;   // at least 5 chart updates per second

    RunsController(widgets::RunBrowser* browser, widgets::LossChartView* chart, QObject* parent = nullptr);
    ~RunsController() override;

    void setStore(storage::Store* store);           // not owned; nullptr detaches
    void setMetric(const QString& metric);          // train_loss, val_loss, lr, ...
    QString metric() const { return m_metric; }
    void refreshNow();                              // runs and metrics, synchronously
    RunTableModel* model() const { return m_model; }
    int runningCount() const { return m_running; }
    // Group the plotted runs by these config fields, or by every field but the seed; none = no groups.
    void setGroupBy(const QStringList& fields, bool allButSeed);
    const QVector<widgets::RunCurveInfo>& curveInfos() const { return m_infos; }   // last handed to the chart
    void setExtraColumns(const QStringList& keys);   // applied to the model and remembered
    // The config diff of these runs (two or more) in a dialog; `showAll` starts it with every field.
    widgets::ConfigDiffView* compareConfigs(const QList<long long>& ids, bool showAll = false);

signals:
    void runningCountChanged(int running);
    void errorOccurred(const QString& message);

private:
    void refreshRuns();
    void refreshMetrics();
    void selectionChanged(const QList<long long>& ids);
    void deleteRuns(const QList<long long>& ids);
    void exportRuns(const QList<long long>& ids);
    void tagRuns(const QList<long long>& ids);
    QString detailsHtml(long long id) const;
    void fillGroups(QVector<widgets::RunCurveInfo>& infos, const QList<long long>& ids) const;
    bool m_rawJson = false;   // details show the config as JSON instead of properties

    widgets::RunBrowser* m_browser;
    widgets::LossChartView* m_chart;
    RunTableModel* m_model;
    storage::Store* m_store = nullptr;
    QTimer m_runsTimer, m_metricsTimer;
    QString m_metric = QLatin1String(metrics::kTrainLoss);
    std::vector<storage::MetricCursor> m_cursors;    // one per plotted run
    QHash<long long, double> m_startedAt;            // run id -> start time (s since epoch)
    int m_running = 0;
    bool m_autoSelected = false;
    QStringList m_groupFields;
    bool m_groupAllButSeed = false;
    QVector<widgets::RunCurveInfo> m_infos;   // the newest runs are selected once, so the chart is never empty at start
};

}  // namespace seqscope::gui
