// SPDX-License-Identifier: MIT
// Drives the tour (Help > Tour, `seqscope --view tour --step N`): applies each step's view state
// through the workbench, shows its text in the Tour panel (a dock at the bottom), and handles the
// keys (Right / Space / Page Down: next; Left / Page Up: previous; F11: presenter mode; Escape:
// end), the presenter mode (large fonts, high-contrast palette, full screen, side panels hidden)
// and each step's "try it yourself": a sweep sized to a few minutes on this machine, or a CPU
// inference benchmark in a seqscope-cli process, after the user confirms what it will start.
#pragma once

#include <QFont>
#include <QList>
#include <QObject>
#include <QPalette>
#include <QPointer>

#include "runs/run_estimate.h"
#include "tour_steps.h"

class QDockWidget;
class QProcess;
class QShortcut;

namespace seqscope::widgets {
class TourPanel;
}

namespace seqscope::gui {

class MainWindow;
class Workbench;

// What a step's "try it yourself" would start, for the confirmation and for tests.
struct TryItPlan {
    TryItKind kind = TryItKind::IsoflopSweep;
    QString description;        // translated: what runs, how long
    int runs = 0;               // sweep runs (0 for a benchmark)
    double estimatedSeconds = 0;
    QStringList cliArguments;   // the benchmark's seqscope-cli arguments
    QString problem;            // why it cannot start (no speed known, no database)
};

class TourController : public QObject {
    Q_OBJECT
public:
    TourController(MainWindow* window, Workbench* workbench, QObject* parent = nullptr);
    ~TourController() override;

    int stepCount() const { return int(m_steps.size()); }
    const TourStep& step(int index) const { return m_steps.at(index); }
    int current() const { return m_current; }   // -1: not running
    // Shows step `index` (clamped); starts the tour when it is not running. False with *error when
    // the step's view state cannot be applied (e.g. a database without the paper's dataset).
    bool show(int index, QString* error = nullptr);
    void next();
    void previous();
    void end();
    bool presenter() const { return m_presenter; }
    void setPresenter(bool on);
    widgets::TourPanel* panel() const { return m_panel; }

    // The machine's rates for "try it" sweeps (default: measured from the database, else probed).
    void setThroughput(const runs::Throughput& rates) { m_rates = rates; }
    TryItPlan tryItPlan(int index) const;
    void tryIt();   // asks, then starts the current step's plan

signals:
    void stepShown(int index);

private:
    void setHighlight(const widgets::ScalingHighlight& highlight);   // on the Scaling view, if there is one

    MainWindow* m_window;
    Workbench* m_workbench;
    QVector<TourStep> m_steps;
    widgets::TourPanel* m_panel = nullptr;
    QDockWidget* m_dock = nullptr;
    QList<QShortcut*> m_keys;
    int m_current = -1;
    bool m_presenter = false;
    QFont m_savedFont;
    QPalette m_savedPalette;
    QList<QPointer<QDockWidget>> m_hiddenDocks;
    runs::Throughput m_rates;
    QProcess* m_benchmark = nullptr;
};

}  // namespace seqscope::gui
