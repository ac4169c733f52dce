#pragma once

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;

namespace kiln {
namespace widgets {
class EnvironmentProbe;
}  // namespace widgets
}  // namespace kiln

namespace kiln {
namespace studio {

class HostsPage;

// File ▸ Settings…, two pages. General: workspace folder, language and default device, stored in
// StudioSettings when accepted; CUDA is offered only when it is available, otherwise the reason
// is shown. Hosts: the open workspace's SSH hosts (HostsPage), changed at once in its catalog.
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    SettingsDialog(kiln::widgets::EnvironmentProbe* probe, QWidget* parent = nullptr);

    // The open workspace, whose hosts the Hosts page shows (empty: none open).
    void setOpenWorkspace(const QString& dir);
    HostsPage* hostsPage() const { return m_hosts; }
    QTabWidget* pages() const { return m_pages; }

    QString workspaceFolder() const;
    void setWorkspaceFolder(const QString& dir);
    QString language() const;  // "", "en" or "ko"
    void setLanguage(const QString& code);
    QString device() const;  // "auto", "cpu" or "cuda"
    void setDevice(const QString& device);
    bool isCudaSelectable() const;
    QString cudaReasonText() const;

    // Stores the choices and closes.
    void accept() override;

Q_SIGNALS:
    // A host was added, removed or trusted on the Hosts page.
    void hostsChanged();

protected:
    void changeEvent(QEvent* event) override;

private:
    void buildUi();
    QWidget* createGeneralPage();
    void retranslateUi();
    void updateCuda();
    void browse();

    kiln::widgets::EnvironmentProbe* m_probe;
    QFormLayout* m_form = nullptr;
    QLineEdit* m_workspace = nullptr;
    QPushButton* m_browse = nullptr;
    QComboBox* m_language = nullptr;
    QComboBox* m_device = nullptr;
    QLabel* m_cudaReason = nullptr;
    QLabel* m_workspaceHint = nullptr;
    QLabel* m_openLabel = nullptr;
    QLabel* m_openWorkspace = nullptr;  // the workspace open in the window now
    QPushButton* m_useOpen = nullptr;   // makes it the one opened at start
    QString m_openDir;
    QLabel* m_workspaceLabel = nullptr;
    QLabel* m_languageLabel = nullptr;
    QLabel* m_deviceLabel = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QTabWidget* m_pages = nullptr;
    HostsPage* m_hosts = nullptr;
};

}  // namespace studio
}  // namespace kiln
