// Times Kiln's numeric profile of one float64 .npy column (the column stats_numpy.py saves) and
// prints one JSON line with the figures and Kiln's statistics, for bench/stats_vs_numpy.sh.
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/data/numeric_summary.h"

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: kiln_stats_bench COLUMN.npy [RUNS]\n";
        return 2;
    }
    int runs = argc > 2 ? std::atoi(argv[2]) : 5;
    int fd = open(argv[1], O_RDONLY);
    struct stat st {};
    if (fd < 0 || fstat(fd, &st) != 0) return std::cerr << "cannot open " << argv[1] << "\n", 1;
    auto* base = static_cast<const std::uint8_t*>(mmap(nullptr, std::size_t(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0));
    std::uint16_t headerLength;
    std::memcpy(&headerLength, base + 8, 2);
    std::string header(reinterpret_cast<const char*>(base + 10), headerLength);
    if (header.find("'<f8'") == std::string::npos) return std::cerr << "need a <f8 column\n", 1;
    auto* values = reinterpret_cast<const double*>(base + 10 + headerLength);
    std::uint64_t rows = (std::uint64_t(st.st_size) - 10 - headerLength) / 8;

    kiln::NumericSummaryOptions options;
    options.bins = 50;
    kiln::NumericSummary s = kiln::summariseNumeric(values, rows, nullptr, options);  // warm-up
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        auto t0 = std::chrono::steady_clock::now();
        s = kiln::summariseNumeric(values, rows, nullptr, options);
        ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    nlohmann::json q;
    for (std::size_t k = 0; k < kiln::kProfileQuantiles.size(); ++k) q.push_back(s.quantiles[k]);
    std::cout << nlohmann::json{{"bench", "kiln_stats"}, {"rows", rows},
                                {"threads", kiln::NumericSummaryOptions{}.threads},
                                {"ms_median", ms[ms.size() / 2]}, {"ms_min", ms.front()},
                                {"count", s.count}, {"missing", s.missing}, {"mean", s.mean},
                                {"std_ddof1", s.std}, {"min", s.min}, {"max", s.max},
                                {"distinct", s.distinct}, {"quantiles", q},
                                {"hist_counts", s.histogram.counts}}
                     .dump()
              << "\n";
}
