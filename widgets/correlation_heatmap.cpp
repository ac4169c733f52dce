#include "widgets/correlation_heatmap.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>

#include "core/data/profile.h"
#include "widgets/heatmap_canvas.h"

namespace kiln {
namespace widgets {

CorrelationHeatmap::CorrelationHeatmap(QWidget* parent)
    : ChartPanel(parent), m_method(new QComboBox(this)), m_canvas(new HeatmapCanvas(this)) {
    setObjectName(QStringLiteral("correlationHeatmap"));
    m_method->setObjectName(QStringLiteral("correlationMethod"));
    m_method->addItems({QString(), QString()});
    controls()->addWidget(new QLabel(this));
    controls()->addWidget(m_method);
    controls()->addStretch(1);
    setCanvas(m_canvas);
    connect(m_method, &QComboBox::currentIndexChanged, this, &CorrelationHeatmap::draw);
    retranslateUi();
}

void CorrelationHeatmap::setProfile(std::shared_ptr<const kiln::TableProfile> profile) {
    m_profile = std::move(profile);
    draw();
}

void CorrelationHeatmap::setMethod(Method method) { m_method->setCurrentIndex(int(method)); }

CorrelationHeatmap::Method CorrelationHeatmap::method() const {
    return Method(m_method->currentIndex());
}

void CorrelationHeatmap::draw() {
    const bool spearman = method() == Method::Spearman;
    m_canvas->setTitle(spearman ? tr("Spearman rank correlation") : tr("Pearson correlation"));
    if (!m_profile || m_profile->correlation.columns.size() < 2) {
        m_canvas->setMatrix({}, {});
        setCaption(m_profile ? tr("A correlation needs at least two numeric columns.") : QString());
        Q_EMIT updated();
        return;
    }
    const kiln::CorrelationMatrix& m = m_profile->correlation;
    QStringList names;
    for (const std::string& name : m.columns) names << QString::fromStdString(name);
    const std::vector<double>& values = spearman ? m.spearman : m.pearson;
    m_canvas->setMatrix(names, QVector<double>(values.begin(), values.end()));
    if (spearman)
        setCaption(tr("Ranks over %1 rows; grey cells have too few complete rows or no variance.")
                       .arg(QLocale().toString(qulonglong(m.spearmanRows))));
    else
        setCaption(tr("Pairwise-complete rows; grey cells have too few complete rows or no variance."));
    if (m.limited)  // a wide table: the matrix is quadratic, so it covers the first columns only
        setCaption(caption() + QLatin1Char(' ') +
                   tr("The first %1 of %2 numeric columns.")
                       .arg(QLocale().toString(qulonglong(m.columns.size())),
                            QLocale().toString(qulonglong(m.numericColumns))));
    Q_EMIT updated();
}

void CorrelationHeatmap::retranslateUi() {
    ChartPanel::retranslateUi();
    static_cast<QLabel*>(controls()->itemAt(0)->widget())->setText(tr("Method:"));
    m_method->setItemText(0, tr("Pearson"));
    m_method->setItemText(1, tr("Spearman"));
    if (m_canvas) draw();
}

}  // namespace widgets
}  // namespace kiln
