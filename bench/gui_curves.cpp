// SPDX-License-Identifier: MIT
// Frame time and frames per second of the live loss-curve view, 20 runs x 200,000 and x 1,000,000
// points each (issues 7 and 20), offscreen.
//   QT_QPA_PLATFORM=offscreen build/bench/gui_curves [--runs 20] [--points 200000,1000000]
//       [--frames 20] [--size 1600x900] [--paths pyramid,scan] [--no-baseline]
//       [--scenarios stream,stream-ema,zoom,zoom-ema]
// A frame is everything between a change and its pixels: pipeline (transform, smoothing, per-pixel
// envelope, y range), QLineSeries::replace(), Qt Charts layout, and painting the whole view into a
// pixmap (grab(), the raster engine a desktop without OpenGL uses). Scenarios: streaming (10 new
// points per run per frame, automatic x follows), zoom (a new x window per frame), each with
// smoothing off and with EMA + raw shadow. Each runs on both envelope paths in the same process:
// "pyramid" (per-run min/max pyramids, curve_pyramid.h, the default) and "scan" (every visible point
// scanned per frame, the path before issue 20). The no-decimation baseline (every point handed to
// Qt Charts, 2 frames) runs at the smallest size only. 3 warm-up frames, then median / p95 of wall
// time and the median CPU time of the process, all threads (robust when other processes share the machine),
// split into the update (pipeline, series, layout) and painting the view (grab());
// frames/s is given for both (wall: on this machine now; CPU: on an idle core).
#include "loss_chart_canvas.h"
#include "loss_chart_view.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QPixmap>
#include <QThread>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>
#include <time.h>

using namespace seqscope::widgets;

namespace {

struct Stats {
    double median = 0, p95 = 0, mean = 0;
};

Stats summarize(std::vector<double> v) {
    Stats s;
    if (v.empty()) return s;
    std::sort(v.begin(), v.end());
    s.median = v[v.size() / 2];
    s.p95 = v[std::min(v.size() - 1, static_cast<size_t>(std::ceil(0.95 * v.size())) - 1)];
    for (double x : v) s.mean += x;
    s.mean /= static_cast<double>(v.size());
    return s;
}

QString cpuModel() {
    QFile f(QStringLiteral("/proc/cpuinfo"));
    if (!f.open(QIODevice::ReadOnly)) return QStringLiteral("unknown CPU");
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith("model name")) return QString::fromUtf8(line.mid(line.indexOf(':') + 1)).trimmed();
    return QStringLiteral("unknown CPU");
}

// CPU time of the process (the GUI thread and the chart's worker pool): the figure that does not
// depend on what else the machine runs.
double threadCpuMs() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

long rssMiB() {
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly)) return -1;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:")) return line.mid(6).trimmed().split(' ').first().toLong() / 1024;
    return -1;
}

// A loss curve: power-law decay to a floor, Gaussian noise, a rare spike (data loading hiccup).
struct CurveGen {
    std::mt19937 rng;
    std::normal_distribution<double> noise{0.0, 0.05};
    std::uniform_real_distribution<double> uni{0.0, 1.0};
    double floorValue;
    explicit CurveGen(unsigned seed, double floorIn) : rng(seed), floorValue(floorIn) {}
    CurvePoint at(qint64 step) {
        CurvePoint p;
        p.step = step;
        p.tokens = 65536.0 * static_cast<double>(step);
        p.flops = 6.0 * 1.6e8 * p.tokens;
        p.wallTime = 1.7e9 + 0.02 * static_cast<double>(step);
        p.value = floorValue + 8.0 * std::pow(1.0 + static_cast<double>(step) / 100.0, -0.5) + noise(rng);
        if (uni(rng) < 1e-4) p.value += 3.0;
        return p;
    }
};

}  // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    int runs = 20, frames = 20, width = 1600, height = 900;
    QList<int> pointCounts{200000, 1000000};
    QStringList paths{QStringLiteral("pyramid"), QStringLiteral("scan")};
    QStringList scenarios{QStringLiteral("stream"), QStringLiteral("stream-ema"), QStringLiteral("zoom"),
                          QStringLiteral("zoom-ema")};
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--runs")) runs = args[i + 1].toInt();
        if (args[i] == QLatin1String("--frames")) frames = args[i + 1].toInt();
        if (args[i] == QLatin1String("--paths")) paths = args[i + 1].split(QLatin1Char(','));
        if (args[i] == QLatin1String("--scenarios")) scenarios = args[i + 1].split(QLatin1Char(','));
        if (args[i] == QLatin1String("--points")) {
            pointCounts.clear();
            for (const QString& p : args[i + 1].split(QLatin1Char(','))) pointCounts << p.toInt();
        }
        if (args[i] == QLatin1String("--size")) {
            const QStringList wh = args[i + 1].split(QLatin1Char('x'));
            if (wh.size() == 2) {
                width = wh[0].toInt();
                height = wh[1].toInt();
            }
        }
    }
    std::printf("command: %s\n", qPrintable(args.join(QLatin1Char(' '))));
    std::printf("machine: %s, %d logical CPUs; Qt %s, platform %s\n", qPrintable(cpuModel()),
                QThread::idealThreadCount(), qVersion(), qPrintable(QGuiApplication::platformName()));

    for (const int points : pointCounts) {
        LossChartView view;
        view.resize(width, height);
        view.show();
        view.setMetric(QStringLiteral("train_loss"));
        QVector<RunCurveInfo> infos;
        std::vector<CurveGen> gens;
        for (int r = 0; r < runs; ++r) {
            infos.push_back({QStringLiteral("run-%1").arg(r), QStringLiteral("run %1").arg(r), true, {}, {}});
            gens.emplace_back(static_cast<unsigned>(r + 1), 2.0 + 0.05 * r);
        }
        view.setRuns(infos);
        QElapsedTimer load;
        load.start();
        for (int r = 0; r < runs; ++r) {
            QVector<CurvePoint> batch;
            batch.reserve(points);
            for (int i = 0; i < points; ++i) batch.push_back(gens[static_cast<size_t>(r)].at(i));
            view.appendPoints(infos[r].key, batch);
        }
        view.flushUpdates();
        std::printf("\nloaded %d runs x %d points in %.0f ms (incl. first frame); RSS %ld MiB; plot %d px wide\n",
                    runs, points, static_cast<double>(load.elapsed()), rssMiB(), view.canvas()->plotColumns());

        qint64 nextStep = points;
        std::mt19937 rng(42);
        std::uniform_real_distribution<double> uni(0.0, 1.0);
        auto runScenario = [&](const QString& name, bool smoothing, bool zoom, bool everyPoint = false) {
            CurveViewOptions o = view.options();
            o.smoothing.kind = smoothing ? SmoothingKind::Ema : SmoothingKind::Off;
            o.smoothing.emaWeight = 0.95;
            o.rawPoints = everyPoint;
            view.setOptions(o);
            view.resetView();
            view.flushUpdates();
            std::vector<double> total, cpu, compute, paint, drawn;
            const int warmup = everyPoint ? 1 : 3;
            const int count = everyPoint ? 2 : frames;  // the baseline takes seconds per frame
            for (int f = 0; f < count + warmup; ++f) {
                QElapsedTimer t;
                t.start();
                const double cpu0 = threadCpuMs();
                if (zoom) {
                    const double span = nextStep * (0.05 + 0.95 * uni(rng));
                    const double lo = (nextStep - span) * uni(rng);
                    view.setXRange(lo, lo + span);
                } else {
                    for (int r = 0; r < runs; ++r) {
                        QVector<CurvePoint> batch;
                        for (int k = 0; k < 10; ++k) batch.push_back(gens[static_cast<size_t>(r)].at(nextStep + k));
                        view.appendPoints(infos[r].key, batch);
                    }
                    nextStep += 10;
                }
                view.flushUpdates(false);  // one redraw + the chart's layout pass, as the live view does
                const double cpuUpdated = threadCpuMs();
                const QPixmap pixels = view.grab();
                const double all = t.nsecsElapsed() / 1e6;
                const double cpuAll = threadCpuMs() - cpu0;
                if (f < warmup) continue;
                total.push_back(all);
                cpu.push_back(cpuAll);
                compute.push_back(cpuUpdated - cpu0);
                paint.push_back(cpu0 + cpuAll - cpuUpdated);
                drawn.push_back(static_cast<double>(view.frame().drawnPoints));
            }
            const Stats t = summarize(total), u = summarize(cpu), c = summarize(compute), p = summarize(paint),
                        d = summarize(drawn);
            std::printf("| %s | %.1f | %.1f | %.1f | %.1f | %.1f | %.0f | %.1f | %.1f |\n", qPrintable(name), t.median,
                        t.p95, u.median, c.median, p.median, d.median, 1000.0 / t.median, 1000.0 / u.median);
        };
        std::printf("\n| scenario (%d runs x %d points, %dx%d), path | frame median ms | p95 ms | CPU median ms | "
                    "update CPU ms | paint CPU ms | points drawn | frames/s (wall) | frames/s (CPU) |\n",
                    runs, points, width, height);
        std::printf("|---|---|---|---|---|---|---|---|---|\n");
        for (const QString& path : paths) {
            view.pipeline().setUsePyramids(path != QLatin1String("scan"));
            if (scenarios.contains(QLatin1String("stream")))
                runScenario(QStringLiteral("streaming, smoothing off, %1").arg(path), false, false);
            if (scenarios.contains(QLatin1String("stream-ema")))
                runScenario(QStringLiteral("streaming, EMA + raw shadow, %1").arg(path), true, false);
            if (scenarios.contains(QLatin1String("zoom")))
                runScenario(QStringLiteral("zoom change, smoothing off, %1").arg(path), false, true);
            if (scenarios.contains(QLatin1String("zoom-ema")))
                runScenario(QStringLiteral("zoom change, EMA + raw shadow, %1").arg(path), true, true);
        }
        view.pipeline().setUsePyramids(true);
        if (!args.contains(QLatin1String("--no-baseline")) && points == pointCounts.front())
            runScenario(QStringLiteral("baseline: zoom change, every point to QLineSeries (no envelope)"), false, true,
                        true);
        std::printf("\npyramids: %.1f MiB for %.1f MiB of raw data (5 columns x 8 bytes); RSS %ld MiB\n",
                    view.pipeline().pyramidBytes() / 1048576.0, 40.0 * runs * static_cast<double>(nextStep) / 1048576.0,
                    rssMiB());
    }
    return 0;
}
