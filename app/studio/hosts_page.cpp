#include "app/studio/hosts_page.h"

#include <QEvent>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTextDocument>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "app/studio/host_form_dialog.h"
#include "widgets/pool_task.h"

namespace kiln {
namespace studio {
namespace {

QString row(const QString& key, const QString& value) {
    return QStringLiteral("<tr><td style=\"padding-right:12px\"><b>%1</b></td><td>%2</td></tr>")
        .arg(key.toHtmlEscaped(), value);
}

QString grey(const QString& text) {
    return QStringLiteral("<span style=\"color:#5f6368\">%1</span>").arg(text.toHtmlEscaped());
}

}  // namespace

HostsPage::HostsPage(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("hostsPage"));
    buildUi();
    retranslateUi();
    updateButtons();
}

void HostsPage::buildUi() {
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("hostsList"));
    m_list->setColumnCount(4);
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    m_list->header()->setStretchLastSection(true);
    m_add = new QPushButton(this);
    m_add->setObjectName(QStringLiteral("addHostButton"));
    m_test = new QPushButton(this);
    m_test->setObjectName(QStringLiteral("testHostButton"));
    m_remove = new QPushButton(this);
    m_remove->setObjectName(QStringLiteral("removeHostButton"));
    auto* buttons = new QVBoxLayout;
    for (QPushButton* b : {m_add, m_test, m_remove}) buttons->addWidget(b);
    buttons->addStretch(1);
    auto* top = new QHBoxLayout;
    top->addWidget(m_list, 1);
    top->addLayout(buttons);

    m_resultBox = new QGroupBox(this);
    m_result = new QLabel(m_resultBox);
    m_result->setObjectName(QStringLiteral("hostTestResult"));
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::RichText);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_trust = new QPushButton(m_resultBox);
    m_trust->setObjectName(QStringLiteral("trustKeyButton"));
    m_trust->setVisible(false);
    auto* result = new QVBoxLayout(m_resultBox);
    result->addWidget(m_result, 1);
    result->addWidget(m_trust, 0, Qt::AlignLeft);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(top, 1);
    layout->addWidget(m_resultBox, 1);

    connect(m_list, &QTreeWidget::currentItemChanged, this, [this] {
        m_message.clear();
        showResult();
        updateButtons();
    });
    connect(m_add, &QPushButton::clicked, this, &HostsPage::openAddForm);
    connect(m_test, &QPushButton::clicked, this, &HostsPage::testCurrentHost);
    connect(m_remove, &QPushButton::clicked, this, &HostsPage::confirmRemove);
    connect(m_trust, &QPushButton::clicked, this, &HostsPage::confirmTrust);
}

void HostsPage::setWorkspace(const QString& dir) {
    m_workspace = dir;
    m_tests.clear();
    reload();
}

void HostsPage::reload() {
    const int generation = ++m_generation;
    if (m_workspace.isEmpty()) return showHosts({});
    const QString dir = m_workspace;
    ++m_pending;
    kiln::widgets::runInPool<HostList>(
        this, [dir] { return readHosts(dir); },
        [this, generation](HostList list) {
            --m_pending;
            if (generation == m_generation) showHosts(list);
            updateButtons();
        });
}

void HostsPage::showHosts(const HostList& list) {
    const QString keep = m_wanted.isEmpty() ? currentHost() : m_wanted;
    m_wanted.clear();
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (const HostEntry& h : list.hosts) {
        auto* item = new QTreeWidgetItem(
            m_list, {h.name, h.sshTarget, h.kilnPath,
                     h.workdir.isEmpty() ? tr("(default: ~/.cache/kiln/remote)") : h.workdir});
        item->setData(0, Qt::UserRole, h.name);
        for (int c : {0, 2, 3}) item->setToolTip(c, item->text(c));
        item->setToolTip(1, h.identity.isEmpty() ? tr("Key from the SSH agent or ~/.ssh/config")
                                                 : tr("Identity file: %1").arg(h.identity));
    }
    for (int c = 0; c < 3; ++c) m_list->resizeColumnToContents(c);
    if (!selectHost(keep) && m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
    m_message = list.error.isEmpty()
                    ? QString()
                    : tr("Could not read the hosts: %1").arg(list.error.toHtmlEscaped());
    showResult();
    updateButtons();
}

QStringList HostsPage::hostNames() const {
    QStringList names;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        names << m_list->topLevelItem(i)->data(0, Qt::UserRole).toString();
    return names;
}

bool HostsPage::selectHost(const QString& name) {
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        if (m_list->topLevelItem(i)->data(0, Qt::UserRole).toString() == name) {
            m_list->setCurrentItem(m_list->topLevelItem(i));
            return true;
        }
    return false;
}

QString HostsPage::currentHost() const {
    const QTreeWidgetItem* item = m_list->currentItem();
    return item ? item->data(0, Qt::UserRole).toString() : QString();
}

void HostsPage::updateButtons() {
    const bool open = !m_workspace.isEmpty();
    const bool chosen = !currentHost().isEmpty();
    m_add->setEnabled(open);
    m_test->setEnabled(chosen && m_testing.isEmpty());
    m_remove->setEnabled(chosen && m_testing != currentHost());
}

void HostsPage::openAddForm() {
    auto* form = new HostFormDialog(this);
    form->setAttribute(Qt::WA_DeleteOnClose);
    connect(form, &QDialog::accepted, this, [this, form] { addHost(form->entry()); });
    form->open();
}

void HostsPage::addHost(const HostEntry& entry) {
    const QString dir = m_workspace;
    ++m_pending;
    kiln::widgets::runInPool<QString>(
        this, [dir, entry] { return addHostTo(dir, entry); },
        [this, name = entry.name](QString error) {
            --m_pending;
            if (!error.isEmpty())
                return setMessage(
                    tr("Could not add %1: %2").arg(name.toHtmlEscaped(), error.toHtmlEscaped()));
            m_message.clear();
            m_wanted = name;
            reload();
            Q_EMIT hostsChanged();
        });
}

void HostsPage::confirmRemove() {
    const QString name = currentHost();
    if (name.isEmpty()) return;
    auto* box = new QMessageBox(QMessageBox::Question, tr("Remove Host"),
                                tr("Remove the host %1?").arg(name),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("removeHostConfirm"));
    box->setInformativeText(
        tr("Runs recorded on it stay in the catalog, and the files on the host are kept."));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::accepted, this, [this, name] { removeHost(name); });
    box->open();
}

void HostsPage::removeHost(const QString& name) {
    const QString dir = m_workspace;
    ++m_pending;
    kiln::widgets::runInPool<QString>(
        this, [dir, name] { return removeHostFrom(dir, name); },
        [this, name](QString error) {
            --m_pending;
            if (!error.isEmpty())
                return setMessage(
                    tr("Could not remove %1: %2").arg(name.toHtmlEscaped(), error.toHtmlEscaped()));
            m_tests.remove(name);
            m_message.clear();
            reload();
            Q_EMIT hostsChanged();
        });
}

void HostsPage::testCurrentHost() {
    const QString name = currentHost();
    if (name.isEmpty() || !m_testing.isEmpty()) return;
    m_testing = name;
    m_message.clear();
    showResult();
    updateButtons();
    const QString dir = m_workspace;
    ++m_pending;
    kiln::widgets::runInPool<HostTest>(
        hostPool(), this, [dir, name] { return testHost(dir, name); },
        [this](HostTest test) {
            --m_pending;
            onTested(test);
        });
}

void HostsPage::onTested(const HostTest& test) {
    m_testing.clear();
    m_tests.insert(test.host, test);
    showResult();
    updateButtons();
    Q_EMIT tested(test.host);
}

QString HostsPage::offeredKey(const HostTest& test) const {
    // Any one offered key will do; ED25519 is what OpenSSH prefers.
    for (const QString& f : test.fingerprints)
        if (f.startsWith(QLatin1String("ED25519"))) return f;
    return test.fingerprints.value(0);
}

void HostsPage::confirmTrust() {
    const HostTest test = m_tests.value(currentHost());
    const QString key = offeredKey(test);
    if (key.isEmpty()) return;
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Trust Host Key"),
                                tr("Trust this key for %1?\n\n%2").arg(test.host, key),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("trustKeyConfirm"));
    box->setInformativeText(
        tr("Only trust it if it is the host's key: compare the fingerprint with what "
           "`ssh-keygen -lf` shows for the host's key on the host itself, or ask its "
           "administrator. Kiln will then connect only to a host that has this key."));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::accepted, this,
            [this, name = test.host, key] { trustKey(name, key); });
    box->open();
}

void HostsPage::trustKey(const QString& name, const QString& fingerprint) {
    const QString dir = m_workspace;
    ++m_pending;
    kiln::widgets::runInPool<QString>(
        hostPool(), this,
        [dir, name, fingerprint] { return trustHostKeyOf(dir, name, fingerprint); },
        [this, name](QString error) {
            --m_pending;
            if (!error.isEmpty())
                return setMessage(tr("Could not trust the key of %1: %2")
                                      .arg(name.toHtmlEscaped(), error.toHtmlEscaped()));
            // Show at once what the host runs, now that it can be reached.
            if (selectHost(name)) testCurrentHost();
            Q_EMIT hostsChanged();
        });
}

void HostsPage::setMessage(const QString& html) {
    m_message = html;
    showResult();
    updateButtons();
}

void HostsPage::showResult() {
    const QString name = currentHost();
    const HostTest test = m_tests.value(name);
    QString html;
    if (!m_message.isEmpty())
        html = QStringLiteral("<span style=\"color:#b3261e\">%1</span>").arg(m_message);
    else if (m_workspace.isEmpty())
        html = grey(tr("Open a workspace to manage its hosts."));
    else if (name.isEmpty())
        html = grey(tr("No hosts yet. Add one to train on a bigger machine over SSH."));
    else if (m_testing == name)
        html = grey(tr("Testing %1: connecting, running its kiln…").arg(name));
    else if (test.host.isEmpty())
        html = grey(tr("Press Test to connect to %1 and see what it offers.").arg(name));
    else
        html = resultHtml(test);
    m_result->setText(html);
    m_trust->setVisible(m_message.isEmpty() && m_testing != name && test.unknownKey());
}

QString HostsPage::resultHtml(const HostTest& t) const {
    const QString name = t.host.toHtmlEscaped();
    if (t.unknownKey())
        return tr("<b>The host key of %1 is not known yet.</b> It offers:").arg(name) +
               QStringLiteral("<br><tt>%1</tt><br>")
                   .arg(t.fingerprints.join(QLatin1String("<br>"))) +
               grey(tr("Check the fingerprint with the host's administrator before you trust "
                       "it: a key you do not expect may mean someone intercepts the connection."));
    if (!t.ok())
        return tr("<b>Could not use %1.</b>").arg(name) + QStringLiteral("<br>") +
               t.error.toHtmlEscaped();
    const QString protocol =
        t.compatible
            ? tr("worker protocol %1, compatible").arg(t.protocol)
            : QStringLiteral("<span style=\"color:#b3261e\">%1</span>")
                  .arg(tr("worker protocol %1, but this Kiln speaks %2: runs cannot go there")
                           .arg(t.protocol)
                           .arg(t.localProtocol));
    const QString cuda = t.gpus.isEmpty()
                             ? tr("not available: %1").arg(t.cudaReason.toHtmlEscaped())
                             : t.gpus.join(QLatin1String(", ")).toHtmlEscaped();
    return tr("<b>%1 answered.</b>").arg(name) + QStringLiteral("<table>") +
           row(tr("Kiln"), t.kilnVersion.toHtmlEscaped() + QStringLiteral(" · ") + protocol) +
           row(tr("CPU"), tr("%1 cores · %2").arg(t.cpuCores).arg(t.cpu.toHtmlEscaped())) +
           row(tr("CUDA GPUs"), cuda) + row(tr("Folder"), t.workdir.toHtmlEscaped()) +
           QStringLiteral("</table>");
}

QString HostsPage::resultText() const {
    QTextDocument doc;
    doc.setHtml(m_result->text());
    return doc.toPlainText();
}

void HostsPage::retranslateUi() {
    m_intro->setText(
        tr("Hosts are machines that train this workspace's runs over SSH. Kiln uses your "
           "OpenSSH setup and checks every host's key."));
    m_list->setHeaderLabels({tr("Name"), tr("SSH target"), tr("Kiln"), tr("Folder on the host")});
    m_add->setText(tr("Add…"));
    m_test->setText(tr("Test"));
    m_remove->setText(tr("Remove…"));
    m_resultBox->setTitle(tr("Test result"));
    m_trust->setText(tr("Trust This Key…"));
    showResult();
}

void HostsPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

}  // namespace studio
}  // namespace kiln
