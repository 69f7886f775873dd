// SPDX-License-Identifier: MIT
#include "inference_view.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMap>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "latency_chart_view.h"

namespace seqscope::widgets {

InferenceView::InferenceView(QWidget* parent) : QWidget(parent) {
    m_source = new QComboBox(this);
    m_source->addItem(tr("Paper: NVIDIA H100 measurements"));
    m_source->addItem(tr("This database: seqscope-cli bench inference"));
    m_metric = new QComboBox(this);
    m_metric->addItem(tr("Decode step time"));
    m_metric->addItem(tr("Time to first token"));
    m_batch = new QComboBox(this);
    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Data:"), this));
    controls->addWidget(m_source);
    controls->addSpacing(12);
    controls->addWidget(new QLabel(tr("Metric:"), this));
    controls->addWidget(m_metric);
    controls->addSpacing(12);
    controls->addWidget(new QLabel(tr("Batch:"), this));
    controls->addWidget(m_batch);
    controls->addStretch(1);
    m_chart = new widgets::LatencyChartView(this);
    m_ratio = new QLabel(this);
    m_ratio->setWordWrap(true);
    m_ratio->setTextFormat(Qt::RichText);
    m_ratio->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_chart, 1);
    layout->addWidget(m_ratio);
    connect(m_source, &QComboBox::currentIndexChanged, this, [this] {
        refillBatches();
        redraw();
    });
    connect(m_metric, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_initializing) redraw();
    });
    connect(m_batch, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_initializing) redraw();
    });
}

const QVector<LatencyPoint>& InferenceView::current() const {
    return m_source->currentIndex() == 0 ? m_reference : m_measured;
}

void InferenceView::setReference(QVector<LatencyPoint> points, const QString& description) {
    m_reference = std::move(points);
    m_referenceDescription = description;
    refillBatches();
    redraw();
}

void InferenceView::setMeasured(QVector<LatencyPoint> points) {
    m_measured = std::move(points);
    refillBatches();
    redraw();
}

void InferenceView::refillBatches() {
    m_initializing = true;
    const QString previous = m_batch->currentText();
    QList<long long> batches;
    for (const auto& p : current())
        if (!batches.contains(p.batch)) batches << p.batch;
    std::sort(batches.begin(), batches.end());
    m_batch->clear();
    for (long long b : batches) m_batch->addItem(QString::number(b), b);
    const int index = m_batch->findText(previous.isEmpty() ? QStringLiteral("1") : previous);
    m_batch->setCurrentIndex(index >= 0 ? index : 0);
    m_initializing = false;
}

void InferenceView::redraw() {
    const bool step = m_metric->currentIndex() == 0;
    const long long batch = m_batch->currentData().toLongLong();
    // One series per model; models ordered by size within their architecture for the shading.
    QMap<QString, QVector<LatencyPoint>> byModel;
    for (const auto& p : current())
        if (p.batch == batch) byModel[p.arch + QLatin1Char('|') + p.model].append(p);
    QMap<QString, QList<QPair<double, QString>>> modelsByArch;
    for (auto it = byModel.cbegin(); it != byModel.cend(); ++it)
        modelsByArch[it->first().arch].append({it->first().params, it.key()});
    QVector<widgets::LatencySeries> series;
    for (auto arch = modelsByArch.begin(); arch != modelsByArch.end(); ++arch) {
        std::sort(arch->begin(), arch->end());
        for (int i = 0; i < arch->size(); ++i) {
            auto points = byModel.value(arch->at(i).second);
            std::sort(points.begin(), points.end(), [](const LatencyPoint& a, const LatencyPoint& b) { return a.prefill < b.prefill; });
            widgets::LatencySeries s;
            s.arch = arch.key();
            s.label = points.first().model;
            s.color = widgets::archShade(arch.key(), i, int(arch->size()));
            for (const auto& p : points) s.points.append(QPointF(double(p.prefill), step ? p.stepMs : p.ttftMs));
            series.append(s);
        }
    }
    m_chart->setSeries(series, step ? tr("Decode step time (ms per token)") : tr("Time to first token (ms)"), true);

    // Ratio Transformer / xLSTM per context for the largest model of each architecture.
    QString ratio;
    const auto largest = [&](const QString& arch) -> QVector<LatencyPoint> {
        const auto list = modelsByArch.value(arch);
        return list.isEmpty() ? QVector<LatencyPoint>() : byModel.value(list.last().second);
    };
    const auto xl = largest(QStringLiteral("xlstm")), tf = largest(QStringLiteral("transformer"));
    QStringList cells;
    for (const auto& t : tf)
        for (const auto& x : xl) {
            const double a = step ? t.stepMs : t.ttftMs, b = step ? x.stepMs : x.ttftMs;
            if (t.prefill == x.prefill && t.prefill > 0 && a > 0 && b > 0 && std::isfinite(a) && std::isfinite(b))
                cells << tr("%1: %2&times;").arg(t.prefill).arg(a / b, 0, 'f', 2);
        }
    if (!cells.isEmpty())
        ratio = tr("<b>Transformer / xLSTM</b> (%1 vs %2), by prefill length: %3")
                    .arg(tf.first().model, xl.first().model, cells.join(QStringLiteral(", ")));
    else if (current().isEmpty())
        ratio = m_source->currentIndex() == 0 ? tr("The built-in measurements could not be loaded.")
                                              : tr("No benchmark points yet: run <tt>seqscope-cli bench inference --arch "
                                                   "xlstm,transformer --preset 10m</tt> on this database.");
    if (m_source->currentIndex() == 0 && !m_referenceDescription.isEmpty())
        ratio += QStringLiteral("<br>") + m_referenceDescription.toHtmlEscaped();
    m_ratio->setText(ratio);
}

QString InferenceView::ratioText() const { return m_ratio->text(); }
int InferenceView::plottedSeries() const { return m_chart->seriesCount(); }

}  // namespace seqscope::widgets
