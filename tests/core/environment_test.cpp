#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "core/env/environment.h"

TEST_CASE("The environment names the libraries and says why CUDA is or is not there", "[env]") {
    kiln::Environment env = kiln::captureEnvironment();
    CHECK(env.cpuCores > 0);
    CHECK(env.memoryBytes > 0);
    CHECK_FALSE(env.os.empty());
    CHECK((env.torchVersion.rfind("1.", 0) == 0 || env.torchVersion.rfind("2.", 0) == 0));
    CHECK(env.opencvVersion.rfind("4.", 0) == 0);
    CHECK(env.sqliteVersion.rfind("3.", 0) == 0);
    CHECK_FALSE(env.blas.empty());
    CHECK_FALSE(env.cudaReason.empty());
    CHECK(env.cudaAvailable == (!env.gpus.empty()));

    auto json = nlohmann::json::parse(env.toJson());
    CHECK(json["cuda_reason"] == env.cudaReason);
    CHECK(json["libtorch"] == env.torchVersion);
    CHECK(env.toText().find("CUDA:") != std::string::npos);
}

TEST_CASE("useAllCoresForTorch raises LibTorch's thread count to the machine's cores", "[env]") {
    kiln::useAllCoresForTorch();
    auto env = kiln::captureEnvironment();
    CHECK(env.torchThreads == env.cpuCores);
}
