#pragma once

#include <QHash>
#include <QWidget>

#include "app/studio/host_data.h"

class QGroupBox;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace kiln {
namespace studio {

// Settings ▸ Hosts: the SSH hosts of the open workspace (name, target, kiln path, folder) with
// Add…, Test and Remove. Test connects in the pool and shows what the host runs (Kiln version,
// whether its worker protocol is this Kiln's, CPU cores, CUDA GPUs) or why it failed; an unknown
// host key is shown with its fingerprint and a "Trust This Key…" button that records it after the
// user confirms. Nothing here blocks the GUI thread.
class HostsPage : public QWidget {
    Q_OBJECT
public:
    explicit HostsPage(QWidget* parent = nullptr);

    // The workspace whose catalog holds the hosts (empty: none open); reads them in the pool.
    void setWorkspace(const QString& dir);
    QString workspace() const { return m_workspace; }
    QStringList hostNames() const;
    bool selectHost(const QString& name);
    QString currentHost() const;
    // Tests the selected host (as the Test button does).
    void testCurrentHost();
    // The shown test result, as plain text.
    QString resultText() const;
    // The last test of `name`, if any (host empty when never tested).
    HostTest lastTest(const QString& name) const { return m_tests.value(name); }
    // True while a read, test, trust or change runs in the pool.
    bool isBusy() const { return m_pending > 0; }

Q_SIGNALS:
    // A host was added or removed, or its key trusted (the Train panel's "Run on" should read
    // and probe them again).
    void hostsChanged();
    // A test of `host` finished (its result is shown).
    void tested(const QString& host);

protected:
    void changeEvent(QEvent* event) override;

private:
    void buildUi();
    void retranslateUi();
    void reload();
    void showHosts(const HostList& list);
    void showResult();
    void updateButtons();
    void openAddForm();
    void addHost(const HostEntry& entry);
    void confirmRemove();
    void removeHost(const QString& name);
    void confirmTrust();
    void trustKey(const QString& name, const QString& fingerprint);
    void onTested(const HostTest& test);
    QString resultHtml(const HostTest& test) const;
    QString offeredKey(const HostTest& test) const;
    void setMessage(const QString& html);

    QString m_workspace;
    QHash<QString, HostTest> m_tests;  // by host name
    QString m_testing;                 // the host being tested, or empty
    QString m_wanted;                  // the host to select once the list is read (just added)
    QString m_message;                 // an add/remove/trust failure, shown in the result box
    int m_pending = 0;
    int m_generation = 0;

    QLabel* m_intro = nullptr;
    QTreeWidget* m_list = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_test = nullptr;
    QPushButton* m_remove = nullptr;
    QGroupBox* m_resultBox = nullptr;
    QLabel* m_result = nullptr;
    QPushButton* m_trust = nullptr;
};

}  // namespace studio
}  // namespace kiln
