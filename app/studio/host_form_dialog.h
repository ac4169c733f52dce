#pragma once

#include <QDialog>

#include "app/studio/host_data.h"

class QCheckBox;
class QDialogButtonBox;
class QFormLayout;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace kiln {
namespace studio {

// Settings ▸ Hosts ▸ Add…: a host's name, USER@HOST[:PORT], identity file (Browse…), the path of
// kiln on the host, its workdir and whether finished runs stay there. OK is enabled once the name
// and target are valid (checked as `kiln hosts add` checks them); the problem is shown otherwise.
class HostFormDialog : public QDialog {
    Q_OBJECT
public:
    explicit HostFormDialog(QWidget* parent = nullptr);

    HostEntry entry() const;
    void setEntry(const HostEntry& entry);
    // Why OK is disabled (empty when the form is complete).
    QString problem() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void buildUi();
    void retranslateUi();
    void updateState();
    void browseIdentity();

    QFormLayout* m_form = nullptr;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_target = nullptr;
    QLineEdit* m_identity = nullptr;
    QHBoxLayout* m_identityRow = nullptr;
    QPushButton* m_browse = nullptr;
    QLineEdit* m_kiln = nullptr;
    QLineEdit* m_workdir = nullptr;
    QCheckBox* m_keepRemote = nullptr;
    QLabel* m_intro = nullptr;
    QLabel* m_problem = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

}  // namespace studio
}  // namespace kiln
