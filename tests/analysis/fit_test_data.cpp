// SPDX-License-Identifier: MIT
#include "fit_test_data.h"

#include <QFile>
#include <algorithm>
#include <cmath>

#include "storage/results_table.h"
#include "test_support.h"
#include "workspace/scaling_points.h"

namespace seqscope::test {

namespace {

QByteArray readAll(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return f.readAll();
}

// Minimal RFC 4180 split for the raw release files (quoted fields hold commas).
std::vector<std::string> splitCsv(const std::string& line) {
    std::vector<std::string> out;
    std::string cur;
    bool quoted = false;
    for (char c : line) {
        if (c == '"') quoted = !quoted;
        else if (c == ',' && !quoted) {
            out.push_back(cur);
            cur.clear();
        } else if (c != '\r') cur += c;
    }
    out.push_back(cur);
    return out;
}

std::vector<std::vector<std::string>> rows(const QByteArray& text, std::vector<std::string>* header) {
    std::vector<std::vector<std::string>> out;
    const QList<QByteArray> lines = text.split('\n');
    bool first = true;
    for (const QByteArray& l : lines) {
        if (l.trimmed().isEmpty() || l.startsWith('#')) continue;
        auto cells = splitCsv(l.toStdString());
        if (first) {
            *header = cells;
            first = false;
            continue;
        }
        out.push_back(cells);
    }
    return out;
}

int column(const std::vector<std::string>& header, const std::string& name) {
    const auto it = std::find(header.begin(), header.end(), name);
    return it == header.end() ? -1 : static_cast<int>(it - header.begin());
}

std::vector<analysis::ScalingPoint> fromResultsTable(const QString& path, const std::string& arch, const std::string& set) {
    const QByteArray text = readAll(path);
    if (text.isEmpty()) return {};
    auto parsed = storage::parseResultsTable(text.toStdString(), path.toStdString());
    if (!parsed) return {};
    workspace::PointFilter filter;
    filter.arch = arch;
    filter.set = set;
    return workspace::toScalingPoints(parsed.value(), filter);
}

}  // namespace

std::vector<analysis::ScalingPoint> paperPoints(const std::string& arch, const std::string& set, QString* source) {
    const QString builtin = sourcePath(QStringLiteral("resources/datasets/xlstm_paper.csv"));
    auto pts = fromResultsTable(builtin, arch, set);
    if (!pts.empty()) {
        *source = builtin;
        return pts;
    }
    // Raw release files: only the sets the tests use.
    std::vector<std::string> h;
    const std::string modelType = arch == "xlstm" ? "mlstm_v1" : "llama";
    if (set == "tokenparam_ctx8192") {
        const QString path = sharedDataPath(QStringLiteral("xlstm_scaling/tokenparam_runs_ctx8192.csv"));
        const auto rs = rows(readAll(path), &h);
        const int mt = column(h, "model_type"), n = column(h, "num_params"), d = column(h, "num_tokens_training"),
                  c = column(h, "num_flops_training"), l = column(h, "val/.dclm_loss");
        int line = 1;
        for (const auto& r : rs) {
            ++line;
            if (mt < 0 || r[mt] != modelType) continue;
            analysis::ScalingPoint p;
            p.arch = arch;
            p.set = set;
            p.ctx = 8192;
            p.params = std::stod(r[n]);
            p.tokens = std::stod(r[d]);
            p.flops = std::stod(r[c]);
            p.loss = std::stod(r[l]);
            p.sourceRow = line;
            pts.push_back(p);
        }
        if (!pts.empty()) *source = path;
        return pts;
    }
    if (arch == "transformer" && set.rfind("isoflop_ctx", 0) == 0) {
        const QString path = sharedDataPath(QStringLiteral("xlstm_scaling/isoflop_runs.csv"));
        const auto rs = rows(readAll(path), &h);
        const std::string dataset = "isoflop_llama_ctx" + set.substr(std::string("isoflop_ctx").size());
        const int ds = column(h, "dataset"), n = column(h, "num_params"), d = column(h, "num_tokens_training"),
                  c = column(h, "num_flops_training"), l = column(h, "val_dclm_loss"), keep = column(h, "in_repo_filtered_isoflop_set"),
                  ctx = column(h, "context_length");
        int line = 1;
        for (const auto& r : rs) {
            ++line;
            if (ds < 0 || r[ds] != dataset || r[keep] != "True") continue;
            analysis::ScalingPoint p;
            p.arch = arch;
            p.set = set;
            p.ctx = std::stoll(r[ctx]);
            p.params = std::stod(r[n]);
            p.tokens = std::stod(r[d]);
            p.flops = std::stod(r[c]);
            p.loss = std::stod(r[l]);
            p.sourceRow = line;
            pts.push_back(p);
        }
        if (!pts.empty()) *source = path;
        return pts;
    }
    return {};
}

std::vector<analysis::ScalingPoint> chinchillaPoints(QString* source) {
    const QString builtin = sourcePath(QStringLiteral("resources/datasets/chinchilla.csv"));
    auto pts = fromResultsTable(builtin, "", "");
    if (!pts.empty()) {
        *source = builtin;
        return pts;
    }
    const QString path = sharedDataPath(QStringLiteral("chinchilla/svg_extracted_data.csv"));
    std::vector<std::string> h;
    const auto rs = rows(readAll(path), &h);
    const int n = column(h, "Model Size"), c = column(h, "Training FLOP"), l = column(h, "loss");
    if (n < 0 || c < 0 || l < 0) return {};
    std::vector<double> losses;
    for (const auto& r : rs) losses.push_back(std::stod(r[l]));
    std::vector<double> sorted = losses;
    std::sort(sorted.begin(), sorted.end());
    const double threshold = sorted.size() >= 5 ? sorted[sorted.size() - 5] : INFINITY;
    int line = 1;
    for (const auto& r : rs) {
        ++line;
        analysis::ScalingPoint p;
        p.arch = "transformer";
        p.params = std::stod(r[n]);
        p.flops = std::stod(r[c]);
        p.tokens = p.flops / (6.0 * p.params);
        p.loss = std::stod(r[l]);
        p.sourceRow = line;
        if (p.loss < threshold) pts.push_back(p);   // Epoch: keep losses below the 5th largest
    }
    if (!pts.empty()) *source = path;
    return pts;
}

}  // namespace seqscope::test
