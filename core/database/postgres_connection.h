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
    // run() in two halves, so that the server works on a statement while the caller does
    // something else: send() returns at once; receive() waits for its result. Nothing else may be
    // sent in between.
    Status send(const std::string& sql, const std::vector<std::string>& params = {});
    Result<PgResult> receive(JobContext* job = nullptr, int positionBase = 0,
                             const std::string& what = "the statement");
    // The result columns of `sql` (names and type OIDs), from the server's plan without running
    // it; the statement's errors as run() gives them.
    Result<PgResult> describe(const std::string& sql, JobContext* job, const std::string& what);
    // After run("COPY … TO STDOUT"): the next row's text (freed by the caller with PQfreemem),
    // its length, or -1 at the end. `job`'s cancel abandons the COPY (Cancelled).
    Result<int> copyRow(char*& row, JobContext* job, const std::string& what);
    // Stops a COPY half-way: PQcancel, then what the server had sent is discarded. The
    // transaction is left failed (roll it back).
    void abandonCopy();
    // A quoted identifier: ann's "Sales" → "Sales" (escaped by libpq).
    std::string quoteIdentifier(const std::string& name) const;
    // The redacted URL, for messages.
    const std::string& where() const { return m_where; }

private:
    PgConnection(PGconn* conn, std::string where, std::string secret);
    Result<PgResult> waitForResult(JobContext* job);
    Error lostConnection() const;
    Error serverError(const PGresult* result, int positionBase, const std::string& what) const;

    PGconn* m_conn;
    std::string m_where;
    std::string m_secret;  // kept only to clean messages of it
};

}  // namespace kiln
