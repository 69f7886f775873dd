// SPDX-License-Identifier: MIT
// The first view a new user sees, a dashboard: what Seqscope does in one sentence, live thumbnails
// of the Scaling, Loss and Inference views (a click opens them), the runs training and queued with
// progress and ETA, the last finished runs with their final loss, one button that starts a
// ready-made demo sweep sized for this machine, the tour, and the workspace and machine facts.
#pragma once

#include <QPixmap>
#include <QVector>
#include <QWidget>
#include <cmath>

class QLabel;
class QPushButton;
class QTableWidget;
class QToolButton;

namespace seqscope::widgets {

// One run on the dashboard.
struct OverviewRun {
    qint64 id = 0;
    QString name;
    QString arch;              // "xlstm" | "transformer" | other
    QString status;            // translated status text ("running", "queued", "finished")
    bool active = false;       // running or queued
    double progress = NAN;     // 0..1 of its optimizer steps; NaN: not started
    double etaSeconds = NAN;   // time left; NaN: unknown
    double finalLoss = NAN;    // last validation loss (finished runs)
};

struct OverviewFacts {
    QString databasePath;
    int runCount = 0;
    int runningCount = 0;
    QStringList datasets;        // "xlstm-paper (1,093 points)"
    QString torchVersion;
    int cpuThreads = 0;
    QStringList cudaDevices;     // empty: CPU only
    bool cudaKernels = false;
    QVector<OverviewRun> runs;   // active first (id order), then the last finished (newest first)
    QString demoText;            // "12 runs, xLSTM and Transformer, about 10 min here"
    bool demoAvailable = true;   // false while a sweep runs
};

class OverviewView : public QWidget {
    Q_OBJECT
public:
    explicit OverviewView(QWidget* parent = nullptr);
    void setFacts(const OverviewFacts& facts);
    // A picture of view `id` ("scaling", "loss", "inference") for its thumbnail.
    void setThumbnail(const QString& id, const QPixmap& picture);
    QStringList thumbnailIds() const { return {QStringLiteral("scaling"), QStringLiteral("loss"), QStringLiteral("inference")}; }
    QTableWidget* runTable() const { return m_runs; }
    QPushButton* demoButton() const { return m_demo; }

signals:
    void viewRequested(const QString& id);   // a thumbnail or the calculator button was clicked
    void demoRequested();
    void tourRequested();
    void runActivated(qint64 id);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void updateThumbnailIcons();

    QVector<QToolButton*> m_thumbs;
    QVector<QPixmap> m_pictures;
    QPushButton* m_demo = nullptr;
    QLabel* m_demoText = nullptr;
    QTableWidget* m_runs = nullptr;
    QLabel* m_noRuns = nullptr;
    QLabel* m_facts = nullptr;
};

}  // namespace seqscope::widgets
