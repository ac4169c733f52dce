#include "core/database/database_url.h"

#include <libpq-fe.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <vector>

#include "core/database/database_import.h"

namespace kiln {

namespace {

bool startsWith(const std::string& text, const std::string& prefix) {
    return text.compare(0, prefix.size(), prefix) == 0;
}

bool endsWith(const std::string& text, const std::string& suffix) {
    return text.size() >= suffix.size() &&
           text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool isPostgresUri(const std::string& url) {
    return startsWith(url, "postgresql://") || startsWith(url, "postgres://");
}

bool isSqliteFileName(const std::string& url) {
    return endsWith(url, ".db") || endsWith(url, ".sqlite") || endsWith(url, ".sqlite3");
}

// libpq's parse of a URI or conninfo string, freed with it.
using ConninfoOptions = std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)>;

ConninfoOptions parseConninfo(const std::string& url) {
    char* error = nullptr;
    ConninfoOptions options(PQconninfoParse(url.c_str(), &error), &PQconninfoFree);
    if (error) PQfreemem(error);
    return options;
}

// One `keyword = value` of a conninfo string, as written (value quoted 'like this' or bare, with
// backslash escapes); false at the end or on text libpq would refuse too.
bool nextConninfoItem(const std::string& text, std::size_t& at, std::string& keyword,
                      std::string& item) {
    auto skipSpaces = [&] {
        while (at < text.size() && std::isspace(static_cast<unsigned char>(text[at]))) ++at;
    };
    skipSpaces();
    if (at >= text.size()) return false;
    const std::size_t start = at;
    while (at < text.size() && text[at] != '=' &&
           !std::isspace(static_cast<unsigned char>(text[at])))
        ++at;
    keyword = text.substr(start, at - start);
    skipSpaces();
    if (at >= text.size() || text[at] != '=' || keyword.empty())
        return at = std::string::npos, false;
    ++at;
    skipSpaces();
    const bool quoted = at < text.size() && text[at] == '\'';
    if (quoted) ++at;
    for (; at < text.size(); ++at) {
        if (text[at] == '\\') {
            ++at;
            continue;
        }
        if (quoted ? text[at] == '\'' : std::isspace(static_cast<unsigned char>(text[at]))) break;
    }
    if (quoted) {
        if (at >= text.size()) return at = std::string::npos, false;  // unterminated
        ++at;
    }
    item = text.substr(start, std::min(at, text.size()) - start);
    return true;
}

// "host=h password=x dbname=d" → "host=h dbname=d", the other items as written.
std::string redactedConninfo(const std::string& url) {
    std::string out, keyword, item;
    std::size_t at = 0;
    while (nextConninfoItem(url, at, keyword, item))
        if (keyword != "password") out += (out.empty() ? "" : " ") + item;
    if (at != url.size()) return "(a connection string Kiln cannot read)";
    return out;
}

// postgresql://USER:PASSWORD@HOST/DB?a=b&password=c → postgresql://USER@HOST/DB?a=b
std::string redactedUri(const std::string& url) {
    const std::size_t authority = url.find("://") + 3;
    std::size_t end = url.find_first_of("/?", authority);
    if (end == std::string::npos) end = url.size();
    std::string out = url.substr(0, authority);
    const std::string hosts = url.substr(authority, end - authority);
    const std::size_t at = hosts.rfind('@');
    if (at == std::string::npos) {
        out += hosts;
    } else {
        const std::string user = hosts.substr(0, at);
        out += user.substr(0, user.find(':')) + hosts.substr(at);
    }
    const std::size_t question = url.find('?', end);
    out += url.substr(end, question == std::string::npos ? std::string::npos : question - end);
    if (question == std::string::npos) return out;
    std::string kept;
    std::size_t start = question + 1;
    while (start <= url.size()) {
        const std::size_t amp = std::min(url.find('&', start), url.size());
        const std::string item = url.substr(start, amp - start);
        if (!item.empty() && !startsWith(item, "password=") && item != "password")
            kept += (kept.empty() ? "" : "&") + item;
        start = amp + 1;
    }
    return kept.empty() ? out : out + "?" + kept;
}

}  // namespace

Result<DatabaseKind> databaseKind(const std::string& url) {
    if (url.empty()) return makeError(ErrorCode::InvalidArgument, "no database URL given");
    if (startsWith(url, "sqlite:")) return DatabaseKind::Sqlite;
    if (isPostgresUri(url)) return DatabaseKind::PostgreSql;
    if (url.find("://") == std::string::npos && url.find('=') == std::string::npos &&
        isSqliteFileName(url))
        return DatabaseKind::Sqlite;
    if (url.find('=') != std::string::npos && url.find("://") == std::string::npos)
        return DatabaseKind::PostgreSql;  // a libpq conninfo string: "host=… dbname=…", "service=…"
    return makeError(ErrorCode::InvalidArgument,
                     "not a database URL: '" + redactedUrl(url) +
                         "' (expected postgresql://USER@HOST:PORT/DB, service=NAME, a libpq "
                         "connection string, sqlite:FILE or a .db/.sqlite/.sqlite3 file)");
}

std::string redactedUrl(const std::string& url) {
    if (startsWith(url, "sqlite:")) return url;
    if (url.find("://") != std::string::npos) return redactedUri(url);
    if (url.find('=') == std::string::npos) return url;
    return redactedConninfo(url);
}

std::string sqlitePathFromUrl(const std::string& url) {
    if (startsWith(url, "sqlite:///")) return url.substr(9);  // keeps the leading '/'
    if (startsWith(url, "sqlite://")) return url.substr(9);
    if (startsWith(url, "sqlite:")) return url.substr(7);
    return url;
}

std::string passwordInUrl(const std::string& url) {
    if (startsWith(url, "sqlite:")) return {};
    auto options = parseConninfo(url);
    if (!options) return {};
    for (auto* o = options.get(); o->keyword; ++o)
        if (o->val && std::string(o->keyword) == "password") return o->val;
    return {};
}

std::string withoutUrlSecrets(std::string text, const std::string& url) {
    if (url.empty() || startsWith(url, "sqlite:")) return text;
    const std::string redacted = redactedUrl(url);
    for (std::size_t at = text.find(url); at != std::string::npos;
         at = text.find(url, at + redacted.size()))
        text.replace(at, url.size(), redacted);
    text = withoutSecret(std::move(text), passwordInUrl(url));
    if (url.find("://") !=
        std::string::npos) {  // the password as the URL spells it (percent-encoded)
        const std::size_t authority = url.find("://") + 3;
        const std::size_t at = url.find('@', authority);
        const std::size_t colon = url.find(':', authority);
        const std::size_t slash = url.find('/', authority);
        if (at != std::string::npos && colon < at && (slash == std::string::npos || at < slash))
            text = withoutSecret(std::move(text), url.substr(colon + 1, at - colon - 1));
    }
    return text;
}

std::string withoutSecret(std::string text, const std::string& secret) {
    if (secret.empty()) return text;
    for (std::size_t at = text.find(secret); at != std::string::npos;
         at = text.find(secret, at + 3))
        text.replace(at, secret.size(), "***");
    return text;
}

}  // namespace kiln
