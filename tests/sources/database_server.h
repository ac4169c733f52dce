#pragma once

#include <string>

// A PostgreSQL server of its own for the database tests: initdb in a temporary folder, started
// on a free loopback port and stopped when the process ends (also after failed cases). As root
// the server's programs run as the `postgres` user (PostgreSQL refuses root). Connections over
// the socket trust everyone; over TCP the role kiln_secret needs its password (scram-sha-256),
// every other role is trusted.
class PostgresTestServer {
public:
    // The server, started on first use. Throws std::runtime_error when it cannot start.
    static PostgresTestServer& instance();
    ~PostgresTestServer();

    int port() const { return m_port; }
    // postgresql://USER@127.0.0.1:PORT/postgres
    std::string url(const std::string& user = "postgres") const;
    // Runs `sql` as the superuser; throws std::runtime_error with the server's message.
    void exec(const std::string& sql) const;

private:
    PostgresTestServer();
    void run(const std::string& program, const std::string& arguments) const;

    std::string m_folder;
    std::string m_bin;
    int m_port = 0;
    bool m_started = false;
};

// A loopback TCP port nothing listens on right now.
int freeLoopbackPort();
