#pragma once

// What the serving tests share: a workspace with registered models trained in the test's
// process, rows of its CSV as JSON, and a raw loopback socket for clients that misbehave.
#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "core/export/model_registry.h"
#include "export_support.h"

namespace kiln::test {

// A workspace holding dataset "tab" and model "tab" with one version per trained run.
struct ServingWorkspace {
    TempDir dir;
    Imported data;
    std::string csv;  // the dataset's file

    explicit ServingWorkspace(int rows = 400) : data(importCsv(dir, "tab", rows)), csv((dir / "tab.csv").string()) {}

    // Trains an MLP for `epochs` as run `runId` and registers it as the next version of "tab".
    nlohmann::json registerVersion(const std::string& runId, int epochs) {
        RunSpec spec = tabularSpec(data, "label");
        spec.epochs = epochs;
        trainAndLoad(data, spec, runId);
        REQUIRE(data.ws->catalog()
                    .execute("UPDATE runs SET dataset_version_id = ? WHERE id = ?", {data.version.id, runId})
                    .ok());
        auto doc = ModelRegistry(*data.ws).registerRun(runId, "tab");
        INFO((doc.ok() ? "" : doc.error().toString()));
        REQUIRE(doc.ok());
        return *doc;
    }
};

// The CSV's rows [first, first + count) as JSON objects: numbers as numbers, empty cells null.
inline nlohmann::json csvRows(const std::string& file, std::size_t first, std::size_t count) {
    std::ifstream in(file);
    std::string line;
    std::getline(in, line);
    std::vector<std::string> header;
    std::stringstream h(line);
    for (std::string name; std::getline(h, name, ',');) header.push_back(name);
    nlohmann::json rows = nlohmann::json::array();
    for (std::size_t i = 0; std::getline(in, line) && rows.size() < count; ++i) {
        if (i < first) continue;
        nlohmann::json row = nlohmann::json::object();
        std::stringstream cells(line);
        std::string cell;
        for (std::size_t c = 0; c < header.size() && std::getline(cells, cell, ','); ++c) {
            char* end = nullptr;
            double v = std::strtod(cell.c_str(), &end);
            if (cell.empty())
                row[header[c]] = nullptr;
            else if (end == cell.c_str() + cell.size())
                row[header[c]] = v;
            else
                row[header[c]] = cell;
        }
        rows.push_back(row);
    }
    return rows;
}

// The CSV's header and rows [first, first + count) as text.
inline std::string csvText(const std::string& file, std::size_t first, std::size_t count) {
    std::ifstream in(file);
    std::string line, out;
    std::getline(in, line);
    out = line + "\n";
    for (std::size_t i = 0; std::getline(in, line) && i < first + count; ++i)
        if (i >= first) out += line + "\n";
    return out;
}

// A client socket on 127.0.0.1:port that writes what it is told and reads what comes back.
struct RawClient {
    int fd = -1;
    explicit RawClient(int port) {
        fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_port = htons(std::uint16_t(port));
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
    }
    ~RawClient() {
        if (fd >= 0) ::close(fd);
    }
    void send(const std::string& bytes) { REQUIRE(::write(fd, bytes.data(), bytes.size()) == ssize_t(bytes.size())); }
    // Everything until the server closes the connection (or `seconds` pass).
    std::string readAll(int seconds) {
        timeval tv{seconds, 0};
        ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        std::string got;
        char buf[4096];
        for (ssize_t n; (n = ::read(fd, buf, sizeof buf)) > 0;) got.append(buf, std::size_t(n));
        return got;
    }
};

}  // namespace kiln::test
