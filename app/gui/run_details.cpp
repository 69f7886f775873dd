// SPDX-License-Identifier: MIT
#include "run_details.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QLocale>

#include "run_table_model.h"
#include "training/training_config.h"

namespace seqscope::gui {

namespace {

QString number(double v) { return QString::number(v, 'g', 6); }

// One <tr> per property; a group heading spans both columns.
struct PropertyTable {
    QString html = QStringLiteral("<table cellspacing=0 cellpadding=2>");
    void group(const QString& name) { html += QStringLiteral("<tr><td colspan=2><b>%1</b></td></tr>").arg(name.toHtmlEscaped()); }
    void row(const QString& label, const QString& value) {
        html += QStringLiteral("<tr><td>&nbsp;&nbsp;%1</td><td>%2</td></tr>").arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    }
    QString done() const { return html + QStringLiteral("</table>"); }
};

}  // namespace

QString RunDetails::properties(const training::TrainingConfig& c) {
    const training::TrainingPlan p = training::planTraining(c);
    const QLocale locale;
    PropertyTable t;
    t.group(tr("Model"));
    t.row(tr("Architecture"), QString::fromLatin1(analysis::archName(c.shape.arch)));
    t.row(tr("Preset"), c.preset.empty() ? tr("custom") : QString::fromStdString(c.preset));
    t.row(tr("Shape"), QString::fromStdString(c.shape.describe()));
    if (p.status) t.row(tr("Parameters N"), locale.toString(p.params));
    t.row(tr("Context"), locale.toString(c.context));
    t.group(tr("Budget"));
    t.row(tr("Asked for"), QStringLiteral("%1 %2").arg(QString::fromLatin1(training::budgetKindName(c.budgetKind)), number(c.budget)));
    if (p.status) {
        t.row(tr("Steps"), locale.toString(p.steps));
        t.row(tr("Tokens D (D/N)"), QStringLiteral("%1 (%2)").arg(number(p.tokens)).arg(p.tokenParamRatio, 0, 'f', 1));
        t.row(tr("Training FLOPs C"), number(p.flops));
    }
    t.group(tr("Data"));
    t.row(tr("Source"), QString::fromStdString(c.data));
    t.row(tr("Held-out share"), number(c.valFraction));
    t.row(tr("Seed"), QString::number(c.seed));
    t.row(tr("Validation"), tr("%1 tokens every %2 steps").arg(locale.toString(c.evalTokens)).arg(p.status ? p.evalEvery : c.evalEvery));
    t.group(tr("Optimisation"));
    t.row(tr("Peak learning rate"), number(c.lr));
    if (p.status)
        t.row(tr("Batch"), tr("%1 tokens (%2 sequences, %3 passes)").arg(locale.toString(p.tokensPerStep)).arg(p.sequencesPerStep).arg(p.accumulation));
    t.row(tr("AdamW"), QStringLiteral("beta %1, %2; eps %3; weight decay %4").arg(number(c.beta1), number(c.beta2), number(c.eps), number(c.weightDecay)));
    t.row(tr("Gradient clip"), number(c.gradClip));
    if (p.status) t.row(tr("Warm-up"), tr("%1 steps, cosine to %2").arg(p.warmupSteps).arg(number(c.finalLrFactor * c.lr)));
    t.group(tr("Machine"));
    t.row(tr("Device"), QString::fromStdString(c.device) + (c.device.rfind("cuda", 0) == 0 ? (c.bf16 ? tr(", bf16") : tr(", fp32")) : QString()));
    t.row(tr("Threads"), c.threads > 0 ? QString::number(c.threads) : tr("all cores"));
    t.row(tr("Checkpoints"), c.checkpointDir.empty() ? tr("none") : QString::fromStdString(c.checkpointDir));
    t.row(tr("Checkpoint every"), c.checkpointEvery > 0 ? tr("%1 steps").arg(c.checkpointEvery) : tr("only on cancel"));
    return t.done();
}

QString RunDetails::html(const storage::RunRecord& run, bool rawJson) {
    QString html = QStringLiteral("<h3>#%1 %2</h3>").arg(run.id).arg(QString::fromStdString(run.name).toHtmlEscaped());
    html += tr("<p>%1, %2 parameters, context %3, status <b>%4</b></p>")
                .arg(QString::fromStdString(run.arch).toHtmlEscaped(), RunTableModel::humanCount(run.params))
                .arg(run.ctx)
                .arg(RunTableModel::statusText(run.status));
    if (!run.failureReason.empty())
        html += tr("<p>Reason: %1</p>").arg(QString::fromStdString(run.failureReason).toHtmlEscaped());
    if (!run.host.empty())
        html += tr("<p>Ran on %1 (pid %2)</p>").arg(QString::fromStdString(run.host).toHtmlEscaped()).arg(run.pid);
    auto config = training::trainingConfigFromJson(run.configJson);
    if (rawJson || !config) {
        if (config) html += QStringLiteral("<p><a href=\"%1\">%2</a></p>").arg(QLatin1String(kDetailsPropertiesLink), tr("Show as properties"));
        const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(run.configJson));
        html += QStringLiteral("<pre>%1</pre>").arg(QString::fromUtf8(doc.toJson(QJsonDocument::Indented)).toHtmlEscaped());
    } else {
        html += properties(*config);
        html += QStringLiteral("<p><a href=\"%1\">%2</a></p>").arg(QLatin1String(kDetailsJsonLink), tr("Show the raw JSON"));
    }
    if (!run.notes.empty()) html += QStringLiteral("<p>%1</p>").arg(QString::fromStdString(run.notes).toHtmlEscaped());
    return html;
}

}  // namespace seqscope::gui
