// SPDX-License-Identifier: MIT
#include "view_state.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <cmath>

namespace seqscope::gui {
namespace {


QJsonArray numbers(const QList<qint64>& ids) {
    QJsonArray a;
    for (qint64 id : ids) a.append(double(id));
    return a;
}

// Field readers: each names the field it refuses ("filters.archs: expected a list of strings").
struct Reader {
    QString* error;
    bool failed = false;
    void fail(const QString& field, const QString& expected) {
        if (failed) return;
        failed = true;
        *error = QCoreApplication::translate("ViewState", "view file field '%1': expected %2").arg(field, expected);
    }
    QString string(const QJsonObject& o, const char* key, const QString& field) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (!v.isString()) fail(field, QCoreApplication::translate("ViewState", "a string"));
        return v.toString();
    }
    bool boolean(const QJsonObject& o, const char* key, const QString& field, bool fallback) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined()) return fallback;
        if (!v.isBool()) fail(field, QCoreApplication::translate("ViewState", "true or false"));
        return v.toBool();
    }
    double number(const QJsonObject& o, const char* key, const QString& field, double lo, double hi) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (!v.isDouble() || !(v.toDouble() >= lo && v.toDouble() <= hi))
            fail(field, QCoreApplication::translate("ViewState", "a number from %1 to %2").arg(lo, 0, 'g', 6).arg(hi, 0, 'g', 6));
        return v.toDouble();
    }
    int integer(const QJsonObject& o, const char* key, const QString& field, int lo, int hi) {
        const double v = number(o, key, field, lo, hi);
        if (!failed && v != std::floor(v)) fail(field, QCoreApplication::translate("ViewState", "a whole number"));
        return int(v);
    }
};

}  // namespace

QByteArray viewStateToJson(const ViewState& s) {
    QJsonObject o;
    o[QStringLiteral("format")] = QStringLiteral("seqscope-view");
    o[QStringLiteral("version")] = kViewFileVersion;
    o[QStringLiteral("view")] = s.view;
    if (!s.title.isEmpty()) o[QStringLiteral("title")] = s.title;
    if (s.source) o[QStringLiteral("source")] = *s.source;
    if (s.filters) {
        const ScalingFilters& f = *s.filters;
        o[QStringLiteral("filters")] = QJsonObject{{QStringLiteral("set"), f.set},
                                                   {QStringLiteral("archs"), QJsonArray::fromStringList(f.archs)},
                                                   {QStringLiteral("x_axis"), f.xIsTokens ? QStringLiteral("tokens") : QStringLiteral("params")},
                                                   {QStringLiteral("with_runs"), f.withRuns},
                                                   {QStringLiteral("include_excluded"), f.includeExcluded},
                                                   {QStringLiteral("paper_budget_range"), f.paperBudgetRange}};
    }
    QJsonObject ranges;
    if (s.budgetFlops) ranges[QStringLiteral("budget_flops")] = *s.budgetFlops;
    if (s.lossRanges) {
        ranges[QStringLiteral("loss_log_x")] = s.lossRanges->logX;
        ranges[QStringLiteral("loss_log_y")] = s.lossRanges->logY;
        if (s.lossRanges->y) ranges[QStringLiteral("loss_y")] = QJsonArray{s.lossRanges->y->first, s.lossRanges->y->second};
    }
    if (!ranges.isEmpty()) o[QStringLiteral("ranges")] = ranges;
    if (s.selectedRuns) o[QStringLiteral("selection")] = QJsonObject{{QStringLiteral("runs"), numbers(*s.selectedRuns)}};
    if (s.calculator) {
        const widgets::CalculatorInputs& c = *s.calculator;
        o[QStringLiteral("calculator")] = QJsonObject{
            {QStringLiteral("d_model"), c.dModel},       {QStringLiteral("layers"), c.layers},
            {QStringLiteral("xlstm_heads"), c.xlstmHeads}, {QStringLiteral("transformer_heads"), c.transformerHeads},
            {QStringLiteral("vocab"), c.vocab},          {QStringLiteral("context"), double(c.context)},
            {QStringLiteral("batch"), double(c.batch)},  {QStringLiteral("precision"), c.precision},
            {QStringLiteral("tokens"), c.tokens},        {QStringLiteral("compute"), c.compute}};
    }
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

bool viewStateFromJson(const QByteArray& json, ViewState* out, QString* error) {
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parse);
    if (parse.error != QJsonParseError::NoError) {
        *error = QCoreApplication::translate("ViewState", "not a view file: JSON error at byte %1: %2").arg(parse.offset).arg(parse.errorString());
        return false;
    }
    if (!doc.isObject() || doc.object().value(QStringLiteral("format")).toString() != QLatin1String("seqscope-view")) {
        *error = QCoreApplication::translate("ViewState", "not a Seqscope view file (\"format\" is not \"seqscope-view\")");
        return false;
    }
    const QJsonObject o = doc.object();
    const int version = o.value(QStringLiteral("version")).toInt(0);
    if (version < 1 || version > kViewFileVersion) {
        *error = QCoreApplication::translate("ViewState", "view file version %1 is not supported (this Seqscope reads version %2)").arg(version).arg(kViewFileVersion);
        return false;
    }
    Reader r{error};
    ViewState s;
    s.view = r.string(o, "view", QStringLiteral("view"));
    if (o.contains(QStringLiteral("title"))) s.title = r.string(o, "title", QStringLiteral("title"));
    if (o.contains(QStringLiteral("source"))) s.source = r.string(o, "source", QStringLiteral("source"));
    if (o.contains(QStringLiteral("filters"))) {
        const QJsonObject f = o.value(QStringLiteral("filters")).toObject();
        ScalingFilters filters;
        filters.set = r.string(f, "set", QStringLiteral("filters.set"));
        const QJsonValue archs = f.value(QStringLiteral("archs"));
        if (!archs.isArray()) r.fail(QStringLiteral("filters.archs"), QCoreApplication::translate("ViewState", "a list of architectures"));
        for (const QJsonValue& a : archs.toArray()) {
            if (!a.isString()) r.fail(QStringLiteral("filters.archs"), QCoreApplication::translate("ViewState", "a list of architectures"));
            filters.archs << a.toString();
        }
        const QString axis = f.value(QStringLiteral("x_axis")).toString(QStringLiteral("params"));
        if (axis != QLatin1String("params") && axis != QLatin1String("tokens"))
            r.fail(QStringLiteral("filters.x_axis"), QCoreApplication::translate("ViewState", "\"params\" or \"tokens\""));
        filters.xIsTokens = axis == QLatin1String("tokens");
        filters.withRuns = r.boolean(f, "with_runs", QStringLiteral("filters.with_runs"), true);
        filters.includeExcluded = r.boolean(f, "include_excluded", QStringLiteral("filters.include_excluded"), false);
        filters.paperBudgetRange = r.boolean(f, "paper_budget_range", QStringLiteral("filters.paper_budget_range"), true);
        s.filters = filters;
    }
    const QJsonObject ranges = o.value(QStringLiteral("ranges")).toObject();
    if (ranges.contains(QStringLiteral("budget_flops")))
        s.budgetFlops = r.number(ranges, "budget_flops", QStringLiteral("ranges.budget_flops"), 1, 1e40);
    if (ranges.contains(QStringLiteral("loss_log_x")) || ranges.contains(QStringLiteral("loss_log_y")) ||
        ranges.contains(QStringLiteral("loss_y"))) {
        LossRanges l;
        l.logX = r.boolean(ranges, "loss_log_x", QStringLiteral("ranges.loss_log_x"), false);
        l.logY = r.boolean(ranges, "loss_log_y", QStringLiteral("ranges.loss_log_y"), false);
        if (ranges.contains(QStringLiteral("loss_y"))) {
            const QJsonArray y = ranges.value(QStringLiteral("loss_y")).toArray();
            if (y.size() != 2 || !y[0].isDouble() || !y[1].isDouble() || !(y[0].toDouble() < y[1].toDouble()))
                r.fail(QStringLiteral("ranges.loss_y"), QCoreApplication::translate("ViewState", "[low, high] with low < high"));
            else
                l.y = std::make_pair(y[0].toDouble(), y[1].toDouble());
        }
        s.lossRanges = l;
    }
    if (o.contains(QStringLiteral("selection"))) {
        QList<qint64> ids;
        const QJsonValue runs = o.value(QStringLiteral("selection")).toObject().value(QStringLiteral("runs"));
        if (!runs.isArray()) r.fail(QStringLiteral("selection.runs"), QCoreApplication::translate("ViewState", "a list of run ids"));
        for (const QJsonValue& v : runs.toArray()) {
            if (!v.isDouble() || v.toDouble() < 1 || v.toDouble() != std::floor(v.toDouble()))
                r.fail(QStringLiteral("selection.runs"), QCoreApplication::translate("ViewState", "a list of run ids"));
            ids << qint64(v.toDouble());
        }
        s.selectedRuns = ids;
    }
    if (o.contains(QStringLiteral("calculator"))) {
        const QJsonObject c = o.value(QStringLiteral("calculator")).toObject();
        widgets::CalculatorInputs in;
        in.dModel = r.integer(c, "d_model", QStringLiteral("calculator.d_model"), 1, 1 << 20);
        in.layers = r.integer(c, "layers", QStringLiteral("calculator.layers"), 1, 4096);
        in.xlstmHeads = r.integer(c, "xlstm_heads", QStringLiteral("calculator.xlstm_heads"), 1, 4096);
        in.transformerHeads = r.integer(c, "transformer_heads", QStringLiteral("calculator.transformer_heads"), 1, 4096);
        in.vocab = r.integer(c, "vocab", QStringLiteral("calculator.vocab"), 1, 1 << 24);
        in.context = r.integer(c, "context", QStringLiteral("calculator.context"), 1, 1 << 30);
        in.batch = r.integer(c, "batch", QStringLiteral("calculator.batch"), 1, 1 << 20);
        in.precision = r.string(c, "precision", QStringLiteral("calculator.precision"));
        if (!r.failed && in.precision != QLatin1String("fp32") && in.precision != QLatin1String("bf16") &&
            in.precision != QLatin1String("fp8"))
            r.fail(QStringLiteral("calculator.precision"), QCoreApplication::translate("ViewState", "fp32, bf16 or fp8"));
        in.tokens = r.number(c, "tokens", QStringLiteral("calculator.tokens"), 1, 1e30);
        in.compute = r.number(c, "compute", QStringLiteral("calculator.compute"), 1, 1e40);
        s.calculator = in;
    }
    if (r.failed) return false;
    *out = s;
    return true;
}

bool saveViewState(const QString& path, const ViewState& state, QString* error) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(viewStateToJson(state)) < 0 || !file.commit()) {
        *error = QCoreApplication::translate("ViewState", "cannot write '%1': %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool loadViewState(const QString& path, ViewState* state, QString* error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QCoreApplication::translate("ViewState", "cannot read '%1': %2").arg(path, file.errorString());
        return false;
    }
    if (file.size() > (1 << 20)) {
        *error = QCoreApplication::translate("ViewState", "'%1' is larger than 1 MiB; a view file is a few hundred bytes").arg(path);
        return false;
    }
    if (!viewStateFromJson(file.readAll(), state, error)) {
        *error = QStringLiteral("%1: %2").arg(path, *error);
        return false;
    }
    return true;
}

}  // namespace seqscope::gui
