#pragma once

#include <QComboBox>
#include <QHash>
#include <QSet>

#include "app/studio/host_data.h"

namespace kiln {
namespace studio {

// The Train panel's "Run on": "This computer" and each SSH host of the workspace with its
// devices. The hosts are read and each is probed (testHost) in the pool; until its probe is back
// a host says "probing…", and one that cannot take runs (unreachable, unknown key, another worker
// protocol) is greyed with the reason (the whole reason in its tooltip). Each item's data is the
// host name, empty for this computer.
class RunOnBox : public QComboBox {
    Q_OBJECT
public:
    explicit RunOnBox(QWidget* parent = nullptr);

    // Reads the workspace's hosts and probes them (in the pool).
    void setWorkspace(const QString& dir);
    // Reads the hosts again and probes them all again (after Settings ▸ Hosts changed them).
    void reload();
    // What this computer offers, shown after "This computer" (e.g. "8 CPU cores").
    void setLocalDevices(const QString& text);

    // The chosen host's name, empty for this computer.
    QString host() const;
    bool selectHost(const QString& name);
    QStringList hostNames() const { return m_hosts; }
    // The probe of `name` (its host is empty while it is probed).
    HostTest probe(const QString& name) const { return m_probes.value(name); }
    bool isProbing() const { return !m_probing.isEmpty() || m_reading; }
    // Why the chosen host cannot take the run now (empty when it can, or is still probed).
    QString problem() const;

Q_SIGNALS:
    // The hosts were read, or a probe came back.
    void hostsUpdated();

protected:
    void changeEvent(QEvent* event) override;

private:
    void showHosts(const HostList& list);
    void probeHost(const QString& name);
    void onProbed(const HostTest& test);
    void updateItems();
    QString stateText(const QString& name) const;
    QString reasonOf(const HostTest& test) const;

    QString m_workspace;
    QString m_localDevices;
    QStringList m_hosts;
    QHash<QString, HostEntry> m_entries;
    QHash<QString, HostTest> m_probes;
    QSet<QString> m_probing;
    bool m_reading = false;
    int m_generation = 0;
};

}  // namespace studio
}  // namespace kiln
