// SPDX-License-Identifier: MIT
#include "fits_controller.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

#include "fits_panel.h"
#include "status_text.h"
#include "storage/store.h"

namespace seqscope::gui {
namespace {

widgets::FitEntry toEntry(const storage::FitRecord& r) {
    widgets::FitEntry e;
    e.id = r.id;
    e.kind = QString::fromStdString(r.kind);
    e.label = QString::fromStdString(r.label);
    e.objective = r.objective;
    e.inputRuns = int(r.inputRuns.size());
    e.created = QDateTime::fromMSecsSinceEpoch(qint64(r.createdAt * 1000.0));
    e.paramsJson = QString::fromStdString(r.paramsJson);
    e.optionsJson = QString::fromStdString(r.optionsJson);
    e.selectionJson = QString::fromStdString(r.selectionJson);
    const QJsonObject selection = QJsonDocument::fromJson(e.selectionJson.toUtf8()).object();
    for (const char* key : {"source", "dataset", "csv"})
        if (selection.contains(QLatin1String(key))) {
            e.source = selection.value(QLatin1String(key)).toString();
            break;
        }
    if (!e.inputRuns) e.inputRuns = selection.value(QLatin1String("runs")).toInt();
    e.version = selection.value(QLatin1String("seqscope_version")).toString();
    return e;
}

}  // namespace

FitsController::FitsController(widgets::FitsPanel* panel, QObject* parent) : QObject(parent), m_panel(panel) {
    connect(m_panel, &widgets::FitsPanel::deleteRequested, this, &FitsController::deleteFit);
    m_timer.setInterval(kRefreshMs);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (m_panel->isVisible()) refresh();   // hidden behind another tab: nothing to keep current
    });
}

void FitsController::setStore(storage::Store* store) {
    m_store = store;
    m_lastCount = m_lastId = -1;
    if (m_store) m_timer.start();
    else m_timer.stop();
    refresh();
}

void FitsController::refresh() {
    if (!m_store) return m_panel->setFits({});
    auto fits = m_store->fits();
    if (!fits) return m_panel->setError(statusText(fits.status()));
    const qint64 count = qint64(fits->size()), lastId = fits->empty() ? 0 : fits->back().id;
    if (count == m_lastCount && lastId == m_lastId) return;
    m_lastCount = count;
    m_lastId = lastId;
    QVector<widgets::FitEntry> entries;
    entries.reserve(qsizetype(fits->size()));
    for (const auto& f : *fits) entries.append(toEntry(f));
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.id > b.id; });   // newest first
    m_panel->setFits(entries);
}

void FitsController::deleteFit(qint64 id) {
    if (!m_store) return;
    const Status status = m_store->deleteFit(id);
    if (!status.isOk()) return m_panel->setError(statusText(status));
    m_lastCount = -1;
    refresh();
}

}  // namespace seqscope::gui
