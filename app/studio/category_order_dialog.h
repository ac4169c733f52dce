#pragma once

#include <QDialog>
#include <QStringList>

class QLabel;
class QListWidget;
class QPushButton;

namespace kiln {
namespace studio {

// Puts the values of a categorical column in an order, low to high (age groups, grades, sizes):
// drag them, or move the selected one up or down; "Sort" orders them as a person reads numbers
// in text ("2" before "10", "25-34" before "75+"). Accepting gives the order; "No order" gives
// an empty one, which keeps the column unordered.
class CategoryOrderDialog : public QDialog {
    Q_OBJECT
public:
    // `values`: the values met in the file; `order`: the order chosen before (empty: none yet,
    // the values are offered sorted). Values of the order that the file lacks are kept.
    CategoryOrderDialog(const QString& column, const QStringList& values, const QStringList& order,
                        QWidget* parent = nullptr);

    // The values from low to high, as listed now; empty after "No order".
    QStringList levels() const;

    // What the buttons do, for scripts and tests.
    void moveSelected(int step);  // -1: up, +1: down
    void sortNaturally();
    void reverse();
    QListWidget* list() const { return m_list; }

    // The values ordered as a person reads them ("2" < "10"), whatever the locale.
    static QStringList naturallySorted(QStringList values);

private:
    QListWidget* m_list = nullptr;
    bool m_cleared = false;
};

}  // namespace studio
}  // namespace kiln
