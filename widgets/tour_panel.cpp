// SPDX-License-Identifier: MIT
#include "tour_panel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace seqscope::widgets {

TourPanel::TourPanel(QWidget* parent) : QWidget(parent) {
    m_counter = new QLabel(this);
    m_counter->setObjectName(QStringLiteral("tourCounter"));
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("tourTitle"));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.2);
    big.setBold(true);
    m_title->setFont(big);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("tourText"));
    m_text->setWordWrap(true);
    QFont body = m_text->font();
    body.setPointSizeF(body.pointSizeF() * 1.15);
    m_text->setFont(body);
    m_previous = new QPushButton(tr("< Previous"), this);
    m_previous->setToolTip(tr("Previous step (Left arrow or Page Up)"));
    m_next = new QPushButton(tr("Next >"), this);
    m_next->setToolTip(tr("Next step (Right arrow, Space or Page Down)"));
    m_next->setDefault(true);
    m_tryIt = new QPushButton(tr("Try it yourself..."), this);
    m_tryIt->setObjectName(QStringLiteral("tourTryIt"));
    m_presenter = new QPushButton(tr("Presenter mode"), this);
    m_presenter->setCheckable(true);
    m_presenter->setToolTip(tr("Large fonts, high contrast, full screen (F11)"));
    auto* close = new QPushButton(tr("End tour"), this);
    close->setToolTip(tr("End the tour (Escape)"));
    connect(m_previous, &QPushButton::clicked, this, &TourPanel::previousRequested);
    connect(m_next, &QPushButton::clicked, this, &TourPanel::nextRequested);
    connect(m_tryIt, &QPushButton::clicked, this, &TourPanel::tryItRequested);
    connect(m_presenter, &QPushButton::toggled, this, &TourPanel::presenterToggled);
    connect(close, &QPushButton::clicked, this, &TourPanel::closeRequested);

    // Two rows: where we are and the buttons, then what to look at.
    auto* head = new QHBoxLayout;
    head->addWidget(m_previous);
    head->addWidget(m_next);
    head->addSpacing(8);
    head->addWidget(m_counter);
    head->addSpacing(8);
    head->addWidget(m_title, 1);
    head->addWidget(m_tryIt);
    head->addWidget(m_presenter);
    head->addWidget(close);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 2, 6, 4);
    layout->setSpacing(2);
    layout->addLayout(head);
    layout->addWidget(m_text);
}

void TourPanel::setStep(int index, int count, const QString& title, const QString& text, const QString& tryIt) {
    m_counter->setText(tr("Step %1 of %2").arg(index + 1).arg(count));
    m_title->setText(title);
    m_text->setText(text);
    m_tryIt->setToolTip(tryIt);
    m_previous->setEnabled(index > 0);
    m_next->setText(index + 1 < count ? tr("Next >") : tr("Finish"));
}

void TourPanel::setPresenter(bool on) {
    const bool was = m_presenter->blockSignals(true);
    m_presenter->setChecked(on);
    m_presenter->blockSignals(was);
}

QString TourPanel::title() const { return m_title->text(); }
QString TourPanel::text() const { return m_text->text(); }

}  // namespace seqscope::widgets
