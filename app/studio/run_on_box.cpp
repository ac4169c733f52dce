#include "app/studio/run_on_box.h"

#include <QEvent>
#include <QSignalBlocker>
#include <QStandardItemModel>

#include "widgets/message_texts.h"
#include "widgets/pool_task.h"

namespace kiln {
namespace studio {
namespace {

constexpr int kShortReason = 70;  // characters of a failure shown in the list itself

QString shortened(const QString& text) {
    const QString line = text.section(QLatin1Char('\n'), 0, 0);
    return line.size() <= kShortReason ? line : line.left(kShortReason - 1) + QChar(0x2026);
}

}  // namespace

RunOnBox::RunOnBox(QWidget* parent) : QComboBox(parent) {
    setObjectName(QStringLiteral("whereBox"));
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    setMinimumContentsLength(24);
    addItem(QString(), QString());
    updateItems();
}

void RunOnBox::setWorkspace(const QString& dir) {
    m_workspace = dir;
    reload();
}

void RunOnBox::reload() {
    const int generation = ++m_generation;
    m_probes.clear();
    m_probing.clear();
    if (m_workspace.isEmpty()) return showHosts({});
    m_reading = true;
    const QString dir = m_workspace;
    kiln::widgets::runInPool<HostList>(
        this, [dir] { return readHosts(dir); },
        [this, generation](HostList list) {
            if (generation != m_generation) return;
            m_reading = false;
            showHosts(list);
        });
}

void RunOnBox::showHosts(const HostList& list) {
    const QString keep = host();
    m_hosts.clear();
    m_entries.clear();
    {
        const QSignalBlocker blocker(this);
        while (count() > 1) removeItem(count() - 1);
        for (const HostEntry& h : list.hosts) {
            m_hosts << h.name;
            m_entries.insert(h.name, h);
            addItem(QString(), h.name);
        }
        const int index = findData(keep);
        setCurrentIndex(index >= 0 ? index : 0);
    }
    for (const QString& name : m_hosts) probeHost(name);
    updateItems();
    Q_EMIT hostsUpdated();
}

void RunOnBox::probeHost(const QString& name) {
    m_probing.insert(name);
    const QString dir = m_workspace;
    const int generation = m_generation;
    kiln::widgets::runInPool<HostTest>(
        hostPool(), this, [dir, name] { return testHost(dir, name); },
        [this, generation](HostTest test) {
            if (generation == m_generation) onProbed(test);
        });
}

void RunOnBox::onProbed(const HostTest& test) {
    m_probing.remove(test.host);
    m_probes.insert(test.host, test);
    updateItems();
    Q_EMIT hostsUpdated();
}

void RunOnBox::setLocalDevices(const QString& text) {
    m_localDevices = text;
    updateItems();
}

QString RunOnBox::reasonOf(const HostTest& t) const {
    if (t.unknownKey()) return tr("its host key is not trusted yet (Settings ▸ Hosts)");
    if (!t.ok()) return kiln::widgets::localMessage(t.error);  // core's words, said again
    if (!t.compatible)
        return tr("its Kiln speaks worker protocol %1, this Kiln %2")
            .arg(t.protocol)
            .arg(t.localProtocol);
    return {};
}

QString RunOnBox::stateText(const QString& name) const {
    if (m_probing.contains(name) || !m_probes.contains(name)) return tr("probing…");
    const HostTest& t = m_probes[name];
    const QString reason = reasonOf(t);
    return reason.isEmpty() ? devicesSummary(t) : tr("cannot be used: %1").arg(shortened(reason));
}

void RunOnBox::updateItems() {
    auto* items = qobject_cast<QStandardItemModel*>(model());
    setItemText(0, m_localDevices.isEmpty() ? tr("This computer")
                                            : tr("This computer — %1").arg(m_localDevices));
    for (int i = 1; i < count(); ++i) {
        const QString name = itemData(i).toString();
        setItemText(i, tr("%1 — %2").arg(name, stateText(name)));
        const HostTest t = m_probes.value(name);
        const QString reason = t.host.isEmpty() ? QString() : reasonOf(t);
        const QString target = m_entries.value(name).sshTarget;
        setItemData(i, reason.isEmpty() ? target : target + QStringLiteral("\n") + reason,
                    Qt::ToolTipRole);
        if (QStandardItem* item = items ? items->item(i) : nullptr)
            item->setEnabled(reason.isEmpty());
    }
}

QString RunOnBox::host() const {
    return currentData().toString();
}

bool RunOnBox::selectHost(const QString& name) {
    const int index = findData(name);
    if (index < 0) return false;
    setCurrentIndex(index);
    return true;
}

QString RunOnBox::problem() const {
    const QString name = host();
    if (name.isEmpty() || !m_probes.contains(name) || m_probing.contains(name)) return {};
    const QString reason = reasonOf(m_probes[name]);
    return reason.isEmpty() ? QString() : tr("%1 cannot take the run: %2").arg(name, reason);
}

void RunOnBox::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) updateItems();
    QComboBox::changeEvent(event);
}

}  // namespace studio
}  // namespace kiln
