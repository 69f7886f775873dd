// SPDX-License-Identifier: MIT
#include "params_controller.h"

#include <cmath>

#include "common/metric_names.h"
#include "runs/config_fields.h"
#include "status_text.h"
#include "storage/csv.h"
#include "storage/store.h"

namespace seqscope::gui {

namespace {

void addNumber(widgets::ParamsRun& run, const QString& field, double value) {
    if (!(value > 0)) return;   // unknown (not yet logged, or not recorded) rather than zero
    run.number.insert(field, value);
    run.text.insert(field, QString::fromStdString(storage::csv::formatNumber(value)));
}

}  // namespace

ParamsController::ParamsController(widgets::ParamsView* view, QObject* parent) : QObject(parent), m_view(view) {}

void ParamsController::setStore(storage::Store* store) {
    m_store = store;
    runsChanged();
}

void ParamsController::runsChanged() {
    if (!m_store) {
        m_view->setRuns({});
        return;
    }
    QString error;
    const QVector<widgets::ParamsRun> runs = load(*m_store, &error);
    if (!error.isEmpty()) emit errorOccurred(error);
    m_view->setRuns(runs);
}

QVector<widgets::ParamsRun> ParamsController::load(storage::Store& store, QString* error) {
    QVector<widgets::ParamsRun> out;
    auto records = store.runs();
    if (!records) {
        *error = statusText(records.status());
        return out;
    }
    for (const auto& rec : *records) {
        auto summary = store.metricSummary(rec.id);
        if (!summary) {
            *error = statusText(summary.status());
            continue;
        }
        widgets::ParamsRun run;
        long long lastStep = -1;
        for (const auto& s : *summary) {
            if (s.name == metrics::kValLoss) {
                run.finalValLoss = s.lastValue;
                run.bestValLoss = s.minValue;
            } else if (s.name == metrics::kTrainLoss) {
                run.finalTrainLoss = s.lastValue;
                lastStep = s.lastStep;
            }
        }
        if (!std::isfinite(run.finalValLoss) && !std::isfinite(run.finalTrainLoss)) continue;   // nothing to plot
        run.id = rec.id;
        run.name = QString::fromStdString(rec.name.empty() ? rec.arch : rec.name);
        run.arch = QString::fromStdString(rec.arch);
        // A config that does not parse leaves the run with N, D and C only; it still has a loss.
        if (auto flat = runs::flattenConfig(rec.configJson))
            for (const auto& [path, value] : *flat) {
                if (runs::isRunLocalField(path)) continue;
                const QString key = QString::fromStdString(path);
                run.text.insert(key, QString::fromStdString(value.text));
                if (value.isNumber()) run.number.insert(key, value.number);
            }
        addNumber(run, QStringLiteral("N"), rec.params);
        if (lastStep >= 0)
            if (auto last = store.metricsAfterStep({rec.id}, lastStep - 1, {metrics::kTrainLoss}); last && !last->empty()) {
                addNumber(run, QStringLiteral("D"), double(last->back().tokens));
                addNumber(run, QStringLiteral("C"), last->back().flops);
            }
        out << run;
    }
    return out;
}

}  // namespace seqscope::gui
