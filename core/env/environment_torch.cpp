// The LibTorch half of environment capture, kept apart so only this file pays for torch headers.
#include <dlfcn.h>
#include <torch/torch.h>
#include <torch/version.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <string>
#include <thread>

#include "core/env/environment.h"

namespace kiln {

namespace {

// The BLAS LibTorch calls: OpenBLAS reports itself; otherwise name the library mapped in.
std::string blasDescription() {
    using ConfigFn = char* (*)();
    if (auto config = reinterpret_cast<ConfigFn>(dlsym(RTLD_DEFAULT, "openblas_get_config")))
        return config();
    std::ifstream maps("/proc/self/maps");
    std::string line;
    while (std::getline(maps, line)) {
        auto slash = line.find('/');
        if (slash == std::string::npos) continue;
        std::string path = line.substr(slash);
        if (path.find("blas") != std::string::npos) return path;
    }
    return "unknown";
}

std::string runCommand(const char* command) {
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command, "r"), pclose);
    if (!pipe) return {};
    std::string out;
    char buffer[512];
    while (fgets(buffer, sizeof buffer, pipe.get())) out += buffer;
    return out;
}

// Names and memory of the CUDA devices, from nvidia-smi (LibTorch's CPU headers cannot ask).
std::vector<GpuInfo> listGpus(int count) {
    std::vector<GpuInfo> gpus;
    std::string table = runCommand(
        "nvidia-smi --query-gpu=index,name,memory.total --format=csv,noheader,nounits 2>/dev/null");
    std::size_t start = 0;
    while (start < table.size() && int(gpus.size()) < count) {
        auto end = table.find('\n', start);
        std::string row = table.substr(start, end - start);
        start = end == std::string::npos ? table.size() : end + 1;
        auto c1 = row.find(", "), c2 = row.rfind(", ");
        if (c1 == std::string::npos || c2 == c1) continue;
        GpuInfo gpu;
        gpu.index = std::atoi(row.c_str());
        gpu.name = row.substr(c1 + 2, c2 - c1 - 2);
        gpu.memoryBytes = std::uint64_t(std::atoll(row.c_str() + c2 + 2)) * 1024 * 1024;
        gpus.push_back(gpu);
    }
    for (int i = int(gpus.size()); i < count; ++i) gpus.push_back({i, "CUDA device " + std::to_string(i), 0});
    return gpus;
}

}  // namespace

void captureTorchEnvironment(Environment& env) {
    env.torchVersion = TORCH_VERSION;
    env.torchThreads = torch::get_num_threads();
    env.blas = blasDescription();
    if (!at::hasCUDA()) {
        env.cudaReason = "this LibTorch build has no CUDA support (Debian's libtorch is CPU-only; "
                         "point CMAKE_PREFIX_PATH at a CUDA LibTorch to use a GPU)";
        return;
    }
    int versionNumber = at::detail::getCUDAHooks().versionCUDART();
    env.cudaVersion = std::to_string(versionNumber / 1000) + "." + std::to_string(versionNumber % 1000 / 10);
    int count = int(torch::cuda::device_count());
    env.cudaAvailable = count > 0;
    env.cudaReason = env.cudaAvailable
                         ? "LibTorch has CUDA " + env.cudaVersion + " and sees " +
                               std::to_string(count) + " device(s)"
                         : "LibTorch has CUDA support but sees no device (no NVIDIA driver, or "
                           "CUDA_VISIBLE_DEVICES hides them)";
    env.gpus = listGpus(count);
}

void useAllCoresForTorch() {
    int cores = int(std::thread::hardware_concurrency());
    if (cores > 0) torch::set_num_threads(cores);
}

void setTorchThreads(int threads) {
    if (threads > 0)
        torch::set_num_threads(threads);
    else
        useAllCoresForTorch();
}

}  // namespace kiln
