// SPDX-License-Identifier: MIT
// Control strip of the loss chart: x axis, log toggles, smoothing kernel and its parameter, y range
// mode with manual limits, decimation switch, reset and export. Edits in the strip are emitted as a
// complete CurveViewOptions; options changed elsewhere (zoom box, keyboard, app) come back through
// setOptions() under an m_initializing guard so they are not echoed (LabPlot's dock pattern).
#pragma once

#include "curve_options.h"

#include <QWidget>

class QBoxLayout;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QToolButton;

namespace seqscope::widgets {

class LossChartToolbar : public QWidget {
    Q_OBJECT
public:
    explicit LossChartToolbar(QWidget* parent = nullptr);
    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

    void setOptions(const CurveViewOptions& options);
    const CurveViewOptions& options() const { return m_options; }
    // The automatic y range now shown (data units): prefills the manual fields.
    void setYRangeHint(double lo, double hi);
    // Shows the group controls (band kind, members) only while some run belongs to a group.
    void setGroupsPresent(bool present);
    // The Forecast toggle (final-loss forecast bands), set without echoing forecastToggled.
    void setForecastChecked(bool on);
    QToolButton* forecastButton() const { return m_forecast; }

    // Test access.
    QComboBox* xAxisBox() const { return m_xAxis; }
    QComboBox* smoothingBox() const { return m_smoothing; }
    QComboBox* yModeBox() const { return m_yMode; }
    QLineEdit* yMinEdit() const { return m_yMin; }
    QLineEdit* yMaxEdit() const { return m_yMax; }
    QCheckBox* logXBox() const { return m_logX; }
    QCheckBox* logYBox() const { return m_logY; }
    QComboBox* bandBox() const { return m_band; }
    QCheckBox* membersBox() const { return m_members; }
    QDoubleSpinBox* tauBox() const { return m_tau; }

signals:
    void optionsEdited(const seqscope::widgets::CurveViewOptions& options);
    void resetClicked();
    void exportPngClicked();
    void exportSvgClicked();
    void exportPdfClicked();
    void exportPngDpiClicked(int dpi);   // publication PNG at this many dots per inch
    void exportCsvClicked();
    void exportFullCsvClicked();
    void copyReadoutClicked();
    void forecastToggled(bool on);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    QWidget* m_xGroup = nullptr;
    QWidget* m_yGroup = nullptr;
    QBoxLayout* m_outer = nullptr;
    void edited();
    void manualRangeEdited();
    void updateEnabled();
    void updateDirection();  // one row when both groups fit, else two

    CurveViewOptions m_options;
    bool m_initializing = false;
    double m_hintLo = 0, m_hintHi = 1;
    QComboBox* m_xAxis = nullptr;
    QCheckBox* m_logX = nullptr;
    QCheckBox* m_logY = nullptr;
    QComboBox* m_smoothing = nullptr;
    QDoubleSpinBox* m_emaWeight = nullptr;
    QDoubleSpinBox* m_tau = nullptr;
    QWidget* m_groupControls = nullptr;
    QComboBox* m_band = nullptr;
    QCheckBox* m_members = nullptr;
    QSpinBox* m_window = nullptr;
    QCheckBox* m_shadow = nullptr;
    QComboBox* m_yMode = nullptr;
    QLineEdit* m_yMin = nullptr;
    QLineEdit* m_yMax = nullptr;
    QCheckBox* m_rawPoints = nullptr;
    QToolButton* m_reset = nullptr;
    QToolButton* m_export = nullptr;
    QToolButton* m_forecast = nullptr;
};

}  // namespace seqscope::widgets
