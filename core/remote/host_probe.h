#pragma once

#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/remote/ssh_host.h"

namespace kiln {

class Workspace;

// What `kiln hosts test` finds on a host: its Kiln, worker protocol and devices.
struct HostProbe {
    std::string host;
    std::string sshTarget;
    std::string workdir;            // absolute, on the host
    std::string kilnVersion;        // the host's `kiln --version`
    int protocol = 0;               // the host's worker protocol
    bool compatible = false;        // protocol == this Kiln's
    std::string cpu;
    int cpuCores = 0;
    bool cudaAvailable = false;
    std::string cudaReason;
    std::vector<std::string> gpus;  // one JSON object per CUDA device, as the host reports it
    std::string toJson() const;     // the `kiln hosts test --json` document
    // "16 CPU cores, 1 CUDA GPU" — what a "Run on" list shows.
    std::string devicesSummary() const;
};

// Connects to `host` (verifying its key), runs its kiln (--version, info; initialising its
// workdir as a workspace when new) and reports what it found. NotFound when kiln cannot run
// there; the ssh errors (unknown/changed key, refused connection) as SshConnection reports them.
Result<HostProbe> probeHost(Workspace& workspace, const SshHost& host);

}  // namespace kiln
