// SPDX-License-Identifier: MIT
#include "workbench.h"

#include <QApplication>
#include <QMessageBox>

#include "engine/device_info.h"
#include "main_window.h"
#include "overview_view.h"
#include "scaling_view.h"
#include "settings.h"
#include "status_text.h"
#include "storage/store.h"
#include "workspace/scaling_points.h"
#include "workspace/workspace.h"

namespace seqscope::gui {

namespace {
const char* kPaperDataset = "xlstm-paper";
}

Workbench::Workbench(MainWindow* window)
    : QObject(window), m_window(window), m_overview(new OverviewView(window)), m_scaling(new ScalingView(window)) {
    m_window->addView(QStringLiteral("overview"), tr("Overview"), m_overview);
    m_window->addView(QStringLiteral("scaling"), tr("Scaling"), m_scaling);
    connect(m_window, &MainWindow::openDatabaseRequested, this, [this](const QString& path) {
        QString error;
        if (!openDatabase(path, &error)) QMessageBox::warning(m_window, tr("Cannot Open Database"), error);
    });
}

Workbench::~Workbench() = default;

bool Workbench::openDatabase(const QString& path, QString* error) {
    auto opened = workspace::openWorkspace(path.toStdString());
    if (!opened) {
        *error = tr("Cannot open '%1': %2").arg(path, statusText(opened.status()));
        return false;
    }
    m_store = std::move(opened.value());
    m_window->setDatabasePath(path);
    Settings::setLastDatabase(path);
    refreshOverview();
    loadScalingData();
    return true;
}

void Workbench::refreshOverview() {
    OverviewFacts facts;
    facts.databasePath = QString::fromStdString(m_store->path());
    if (auto runs = m_store->runs()) {
        facts.runCount = int(runs->size());
        for (const auto& r : *runs)
            if (r.status == storage::RunStatus::Running) ++facts.runningCount;
    }
    if (auto datasets = m_store->referenceDatasets())
        for (const auto& d : *datasets) {
            auto rows = m_store->resultRows(d.name);
            facts.datasets << tr("<b>%1</b>: %2 (%3 rows)")
                                  .arg(QString::fromStdString(d.name), QString::fromStdString(d.title).toHtmlEscaped())
                                  .arg(rows ? int(rows->size()) : 0);
        }
    const auto info = engine::deviceInfo();
    facts.torchVersion = QString::fromStdString(info.torchVersion);
    facts.cpuThreads = info.cpuThreads;
    facts.cudaKernels = info.cudaKernels;
    for (const auto& d : info.cudaDevices)
        facts.cudaDevices << tr("%1 (%2 GiB)").arg(QString::fromStdString(d.name)).arg(d.memoryGiB, 0, 'f', 0);
    m_overview->setFacts(facts);
}

void Workbench::loadScalingData() {
    auto rows = m_store->resultRows(kPaperDataset);
    if (!rows) {
        m_scaling->setLoadError(statusText(rows.status()));
        return;
    }
    workspace::PointFilter filter;
    filter.includeExcluded = true;   // the view decides, per its checkbox, whether excluded runs count
    QString title = QString::fromLatin1(kPaperDataset);
    if (auto datasets = m_store->referenceDatasets())
        for (const auto& d : *datasets)
            if (d.name == kPaperDataset) title = QString::fromStdString(d.title);
    m_scaling->setPoints(title, workspace::toScalingPoints(*rows, filter));
}

}  // namespace seqscope::gui
