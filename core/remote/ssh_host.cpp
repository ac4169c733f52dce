// SSH targets (USER@HOST[:PORT]) and shell quoting: the values the catalog and the connection
// share.
#include "core/remote/ssh_host.h"

#include <cctype>

namespace kiln {

std::string SshTarget::knownHostsName() const {
    if (port == 0 || port == 22) return host;
    return "[" + host + "]:" + std::to_string(port);
}

Result<SshTarget> parseSshTarget(const std::string& target) {
    SshTarget t;
    std::string rest = target;
    auto at = rest.rfind('@');
    if (at != std::string::npos) {
        t.user = rest.substr(0, at);
        rest = rest.substr(at + 1);
    }
    auto colon = rest.rfind(':');
    if (colon != std::string::npos && rest.find(']') == std::string::npos &&
        rest.find(':') == colon) {
        std::string port = rest.substr(colon + 1);
        rest = rest.substr(0, colon);
        if (port.empty() || port.size() > 5 ||
            port.find_first_not_of("0123456789") != std::string::npos || std::stoi(port) == 0 ||
            std::stoi(port) > 65535)
            return makeError(ErrorCode::InvalidArgument, "the SSH port must be 1 to 65535", target);
        t.port = std::stoi(port);
    }
    if (!rest.empty() && rest.front() == '[' && rest.back() == ']')
        rest = rest.substr(1, rest.size() - 2);
    t.host = rest;
    auto bad = [](const std::string& s) {
        if (s.empty()) return false;
        if (s.front() == '-') return true;
        for (unsigned char c : s)
            if (!(std::isalnum(c) || c == '.' || c == '-' || c == '_' || c == ':')) return true;
        return false;
    };
    if (t.host.empty() || bad(t.host) || bad(t.user) ||
        (at != std::string::npos && t.user.empty()))
        return makeError(ErrorCode::InvalidArgument,
                         "the SSH target must be USER@HOST[:PORT] (letters, digits, . - _)",
                         target);
    return t;
}

std::string shellQuote(const std::string& s) {
    std::string out = "'";
    for (char c : s) {
        if (c == '\'')
            out += "'\\''";
        else
            out += c;
    }
    out += "'";
    return out;
}

}  // namespace kiln
