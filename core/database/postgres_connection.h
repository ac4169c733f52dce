#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/base/result.h"

typedef struct pg_conn PGconn;
typedef struct pg_result PGresult;

namespace kiln {

class JobContext;

// A result of libpq's, cleared with it.
using PgResult = std::unique_ptr<PGresult, void (*)(PGresult*)>;

// One libpq connection, closed with the object. Messages name the redacted URL (or host and
// port) and are cleaned of the password. Not thread-safe: one thread at a time.
class PgConnection {
public:
    // Connects to `url` (a URI or conninfo string); `password`, when not empty, is used instead
    // of one in the URL, ~/.pgpass or $PGPASSWORD. The session reads dates in ISO form and
    // timestamps with time zone in UTC. InvalidArgument for a URL libpq cannot read or failed
    // authentication, Io for a server that cannot be reached.
    static Result<std::unique_ptr<PgConnection>> connect(const std::string& url,
                                                         const std::string& password);
    ~PgConnection();
    PgConnection(const PgConnection&) = delete;
    PgConnection& operator=(const PgConnection&) = delete;

    // Runs `sql` (text parameters `params`, NULL for none), waiting for its result.
    // `job`, when given, is polled while the server works: a cancel sends PQcancel and returns
    // Cancelled. A server error is InvalidArgument with the server's message and, for a
    // statement position, "character N" counted from `positionBase`.
    Result<PgResult> run(const std::string& sql, const std::vector<std::string>& params = {},
                         JobContext* job = nullptr, int positionBase = 0,
                         const std::string& what = "the statement");
    // A quoted identifier: ann's "Sales" → "Sales" (escaped by libpq).
    std::string quoteIdentifier(const std::string& name) const;
    // The redacted URL, for messages.
    const std::string& where() const { return m_where; }

private:
    PgConnection(PGconn* conn, std::string where, std::string secret);
    Result<PgResult> waitForResult(JobContext* job);
    Error serverError(const PGresult* result, int positionBase, const std::string& what) const;

    PGconn* m_conn;
    std::string m_where;
    std::string m_secret;  // kept only to clean messages of it
};

}  // namespace kiln
