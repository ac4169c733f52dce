#include "core/remote/host_probe.h"

#include <nlohmann/json.hpp>

#include "core/base/build_info.h"
#include "core/base/json_number.h"
#include "core/remote/worker_event.h"
#include "core/store/workspace.h"

namespace kiln {

namespace {

using nlohmann::json;

std::string trimmed(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
    return s;
}

}  // namespace

std::string HostProbe::toJson() const {
    json gpuList = json::array();
    for (const auto& g : gpus) gpuList.push_back(json::parse(g, nullptr, false));
    return json{{"host", host},
                {"ssh", sshTarget},
                {"workdir", workdir},
                {"kiln", kilnVersion},
                {"protocol", protocol},
                {"local_kiln", build::kKilnVersion},
                {"local_protocol", kWorkerProtocol},
                {"compatible", compatible},
                {"cpu", cpu},
                {"cpu_cores", cpuCores},
                {"cuda_available", cudaAvailable},
                {"cuda_reason", cudaReason},
                {"gpus", gpuList}}
        .dump(2);
}

std::string HostProbe::devicesSummary() const {
    std::string s = std::to_string(cpuCores) + (cpuCores == 1 ? " CPU core" : " CPU cores");
    if (!gpus.empty())
        s += ", " + std::to_string(gpus.size()) + (gpus.size() == 1 ? " CUDA GPU" : " CUDA GPUs");
    return s;
}

Result<HostProbe> probeHost(Workspace& ws, const SshHost& host) {
    SshConnection conn(host, ws.root());
    if (auto st = conn.open(); !st) return st.error();
    auto workdir = conn.remoteWorkdir();
    if (!workdir) return workdir.error();
    std::string kiln = shellQuote(host.kilnPath);
    auto version = conn.run(kiln + " --version --json");
    if (!version) return version.error();
    if (version->exitStatus != 0)
        return makeError(ErrorCode::NotFound,
                         "cannot run `" + host.kilnPath + "` on the host (exit " +
                             std::to_string(version->exitStatus) + "): " + trimmed(version->err) +
                             "; set its path with `kiln hosts add … --kiln PATH`",
                         host.name);
    auto v = json::parse(version->out, nullptr, false);
    std::string wd = shellQuote(*workdir);
    auto info = conn.run(kiln + " --workspace " + wd + " info --json 2>/dev/null || { " + kiln +
                         " init " + wd + " >/dev/null && " + kiln + " --workspace " + wd +
                         " info --json; }");
    if (!info) return info.error();
    auto i = json::parse(info->out, nullptr, false);
    json env = i.is_object() ? i.value("environment", json::object()) : json::object();
    HostProbe p;
    p.host = host.name;
    p.sshTarget = host.sshTarget;
    p.workdir = *workdir;
    try {  // the host's answers are outside input: a field of the wrong type is refused, not trusted
        p.kilnVersion = v.is_object() ? v.value("kiln", "") : "";
        p.protocol = v.is_object() ? integerField(v, "protocol", 0) : 0;
        p.cpu = env.value("cpu", "");
        p.cpuCores = integerField(env, "cpu_cores", 0);
        p.cudaAvailable = env.value("cuda_available", false);
        p.cudaReason = env.value("cuda_reason", "");
        for (const auto& g : env.value("gpus", json::array())) p.gpus.push_back(g.dump());
    } catch (const json::exception& e) {
        return makeError(ErrorCode::Corrupt,
                         std::string("the host's Kiln answered with malformed JSON: ") + e.what(),
                         host.name);
    }
    p.compatible = p.protocol == kWorkerProtocol;
    return p;
}

}  // namespace kiln
