// SPDX-License-Identifier: MIT
// The Calculator view: every number it shows equals what `seqscope-cli flops --json` prints for the
// same shape (the CLI binary is run as a user would), the knobs drive the numbers, a shape the
// accounting refuses says why, and the memory-against-context chart tells the two caches apart.
#include <QComboBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QSpinBox>
#include <QTableWidget>
#include <QtTest>
#include <cmath>

#include "calculator_charts.h"
#include "calculator_controller.h"
#include "calculator_view.h"
#include "test_support.h"

using namespace seqscope;
using widgets::CalculatorView;

Q_DECLARE_METATYPE(widgets::CalculatorInputs)

namespace {

QJsonObject cliFlops(const QString& arch, const widgets::CalculatorInputs& in) {
    const int heads = arch == QLatin1String("xlstm") ? in.xlstmHeads : in.transformerHeads;
    const auto r = test::runCli({QStringLiteral("flops"), QStringLiteral("--arch"), arch, QStringLiteral("--d-model"),
                                 QString::number(in.dModel), QStringLiteral("--layers"), QString::number(in.layers),
                                 QStringLiteral("--heads"), QString::number(heads), QStringLiteral("--vocab"),
                                 QString::number(in.vocab), QStringLiteral("--ctx"), QString::number(in.context),
                                 QStringLiteral("--batch"), QString::number(in.batch), QStringLiteral("--json")});
    if (r.exitCode != 0) qWarning("seqscope-cli flops failed: %s", qPrintable(r.err));
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

double at(const QJsonObject& o, const QString& path) {
    QJsonValue v = o;
    for (const QString& key : path.split(QLatin1Char('.'))) v = v.toObject().value(key);
    return v.isDouble() ? v.toDouble() : NAN;
}

// Relative agreement to 1e-12: the same double arithmetic on both sides, printed by nlohmann::json
// with round-trip precision.
bool same(double shown, double cli) {
    return std::isfinite(shown) && std::isfinite(cli) && std::abs(shown - cli) <= 1e-12 * std::max(1.0, std::abs(cli));
}

#define EXPECT_SAME(shown, cli)                                                                                         \
    QVERIFY2(same((shown), (cli)), qPrintable(QStringLiteral("%1: calculator %2, cli %3")                               \
                                                  .arg(QStringLiteral(#shown))                                          \
                                                  .arg((shown), 0, 'g', 17)                                             \
                                                  .arg((cli), 0, 'g', 17)))

}  // namespace

class TestCalculatorView : public QObject {
    Q_OBJECT

private slots:
    void numbersEqualTheCli_data() {
        QTest::addColumn<widgets::CalculatorInputs>("inputs");
        auto make = [](int d, int L, int hx, int ht, int V, long long T, long long B, double D) {
            widgets::CalculatorInputs in;
            in.dModel = d, in.layers = L, in.xlstmHeads = hx, in.transformerHeads = ht, in.vocab = V;
            in.context = T, in.batch = B, in.tokens = D;
            return in;
        };
        QTest::newRow("paper 160M at 8K, batch 4") << make(768, 12, 6, 12, 50304, 8192, 4, 3.3e9);
        QTest::newRow("CPU 10M at 1K") << make(256, 12, 4, 4, 260, 1024, 1, 2e8);
        QTest::newRow("paper 7B at 32K, batch 2") << make(4096, 32, 8, 32, 50304, 32768, 2, 1.4e11);
        QTest::newRow("context not a multiple of the chunk") << make(512, 6, 2, 8, 50304, 1000, 3, 1e9);
    }

    void numbersEqualTheCli() {
        QFETCH(widgets::CalculatorInputs, inputs);
        CalculatorView view;
        gui::CalculatorController controller(&view);
        view.setInputs(inputs);
        for (const bool xlstm : {true, false}) {
            const QJsonObject cli = cliFlops(xlstm ? QStringLiteral("xlstm") : QStringLiteral("transformer"), inputs);
            QVERIFY2(!cli.isEmpty(), "seqscope-cli flops --json gave no JSON");
            const double T = double(inputs.context);
            auto shown = [&](CalculatorView::Quantity q) { return view.shownValue(q, xlstm); };
            EXPECT_SAME(shown(CalculatorView::Params), at(cli, QStringLiteral("params")));
            EXPECT_SAME(shown(CalculatorView::ForwardPerToken), at(cli, QStringLiteral("training.forward_per_token")));
            EXPECT_SAME(shown(CalculatorView::FwbwPerToken), at(cli, QStringLiteral("training.fwbw_per_token")));
            EXPECT_SAME(shown(CalculatorView::SixN), at(cli, QStringLiteral("training.heuristic_6n_per_token")));
            const QString b = QStringLiteral("training.forward_breakdown_per_sequence.");
            // The calculator moves the FFN matmuls out of "projections"; the two together are the CLI's.
            EXPECT_SAME(shown(CalculatorView::Projections) + shown(CalculatorView::FeedForward),
                        (at(cli, b + QStringLiteral("projections")) + at(cli, b + QStringLiteral("ffn_gating"))) / T);
            EXPECT_SAME(shown(CalculatorView::SequenceMixing), at(cli, b + QStringLiteral("sequence_mixing")) / T);
            EXPECT_SAME(shown(CalculatorView::Logits), at(cli, b + QStringLiteral("logits")) / T);
            EXPECT_SAME(shown(CalculatorView::TrainingCompute), at(cli, QStringLiteral("training.fwbw_per_token")) * inputs.tokens);
            EXPECT_SAME(shown(CalculatorView::PrefillFlops), at(cli, QStringLiteral("inference.prefill_flops")));
            EXPECT_SAME(shown(CalculatorView::StepFlops), at(cli, QStringLiteral("inference.step.physical.flops")));
            EXPECT_SAME(shown(CalculatorView::StepBytes), at(cli, QStringLiteral("inference.step.physical.bytes")));
            EXPECT_SAME(shown(CalculatorView::Cache),
                        at(cli, xlstm ? QStringLiteral("inference.state_bytes") : QStringLiteral("inference.kv_cache_bytes")));
            // The table's cell holds the number it shows, and the stacked bar draws the same parts.
            const int bar = xlstm ? 0 : 1;
            EXPECT_SAME(view.flopChart()->value(2, bar), shown(CalculatorView::SequenceMixing));
            EXPECT_SAME(view.flopChart()->value(3, bar), shown(CalculatorView::Logits));
        }
    }

    void everyNumberExplainsItsFormula() {
        CalculatorView view;
        for (int q = 0; q < CalculatorView::QuantityCount; ++q)
            QVERIFY2(view.formula(CalculatorView::Quantity(q)).size() > 10, qPrintable(QString::number(q)));
        // The hover text of a value cell is the formula and the value.
        gui::CalculatorController controller(&view);
        QTableWidget* table = view.table();
        bool found = false;
        for (int r = 0; r < table->rowCount(); ++r)
            if (table->item(r, 1) && table->item(r, 1)->toolTip().startsWith(view.formula(CalculatorView::Params))) found = true;
        QVERIFY(found);
    }

    void knobsAndPresetsDriveTheNumbers() {
        CalculatorView view;
        gui::CalculatorController controller(&view);
        QVERIFY(view.applyPreset(QStringLiteral("160m")));
        QCOMPARE(view.shownValue(CalculatorView::Params, true), 164110224.0);   // scaling-laws.md section 3
        QCOMPARE(view.shownValue(CalculatorView::Params, false), 162220800.0);
        QVERIFY(view.applyPreset(QStringLiteral("cpu-10m")));
        QCOMPARE(view.inputs().vocab, 260);
        QVERIFY(!view.applyPreset(QStringLiteral("no-such-size")));

        // Doubling the context doubles the KV cache and leaves the state alone.
        auto* context = view.findChild<QSpinBox*>(QStringLiteral("calculatorContext"));
        QVERIFY(context);
        context->setValue(512);
        const double kv = view.shownValue(CalculatorView::Cache, false), state = view.shownValue(CalculatorView::Cache, true);
        const double attention = view.shownValue(CalculatorView::SequenceMixing, false);
        context->setValue(1024);
        QCOMPARE(view.shownValue(CalculatorView::Cache, false), 2 * kv);
        QCOMPARE(view.shownValue(CalculatorView::Cache, true), state);
        QVERIFY(view.shownValue(CalculatorView::SequenceMixing, false) > 1.9 * attention);

        // fp32 doubles the weights of bf16.
        auto* precision = view.findChild<QComboBox*>(QStringLiteral("calculatorPrecision"));
        precision->setCurrentIndex(precision->findData(QStringLiteral("bf16")));
        const double bf16 = view.shownValue(CalculatorView::Weights, true);
        precision->setCurrentIndex(precision->findData(QStringLiteral("fp32")));
        QCOMPARE(view.shownValue(CalculatorView::Weights, true), 2 * bf16);
    }

    void aRefusedShapeSaysWhy() {
        CalculatorView view;
        gui::CalculatorController controller(&view);
        widgets::CalculatorInputs in = view.inputs();
        in.transformerHeads = 7;   // 768 is not a multiple of 7
        view.setInputs(in);
        QVERIFY(std::isnan(view.shownValue(CalculatorView::Params, false)));
        QVERIFY(!view.result().transformer.valid);
        QVERIFY2(view.result().transformer.error.contains(QLatin1String("head")), qPrintable(view.result().transformer.error));
        QVERIFY(view.result().xlstm.valid);
        auto* headline = view.findChild<QLabel*>(QStringLiteral("calculatorHeadline"));
        QVERIFY(headline->text().contains(view.result().transformer.error.toHtmlEscaped()));
    }

    void memoryAgainstContextSeparatesCacheFromState() {
        gui::CalculatorController controller;
        widgets::CalculatorInputs in;   // the paper's 160M pair, bf16, batch 1
        const widgets::CalculatorResult r = controller.compute(in);
        QVERIFY(r.xlstm.memoryCurve.size() > 10);
        QCOMPARE(r.xlstm.memoryCurve.first().y(), r.xlstm.memoryCurve.last().y());   // the state does not grow
        QVERIFY(r.transformer.memoryCurve.last().y() > 10 * r.transformer.memoryCurve.first().y());
        for (const auto& f : r.xlstm.fits) QCOMPARE(f.longestContext, -1.0);    // any context fits
        // 24 GB hold (24e9 - weights) / (2 L H d_h 2 bytes) tokens of the Transformer's cache.
        const double weights = 162220800.0 * 2, perToken = 2.0 * 12 * 12 * 64 * 2;
        QCOMPARE(r.transformer.fits.first().longestContext, std::floor((24e9 - weights) / perToken));
        // The H100 runtime model predicts a step time for both; the Transformer's grows with context.
        QVERIFY(r.xlstm.stepMsH100 > 0 && r.transformer.stepMsH100 > 0);
        in.context = 65536;
        QVERIFY(controller.compute(in).transformer.stepMsH100 > r.transformer.stepMsH100);
        QCOMPARE(controller.compute(in).xlstm.stepMsH100, r.xlstm.stepMsH100);
    }

    void fitsBesideTheDocksOnAProjector() {
        // 1280x720 with the Runs dock open leaves about 830 x 600 for a view.
        CalculatorView view;
        gui::CalculatorController controller(&view);
        const QSize minimum = view.minimumSizeHint();
        QVERIFY2(minimum.width() <= 820 && minimum.height() <= 560,
                 qPrintable(QStringLiteral("%1x%2").arg(minimum.width()).arg(minimum.height())));
    }

    void computeBudgetUsesTheGivenLaws() {
        gui::CalculatorController controller;
        widgets::FrontierSeries f;
        f.arch = QStringLiteral("xlstm");
        f.nLaw.valid = f.dLaw.valid = true;
        f.nLaw.A = 0.1, f.nLaw.a = 0.5, f.dLaw.A = 2, f.dLaw.a = 0.5;
        controller.setFrontier({f}, QStringLiteral("test"));
        widgets::CalculatorInputs in;
        in.compute = 1e20;
        const auto r = controller.compute(in);
        QCOMPARE(r.xlstm.optimalParams, 0.1 * 1e10);
        QCOMPARE(r.xlstm.optimalTokens, 2 * 1e10);
        QVERIFY(std::isnan(r.transformer.optimalParams));
    }
};

QTEST_MAIN(TestCalculatorView)
#include "tst_calculator_view.moc"
