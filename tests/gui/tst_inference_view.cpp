// SPDX-License-Identifier: MIT
// The Inference view on the paper's built-in H100 measurements: one line per released model at
// batch 1, and the Transformer/xLSTM step-time ratio growing with context, as the paper reports.
#include <QComboBox>
#include <QRegularExpression>
#include <QtTest>

#include "analysis/builtin_datasets.h"
#include "analysis/inference_measurements.h"
#include "inference_view.h"

using namespace seqscope;

class TestInferenceView : public QObject {
    Q_OBJECT

    static QVector<widgets::LatencyPoint> reference() {
        QVector<widgets::LatencyPoint> points;
        auto rows = analysis::parseInferenceMeasurements(analysis::builtinInferenceMeasurementsCsv(), "h100.csv");
        if (!rows) return points;
        for (const auto& r : *rows)
            points.append({QString::fromStdString(r.arch), QString::fromStdString(r.model), r.numParams, r.batch, r.prefill,
                           r.ttftMs, r.stepMs});
        return points;
    }

private slots:
    void drawsEveryReleasedModelAndTheGrowingRatio() {
        widgets::InferenceView view;
        view.resize(1100, 700);
        const auto points = reference();
        QVERIFY(points.size() > 1000);
        view.setReference(points, QStringLiteral("H100"));
        QCOMPARE(view.plottedSeries(), 12);   // 6 sizes x 2 architectures
        // "128: 1.10x, ... 16384: 4.60x": the ratio at the longest context exceeds the shortest's.
        const QString text = view.ratioText();
        QRegularExpression re(QStringLiteral("(\\d+): ([0-9.]+)&times;"));
        QList<double> ratios;
        for (auto it = re.globalMatch(text); it.hasNext();) ratios << it.next().captured(2).toDouble();
        QVERIFY2(ratios.size() >= 5, qPrintable(text));
        QVERIFY2(ratios.last() > 2.0 * ratios.first(), qPrintable(text));
    }

    void measuredSourceExplainsHowToFillIt() {
        widgets::InferenceView view;
        view.setReference(reference(), QStringLiteral("H100"));
        view.setMeasured({});
        auto* source = view.findChildren<QComboBox*>().value(0);
        QVERIFY(source);
        source->setCurrentIndex(1);
        QCOMPARE(view.plottedSeries(), 0);
        QVERIFY(view.ratioText().contains(QStringLiteral("seqscope-cli bench inference")));
    }
};

QTEST_MAIN(TestInferenceView)
#include "tst_inference_view.moc"
