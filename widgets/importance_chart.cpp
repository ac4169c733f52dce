#include "widgets/importance_chart.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

#include "widgets/model_family.h"

namespace kiln {
namespace widgets {

// Paints horizontal bars with their names on the left and their values at their ends.
class ImportanceCanvas : public QWidget {
public:
    struct Bar {
        QString label;
        double value = 0;
        double std = 0;
        QString text;  // the value as written
    };

    explicit ImportanceCanvas(QWidget* parent) : QWidget(parent) {
        setMinimumSize(360, 160);
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    }

    void setBars(const QVector<Bar>& bars, const QString& axisTitle, const QColor& colour) {
        m_bars = bars;
        m_axisTitle = axisTitle;
        m_colour = colour;
        updateGeometry();
        update();
    }
    const QVector<Bar>& bars() const { return m_bars; }

    QSize sizeHint() const override {
        const int row = fontMetrics().height() + 8;
        return QSize(520, std::max(160, int(m_bars.size()) * row + 3 * row));
    }

protected:
    void paintEvent(QPaintEvent*) override {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        p.fillRect(rect(), Qt::white);
        if (m_bars.isEmpty()) return;
        const QFontMetrics fm = fontMetrics();
        const int rowHeight = std::max(
            fm.height() + 6, std::min(34, (height() - 2 * fm.height() - 16) / int(m_bars.size())));
        int labelWidth = 0, textWidth = 0;
        for (const Bar& b : m_bars) {
            labelWidth = std::max(labelWidth, fm.horizontalAdvance(b.label));
            textWidth = std::max(textWidth, fm.horizontalAdvance(b.text));
        }
        // A little room over the widest name, so it is never elided by rounding.
        labelWidth = std::min(labelWidth + 4, width() / 3);
        double lo = 0, hi = 0;
        for (const Bar& b : m_bars) {
            lo = std::min(lo, b.value - b.std);
            hi = std::max(hi, b.value + b.std);
        }
        if (hi - lo <= 0) hi = lo + 1;
        const int left = 8 + labelWidth + 8, right = width() - textWidth - 16;
        const int top = 6;
        const auto xOf = [&](double v) { return left + (v - lo) / (hi - lo) * (right - left); };
        const double zero = xOf(0);
        for (int i = 0; i < m_bars.size(); ++i) {
            const Bar& b = m_bars[i];
            const int y = top + i * rowHeight;
            const QRect labelRect(8, y, labelWidth, rowHeight);
            p.setPen(QColor(0x20, 0x21, 0x24));
            p.drawText(labelRect, Qt::AlignRight | Qt::AlignVCenter,
                       fm.elidedText(b.label, Qt::ElideMiddle, labelWidth));
            const double x = xOf(b.value);
            const QRectF bar(std::min(zero, x), y + rowHeight * 0.18, std::fabs(x - zero),
                             rowHeight * 0.64);
            p.fillRect(bar, b.value >= 0 ? m_colour : QColor(0xc5, 0x22, 0x1f));
            double end = std::max(zero, x);
            if (b.std > 0) {
                const double a = xOf(b.value - b.std), c = xOf(b.value + b.std);
                const double mid = y + rowHeight / 2.0, cap = rowHeight * 0.22;
                p.setPen(QPen(QColor(0x3c, 0x40, 0x43), 1.2));
                p.drawLine(QPointF(a, mid), QPointF(c, mid));
                p.drawLine(QPointF(a, mid - cap), QPointF(a, mid + cap));
                p.drawLine(QPointF(c, mid - cap), QPointF(c, mid + cap));
                end = std::max(end, c);
            }
            p.setPen(QColor(0x3c, 0x40, 0x43));
            p.drawText(QRectF(end + 6, y, width() - end - 6, rowHeight),
                       Qt::AlignLeft | Qt::AlignVCenter, b.text);
        }
        const int bottom = top + int(m_bars.size()) * rowHeight;
        p.setPen(QPen(QColor(0x9a, 0xa0, 0xa6), 1));
        p.drawLine(QPointF(zero, top), QPointF(zero, bottom));
        p.drawLine(QPointF(left, bottom), QPointF(right, bottom));
        p.setPen(QColor(0x5f, 0x63, 0x68));
        p.drawText(QRect(left, bottom + 2, right - left, fm.height() + 4), Qt::AlignCenter,
                   m_axisTitle);
    }

private:
    QVector<Bar> m_bars;
    QString m_axisTitle;
    QColor m_colour;
};

namespace {

// The decimals that give the largest value three significant digits (a gain of 12,345 gets none,
// a drop of 0.396 three), so every bar of a chart is written to the same precision.
int decimalsFor(double largest) {
    if (!(largest > 0)) return 3;
    return std::clamp(2 - int(std::floor(std::log10(largest))), 0, 6);
}

QString valueText(double value, int decimals) {
    return QString::number(value, 'f', decimals);
}

}  // namespace

ImportanceChart::ImportanceChart(QWidget* parent)
    : ChartPanel(parent),
      m_kindLabel(new QLabel(this)),
      m_kindBox(new QComboBox(this)),
      m_canvas(new ImportanceCanvas(this)) {
    setObjectName(QStringLiteral("importanceChart"));
    m_kindBox->setObjectName(QStringLiteral("importanceKindBox"));
    m_kindBox->addItem(QString(), int(Kind::Permutation));
    m_kindBox->addItem(QString(), int(Kind::Gain));
    controls()->addWidget(m_kindLabel);
    controls()->addWidget(m_kindBox);
    controls()->addStretch(1);
    setCanvas(m_canvas);
    connect(m_kindBox, &QComboBox::currentIndexChanged, this, [this] {
        m_kind = Kind(m_kindBox->currentData().toInt());
        draw();
    });
    retranslateUi();
}

void ImportanceChart::setImportance(const QJsonObject& importance) {
    // The same report read again keeps the kind a person picked; a new one starts at permutation.
    const bool same = importance == m_importance;
    m_importance = importance;
    m_permutation.clear();
    m_gain.clear();
    for (const QJsonValue& v : importance.value(QLatin1String("permutation")).toArray()) {
        const QJsonObject o = v.toObject();
        m_permutation.push_back({o.value(QLatin1String("feature")).toString(),
                                 o.value(QLatin1String("mean")).toDouble(),
                                 o.value(QLatin1String("std")).toDouble()});
    }
    for (const QJsonValue& v : importance.value(QLatin1String("gain")).toArray()) {
        const QJsonObject o = v.toObject();
        m_gain.push_back({o.value(QLatin1String("feature")).toString(),
                          o.value(QLatin1String("value")).toDouble(), 0});
    }
    // The report sorts them; a hand-made one need not.
    const auto byValue = [](const Bar& a, const Bar& b) { return a.value > b.value; };
    std::stable_sort(m_permutation.begin(), m_permutation.end(), byValue);
    std::stable_sort(m_gain.begin(), m_gain.end(), byValue);
    if (!same || !hasKind(m_kind))
        m_kind = hasKind(Kind::Permutation) ? Kind::Permutation : Kind::Gain;
    const bool both = hasKind(Kind::Permutation) && hasKind(Kind::Gain);
    m_kindLabel->setVisible(both);
    m_kindBox->setVisible(both);
    draw();
}

bool ImportanceChart::hasKind(Kind kind) const {
    return kind == Kind::Permutation ? !m_permutation.isEmpty() : !m_gain.isEmpty();
}

void ImportanceChart::setKind(Kind kind) {
    const int index = m_kindBox->findData(int(kind));
    if (index >= 0) m_kindBox->setCurrentIndex(index);
    m_kind = kind;
    draw();
}

int ImportanceChart::barCount() const {
    return m_canvas->bars().size();
}

QString ImportanceChart::barLabel(int index) const {
    return m_canvas->bars().value(index).label;
}

double ImportanceChart::barValue(int index) const {
    return m_canvas->bars().value(index).value;
}

void ImportanceChart::draw() {
    {
        const QSignalBlocker blocker(m_kindBox);
        m_kindBox->setCurrentIndex(std::max(0, m_kindBox->findData(int(m_kind))));
    }
    const bool permutation = m_kind == Kind::Permutation;
    const QVector<Bar>& all = permutation ? m_permutation : m_gain;
    QVector<ImportanceCanvas::Bar> bars;
    double largest = 0;
    for (const Bar& b : all) largest = std::max(largest, std::fabs(b.value));
    const int decimals = decimalsFor(largest);
    for (int i = 0; i < all.size() && i < kImportanceBars; ++i) {
        const Bar& b = all[i];
        const QString text =
            b.std > 0 ? tr("%1 ± %2").arg(valueText(b.value, decimals), valueText(b.std, decimals))
                      : valueText(b.value, decimals);
        bars.push_back({b.feature, b.value, b.std, text});
    }
    QString metric = metricDisplayName(m_importance.value(QLatin1String("metric")).toString());
    // Inside a sentence: "accuracy", "macro F1"; acronyms (RMSE, R²) stay as they are.
    if (metric.size() > 1 && metric[0].isUpper() && metric[1].isLower())
        metric[0] = metric[0].toLower();
    const QString axis = permutation ? tr("Drop in test %1 when the column is shuffled").arg(metric)
                                     : tr("Total gain of the splits on the column");
    m_canvas->setBars(bars, axis, seriesColor(permutation ? 0 : 4));
    if (all.isEmpty()) {
        setCaption(QString());
    } else {
        QString caption = permutation
                              ? tr("Permutation importance on the test rows: each input column "
                                   "shuffled in turn, mean ± std over the repeats. Near 0: the "
                                   "model does not rely on the column.")
                              : tr("Total gain: how much the trees' splits on each input column "
                                   "improved the training loss (one-hot columns summed).");
        if (all.size() > kImportanceBars)
            caption += QLatin1Char(' ') + tr("The %1 most important of %2 input columns are shown.")
                                              .arg(kImportanceBars)
                                              .arg(all.size());
        setCaption(caption);
    }
    Q_EMIT updated();
}

void ImportanceChart::retranslateUi() {
    ChartPanel::retranslateUi();
    m_kindLabel->setText(tr("Importance:"));
    m_kindBox->setItemText(0, tr("Permutation (every family)"));
    m_kindBox->setItemText(1, tr("Total gain (trees)"));
    if (m_canvas) draw();
}

}  // namespace widgets
}  // namespace kiln
