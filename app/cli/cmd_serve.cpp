// kiln serve MODEL [--port N] [--host H] [--token-file F] [--workers N]. What it logs is read by
// kiln monitor MODEL --traffic (cmd_monitor.cpp).
#include <csignal>
#include <ctime>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>
#include <pthread.h>
#include <sstream>

#include "app/cli/cli_app.h"
#include "core/data/table.h"
#include "core/export/model_registry.h"
#include "core/jobs/job_context.h"
#include "core/serve/model_server.h"
#include "core/serve/served_model.h"
#include "core/store/workspace.h"

namespace kiln::cli {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// A whole number in [low, high] from an option's text.
std::optional<long long> wholeNumber(const std::string& text, long long low, long long high) {
    if (text.empty() || text.size() > 12 || text.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    long long v = std::stoll(text);
    if (v < low || v > high) return std::nullopt;
    return v;
}

// The token a file holds, without surrounding white space.
Result<std::string> readToken(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return makeError(ErrorCode::NotFound, "cannot read the token file", file.string());
    std::stringstream s;
    s << in.rdbuf();
    std::string token = s.str();
    const char* space = " \t\r\n";
    token.erase(0, token.find_first_not_of(space) == std::string::npos ? token.size() : token.find_first_not_of(space));
    token.erase(token.find_last_not_of(space) + 1);
    if (token.size() < 16) {
        Error e = makeError(ErrorCode::InvalidArgument,
                            "the token file holds " +
                                std::string(token.empty() ? "nothing" : "a token shorter than 16 characters"),
                            file.string());
        e.hint = "write a long random token into it, e.g. openssl rand -hex 32 > " + file.string();
        return e;
    }
    return token;
}

// An example row for the curl line: the first row of the model's training data when the
// workspace has it, else a placeholder per input type.
json exampleRow(Workspace& ws, const ServedModel& m) {
    json row = json::object();
    std::shared_ptr<const Table> data;
    if (!m.datasetHash.empty())
        if (auto t = Table::open(ws.objects(), m.datasetHash); t) data = std::move(*t);
    for (const auto& in : m.inputs) {
        int c = data ? data->columnIndex(in.name) : -1;
        const ColumnView* col = c >= 0 ? &data->column(std::size_t(c)) : nullptr;
        if (col && data->rows() > 0 && !col->isMissing(0)) {
            if (in.type == "float" && isNumeric(col->info().type))
                row[in.name] = col->number(0);
            else
                row[in.name] = col->text(0);
        } else {
            row[in.name] = in.type == "string" ? json("") : in.type == "double" ? json("2024-01-01") : json(0);
        }
    }
    return row;
}

std::string shellQuoted(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

// A curl line for the model: a picture file as the body for an image model, else a JSON row.
std::string curlExample(const ModelServer& server, const ServedModel& m, const json& row, const std::string& tokenFile) {
    std::string line = "curl -s " + server.address() + "/v1/predict -H 'Content-Type: " +
                       (m.images() ? "image/png'" : "application/json'");
    if (!tokenFile.empty()) line += " -H \"Authorization: Bearer $(cat " + shellQuoted(tokenFile) + ")\"";
    if (m.images()) return line + " --data-binary @picture.png";
    return line + " -d " + shellQuoted(json({{"rows", json::array({row})}}).dump());
}

void printJsonLine(const json& j) { std::cout << j.dump(-1, ' ', false, json::error_handler_t::replace) << std::endl; }

int runServe(const Arguments& args) {
    ServeOptions options;
    if (auto h = args.value("host")) options.host = *h;
    if (auto p = args.value("port")) {
        auto port = wholeNumber(*p, 0, 65535);
        if (!port) return reportUsageError("--port takes a port number from 0 (any free port) to 65535");
        options.port = int(*port);
    }
    if (auto w = args.value("workers")) {
        auto workers = wholeNumber(*w, 1, 256);
        if (!workers) return reportUsageError("--workers takes a count from 1 to 256");
        options.workers = int(*workers);
    }
    if (auto b = args.value("max-body-mb")) {
        auto mb = wholeNumber(*b, 1, 1024);
        if (!mb) return reportUsageError("--max-body-mb takes a size in MiB from 1 to 1024");
        options.maxBodyBytes = std::size_t(*mb) << 20;
    }
    if (auto l = args.value("traffic-limit-mb")) {
        auto mb = wholeNumber(*l, 1, 1 << 20);
        if (!mb) return reportUsageError("--traffic-limit-mb takes a size in MiB");
        options.traffic.maxBytes = std::uint64_t(*mb) << 20;
    }
    options.logTraffic = !args.has("no-traffic");
    std::string tokenFile;
    if (auto t = args.value("token-file")) {
        tokenFile = *t;
        auto token = readToken(*t);
        if (!token) return reportError(token.error());
        options.token = *token;
    }
    auto workspace = openWorkspace(args, false);
    if (!workspace) return reportError(workspace.error());
    ServeSource source;
    source.workspace = (*workspace)->root();
    const std::string& model = args.positionals[0];
    std::error_code ec;
    if (fs::is_regular_file(model, ec) || fs::path(model).extension() == ".onnx")
        source.file = model;
    else
        source.reference = model;

    // Ctrl-C and SIGTERM are taken by this thread alone (sigwait), so every server thread
    // started below runs on and the requests in flight are answered before it ends.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);
    if (!args.json) std::cout << "loading and verifying " << model << "…" << std::endl;
    auto server = ModelServer::start(source, options);
    if (!server) return reportError(server.error());
    auto served = (*server)->model();
    const std::string curl =
        curlExample(**server, *served, served->images() ? json::object() : exampleRow(**workspace, *served), tokenFile);
    if (args.json) {
        printJsonLine({{"event", "ready"},
                       {"address", (*server)->address()},
                       {"model", served->label()},
                       {"sha256", served->sha256},
                       {"token_required", !options.token.empty()},
                       {"traffic", options.logTraffic ? (*server)->trafficFolder().string() : ""},
                       {"curl", curl}});
        (*server)->onEvent(printJsonLine);
    } else {
        std::cout << "serving " << served->label() << " (sha256 " << served->sha256.substr(0, 12) << "…) at "
                  << (*server)->address() << "\n"
                  << "  POST /v1/predict   GET /v1/model   GET /healthz   GET /metrics\n";
        if (options.logTraffic) std::cout << "  traffic logged to " << (*server)->trafficFolder().string() << "\n";
        const std::string stage = model.find('@') == std::string::npos ? "" : model.substr(model.find('@') + 1);
        if (!source.reference.empty() && (stage.empty() || stage == "production" || stage == "staging"))
            std::cout << "  follows " << (stage.empty() ? "the newest version of " + model : model)
                      << ": a new version there is loaded, verified and switched to\n";
        std::cout << "try it:\n  " << curl << "\n"
                  << "Ctrl-C stops the server once the requests in flight are answered.\n"
                  << std::flush;
        (*server)->onEvent([](const json& e) {
            if (e["event"] == "swapped")
                std::cout << "switched from " << e["from"].get<std::string>() << " to " << e["to"].get<std::string>() << std::endl;
            else
                std::cerr << "kiln: warning: kept the served version: " << e["version"].get<std::string>()
                          << " failed: " << e["error"].get<std::string>() << std::endl;
        });
    }
    int signal = 0;
    for (;;) {
        timespec second{1, 0};
        signal = sigtimedwait(&stopSignals, nullptr, &second);
        if (signal == SIGINT || signal == SIGTERM) break;
        if (args.json) {
            json stats = (*server)->snapshot();
            stats["event"] = "stats";
            printJsonLine(stats);
        }
    }
    if (!args.json) std::cout << "\nstopping: answering the requests in flight…" << std::endl;
    (*server)->stop();
    json totals = (*server)->snapshot();
    if (args.json) {
        totals["event"] = "stopped";
        printJsonLine(totals);
    } else {
        std::cout << "stopped after " << totals["requests"].get<std::uint64_t>() << " prediction requests ("
                  << totals["rows"].get<std::uint64_t>() << " rows, " << totals["errors"].get<std::uint64_t>()
                  << " answered with an error)\n";
    }
    return kExitOk;
}

}  // namespace

Command makeServeCommand() {
    Command c;
    c.name = "serve";
    c.summary = "serve a model over HTTP: predictions, its description, health and metrics";
    c.usage = "kiln serve MODEL[@VERSION|@STAGE]|FILE.onnx [--port N] [--host 127.0.0.1] [--token-file F] "
              "[--workers N]";
    c.description =
        "Answers POST /v1/predict (JSON {\"rows\": [{column: value}]} or {\"columns\": {column:\n"
        "[values]}}, or a CSV body), GET /v1/model, GET /healthz and GET /metrics (Prometheus).\n"
        "Requests from all clients are batched. Binds to 127.0.0.1 unless --host says otherwise;\n"
        "any other address needs --token-file (clients send 'Authorization: Bearer TOKEN').\n"
        "MODEL@production (or a bare MODEL: its newest version) is followed: a new version is\n"
        "loaded, verified and switched to between requests. Every request's inputs and outputs go\n"
        "to the workspace's serving/MODEL/ log, which kiln monitor MODEL --traffic reads.\n"
        "Ctrl-C stops it after the requests in flight are answered. With --json: one JSON line\n"
        "when ready, one of figures a second, one when stopped.";
    c.options = {{"port", "N", "port to listen on (default 8080; 0: any free port)"},
                 {"host", "ADDRESS", "address to bind (default 127.0.0.1)"},
                 {"token-file", "FILE", "a file holding the bearer token clients must send"},
                 {"workers", "N", "executor threads (default: one per core)"},
                 {"max-body-mb", "N", "largest request body in MiB (default 8)"},
                 {"traffic-limit-mb", "N", "traffic log size in MiB before the oldest goes (default 64)"},
                 {"no-traffic", "", "do not log requests"}};
    c.minPositionals = 1;
    c.maxPositionals = 1;
    c.run = runServe;
    return c;
}

}  // namespace kiln::cli
