#include "core/database/postgres_connection.h"

#include <libpq-fe.h>
#include <poll.h>

#include "core/database/database_import.h"
#include "core/database/database_url.h"
#include "core/jobs/job_context.h"

namespace kiln {

namespace {

constexpr int kPollMs = 200;  // how often a waiting statement looks at the job's cancel flag

PgResult emptyResult() {
    return PgResult(nullptr, &PQclear);
}

bool contains(const std::string& text, const char* part) {
    return text.find(part) != std::string::npos;
}

// libpq's message, one line per sentence, trimmed.
std::string libpqMessage(const char* raw) {
    std::string message = raw ? raw : "";
    while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
        message.pop_back();
    for (auto& c : message)
        if (c == '\n' || c == '\t') c = ' ';
    return message;
}

Error connectionError(PGconn* conn, const std::string& url, const std::string& where,
                      const std::string& secret) {
    const std::string message =
        withoutSecret(withoutUrlSecrets(libpqMessage(PQerrorMessage(conn)), url), secret);
    const std::string host = PQhost(conn) ? PQhost(conn) : "";
    const std::string port = PQport(conn) ? PQport(conn) : "";
    const std::string server = host.empty() ? where : host + ":" + port;
    if (contains(message, "authentication failed") || contains(message, "no password supplied")) {
        Error e = makeError(ErrorCode::InvalidArgument,
                            "PostgreSQL at " + server + " refused the login: " + message, where);
        e.hint =
            "give the role's password (Studio asks for it), or put it in ~/.pgpass or $PGPASSWORD";
        return e;
    }
    if (contains(message, "invalid connection option") || contains(message, "URI") ||
        contains(message, "missing \"=\"") || contains(message, "unterminated quoted string"))
        return makeError(ErrorCode::InvalidArgument, "bad PostgreSQL URL: " + message, where);
    Error e = makeError(ErrorCode::Io, "cannot connect to PostgreSQL at " + server + ": " + message,
                        where);
    e.hint = "check that the server runs and accepts connections on " + server;
    return e;
}

}  // namespace

Result<std::unique_ptr<PgConnection>> PgConnection::connect(const std::string& url,
                                                            const std::string& password) {
    const std::string where = redactedUrl(url);
    const std::string secret = password.empty() ? passwordInUrl(url) : password;
    // Later keywords win over the expanded URL: the defaults come first, the password after it.
    std::vector<const char*> keys = {"connect_timeout", "application_name", "dbname"};
    std::vector<const char*> values = {"10", "kiln", url.c_str()};
    if (!password.empty()) keys.push_back("password"), values.push_back(password.c_str());
    keys.push_back("client_encoding"), values.push_back("UTF8");
    keys.push_back(nullptr), values.push_back(nullptr);
    PGconn* conn = PQconnectdbParams(keys.data(), values.data(), 1);
    if (!conn) return makeError(ErrorCode::Io, "out of memory connecting to PostgreSQL", where);
    if (PQstatus(conn) != CONNECTION_OK) {
        Error e = connectionError(conn, url, where, secret);
        PQfinish(conn);
        return e;
    }
    std::unique_ptr<PgConnection> connection(new PgConnection(conn, where, secret));
    // Dates in ISO order, timestamptz in UTC, floats in their shortest exact form: the text the
    // reader expects (core/database/postgres_types.h).
    auto set = connection->run(
        "SET DateStyle = ISO, YMD; SET TimeZone = 'UTC'; SET extra_float_digits = 1");
    if (!set) return set.error();
    return connection;
}

PgConnection::PgConnection(PGconn* conn, std::string where, std::string secret)
    : m_conn(conn), m_where(std::move(where)), m_secret(std::move(secret)) {}

PgConnection::~PgConnection() {
    PQfinish(m_conn);
}

std::string PgConnection::quoteIdentifier(const std::string& name) const {
    char* quoted = PQescapeIdentifier(m_conn, name.c_str(), name.size());
    if (!quoted) return "\"\"";
    std::string out = quoted;
    PQfreemem(quoted);
    return out;
}

Result<PgResult> PgConnection::run(const std::string& sql, const std::vector<std::string>& params,
                                   JobContext* job, int positionBase, const std::string& what) {
    if (auto s = send(sql, params); !s) return s.error();
    return receive(job, positionBase, what);
}

Status PgConnection::send(const std::string& sql, const std::vector<std::string>& params) {
    std::vector<const char*> values;
    for (const auto& p : params) values.push_back(p.c_str());
    const int sent = params.empty()
                         ? PQsendQuery(m_conn, sql.c_str())
                         : PQsendQueryParams(m_conn, sql.c_str(), int(params.size()), nullptr,
                                             values.data(), nullptr, nullptr, 0);
    if (!sent)
        return makeError(ErrorCode::Io,
                         "PostgreSQL connection lost: " +
                             withoutSecret(libpqMessage(PQerrorMessage(m_conn)), m_secret),
                         m_where);
    return {};
}

Result<PgResult> PgConnection::receive(JobContext* job, int positionBase, const std::string& what) {
    auto last = waitForResult(job);
    if (!last) return last.error();
    const auto status = PQresultStatus(last->get());
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK && status != PGRES_COPY_OUT)
        return serverError(last->get(), positionBase, what);
    return last;
}

Result<PgResult> PgConnection::describe(const std::string& sql, JobContext* job,
                                        const std::string& what) {
    if (!PQsendPrepare(m_conn, "", sql.c_str(), 0, nullptr)) return lostConnection();
    if (auto prepared = receive(job, 0, what); !prepared) return prepared.error();
    if (!PQsendDescribePrepared(m_conn, "")) return lostConnection();
    return receive(job, 0, what);
}

Result<int> PgConnection::copyRow(char*& row, JobContext* job, const std::string& what) {
    for (;;) {
        const int length = PQgetCopyData(m_conn, &row, 1);
        if (length > 0) return length;
        if (length == -2) return lostConnection();
        if (length == -1) {
            auto end = receive(job, 0, what);  // the COPY's own outcome: an error met half-way
            if (!end) return end.error();
            return -1;
        }
        if (job && job->cancelled()) {
            abandonCopy();
            return makeError(ErrorCode::Cancelled, "import cancelled");
        }
        pollfd fd{PQsocket(m_conn), POLLIN, 0};
        ::poll(&fd, 1, kPollMs);
        if (!PQconsumeInput(m_conn)) return lostConnection();
    }
}

void PgConnection::abandonCopy() {
    if (PGcancel* cancel = PQgetCancel(m_conn)) {
        char buffer[256];
        PQcancel(cancel, buffer, sizeof buffer);
        PQfreeCancel(cancel);
    }
    char* row = nullptr;
    int length = 0;
    while ((length = PQgetCopyData(m_conn, &row, 0)) > 0) PQfreemem(row);
    while (PGresult* rest = PQgetResult(m_conn)) PQclear(rest);
}

Error PgConnection::lostConnection() const {
    return makeError(ErrorCode::Io,
                     "PostgreSQL connection lost: " +
                         withoutSecret(libpqMessage(PQerrorMessage(m_conn)), m_secret),
                     m_where);
}

// Every result of the statement is read (libpq needs that before the next one); the last is
// kept, or the first error.
Result<PgResult> PgConnection::waitForResult(JobContext* job) {
    PgResult kept = emptyResult();
    bool cancelSent = false;
    for (;;) {
        while (PQisBusy(m_conn)) {
            if (job && job->cancelled() && !cancelSent) {
                if (PGcancel* cancel = PQgetCancel(m_conn)) {
                    char buffer[256];
                    PQcancel(cancel, buffer, sizeof buffer);
                    PQfreeCancel(cancel);
                }
                cancelSent = true;
            }
            pollfd fd{PQsocket(m_conn), POLLIN, 0};
            ::poll(&fd, 1, kPollMs);
            if (!PQconsumeInput(m_conn))
                return makeError(ErrorCode::Io,
                                 "PostgreSQL connection lost: " +
                                     withoutSecret(libpqMessage(PQerrorMessage(m_conn)), m_secret),
                                 m_where);
        }
        PGresult* next = PQgetResult(m_conn);
        if (!next) break;
        const bool failed = PQresultStatus(next) == PGRES_FATAL_ERROR;
        const bool copying = PQresultStatus(next) == PGRES_COPY_OUT;
        if (!kept || copying || (failed && PQresultStatus(kept.get()) != PGRES_FATAL_ERROR))
            kept = PgResult(next, &PQclear);
        else
            PQclear(next);
        if (copying) break;  // the rows follow, read by copyRow()
    }
    if (cancelSent) return makeError(ErrorCode::Cancelled, "import cancelled");
    if (!kept) return makeError(ErrorCode::Internal, "PostgreSQL sent no result", m_where);
    return kept;
}

Error PgConnection::serverError(const PGresult* result, int positionBase,
                                const std::string& what) const {
    const char* primary = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY);
    std::string message = libpqMessage(primary ? primary : PQresultErrorMessage(result));
    std::string context = m_where;
    if (const char* position = PQresultErrorField(result, PG_DIAG_STATEMENT_POSITION)) {
        const int at = std::atoi(position) - positionBase;
        if (at > 0) context += ", " + what + " at character " + std::to_string(at);
    }
    Error e =
        makeError(ErrorCode::InvalidArgument,
                  "PostgreSQL refused " + what + ": " + withoutSecret(message, m_secret), context);
    if (const char* hint = PQresultErrorField(result, PG_DIAG_MESSAGE_HINT))
        e.hint = withoutSecret(hint, m_secret);
    return e;
}

}  // namespace kiln
