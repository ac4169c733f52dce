#include "app/studio/column_choices_table.h"

#include <QComboBox>
#include <QHeaderView>
#include <QPushButton>

#include <algorithm>

#include "app/studio/category_order_dialog.h"
#include "widgets/column_type_text.h"

namespace kiln {
namespace studio {

namespace {

const char* const kTypes[] = {"",         "integer",  "float",       "boolean", "date",
                              "date-dmy", "date-mdy", "datetime", "categorical", "text"};

QString fileNameOf(const kiln::ColumnSpec& spec) {
    return QString::fromStdString(spec.fileName.empty() ? spec.name : spec.fileName);
}

// "25-34 < 35-44 < …": the start of an order, short enough for a button.
QString orderSummary(const QStringList& levels) {
    QStringList shown = levels.mid(0, 3);
    if (levels.size() > 3) shown << QStringLiteral("…");
    return shown.join(QStringLiteral(" < "));
}

}  // namespace

ColumnChoicesTable::ColumnChoicesTable(QWidget* parent) : QTableWidget(0, 5, parent) {
    setObjectName(QStringLiteral("columnTypes"));
    verticalHeader()->hide();
    horizontalHeader()->setStretchLastSection(true);
    setSelectionMode(QAbstractItemView::NoSelection);
    setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                    QAbstractItemView::SelectedClicked | QAbstractItemView::AnyKeyPressed);
    connect(this, &QTableWidget::itemChanged, this, &ColumnChoicesTable::takeEdit);
    retranslate();
}

void ColumnChoicesTable::showColumns(const kiln::TablePreview& preview) {
    m_preview = preview;
    QSet<QString> present;
    for (const kiln::ColumnSpec& spec : preview.columns) {
        const QString file = fileNameOf(spec);
        present.insert(file);
        if (!spec.overridden && !spec.skipped)
            m_detected.insert(file, QString::fromLatin1(kiln::columnTypeName(spec.type)));
    }
    // Choices of columns that no longer exist (no header now) would fail the import.
    auto prune = [&present](auto& map) {
        for (const QString& key : map.keys())
            if (!present.contains(key)) map.remove(key);
    };
    prune(m_types);
    prune(m_names);
    prune(m_orders);
    prune(m_detected);
    for (const QString& key : m_skipped.values())
        if (!present.contains(key)) m_skipped.remove(key);
    fill();
}

void ColumnChoicesTable::clearChoices() {
    m_detected.clear();
    m_types.clear();
    m_names.clear();
    m_skipped.clear();
    m_orders.clear();
}

void ColumnChoicesTable::addTo(kiln::ImportOptions& options) const {
    for (auto it = m_types.cbegin(); it != m_types.cend(); ++it)
        options.typeOverrides.push_back((it.key() + QLatin1Char('=') + it.value()).toStdString());
    for (auto it = m_names.cbegin(); it != m_names.cend(); ++it)
        options.renames.emplace_back(it.key().toStdString(), it.value().toStdString());
    for (const QString& column : m_skipped) options.skipColumns.push_back(column.toStdString());
    std::sort(options.skipColumns.begin(), options.skipColumns.end());
    for (auto it = m_orders.cbegin(); it != m_orders.cend(); ++it) {
        kiln::ImportOptions::CategoryOrder order{it.key().toStdString(), {}};
        for (const QString& level : it.value()) order.levels.push_back(level.toStdString());
        options.categoryOrders.push_back(std::move(order));
    }
}

void ColumnChoicesTable::setColumnType(const QString& column, const QString& type) {
    if (type.isEmpty())
        m_types.remove(column);
    else
        m_types.insert(column, type);
    // An order belongs to categories: another type forced on the column ends it.
    if (!type.isEmpty() && type != QLatin1String("categorical")) m_orders.remove(column);
    Q_EMIT choicesChanged();
}

void ColumnChoicesTable::setColumnName(const QString& column, const QString& name) {
    const QString trimmed = name.trimmed();
    if (trimmed == column)
        m_names.remove(column);
    else
        m_names.insert(column, trimmed);
    Q_EMIT choicesChanged();
}

void ColumnChoicesTable::setColumnSkipped(const QString& column, bool skipped) {
    if (skipped)
        m_skipped.insert(column);
    else
        m_skipped.remove(column);
    Q_EMIT choicesChanged();
}

void ColumnChoicesTable::setCategoryOrder(const QString& column, const QStringList& levels) {
    if (levels.isEmpty()) {
        m_orders.remove(column);
    } else {
        m_orders.insert(column, levels);
        // Ordered values are categories, whatever the column was read as.
        if (m_types.contains(column)) m_types.insert(column, QStringLiteral("categorical"));
    }
    Q_EMIT choicesChanged();
}

void ColumnChoicesTable::editOrder(const QString& column) {
    const QString shown = m_names.value(column, column);
    CategoryOrderDialog dialog(shown, valuesOf(column), m_orders.value(column), this);
    if (dialog.exec() == QDialog::Accepted) setCategoryOrder(column, dialog.levels());
}

QStringList ColumnChoicesTable::valuesOf(const QString& column) const {
    QStringList values;
    for (std::size_t c = 0; c < m_preview.columns.size() && c < m_preview.values.size(); ++c)
        if (fileNameOf(m_preview.columns[c]) == column)
            for (const std::string& value : m_preview.values[c]) values << QString::fromStdString(value);
    return values;
}

QString ColumnChoicesTable::typeChoiceText(const QString& type) const {
    if (type.isEmpty()) return tr("as detected");
    if (type == QLatin1String("date-dmy")) return tr("date, day first (31/01/2024)");
    if (type == QLatin1String("date-mdy")) return tr("date, month first (01/31/2024)");
    return kiln::widgets::columnTypeText(type);
}

void ColumnChoicesTable::fill() {
    m_filling = true;
    setRowCount(int(m_preview.columns.size()));
    for (int r = 0; r < rowCount(); ++r) fillRow(r, m_preview.columns[std::size_t(r)]);
    resizeColumnsToContents();
    m_filling = false;
}

void ColumnChoicesTable::fillRow(int row, const kiln::ColumnSpec& spec) {
    const QString file = fileNameOf(spec);
    auto* import = new QTableWidgetItem;
    import->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
    import->setCheckState(m_skipped.contains(file) ? Qt::Unchecked : Qt::Checked);
    import->setData(Qt::UserRole, file);
    setItem(row, ImportColumn, import);

    auto* name = new QTableWidgetItem(m_names.value(file, file));
    name->setFlags(Qt::ItemIsEnabled | Qt::ItemIsEditable);
    name->setData(Qt::UserRole, file);
    name->setToolTip(m_names.contains(file) ? tr("Named '%1' in the file; double-click to rename").arg(file)
                                            : tr("Double-click to rename"));
    setItem(row, NameColumn, name);

    auto* detected = new QTableWidgetItem(kiln::widgets::columnTypeText(m_detected.value(file)));
    detected->setFlags(Qt::ItemIsEnabled);
    setItem(row, DetectedColumn, detected);

    auto* combo = new QComboBox(this);
    for (const char* type : kTypes)
        combo->addItem(typeChoiceText(QString::fromLatin1(type)), QString::fromLatin1(type));
    combo->setCurrentIndex(std::max(0, combo->findData(m_types.value(file))));
    combo->setEnabled(!m_skipped.contains(file));
    connect(combo, &QComboBox::currentIndexChanged, this,
            [this, file, combo] { setColumnType(file, combo->currentData().toString()); });
    setCellWidget(row, TypeColumn, combo);
    setCellWidget(row, OrderColumn, orderButton(spec, valuesOf(file)));
}

QWidget* ColumnChoicesTable::orderButton(const kiln::ColumnSpec& spec, const QStringList& values) {
    const QString file = fileNameOf(spec);
    const QStringList order = m_orders.value(file);
    auto* button = new QPushButton(order.isEmpty() ? tr("Order…") : orderSummary(order), this);
    button->setObjectName(QStringLiteral("order_") + file);
    button->setFlat(order.isEmpty());
    const bool categories = spec.type == kiln::ColumnType::Categorical || spec.type == kiln::ColumnType::Text;
    button->setEnabled(!spec.skipped && categories && !values.isEmpty());
    if (!order.isEmpty())
        button->setToolTip(order.join(QStringLiteral(" < ")));
    else if (categories && values.isEmpty() && !spec.skipped)
        button->setToolTip(tr("More than %1 different values in the first rows: too many to order here "
                              "(kiln import --order takes any number).")
                               .arg(kiln::kMaxListedValues));
    else
        button->setToolTip(tr("Put the values in an order, low to high (age groups, grades, sizes)."));
    connect(button, &QPushButton::clicked, this, [this, file] { editOrder(file); });
    return button;
}

void ColumnChoicesTable::takeEdit(QTableWidgetItem* item) {
    if (m_filling || !item) return;
    const QString file = item->data(Qt::UserRole).toString();
    if (item->column() == ImportColumn) setColumnSkipped(file, item->checkState() == Qt::Unchecked);
    if (item->column() == NameColumn) setColumnName(file, item->text());
}

void ColumnChoicesTable::retranslate() {
    setHorizontalHeaderLabels({tr("Import"), tr("Column"), tr("Detected"), tr("Import as"), tr("Order")});
    if (!m_preview.columns.empty()) fill();
}

}  // namespace studio
}  // namespace kiln
