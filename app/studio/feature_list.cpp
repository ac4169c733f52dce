#include "app/studio/feature_list.h"

#include <QApplication>
#include <QStyle>

namespace kiln {
namespace studio {

FeatureList::FeatureList(QWidget* parent) : QListWidget(parent) {
    setObjectName(QStringLiteral("featureList"));
    setUniformItemSizes(true);
    setSelectionMode(QAbstractItemView::NoSelection);
    setMaximumHeight(150);
    setIconSize(QSize(14, 14));
    connect(this, &QListWidget::itemChanged, this, [this] {
        if (m_filling) return;
        m_chosen = true;
        Q_EMIT choiceChanged();
    });
}

void FeatureList::showColumns(const QStringList& columns, const QString& target, const QStringList& features,
                              const QHash<QString, QString>& notes, const QStringList& warned) {
    const QStringList kept = m_chosen ? checkedColumns() : features;
    m_filling = true;
    clear();
    const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    for (const QString& column : columns) {
        if (column == target) continue;
        auto* item = new QListWidgetItem(column, this);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(kept.contains(column) ? Qt::Checked : Qt::Unchecked);
        item->setToolTip(notes.value(column));
        if (warned.contains(column)) item->setIcon(warning);
    }
    m_filling = false;
}

QStringList FeatureList::checkedColumns() const {
    QStringList out;
    for (int i = 0; i < count(); ++i)
        if (item(i)->checkState() == Qt::Checked) out << item(i)->text();
    return out;
}

void FeatureList::resetToAutomatic() {
    m_chosen = false;
}

}  // namespace studio
}  // namespace kiln
