// SPDX-License-Identifier: MIT
#include "overview_view.h"

#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace seqscope::widgets {
namespace {

QLabel* card(const QString& title, QLabel** body, QWidget* parent, QGridLayout* grid, int row, int col) {
    auto* frame = new QFrame(parent);
    frame->setFrameShape(QFrame::StyledPanel);
    auto* layout = new QVBoxLayout(frame);
    auto* heading = new QLabel(QStringLiteral("<b>%1</b>").arg(title), frame);
    heading->setStyleSheet(QStringLiteral("font-size: 13pt;"));
    *body = new QLabel(frame);
    (*body)->setWordWrap(true);
    (*body)->setTextFormat(Qt::RichText);
    (*body)->setTextInteractionFlags(Qt::TextSelectableByMouse);
    (*body)->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    layout->addWidget(heading);
    layout->addWidget(*body, 1);
    grid->addWidget(frame, row, col);
    return heading;
}

}  // namespace

OverviewView::OverviewView(QWidget* parent) : QWidget(parent) {
    auto* outer = new QVBoxLayout(this);
    auto* title = new QLabel(tr("<h2>Seqscope</h2><p>Compare xLSTM and Transformer scaling: train small models, "
                                "fit IsoFLOP parabolas and parametric laws, and benchmark inference against "
                                "context length.</p>"),
                             this);
    title->setWordWrap(true);
    outer->addWidget(title);
    auto* grid = new QGridLayout;
    card(tr("Workspace"), &m_workspace, this, grid, 0, 0);
    card(tr("This machine"), &m_machine, this, grid, 0, 1);
    card(tr("Getting started"), &m_gettingStarted, this, grid, 1, 0);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    outer->addLayout(grid, 1);
    m_gettingStarted->setText(
        tr("<ol><li>Open the <b>Scaling</b> view to see the paper's IsoFLOP runs and fits.</li>"
           "<li>Start a tiny run from <b>Runs &rarr; New Run</b> on the built-in corpus and watch its loss "
           "curve grow.</li>"
           "<li>Select several runs in the run browser to overlay their curves.</li></ol>"
           "<p>Everything is stored in the database shown on the left; the command-line tool "
           "<tt>seqscope-cli</tt> reads and writes the same file.</p>"));
}

void OverviewView::setFacts(const OverviewFacts& f) {
    const QLocale locale;
    QString datasets = f.datasets.isEmpty() ? tr("none") : f.datasets.join(QStringLiteral("<br>"));
    m_workspace->setText(tr("<p>Database: <tt>%1</tt></p><p>Runs: %2 (%3 running)</p>"
                            "<p>Reference datasets:<br>%4</p>")
                             .arg(f.databasePath.toHtmlEscaped(), locale.toString(f.runCount),
                                  locale.toString(f.runningCount), datasets));
    const QString cuda = f.cudaDevices.isEmpty() ? tr("no CUDA device; training and benchmarks run on the CPU")
                                                 : f.cudaDevices.join(QStringLiteral("<br>"));
    m_machine->setText(tr("<p>LibTorch %1, %2 CPU threads</p><p>%3</p><p>Seqscope mLSTM CUDA kernels: %4</p>")
                           .arg(f.torchVersion, locale.toString(f.cpuThreads), cuda,
                                f.cudaKernels ? tr("built") : tr("not built")));
}

}  // namespace seqscope::widgets
