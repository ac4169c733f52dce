#include "core/base/parallel.h"

#include <exception>
#include <thread>
#include <vector>

namespace kiln {

int defaultThreadCount() {
    unsigned cores = std::thread::hardware_concurrency();
    return cores ? int(cores) : 1;
}

void parallelSlices(std::uint64_t n, int parts,
                    const std::function<void(int, std::uint64_t, std::uint64_t)>& fn) {
    if (parts < 1) parts = 1;
    std::vector<std::exception_ptr> errors(static_cast<std::size_t>(parts));
    auto runPart = [&](int part) {
        std::uint64_t begin = n * std::uint64_t(part) / std::uint64_t(parts);
        std::uint64_t end = n * std::uint64_t(part + 1) / std::uint64_t(parts);
        try {
            fn(part, begin, end);
        } catch (...) {
            errors[std::size_t(part)] = std::current_exception();
        }
    };
    std::vector<std::thread> workers;
    for (int part = 1; part < parts; ++part) workers.emplace_back(runPart, part);
    runPart(0);
    for (auto& worker : workers) worker.join();
    for (auto& error : errors)
        if (error) std::rethrow_exception(error);
}

}  // namespace kiln
