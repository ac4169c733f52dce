#pragma once
// What every harness shares: a scratch folder of its own process (on a RAM file system when
// there is one) and a way to turn the fuzzer's bytes into a file the readers open by path.

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace kiln::fuzz {

// A folder removed when the process exits normally ($KILN_FUZZ_TMP, else /dev/shm, else /tmp).
inline const std::filesystem::path& scratch() {
    static const std::filesystem::path dir = [] {
        std::filesystem::path base = "/tmp";
        if (const char* t = std::getenv("KILN_FUZZ_TMP")) base = t;
        else if (std::filesystem::is_directory("/dev/shm")) base = "/dev/shm";
        auto d = base / ("kiln-fuzz-" + std::to_string(::getpid()));
        std::filesystem::create_directories(d);
        static struct Remover {
            std::filesystem::path p;
            ~Remover() {
                std::error_code ec;
                std::filesystem::remove_all(p, ec);
            }
        } remover{d};
        return d;
    }();
    return dir;
}

inline void writeFile(const std::filesystem::path& file, std::string_view bytes) {
    std::filesystem::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), std::streamsize(bytes.size()));
}

// Empties `dir` every `period` calls, so a long run does not fill the RAM disk with objects.
inline void sweepEvery(const std::filesystem::path& dir, unsigned period) {
    static unsigned calls = 0;
    if (++calls % period != 0) return;
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
}

// Takes the first byte of the input as option bits (0 when empty) and returns the rest.
inline std::string_view takeFlags(const std::uint8_t*& data, std::size_t& size, unsigned& flags) {
    flags = size ? data[0] : 0;
    if (size) ++data, --size;
    return {reinterpret_cast<const char*>(data), size};
}

}  // namespace kiln::fuzz
