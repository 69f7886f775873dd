// SPDX-License-Identifier: MIT
#include "params_view.h"

#include <QChart>
#include <QCoreApplication>
#include <QChartView>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLogValueAxis>
#include <QPushButton>
#include <QScatterSeries>
#include <QSplitter>
#include <QValueAxis>
#include <QVBoxLayout>
#include <algorithm>
#include <set>

#include "chart_style.h"
#include "field_chooser.h"
#include "hover_tips.h"
#include "parallel_coordinates.h"
#include "run_colors.h"

namespace seqscope::widgets {
namespace {

constexpr int kDefaultAxes = 6;   // parallel-coordinate axes before the loss, until the user picks

// Fields people sweep, first in the default axes; N, D and C lead.
const char* const kPreferred[] = {"N", "D", "C", "model.arch", "arch", "lr", "budget", "context", "model.d_model",
                                  "model.layers", "model.heads", "batch_tokens", "weight_decay", "warmup_steps",
                                  "data", "seed"};

// A perceptual ramp (viridis stops): low loss dark purple, high loss yellow.
QColor lossColor(double t) {
    static const QColor stops[] = {QColor(68, 1, 84), QColor(59, 82, 139), QColor(33, 145, 140), QColor(94, 201, 98),
                                   QColor(253, 231, 37)};
    t = std::clamp(std::isfinite(t) ? t : 0.5, 0.0, 1.0) * 4;
    const int i = std::min(3, int(t));
    const double f = t - i;
    const QColor& a = stops[i];
    const QColor& b = stops[i + 1];
    return QColor::fromRgbF(float(a.redF() + f * (b.redF() - a.redF())), float(a.greenF() + f * (b.greenF() - a.greenF())),
                            float(a.blueF() + f * (b.blueF() - a.blueF())));
}

bool spansDecade(double lo, double hi) { return lo > 0 && hi / lo > 10; }

// A linear axis over large values shows them in thousands, millions, ... so labels stay short.
double axisScale(double lo, double hi, QString* unit) {
    const double m = std::max(std::abs(lo), std::abs(hi));
    if (!(m >= 1e4) || !std::isfinite(m)) return 1;
    const int e = std::min(12, 3 * int(std::floor(std::log10(m) / 3)));
    static const char* const names[] = {"", QT_TRANSLATE_NOOP("seqscope::widgets::ParamsView", "thousands"),
                                        QT_TRANSLATE_NOOP("seqscope::widgets::ParamsView", "millions"),
                                        QT_TRANSLATE_NOOP("seqscope::widgets::ParamsView", "billions"),
                                        QT_TRANSLATE_NOOP("seqscope::widgets::ParamsView", "trillions")};
    *unit = QCoreApplication::translate("seqscope::widgets::ParamsView", names[e / 3]);
    return std::pow(10.0, e);
}

}  // namespace

ParamsView::ParamsView(QWidget* parent)
    : QWidget(parent), m_lossBox(new QComboBox(this)), m_xBox(new QComboBox(this)), m_note(new QLabel(this)),
      m_chartView(new QChartView(this)), m_chart(new QChart), m_parallel(new ParallelCoordinates(this)) {
    m_lossBox->addItem(tr("Final validation loss"), int(ParamsLoss::FinalVal));
    m_lossBox->addItem(tr("Best validation loss"), int(ParamsLoss::BestVal));
    m_lossBox->addItem(tr("Final training loss"), int(ParamsLoss::FinalTrain));
    m_lossBox->setObjectName(QStringLiteral("paramsLoss"));
    m_xBox->setObjectName(QStringLiteral("paramsX"));
    m_xBox->setMinimumContentsLength(14);
    connect(m_lossBox, &QComboBox::currentIndexChanged, this,
            [this] { setLoss(ParamsLoss(m_lossBox->currentData().toInt())); });
    connect(m_xBox, &QComboBox::currentIndexChanged, this, [this] {
        if (m_xBox->currentIndex() >= 0) setXField(m_xBox->currentText());
    });
    auto* axes = new QPushButton(tr("Axes..."), this);
    axes->setToolTip(tr("Choose the fields shown as parallel coordinates"));
    connect(axes, &QPushButton::clicked, this, &ParamsView::chooseAxes);
    m_note->setWordWrap(true);
    m_note->setText(tr("Drag along an axis to select runs; click an axis to clear its brush. Click a point to select its run."));

    styleChart(m_chartView, m_chart);
    m_chart->legend()->setVisible(true);
    m_chartView->setMinimumWidth(320);
    connect(m_parallel, &ParallelCoordinates::brushedRunsChanged, this, [this](const QList<qint64>& ids) {
        m_selected = ids;
        rebuildScatter();
        emit runsSelected(ids);
    });

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Loss:"), this));
    top->addWidget(m_lossBox);
    top->addSpacing(12);
    top->addWidget(new QLabel(tr("Against:"), this));
    top->addWidget(m_xBox);
    top->addSpacing(12);
    top->addWidget(axes);
    top->addWidget(m_note, 1);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_chartView);
    split->addWidget(m_parallel);
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 5);
    split->setSizes({400, 500});
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);
    rebuildScatter();
}

QString ParamsView::lossTitle() const { return m_lossBox->currentText(); }

double ParamsView::lossOf(const ParamsRun& run) const {
    switch (m_loss) {
    case ParamsLoss::FinalVal: return run.finalValLoss;
    case ParamsLoss::BestVal: return run.bestValLoss;
    case ParamsLoss::FinalTrain: return run.finalTrainLoss;
    }
    return NAN;
}

void ParamsView::setRuns(const QVector<ParamsRun>& runs) {
    m_runs = runs;
    // Runs without validation losses (or a view of training runs only): fall back to training loss.
    const bool anyVal = std::any_of(runs.begin(), runs.end(), [](const ParamsRun& r) { return std::isfinite(r.finalValLoss); });
    if (!m_lossChosen && !runs.isEmpty()) {
        m_loss = anyVal ? ParamsLoss::FinalVal : ParamsLoss::FinalTrain;
        const QSignalBlocker block(m_lossBox);
        m_lossBox->setCurrentIndex(m_lossBox->findData(int(m_loss)));
    }
    updateFields();
}

void ParamsView::setLoss(ParamsLoss loss) {
    m_loss = loss;
    m_lossChosen = true;
    {
        const QSignalBlocker block(m_lossBox);
        m_lossBox->setCurrentIndex(m_lossBox->findData(int(loss)));
    }
    updateFields();
}

void ParamsView::setXField(const QString& field) {
    if (!m_numericFields.contains(field)) return;
    m_xField = field;
    {
        const QSignalBlocker block(m_xBox);
        m_xBox->setCurrentText(field);
    }
    rebuildScatter();
}

void ParamsView::setAxisFields(const QStringList& fields) {
    m_axisFields.clear();
    for (const QString& f : fields)
        if (m_fields.contains(f) && !m_axisFields.contains(f)) m_axisFields << f;
    m_axesChosen = true;
    rebuildParallel();
}

void ParamsView::setSelectedRuns(const QList<qint64>& ids) {
    m_selected = ids;
    m_parallel->setHighlighted(ids);
    rebuildScatter();
}

// Offered fields: those with at least two values among the runs that have the chosen loss (a field
// one run lacks counts as varying); numeric when every value present is a number.
void ParamsView::updateFields() {
    QMap<QString, std::set<QString>> values;
    QMap<QString, int> counts, numeric;
    int plotted = 0;
    for (const ParamsRun& r : m_runs) {
        if (!std::isfinite(lossOf(r))) continue;
        ++plotted;
        for (auto it = r.text.cbegin(); it != r.text.cend(); ++it) {
            values[it.key()].insert(it.value());
            ++counts[it.key()];
            if (r.number.contains(it.key())) ++numeric[it.key()];
        }
    }
    QStringList varying;
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        if (it.value().size() > 1 || counts[it.key()] < plotted) varying << it.key();
    QStringList ordered;
    for (const char* p : kPreferred)
        if (varying.contains(QLatin1String(p))) ordered << QLatin1String(p);
    for (const QString& f : varying)
        if (!ordered.contains(f)) ordered << f;
    m_fields = ordered;
    m_numericFields.clear();
    for (const QString& f : ordered)
        if (numeric[f] == counts[f]) m_numericFields << f;
    if (!m_numericFields.contains(m_xField)) m_xField = m_numericFields.value(0);
    {
        const QSignalBlocker block(m_xBox);
        m_xBox->clear();
        m_xBox->addItems(m_numericFields);
        m_xBox->setCurrentText(m_xField);
    }
    QStringList axes;
    for (const QString& f : m_axisFields)
        if (m_fields.contains(f)) axes << f;
    if (!m_axesChosen) {
        axes.clear();
        // Preferred fields first; the rest only when too few of those vary.
        for (const char* p : kPreferred)
            if (axes.size() < kDefaultAxes && m_fields.contains(QLatin1String(p))) axes << QLatin1String(p);
        for (const QString& f : m_fields)
            if (axes.size() < 2 && !axes.contains(f)) axes << f;
    }
    m_axisFields = axes;
    rebuildScatter();
    rebuildParallel();
}

void ParamsView::rebuildScatter() {
    m_chart->removeAllSeries();
    for (QAbstractAxis* a : m_chart->axes()) {
        m_chart->removeAxis(a);
        delete a;
    }
    m_points.clear();
    m_plotted.clear();
    m_chart->setTitle(m_xField.isEmpty() ? tr("No numeric field varies between these runs")
                                         : tr("%1 against %2").arg(lossTitle(), m_xField));
    if (m_xField.isEmpty()) return;
    // Extent first: a linear axis over large values plots them scaled (thousands, millions, ...).
    double xlo = INFINITY, xhi = -INFINITY, ylo = INFINITY, yhi = -INFINITY;
    for (const ParamsRun& r : m_runs) {
        const double y = lossOf(r), x = r.number.value(m_xField, NAN);
        if (std::isfinite(x) && std::isfinite(y))
            xlo = std::min(xlo, x), xhi = std::max(xhi, x), ylo = std::min(ylo, y), yhi = std::max(yhi, y);
    }
    m_xLog = spansDecade(xlo, xhi);
    m_yLog = spansDecade(ylo, yhi);
    QString xUnit;
    const double xScale = m_xLog ? 1 : axisScale(xlo, xhi, &xUnit);
    QMap<QString, QScatterSeries*> byArch;
    QMap<QScatterSeries*, QStringList> tips;
    auto* selected = new QScatterSeries;
    selected->setName(tr("selected"));
    selected->setMarkerSize(17);
    selected->setColor(Qt::transparent);
    selected->setBorderColor(palette().color(QPalette::Text));
    selected->setPen(QPen(palette().color(QPalette::Text), 2));
    QStringList selectedTips;
    QVector<qint64> selectedIds;
    QMap<QScatterSeries*, QVector<qint64>> ids;
    for (const ParamsRun& r : m_runs) {
        const double y = lossOf(r);
        const double x = r.number.value(m_xField, NAN);
        if (!std::isfinite(x) || !std::isfinite(y)) continue;
        const bool xlstm = archIsXlstm(r.arch);
        QScatterSeries*& s = byArch[xlstm ? QStringLiteral("xLSTM") : r.arch];
        if (!s) {
            s = new QScatterSeries;
            s->setName(xlstm ? QStringLiteral("xLSTM") : r.arch);
            s->setMarkerShape(xlstm ? QScatterSeries::MarkerShapeCircle : QScatterSeries::MarkerShapeRectangle);
            s->setMarkerSize(11);
            s->setColor(archColor(r.arch));
            s->setBorderColor(palette().color(QPalette::Base));
        }
        const QString tip = tr("#%1 %2\n%3 = %4\n%5 = %6")
                                .arg(r.id)
                                .arg(r.name, m_xField, r.text.value(m_xField), lossTitle())
                                .arg(y, 0, 'f', 4);
        s->append(x / xScale, y);
        tips[s] << tip;
        ids[s] << r.id;
        m_points << QPointF(x, y);
        m_plotted << r.id;
        if (m_selected.contains(r.id)) {
            selected->append(x / xScale, y);
            selectedTips << tip;
            selectedIds << r.id;
        }
    }
    QAbstractAxis* xAxis = nullptr;
    QAbstractAxis* yAxis = nullptr;
    auto makeAxis = [](bool log, double lo, double hi, const QString& title) -> QAbstractAxis* {
        if (log) {
            auto* a = new QLogValueAxis;
            a->setLabelFormat(QStringLiteral("%.3g"));
            a->setMinorTickCount(8);
            setLogRange(a, lo / 1.15, hi * 1.15);
            a->setTitleText(title);
            return a;
        }
        auto* a = new QValueAxis;
        const double pad = hi > lo ? (hi - lo) * 0.08 : std::max(std::abs(lo) * 0.05, 1e-3);
        a->setRange(lo - pad, hi + pad);
        a->applyNiceNumbers();
        a->setLabelFormat(QStringLiteral("%.4g"));
        a->setTitleText(title);
        return a;
    };
    if (m_points.isEmpty()) xlo = ylo = 0, xhi = yhi = 1;
    const QString xTitle = m_xField + (m_xLog ? tr(" (log)") : xUnit.isEmpty() ? QString() : tr(" (%1)").arg(xUnit));
    xAxis = makeAxis(m_xLog, xlo / xScale, xhi / xScale, xTitle);
    yAxis = makeAxis(m_yLog, ylo, yhi, lossTitle() + (m_yLog ? tr(" (log)") : QString()));
    styleAxis(xAxis);
    styleAxis(yAxis);
    m_chart->addAxis(xAxis, Qt::AlignBottom);
    m_chart->addAxis(yAxis, Qt::AlignLeft);
    QList<QScatterSeries*> all = byArch.values();
    if (selected->count() > 0) all << selected;
    else delete selected;
    for (QScatterSeries* s : all) {
        m_chart->addSeries(s);
        s->attachAxis(xAxis);
        s->attachAxis(yAxis);
        const QVector<qint64> seriesIds = s == selected ? selectedIds : ids.value(s);
        attachHoverTips(s, s == selected ? selectedTips : tips.value(s));
        // A click picks the nearest run of the series (screen distance, so log axes behave).
        connect(s, &QScatterSeries::clicked, this, [this, s, seriesIds](const QPointF& at) {
            const QPointF where = m_chart->mapToPosition(at, s);
            int best = -1;
            double bestDistance = INFINITY;
            for (int i = 0; i < s->count() && i < seriesIds.size(); ++i) {
                const QPointF d = m_chart->mapToPosition(s->at(i), s) - where;
                if (QPointF::dotProduct(d, d) < bestDistance) best = i, bestDistance = QPointF::dotProduct(d, d);
            }
            if (best < 0) return;
            const qint64 id = seriesIds[best];
            // Rebuilding deletes this series: not inside its own signal.
            QMetaObject::invokeMethod(this, [this, id] {
                m_parallel->clearBrushes();
                setSelectedRuns({id});
                emit runsSelected({id});
            }, Qt::QueuedConnection);
        });
    }
}

void ParamsView::rebuildParallel() {
    QVector<ParallelLine> lines;
    QVector<int> runIndex;
    double lo = INFINITY, hi = -INFINITY;
    for (int i = 0; i < int(m_runs.size()); ++i) {
        const double y = lossOf(m_runs[i]);
        if (!std::isfinite(y)) continue;
        runIndex << i;
        lo = std::min(lo, y), hi = std::max(hi, y);
    }
    QVector<ParallelAxis> axes;
    for (const QString& f : m_axisFields) {
        ParallelAxis axis;
        axis.title = f;
        const bool numeric = m_numericFields.contains(f);
        for (int i : runIndex) {
            if (numeric) axis.numbers << m_runs[i].number.value(f, NAN);
            else axis.texts << m_runs[i].text.value(f);
        }
        axes << axis;
    }
    ParallelAxis lossAxis;
    lossAxis.title = m_loss == ParamsLoss::FinalVal ? tr("final val loss")
                     : m_loss == ParamsLoss::BestVal ? tr("best val loss")
                                                     : tr("final train loss");
    for (int i : runIndex) {
        const ParamsRun& r = m_runs[i];
        const double y = lossOf(r);
        lossAxis.numbers << y;
        // Colour by loss: in parallel coordinates the eye follows colour from the loss axis back.
        lines << ParallelLine{r.id, tr("#%1 %2").arg(r.id).arg(r.name), lossColor(hi > lo ? (y - lo) / (hi - lo) : 0.5)};
    }
    axes << lossAxis;
    m_parallel->setData(lines, axes);
    m_parallel->setHighlighted(m_selected);
}

void ParamsView::chooseAxes() {
    FieldChooser chooser(tr("Parallel Coordinates"), m_fields, m_axisFields, this);
    if (chooser.exec() == QDialog::Accepted) setAxisFields(chooser.checkedFields());
}

}  // namespace seqscope::widgets
