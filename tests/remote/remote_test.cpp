#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <thread>

#include "core/data/csv_import.h"
#include "core/data/dataset_catalog.h"
#include "core/data/table.h"
#include "core/jobs/job_context.h"
#include "core/remote/local_executor.h"
#include "core/remote/ssh_executor.h"
#include "core/remote/ssh_host.h"
#include "core/store/sha256.h"
#include "core/store/workspace.h"
#include "core/runs/run_recorder.h"
#include "core/train/run_spec.h"
#include "sshd_server.h"
#include "metric_rows.h"
#include "run_fixtures.h"

using namespace kiln;
using namespace kiln::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::string sha256Hex(const std::string& data) {
    Sha256 h;
    h.update(data.data(), data.size());
    return h.hexDigest();
}

std::string readText(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// A file name under /tmp that a successful injection would create.
std::string pwnedPath() {
    std::random_device rd;
    return "/tmp/kiln-pwned-" + std::to_string(rd());
}

struct Cli {
    int rc = 0;
    std::string out, err;
};

Cli runKiln(const fs::path& ws, const std::string& args) {
    TempDir tmp;
    std::string cmd = std::string("'") + KILN_BINARY + "' --workspace '" + ws.string() + "' " + args +
                      " > '" + (tmp / "out").string() + "' 2> '" + (tmp / "err").string() + "'";
    int status = std::system(cmd.c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, readText(tmp / "out"), readText(tmp / "err")};
}


std::int64_t countOf(Workspace& ws, const std::string& sql, const std::string& id) {
    return std::get<std::int64_t>(ws.catalog().queryValue(sql, {id}).value());
}

std::string runStatus(Workspace& ws, const std::string& id) {
    return std::get<std::string>(ws.catalog().queryValue("SELECT status FROM runs WHERE id = ?", {id}).value());
}

int metricEvents(const std::string& jsonl) {
    int n = 0;
    std::istringstream in(jsonl);
    for (std::string line; std::getline(in, line);) {
        auto e = json::parse(line, nullptr, false);
        if (e.is_object() && e.value("event", "") == "metric") ++n;
    }
    return n;
}

// A workspace with iris imported (a hostile name is refused), and a host pointing at a real sshd.
struct Remote {
    SshServer server;
    TempDir dir;
    std::unique_ptr<Workspace> ws;
    DatasetVersion version;
    SshHost host;
    std::string pwned = pwnedPath();

    Remote() {
        // Workers here and on the host must use the same BLAS kernels to agree to the last bit:
        // sshd gives its sessions a clean environment, without an OPENBLAS_CORETYPE set here.
        ::unsetenv("OPENBLAS_CORETYPE");
        ::unsetenv("OPENBLAS_L2_SIZE");
        auto w = Workspace::open(dir / "ws");
        REQUIRE(w.ok());
        ws = std::move(*w);
        NullJobContext job;
        // A shell-hostile dataset name is refused at the door (core/base/names); what reaches the
        // host is still quoted, which the hostile work folder below checks.
        const fs::path iris = fs::path(KILN_FIXTURES) / "data" / "iris.csv";
        std::string hostile = "iris'; touch " + pwned + "; echo '$(touch " + pwned + ")";
        REQUIRE_FALSE(importCsvDataset(*ws, iris, hostile, ImportOptions{}, job).ok());
        std::string name = "iris.v1-x_";
        auto imported = importCsvDataset(*ws, iris, name, ImportOptions{}, job);
        REQUIRE(imported.ok());
        auto v = DatasetCatalog(ws->catalog()).resolve(name);
        REQUIRE(v.ok());
        version = *v;
        host.name = "loopback";
        host.sshTarget = server.target();
        host.identity = server.identity().string();
        host.kilnPath = KILN_BINARY;
        host.workdir = (dir / "remote host; touch ").string() + pwned;
        REQUIRE(addHost(ws->catalog(), host).ok());
        SshConnection conn(host, ws->root());
        REQUIRE(conn.trustHostKey(server.fingerprint()).ok());
    }
    ~Remote() { std::remove(pwned.c_str()); }

    RunSpec spec(int epochs) {
        RunSpec s;
        s.dataset = version.dataset;
        s.datasetVersion = version.version;
        s.datasetHash = version.contentHash;
        s.target = "species";
        s.model.family = "mlp";
        s.epochs = epochs;
        s.earlyStopping = 0;
        s.batchSize = 16;
        s.threads = 1;
        s.seed = 7;
        auto table = Table::open(ws->objects(), s.datasetHash);
        REQUIRE(table.ok());
        REQUIRE(resolveSpec(s, **table).ok());
        REQUIRE(s.validate().ok());
        return s;
    }
    std::string newRun(const RunSpec& s) {
        auto id = createRun(*ws, s, version.id);
        REQUIRE(id.ok());
        return *id;
    }
};

}  // namespace

TEST_CASE("shellQuote keeps hostile strings literal through a real ssh") {
    CHECK(shellQuote("a") == "'a'");
    CHECK(shellQuote("it's") == "'it'\\''s'");
    Remote r;
    SshConnection conn(r.host, r.ws->root());
    REQUIRE(conn.open().ok());
    std::vector<std::string> hostile = {"plain", "two words", "it's", "\"double\"", "x; touch " + r.pwned,
                                        "$(touch " + r.pwned + ")", "`touch " + r.pwned + "`",
                                        "a\nb; touch " + r.pwned, "-n", "\\", "*", "'; touch " + r.pwned + "; '",
                                        "| touch " + r.pwned, "&& touch " + r.pwned, "${HOME}"};
    for (const auto& s : hostile) {
        auto out = conn.run("printf %s " + shellQuote(s));
        REQUIRE(out.ok());
        CHECK(out->exitStatus == 0);
        CHECK(out->out == s);
    }
    auto workdir = conn.remoteWorkdir();
    REQUIRE(workdir.ok());
    CHECK(fs::is_directory(*workdir));
    CHECK(*workdir == fs::weakly_canonical(r.host.workdir).string());
    CHECK_FALSE(fs::exists(r.pwned));
}

TEST_CASE("kiln hosts: add, list, test, remove; unknown and changed host keys are refused") {
    SshServer server;
    TempDir dir;
    fs::path ws = dir / "ws";
    std::string pwned = pwnedPath();
    // A shell-hostile host name is refused at the door (one name rule, core/base/names); the
    // hostile work folder below still has to be quoted on its way to the host.
    auto refused = runKiln(ws, "hosts add " + shellQuote("box'; touch " + pwned + " #") +
                                   " --ssh " + server.target());
    CHECK(refused.rc == 1);
    CHECK(refused.err.find("host name 'box'; touch") != std::string::npos);
    std::string name = "box-1";
    std::string add = "hosts add " + shellQuote(name) + " --ssh " + server.target() + " --identity " +
                      shellQuote(server.identity().string()) + " --kiln " + shellQuote(KILN_BINARY) +
                      " --workdir " + shellQuote((dir / "w x; touch ").string() + pwned);
    auto c = runKiln(ws, add);
    REQUIRE(c.rc == 0);
    c = runKiln(ws, "hosts list --json");
    REQUIRE(c.rc == 0);
    auto list = json::parse(c.out);
    REQUIRE(list["hosts"].size() == 1);
    CHECK(list["hosts"][0]["name"] == name);
    CHECK(list["hosts"][0]["ssh"] == server.target());

    c = runKiln(ws, "hosts test " + shellQuote(name));  // the host key is not known yet
    CHECK(c.rc == 1);
    CHECK(c.err.find("is not known") != std::string::npos);
    CHECK(c.err.find(server.fingerprint()) != std::string::npos);

    c = runKiln(ws, "hosts trust " + shellQuote(name) + " --fingerprint SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    CHECK(c.rc == 1);
    c = runKiln(ws, "hosts trust " + shellQuote(name) + " --fingerprint " + server.fingerprint());
    REQUIRE(c.rc == 0);

    c = runKiln(ws, "hosts test " + shellQuote(name) + " --json");
    INFO(c.err);
    REQUIRE(c.rc == 0);
    auto t = json::parse(c.out);
    CHECK(t["protocol"] == 1);
    CHECK(t["compatible"] == true);
    CHECK(t["cpu_cores"].get<int>() > 0);
    CHECK(t["gpus"].is_array());
    CHECK_FALSE(t["kiln"].get<std::string>().empty());
    CHECK_FALSE(fs::exists(pwned));

    std::string oldFingerprint = server.fingerprint();
    server.changeHostKey();
    REQUIRE(server.fingerprint() != oldFingerprint);
    c = runKiln(ws, "hosts test " + shellQuote(name));
    CHECK(c.rc == 1);
    CHECK(c.err.find("CHANGED") != std::string::npos);
    CHECK(c.err.find(server.fingerprint()) != std::string::npos);

    c = runKiln(ws, "hosts remove " + shellQuote(name));
    CHECK(c.rc == 0);
    c = runKiln(ws, "hosts list --json");
    CHECK(json::parse(c.out)["hosts"].empty());
    c = runKiln(ws, "hosts test " + shellQuote(name));
    CHECK(c.rc == 1);
    CHECK_FALSE(fs::exists(pwned));
}

TEST_CASE("a remote run equals a local run, artifacts come back verified, staging happens once") {
    Remote r;
    RunSpec spec = r.spec(3);
    std::string localId = r.newRun(spec);
    auto localStatus = kiln::test::runToEnd(*r.ws, localId, KILN_BINARY);
    REQUIRE(localStatus.ok());
    REQUIRE(*localStatus == "completed");

    std::string remoteId = r.newRun(spec);
    auto ex = SshExecutor::start(*r.ws, r.host, remoteId, false);
    INFO((ex.ok() ? "" : ex.error().toString()));
    REQUIRE(ex.ok());
    CHECK((*ex)->staging().objectsNeeded > 1);
    CHECK((*ex)->staging().objectsCopied == (*ex)->staging().objectsNeeded);
    auto status = (*ex)->follow({});
    INFO((status.ok() ? "" : status.error().toString()));
    REQUIRE(status.ok());
    CHECK(*status == "completed");
    CHECK(runStatus(*r.ws, remoteId) == "completed");
    CHECK(std::get<std::string>(r.ws->catalog().queryValue("SELECT host FROM runs WHERE id = ?", {remoteId}).value()) == "loopback");

    auto localMetrics = metricRows(*r.ws, localId, /*withStep=*/true);
    CHECK(localMetrics.size() > 3);
    CHECK(metricRows(*r.ws, remoteId, /*withStep=*/true) == localMetrics);
    // The local events.jsonl mirrors the host's byte for byte.
    CHECK(readText(r.ws->runsDir() / remoteId / "events.jsonl") ==
          readText(fs::path((*ex)->remoteRunDir()) / "events.jsonl"));
    // Artifacts: the same set, each copied back (follow() verified their sha256).
    auto artifacts = [&](const std::string& id) {
        return countOf(*r.ws, "SELECT COUNT(*) FROM artifacts WHERE run_id = ?", id);
    };
    CHECK(artifacts(remoteId) == artifacts(localId));
    auto st = r.ws->catalog().prepare("SELECT path FROM artifacts WHERE run_id = ?");
    REQUIRE(st.ok());
    REQUIRE(st->bind({remoteId}).ok());
    int files = 0;
    for (auto row = st->step(); row && *row; row = st->step(), ++files)
        CHECK(fs::exists(r.ws->runsDir() / remoteId / st->columnText(0)));
    CHECK(files > 0);

    // A second run reads the same dataset: nothing is copied again.
    std::string secondId = r.newRun(spec);
    auto second = SshExecutor::start(*r.ws, r.host, secondId, false);
    REQUIRE(second.ok());
    CHECK((*second)->staging().objectsCopied == 0);
    CHECK((*second)->staging().objectsNeeded == (*ex)->staging().objectsNeeded);
    auto secondStatus = (*second)->follow({});
    REQUIRE(secondStatus.ok());
    CHECK(*secondStatus == "completed");
    CHECK(metricRows(*r.ws, secondId, /*withStep=*/true) == localMetrics);
    CHECK_FALSE(fs::exists(r.pwned));
}

TEST_CASE("a cut connection is re-established and the run re-attached, no metric lost or doubled") {
    Remote r;
    RunSpec spec = r.spec(1000);
    std::string id = r.newRun(spec);
    auto ex = SshExecutor::start(*r.ws, r.host, id, false);
    REQUIRE(ex.ok());
    SshExecutor& e = **ex;

    // 1. After the first metric the link drops: the ssh client (the shared master connection)
    //    is killed and the host is unreachable for 1 s (sshd stopped, then started again).
    int metrics = 0, afterOutage = 0;
    std::atomic<bool> detach{false};
    bool killed = false;
    std::thread outage;
    auto status = e.follow([&](const WorkerEvent& ev) {
        if (!ev.is<event::Metric>()) return;
        ++metrics;
        if (!killed) {
            pid_t master = e.connection().masterPid();
            REQUIRE(master > 0);
            r.server.stop();
            ::kill(master, SIGKILL);
            outage = std::thread([&] {
                std::this_thread::sleep_for(std::chrono::seconds(1));
                try {
                    r.server.start();
                } catch (const std::exception&) {
                    // The follower then gives up after its reconnect window; checked below.
                }
            });
            killed = true;
        } else if (e.reconnects() > 0 && ++afterOutage > 20) {
            detach = true;  // 2. once reconnected, the app goes away mid-run...
        }
    }, nullptr, &detach);
    if (outage.joinable()) outage.join();
    INFO((status.ok() ? "" : status.error().toString()));
    REQUIRE(status.ok());
    CHECK(e.reconnects() >= 1);
    CHECK(*status == "detached");
    std::string finalStatus = *status;
    if (finalStatus == "detached") {
        // ...and a new one re-attaches and replays what it missed from its offset.
        auto again = SshExecutor::attach(*r.ws, r.host, id);
        REQUIRE(again.ok());
        auto st2 = (*again)->follow({});
        REQUIRE(st2.ok());
        finalStatus = *st2;
    }
    CHECK(finalStatus == "completed");
    std::string remoteEvents = readText(fs::path(e.remoteRunDir()) / "events.jsonl");
    CHECK(readText(r.ws->runsDir() / id / "events.jsonl") == remoteEvents);
    CHECK(countOf(*r.ws, "SELECT COUNT(*) FROM metrics WHERE run_id = ?", id) == metricEvents(remoteEvents));

    // The same spec run locally gives the same metrics.
    std::string localId = r.newRun(spec);
    REQUIRE(kiln::test::runToEnd(*r.ws, localId, KILN_BINARY).ok());
    CHECK(metricRows(*r.ws, id, /*withStep=*/true) == metricRows(*r.ws, localId, /*withStep=*/true));
}

TEST_CASE("cancel reaches the remote worker") {
    Remote r;
    std::string id = r.newRun(r.spec(5000));
    auto ex = SshExecutor::start(*r.ws, r.host, id, false);
    REQUIRE(ex.ok());
    std::atomic<bool> cancel{false};
    auto status = (*ex)->follow([&](const WorkerEvent& ev) {
        if (ev.is<event::Metric>()) cancel = true;
    }, &cancel);
    REQUIRE(status.ok());
    CHECK(*status == "cancelled");
    CHECK(runStatus(*r.ws, id) == "cancelled");
    int status2 = 0;
    CHECK(::waitpid(pid_t((*ex)->remotePid()), &status2, WNOHANG) <= 0);
    // The worker exits right after its `finished` event: within seconds it is gone (or a zombie:
    // this container's init may not reap).
    auto exited = [&] {
        std::string stat = readText("/proc/" + std::to_string((*ex)->remotePid()) + "/stat");
        return stat.empty() || stat.find(") Z ") != std::string::npos;
    };
    for (int i = 0; i < 300 && !exited(); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    CHECK(exited());
}

TEST_CASE("kiln train --on runs there; runs shows the host; attach, cancel and resume reach it") {
    Remote r;
    fs::path ws = r.ws->root();
    std::string ds = shellQuote(r.version.dataset);
    // Fresh: a short run on the host, recorded with its host.
    auto c = runKiln(ws, "train " + ds + " --target species --model mlp --epochs 3 --seed 7 --threads 1 "
                         "--on loopback --json");
    INFO(c.err);
    REQUIRE(c.rc == 0);
    auto done = json::parse(c.out);
    CHECK(done["status"] == "completed");
    CHECK(done["host"] == "loopback");
    CHECK(done["metrics"].contains("test_accuracy"));
    std::string firstId = done["run_id"];

    c = runKiln(ws, "runs");
    REQUIRE(c.rc == 0);
    CHECK(c.out.find("HOST") != std::string::npos);
    CHECK(c.out.find("loopback") != std::string::npos);
    c = runKiln(ws, "runs --host loopback --json");
    REQUIRE(c.rc == 0);
    auto listed = json::parse(c.out)["runs"];
    REQUIRE(listed.size() == 1);
    CHECK(listed[0]["id"] == firstId);
    CHECK(listed[0]["host"] == "loopback");
    c = runKiln(ws, "runs --host local --json");
    CHECK(json::parse(c.out)["runs"].empty());
    c = runKiln(ws, "run show " + firstId);
    CHECK(c.out.find("Host:     loopback") != std::string::npos);

    // An unknown host is refused before anything is recorded.
    c = runKiln(ws, "train " + ds + " --target species --on nowhere");
    CHECK(c.rc == 1);
    CHECK(c.err.find("nowhere") != std::string::npos);
    CHECK(countOf(*r.ws, "SELECT COUNT(*) FROM runs WHERE id <> ?", firstId) == 0);

    // Attach: a run started on the host with nobody following (the terminal went away).
    std::string id = r.newRun(r.spec(12));
    {
        auto started = SshExecutor::start(*r.ws, r.host, id, false);
        REQUIRE(started.ok());
    }
    c = runKiln(ws, "attach " + id + " --json");
    INFO(c.err);
    REQUIRE(c.rc == 0);
    CHECK(json::parse(c.out)["status"] == "completed");
    std::string events = readText(r.ws->runsDir() / id / "events.jsonl");
    CHECK(countOf(*r.ws, "SELECT COUNT(*) FROM metrics WHERE run_id = ?", id) == metricEvents(events));
    c = runKiln(ws, "attach " + id);
    CHECK(c.rc == 1);  // completed: nothing to attach to
    c = runKiln(ws, "attach " + firstId.substr(0, 8) + "-no-such");
    CHECK(c.rc == 1);

    // Cancel from another terminal, then resume on the host to the last epoch.
    // Long enough that `kiln cancel` (a new process that loads LibTorch and connects) lands
    // mid-run on a loaded machine.
    std::string longId = r.newRun(r.spec(2000));
    {
        auto started = SshExecutor::start(*r.ws, r.host, longId, false);
        REQUIRE(started.ok());
        // Wait for the first epoch so the cancel lands mid-training.
        for (int i = 0; i < 300 && metricEvents(readText(fs::path((*started)->remoteRunDir()) /
                                                         "events.jsonl")) == 0;
             ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    c = runKiln(ws, "cancel " + longId + " --json");
    INFO(c.err);
    REQUIRE(c.rc == 0);
    CHECK(json::parse(c.out)["status"] == "cancelled");
    CHECK(runStatus(*r.ws, longId) == "cancelled");
    auto stoppedAt = countOf(*r.ws, "SELECT MAX(epoch) FROM metrics WHERE run_id = ?", longId);
    CHECK(stoppedAt < 2000);
    c = runKiln(ws, "resume " + longId + " --json");
    INFO(c.err);
    REQUIRE(c.rc == 0);
    auto resumed = json::parse(c.out);
    CHECK(resumed["status"] == "completed");
    CHECK(resumed["host"] == "loopback");
    CHECK(countOf(*r.ws, "SELECT MAX(epoch) FROM metrics WHERE run_id = ?", longId) == 2000);
    // Every epoch once: no metric lost or recorded twice across cancel and resume.
    CHECK(countOf(*r.ws,
                  "SELECT COUNT(*) FROM metrics WHERE run_id = ? AND key = 'val_loss'", longId) ==
          2000);
    CHECK_FALSE(fs::exists(r.pwned));
}

TEST_CASE("batched copies: the host checks each upload's sha256, downloads arrive whole") {
    Remote r;
    SshConnection conn(r.host, r.ws->root());
    REQUIRE(conn.open().ok());
    auto workdir = conn.remoteWorkdir();
    REQUIRE(workdir.ok());
    TempDir local;
    std::ofstream(local / "a.bin") << "alpha";
    std::ofstream(local / "b b.bin") << std::string(200000, 'b');
    std::string shaA = sha256Hex("alpha");
    std::string dir = *workdir + "/copy test";
    // A wrong checksum: refused, and nothing (not even a .part) is left under the name.
    auto bad = conn.uploadAll({{local / "a.bin", dir + "/a", std::string(64, '0')}});
    CHECK_FALSE(bad.ok());
    CHECK_FALSE(fs::exists(dir + "/a"));
    CHECK_FALSE(fs::exists(dir + "/a.part"));
    auto good = conn.uploadAll({{local / "a.bin", dir + "/a", shaA},
                                {local / "b b.bin", dir + "/sub/b", sha256Hex(std::string(200000, 'b'))}});
    INFO((good.ok() ? "" : good.error().toString()));
    REQUIRE(good.ok());
    CHECK(readText(dir + "/a") == "alpha");
    CHECK(readText(dir + "/sub/b") == std::string(200000, 'b'));

    auto got = conn.downloadAll({{dir + "/sub/b", local / "back" / "b", false},
                                 {dir + "/missing", local / "back" / "m", true},
                                 {dir + "/a", local / "back" / "a", false}});
    REQUIRE(got.ok());
    CHECK(readText(local / "back" / "b") == std::string(200000, 'b'));
    CHECK(readText(local / "back" / "a") == "alpha");
    CHECK_FALSE(fs::exists(local / "back" / "m"));
    CHECK_FALSE(conn.downloadAll({{dir + "/missing", local / "back" / "m", false}}).ok());
}
