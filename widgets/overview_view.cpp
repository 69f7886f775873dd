// SPDX-License-Identifier: MIT
#include "overview_view.h"

#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

#include "run_colors.h"

namespace seqscope::widgets {
namespace {

QString duration(double seconds) {
    if (!std::isfinite(seconds)) return QStringLiteral("–");
    const int s = int(std::lround(seconds));
    if (s >= 3600) return OverviewView::tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
    if (s >= 60) return OverviewView::tr("%1 min %2 s").arg(s / 60).arg(s % 60);
    return OverviewView::tr("%1 s").arg(s);
}

QFrame* card(QWidget* parent) {
    auto* frame = new QFrame(parent);
    frame->setFrameShape(QFrame::StyledPanel);
    return frame;
}

QLabel* heading(const QString& text, QWidget* parent) {
    auto* label = new QLabel(QStringLiteral("<b>%1</b>").arg(text), parent);
    QFont f = label->font();
    f.setPointSizeF(f.pointSizeF() * 1.15);
    label->setFont(f);
    return label;
}

}  // namespace

OverviewView::OverviewView(QWidget* parent) : QWidget(parent) {
    // ---- what this is, and the three ways in ----
    auto* title = new QLabel(tr("<span style='font-size:15pt; font-weight:600'>xLSTM against Transformer, "
                                "measured</span><br>Train small language models of both architectures, fit the "
                                "scaling laws of Beck et al. (2025) to them or to the paper's runs, and see why the "
                                "xLSTM's inference cost stays flat as context grows."),
                             this);
    title->setWordWrap(true);
    m_demo = new QPushButton(tr("Run the 10-minute demo"), this);
    m_demo->setObjectName(QStringLiteral("overviewDemo"));
    QFont big = m_demo->font();
    big.setPointSizeF(big.pointSizeF() * 1.2);
    big.setBold(true);
    m_demo->setFont(big);
    m_demo->setMinimumHeight(m_demo->sizeHint().height() * 14 / 10);
    m_demo->setToolTip(tr("A small IsoFLOP sweep of both architectures sized to this machine's measured speed: "
                          "watch the loss curves, then the parabolas and the frontier appear in the Scaling view"));
    connect(m_demo, &QPushButton::clicked, this, &OverviewView::demoRequested);
    auto* tour = new QPushButton(tr("Take the tour"), this);
    tour->setObjectName(QStringLiteral("overviewTour"));
    tour->setToolTip(tr("The paper's findings in ten steps, on the built-in data (Help > Tour)"));
    connect(tour, &QPushButton::clicked, this, &OverviewView::tourRequested);
    auto* calculator = new QPushButton(tr("Open the calculator"), this);
    calculator->setToolTip(tr("Parameters, FLOPs, memory and decode time of both architectures for any size"));
    connect(calculator, &QPushButton::clicked, this, [this] { emit viewRequested(QStringLiteral("calculator")); });
    m_demoText = new QLabel(this);
    m_demoText->setWordWrap(true);
    m_demoText->setForegroundRole(QPalette::PlaceholderText);
    auto* actions = new QVBoxLayout;
    actions->addWidget(m_demo);
    actions->addWidget(m_demoText);
    auto* smaller = new QHBoxLayout;
    smaller->addWidget(tour);
    smaller->addWidget(calculator);
    actions->addLayout(smaller);
    auto* top = new QHBoxLayout;
    top->addWidget(title, 3);
    top->addSpacing(16);
    top->addLayout(actions, 2);

    // ---- live thumbnails ----
    const QStringList captions = {tr("Scaling laws: IsoFLOP and frontier"), tr("Loss curves: your runs, live"),
                                  tr("Inference: time against context")};
    auto* thumbs = new QHBoxLayout;
    for (int i = 0; i < 3; ++i) {
        auto* button = new QToolButton(this);
        button->setObjectName(QStringLiteral("thumbnail-") + thumbnailIds()[i]);
        button->setToolButtonStyle(Qt::ToolButtonTextUnderIcon);
        button->setText(captions[i]);
        button->setToolTip(i == 0 ? tr("The paper's IsoFLOP profiles with their parabolas, and the compute-optimal frontier")
                           : i == 1 ? tr("Loss curves of your runs as they train")
                                    : tr("Decode step time and time to first token against context, H100 or this machine"));
        button->setAutoRaise(true);
        button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
        button->setMinimumSize(160, 110);
        const QString id = thumbnailIds()[i];
        connect(button, &QToolButton::clicked, this, [this, id] { emit viewRequested(id); });
        thumbs->addWidget(button, 1);
        m_thumbs << button;
        m_pictures << QPixmap();
    }

    // ---- runs ----
    auto* runsCard = card(this);
    auto* runsLayout = new QVBoxLayout(runsCard);
    runsLayout->addWidget(heading(tr("Runs"), runsCard));
    m_runs = new QTableWidget(0, 4, runsCard);
    m_runs->setObjectName(QStringLiteral("overviewRuns"));
    m_runs->setHorizontalHeaderLabels({tr("Run"), tr("Status"), tr("Progress"), tr("ETA / final loss")});
    m_runs->verticalHeader()->hide();
    m_runs->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_runs->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_runs->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int c = 1; c < 4; ++c) m_runs->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    connect(m_runs, &QTableWidget::cellDoubleClicked, this,
            [this](int row, int) { emit runActivated(m_runs->item(row, 0)->data(Qt::UserRole).toLongLong()); });
    m_noRuns = new QLabel(tr("No runs yet. Start the demo, or a run from Runs > New Run."), runsCard);
    m_noRuns->setWordWrap(true);
    m_noRuns->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    runsLayout->addWidget(m_runs, 1);
    runsLayout->addWidget(m_noRuns, 1);

    auto* factsCard = card(this);
    auto* factsLayout = new QVBoxLayout(factsCard);
    factsLayout->addWidget(heading(tr("Workspace and machine"), factsCard));
    m_facts = new QLabel(factsCard);
    m_facts->setWordWrap(true);
    m_facts->setTextFormat(Qt::RichText);
    m_facts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_facts->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    factsLayout->addWidget(m_facts, 1);

    auto* bottom = new QHBoxLayout;
    bottom->addWidget(runsCard, 3);
    bottom->addWidget(factsCard, 2);

    auto* outer = new QVBoxLayout(this);
    outer->addLayout(top);
    outer->addLayout(thumbs, 3);
    outer->addLayout(bottom, 2);
}

void OverviewView::setThumbnail(const QString& id, const QPixmap& picture) {
    const int i = int(thumbnailIds().indexOf(id));
    if (i < 0) return;
    m_pictures[i] = picture;
    updateThumbnailIcons();
}

void OverviewView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    updateThumbnailIcons();
}

void OverviewView::updateThumbnailIcons() {
    for (int i = 0; i < m_thumbs.size(); ++i) {
        QToolButton* b = m_thumbs[i];
        const int textHeight = b->fontMetrics().height() * 2;
        const QSize room(std::max(80, b->width() - 12), std::max(50, b->height() - textHeight - 12));
        if (m_pictures[i].isNull()) continue;
        const QPixmap scaled = m_pictures[i].scaled(room * b->devicePixelRatioF(), Qt::KeepAspectRatio, Qt::SmoothTransformation);
        b->setIcon(QIcon(scaled));
        b->setIconSize(scaled.size() / b->devicePixelRatioF());
    }
}

void OverviewView::setFacts(const OverviewFacts& f) {
    const QLocale locale;
    m_demo->setEnabled(f.demoAvailable);
    m_demoText->setText(f.demoText);

    m_runs->setRowCount(0);
    for (const OverviewRun& r : f.runs) {
        const int row = m_runs->rowCount();
        m_runs->insertRow(row);
        auto* name = new QTableWidgetItem(QStringLiteral("#%1  %2").arg(r.id).arg(r.name));
        name->setData(Qt::UserRole, r.id);
        name->setForeground(archColor(r.arch));
        m_runs->setItem(row, 0, name);
        m_runs->setItem(row, 1, new QTableWidgetItem(r.status));
        if (r.active && std::isfinite(r.progress)) {
            auto* bar = new QProgressBar(m_runs);
            bar->setRange(0, 1000);
            bar->setValue(int(std::lround(1000 * std::clamp(r.progress, 0.0, 1.0))));
            bar->setFormat(QStringLiteral("%1 %").arg(locale.toString(100 * r.progress, 'f', 0)));
            m_runs->setCellWidget(row, 2, bar);
        } else {
            m_runs->setItem(row, 2, new QTableWidgetItem(r.active ? tr("waiting") : QString()));
        }
        const QString last = r.active ? duration(r.etaSeconds)
                                      : std::isfinite(r.finalLoss) ? tr("loss %1").arg(locale.toString(r.finalLoss, 'f', 3))
                                                                   : QStringLiteral("–");
        m_runs->setItem(row, 3, new QTableWidgetItem(last));
    }
    m_runs->setVisible(!f.runs.isEmpty());
    m_noRuns->setVisible(f.runs.isEmpty());

    const QString datasets = f.datasets.isEmpty() ? tr("none") : f.datasets.join(QStringLiteral("<br>"));
    const QString cuda = f.cudaDevices.isEmpty() ? tr("no CUDA device: training and benchmarks run on the CPU")
                                                 : f.cudaDevices.join(QStringLiteral(", "));
    m_facts->setText(tr("<p>Runs: %1 (%2 running)<br>Reference data:<br>%3</p>"
                        "<p>LibTorch %4, %5 CPU threads; %6; mLSTM CUDA kernels %7</p>"
                        "<p>Database: <tt>%8</tt><br>The command-line tool <tt>seqscope-cli</tt> reads and writes "
                        "the same file.</p>")
                         .arg(locale.toString(f.runCount), locale.toString(f.runningCount), datasets, f.torchVersion,
                              locale.toString(f.cpuThreads), cuda, f.cudaKernels ? tr("built") : tr("not built"),
                              f.databasePath.toHtmlEscaped()));
}

}  // namespace seqscope::widgets
