#include "widgets/column_profile_panel.h"

#include "widgets/column_type_text.h"

#include <QCoreApplication>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QTableView>
#include <QVBoxLayout>

#include <cmath>

#include "core/data/numeric_summary.h"
#include "core/data/profile.h"
#include "widgets/column_profile_model.h"
#include "widgets/sparkline_delegate.h"

namespace kiln {
namespace widgets {
namespace {

constexpr int kTopShown = 6;

// "1st percentile", "5th percentile", "22nd percentile": English ordinals, each form its own text.
QString percentileName(double percent) {
    const int n = int(std::lround(percent));
    const QString number = QLocale().toString(percent);
    if (n % 100 < 11 || n % 100 > 13) {
        if (n % 10 == 1) return QCoreApplication::translate("kiln::widgets::ColumnProfilePanel", "%1st percentile")
                .arg(number);
        if (n % 10 == 2) return QCoreApplication::translate("kiln::widgets::ColumnProfilePanel", "%1nd percentile")
                .arg(number);
        if (n % 10 == 3) return QCoreApplication::translate("kiln::widgets::ColumnProfilePanel", "%1rd percentile")
                .arg(number);
    }
    return QCoreApplication::translate("kiln::widgets::ColumnProfilePanel", "%1th percentile")
        .arg(number);
}

QString row(const QString& label, const QString& value) {
    return QStringLiteral("<tr><td style='color:#5f6670; padding-right:12px'>%1</td>"
                          "<td align='right'>%2</td></tr>")
        .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
}

}  // namespace

ColumnProfilePanel::ColumnProfilePanel(QWidget* parent)
    : QWidget(parent),
      m_model(new ColumnProfileModel(this)),
      m_view(new QTableView(this)),
      m_status(new QLabel(this)),
      m_details(new QLabel(this)) {
    setObjectName(QStringLiteral("columnProfilePanel"));
    m_view->setObjectName(QStringLiteral("columnProfileView"));
    m_view->setModel(m_model);
    m_view->setItemDelegateForColumn(ColumnProfileModel::Distribution,
                                     new SparklineDelegate(ColumnProfileModel::SparklineRole, m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(24);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_status->setObjectName(QStringLiteral("profileStatus"));
    m_status->setStyleSheet(QStringLiteral("color: #5f6670;"));
    m_status->setWordWrap(true);
    m_details->setObjectName(QStringLiteral("profileDetails"));
    m_details->setTextFormat(Qt::RichText);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_details->setWordWrap(true);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(m_details);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_status);
    layout->addWidget(m_view, 3);
    layout->addWidget(scroll, 2);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ColumnProfilePanel::showDetails);
}

void ColumnProfilePanel::setProfile(std::shared_ptr<const kiln::TableProfile> profile) {
    m_model->setProfile(std::move(profile));
    m_view->resizeColumnsToContents();
    m_view->setColumnWidth(ColumnProfileModel::Distribution, 96);
    fitColumns();
    if (m_model->rowCount() > 0) selectColumn(0);
}

void ColumnProfilePanel::fitColumns() {
    const int room = m_view->viewport()->width();
    for (int c = 0; c < m_model->columnCount(); ++c) m_view->setColumnHidden(c, false);
    auto needed = [this] {
        int width = 0;
        for (int c = 0; c < m_model->columnCount(); ++c)
            if (!m_view->isColumnHidden(c))
                width += c == ColumnProfileModel::Distribution ? 96 : m_view->columnWidth(c);
        return width;
    };
    for (int c : {int(ColumnProfileModel::Type), int(ColumnProfileModel::Std), int(ColumnProfileModel::Distribution),
                  int(ColumnProfileModel::Distinct), int(ColumnProfileModel::Mean)}) {
        if (needed() <= room) break;
        m_view->setColumnHidden(c, true);
    }
}

void ColumnProfilePanel::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    if (m_model->rowCount() > 0) fitColumns();
}

void ColumnProfilePanel::setStatus(const QString& text) {
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
}

void ColumnProfilePanel::selectColumn(int index) {
    m_view->setCurrentIndex(m_model->index(index, 0));
    showDetails();
}

QString ColumnProfilePanel::detailsText() const { return m_details->text(); }

QString ColumnProfilePanel::numericDetails(int r) const {
    const kiln::ColumnProfile& c = *m_model->columnProfile(r);
    const kiln::NumericSummary& s = *c.numeric;
    QString html;
    for (std::size_t i = 0; i < s.quantiles.size() && i < kiln::kProfileQuantiles.size(); ++i) {
        const double q = kiln::kProfileQuantiles[i];
        const QString label = q == 0.5 ? tr("Median") : percentileName(q * 100);
        html += row(label, ColumnProfileModel::formatValue(c, s.quantiles[i]));
    }
    html += row(tr("Outliers (1.5 × IQR)"),
                tr("%1 low · %2 high").arg(s.outliersLow).arg(s.outliersHigh));
    return html + infiniteDetails(c);
}

QString ColumnProfilePanel::infiniteDetails(const kiln::ColumnProfile& c) const {
    if (!c.numeric || c.numeric->infinite() == 0) return {};
    return row(tr("Infinite values"), tr("%1 inf · %2 -inf, left out of the statistics")
                                          .arg(c.numeric->positiveInfinite)
                                          .arg(c.numeric->negativeInfinite));
}

QString ColumnProfilePanel::categoryDetails(int r) const {
    const kiln::ColumnProfile& c = *m_model->columnProfile(r);
    QString html;
    const QLocale locale;
    for (std::size_t i = 0; i < c.top.size() && int(i) < kTopShown; ++i)
        html += row(QString::fromStdString(c.top[i].value), locale.toString(qulonglong(c.top[i].count)));
    if (c.textLengths)
        html += row(tr("Length (bytes)"), tr("%1 – %2, mean %3")
                                              .arg(c.textLengths->min)
                                              .arg(c.textLengths->max)
                                              .arg(c.textLengths->mean, 0, 'f', 1));
    return html + infiniteDetails(c);
}

void ColumnProfilePanel::showDetails() {
    const int r = m_view->currentIndex().row();
    const kiln::ColumnProfile* c = m_model->columnProfile(r);
    if (!c) {
        m_details->clear();
        return;
    }
    const bool numeric = c->numeric && c->numeric->count > 0;
    const QString title = QStringLiteral("<b>%1</b> <span style='color:#5f6670'>%2</span>")
                              .arg(QString::fromStdString(c->name).toHtmlEscaped(),
                                   columnTypeText(c->type));
    const QString heading = numeric ? tr("Quantiles") : tr("Most frequent values");
    m_details->setText(title + QStringLiteral("<p style='margin:6px 0 2px 0'>%1</p><table>").arg(heading) +
                       (numeric ? numericDetails(r) : categoryDetails(r)) + QStringLiteral("</table>"));
}

void ColumnProfilePanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) showDetails();
    QWidget::changeEvent(event);
}

}  // namespace widgets
}  // namespace kiln
