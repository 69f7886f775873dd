// SPDX-License-Identifier: MIT
#include "parametric_side_panel.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>
#include <cmath>

#include "parametric_fit_charts.h"
#include "scaling_plot_data.h"

namespace seqscope::widgets {
namespace {

// Four significant digits, or scientific for large and small magnitudes (A, B reach 1e7).
QString number(double v) {
    const double a = std::fabs(v);
    return (a != 0 && (a >= 1e5 || a < 1e-3)) ? QString::number(v, 'e', 3) : QString::number(v, 'g', 4);
}

QString percent(double fraction) {
    return QStringLiteral("%1%2 %").arg(fraction > 0 ? QStringLiteral("+") : QString()).arg(100.0 * fraction, 0, 'f', 2);
}

}  // namespace

ParametricSidePanel::ParametricSidePanel(QWidget* parent) : QWidget(parent) {
    m_coefficients = new QLabel(this);
    m_coefficients->setObjectName(QStringLiteral("parametricCoefficients"));
    m_coefficients->setTextFormat(Qt::RichText);
    m_coefficients->setWordWrap(true);
    m_coefficients->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_coefficients->setAlignment(Qt::AlignTop | Qt::AlignLeft);

    auto* holdoutTitle = new QLabel(tr("<b>Leave one budget out</b>"), this);
    holdoutTitle->setToolTip(tr("Each row refits the law without one budget's runs and predicts them: the error "
                                "you would have made had you stopped one budget earlier."));
    m_holdouts = new QTableWidget(0, 4, this);
    m_holdouts->setObjectName(QStringLiteral("holdoutTable"));
    const QStringList headers = {tr("Left out"), tr("Runs"), tr("Mean err."), tr("Max |err.|")};
    const QStringList headerTips = {tr("The budget fitted without, then predicted"), tr("Its runs"),
                                    tr("Mean of predicted / observed - 1 over its runs"),
                                    tr("Largest |predicted / observed - 1| among its runs")};
    for (int c = 0; c < headers.size(); ++c) {
        auto* item = new QTableWidgetItem(headers[c]);
        item->setToolTip(headerTips[c]);
        m_holdouts->setHorizontalHeaderItem(c, item);
    }
    m_holdouts->verticalHeader()->setVisible(false);
    m_holdouts->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_holdouts->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_holdouts->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_holdouts->setSelectionMode(QAbstractItemView::NoSelection);
    m_holdouts->setFocusPolicy(Qt::NoFocus);
    m_holdouts->setMaximumHeight(104);

    m_deltaTitle = new QLabel(this);
    m_deltaTitle->setTextFormat(Qt::RichText);
    m_deltaTitle->setToolTip(tr("The fit refitted at nine Huber deltas from 1e-5 to 1e-1; the dotted line marks "
                                "the fit's own delta. Flat lines: the exponents do not hinge on the choice."));
    m_deltaStrip = new DeltaStripView(this);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 0, 0, 0);
    layout->addWidget(m_coefficients);
    layout->addSpacing(6);
    layout->addWidget(holdoutTitle);
    layout->addWidget(m_holdouts);
    layout->addSpacing(6);
    layout->addWidget(m_deltaTitle);
    layout->addWidget(m_deltaStrip, 1);
    clear(tr("No fit yet."));
}

QString ParametricSidePanel::coefficientText() const { return m_coefficients->text(); }

void ParametricSidePanel::clear(const QString& message) {
    m_coefficients->setText(message.toHtmlEscaped());
    m_holdouts->setRowCount(0);
    m_deltaTitle->setText(tr("<b>Exponents against Huber &delta;</b>"));
    m_deltaStrip->setPlot({});
}

void ParametricSidePanel::setPlot(const ParametricPlot& plot) {
    if (!plot.ok) return clear(plot.error);
    bool intervals = false;
    for (const auto& c : plot.coefficients) intervals = intervals || c.hasInterval;
    QString html = tr("<b>L(N, D) = E + (A N<sup>-&alpha;</sup> + B D<sup>-&beta;</sup>)<sup>&gamma;</sup></b>");
    html += QStringLiteral("<table cellspacing='0' cellpadding='1'>");
    if (intervals) html += tr("<tr><td></td><td align='right'><i>fit</i></td><td>&nbsp;&nbsp;<i>95 % interval</i></td></tr>");
    for (const auto& c : plot.coefficients) {
        html += QStringLiteral("<tr><td>%1&nbsp;&nbsp;</td><td align='right'>%2</td>").arg(c.name, number(c.value));
        if (intervals)
            html += c.hasInterval ? QStringLiteral("<td>&nbsp;&nbsp;[%1, %2]</td>").arg(number(c.lo), number(c.hi))
                                  : QStringLiteral("<td></td>");
        html += QStringLiteral("</tr>");
    }
    html += QStringLiteral("</table>") + plot.summary;
    m_coefficients->setText(html);

    m_holdouts->setRowCount(int(plot.holdouts.size()));
    for (int r = 0; r < plot.holdouts.size(); ++r) {
        const HoldoutRow& h = plot.holdouts[r];
        auto set = [&](int column, const QString& text) {
            auto* item = new QTableWidgetItem(text);
            item->setTextAlignment(column == 0 ? Qt::AlignLeft | Qt::AlignVCenter : Qt::AlignRight | Qt::AlignVCenter);
            item->setToolTip(h.ok ? tr("Fitted on %1 runs without budget %2 (alpha %3, beta %4); its %5 runs: observed "
                                       "%6, predicted %7 on average.")
                                        .arg(h.trainedOn)
                                        .arg(budgetLabel(h.budget))
                                        .arg(h.alpha, 0, 'f', 3)
                                        .arg(h.beta, 0, 'f', 3)
                                        .arg(h.heldOut)
                                        .arg(h.meanObserved, 0, 'f', 4)
                                        .arg(h.meanPredicted, 0, 'f', 4)
                                  : h.error);
            m_holdouts->setItem(r, column, item);
        };
        set(0, budgetLabel(h.budget));
        set(1, QString::number(h.heldOut));
        set(2, h.ok ? percent(h.meanRelError) : tr("no fit"));
        set(3, h.ok ? QStringLiteral("%1 %").arg(100.0 * h.maxAbsRelError, 0, 'f', 2) : h.error);
        if (r == 0) {   // the row that matters most: the extrapolation to the largest budget
            QFont bold = m_holdouts->item(r, 0)->font();
            bold.setBold(true);
            for (int c = 0; c < 4; ++c)
                if (auto* item = m_holdouts->item(r, c)) item->setFont(bold);
            m_holdouts->item(r, 0)->setToolTip(tr("The largest budget. ") + m_holdouts->item(r, 0)->toolTip());
        }
    }
    m_holdouts->resizeRowsToContents();
    QString key;
    const QStringList names = {QStringLiteral("&alpha;"), QStringLiteral("&beta;"), QStringLiteral("&gamma;")};
    for (int i = 0; i < (plot.gammaFitted ? 3 : 2); ++i)
        key += QStringLiteral("&nbsp; <span style='color:%1'>&#9644;</span>&nbsp;%2")
                   .arg(DeltaStripView::exponentColor(i).name(), names[i]);
    m_deltaTitle->setText(tr("<b>Exponents against Huber &delta;</b>") + key);
    m_deltaStrip->setPlot(plot);
}

}  // namespace seqscope::widgets
