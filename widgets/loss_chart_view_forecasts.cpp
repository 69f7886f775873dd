// SPDX-License-Identifier: MIT
// Final-loss forecasts on the loss chart (issue 13): the bands to each run's planned last step, the
// automatic x range reaching their ends and the automatic y range showing their final intervals.
#include "loss_chart_view.h"

#include "loss_chart_canvas.h"
#include "loss_chart_forecast.h"
#include "loss_chart_toolbar.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace seqscope::widgets {

void LossChartView::setForecast(const QString& runKey, const ForecastBand& band) {
    if (band.isValid()) m_forecasts.insert(runKey, band);
    else m_forecasts.remove(runKey);
    if (m_forecastsShown) scheduleRedraw(kDataRefreshMs);
}

void LossChartView::clearForecasts() {
    m_forecasts.clear();
    scheduleRedraw(0);
}

void LossChartView::setForecastsShown(bool shown) {
    if (shown == m_forecastsShown) return;
    m_forecastsShown = shown;
    m_toolbar->setForecastChecked(shown);
    scheduleRedraw(0);
    emit forecastsShownChanged(shown);
}

bool LossChartView::extendXForForecasts() {
    m_pipeline.setYInclude(std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN());
    if (!m_forecastsShown || m_forecasts.isEmpty()) return false;
    const CurveViewOptions& o = m_pipeline.options();
    // The automatic y range shows where each forecast ends (its final interval), so the ring and its
    // error bar are never clipped; the wide early part of a band may still leave the plot.
    double yLo = std::numeric_limits<double>::infinity(), yHi = -yLo;
    for (int i = 0; i < m_model.runCount(); ++i) {
        const RunSeries& run = m_model.run(i);
        const auto it = m_forecasts.constFind(run.info.key);
        if (it == m_forecasts.cend() || m_pipeline.isHidden(run.info.key) || it->lo.isEmpty()) continue;
        const double lo = CurvePipeline::toDisplay(it->lo.back(), o.logY), hi = CurvePipeline::toDisplay(it->hi.back(), o.logY);
        if (std::isfinite(lo)) yLo = std::min(yLo, lo);
        if (std::isfinite(hi)) yHi = std::max(yHi, hi);
        if (it->hasLaw) {
            const double lawLo = CurvePipeline::toDisplay(it->lawLo, o.logY), lawHi = CurvePipeline::toDisplay(it->lawHi, o.logY);
            if (std::isfinite(lawLo)) yLo = std::min(yLo, lawLo);
            if (std::isfinite(lawHi)) yHi = std::max(yHi, lawHi);
        }
    }
    if (yLo <= yHi) m_pipeline.setYInclude(yLo, yHi);
    if (!m_pipeline.isAutoX()) return false;
    double lo = 0, hi = 0;
    if (!m_pipeline.dataXExtent(&lo, &hi)) return false;
    double end = hi;
    for (int i = 0; i < m_model.runCount(); ++i) {
        const RunSeries& run = m_model.run(i);
        const auto it = m_forecasts.constFind(run.info.key);
        if (it == m_forecasts.cend() || m_pipeline.isHidden(run.info.key)) continue;
        const QVector<double> xs = forecastX(run, it->steps, o.xAxis);
        if (!xs.isEmpty()) end = std::max(end, CurvePipeline::toDisplay(xs.back(), o.logX));
    }
    if (!(end > hi) || !(end > lo) || !std::isfinite(end)) return false;
    m_pipeline.setXRange(lo, end + 0.02 * (end - lo));   // a margin so the end ring is not cut
    return true;
}

void LossChartView::showForecastBands() {
    QVector<ForecastItem::Band> bands;
    if (m_forecastsShown) {
        const CurveViewOptions& o = m_pipeline.options();
        for (const PlottedRun& pr : frame().runs) {
            const auto it = m_forecasts.constFind(pr.key);
            const int index = m_model.indexOf(pr.key);
            if (pr.hidden || it == m_forecasts.cend() || index < 0) continue;
            const QVector<double> xs = forecastX(m_model.run(index), it->steps, o.xAxis);
            ForecastItem::Band b;
            b.color = pr.color;
            for (qsizetype i = 0; i < xs.size(); ++i) {
                const double u = CurvePipeline::toDisplay(xs[i], o.logX);
                const double lo = CurvePipeline::toDisplay(it->lo[i], o.logY);
                const double mid = CurvePipeline::toDisplay(it->mid[i], o.logY);
                const double hi = CurvePipeline::toDisplay(it->hi[i], o.logY);
                if (!std::isfinite(u) || !std::isfinite(mid)) continue;
                // A band reaching <= 0 on a log axis is drawn down to the plot's floor.
                b.lo.push_back({u, std::isfinite(lo) ? lo : frame().y0});
                b.mid.push_back({u, mid});
                b.hi.push_back({u, std::isfinite(hi) ? hi : mid});
            }
            if (it->hasLaw) {
                b.lawLo = CurvePipeline::toDisplay(it->lawLo, o.logY);
                b.lawMid = CurvePipeline::toDisplay(it->lawMid, o.logY);
                b.lawHi = CurvePipeline::toDisplay(it->lawHi, o.logY);
                b.hasLaw = std::isfinite(b.lawLo) && std::isfinite(b.lawMid) && std::isfinite(b.lawHi);
            }
            if (!b.mid.isEmpty()) bands.push_back(std::move(b));
        }
    }
    m_canvas->forecastItem()->setBands(std::move(bands));
}

}  // namespace seqscope::widgets
