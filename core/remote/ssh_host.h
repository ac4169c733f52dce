#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

#include "core/base/result.h"

namespace kiln {

class Catalog;

// A remote machine that runs Kiln workers, reached with the system's OpenSSH client. Stored in
// the catalog's `hosts` table. Kiln stores no passwords or keys: `identity` is a path to a key
// file the user already has (or empty for the agent / ~/.ssh/config).
struct SshHost {
    std::string name;
    std::string sshTarget;        // USER@HOST[:PORT] (or HOST, or an ~/.ssh/config alias)
    std::string kilnPath = "kiln";  // the `kiln` executable on the host
    std::string workdir;          // the host's Kiln folder (objects/, runs/); empty: ~/.cache/kiln/remote
    std::string identity;         // -i FILE, or empty
    std::string settings = "{}";  // JSON: {"keep_remote": true|false}
};

// USER@HOST[:PORT] split up. Port 0 means "ssh's default / ~/.ssh/config".
struct SshTarget {
    std::string user;
    std::string host;
    int port = 0;
    // "user@host" (what ssh takes as destination, the port goes in -p).
    std::string destination() const { return user.empty() ? host : user + "@" + host; }
    // How known_hosts names it: "host" or "[host]:port".
    std::string knownHostsName() const;
};
Result<SshTarget> parseSshTarget(const std::string& target);

// Quotes `s` for a POSIX shell so that it is one word, taken literally: 'a'\''b'.
std::string shellQuote(const std::string& s);

// Host records in the catalog.
Status validateHostName(const std::string& name);
Status addHost(Catalog& catalog, const SshHost& host);
Result<std::vector<SshHost>> listHosts(Catalog& catalog);
Result<SshHost> findHost(Catalog& catalog, const std::string& name);
Status removeHost(Catalog& catalog, const std::string& name);

// What `ssh`, run once, said and did.
struct SshOutput {
    int exitStatus = 0;  // 255: ssh itself failed (connection, authentication, host key)
    std::string out;
    std::string err;
};

// One OpenSSH connection to a host, shared by every command through a ControlMaster socket.
// Host keys are always checked (StrictHostKeyChecking=yes) against the user's known_hosts and the
// workspace's own <workspace>/ssh/known_hosts; an unknown or changed key is an error that names
// the key's fingerprint. Not thread-safe.
class SshConnection {
public:
    SshConnection(SshHost host, std::filesystem::path workspaceRoot);
    ~SshConnection();
    SshConnection(const SshConnection&) = delete;
    SshConnection& operator=(const SshConnection&) = delete;

    const SshHost& host() const { return m_host; }
    // The Kiln-managed known_hosts file of the workspace.
    std::filesystem::path knownHostsFile() const;

    // Starts the master connection (verifying the host key). Cheap when it is already up.
    Status open();
    // Stops the master connection (and every session multiplexed on it).
    void close();
    // The pid of the master ssh process, or -1.
    pid_t masterPid() const;
    // How many times open() found the master it had started dead (killed, or the link dropped)
    // and started a new one.
    int masterRestarts() const { return m_masterRestarts; }

    // Runs `remoteCommand` (a shell line: quote every argument with shellQuote) on the host,
    // feeding `input` on its stdin. Fails (Io) only when ssh could not run; the remote exit
    // status is in the output (255 for an ssh failure, which is turned into an error).
    Result<SshOutput> run(const std::string& remoteCommand, const std::string& input = {},
                          int timeoutSeconds = 120);
    // Copies a local file to `remotePath` (through `cat >` into a temporary, renamed into place),
    // streaming it; with `expectedSha256`, the host checks the copy's sha256 before the rename.
    Status upload(const std::filesystem::path& localFile, const std::string& remotePath,
                  const std::string& expectedSha256 = {});
    // Copies a remote file to `localFile`.
    Status download(const std::string& remotePath, const std::filesystem::path& localFile);

    // Copies many files in one ssh session (one round trip instead of one per file), streamed.
    // Each arrives under `remotePath` only after the host checked its sha256 (GNU coreutils'
    // head and sha256sum on the host).
    struct Upload {
        std::filesystem::path local;
        std::string remotePath;
        std::string sha256;
    };
    Status uploadAll(const std::vector<Upload>& files);
    // Copies many remote files in one ssh session; a file missing on the host is an error
    // unless `optional`. Each local file is replaced only when it arrived whole.
    struct Download {
        std::string remotePath;
        std::filesystem::path local;
        bool optional = false;
    };
    Status downloadAll(const std::vector<Download>& files);

    // The host's absolute workdir (resolving the default and a relative one against $HOME);
    // the folder is created when missing.
    Result<std::string> remoteWorkdir();

    // The ssh command line (without the remote command) as argv.
    std::vector<std::string> sshArgv(bool forMaster = false) const;

    // Records the host key with this fingerprint ("SHA256:…") in the workspace's known_hosts,
    // after scanning the host and checking that its key has exactly this fingerprint.
    Status trustHostKey(const std::string& fingerprint);
    // The fingerprints of the keys the host offers now ("ED25519 SHA256:…"), by ssh-keyscan.
    Result<std::vector<std::string>> scanFingerprints();

private:
    Error sshFailure(const std::string& stderrText) const;
    Result<SshOutput> runArgv(const std::vector<std::string>& argv, const std::string& input,
                              int inputFd, int outputFd, int timeoutSeconds);
    SshHost m_host;
    SshTarget m_target;
    std::filesystem::path m_workspace;
    std::string m_controlPath;
    std::string m_workdir;
    bool m_open = false;
    pid_t m_ownMaster = -1;  // the master this connection started, while it runs
    int m_masterRestarts = 0;
};

}  // namespace kiln
