#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace kiln {

// A GPU LibTorch can use.
struct GpuInfo {
    int index = 0;
    std::string name;
    std::uint64_t memoryBytes = 0;
};

// What a run was computed with, recorded so any result can be reproduced and shown in
// Help ▸ About. Capturing is cheap (well under a second) and safe from any thread.
struct Environment {
    std::string kilnVersion;
    std::string os;             // "Debian GNU/Linux 12 (bookworm)"
    std::string kernel;         // "Linux 6.1.0-… x86_64"
    std::string hostname;
    std::string cpuModel;
    int cpuCores = 0;           // logical cores available to this process
    std::uint64_t memoryBytes = 0;
    std::string compiler;       // "GNU 12.2.0"
    std::string qtVersion;      // Qt that Kiln Studio was built with, empty when not built
    std::string torchVersion;
    int torchThreads = 0;
    std::string opencvVersion;
    std::string sqliteVersion;
    std::string blas;           // the BLAS library LibTorch calls, e.g. "OpenBLAS 0.3.21 (pthread)"
    bool cudaAvailable = false;
    std::string cudaReason;     // why CUDA is or is not available, in a sentence
    std::string cudaVersion;    // CUDA runtime LibTorch was built with, empty for CPU builds
    std::vector<GpuInfo> gpus;

    // One JSON object (pretty when `indent` >= 0).
    std::string toJson(int indent = -1) const;
    // Human-readable "key: value" lines.
    std::string toText() const;
};

// Reads the environment of this process and machine.
Environment captureEnvironment();

// Sets LibTorch's intra-op threads to the machine's cores (it defaults to 1 on Debian's build).
void useAllCoresForTorch();
// Sets LibTorch's intra-op threads: `threads` > 0 exactly, 0 every core.
void setTorchThreads(int threads);

}  // namespace kiln
