#include "app/studio/host_form_dialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "core/remote/ssh_host.h"

namespace kiln {
namespace studio {
namespace {

QLineEdit* lineEdit(QWidget* parent, const char* name) {
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(QLatin1String(name));
    edit->setClearButtonEnabled(true);
    return edit;
}

}  // namespace

HostFormDialog::HostFormDialog(QWidget* parent) : QDialog(parent) {
    setObjectName(QStringLiteral("hostFormDialog"));
    buildUi();
    retranslateUi();
    updateState();
}

void HostFormDialog::buildUi() {
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    m_name = lineEdit(this, "hostNameEdit");
    m_target = lineEdit(this, "hostTargetEdit");
    m_identity = lineEdit(this, "hostIdentityEdit");
    m_browse = new QPushButton(this);
    m_browse->setObjectName(QStringLiteral("hostIdentityBrowse"));
    m_identityRow = new QHBoxLayout;
    m_identityRow->addWidget(m_identity, 1);
    m_identityRow->addWidget(m_browse);
    m_kiln = lineEdit(this, "hostKilnEdit");
    m_workdir = lineEdit(this, "hostWorkdirEdit");
    m_keepRemote = new QCheckBox(this);
    m_keepRemote->setObjectName(QStringLiteral("hostKeepRemoteBox"));
    m_keepRemote->setChecked(true);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("hostFormProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_form = new QFormLayout;
    m_form->addRow(QStringLiteral("-"), m_name);
    m_form->addRow(QStringLiteral("-"), m_target);
    m_form->addRow(QStringLiteral("-"), m_identityRow);
    m_form->addRow(QStringLiteral("-"), m_kiln);
    m_form->addRow(QStringLiteral("-"), m_workdir);
    m_form->addRow(QString(), m_keepRemote);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(m_form);
    layout->addWidget(m_problem);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    resize(560, 340);
    for (QLineEdit* edit : {m_name, m_target})
        connect(edit, &QLineEdit::textChanged, this, &HostFormDialog::updateState);
    connect(m_browse, &QPushButton::clicked, this, &HostFormDialog::browseIdentity);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void HostFormDialog::retranslateUi() {
    setWindowTitle(tr("Add Host"));
    m_intro->setText(
        tr("Kiln reaches the host with your OpenSSH setup (keys, agent, ~/.ssh/config) and "
           "stores no password or key. The host needs Kiln installed."));
    auto label = [this](QWidget* field, const QString& text) {
        if (auto* l = qobject_cast<QLabel*>(m_form->labelForField(field))) l->setText(text);
    };
    label(m_name, tr("Name:"));
    label(m_target, tr("SSH target:"));
    label(m_kiln, tr("Kiln on the host:"));
    label(m_workdir, tr("Folder on the host:"));
    if (auto* l = qobject_cast<QLabel*>(m_form->labelForField(m_identityRow)))
        l->setText(tr("Identity file:"));
    m_name->setPlaceholderText(tr("e.g. gpu-box"));
    m_target->setPlaceholderText(tr("USER@HOST or USER@HOST:PORT"));
    m_identity->setPlaceholderText(tr("Optional: the SSH agent or ~/.ssh/config is used"));
    m_kiln->setPlaceholderText(QStringLiteral("kiln"));
    m_workdir->setPlaceholderText(QStringLiteral("~/.cache/kiln/remote"));
    m_browse->setText(tr("Browse…"));
    m_keepRemote->setText(tr("Keep a finished run's folder on the host"));
    updateState();
}

QString HostFormDialog::problem() const {
    const std::string name = m_name->text().trimmed().toStdString();
    const std::string target = m_target->text().trimmed().toStdString();
    if (name.empty()) return tr("Name the host.");
    if (!kiln::validateHostName(name))
        return tr(
            "A host name has 1 to 64 characters, is not \"local\" and does not start with "
            "'-'.");
    if (target.empty()) return tr("Write how to reach the host: USER@HOST[:PORT].");
    if (!kiln::parseSshTarget(target))
        return tr("Write the target as USER@HOST or USER@HOST:PORT (port 1 to 65535).");
    return {};
}

void HostFormDialog::updateState() {
    const QString why = problem();
    // An empty form is not an error yet: say nothing until the user typed something.
    const bool untouched = m_name->text().isEmpty() && m_target->text().isEmpty();
    m_problem->setText(untouched ? QString() : why);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(why.isEmpty());
}

void HostFormDialog::browseIdentity() {
    const QString start = m_identity->text().isEmpty() ? QDir::homePath() + QStringLiteral("/.ssh")
                                                       : m_identity->text();
    const QString file = QFileDialog::getOpenFileName(this, tr("Choose Identity File"), start);
    if (!file.isEmpty()) m_identity->setText(file);
}

HostEntry HostFormDialog::entry() const {
    HostEntry e;
    e.name = m_name->text().trimmed();
    e.sshTarget = m_target->text().trimmed();
    e.identity = m_identity->text().trimmed();
    e.kilnPath = m_kiln->text().trimmed();
    if (e.kilnPath.isEmpty()) e.kilnPath = QStringLiteral("kiln");
    e.workdir = m_workdir->text().trimmed();
    e.keepRemote = m_keepRemote->isChecked();
    return e;
}

void HostFormDialog::setEntry(const HostEntry& e) {
    m_name->setText(e.name);
    m_target->setText(e.sshTarget);
    m_identity->setText(e.identity);
    m_kiln->setText(e.kilnPath == QLatin1String("kiln") ? QString() : e.kilnPath);
    m_workdir->setText(e.workdir);
    m_keepRemote->setChecked(e.keepRemote);
}

void HostFormDialog::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QDialog::changeEvent(event);
}

}  // namespace studio
}  // namespace kiln
