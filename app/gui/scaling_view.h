// SPDX-License-Identifier: MIT
// The Scaling view: pick an experiment set (context), architectures and N or D; see every run's
// IsoFLOP profile with its fitted parabola and the compute-optimal frontier with its power law.
#pragma once

#include <QWidget>

#include "scaling_controller.h"

class QCheckBox;
class QComboBox;
class QLabel;

namespace seqscope::widgets {
class IsoflopChartView;
class FrontierChartView;
}  // namespace seqscope::widgets

namespace seqscope::gui {

class ScalingView : public QWidget {
    Q_OBJECT
public:
    explicit ScalingView(QWidget* parent = nullptr);
    // Replaces the data (a dataset's result rows as scaling points) and redraws.
    void setPoints(const QString& datasetTitle, std::vector<analysis::ScalingPoint> points);
    void setLoadError(const QString& message);
    // Selects an experiment set by name ("isoflop_ctx8192"); false when absent.
    bool selectSet(const QString& set);

private:
    void refill();
    void redraw();

    ScalingController m_controller;
    QComboBox* m_set = nullptr;
    QComboBox* m_axis = nullptr;
    QCheckBox* m_xlstm = nullptr;
    QCheckBox* m_transformer = nullptr;
    QCheckBox* m_excluded = nullptr;
    QCheckBox* m_paperRange = nullptr;
    QLabel* m_source = nullptr;
    QLabel* m_summary = nullptr;
    widgets::IsoflopChartView* m_isoflop = nullptr;
    widgets::FrontierChartView* m_frontier = nullptr;
    bool m_initializing = false;   // guards against redraws while the controls are refilled
};

}  // namespace seqscope::gui
