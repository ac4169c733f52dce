#include "widgets/parallel_coordinates_view.h"

#include <QCoreApplication>
#include <QHBoxLayout>
#include <QPainter>
#include <QPainterPath>
#include <QPaintEvent>

#include <algorithm>
#include <cmath>

namespace kiln {
namespace widgets {

// The painted plot (a plain widget, so ChartPanel's PNG and SVG saving render it as drawn).
class ParallelCoordinatesCanvas : public QWidget {
public:
    explicit ParallelCoordinatesCanvas(QWidget* parent) : QWidget(parent) {
        setMinimumSize(480, 300);
        setAttribute(Qt::WA_OpaquePaintEvent);
    }

    QStringList params;
    QString metric;
    bool maximize = false;
    QVector<ParallelLine> lines;
    QString emptyText;

protected:
    void paintEvent(QPaintEvent*) override;
};

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
        const double v = log ? std::pow(10.0, std::log10(lo) + t * (std::log10(hi) - std::log10(lo)))
                             : lo + t * (hi - lo);
        return QString::number(v, 'g', 3);
    }
};

Axis makeAxis(const QString& name, const QStringList& values) {
    Axis a;
    a.name = name;
    QVector<double> numbers;
    for (const QString& v : values) {
        if (v.isEmpty()) continue;
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
        if (a.hi <= a.lo) {
            a.lo -= 0.5;
            a.hi += 0.5;
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

}  // namespace

void ParallelCoordinatesCanvas::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), Qt::white);
    QFont titleFont = font();
    titleFont.setPointSizeF(11.5);
    titleFont.setBold(true);
    QFont labelFont = font();
    labelFont.setPointSizeF(8.5);
    QFont axisFont = font();
    axisFont.setPointSizeF(9.5);
    axisFont.setBold(true);

    if (params.isEmpty() || lines.isEmpty()) {
        p.setPen(QColor(0x70, 0x76, 0x7d));
        p.drawText(rect(), Qt::AlignCenter, emptyText);
        return;
    }
    // Axes: every parameter, then the metric.
    QVector<Axis> axes;
    for (const QString& name : params) {
        QStringList values;
        for (const ParallelLine& l : lines)
            for (const auto& [k, v] : l.values)
                if (k == name) values << v;
        axes << makeAxis(name, values);
    }
    QStringList metricValues;
    double best = 0, worst = 0;
    bool any = false;
    int bestId = -1;
    for (const ParallelLine& l : lines) {
        if (!l.metric || !std::isfinite(*l.metric)) continue;
        metricValues << QString::number(*l.metric, 'g', 17);
        const bool better = maximize ? *l.metric > best : *l.metric < best;
        if (!any || better) {
            best = *l.metric;
            bestId = l.id;
        }
        if (!any || (maximize ? *l.metric < worst : *l.metric > worst)) worst = *l.metric;
        any = true;
    }
    Axis metricAxis = makeAxis(metric, metricValues);
    metricAxis.log = false;
    if (!any) {
        metricAxis.lo = 0;
        metricAxis.hi = 1;
    }
    axes << metricAxis;

    const QFontMetrics fm(labelFont);
    const int left = 60, right = 110, top = 64, bottom = 44;
    const QRectF plot(left, top, std::max(100, width() - left - right),
                      std::max(80, height() - top - bottom));
    const int n = int(axes.size());
    auto axisX = [&](int i) { return plot.left() + (n == 1 ? 0.5 : double(i) / (n - 1)) * plot.width(); };
    auto yOf = [&](double t) { return plot.bottom() - t * plot.height(); };

    // Title.
    p.setFont(titleFont);
    p.setPen(QColor(0x22, 0x28, 0x30));
    const int lineTotal = static_cast<int>(lines.size());
    p.drawText(QRectF(0, 6, width(), 24), Qt::AlignCenter,
               QCoreApplication::translate("kiln::widgets::ParallelCoordinatesView",
                                           "Sweep: %n trial(s)", nullptr, lineTotal));

    // Lines, worst first so the best end on top; lines without a metric grey and dashed.
    QVector<const ParallelLine*> order;
    for (const ParallelLine& l : lines) order << &l;
    auto rank = [&](const ParallelLine* l) {
        if (!l->metric || !any || best == worst) return l->metric ? 1.0 : -1.0;
        return (*l->metric - worst) / (best - worst);
    };
    std::stable_sort(order.begin(), order.end(),
                     [&](const ParallelLine* a, const ParallelLine* b) { return rank(a) < rank(b); });
    for (const ParallelLine* l : order) {
        QPainterPath path;
        bool started = false;
        for (int i = 0; i < n; ++i) {
            double t = -1;
            if (i < n - 1) {
                for (const auto& [k, v] : l->values)
                    if (k == axes[i].name) t = axes[i].position(v);
            } else if (l->metric && std::isfinite(*l->metric)) {
                t = axes[i].position(*l->metric);
            }
            if (t < 0) continue;
            const QPointF pt(axisX(i), yOf(t));
            if (!started) path.moveTo(pt);
            else path.lineTo(pt);
            started = true;
        }
        QPen pen;
        if (!l->metric) {
            pen = QPen(QColor(0xa0, 0xa6, 0xad), 1.4, Qt::DashLine);
        } else {
            QColor c = scaleColour(rank(l));
            c.setAlphaF(0.85f);
            pen = QPen(c, l->id == bestId ? 3.6 : 1.8);
        }
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
    }

    // Axes with ticks and names.
    for (int i = 0; i < n; ++i) {
        const Axis& a = axes[i];
        const double x = axisX(i);
        p.setPen(QPen(QColor(0x4a, 0x50, 0x58), 1.2));
        p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        p.setFont(axisFont);
        p.setPen(QColor(0x22, 0x28, 0x30));
        const QString title = a.log ? a.name + QStringLiteral(" (log)") : a.name;
        p.drawText(QRectF(x - 80, plot.top() - 30, 160, 20), Qt::AlignCenter, title);
        p.setFont(labelFont);
        QStringList labels;
        QVector<double> at;
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
        for (int k = 0; k < at.size(); ++k) {
            const double y = yOf(at[k]);
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

    // Colour scale for the metric on the right.
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

ParallelCoordinatesView::ParallelCoordinatesView(QWidget* parent)
    : ChartPanel(parent), m_canvas(new ParallelCoordinatesCanvas(this)) {
    setObjectName(QStringLiteral("parallelCoordinates"));
    controls()->addStretch(1);
    setCanvas(m_canvas);
    retranslateUi();
}

void ParallelCoordinatesView::setAxes(const QStringList& params, const QString& metric,
                                      bool maximize) {
    m_canvas->params = params;
    m_canvas->metric = metric;
    m_canvas->maximize = maximize;
    m_canvas->lines.clear();
    refresh();
}

void ParallelCoordinatesView::setLine(const ParallelLine& line) {
    for (ParallelLine& l : m_canvas->lines)
        if (l.id == line.id) {
            l = line;
            refresh();
            return;
        }
    m_canvas->lines.push_back(line);
    refresh();
}

void ParallelCoordinatesView::clear() {
    m_canvas->lines.clear();
    refresh();
}

int ParallelCoordinatesView::lineCount() const { return int(m_canvas->lines.size()); }
QStringList ParallelCoordinatesView::axes() const {
    return m_canvas->params + QStringList{m_canvas->metric};
}

void ParallelCoordinatesView::refresh() {
    int withValue = 0;
    for (const ParallelLine& l : m_canvas->lines)
        if (l.metric) ++withValue;
    const int total = lineCount();
    setCaption(total == 0 ? QString()
                          : tr("%1 of %2 trials have a %3 value; colour: %3 (%4 is better)")
                                .arg(withValue)
                                .arg(total)
                                .arg(m_canvas->metric,
                                     m_canvas->maximize ? tr("higher") : tr("lower")));
    m_canvas->update();
    Q_EMIT updated();
}

void ParallelCoordinatesView::retranslateUi() {
    ChartPanel::retranslateUi();
    m_canvas->emptyText = tr("Trials appear here as they start");
    m_canvas->update();
}

}  // namespace widgets
}  // namespace kiln
