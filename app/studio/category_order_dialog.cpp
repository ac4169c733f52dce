#include "app/studio/category_order_dialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace kiln {
namespace studio {

CategoryOrderDialog::CategoryOrderDialog(const QString& column, const QStringList& values,
                                         const QStringList& order, QWidget* parent)
    : QDialog(parent) {
    setObjectName(QStringLiteral("categoryOrderDialog"));
    setWindowTitle(tr("Order of %1").arg(column));
    QStringList listed = order.isEmpty() ? naturallySorted(values) : order;
    for (const QString& value : values)
        if (!listed.contains(value)) listed << value;

    auto* explanation = new QLabel(
        tr("Put the values of %1 from lowest to highest. Charts show them in this order and "
           "the column is stored as ordered categories.")
            .arg(column),
        this);
    explanation->setWordWrap(true);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("levels"));
    m_list->addItems(listed);
    m_list->setDragDropMode(QAbstractItemView::InternalMove);
    m_list->setCurrentRow(0);

    auto* up = new QPushButton(tr("Up"), this);
    up->setObjectName(QStringLiteral("moveUp"));
    auto* down = new QPushButton(tr("Down"), this);
    down->setObjectName(QStringLiteral("moveDown"));
    auto* sort = new QPushButton(tr("Sort"), this);
    sort->setObjectName(QStringLiteral("sortLevels"));
    sort->setToolTip(tr("Numbers inside the values are read as numbers: 2 before 10."));
    auto* flip = new QPushButton(tr("Reverse"), this);
    flip->setObjectName(QStringLiteral("reverseLevels"));
    connect(up, &QPushButton::clicked, this, [this] { moveSelected(-1); });
    connect(down, &QPushButton::clicked, this, [this] { moveSelected(+1); });
    connect(sort, &QPushButton::clicked, this, &CategoryOrderDialog::sortNaturally);
    connect(flip, &QPushButton::clicked, this, &CategoryOrderDialog::reverse);
    auto* side = new QVBoxLayout;
    for (QPushButton* button : {up, down, sort, flip}) side->addWidget(button);
    side->addStretch(1);
    auto* middle = new QHBoxLayout;
    middle->addWidget(m_list, 1);
    middle->addLayout(side);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto* none = buttons->addButton(tr("No order"), QDialogButtonBox::ResetRole);
    none->setObjectName(QStringLiteral("noOrder"));
    none->setEnabled(!order.isEmpty());
    connect(none, &QPushButton::clicked, this, [this] {
        m_cleared = true;
        accept();
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(explanation);
    layout->addLayout(middle, 1);
    layout->addWidget(buttons);
    resize(420, 420);
}

QStringList CategoryOrderDialog::levels() const {
    QStringList levels;
    if (m_cleared) return levels;
    for (int i = 0; i < m_list->count(); ++i) levels << m_list->item(i)->text();
    return levels;
}

void CategoryOrderDialog::moveSelected(int step) {
    const int row = m_list->currentRow();
    const int target = row + step;
    if (row < 0 || target < 0 || target >= m_list->count()) return;
    QListWidgetItem* item = m_list->takeItem(row);
    m_list->insertItem(target, item);
    m_list->setCurrentRow(target);
}

void CategoryOrderDialog::sortNaturally() {
    const QString current = m_list->currentItem() ? m_list->currentItem()->text() : QString();
    const QStringList sorted = naturallySorted(levels());
    m_list->clear();
    m_list->addItems(sorted);
    m_list->setCurrentRow(std::max(0, int(sorted.indexOf(current))));
}

void CategoryOrderDialog::reverse() {
    QStringList reversed = levels();
    std::reverse(reversed.begin(), reversed.end());
    const int row = m_list->currentRow();
    m_list->clear();
    m_list->addItems(reversed);
    m_list->setCurrentRow(row < 0 ? 0 : int(reversed.size()) - 1 - row);
}

namespace {

// Compares runs of digits by their value and the rest without case: "a2" < "a10", "25-34" < "75+".
int naturalCompare(const QString& a, const QString& b) {
    int i = 0;
    int j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i].isDigit() && b[j].isDigit()) {
            int iEnd = i;
            int jEnd = j;
            while (iEnd < a.size() && a[iEnd].isDigit()) ++iEnd;
            while (jEnd < b.size() && b[jEnd].isDigit()) ++jEnd;
            // Leading zeros say nothing: "007" is 7. A longer run of digits is the larger number.
            int x = i, y = j;
            while (x + 1 < iEnd && a[x] == QLatin1Char('0')) ++x;
            while (y + 1 < jEnd && b[y] == QLatin1Char('0')) ++y;
            if (iEnd - x != jEnd - y) return iEnd - x < jEnd - y ? -1 : 1;
            if (const int c = QStringView(a).mid(x, iEnd - x).compare(QStringView(b).mid(y, jEnd - y)); c != 0) return c;
            i = iEnd;
            j = jEnd;
            continue;
        }
        if (const int c = QString::compare(a.mid(i, 1), b.mid(j, 1), Qt::CaseInsensitive); c != 0) return c;
        ++i;
        ++j;
    }
    if (i < a.size() || j < b.size()) return i < a.size() ? 1 : -1;
    return a.compare(b);
}

}  // namespace

QStringList CategoryOrderDialog::naturallySorted(QStringList values) {
    std::stable_sort(values.begin(), values.end(),
                     [](const QString& a, const QString& b) { return naturalCompare(a, b) < 0; });
    return values;
}

}  // namespace studio
}  // namespace kiln
