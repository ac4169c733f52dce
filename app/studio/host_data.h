#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVector>

#include <mutex>

class QThreadPool;

namespace kiln {
namespace studio {

// One SSH host of the workspace (core's SshHost), as the Hosts page and the Train panel show it.
struct HostEntry {
    QString name;
    QString sshTarget;  // USER@HOST[:PORT]
    QString kilnPath = QStringLiteral("kiln");
    QString workdir;   // empty: the host's default (~/.cache/kiln/remote)
    QString identity;  // empty: the agent or ~/.ssh/config
    bool keepRemote = true;
};

struct HostList {
    QVector<HostEntry> hosts;
    QString error;  // empty when the catalog was read
};

// What testing a host (core's probeHost) found, or why it could not.
struct HostTest {
    QString host;
    QString error;             // empty when the host answered
    QStringList fingerprints;  // "ED25519 SHA256:…": the keys offered when the key is unknown
    QString kilnVersion;
    int protocol = 0;
    int localProtocol = 0;  // the protocol this Kiln speaks
    bool compatible = false;
    QString cpu;
    int cpuCores = 0;
    bool cudaAvailable = false;
    QString cudaReason;
    QStringList gpus;  // device names
    QString workdir;   // absolute, on the host

    bool ok() const { return error.isEmpty(); }
    // True when the host's key is not known yet and can be trusted (fingerprints are listed).
    bool unknownKey() const { return !ok() && !fingerprints.isEmpty(); }
    // True when runs can go there.
    bool usable() const { return ok() && compatible; }
};

// "SHA256:…" out of "ED25519 SHA256:…".
QString fingerprintHash(const QString& offered);
// "16 CPU cores, 1 CUDA GPU" (translated): what a "Run on" list shows of a machine.
QString devicesSummary(int cpuCores, int cudaGpus);
QString devicesSummary(const HostTest& test);

// Where tests of hosts run (not the global pool: a host that does not answer holds a thread for
// as long as ssh waits, up to its connect timeout).
QThreadPool* hostPool();

// Catalog and SSH work for the Hosts page and the Train panel. Each opens the workspace at `dir`
// on the calling thread: for a pool thread. None throws; a failure is returned as a message.
HostList readHosts(const QString& dir);
QString addHostTo(const QString& dir, const HostEntry& host);  // empty when added
QString removeHostFrom(const QString& dir, const QString& name);
// Connects (checking the host key), runs the host's kiln and reports what it found. When the
// host key is unknown, the keys the host offers are listed (unknownKey()).
HostTest testHost(const QString& dir, const QString& name);
// Records the host key with `fingerprint` ("SHA256:…") in the workspace's known_hosts.
QString trustHostKeyOf(const QString& dir, const QString& name, const QString& fingerprint);

// Studio's work that opens a connection to one host (a test, starting a worker) goes one at a
// time: connections to a host share one ssh master, and two opened at the same moment would each
// start one and the first to finish would close the other's. Following a run does not take it
// (its follower reconnects by itself). Any thread.
std::unique_lock<std::mutex> lockHost(const QString& dir, const QString& name);

}  // namespace studio
}  // namespace kiln

Q_DECLARE_METATYPE(kiln::studio::HostTest)
