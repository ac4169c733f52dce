#include "app/studio/settings_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QVBoxLayout>

#include "app/studio/hosts_page.h"
#include "app/studio/studio_settings.h"
#include "core/store/workspace.h"
#include "widgets/environment_probe.h"

namespace kiln {
namespace studio {
namespace {
constexpr int kCudaIndex = 2;
}

SettingsDialog::SettingsDialog(kiln::widgets::EnvironmentProbe* probe, QWidget* parent)
    : QDialog(parent), m_probe(probe) {
    setObjectName(QStringLiteral("settingsDialog"));
    buildUi();
    retranslateUi();
    setWorkspaceFolder(StudioSettings::workspaceFolder());
    setLanguage(StudioSettings::language());
    setDevice(StudioSettings::defaultDevice());
    connect(m_probe, &kiln::widgets::EnvironmentProbe::ready, this, &SettingsDialog::updateCuda);
    m_probe->start();
    updateCuda();
}

void SettingsDialog::buildUi() {
    m_pages = new QTabWidget(this);
    m_pages->setObjectName(QStringLiteral("settingsPages"));
    m_pages->addTab(createGeneralPage(), QString());
    m_hosts = new HostsPage(m_pages);
    m_pages->addTab(m_hosts, QString());
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_buttons);
    resize(760, 520);

    connect(m_browse, &QPushButton::clicked, this, &SettingsDialog::browse);
    connect(m_useOpen, &QPushButton::clicked, this, [this] { m_workspace->setText(m_openDir); });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(m_hosts, &HostsPage::hostsChanged, this, &SettingsDialog::hostsChanged);
}

QWidget* SettingsDialog::createGeneralPage() {
    auto* page = new QWidget(this);
    m_workspace = new QLineEdit(this);
    m_workspace->setPlaceholderText(
        QString::fromStdString(kiln::Workspace::defaultPath().string()));
    m_workspace->setClearButtonEnabled(true);
    m_browse = new QPushButton(this);
    auto* workspaceRow = new QHBoxLayout;
    workspaceRow->addWidget(m_workspace, 1);
    workspaceRow->addWidget(m_browse);
    m_workspaceHint = new QLabel(this);
    m_workspaceHint->setWordWrap(true);
    m_openLabel = new QLabel(this);
    m_openWorkspace = new QLabel(this);
    m_openWorkspace->setObjectName(QStringLiteral("openWorkspacePath"));
    m_openWorkspace->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_openWorkspace->setWordWrap(true);
    m_useOpen = new QPushButton(this);
    m_useOpen->setObjectName(QStringLiteral("useOpenWorkspace"));
    auto* openRow = new QHBoxLayout;
    openRow->addWidget(m_openWorkspace, 1);
    openRow->addWidget(m_useOpen);

    m_language = new QComboBox(this);
    for (int i = 0; i < 3; ++i) m_language->addItem(QString());
    m_device = new QComboBox(this);
    for (int i = 0; i < 3; ++i) m_device->addItem(QString());
    m_cudaReason = new QLabel(this);
    m_cudaReason->setWordWrap(true);
    m_cudaReason->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_workspaceLabel = new QLabel(this);
    m_languageLabel = new QLabel(this);
    m_deviceLabel = new QLabel(this);
    m_form = new QFormLayout;
    m_form->addRow(m_openLabel, openRow);
    m_form->addRow(m_workspaceLabel, workspaceRow);
    m_form->addRow(nullptr, m_workspaceHint);
    m_form->addRow(m_languageLabel, m_language);
    m_form->addRow(m_deviceLabel, m_device);
    m_form->addRow(nullptr, m_cudaReason);
    auto* layout = new QVBoxLayout(page);
    layout->addLayout(m_form);
    layout->addStretch(1);
    return page;
}

void SettingsDialog::setOpenWorkspace(const QString& dir) {
    m_openDir = dir;
    m_hosts->setWorkspace(dir);
    retranslateUi();
}

void SettingsDialog::retranslateUi() {
    setWindowTitle(tr("Settings"));
    m_pages->setTabText(0, tr("General"));
    m_pages->setTabText(1, tr("Hosts"));
    m_browse->setText(tr("Browse…"));
    m_workspaceHint->setText(
        tr("Opened when Kiln Studio starts. Leave empty for the default (%1).")
            .arg(QString::fromStdString(kiln::Workspace::defaultPath().string())));
    m_workspaceLabel->setText(tr("Workspace at start:"));
    m_openLabel->setText(tr("Open now:"));
    m_openWorkspace->setText(m_openDir.isEmpty() ? tr("No workspace is open.") : m_openDir);
    m_useOpen->setText(tr("Open This One at Start"));
    m_useOpen->setEnabled(!m_openDir.isEmpty());
    m_languageLabel->setText(tr("Language:"));
    m_deviceLabel->setText(tr("Default device:"));
    m_language->setItemText(0, tr("System default"));
    m_language->setItemText(1, QStringLiteral("English"));
    m_language->setItemText(2, QStringLiteral("한국어"));
    m_device->setItemText(0, tr("Auto (CUDA when available)"));
    m_device->setItemText(1, tr("CPU"));
    m_device->setItemText(2, tr("CUDA (GPU)"));
    updateCuda();
}

void SettingsDialog::updateCuda() {
    const bool ready = m_probe->isReady();
    const bool available = ready && m_probe->environment().cudaAvailable;
    auto* model = qobject_cast<QStandardItemModel*>(m_device->model());
    if (QStandardItem* item = model ? model->item(kCudaIndex) : nullptr)
        item->setEnabled(available);
    if (ready && !available && m_device->currentIndex() == kCudaIndex) m_device->setCurrentIndex(0);
    m_cudaReason->setText(cudaReasonText());
}

QString SettingsDialog::cudaReasonText() const {
    if (!m_probe->isReady()) return tr("Checking for CUDA…");
    const kiln::Environment& env = m_probe->environment();
    const QString reason = QString::fromStdString(env.cudaReason);
    return env.cudaAvailable ? tr("CUDA is available: %1").arg(reason)
                             : tr("CUDA is not available: %1").arg(reason);
}

bool SettingsDialog::isCudaSelectable() const {
    auto* model = qobject_cast<QStandardItemModel*>(m_device->model());
    return model && model->item(kCudaIndex)->isEnabled();
}

void SettingsDialog::browse() {
    const QString dir =
        QFileDialog::getExistingDirectory(this, tr("Choose Workspace Folder"),
                                          workspaceFolder().isEmpty() ? m_openDir : workspaceFolder());
    if (!dir.isEmpty()) m_workspace->setText(dir);
}

QString SettingsDialog::workspaceFolder() const {
    return m_workspace->text().trimmed();
}

void SettingsDialog::setWorkspaceFolder(const QString& dir) {
    m_workspace->setText(dir);
}

QString SettingsDialog::language() const {
    static const QString codes[] = {QString(), QStringLiteral("en"), QStringLiteral("ko")};
    return codes[qBound(0, m_language->currentIndex(), 2)];
}

void SettingsDialog::setLanguage(const QString& code) {
    m_language->setCurrentIndex(code == QLatin1String("en")   ? 1
                                : code == QLatin1String("ko") ? 2
                                                              : 0);
}

QString SettingsDialog::device() const {
    static const QString devices[] = {QStringLiteral("auto"), QStringLiteral("cpu"),
                                      QStringLiteral("cuda")};
    return devices[qBound(0, m_device->currentIndex(), 2)];
}

void SettingsDialog::setDevice(const QString& device) {
    m_device->setCurrentIndex(device == QLatin1String("cpu")    ? 1
                              : device == QLatin1String("cuda") ? 2
                                                                : 0);
    updateCuda();
}

void SettingsDialog::accept() {
    StudioSettings::setWorkspaceFolder(workspaceFolder());
    StudioSettings::setLanguage(language());
    StudioSettings::setDefaultDevice(device());
    QDialog::accept();
}

void SettingsDialog::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QDialog::changeEvent(event);
}

}  // namespace studio
}  // namespace kiln
