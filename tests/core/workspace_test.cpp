#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <thread>

#include "core/store/workspace.h"
#include "temp_dir.h"

using namespace kiln;

namespace {
// Writes `count` datasets named prefix-N through its own connection.
bool insertDatasets(const std::filesystem::path& dir, const std::string& prefix, int count) {
    auto ws = Workspace::open(dir);
    if (!ws) return false;
    auto insert = (*ws)->catalog().prepare("INSERT INTO datasets (name, kind) VALUES (?, 'table')");
    if (!insert) return false;
    for (int i = 0; i < count; ++i) {
        if (!insert->bind({prefix + "-" + std::to_string(i)}) || !insert->step() || !insert->reset())
            return false;
    }
    return true;
}
}  // namespace

TEST_CASE("Opening a workspace creates its catalog, objects and runs folders", "[workspace]") {
    TempDir dir;
    auto ws = Workspace::open(dir / "ws");
    REQUIRE(ws.ok());
    CHECK(Workspace::exists(dir / "ws"));
    CHECK(std::filesystem::is_directory(dir / "ws" / "objects"));
    CHECK(std::filesystem::is_directory(dir / "ws" / "runs"));
    CHECK((*ws)->root().is_absolute());
}

TEST_CASE("Opening a missing workspace without create says how to make one", "[workspace]") {
    TempDir dir;
    auto ws = Workspace::open(dir / "nowhere", false);
    REQUIRE_FALSE(ws.ok());
    CHECK(ws.error().code == ErrorCode::NotFound);
    CHECK_THAT(ws.error().message, Catch::Contains("kiln init"));
    CHECK_FALSE(std::filesystem::exists(dir / "nowhere"));
}

TEST_CASE("The default workspace follows KILN_WORKSPACE, then XDG_DATA_HOME", "[workspace]") {
    setenv("KILN_WORKSPACE", "/tmp/explicit-ws", 1);
    CHECK(Workspace::defaultPath() == "/tmp/explicit-ws");
    unsetenv("KILN_WORKSPACE");
    setenv("XDG_DATA_HOME", "/tmp/xdg", 1);
    CHECK(Workspace::defaultPath() == "/tmp/xdg/kiln/default");
    unsetenv("XDG_DATA_HOME");
    setenv("HOME", "/home/someone", 1);
    CHECK(Workspace::defaultPath() == "/home/someone/.local/share/kiln/default");
}

TEST_CASE("Two threads writing one workspace at once both succeed", "[workspace]") {
    TempDir dir;
    REQUIRE(Workspace::open(dir / "ws").ok());
    bool a = false, b = false;
    std::thread first([&] { a = insertDatasets(dir / "ws", "a", 200); });
    std::thread second([&] { b = insertDatasets(dir / "ws", "b", 200); });
    first.join();
    second.join();
    CHECK(a);
    CHECK(b);
    CHECK(Workspace::open(dir / "ws").value()->catalog().counts().value().datasets == 400);
}

TEST_CASE("Two processes creating and writing one new workspace at once both succeed",
          "[workspace]") {
    TempDir dir;
    pid_t child = fork();
    if (child == 0) _exit(insertDatasets(dir / "ws", "child", 300) ? 0 : 1);
    bool parentOk = insertDatasets(dir / "ws", "parent", 300);
    int status = 0;
    waitpid(child, &status, 0);
    CHECK(parentOk);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    auto ws = Workspace::open(dir / "ws").value();
    CHECK(ws->catalog().counts().value().datasets == 600);
    CHECK(ws->catalog().schemaVersion() == Catalog::latestSchemaVersion());
}
