// Host keys: the workspace's own known_hosts file, scanning what a host offers, trusting a key
// by its fingerprint, and the errors a person reads when ssh refuses an unknown or changed key.
#include <fstream>
#include <sstream>

#include "core/remote/ssh_host.h"
#include "core/remote/ssh_process.h"

namespace kiln {

namespace fs = std::filesystem;

namespace {

// ssh-keyscan for the target's host (and port), waiting up to 10 s.
std::vector<std::string> keyscanArgv(const SshTarget& target) {
    std::vector<std::string> argv = {"ssh-keyscan", "-T", "10"};
    if (target.port > 0) {
        argv.push_back("-p");
        argv.push_back(std::to_string(target.port));
    }
    argv.push_back("--");
    argv.push_back(target.host);
    return argv;
}

// What the host offers, for a message: its keys' fingerprints scanned now, else the
// fingerprint ssh printed in `err`, else "an unknown key".
std::string offeredKeys(SshConnection& connection, const std::string& err) {
    std::string offered;
    auto fps = connection.scanFingerprints();
    if (fps && !fps->empty()) {
        for (const auto& f : *fps) offered += (offered.empty() ? "" : ", ") + f;
    } else {
        auto pos = err.find("SHA256:");
        offered = pos == std::string::npos ? "an unknown key"
                                           : err.substr(pos, err.find_first_of(" \r\n", pos) - pos);
    }
    return offered;
}

// The first "SHA256:…" in `offered` (all of it when there is none).
std::string firstFingerprint(const std::string& offered) {
    std::string fp = offered;
    auto p = offered.find("SHA256:");
    if (p != std::string::npos) fp = offered.substr(p, offered.find_first_of(", ", p) - p);
    return fp;
}

// The line of ssh-keyscan's output `scan` whose key has `fingerprint` (empty when none has);
// `seen` gets the fingerprint of every key line.
Result<std::string> keyLineWith(const std::string& scan, const std::string& fingerprint,
                                std::vector<std::string>& seen) {
    std::istringstream lines(scan);
    std::string matched;
    for (std::string line; std::getline(lines, line);) {
        if (line.empty() || line[0] == '#') continue;
        auto fp = runProcess({"ssh-keygen", "-l", "-f", "-"}, line + "\n", -1, -1, 30);
        if (!fp) return fp.error();
        std::istringstream words(fp->out);
        std::string bits, hash;
        words >> bits >> hash;
        seen.push_back(hash);
        if (hash == fingerprint) matched = line;
    }
    return matched;
}

}  // namespace

fs::path SshConnection::knownHostsFile() const {
    return m_workspace / "ssh" / "known_hosts";
}

Result<std::vector<std::string>> SshConnection::scanFingerprints() {
    auto scan = runProcess(keyscanArgv(m_target), {}, -1, -1, 30);
    if (!scan) return scan.error();
    if (scan->out.empty())
        return makeError(ErrorCode::Io, "ssh-keyscan got no host key", m_host.sshTarget);
    auto fp = runProcess({"ssh-keygen", "-l", "-f", "-"}, scan->out, -1, -1, 30);
    if (!fp) return fp.error();
    std::vector<std::string> out;
    std::istringstream lines(fp->out);
    for (std::string line; std::getline(lines, line);) {
        // "256 SHA256:abc [127.0.0.1]:2222 (ED25519)"
        std::istringstream words(line);
        std::string bits, hash, name, type;
        words >> bits >> hash >> name >> type;
        if (type.size() > 2) type = type.substr(1, type.size() - 2);
        if (hash.rfind("SHA256:", 0) == 0) out.push_back(type + " " + hash);
    }
    return out;
}

Error SshConnection::sshFailure(const std::string& err) const {
    bool changed = err.find("REMOTE HOST IDENTIFICATION HAS CHANGED") != std::string::npos;
    bool unknown = err.find("Host key verification failed") != std::string::npos ||
                   err.find("host key is known") != std::string::npos;
    if (!changed && !unknown) {
        std::string why = lastLines(err, 2);
        return makeError(
            ErrorCode::Io,
            "cannot reach " + m_host.sshTarget + " over SSH" + (why.empty() ? "" : ": " + why),
            m_host.name);
    }
    std::string offered = offeredKeys(*const_cast<SshConnection*>(this), err);
    std::string fp = firstFingerprint(offered);
    if (changed)
        return makeError(
            ErrorCode::ChangedHostKey,
            "the host key of " + m_target.knownHostsName() + " has CHANGED: it now offers " +
                offered +
                ", which does not match the recorded key. Someone may be intercepting the "
                "connection (or the host was reinstalled). If you have checked the new key, "
                "remove the old one (ssh-keygen -R '" +
                m_target.knownHostsName() + "' -f " + knownHostsFile().string() +
                ") and run `kiln hosts trust " + m_host.name + " --fingerprint " + fp + "`",
            m_host.name);
    return makeError(ErrorCode::UnknownHostKey,
                     "the host key of " + m_target.knownHostsName() + " is not known: it offers " +
                         offered + ". If that is the host's key, run `kiln hosts trust " +
                         m_host.name + " --fingerprint " + fp + "`",
                     m_host.name);
}

Status SshConnection::trustHostKey(const std::string& fingerprint) {
    auto scan = runProcess(keyscanArgv(m_target), {}, -1, -1, 30);
    if (!scan) return scan.error();
    std::vector<std::string> seen;
    auto matched = keyLineWith(scan->out, fingerprint, seen);
    if (!matched) return matched.error();
    if (matched->empty()) {
        std::string all;
        for (auto& s : seen) all += (all.empty() ? "" : ", ") + s;
        return makeError(
            ErrorCode::InvalidArgument,
            "the host offers no key with fingerprint " + fingerprint +
                (all.empty() ? std::string(" (no key received)") : " (it offers " + all + ")"),
            m_host.sshTarget);
    }
    std::error_code ec;
    fs::create_directories(knownHostsFile().parent_path(), ec);
    std::ofstream out(knownHostsFile(), std::ios::app);
    out << *matched << "\n";
    if (!out) return makeError(ErrorCode::Io, "cannot write", knownHostsFile().string());
    return {};
}

}  // namespace kiln
