// SPDX-License-Identifier: MIT
// The tour's panel: which step of how many, its title and what to look at (two sentences at most),
// Previous / Next, "Try it yourself" (what it sets up, in its tooltip), Presenter mode and Close.
// It only shows what it is given and reports the buttons; the app's TourController drives it.
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace seqscope::widgets {

class TourPanel : public QWidget {
    Q_OBJECT
public:
    explicit TourPanel(QWidget* parent = nullptr);
    void setStep(int index, int count, const QString& title, const QString& text, const QString& tryIt);
    void setPresenter(bool on);   // the Presenter button's state
    QString title() const;
    QString text() const;
    QPushButton* tryItButton() const { return m_tryIt; }

signals:
    void previousRequested();
    void nextRequested();
    void tryItRequested();
    void presenterToggled(bool on);
    void closeRequested();

private:
    QLabel* m_counter = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_text = nullptr;
    QPushButton* m_previous = nullptr;
    QPushButton* m_next = nullptr;
    QPushButton* m_tryIt = nullptr;
    QPushButton* m_presenter = nullptr;
};

}  // namespace seqscope::widgets
