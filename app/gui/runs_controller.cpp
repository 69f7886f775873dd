// SPDX-License-Identifier: MIT
#include "runs_controller.h"

#include <QFileDialog>
#include <QInputDialog>
#include <QJsonDocument>
#include <QMessageBox>
#include <QSet>
#include <cmath>
#include <fstream>

#include "config_diff.h"
#include "loss_chart_view.h"
#include "run_browser.h"
#include "run_details.h"
#include "run_table_model.h"
#include "runs/config_fields.h"
#include "settings.h"
#include "status_text.h"
#include "storage/interchange.h"
#include "storage/store.h"

namespace seqscope::gui {

RunsController::RunsController(widgets::RunBrowser* browser, widgets::LossChartView* chart, QObject* parent)
    : QObject(parent), m_browser(browser), m_chart(chart), m_model(new RunTableModel(this)) {
    m_browser->setModel(m_model, RunTableModel::RunIdRole, RunTableModel::SortRole);
    m_chart->setMetric(m_metric);
    connect(m_browser, &widgets::RunBrowser::selectionChanged, this, &RunsController::selectionChanged);
    connect(m_browser, &widgets::RunBrowser::deleteRequested, this, &RunsController::deleteRuns);
    connect(m_browser, &widgets::RunBrowser::exportRequested, this, &RunsController::exportRuns);
    connect(m_browser, &widgets::RunBrowser::tagRequested, this, &RunsController::tagRuns);
    connect(m_browser, &widgets::RunBrowser::compareConfigsRequested, this, [this](const QList<long long>& ids) {
        if (auto* view = compareConfigs(ids)) {
            view->setAttribute(Qt::WA_DeleteOnClose);
            view->show();
        }
    });
    m_browser->setFieldNamesRole(RunTableModel::FieldNamesRole);
    m_browser->setExtraColumnChoices({{QLatin1String(kBestValLossColumn), RunTableModel::extraColumnTitle(QLatin1String(kBestValLossColumn))}});
    connect(m_browser, &widgets::RunBrowser::extraColumnsChanged, this, &RunsController::setExtraColumns);
    connect(m_browser, &widgets::RunBrowser::groupByChanged, this, &RunsController::setGroupBy);
    setExtraColumns(Settings::runColumns());
    connect(m_browser, &widgets::RunBrowser::detailsLinkActivated, this, [this](const QUrl& url) {
        m_rawJson = url.toString() == QLatin1String(kDetailsJsonLink);
        const QList<long long> ids = m_browser->selectedRunIds();
        if (ids.size() == 1) m_browser->setDetailsHtml(detailsHtml(ids.first()));
    });
    connect(&m_runsTimer, &QTimer::timeout, this, &RunsController::refreshRuns);
    connect(&m_metricsTimer, &QTimer::timeout, this, &RunsController::refreshMetrics);
}

RunsController::~RunsController() = default;

void RunsController::setStore(storage::Store* store) {
    m_store = store;
    m_autoSelected = false;
    m_cursors.clear();
    m_chart->setRuns({});
    m_model->setRows({});
    if (!m_store) {
        m_runsTimer.stop();
        m_metricsTimer.stop();
        return;
    }
    refreshRuns();
    m_runsTimer.start(kRunsRefreshMs);
    m_metricsTimer.start(kMetricsRefreshMs);
}

void RunsController::setMetric(const QString& metric) {
    if (metric == m_metric) return;
    m_metric = metric;
    m_chart->setMetric(metric);   // drops the points of the previous metric
    for (auto& c : m_cursors) c.afterSeq = 0;
    refreshMetrics();
}

void RunsController::refreshNow() {
    refreshRuns();
    refreshMetrics();
}

void RunsController::refreshRuns() {
    if (!m_store) return;
    auto runs = m_store->runs();
    if (!runs) {
        emit errorOccurred(statusText(runs.status()));
        return;
    }
    std::vector<RunRow> rows;
    rows.reserve(runs->size());
    int running = 0;
    QSet<long long> statusChanged;   // runs whose status moved on since the last refresh
    for (auto& run : *runs) {
        RunRow row;
        // Final losses come from the metric summary; a finished run's summary never changes, so
        // reuse the previous row's values unless the run is still live or new.
        const RunRow* previous = m_model->rowForId(run.id);
        const bool live = run.status == storage::RunStatus::Running || run.status == storage::RunStatus::Queued;
        if (previous && previous->run.status != run.status) statusChanged.insert(run.id);
        if (previous && !live && previous->run.status == run.status) {
            row = *previous;
        } else if (auto summary = m_store->metricSummary(run.id)) {
            for (const auto& s : *summary) {
                if (s.name == metrics::kTrainLoss) row.trainLoss = s.lastValue;
                if (s.name == metrics::kValLoss) {
                    row.valLoss = s.lastValue;
                    row.bestValLoss = s.minValue;
                }
                row.lastStep = std::max(row.lastStep, s.lastStep);
            }
            if (auto last = m_store->metricsAfterStep({run.id}, row.lastStep - 1, {metrics::kTrainLoss}); last && !last->empty()) {
                row.tokens = last->back().tokens;
                row.flops = last->back().flops;
            }
        }
        if (previous && previous->run.configJson == run.configJson) {
            row.config = previous->config;   // parsed once per config, not once a second
        } else {
            // A config that does not parse has no fields: its run joins no column or group by value.
            auto flat = runs::flattenConfig(run.configJson);
            row.config = flat ? std::move(*flat) : runs::FlatConfig();
        }
        if (run.status == storage::RunStatus::Running) ++running;
        m_startedAt.insert(run.id, run.startedAt > 0 ? run.startedAt : run.createdAt);
        row.run = std::move(run);
        rows.push_back(std::move(row));
    }
    m_model->setRows(std::move(rows));
    // A plotted run that finished (or failed): its details and its legend's "live" mark follow.
    const QList<long long> selected = m_browser->selectedRunIds();
    for (long long id : selected)
        if (statusChanged.contains(id)) {
            selectionChanged(selected);
            break;
        }
    if (!m_autoSelected && m_model->rowCount() > 0) {
        m_autoSelected = true;
        QList<long long> newest;
        for (int row = m_model->rowCount() - 1; row >= 0 && newest.size() < 4; --row)
            newest << m_model->index(row, 0).data(RunTableModel::RunIdRole).toLongLong();
        m_browser->selectRuns(newest);
    }
    if (running != m_running) {
        m_running = running;
        emit runningCountChanged(running);
    }
}

void RunsController::selectionChanged(const QList<long long>& ids) {
    QVector<widgets::RunCurveInfo> infos;
    std::vector<storage::MetricCursor> cursors;
    for (long long id : ids) {
        const RunRow* row = m_model->rowForId(id);
        if (!row) continue;
        widgets::RunCurveInfo info;
        info.key = QString::number(id);
        const QString name = QString::fromStdString(row->run.name.empty() ? row->run.arch : row->run.name);
        info.label = tr("#%1 %2").arg(id).arg(name);
        info.live = row->run.status == storage::RunStatus::Running;
        infos.append(info);
        // Keep the cursor of a run that stays plotted: its points are already in the chart.
        storage::MetricCursor cursor{id, 0};
        for (const auto& c : m_cursors)
            if (c.runId == id) cursor = c;
        cursors.push_back(cursor);
    }
    m_cursors = std::move(cursors);
    fillGroups(infos, ids);
    m_infos = infos;
    m_chart->setRuns(infos);
    m_browser->setDetailsHtml(ids.size() == 1 ? detailsHtml(ids.first())
                                              : tr("<p>%n runs selected; their curves are overlaid.</p>", nullptr, int(ids.size())));
    refreshMetrics();
}

void RunsController::refreshMetrics() {
    if (!m_store || m_cursors.empty()) return;
    auto rows = m_store->metricsAfterSeq(m_cursors, {m_metric.toStdString()});
    if (!rows) {
        emit errorOccurred(statusText(rows.status()));
        return;
    }
    if (rows->empty()) return;
    QHash<long long, QVector<widgets::CurvePoint>> byRun;
    for (const auto& r : *rows) {
        widgets::CurvePoint p;
        p.step = r.step;
        p.tokens = double(r.tokens);
        p.flops = r.flops;
        p.wallTime = m_startedAt.value(r.runId) + r.wallTime;   // the chart wants seconds since the epoch
        p.value = r.value;
        byRun[r.runId].append(p);
    }
    for (auto it = byRun.cbegin(); it != byRun.cend(); ++it) m_chart->appendPoints(QString::number(it.key()), it.value());
}

void RunsController::setGroupBy(const QStringList& fields, bool allButSeed) {
    m_groupFields = allButSeed ? QStringList() : fields;
    m_groupAllButSeed = allButSeed;
    m_browser->setGroupBy(m_groupFields, allButSeed);
    selectionChanged(m_browser->selectedRunIds());
}

// Group keys over the plotted runs only: "everything but the seed" takes the fields these runs have,
// and a label names just the fields that tell these groups apart.
void RunsController::fillGroups(QVector<widgets::RunCurveInfo>& infos, const QList<long long>& ids) const {
    if (!m_groupAllButSeed && m_groupFields.isEmpty()) return;
    std::vector<runs::FlatConfig> configs;   // aligned with infos: both skip ids without a row
    for (long long id : ids)
        if (const RunRow* row = m_model->rowForId(id)) configs.push_back(row->config);
    std::vector<std::string> fields;
    if (m_groupAllButSeed) fields = runs::fieldsButSeed(configs);
    else
        for (const QString& f : m_groupFields) fields.push_back(f.toStdString());
    for (const runs::RunGroup& g : runs::groupRuns(configs, fields)) {
        const QString label = g.label.empty() ? tr("all runs") : QString::fromStdString(g.label);
        const QString text = g.members.size() == 1 ? tr("%1 (1 run)").arg(label) : tr("%1 (%2 runs)").arg(label).arg(g.members.size());
        for (size_t m : g.members) {
            widgets::RunCurveInfo& info = infos[int(m)];
            info.group = QString::fromStdString(g.key);
            info.groupLabel = text;
        }
    }
}

void RunsController::setExtraColumns(const QStringList& keys) {
    m_model->setExtraColumns(keys);
    m_browser->setExtraColumns(m_model->extraColumns());
    Settings::setRunColumns(m_model->extraColumns());
}

widgets::ConfigDiffView* RunsController::compareConfigs(const QList<long long>& ids, bool showAll) {
    std::vector<runs::FlatConfig> configs;
    QStringList titles;
    for (long long id : ids)
        if (const RunRow* row = m_model->rowForId(id)) {
            configs.push_back(row->config);
            titles << tr("#%1 %2").arg(id).arg(QString::fromStdString(row->run.name.empty() ? row->run.arch : row->run.name));
        }
    if (configs.size() < 2) return nullptr;
    QVector<widgets::ConfigDiffField> fields;
    for (const runs::ConfigDiffRow& r : runs::diffConfigs(configs, false)) {
        widgets::ConfigDiffField f;
        f.field = QString::fromStdString(r.field);
        f.differs = r.differs;
        for (const auto& v : r.values) {
            f.values << (v ? QString::fromStdString(*v) : QString());
            f.present << v.has_value();
        }
        fields << f;
    }
    auto* view = new widgets::ConfigDiffView(m_browser);
    view->setData(titles, fields);
    view->setShowAll(showAll);
    return view;
}

QString RunsController::detailsHtml(long long id) const {
    const RunRow* row = m_model->rowForId(id);
    return row ? RunDetails::html(row->run, m_rawJson) : QString();
}

void RunsController::deleteRuns(const QList<long long>& ids) {
    if (!m_store) return;
    const auto answer = QMessageBox::question(m_browser, tr("Delete Runs"),
                                              tr("Delete %n run(s) and all their metrics? This cannot be undone.", nullptr,
                                                 int(ids.size())));
    if (answer != QMessageBox::Yes) return;
    const Status status = m_store->transact([&]() -> Status {
        for (long long id : ids)
            if (Status s = m_store->deleteRun(id); !s.isOk()) return s;
        return {};
    });
    if (!status.isOk()) emit errorOccurred(statusText(status));
    refreshRuns();
}

void RunsController::exportRuns(const QList<long long>& ids) {
    if (!m_store) return;
    const QString path = QFileDialog::getSaveFileName(m_browser, tr("Export Runs"), QStringLiteral("runs.json"),
                                                      tr("JSON (*.json)"));
    if (path.isEmpty()) return;
    storage::ExportOptions options;
    options.runIds.assign(ids.begin(), ids.end());
    auto bundle = storage::loadBundle(*m_store, options);
    if (!bundle) {
        emit errorOccurred(statusText(bundle.status()));
        return;
    }
    std::ofstream out(path.toStdString());
    const Status written = out ? storage::writeBundleJson(*bundle, out)
                               : Status::io("cannot write '" + path.toStdString() + "'");
    if (!written.isOk()) emit errorOccurred(statusText(written));
}

void RunsController::tagRuns(const QList<long long>& ids) {
    if (!m_store) return;
    bool ok = false;
    const QString tag = QInputDialog::getText(m_browser, tr("Add Tag"), tr("Tag for %n run(s):", nullptr, int(ids.size())),
                                              QLineEdit::Normal, {}, &ok)
                            .trimmed();
    if (!ok || tag.isEmpty()) return;
    for (long long id : ids)
        if (Status s = m_store->addRunTags(id, {tag.toStdString()}); !s.isOk()) emit errorOccurred(statusText(s));
    refreshRuns();
}

}  // namespace seqscope::gui
