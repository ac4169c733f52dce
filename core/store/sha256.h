#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace kiln {

// Incremental SHA-256 (FIPS 180-4). Feed bytes with update(), read the digest once with
// hexDigest(). Not thread-safe; one hasher per stream.
class Sha256 {
public:
    Sha256();
    void update(const void* data, std::size_t size);
    void update(std::string_view bytes) { update(bytes.data(), bytes.size()); }
    // Finishes the hash; the hasher must not be updated afterwards.
    std::array<std::uint8_t, 32> digest();
    // 64 lower-case hex characters.
    std::string hexDigest();

    static std::string hashHex(std::string_view bytes);

private:
    void compress(const std::uint8_t* block);

    std::array<std::uint32_t, 8> m_state;
    std::array<std::uint8_t, 64> m_buffer;
    std::size_t m_buffered = 0;
    std::uint64_t m_length = 0;
};

}  // namespace kiln
