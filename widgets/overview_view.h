// SPDX-License-Identifier: MIT
// The first view a new user sees: what this workspace holds (database, runs, built-in datasets) and
// what this machine can run (LibTorch, threads, CUDA), with the next steps one click away.
#pragma once

#include <QWidget>

class QLabel;

namespace seqscope::widgets {

struct OverviewFacts {
    QString databasePath;
    int runCount = 0;
    int runningCount = 0;
    QStringList datasets;        // "xlstm-paper (1,093 points)"
    QString torchVersion;
    int cpuThreads = 0;
    QStringList cudaDevices;     // empty: CPU only
    bool cudaKernels = false;
};

class OverviewView : public QWidget {
    Q_OBJECT
public:
    explicit OverviewView(QWidget* parent = nullptr);
    void setFacts(const OverviewFacts& facts);

private:
    QLabel* m_workspace = nullptr;
    QLabel* m_machine = nullptr;
    QLabel* m_gettingStarted = nullptr;
};

}  // namespace seqscope::widgets
