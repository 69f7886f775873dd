// SPDX-License-Identifier: MIT
#include "inference_view.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMap>
#include <QPushButton>
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
    // Real models: an imported checkpoint measured here, beside the paper's H100 curves.
    m_model = new QComboBox(this);
    m_model->setObjectName(QStringLiteral("benchmarkModel"));
    m_model->setMinimumContentsLength(16);
    m_benchmark = new QPushButton(tr("Benchmark on This Machine"), this);
    m_benchmark->setObjectName(QStringLiteral("benchmark"));
    m_benchmarkStatus = new QLabel(this);
    auto* real = new QHBoxLayout;
    real->addWidget(new QLabel(tr("Imported model:"), this));
    real->addWidget(m_model);
    real->addWidget(m_benchmark);
    real->addWidget(m_benchmarkStatus, 1);
    setModels({});
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_chart, 1);
    layout->addWidget(m_ratio);
    layout->addLayout(real);
    connect(m_benchmark, &QPushButton::clicked, this, [this] {
        if (m_model->count() > 0) emit benchmarkRequested(m_model->currentText());
    });
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

void InferenceView::setModels(const QStringList& names) {
    const QString current = m_model->currentText();
    m_model->clear();
    m_model->addItems(names);
    m_model->setCurrentIndex(std::max(0, m_model->findText(current)));
    m_model->setEnabled(!names.isEmpty());
    m_benchmark->setEnabled(!names.isEmpty() && !m_benchmarkBusy);
    if (!m_benchmarkBusy)
        m_benchmarkStatus->setText(names.isEmpty() ? tr("<small>Import one with <tt>seqscope-cli model import DIR</tt> to measure a real model.</small>")
                                                   : QString());
}

void InferenceView::setBenchmarkStatus(const QString& text, bool busy) {
    m_benchmarkBusy = busy;
    m_benchmarkStatus->setText(text);
    m_benchmark->setEnabled(!busy && m_model->count() > 0);
}

void InferenceView::showMeasured() { m_source->setCurrentIndex(1); }

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
    // A model measured again at a prefill length: the latest measurement (points come in id order).
    QMap<QString, QMap<long long, LatencyPoint>> latest;
    for (const auto& p : current())
        if (p.batch == batch) latest[p.arch + QLatin1Char('|') + p.model][p.prefill] = p;
    QMap<QString, QVector<LatencyPoint>> byModel;
    for (auto it = latest.cbegin(); it != latest.cend(); ++it) byModel[it.key()] = QVector<LatencyPoint>(it->cbegin(), it->cend());
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
