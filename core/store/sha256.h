#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "core/base/result.h"

struct evp_md_ctx_st;

namespace kiln {

// Incremental SHA-256 (FIPS 180-4), computed by OpenSSL. Feed bytes with update(), read the
// digest once with hexDigest(). Not thread-safe; one hasher per stream.
class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;
    void update(const void* data, std::size_t size);
    void update(std::string_view bytes) { update(bytes.data(), bytes.size()); }
    // Finishes the hash; the hasher must not be updated afterwards.
    std::array<std::uint8_t, 32> digest();
    // 64 lower-case hex characters.
    std::string hexDigest();

    static std::string hashHex(std::string_view bytes);

private:
    evp_md_ctx_st* m_context;
};

// The hex SHA-256 of a file's bytes, streamed. Io when it cannot be read.
Result<std::string> sha256OfFile(const std::filesystem::path& file);

// Whether `text` is 64 lower-case hex characters: an object's name in the store.
bool isSha256Hex(std::string_view text);

}  // namespace kiln
