#include "core/env/environment.h"

#include <sqlite3.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <opencv2/core/version.hpp>
#include <sstream>
#include <thread>

#include "core/base/build_info.h"

namespace kiln {

// Defined in environment_torch.cpp: the only part that needs LibTorch's headers.
void captureTorchEnvironment(Environment& env);

namespace {

std::string osPrettyName() {
    std::ifstream in("/etc/os-release");
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("PRETTY_NAME=", 0) != 0) continue;
        std::string value = line.substr(12);
        if (value.size() >= 2 && value.front() == '"') value = value.substr(1, value.size() - 2);
        return value;
    }
    return "unknown";
}

std::string cpuModelName() {
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("model name", 0) != 0) continue;
        auto colon = line.find(':');
        if (colon != std::string::npos) return line.substr(line.find_first_not_of(' ', colon + 1));
    }
    return "unknown";
}

std::uint64_t physicalMemory() {
    long pages = sysconf(_SC_PHYS_PAGES), size = sysconf(_SC_PAGE_SIZE);
    return pages > 0 && size > 0 ? std::uint64_t(pages) * std::uint64_t(size) : 0;
}

std::string gib(std::uint64_t bytes) {
    std::ostringstream out;
    out.precision(1);
    out << std::fixed << double(bytes) / (1024.0 * 1024.0 * 1024.0) << " GiB";
    return out.str();
}

}  // namespace

Environment captureEnvironment() {
    Environment env;
    env.kilnVersion = build::kKilnVersion;
    env.os = osPrettyName();
    struct utsname uts {};
    if (uname(&uts) == 0) {
        env.kernel = std::string(uts.sysname) + " " + uts.release + " " + uts.machine;
        env.hostname = uts.nodename;
    }
    env.cpuModel = cpuModelName();
    env.cpuCores = int(std::thread::hardware_concurrency());
    env.memoryBytes = physicalMemory();
    env.compiler = std::string(build::kCompilerId) + " " + build::kCompilerVersion;
    env.qtVersion = build::kQtVersion;
    env.opencvVersion = CV_VERSION;
    env.sqliteVersion = sqlite3_libversion();
    captureTorchEnvironment(env);
    return env;
}

std::string Environment::toJson(int indent) const {
    nlohmann::json gpuList = nlohmann::json::array();
    for (const auto& gpu : gpus)
        gpuList.push_back({{"index", gpu.index}, {"name", gpu.name}, {"memory_bytes", gpu.memoryBytes}});
    nlohmann::json j = {
        {"kiln", kilnVersion},       {"os", os},
        {"kernel", kernel},          {"hostname", hostname},
        {"cpu", cpuModel},           {"cpu_cores", cpuCores},
        {"memory_bytes", memoryBytes}, {"compiler", compiler},
        {"qt", qtVersion},           {"libtorch", torchVersion},
        {"torch_threads", torchThreads}, {"opencv", opencvVersion},
        {"sqlite", sqliteVersion},   {"blas", blas},
        {"cuda_available", cudaAvailable}, {"cuda_reason", cudaReason},
        {"cuda_version", cudaVersion}, {"gpus", gpuList},
    };
    return j.dump(indent);
}

std::string Environment::toText() const {
    std::ostringstream out;
    out << "Kiln:      " << kilnVersion << "\n"
        << "OS:        " << os << " (" << kernel << ")\n"
        << "CPU:       " << cpuModel << ", " << cpuCores << " cores\n"
        << "Memory:    " << gib(memoryBytes) << "\n"
        << "Compiler:  " << compiler << "\n"
        << "Qt:        " << (qtVersion.empty() ? "not built" : qtVersion) << "\n"
        << "LibTorch:  " << torchVersion << " (" << torchThreads << " threads)\n"
        << "OpenCV:    " << opencvVersion << "\n"
        << "SQLite:    " << sqliteVersion << "\n"
        << "BLAS:      " << blas << "\n"
        << "CUDA:      " << (cudaAvailable ? "available" : "not available") << " — " << cudaReason
        << "\n";
    for (const auto& gpu : gpus)
        out << "GPU " << gpu.index << ":     " << gpu.name << ", " << gib(gpu.memoryBytes) << "\n";
    return out.str();
}

}  // namespace kiln
