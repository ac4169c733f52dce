#include "database_server.h"

#include <libpq-fe.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace fs = std::filesystem;

namespace {

bool asRoot() {
    return ::geteuid() == 0;
}

// Where initdb and pg_ctl live: pg_config's bindir, else Debian's /usr/lib/postgresql/N/bin.
std::string serverBin() {
    if (FILE* pipe = ::popen("pg_config --bindir 2>/dev/null", "r")) {
        char line[512] = {};
        const bool read = std::fgets(line, sizeof line, pipe) != nullptr;
        ::pclose(pipe);
        std::string bin = read ? line : "";
        while (!bin.empty() && (bin.back() == '\n' || bin.back() == ' ')) bin.pop_back();
        if (fs::exists(fs::path(bin) / "pg_ctl")) return bin;
    }
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator("/usr/lib/postgresql", ec))
        if (fs::exists(entry.path() / "bin/pg_ctl")) return (entry.path() / "bin").string();
    throw std::runtime_error("no PostgreSQL server programs (initdb, pg_ctl): install postgresql");
}

}  // namespace

int freeLoopbackPort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t size = sizeof address;
    ::bind(fd, reinterpret_cast<sockaddr*>(&address), size);
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size);
    ::close(fd);
    return ntohs(address.sin_port);
}

PostgresTestServer& PostgresTestServer::instance() {
    static PostgresTestServer server;  // destroyed at exit, whatever the cases did
    return server;
}

PostgresTestServer::PostgresTestServer() : m_bin(serverBin()), m_port(freeLoopbackPort()) {
    char pattern[] = "/tmp/kiln-pg-XXXXXX";
    if (!::mkdtemp(pattern)) throw std::runtime_error("cannot make a temporary folder");
    m_folder = pattern;
    if (asRoot()) {
        const passwd* postgres = ::getpwnam("postgres");
        if (!postgres) throw std::runtime_error("no `postgres` user to run the server as");
        if (::chown(m_folder.c_str(), postgres->pw_uid, postgres->pw_gid) != 0)
            throw std::runtime_error("cannot hand " + m_folder + " to the postgres user");
    }
    run("initdb", "-D " + m_folder + "/data -A trust -U postgres -E UTF8 --no-locale");
    std::ofstream(m_folder + "/data/pg_hba.conf", std::ios::trunc)
        << "local all all trust\n"
           "host all kiln_secret 127.0.0.1/32 scram-sha-256\n"
           "host all all 127.0.0.1/32 trust\n";
    run("pg_ctl", "-D " + m_folder + "/data -l " + m_folder + "/server.log -o \"-p " +
                      std::to_string(m_port) + " -k " + m_folder +
                      " -c listen_addresses=127.0.0.1\" -w start");
    m_started = true;
}

PostgresTestServer::~PostgresTestServer() {
    try {
        if (m_started) run("pg_ctl", "-D " + m_folder + "/data -m fast stop");
    } catch (...) {
    }
    std::error_code ec;
    fs::remove_all(m_folder, ec);
}

void PostgresTestServer::run(const std::string& program, const std::string& arguments) const {
    const std::string command = (asRoot() ? "runuser -u postgres -- " : "") + m_bin + "/" +
                                program + " " + arguments + " >>" + m_folder + "/setup.log 2>&1";
    if (std::system(command.c_str()) != 0) {
        std::ifstream log(m_folder + "/setup.log");
        std::string text((std::istreambuf_iterator<char>(log)), std::istreambuf_iterator<char>());
        throw std::runtime_error(program + " failed: " + text);
    }
}

std::string PostgresTestServer::url(const std::string& user) const {
    return "postgresql://" + user + "@127.0.0.1:" + std::to_string(m_port) + "/postgres";
}

void PostgresTestServer::exec(const std::string& sql) const {
    const std::string conninfo =
        "host=" + m_folder + " port=" + std::to_string(m_port) + " user=postgres dbname=postgres";
    PGconn* conn = PQconnectdb(conninfo.c_str());
    std::string failure;
    if (PQstatus(conn) != CONNECTION_OK) {
        failure = PQerrorMessage(conn);
    } else {
        PGresult* result = PQexec(conn, sql.c_str());
        const auto status = PQresultStatus(result);
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
            failure = PQresultErrorMessage(result);
        PQclear(result);
    }
    PQfinish(conn);
    if (!failure.empty()) throw std::runtime_error("SQL failed: " + failure);
}
