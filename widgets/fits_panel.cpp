// SPDX-License-Identifier: MIT
#include "fits_panel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <cmath>

namespace seqscope::widgets {
namespace {

enum Column { kId, kKind, kSource, kCreated, kLabel, kColumns };

QString pretty(const QString& json) {
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8());
    return doc.isNull() ? json : QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
}

}  // namespace

FitsPanel::FitsPanel(QWidget* parent) : QWidget(parent) {
    m_table = new QTableWidget(0, kColumns, this);
    m_table->setObjectName(QStringLiteral("fitsTable"));
    m_table->setHorizontalHeaderLabels({tr("ID"), tr("Kind"), tr("Source"), tr("Fitted"), tr("Label")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSortingEnabled(false);   // newest first, as given
    m_details = new QTextBrowser(this);
    m_details->setPlaceholderText(tr("Select a fit to see its parameters and where it came from."));
    m_delete = new QPushButton(tr("Delete Fit"), this);
    m_delete->setEnabled(false);
    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->hide();

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_delete);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_error);
    layout->addWidget(splitter, 1);
    layout->addLayout(buttons);

    connect(m_table, &QTableWidget::itemSelectionChanged, this, &FitsPanel::showDetails);
    connect(m_delete, &QPushButton::clicked, this, [this] {
        const qint64 id = selectedFit();
        if (id && QMessageBox::question(this, tr("Delete Fit"), tr("Delete fit %1? Runs and datasets stay.").arg(id)) ==
                      QMessageBox::Yes)
            emit deleteRequested(id);
    });
}

void FitsPanel::setFits(const QVector<FitEntry>& fits) {
    const qint64 keep = selectedFit();
    m_fits = fits;
    m_error->hide();
    const QSignalBlocker block(m_table);
    m_table->setRowCount(int(fits.size()));
    const QLocale locale;
    for (int r = 0; r < fits.size(); ++r) {
        const FitEntry& f = fits[r];
        const QStringList cells = {QString::number(f.id), f.kind, f.source,
                                   locale.toString(f.created, QLocale::ShortFormat), f.label};
        for (int c = 0; c < kColumns; ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            item->setData(Qt::UserRole, f.id);
            if (c == kLabel) item->setToolTip(f.label);
            m_table->setItem(r, c, item);
        }
    }
    if (!selectFit(keep)) showDetails();
}

void FitsPanel::setError(const QString& message) {
    m_error->setText(tr("<b>Cannot read the fits:</b> %1").arg(message.toHtmlEscaped()));
    m_error->show();
}

qint64 FitsPanel::selectedFit() const {
    const auto rows = m_table->selectionModel() ? m_table->selectionModel()->selectedRows() : QModelIndexList{};
    return rows.isEmpty() ? 0 : rows.first().data(Qt::UserRole).toLongLong();
}

bool FitsPanel::selectFit(qint64 id) {
    for (int r = 0; id && r < m_table->rowCount(); ++r)
        if (m_table->item(r, kId)->data(Qt::UserRole).toLongLong() == id) {
            m_table->selectRow(r);
            showDetails();
            return true;
        }
    return false;
}

QString FitsPanel::detailsText() const { return m_details->toPlainText(); }

void FitsPanel::showDetails() {
    const qint64 id = selectedFit();
    m_delete->setEnabled(id != 0);
    for (const FitEntry& f : m_fits) {
        if (f.id != id) continue;
        QString html = tr("<h3>Fit %1: %2</h3><p>%3</p>").arg(f.id).arg(f.kind.toHtmlEscaped(), f.label.toHtmlEscaped());
        html += tr("<p>Source: <b>%1</b> &middot; %2 input runs &middot; fitted by Seqscope %3 on %4</p>")
                    .arg(f.source.toHtmlEscaped())
                    .arg(f.inputRuns)
                    .arg(f.version.isEmpty() ? tr("(unknown version)") : f.version.toHtmlEscaped(),
                         QLocale().toString(f.created, QLocale::LongFormat));
        if (std::isfinite(f.objective)) html += tr("<p>Objective: %1</p>").arg(f.objective, 0, 'g', 8);
        const auto block = [](const QString& title, const QString& json) {
            return QStringLiteral("<h4>%1</h4><pre>%2</pre>").arg(title, pretty(json).toHtmlEscaped());
        };
        html += block(tr("Parameters"), f.paramsJson) + block(tr("Options"), f.optionsJson) +
                block(tr("Selection"), f.selectionJson);
        m_details->setHtml(html);
        return;
    }
    m_details->clear();
}

}  // namespace seqscope::widgets
