#pragma once

#include <QDialog>

class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace kiln {
namespace widgets {
class EnvironmentProbe;
}  // namespace widgets
}  // namespace kiln

namespace kiln {
namespace studio {

// Help ▸ About Kiln: the version and the captured environment (system, libraries, CUDA and why
// it is or is not available, GPUs), with Copy for bug reports.
class AboutDialog : public QDialog {
    Q_OBJECT
public:
    AboutDialog(kiln::widgets::EnvironmentProbe* probe, QWidget* parent = nullptr);

    QTreeWidget* tree() const { return m_tree; }
    // What Copy puts on the clipboard: the version and the environment as text.
    QString reportText() const;
    void copyReport() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void fillTree();
    QTreeWidgetItem* addGroup(const QString& title);
    void addRow(QTreeWidgetItem* group, const QString& key, const QString& value);

    kiln::widgets::EnvironmentProbe* m_probe;
    QLabel* m_title;
    QLabel* m_subtitle;
    QLabel* m_cuda;
    QTreeWidget* m_tree;
    QPushButton* m_copy;
    QPushButton* m_close;
};

}  // namespace studio
}  // namespace kiln
