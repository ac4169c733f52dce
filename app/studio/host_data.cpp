#include "app/studio/host_data.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThreadPool>

#include <exception>
#include <map>
#include <memory>

#include "core/remote/host_probe.h"
#include "core/remote/ssh_host.h"
#include "core/remote/host_lock.h"
#include "core/remote/worker_event.h"
#include "core/store/workspace.h"

namespace kiln {
namespace studio {
namespace {

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

QString fromError(const kiln::Error& error) {
    return qs(error.toString());
}

bool keepRemoteOf(const std::string& settings) {
    const QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(settings)).object();
    return o.value(QLatin1String("keep_remote")).toBool(true);
}

HostEntry toEntry(const kiln::SshHost& h) {
    return {qs(h.name),    qs(h.sshTarget), qs(h.kilnPath),
            qs(h.workdir), qs(h.identity),  keepRemoteOf(h.settings)};
}

kiln::SshHost toHost(const HostEntry& e) {
    kiln::SshHost h;
    h.name = e.name.trimmed().toStdString();
    h.sshTarget = e.sshTarget.trimmed().toStdString();
    h.kilnPath = e.kilnPath.trimmed().isEmpty() ? "kiln" : e.kilnPath.trimmed().toStdString();
    h.workdir = e.workdir.trimmed().toStdString();
    h.identity = e.identity.trimmed().toStdString();
    const QJsonObject settings{{QStringLiteral("keep_remote"), e.keepRemote}};
    h.settings = QJsonDocument(settings).toJson(QJsonDocument::Compact).toStdString();
    return h;
}

// Runs `work` on a workspace opened here; exceptions and open failures become messages.
template <typename F>
QString withWorkspace(const QString& dir, F work) {
    try {
        auto ws = kiln::Workspace::open(dir.toStdString(), false);
        if (!ws) return fromError(ws.error());
        return work(**ws);
    } catch (const std::exception& e) {
        return QString::fromLocal8Bit(e.what());
    }
}

// Only an unknown key is offered for trust here; a changed one must be removed first, as its
// message says.
bool isUnknownKey(const kiln::Error& error) {
    return error.code == kiln::ErrorCode::UnknownHostKey;
}

void fillFrom(const kiln::HostProbe& p, HostTest& out) {
    out.kilnVersion = qs(p.kilnVersion);
    out.protocol = p.protocol;
    out.compatible = p.compatible;
    out.cpu = qs(p.cpu);
    out.cpuCores = p.cpuCores;
    out.cudaAvailable = p.cudaAvailable;
    out.cudaReason = qs(p.cudaReason);
    out.workdir = qs(p.workdir);
    for (const std::string& gpu : p.gpus) {
        const QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(gpu)).object();
        out.gpus << o.value(QLatin1String("name")).toString();
    }
}

void probeInto(const QString& dir, kiln::Workspace& ws, const kiln::SshHost& host, HostTest& out) {
    const auto one = lockHost(dir, qs(host.name));
    auto probe = kiln::probeHost(ws, host);
    if (probe) return fillFrom(*probe, out);
    out.error = qs(probe.error().message);
    if (!isUnknownKey(probe.error())) return;
    kiln::SshConnection conn(host, ws.root());
    if (auto offered = conn.scanFingerprints())
        for (const std::string& f : *offered) out.fingerprints << qs(f);
}

}  // namespace

QThreadPool* hostPool() {
    static QThreadPool* const pool = [] {
        static QThreadPool hosts;
        hosts.setMaxThreadCount(8);
        return &hosts;
    }();
    return pool;
}

std::unique_lock<std::mutex> lockHost(const QString& dir, const QString& name) {
    return kiln::lockHostSetup(dir.toStdString(), name.toStdString());
}

QString fingerprintHash(const QString& offered) {
    const int at = offered.indexOf(QLatin1String("SHA256:"));
    return at < 0 ? offered : offered.mid(at).section(QLatin1Char(' '), 0, 0);
}

QString devicesSummary(int cpuCores, int cudaGpus) {
    QString text =
        cpuCores == 1
            ? QCoreApplication::translate("kiln::studio::HostData", "1 CPU core")
            : QCoreApplication::translate("kiln::studio::HostData", "%1 CPU cores").arg(cpuCores);
    if (cudaGpus == 1)
        text += QCoreApplication::translate("kiln::studio::HostData", ", 1 CUDA GPU");
    if (cudaGpus > 1)
        text +=
            QCoreApplication::translate("kiln::studio::HostData", ", %1 CUDA GPUs").arg(cudaGpus);
    return text;
}

QString devicesSummary(const HostTest& t) {
    return devicesSummary(t.cpuCores, int(t.gpus.size()));
}

HostList readHosts(const QString& dir) {
    HostList out;
    out.error = withWorkspace(dir, [&out](kiln::Workspace& ws) {
        auto hosts = kiln::listHosts(ws.catalog());
        if (!hosts) return fromError(hosts.error());
        for (const kiln::SshHost& h : *hosts) out.hosts.push_back(toEntry(h));
        return QString();
    });
    return out;
}

QString addHostTo(const QString& dir, const HostEntry& host) {
    return withWorkspace(dir, [&host](kiln::Workspace& ws) {
        auto st = kiln::addHost(ws.catalog(), toHost(host));
        return st ? QString() : fromError(st.error());
    });
}

QString removeHostFrom(const QString& dir, const QString& name) {
    return withWorkspace(dir, [&name](kiln::Workspace& ws) {
        auto st = kiln::removeHost(ws.catalog(), name.toStdString());
        return st ? QString() : fromError(st.error());
    });
}

HostTest testHost(const QString& dir, const QString& name) {
    HostTest out;
    out.host = name;
    out.localProtocol = kiln::kWorkerProtocol;
    const QString failure = withWorkspace(dir, [&](kiln::Workspace& ws) {
        auto host = kiln::findHost(ws.catalog(), name.toStdString());
        if (!host) return fromError(host.error());
        probeInto(dir, ws, *host, out);
        return QString();
    });
    if (!failure.isEmpty()) out.error = failure;
    return out;
}

QString trustHostKeyOf(const QString& dir, const QString& name, const QString& fingerprint) {
    return withWorkspace(dir, [&](kiln::Workspace& ws) {
        auto host = kiln::findHost(ws.catalog(), name.toStdString());
        if (!host) return fromError(host.error());
        kiln::SshConnection conn(*host, ws.root());
        auto st = conn.trustHostKey(fingerprintHash(fingerprint).toStdString());
        return st ? QString() : fromError(st.error());
    });
}

}  // namespace studio
}  // namespace kiln
