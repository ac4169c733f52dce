#include "widgets/table_query_bar.h"

#include <cmath>

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTimer>

#include <algorithm>
#include <climits>
#include <vector>

#include "core/data/row_query.h"
#include "core/data/table.h"
#include "widgets/dataset_table_model.h"
#include "widgets/pool_task.h"

namespace kiln {
namespace widgets {

namespace {

struct QueryOutcome {
    std::shared_ptr<const std::vector<std::uint64_t>> rows;  // nullptr: every row
    QString error;
};

QueryOutcome runQuery(const std::shared_ptr<const kiln::Table>& table, const std::string& filter,
                      int sortColumn, bool descending) {
    QueryOutcome outcome;
    auto conditions = kiln::parseRowConditions(*table, filter);
    if (!conditions) {
        outcome.error = QString::fromStdString(conditions.error().message);
        return outcome;
    }
    kiln::RowQuery query;
    query.conditions = std::move(*conditions);
    query.sortColumn = sortColumn;
    query.descending = descending;
    if (query.isIdentity()) return outcome;
    auto rows = kiln::selectRows(*table, query);
    if (!rows)
        outcome.error = errorText(rows.error());
    else
        outcome.rows = std::make_shared<const std::vector<std::uint64_t>>(std::move(*rows));
    return outcome;
}

}  // namespace

TableQueryBar::TableQueryBar(DatasetTableModel* model, QHeaderView* header, QWidget* parent)
    : QWidget(parent), m_model(model), m_header(header) {
    setObjectName(QStringLiteral("tableQueryBar"));
    m_label = new QLabel(this);
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("rowFilter"));
    m_filter->setClearButtonEnabled(true);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("rowFilterStatus"));
    m_clear = new QPushButton(this);
    m_clear->setObjectName(QStringLiteral("clearRowFilter"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    m_filter->setMinimumWidth(160);
    // The status takes the room left and ends in "…" when short of it: it never widens the bar.
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    layout->addWidget(m_filter, 3);
    layout->addWidget(m_status, 2);
    layout->addWidget(m_clear);
    // The filter runs once typing pauses (or at Enter), not on every key.
    m_typing = new QTimer(this);
    m_typing->setSingleShot(true);
    m_typing->setInterval(350);
    connect(m_typing, &QTimer::timeout, this, &TableQueryBar::run);
    connect(m_filter, &QLineEdit::textEdited, m_typing, qOverload<>(&QTimer::start));
    connect(m_filter, &QLineEdit::returnPressed, this, &TableQueryBar::run);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString& text) {
        if (text.isEmpty()) run();  // the line's own clear button
    });
    connect(m_clear, &QPushButton::clicked, this, &TableQueryBar::clear);
    // A header click sorts: ascending, descending, then table order again.
    m_header->setSectionsClickable(true);
    m_header->setSortIndicatorShown(true);
    m_header->setSortIndicatorClearable(true);
    m_header->setSortIndicator(-1, Qt::AscendingOrder);
    connect(m_header, &QHeaderView::sortIndicatorChanged, this, [this](int column, Qt::SortOrder order) {
        m_sortColumn = column;
        m_descending = order == Qt::DescendingOrder;
        run();
    });
    retranslateUi();
}

void TableQueryBar::reset() {
    ++m_generation;  // a query still running was for the table before
    m_busy = false;
    m_error.clear();
    forgetQuery();
    retranslateUi();  // the example in the filter is written for the new table
}

void TableQueryBar::forgetQuery() {
    const QSignalBlocker filterBlocker(m_filter);
    m_filter->clear();
    const QSignalBlocker headerBlocker(m_header);
    m_header->setSortIndicator(-1, Qt::AscendingOrder);
    m_sortColumn = -1;
    m_descending = false;
}

void TableQueryBar::setFilterText(const QString& text) {
    const QSignalBlocker blocker(m_filter);
    m_filter->setText(text);
    run();
}

void TableQueryBar::sortBy(int column, Qt::SortOrder order) {
    m_header->setSortIndicator(column, order);  // runs through sortIndicatorChanged
    if (column == m_sortColumn && (order == Qt::DescendingOrder) == m_descending) return;
    m_sortColumn = column;
    m_descending = order == Qt::DescendingOrder;
    run();
}

void TableQueryBar::clear() {
    forgetQuery();
    run();
}

void TableQueryBar::run() {
    m_typing->stop();
    const std::shared_ptr<const kiln::Table> table = m_model->table();
    if (!table) return;
    const int generation = ++m_generation;
    m_busy = true;
    m_error.clear();
    showStatus();
    const std::string filter = m_filter->text().toStdString();
    const int sortColumn = m_sortColumn;
    const bool descending = m_descending;
    runInPool<QueryOutcome>(
        this,
        [table, filter, sortColumn, descending] {
            try {
                return runQuery(table, filter, sortColumn, descending);
            } catch (const std::exception& e) {
                return QueryOutcome{nullptr, QString::fromLocal8Bit(e.what())};
            }
        },
        [this, generation](QueryOutcome outcome) {
            if (generation != m_generation) return;  // a newer query is on its way
            m_busy = false;
            m_error = outcome.error;
            if (m_error.isEmpty()) m_model->setRows(outcome.rows);  // a bad filter keeps the rows shown
            showStatus();
            Q_EMIT applied();
        });
}

QString TableQueryBar::statusText() const { return m_statusText; }

void TableQueryBar::setStatusText(const QString& text) {
    m_statusText = text;
    m_status->setText(m_status->fontMetrics().elidedText(text, Qt::ElideRight, std::max(20, m_status->width())));
    m_status->setToolTip(text);
}

void TableQueryBar::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    setStatusText(m_statusText);
}

void TableQueryBar::showStatus() {
    m_filter->setStyleSheet(m_error.isEmpty() ? QString() : QStringLiteral("border: 1px solid #b00020;"));
    m_status->setStyleSheet(m_error.isEmpty() ? QString() : QStringLiteral("color: #b00020;"));
    m_clear->setEnabled(!m_filter->text().isEmpty() || m_sortColumn >= 0);
    const std::shared_ptr<const kiln::Table> table = m_model->table();
    if (!table) {
        setStatusText(QString());
        return;
    }
    if (!m_error.isEmpty()) {  // long messages end in "…" here, whole in the tooltip
        setStatusText(m_error);
        return;
    }
    if (m_busy) {
        setStatusText(tr("Choosing rows…"));
        return;
    }
    const QLocale locale;
    const int total = int(std::min<std::uint64_t>(table->rows(), std::uint64_t(INT_MAX)));
    QString text = m_model->showsEveryRow()
                       ? tr("%Ln row(s)", nullptr, total)
                       : tr("%1 of %Ln row(s)", nullptr, total).arg(locale.toString(m_model->rowCount()));
    if (m_sortColumn >= 0 && std::size_t(m_sortColumn) < table->columnCount()) {
        const QString name = QString::fromStdString(table->column(std::size_t(m_sortColumn)).info().name);
        text += QStringLiteral(" · ") + (m_descending ? tr("sorted by %1, highest first").arg(name)
                                                      : tr("sorted by %1, lowest first").arg(name));
    }
    setStatusText(text);
}

// A filter written for the table shown: its first number column above a value it holds and its
// first category equal to its first level ("bill_length_mm > 39 and species = Adelie").
QString TableQueryBar::exampleFilter() const {
    const std::shared_ptr<const kiln::Table> table = m_model->table();
    const QString fallback = QStringLiteral("Ozone > 50 and Month = 5");
    if (!table) return fallback;
    auto quotedName = [](const std::string& name) {
        const QString n = QString::fromStdString(name);
        return n.contains(QLatin1Char(' ')) ? QLatin1Char('`') + n + QLatin1Char('`') : n;
    };
    QStringList parts;
    bool number = false, category = false;
    for (std::size_t c = 0; c < table->columnCount() && parts.size() < 2; ++c) {
        const kiln::ColumnView& column = table->column(c);
        const kiln::ColumnType type = column.info().type;
        if (!number && (type == kiln::ColumnType::Integer || type == kiln::ColumnType::Float)) {
            for (std::uint64_t r = 0; r < std::min<std::uint64_t>(table->rows(), 100); ++r)
                if (!column.isMissing(r) && std::isfinite(column.number(r))) {
                    parts << quotedName(column.info().name) + QStringLiteral(" > ") +
                                 QString::number(std::floor(column.number(r)));
                    number = true;
                    break;
                }
        } else if (!category && type == kiln::ColumnType::Categorical && !column.info().categories.empty()) {
            const QString level = QString::fromStdString(column.info().categories.front());
            parts << quotedName(column.info().name) + QStringLiteral(" = ") +
                         (level.contains(QLatin1Char(' ')) ? QLatin1Char('"') + level + QLatin1Char('"') : level);
            category = true;
        }
    }
    return parts.isEmpty() ? fallback : parts.join(QStringLiteral(" and "));
}

void TableQueryBar::retranslateUi() {
    m_label->setText(tr("Filter:"));
    m_filter->setPlaceholderText(tr("%1, or any text to search").arg(exampleFilter()));
    m_filter->setToolTip(tr("Conditions joined by 'and': = != < <= > >= contains, 'is missing', "
                            "'is not missing'. Quote a value with \"…\" and a column name with "
                            "spaces with `…`. Text without a column searches every cell."));
    m_clear->setText(tr("Clear"));
    m_clear->setToolTip(tr("Show every row in table order"));
    showStatus();
}

void TableQueryBar::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

}  // namespace widgets
}  // namespace kiln
