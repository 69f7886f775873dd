// SPDX-License-Identifier: MIT
// Control strip of the loss chart; see loss_chart_toolbar.h.
#include "loss_chart_toolbar.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <algorithm>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QSpinBox>
#include <QToolButton>

namespace seqscope::widgets {

namespace {
QLabel* caption(const QString& text, QWidget* parent) {
    auto* label = new QLabel(text, parent);
    label->setContentsMargins(6, 0, 0, 0);
    return label;
}
QFrame* separator(QWidget* parent) {
    auto* line = new QFrame(parent);
    line->setFrameShape(QFrame::VLine);
    line->setFrameShadow(QFrame::Sunken);
    return line;
}
}  // namespace

QSize LossChartToolbar::minimumSizeHint() const {
    const QSize x = m_xGroup->minimumSizeHint(), y = m_yGroup->minimumSizeHint();
    return {std::max(x.width(), y.width()) + 8, x.height() + y.height() + 8};
}

QSize LossChartToolbar::sizeHint() const {
    const QSize x = m_xGroup->sizeHint(), y = m_yGroup->sizeHint();
    return m_outer->direction() == QBoxLayout::LeftToRight ? QSize(x.width() + y.width() + 12, std::max(x.height(), y.height()) + 4)
                                                            : QSize(std::max(x.width(), y.width()) + 8, x.height() + y.height() + 8);
}

void LossChartToolbar::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    updateDirection();
}

void LossChartToolbar::updateDirection() {
    const int needed = m_xGroup->sizeHint().width() + m_yGroup->minimumSizeHint().width() + 12;
    const auto direction = width() >= needed ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom;
    if (direction != m_outer->direction()) {
        m_outer->setDirection(direction);
        updateGeometry();
    }
}

LossChartToolbar::LossChartToolbar(QWidget* parent) : QWidget(parent) {
    // Two groups (x axis and smoothing | y range and actions) side by side when there is room, one
    // above the other when not, so the chart fits a laptop screen next to the run panel.
    m_xGroup = new QWidget(this);
    m_yGroup = new QWidget(this);
    auto* layout = new QHBoxLayout(m_xGroup);
    auto* yLayout = new QHBoxLayout(m_yGroup);
    for (QHBoxLayout* l : {layout, yLayout}) {
        l->setContentsMargins(0, 0, 0, 0);
        l->setSpacing(4);
    }
    m_outer = new QBoxLayout(QBoxLayout::LeftToRight, this);
    m_outer->setContentsMargins(4, 2, 4, 2);
    m_outer->setSpacing(4);
    m_outer->setSizeConstraint(QLayout::SetNoConstraint);   // minimumSizeHint() decides instead
    m_outer->addWidget(m_xGroup);
    m_outer->addWidget(m_yGroup, 1);

    m_xAxis = new QComboBox(this);
    m_xAxis->addItem(tr("Step"), static_cast<int>(XAxisKind::Step));
    m_xAxis->addItem(tr("Tokens"), static_cast<int>(XAxisKind::Tokens));
    m_xAxis->addItem(tr("FLOPs"), static_cast<int>(XAxisKind::Flops));
    m_xAxis->addItem(tr("Wall time"), static_cast<int>(XAxisKind::WallTime));
    m_xAxis->addItem(tr("Time since start"), static_cast<int>(XAxisKind::RelativeTime));
    m_xAxis->setToolTip(tr("Quantity on the x axis"));
    m_logX = new QCheckBox(tr("log x"), this);
    m_logX->setToolTip(tr("Logarithmic x axis; points at x ≤ 0 (e.g. step 0) are not drawn"));
    m_logY = new QCheckBox(tr("log y"), this);
    m_logY->setToolTip(tr("Logarithmic y axis; smoothing then runs on log values"));

    m_smoothing = new QComboBox(this);
    m_smoothing->addItem(tr("Off"), static_cast<int>(SmoothingKind::Off));
    m_smoothing->addItem(tr("EMA (debiased)"), static_cast<int>(SmoothingKind::Ema));
    m_smoothing->addItem(tr("Running average"), static_cast<int>(SmoothingKind::RunningAverage));
    m_smoothing->addItem(tr("Centred average (non-causal)"), static_cast<int>(SmoothingKind::CenteredAverage));
    m_smoothing->addItem(tr("EMA (time-weighted)"), static_cast<int>(SmoothingKind::TimeEma));
    m_smoothing->setToolTip(tr("Smoothing is computed on every logged point before the curve is decimated, "
                               "so it does not change with zoom or run length"));
    m_emaWeight = new QDoubleSpinBox(this);
    m_emaWeight->setRange(0.0, 0.999);
    m_emaWeight->setDecimals(3);
    m_emaWeight->setSingleStep(0.05);
    m_emaWeight->setToolTip(tr("EMA weight: 0 = none, 0.999 = strongest"));
    m_tau = new QDoubleSpinBox(this);
    m_tau->setRange(0.01, 1e9);
    m_tau->setDecimals(2);
    m_tau->setPrefix(tr("τ "));
    m_tau->setSuffix(tr(" steps"));
    m_tau->setToolTip(tr("Time constant of the time-weighted EMA in optimizer steps: each point moves the average by "
                         "1 − exp(−Δstep / τ), so unevenly logged runs are smoothed alike"));
    m_window = new QSpinBox(this);
    m_window->setRange(1, 1000000);
    m_window->setSuffix(tr(" pts"));
    m_window->setToolTip(tr("Averaging window in logged points"));
    m_shadow = new QCheckBox(tr("raw"), this);
    m_shadow->setToolTip(tr("Draw the raw values faded behind the smoothed line"));

    m_groupControls = new QWidget(this);
    auto* groupLayout = new QHBoxLayout(m_groupControls);
    groupLayout->setContentsMargins(0, 0, 0, 0);
    groupLayout->setSpacing(4);
    m_band = new QComboBox(m_groupControls);
    m_band->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_band->addItem(tr("± std"), static_cast<int>(BandKind::StdDev));
    m_band->addItem(tr("± std error"), static_cast<int>(BandKind::StdError));
    m_band->addItem(tr("min–max"), static_cast<int>(BandKind::MinMax));
    m_band->setToolTip(tr("Band around each group's mean: sample standard deviation (ddof = 1), standard error of "
                          "the mean, or the members' range. Where fewer than 2 runs cover x, nothing is drawn."));
    m_members = new QCheckBox(tr("runs"), m_groupControls);
    m_members->setToolTip(tr("Also draw each run of a group, faded, under the group's mean"));
    groupLayout->addWidget(caption(tr("Groups:"), m_groupControls));
    groupLayout->addWidget(m_band);
    groupLayout->addWidget(m_members);
    m_groupControls->hide();

    m_yMode = new QComboBox(this);
    m_yMode->addItem(tr("Auto (robust)"), static_cast<int>(YRangeMode::Robust));
    m_yMode->addItem(tr("Auto (all data)"), static_cast<int>(YRangeMode::Full));
    m_yMode->addItem(tr("Manual"), static_cast<int>(YRangeMode::Manual));
    m_yMode->setToolTip(tr("Robust: each run's 1st–99th percentile of what is drawn plus its latest value; "
                           "no run is ever pushed out of view. Clipped points are marked at the edge."));
    m_yMin = new QLineEdit(this);
    m_yMax = new QLineEdit(this);
    for (QLineEdit* e : {m_yMin, m_yMax}) {
        e->setMaximumWidth(72);
        e->setMinimumWidth(48);
        e->setClearButtonEnabled(false);
    }
    m_yMin->setToolTip(tr("Lower y limit (data units)"));
    m_yMax->setToolTip(tr("Upper y limit (data units)"));
    m_rawPoints = new QCheckBox(tr("all points"), this);
    m_rawPoints->setToolTip(tr("Draw every point instead of the per-pixel min/max envelope (slow for long runs; "
                               "the envelope already shows the same pixels)"));

    m_forecast = new QToolButton(this);
    m_forecast->setText(tr("Forecast"));
    m_forecast->setCheckable(true);
    m_forecast->setToolTip(tr("Show each run's forecast final loss: a band from its last point to its planned "
                              "last step, fitted to its own curve and learning-rate schedule"));
    connect(m_forecast, &QToolButton::toggled, this, &LossChartToolbar::forecastToggled);
    m_reset = new QToolButton(this);
    m_reset->setText(tr("Reset view"));
    m_reset->setToolTip(tr("Fit all data (Home, or double-click the chart)"));
    m_export = new QToolButton(this);
    m_export->setText(tr("Export"));
    m_export->setPopupMode(QToolButton::InstantPopup);
    auto* menu = new QMenu(m_export);
    menu->addAction(tr("Image (PNG)…"), this, &LossChartToolbar::exportPngClicked);
    QMenu* dpiMenu = menu->addMenu(tr("Image for print (PNG)"));
    for (int dpi : {150, 300, 600})
        dpiMenu->addAction(tr("%1 dpi…").arg(dpi), this, [this, dpi] { emit exportPngDpiClicked(dpi); });
    menu->addAction(tr("Vector image (SVG)…"), this, &LossChartToolbar::exportSvgClicked);
    menu->addAction(tr("Document (PDF)…"), this, &LossChartToolbar::exportPdfClicked);
    menu->addSeparator();
    menu->addAction(tr("Plotted data as shown (CSV)…"), this, &LossChartToolbar::exportCsvClicked);
    menu->addAction(tr("All runs, full resolution (CSV, long format)…"), this, &LossChartToolbar::exportFullCsvClicked);
    menu->addSeparator();
    menu->addAction(tr("Copy readout"), this, &LossChartToolbar::copyReadoutClicked);
    m_export->setMenu(menu);

    // Combos shrink to their shortest sensible width so the strip fits narrow docks.
    for (QComboBox* box : {m_xAxis, m_smoothing, m_yMode}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(9);
    }
    layout->addWidget(caption(tr("x:"), this));
    layout->addWidget(m_xAxis);
    layout->addWidget(m_logX);
    layout->addWidget(m_logY);
    layout->addWidget(separator(this));
    layout->addWidget(caption(tr("Smoothing:"), this));
    layout->addWidget(m_smoothing);
    layout->addWidget(m_emaWeight);
    layout->addWidget(m_tau);
    layout->addWidget(m_window);
    layout->addWidget(m_shadow);
    layout->addWidget(m_groupControls);
    layout->addStretch(1);
    yLayout->addWidget(caption(tr("y:"), this));
    yLayout->addWidget(m_yMode);
    yLayout->addWidget(m_yMin);
    yLayout->addWidget(caption(tr("to"), this));
    yLayout->addWidget(m_yMax);
    yLayout->addWidget(separator(this));
    yLayout->addWidget(m_rawPoints);
    yLayout->addStretch(1);
    yLayout->addWidget(m_forecast);
    yLayout->addWidget(m_reset);
    yLayout->addWidget(m_export);

    setOptions(m_options);

    connect(m_xAxis, &QComboBox::currentIndexChanged, this, &LossChartToolbar::edited);
    connect(m_logX, &QCheckBox::toggled, this, &LossChartToolbar::edited);
    connect(m_logY, &QCheckBox::toggled, this, &LossChartToolbar::edited);
    connect(m_smoothing, &QComboBox::currentIndexChanged, this, &LossChartToolbar::edited);
    connect(m_emaWeight, &QDoubleSpinBox::valueChanged, this, &LossChartToolbar::edited);
    connect(m_window, &QSpinBox::valueChanged, this, &LossChartToolbar::edited);
    connect(m_tau, &QDoubleSpinBox::valueChanged, this, &LossChartToolbar::edited);
    connect(m_band, &QComboBox::currentIndexChanged, this, &LossChartToolbar::edited);
    connect(m_members, &QCheckBox::toggled, this, &LossChartToolbar::edited);
    connect(m_shadow, &QCheckBox::toggled, this, &LossChartToolbar::edited);
    connect(m_yMode, &QComboBox::currentIndexChanged, this, &LossChartToolbar::edited);
    connect(m_rawPoints, &QCheckBox::toggled, this, &LossChartToolbar::edited);
    connect(m_yMin, &QLineEdit::editingFinished, this, &LossChartToolbar::manualRangeEdited);
    connect(m_yMax, &QLineEdit::editingFinished, this, &LossChartToolbar::manualRangeEdited);
    connect(m_reset, &QToolButton::clicked, this, &LossChartToolbar::resetClicked);
}

void LossChartToolbar::setOptions(const CurveViewOptions& options) {
    m_initializing = true;
    m_options = options;
    m_xAxis->setCurrentIndex(m_xAxis->findData(static_cast<int>(options.xAxis)));
    m_logX->setChecked(options.logX);
    m_logY->setChecked(options.logY);
    m_smoothing->setCurrentIndex(m_smoothing->findData(static_cast<int>(options.smoothing.kind)));
    m_emaWeight->setValue(options.smoothing.emaWeight);
    m_window->setValue(options.smoothing.window);
    m_tau->setValue(options.smoothing.tau);
    m_band->setCurrentIndex(m_band->findData(static_cast<int>(options.band)));
    m_members->setChecked(options.showGroupMembers);
    m_shadow->setChecked(options.showRawShadow);
    m_yMode->setCurrentIndex(m_yMode->findData(static_cast<int>(options.yMode)));
    m_rawPoints->setChecked(options.rawPoints);
    if (options.yMode == YRangeMode::Manual) {
        const QLocale locale;
        m_yMin->setText(locale.toString(options.manualYMin, 'g', 6));
        m_yMax->setText(locale.toString(options.manualYMax, 'g', 6));
    }
    updateEnabled();
    m_initializing = false;
}

void LossChartToolbar::setYRangeHint(double lo, double hi) {
    m_hintLo = lo;
    m_hintHi = hi;
    if (m_options.yMode == YRangeMode::Manual) return;
    const QLocale locale;
    m_yMin->clear();
    m_yMax->clear();
    m_yMin->setPlaceholderText(locale.toString(lo, 'g', 4));
    m_yMax->setPlaceholderText(locale.toString(hi, 'g', 4));
}

void LossChartToolbar::updateEnabled() {
    const SmoothingKind kind = m_options.smoothing.kind;
    m_emaWeight->setVisible(kind == SmoothingKind::Ema);
    m_tau->setVisible(kind == SmoothingKind::TimeEma);
    m_window->setVisible(kind == SmoothingKind::RunningAverage || kind == SmoothingKind::CenteredAverage);
    m_shadow->setEnabled(kind != SmoothingKind::Off);
}

void LossChartToolbar::edited() {
    if (m_initializing) return;
    CurveViewOptions o = m_options;
    o.xAxis = static_cast<XAxisKind>(m_xAxis->currentData().toInt());
    o.logX = m_logX->isChecked();
    o.logY = m_logY->isChecked();
    o.smoothing.kind = static_cast<SmoothingKind>(m_smoothing->currentData().toInt());
    o.smoothing.emaWeight = m_emaWeight->value();
    o.smoothing.window = m_window->value();
    o.smoothing.tau = m_tau->value();
    o.band = static_cast<BandKind>(m_band->currentData().toInt());
    o.showGroupMembers = m_members->isChecked();
    o.showRawShadow = m_shadow->isChecked();
    o.rawPoints = m_rawPoints->isChecked();
    const auto mode = static_cast<YRangeMode>(m_yMode->currentData().toInt());
    if (mode == YRangeMode::Manual && o.yMode != YRangeMode::Manual) {
        // Switching to manual starts from what is on screen.
        o.manualYMin = m_hintLo;
        o.manualYMax = m_hintHi;
    }
    o.yMode = mode;
    std::string error;
    if (!o.isValid(&error)) {
        // e.g. log-y with a manual lower limit <= 0: fall back to the robust range and say why.
        o.yMode = YRangeMode::Robust;
        m_yMode->setToolTip(QString::fromStdString(error));
    }
    m_options = o;
    setOptions(o);  // reflect corrections (and show/hide the parameter fields)
    emit optionsEdited(o);
}

void LossChartToolbar::manualRangeEdited() {
    if (m_initializing) return;
    const QLocale locale;
    bool okLo = false, okHi = false;
    const QString loText = m_yMin->text().isEmpty() ? m_yMin->placeholderText() : m_yMin->text();
    const QString hiText = m_yMax->text().isEmpty() ? m_yMax->placeholderText() : m_yMax->text();
    double lo = locale.toDouble(loText, &okLo), hi = locale.toDouble(hiText, &okHi);
    if (!okLo) lo = loText.toDouble(&okLo);  // accept "2.5" in any locale
    if (!okHi) hi = hiText.toDouble(&okHi);
    CurveViewOptions o = m_options;
    o.yMode = YRangeMode::Manual;
    o.manualYMin = lo;
    o.manualYMax = hi;
    std::string error;
    QString problem;
    if (!okLo) problem = tr("Lower y limit “%1” is not a number").arg(loText);
    else if (!okHi) problem = tr("Upper y limit “%1” is not a number").arg(hiText);
    else if (!o.isValid(&error)) problem = tr("Invalid y range: %1").arg(QString::fromStdString(error));
    const QString bad = QStringLiteral("QLineEdit { border: 1px solid #d55e00; }");
    if (!problem.isEmpty()) {
        m_yMin->setStyleSheet(bad);
        m_yMax->setStyleSheet(bad);
        m_yMin->setToolTip(problem);
        m_yMax->setToolTip(problem);
        return;
    }
    m_yMin->setStyleSheet(QString());
    m_yMax->setStyleSheet(QString());
    m_yMin->setToolTip(tr("Lower y limit (data units)"));
    m_yMax->setToolTip(tr("Upper y limit (data units)"));
    if (o.yMode == m_options.yMode && o.manualYMin == m_options.manualYMin && o.manualYMax == m_options.manualYMax)
        return;
    setOptions(o);
    emit optionsEdited(o);
}

}  // namespace seqscope::widgets

namespace seqscope::widgets {

void LossChartToolbar::setGroupsPresent(bool present) {
    if (m_groupControls->isHidden() != present) return;
    m_groupControls->setVisible(present);
    updateDirection();  // the strip may need a second row now
    updateGeometry();
}

void LossChartToolbar::setForecastChecked(bool on) {
    const QSignalBlocker block(m_forecast);
    m_forecast->setChecked(on);
}

}  // namespace seqscope::widgets
