#include "widgets/nice_axis.h"

#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace kiln {
namespace widgets {

double niceStep(double span, int ticks) {
    const double raw = span / std::max(1, ticks);
    if (!(raw > 0) || !std::isfinite(raw)) return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (raw <= m * magnitude * 1.05) return m * magnitude;  // 0..1.02 still steps by 0.2
    return 10 * magnitude;
}

namespace {

// The range and ticks at multiples of `step` from 0.
void applyTicks(QValueAxis* axis, double min, double max, double step) {
    axis->setRange(min, max);
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0);
    axis->setTickInterval(step);
}

}  // namespace

void setNiceRange(QValueAxis* axis, double min, double max, bool round) {
    const double step = niceStep(max - min, 5);
    if (round) {
        min = std::floor(min / step + 1e-9) * step;
        max = std::ceil(max / step - 1e-9) * step;
    }
    applyTicks(axis, min, max, step);
}

void fitNiceAxis(QValueAxis* axis, double low, double high, int ticks) {
    if (!std::isfinite(low) || !std::isfinite(high)) low = 0, high = 1;
    if (high < low) std::swap(low, high);
    const bool positive = low >= 0;
    const bool negative = high <= 0 && !positive;
    double pad = (high - low) * 0.04;
    if (high - low < 1e-12 * std::max(1.0, std::fabs(high))) {  // one value: a band around it
        const double band = high != 0 ? std::max(std::fabs(high) * 0.1, 0.5) : 1.0;
        low -= band;
        high += band;
        pad = 0;
    }
    double min = positive ? std::max(0.0, low - pad) : low - pad;
    double max = negative ? std::min(0.0, high + pad) : high + pad;
    const double step = niceStep(max - min, ticks);
    min = std::floor(min / step + 1e-9) * step;
    max = std::ceil(max / step - 1e-9) * step;
    if (positive) min = std::max(0.0, min);
    if (negative) max = std::min(0.0, max);
    applyTicks(axis, min, max, step);
    // As many decimals as the step has: 60, 70 (not 60.0); 0.2, 0.4; 0.05, 0.10.
    const int decimals = std::clamp(int(-std::floor(std::log10(step) + 1e-9)), 0, 12);
    axis->setLabelFormat(QStringLiteral("%.") + QString::number(decimals) + QStringLiteral("f"));
}

}  // namespace widgets
}  // namespace kiln
