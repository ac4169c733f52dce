// The hosts table of the workspace catalog: add, list, find and remove SSH hosts.
#include "core/remote/ssh_host.h"

#include <nlohmann/json.hpp>

#include "core/base/names.h"
#include "core/store/catalog.h"

namespace kiln {

Status validateHostName(const std::string& name) {
    if (auto st = checkName(name, "host name"); !st) return st;
    if (name.empty() || name == "local" || name.size() > 64 || name.front() == '-')
        return makeError(ErrorCode::InvalidArgument,
                         "a host name is 1 to 64 characters, not \"local\", not starting with '-'",
                         name);
    for (unsigned char c : name)
        if (c < 0x20 || c == 0x7f)
            return makeError(ErrorCode::InvalidArgument, "a host name has no control characters");
    return {};
}

Status addHost(Catalog& catalog, const SshHost& host) {
    if (auto st = validateHostName(host.name); !st) return st;
    if (auto t = parseSshTarget(host.sshTarget); !t) return t.error();
    auto settings = nlohmann::json::parse(host.settings, nullptr, false);
    if (!settings.is_object())
        return makeError(ErrorCode::InvalidArgument, "host settings must be a JSON object");
    auto exists = catalog.queryValue("SELECT COUNT(*) FROM hosts WHERE name = ?", {host.name});
    if (!exists) return exists.error();
    if (std::get<std::int64_t>(*exists) > 0)
        return makeError(ErrorCode::InvalidArgument, "a host with this name exists already",
                         host.name);
    auto r = catalog.queryValue(
        "INSERT INTO hosts (name, ssh_target, kiln_path, workdir, identity, settings) "
        "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        {host.name, host.sshTarget, host.kilnPath.empty() ? std::string("kiln") : host.kilnPath,
         host.workdir, host.identity, settings.dump()});
    if (!r) return r.error();
    return {};
}

Result<std::vector<SshHost>> listHosts(Catalog& catalog) {
    auto st = catalog.prepare(
        "SELECT name, ssh_target, kiln_path, workdir, identity, settings FROM hosts ORDER BY name");
    if (!st) return st.error();
    std::vector<SshHost> hosts;
    for (;;) {
        auto row = st->step();
        if (!row) return row.error();
        if (!*row) break;
        SshHost h;
        h.name = st->columnText(0);
        h.sshTarget = st->columnText(1);
        h.kilnPath = st->columnText(2);
        h.workdir = st->columnText(3);
        h.identity = st->columnText(4);
        h.settings = st->columnText(5);
        hosts.push_back(std::move(h));
    }
    return hosts;
}

Result<SshHost> findHost(Catalog& catalog, const std::string& name) {
    auto hosts = listHosts(catalog);
    if (!hosts) return hosts.error();
    for (auto& h : *hosts)
        if (h.name == name) return h;
    return makeError(ErrorCode::NotFound, "no host with this name (see `kiln hosts list`)", name);
}

Status removeHost(Catalog& catalog, const std::string& name) {
    if (auto h = findHost(catalog, name); !h) return h.error();
    auto r = catalog.queryValue("DELETE FROM hosts WHERE name = ? RETURNING id", {name});
    if (!r) return r.error();
    return {};
}

}  // namespace kiln
