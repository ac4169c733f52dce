#include "widgets/validation_view.h"

#include "widgets/message_texts.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <exception>

#include "core/data/profile.h"
#include "core/data/table.h"
#include "widgets/column_combo_box.h"
#include "widgets/pool_task.h"

namespace kiln {
namespace widgets {

namespace {

bool targetLike(kiln::ColumnType type) {
    return type == kiln::ColumnType::Categorical || type == kiln::ColumnType::Boolean ||
           type == kiln::ColumnType::Integer;
}

}  // namespace

ValidationView::ValidationView(QWidget* parent)
    : QWidget(parent),
      m_target(new ColumnComboBox(this)),
      m_targetLabel(new QLabel(this)),
      m_summary(new QLabel(this)),
      m_findings(new QTreeWidget(this)) {
    setObjectName(QStringLiteral("validationView"));
    m_target->setObjectName(QStringLiteral("validationTarget"));
    m_summary->setObjectName(QStringLiteral("validationSummary"));
    m_summary->setWordWrap(true);
    m_findings->setObjectName(QStringLiteral("validationFindings"));
    m_findings->setRootIsDecorated(false);
    m_findings->setColumnCount(3);
    m_findings->setAlternatingRowColors(true);
    m_findings->setWordWrap(true);
    m_findings->header()->setStretchLastSection(true);
    auto* top = new QHBoxLayout;
    top->addWidget(m_targetLabel);
    top->addWidget(m_target);
    top->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addLayout(top);
    layout->addWidget(m_summary);
    layout->addWidget(m_findings, 1);
    connect(m_target, &QComboBox::currentIndexChanged, this, &ValidationView::validate);
    retranslateUi();
}

void ValidationView::setDataset(std::shared_ptr<const kiln::Table> table,
                                std::shared_ptr<const kiln::TableProfile> profile) {
    m_table = std::move(table);
    m_profile = std::move(profile);
    m_target->setTable(m_table, &targetLike, tr("(no target)"));
    validate();
}

bool ValidationView::setTarget(const QString& column) {
    return m_target->setCurrentColumnName(column);
}

void ValidationView::validate() {
    if (!m_table || !m_profile) return;
    const int generation = ++m_generation;
    m_busy = true;
    m_summary->setText(tr("Validating…"));
    kiln::ValidationOptions options;
    if (m_target->currentColumn() >= 0) options.target = m_target->currentText().toStdString();
    auto table = m_table;
    auto profile = m_profile;
    runResultInPool<kiln::ValidationReport>(
        this,
        [table, profile, options] {
            kiln::NullJobContext job;
            return kiln::validateTable(*table, *profile, options, job);
        },
        [this, generation](kiln::Result<kiln::ValidationReport> report) {
            if (report)
                showResult(report.value(), QString(), generation);
            else
                showResult({}, errorText(report.error()), generation);
        });
}

void ValidationView::showResult(const kiln::ValidationReport& report, const QString& error,
                          int generation) {
    if (generation != m_generation) return;
    m_report = report;
    m_error = error;
    m_busy = false;
    fill();
    Q_EMIT reportReady();
}

QString ValidationView::summaryText() const { return m_summary->text(); }

void ValidationView::fill() {
    m_findings->clear();
    if (!m_error.isEmpty()) {
        m_summary->setText(tr("Validation failed: %1").arg(m_error));
        return;
    }
    const QLocale locale;
    QString summary = tr("%1 rows, %2 columns: %Ln finding(s).", nullptr, int(m_report.findings.size()))
                          .arg(locale.toString(qulonglong(m_report.rows)))
                          .arg(m_report.columns);
    if (m_report.duplicateRows > 0)
        summary += QLatin1Char(' ') + tr("%Ln duplicate row(s) (row %1 repeats row %2).", nullptr,
                                         int(m_report.duplicateRows))
                                          .arg(m_report.firstDuplicateRow + 1)
                                          .arg(m_report.firstDuplicateOf + 1);
    else
        summary += QLatin1Char(' ') + tr("No duplicate rows.");
    m_summary->setText(summary);
    for (const kiln::ValidationFinding& f : m_report.findings) {
        auto* item = new QTreeWidgetItem(m_findings);
        const QStyle::StandardPixmap icon =
            f.severity == kiln::IssueSeverity::Error     ? QStyle::SP_MessageBoxCritical
            : f.severity == kiln::IssueSeverity::Warning ? QStyle::SP_MessageBoxWarning
                                                         : QStyle::SP_MessageBoxInformation;
        item->setIcon(0, style()->standardIcon(icon));
        item->setText(0, f.severity == kiln::IssueSeverity::Error     ? tr("Error")
                         : f.severity == kiln::IssueSeverity::Warning ? tr("Warning")
                                                                      : tr("Info"));
        item->setText(1, f.column.empty() ? tr("(table)") : QString::fromStdString(f.column));
        item->setText(2, localMessage(QString::fromStdString(f.message)));  // core's words, said again
        item->setToolTip(2, QString::fromStdString(f.kind));
    }
    m_findings->resizeColumnToContents(0);
    m_findings->resizeColumnToContents(1);
}

void ValidationView::retranslateUi() {
    m_targetLabel->setText(tr("Target for class balance:"));
    m_target->setNoneText(tr("(no target)"));
    m_findings->setHeaderLabels({tr("Severity"), tr("Column"), tr("Finding")});
    if (!m_busy && (m_table || !m_error.isEmpty())) fill();
}

void ValidationView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

}  // namespace widgets
}  // namespace kiln
