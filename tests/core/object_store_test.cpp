#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <fstream>

#include "core/store/object_store.h"
#include "core/store/sha256.h"
#include "temp_dir.h"

using namespace kiln;
namespace fs = std::filesystem;

namespace {
std::size_t countFiles(const fs::path& dir) {
    std::size_t n = 0;
    std::error_code ec;
    for (auto& e : fs::recursive_directory_iterator(dir, ec))
        if (e.is_regular_file()) ++n;
    return n;
}
}  // namespace

TEST_CASE("Objects are named by the sha256 of their bytes and read back intact", "[store]") {
    TempDir dir;
    ObjectStore store(dir / "objects");
    auto hash = store.put("hello kiln");
    REQUIRE(hash.ok());
    CHECK(*hash == Sha256::hashHex("hello kiln"));
    CHECK(store.pathFor(*hash) == dir / "objects" / hash->substr(0, 2) / hash->substr(2));
    CHECK(store.contains(*hash));
    CHECK(store.read(*hash).value() == "hello kiln");
    CHECK(store.verify(*hash).ok());
    CHECK(store.read(std::string(64, '0')).error().code == ErrorCode::NotFound);
}

TEST_CASE("Identical content is stored once", "[store]") {
    TempDir dir;
    ObjectStore store(dir / "objects");
    std::ofstream(dir / "a.bin") << std::string(3 << 20, 'x');  // spans several chunks
    auto first = store.putFile(dir / "a.bin");
    auto second = store.put(std::string(3 << 20, 'x'));
    REQUIRE(first.ok());
    REQUIRE(second.ok());
    CHECK(*first == *second);
    CHECK(store.usage().objects == 1);
    CHECK(store.usage().bytes == (3u << 20));
    CHECK(countFiles(dir / "objects" / "tmp") == 0);
}

TEST_CASE("An abandoned writer leaves neither an object nor a temporary", "[store]") {
    TempDir dir;
    ObjectStore store(dir / "objects");
    {
        ObjectWriter writer(store);
        REQUIRE(writer.open().ok());
        REQUIRE(writer.write("half an object").ok());
    }
    CHECK(store.usage().objects == 0);
    CHECK(countFiles(dir / "objects") == 0);
}

TEST_CASE("A writer killed mid-write never leaves a half object under a name", "[store]") {
    TempDir dir;
    ObjectStore store(dir / "objects");
    pid_t child = fork();
    if (child == 0) {
        ObjectWriter writer(store);
        (void)writer.open();
        (void)writer.write(std::string(1 << 20, 'y'));
        _exit(0);  // dies without commit and without running destructors, like a crash
    }
    int status = 0;
    waitpid(child, &status, 0);
    CHECK(store.usage().objects == 0);
    CHECK(countFiles(dir / "objects" / "tmp") == 1);  // the crash's leftover, unnamed
    store.removeStaleTemporaries(-1);
    CHECK(countFiles(dir / "objects" / "tmp") == 0);
}

TEST_CASE("Corruption is detected by verify and verifyAll", "[store]") {
    TempDir dir;
    ObjectStore store(dir / "objects");
    auto good = store.put("good").value();
    auto bad = store.put("bad").value();
    fs::permissions(store.pathFor(bad), fs::perms::owner_write, fs::perm_options::add);
    std::ofstream(store.pathFor(bad)) << "tampered";
    CHECK(store.verify(good).ok());
    CHECK(store.verify(bad).error().code == ErrorCode::Corrupt);

    BasicJobContext job;
    auto checked = store.verifyAll(job);
    REQUIRE(checked.ok());
    CHECK(*checked == 2);
    REQUIRE(job.issues().size() == 1);
    CHECK(job.issues()[0].where == store.pathFor(bad).string());
    CHECK(job.snapshot().done == 2);
}

TEST_CASE("verifyAll stops when its job is cancelled", "[store]") {
    TempDir dir;
    ObjectStore store(dir / "objects");
    for (int i = 0; i < 5; ++i) (void)store.put("object " + std::to_string(i));
    BasicJobContext job;
    job.cancel();
    CHECK(store.verifyAll(job).error().code == ErrorCode::Cancelled);
}
