#pragma once

#include <QWidget>

#include "widgets/catalog_snapshot.h"

class QLabel;

namespace kiln {
namespace studio {

// The tab a navigator item opens: what the item is and what the catalog says about it.
class EntryPage : public QWidget {
    Q_OBJECT
public:
    EntryPage(const kiln::widgets::CatalogEntry& entry, QWidget* parent = nullptr);

    const kiln::widgets::CatalogEntry& entry() const { return m_entry; }
    // A key that is equal for two pages showing the same item.
    static QString keyFor(const kiln::widgets::CatalogEntry& entry);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    kiln::widgets::CatalogEntry m_entry;
    QLabel* m_title;
    QLabel* m_details;
};

}  // namespace studio
}  // namespace kiln
