#pragma once

#include <QWidget>

#include <memory>

#include "core/data/validation.h"

class QLabel;
class QTreeWidget;

namespace kiln {
class Table;
struct TableProfile;
}  // namespace kiln

namespace kiln {
namespace widgets {

class ColumnComboBox;

// A dataset version's validation report: every finding with its severity, the duplicate rows,
// and class imbalance for a target the user picks. validateTable runs in the pool whenever the
// profile arrives or the target changes.
class ValidationView : public QWidget {
    Q_OBJECT
public:
    explicit ValidationView(QWidget* parent = nullptr);

    void setDataset(std::shared_ptr<const kiln::Table> table,
                    std::shared_ptr<const kiln::TableProfile> profile);
    bool setTarget(const QString& column);
    QTreeWidget* findings() const { return m_findings; }
    const kiln::ValidationReport& report() const { return m_report; }
    QString summaryText() const;
    bool isBusy() const { return m_busy; }

Q_SIGNALS:
    void reportReady();

protected:
    void changeEvent(QEvent* event) override;

private:
    void validate();
    void showResult(const kiln::ValidationReport& report, const QString& error, int generation);
    void fill();
    void retranslateUi();

    std::shared_ptr<const kiln::Table> m_table;
    std::shared_ptr<const kiln::TableProfile> m_profile;
    ColumnComboBox* m_target;
    QLabel* m_targetLabel;
    QLabel* m_summary;
    QTreeWidget* m_findings;
    kiln::ValidationReport m_report;
    QString m_error;
    int m_generation = 0;
    bool m_busy = false;
};

}  // namespace widgets
}  // namespace kiln
