// The parallel-coordinates plot, painted: the axes of a sweep's parameters and metric, one
// polyline per trial coloured by its metric, and the colour scale.
#include "widgets/parallel_coordinates_canvas.h"

#include <QCoreApplication>
#include <QFont>
#include <QFontMetrics>
#include <QPaintEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace kiln {
namespace widgets {

namespace {

struct Axis {
    QString name;
    bool numeric = true;
    bool log = false;
    double lo = 0, hi = 1;
    QStringList categories;

    // 0 (bottom) … 1 (top), or -1 for a missing value.
    double position(const QString& text) const {
        if (text.isEmpty()) return -1;
        if (!numeric) {
            const int i = categories.indexOf(text);
            return categories.size() <= 1 ? 0.5 : double(i) / double(categories.size() - 1);
        }
        bool ok = false;
        return position(text.toDouble(&ok));
    }
    double position(double v) const {
        if (hi <= lo) return 0.5;
        if (log) return (std::log10(v) - std::log10(lo)) / (std::log10(hi) - std::log10(lo));
        return (v - lo) / (hi - lo);
    }
    QString label(double t) const {
        const double v =
            log ? std::pow(10.0, std::log10(lo) + t * (std::log10(hi) - std::log10(lo)))
                : lo + t * (hi - lo);
        return QString::number(v, 'g', 3);
    }
};

Axis makeAxis(const QString& name, const QStringList& values, bool categories = false) {
    Axis a;
    a.name = name;
    a.numeric = !categories;
    QVector<double> numbers;
    for (const QString& v : values) {
        if (v.isEmpty() || !a.numeric) continue;
        bool ok = false;
        const double d = v.toDouble(&ok);
        if (!ok || !std::isfinite(d)) {
            a.numeric = false;
            break;
        }
        numbers << d;
    }
    if (a.numeric && !numbers.isEmpty()) {
        a.lo = *std::min_element(numbers.begin(), numbers.end());
        a.hi = *std::max_element(numbers.begin(), numbers.end());
        a.log = a.lo > 0 && a.hi / a.lo > 50;
        if (a.hi <= a.lo) {  // one value (one trial): in the middle, the band on its side of 0
            const double band = a.lo != 0 ? std::fabs(a.lo) * 0.5 : 0.5;
            a.lo -= band;
            a.hi += band;
            a.log = false;
        }
    } else if (!a.numeric) {
        for (const QString& v : values)
            if (!v.isEmpty() && !a.categories.contains(v)) a.categories << v;
        std::sort(a.categories.begin(), a.categories.end(), [](const QString& x, const QString& y) {
            return x.size() != y.size() ? x.size() < y.size() : x < y;
        });
    }
    return a;
}

// Blue (worst) … teal … yellow (best), after viridis.
QColor scaleColour(double t) {
    static const QColor stops[] = {QColor(0x44, 0x01, 0x54), QColor(0x3b, 0x52, 0x8b),
                                   QColor(0x21, 0x90, 0x8c), QColor(0x5d, 0xc8, 0x63),
                                   QColor(0xfd, 0xe7, 0x25)};
    t = std::clamp(t, 0.0, 1.0) * 4.0;
    const int i = std::min(3, int(t));
    const double f = t - i;
    const QColor& a = stops[i];
    const QColor& b = stops[i + 1];
    return QColor::fromRgbF(float(a.redF() + f * (b.redF() - a.redF())),
                            float(a.greenF() + f * (b.greenF() - a.greenF())),
                            float(a.blueF() + f * (b.blueF() - a.blueF())));
}

// The three fonts of the plot.
struct Fonts {
    QFont title, label, axis;
};

Fonts plotFonts(const QFont& base) {
    Fonts f{base, base, base};
    f.title.setPointSizeF(11.5);
    f.title.setBold(true);
    f.label.setPointSizeF(8.5);
    f.axis.setPointSizeF(9.5);
    f.axis.setBold(true);
    return f;
}

// The best and worst metric values of the lines that have one, and which line is the best.
struct MetricRange {
    double best = 0, worst = 0;
    bool any = false;
    int bestId = -1;

    // 0 (worst) … 1 (best); 1 when every value is the same; -1 for a line without a value.
    double rank(const ParallelLine& l) const {
        if (!l.metric || !any || best == worst) return l.metric ? 1.0 : -1.0;
        return (*l.metric - worst) / (best - worst);
    }
};

MetricRange metricRange(const QVector<ParallelLine>& lines, bool maximize) {
    MetricRange r;
    for (const ParallelLine& l : lines) {
        if (!l.metric || !std::isfinite(*l.metric)) continue;
        const bool better = maximize ? *l.metric > r.best : *l.metric < r.best;
        if (!r.any || better) {
            r.best = *l.metric;
            r.bestId = l.id;
        }
        if (!r.any || (maximize ? *l.metric < r.worst : *l.metric > r.worst)) r.worst = *l.metric;
        r.any = true;
    }
    return r;
}

// Axes: every parameter, then the metric (always linear; 0 … 1 while no line has a value).
QVector<Axis> plotAxes(const QStringList& params, const QStringList& categorical, const QString& metric,
                       const QVector<ParallelLine>& lines, bool anyMetric) {
    QVector<Axis> axes;
    for (const QString& name : params) {
        QStringList values;
        for (const ParallelLine& l : lines)
            for (const auto& [k, v] : l.values)
                if (k == name) values << v;
        axes << makeAxis(name, values, categorical.contains(name));
    }
    QStringList metricValues;
    for (const ParallelLine& l : lines)
        if (l.metric && std::isfinite(*l.metric))
            metricValues << QString::number(*l.metric, 'g', 17);
    Axis metricAxis = makeAxis(metric, metricValues);
    metricAxis.log = false;
    if (!anyMetric) {
        metricAxis.lo = 0;
        metricAxis.hi = 1;
    }
    axes << metricAxis;
    return axes;
}

// Where things go: the plot's rectangle, the x of each of the `n` axes, the y of a position.
struct Layout {
    QRectF plot;
    int n = 0;

    double axisX(int i) const {
        return plot.left() + (n == 1 ? 0.5 : double(i) / (n - 1)) * plot.width();
    }
    double yOf(double t) const { return plot.bottom() - t * plot.height(); }
};

Layout plotLayout(int width, int height, int axes) {
    const int left = 60, right = 110, top = 64, bottom = 44;
    return {
        QRectF(left, top, std::max(100, width - left - right), std::max(80, height - top - bottom)),
        axes};
}

void drawTitle(QPainter& p, const QFont& font, int width, int lineTotal) {
    p.setFont(font);
    p.setPen(QColor(0x22, 0x28, 0x30));
    p.drawText(QRectF(0, 6, width, 24), Qt::AlignCenter,
               QCoreApplication::translate("kiln::widgets::ParallelCoordinatesView",
                                           "Sweep: %n trial(s)", nullptr, lineTotal));
}

// One line's polyline through the axes where it has a value.
QPainterPath linePath(const ParallelLine& l, const QVector<Axis>& axes, const Layout& layout) {
    const int n = layout.n;
    QPainterPath path;
    bool started = false;
    for (int i = 0; i < n; ++i) {
        double t = -1;
        if (i < n - 1) {
            for (const auto& [k, v] : l.values)
                if (k == axes[i].name) t = axes[i].position(v);
        } else if (l.metric && std::isfinite(*l.metric)) {
            t = axes[i].position(*l.metric);
        }
        if (t < 0) continue;
        const QPointF pt(layout.axisX(i), layout.yOf(t));
        if (!started)
            path.moveTo(pt);
        else
            path.lineTo(pt);
        started = true;
    }
    return path;
}

// Lines, worst first so the best end on top; lines without a metric grey and dashed.
void drawLines(QPainter& p, const QVector<ParallelLine>& lines, const QVector<Axis>& axes,
               const Layout& layout, const MetricRange& range) {
    QVector<const ParallelLine*> order;
    for (const ParallelLine& l : lines) order << &l;
    std::stable_sort(order.begin(), order.end(), [&](const ParallelLine* a, const ParallelLine* b) {
        return range.rank(*a) < range.rank(*b);
    });
    for (const ParallelLine* l : order) {
        QPen pen;
        if (!l->metric) {
            pen = QPen(QColor(0xa0, 0xa6, 0xad), 1.4, Qt::DashLine);
        } else {
            QColor c = scaleColour(range.rank(*l));
            c.setAlphaF(0.85f);
            pen = QPen(c, l->id == range.bestId ? 3.6 : 1.8);
        }
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        p.drawPath(linePath(*l, axes, layout));
    }
}

// An axis's tick positions (0 … 1) and labels: five numbers, or every category.
void axisTicks(const Axis& a, const QFontMetrics& fm, QVector<double>& at, QStringList& labels) {
    if (a.numeric) {
        for (int k = 0; k <= 4; ++k) {
            at << k / 4.0;
            labels << a.label(k / 4.0);
        }
    } else {
        for (int k = 0; k < a.categories.size(); ++k) {
            at << (a.categories.size() <= 1 ? 0.5 : double(k) / (a.categories.size() - 1));
            labels << fm.elidedText(a.categories[k], Qt::ElideRight, 90);
        }
    }
}

// Axes with ticks and names.
void drawAxes(QPainter& p, const QVector<Axis>& axes, const Layout& layout, const Fonts& fonts) {
    const QFontMetrics fm(fonts.label);
    for (int i = 0; i < layout.n; ++i) {
        const Axis& a = axes[i];
        const double x = layout.axisX(i);
        p.setPen(QPen(QColor(0x4a, 0x50, 0x58), 1.2));
        p.drawLine(QPointF(x, layout.plot.top()), QPointF(x, layout.plot.bottom()));
        p.setFont(fonts.axis);
        p.setPen(QColor(0x22, 0x28, 0x30));
        const QString title = a.log ? a.name + QStringLiteral(" (log)") : a.name;
        p.drawText(QRectF(x - 80, layout.plot.top() - 30, 160, 20), Qt::AlignCenter, title);
        p.setFont(fonts.label);
        QStringList labels;
        QVector<double> at;
        axisTicks(a, fm, at, labels);
        for (int k = 0; k < at.size(); ++k) {
            const double y = layout.yOf(at[k]);
            p.setPen(QColor(0x4a, 0x50, 0x58));
            p.drawLine(QPointF(x - 3, y), QPointF(x + 3, y));
            const QRectF box(x + 5, y - 8, 95, 16);
            // Halo behind the label so it stays readable over lines.
            const QString text = labels[k];
            const QRectF tight(box.left() - 1, box.top(), fm.horizontalAdvance(text) + 2, 16);
            p.fillRect(tight, QColor(255, 255, 255, 200));
            p.drawText(box, Qt::AlignLeft | Qt::AlignVCenter, text);
        }
    }
}

// Colour scale for the metric on the right.
void drawScale(QPainter& p, const QRectF& plot, const QFont& labelFont) {
    const QRectF bar(plot.right() + 62, plot.top(), 12, plot.height());
    for (int k = 0; k < int(bar.height()); ++k) {
        p.setPen(scaleColour(1.0 - k / bar.height()));
        p.drawLine(QPointF(bar.left(), bar.top() + k), QPointF(bar.right(), bar.top() + k));
    }
    p.setPen(QColor(0x4a, 0x50, 0x58));
    p.setFont(labelFont);
    const QString bestText =
        QCoreApplication::translate("kiln::widgets::ParallelCoordinatesView", "best");
    p.drawText(QRectF(bar.left() - 20, bar.top() - 18, 52, 16), Qt::AlignCenter, bestText);
    p.drawText(QRectF(bar.left() - 20, bar.bottom() + 2, 52, 16), Qt::AlignCenter,
               QCoreApplication::translate("kiln::widgets::ParallelCoordinatesView", "worst"));
}

}  // namespace

void ParallelCoordinatesCanvas::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), Qt::white);
    const Fonts fonts = plotFonts(font());
    if (params.isEmpty() || lines.isEmpty()) {
        p.setPen(QColor(0x70, 0x76, 0x7d));
        p.drawText(rect(), Qt::AlignCenter, emptyText);
        return;
    }
    const MetricRange range = metricRange(lines, maximize);
    const QVector<Axis> axes = plotAxes(params, categorical, metric, lines, range.any);
    const Layout layout = plotLayout(width(), height(), int(axes.size()));
    drawTitle(p, fonts.title, width(), static_cast<int>(lines.size()));
    drawLines(p, lines, axes, layout, range);
    drawAxes(p, axes, layout, fonts);
    drawScale(p, layout.plot, fonts.label);
}

}  // namespace widgets
}  // namespace kiln
