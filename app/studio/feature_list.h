#pragma once

#include <QHash>
#include <QListWidget>
#include <QStringList>

namespace kiln {
namespace studio {

// The Train panel's feature columns: every column but the target, checked when the model sees
// it. Until a person changes a box the list follows the automatic choice (resolveSpec leaves out
// IDs, constants and free text); from then on it keeps theirs, across target changes, until
// another dataset version is chosen (resetToAutomatic). A column with a warning shows the
// warning icon and its reason as the tooltip.
class FeatureList : public QListWidget {
    Q_OBJECT
public:
    explicit FeatureList(QWidget* parent = nullptr);

    // `columns` less `target`; checked: `features` (the automatic choice) unless a person chose.
    // `notes`: a tooltip per column (why it is left out, or what to know); `warned`: columns that
    // get the warning icon.
    void showColumns(const QStringList& columns, const QString& target, const QStringList& features,
                     const QHash<QString, QString>& notes, const QStringList& warned);
    bool isChosen() const { return m_chosen; }
    QStringList checkedColumns() const;
    void resetToAutomatic();

Q_SIGNALS:
    // A person checked or unchecked a column.
    void choiceChanged();

private:
    bool m_chosen = false;
    bool m_filling = false;
};

}  // namespace studio
}  // namespace kiln
