// kiln hosts add|list|remove|test|trust: SSH hosts that run Kiln workers.
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/cli/cli_app.h"
#include "core/remote/host_probe.h"
#include "core/remote/ssh_host.h"
#include "core/remote/worker_event.h"
#include "core/store/workspace.h"

namespace kiln::cli {

namespace {

using nlohmann::json;

json hostJson(const SshHost& h) {
    return {{"name", h.name},
            {"ssh", h.sshTarget},
            {"kiln", h.kilnPath},
            {"workdir", h.workdir},
            {"identity", h.identity},
            {"settings", json::parse(h.settings, nullptr, false)}};
}

int hostsAdd(const Arguments& args, Workspace& ws) {
    if (args.positionals.size() != 2) return reportUsageError("usage: kiln hosts add NAME --ssh USER@HOST[:PORT]");
    if (!args.has("ssh")) return reportUsageError("kiln hosts add needs --ssh USER@HOST[:PORT]");
    SshHost h;
    h.name = args.positionals[1];
    h.sshTarget = *args.value("ssh");
    if (auto v = args.value("kiln")) h.kilnPath = *v;
    if (auto v = args.value("workdir")) h.workdir = *v;
    if (auto v = args.value("identity")) {
        std::error_code ec;
        h.identity = std::filesystem::absolute(*v, ec).string();
    }
    if (args.has("keep-remote")) {
        std::string v = *args.value("keep-remote");
        if (v != "yes" && v != "no") return reportUsageError("--keep-remote takes yes or no");
        h.settings = json{{"keep_remote", v == "yes"}}.dump();
    }
    if (auto st = addHost(ws.catalog(), h); !st) return reportError(st.error());
    if (args.json)
        std::cout << hostJson(h).dump(2) << "\n";
    else
        std::cout << "added host " << h.name << " (" << h.sshTarget << ")\n"
                  << "next: kiln hosts test " << h.name << "\n";
    return kExitOk;
}

int hostsList(const Arguments& args, Workspace& ws) {
    auto hosts = listHosts(ws.catalog());
    if (!hosts) return reportError(hosts.error());
    if (args.json) {
        json all = json::array();
        for (const auto& h : *hosts) all.push_back(hostJson(h));
        std::cout << json{{"hosts", all}}.dump(2) << "\n";
        return kExitOk;
    }
    if (hosts->empty()) std::cout << "no hosts (add one with `kiln hosts add NAME --ssh USER@HOST`)\n";
    for (const auto& h : *hosts)
        std::cout << h.name << "\t" << h.sshTarget << "\tkiln=" << h.kilnPath
                  << "\tworkdir=" << (h.workdir.empty() ? "(default)" : h.workdir) << "\n";
    return kExitOk;
}

int hostsRemove(const Arguments& args, Workspace& ws) {
    if (auto st = removeHost(ws.catalog(), args.positionals[1]); !st) return reportError(st.error());
    if (args.json)
        std::cout << json{{"removed", args.positionals[1]}}.dump() << "\n";
    else
        std::cout << "removed host " << args.positionals[1] << "\n";
    return kExitOk;
}

int hostsTrust(const Arguments& args, Workspace& ws) {
    auto host = findHost(ws.catalog(), args.positionals[1]);
    if (!host) return reportError(host.error());
    SshConnection conn(*host, ws.root());
    if (!args.has("fingerprint")) {
        auto fps = conn.scanFingerprints();
        if (!fps) return reportError(fps.error());
        std::string all;
        for (const auto& f : *fps) all += "\n  " + f;
        return reportError(makeError(ErrorCode::InvalidArgument,
                                     "check the host's key out of band and pass it with "
                                     "--fingerprint SHA256:…; the host offers:" + all));
    }
    if (auto st = conn.trustHostKey(*args.value("fingerprint")); !st) return reportError(st.error());
    if (args.json)
        std::cout << json{{"trusted", *args.value("fingerprint")},
                          {"known_hosts", conn.knownHostsFile().string()}}.dump() << "\n";
    else
        std::cout << "trusted " << *args.value("fingerprint") << " for " << host->name << " ("
                  << conn.knownHostsFile().string() << ")\n";
    return kExitOk;
}

int hostsTest(const Arguments& args, Workspace& ws) {
    auto host = findHost(ws.catalog(), args.positionals[1]);
    if (!host) return reportError(host.error());
    auto probe = probeHost(ws, *host);
    if (!probe) return reportError(probe.error());
    const HostProbe& p = *probe;
    if (args.json) {
        std::cout << p.toJson() << "\n";
    } else {
        std::cout << "Host:      " << p.host << " (" << p.sshTarget << ")\n"
                  << "Kiln:      " << p.kilnVersion << ", worker protocol " << p.protocol
                  << (p.compatible ? "" : "  (this Kiln speaks " + std::to_string(kWorkerProtocol) + ")")
                  << "\n"
                  << "Workdir:   " << p.workdir << "\n"
                  << "CPU:       " << p.cpu << ", " << p.cpuCores << " cores\n"
                  << "CUDA:      " << (p.cudaAvailable ? "available" : "not available") << " — "
                  << p.cudaReason << "\n";
        for (const auto& g : p.gpus) std::cout << "GPU:       " << g << "\n";
    }
    if (!p.compatible)
        return reportError(makeError(ErrorCode::Unsupported,
                                     "the host's Kiln speaks another worker protocol", host->name));
    return kExitOk;
}

int runHosts(const Arguments& args) {
    const std::string& sub = args.positionals[0];
    bool named = sub == "add" || sub == "remove" || sub == "test" || sub == "trust";
    if (sub != "list" && !named)
        return reportUsageError("unknown hosts command '" + sub +
                                "' (add, list, remove, test, trust)");
    if (named && args.positionals.size() != 2)
        return reportUsageError("kiln hosts " + sub + " needs a host NAME");
    if (!named && args.positionals.size() != 1) return reportUsageError("kiln hosts list takes no NAME");
    auto workspace = openWorkspace(args, sub == "add");
    if (!workspace) return reportError(workspace.error());
    Workspace& ws = **workspace;
    if (sub == "add") return hostsAdd(args, ws);
    if (sub == "list") return hostsList(args, ws);
    if (sub == "remove") return hostsRemove(args, ws);
    if (sub == "trust") return hostsTrust(args, ws);
    return hostsTest(args, ws);
}

}  // namespace

Command makeHostsCommand() {
    Command c;
    c.name = "hosts";
    c.summary = "SSH hosts that run training: add, list, test, trust, remove";
    c.usage =
        "kiln hosts add NAME --ssh USER@HOST[:PORT] [--identity FILE] [--kiln PATH] [--workdir DIR] | "
        "kiln hosts list | kiln hosts test NAME | kiln hosts trust NAME --fingerprint SHA256:… | "
        "kiln hosts remove NAME";
    c.description =
        "Hosts are reached with the system's OpenSSH client (keys, agent, ~/.ssh/config); Kiln\n"
        "stores no passwords or keys. Host keys are always checked against ~/.ssh/known_hosts and\n"
        "the workspace's ssh/known_hosts: an unknown or changed key stops with its fingerprint.\n"
        "`trust` records a key after you checked its fingerprint. `test` connects, runs the host's\n"
        "kiln and reports its version, worker protocol, CPU cores and CUDA GPUs.";
    c.options = {{"ssh", "USER@HOST[:PORT]", "how to reach the host (add)"},
                 {"identity", "FILE", "private key file for ssh -i (add)"},
                 {"kiln", "PATH", "the kiln executable on the host (add; default: kiln)"},
                 {"workdir", "DIR", "the host's Kiln folder (add; default: ~/.cache/kiln/remote)"},
                 {"keep-remote", "yes|no", "keep a finished run's folder on the host (add)"},
                 {"fingerprint", "SHA256:…", "the host key to trust (trust)"}};
    c.minPositionals = 1;
    c.maxPositionals = 2;
    c.run = runHosts;
    return c;
}

}  // namespace kiln::cli
